"""The DOCX writer: a document tree in, the bytes of a real Word document out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, cast

import attrs

from pccplan.compose.tree import (
    AttachedFile,
    Block,
    BulletList,
    Cell,
    Contents,
    Document,
    Emph,
    Inline,
    Letterhead,
    LineBreak,
    Link,
    Metadata,
    Note,
    OrderedList,
    Paragraph,
    Picture,
    Ref,
    Section,
    Strong,
    Table,
    Text,
    TitleBlock,
    tree_facts,
)
from pccplan.compose.walk import exempt_view, reference_texts
from pccplan.number_formats import ListStyle, style_for_depth
from pccplan.render.anchors import reference_bookmark as _reference_name
from pccplan.render.contents import contents_entries
from pccplan.render.docx import merge, opc, pictures, tables, xml
from pccplan.render.docx.package import open_template, package_bytes
from pccplan.render.docx.styles import HOUSE_STYLES, Role, text_width
from pccplan.render.options import AttachedDocument, RenderOptions

if TYPE_CHECKING:
    from lxml.etree import ElementBase as BaseOxmlElement

    from pccplan.opc.parts import Package, Part, WordDocument, XmlPart
    from pccplan.opc.parts import Package as OpcPackage

__all__ = ["parsed_part", "render"]

_MAX_LEVEL = 8  # Word list levels run 0-8
_LIST_LEFT, _LIST_STEP, _LIST_HANGING = 1077, 360, 357


def _list_left(level: int, *, in_cell: bool) -> int:
    """Where the text of a list item at `level` starts: from the page margin, or from a cell's edge."""
    return (_LIST_HANGING if in_cell else _LIST_LEFT) + _LIST_STEP * level


@attrs.frozen
class _Where:
    """Where blocks are being written: it decides paragraph styles and list levels."""

    depth: int = 0  # section depth: 0 at top level
    numbered: bool = False  # inside a numbered section
    list_depth: int = 0  # lists nested around this point
    place: str = "flow"  # flow, list, cell, header-cell, note
    in_cell: bool = False  # inside a table cell, however deep in lists: indents start at the cell's edge
    align: str | None = None  # a table column's alignment ('right' for numbers), for its cells' paragraphs


class _Links:
    """Hyperlink relationships of one part: one per distinct URL, numbered after the part's own."""

    def __init__(self, part: Part) -> None:
        from pccplan.opc.parts import RELATIONSHIP_TYPE as RT

        self._reltype = RT.HYPERLINK
        self.part = part
        self._rels = part.rels
        self._by_url: dict[str, str] = {}

    def rid(self, url: str) -> str:
        """The relationship id for `url`, added on first use, numbered after every id the part has.

        The number is found when the link is added, because pictures add relationships too.
        """
        found = self._by_url.get(url)
        if found is None:
            numbers = [int(rid[3:]) for rid in self._rels if rid.startswith("rId") and rid[3:].isdigit()]
            found = f"rId{max(numbers, default=0) + 1}"
            self._rels.add_relationship(self._reltype, url, found, is_external=True)
            self._by_url[url] = found
        return found


class _Writer:
    """One render: the opened template, resolved style ids, numbering ids and the notes so far."""

    splice = True
    """Whether the body's markup may go into the part's bytes unparsed (`markup`); the tests
    compare the bytes with the body parsed."""

    def __init__(self, document: WordDocument, meta: Metadata, *, house: bool) -> None:
        from pccplan.opc.parts import RELATIONSHIP_TYPE as RT

        self.rt = RT
        self.document = document
        self.part = document.part
        self.package: Package = self.part.package
        self.meta = meta
        self.sect = xml.emptied_body(document.element.body)
        for rid, rel in list(self.part.rels.items()):
            if rel.reltype in (RT.HYPERLINK, RT.IMAGE):
                del self.part.rels[rid]
        width, left, right = xml.page_geometry(self.sect)
        self.width = text_width(width, left, right)
        self.styles = self._resolve_styles(house)
        self.next_note = 1
        self.list_nums: list[xml.El] = []
        self.images = pictures.Images(self.package)
        self.sections = 0  # section headings written so far: each one's index names its bookmark
        self.bookmarks = False  # whether headings carry bookmarks (only when a Contents lists them)
        self.markup: list[bytes] = []  # the body's markup, spliced into document.xml's bytes

    # ------------------------------------------------------------ set-up

    def _resolve_styles(self, house: bool) -> dict[str, str]:
        """Style ids by lower-cased name, creating each house style the template lacks."""
        styles = self.document.styles.element
        if house:
            xml.set_default_fonts(styles, font="Arial", size=12, space_after=0)
        xml.set_default_language(styles, self.meta.language)
        found = xml.style_names(styles)
        taken = {style_id for style_id, _kind in found.values()}
        ids = {name: style_id for name, (style_id, _kind) in found.items()}
        for spec in HOUSE_STYLES:
            if spec.name.lower() in ids:
                continue
            if spec.caps and not self.meta.capitals:
                spec = attrs.evolve(spec, caps=False)
            style_id = spec.style_id
            suffix = 1
            while style_id in taken:
                suffix += 1
                style_id = f"{spec.style_id}{suffix}"
            taken.add(style_id)
            ids[spec.name.lower()] = style_id
            made = xml.style_element(attrs.evolve(spec, style_id=style_id), ids, text_width=self.width)
            xml.add_style(styles, made)
        return ids

    def style(self, name: str) -> str:
        """The style id for a Word style name (always present after set-up)."""
        return self.styles[name.lower()]

    def _numbering(self) -> None:
        """Add the report, bullet and ordered list definitions; the ids count up from the template's."""
        from pccplan.opc.parts import CONTENT_TYPE as CT

        part, _new = self._document_part(
            self.rt.NUMBERING, "/word/numbering.xml", CT.WML_NUMBERING, xml.numbering_root
        )
        self.numbering_root: xml.El = part.element
        last_abstract, last_num = xml.numbering_ids(self.numbering_root)
        self.report_abstract, self.bullet_abstract, self.ordered_abstract = (
            last_abstract + i for i in (1, 2, 3)
        )
        self.report_num = last_num + 1
        self.next_num = last_num + 2
        self.style_abstracts: dict[ListStyle, int] = {}  # ordered lists in a style of their own
        self.last_ordered: dict[tuple[ListStyle, int], int] = {}  # for lists that continue

    def _finish_numbering(self) -> None:
        report = [
            xml.LevelSpec(format="decimal", text="%1.", left=720, hanging=720),
            xml.LevelSpec(format="decimal", text="%1.%2", left=720, hanging=720),
        ]
        symbols = (("\uf0b7", "Symbol"), ("o", "Courier New"), ("\uf0a7", "Wingdings"))
        bullets = [
            xml.LevelSpec(
                format="bullet",
                text=symbols[level % 3][0],
                font=symbols[level % 3][1],
                left=_LIST_LEFT + _LIST_STEP * level,
                hanging=_LIST_HANGING,
            )
            for level in range(_MAX_LEVEL + 1)
        ]
        ordered = [
            xml.LevelSpec(
                format=style_for_depth(level).format.value,
                text=style_for_depth(level).level_text(level),
                left=_LIST_LEFT + _LIST_STEP * level,
                hanging=_LIST_HANGING,
            )
            for level in range(_MAX_LEVEL + 1)
        ]
        abstracts = [
            xml.abstract_num(self.report_abstract, report, name="Report numbering"),
            xml.abstract_num(self.bullet_abstract, bullets, name="Bullets"),
            xml.abstract_num(self.ordered_abstract, ordered, name="Ordered list"),
        ]
        for style, abstract_id in self.style_abstracts.items():
            levels = [
                xml.LevelSpec(
                    format=style.format.value,
                    text=style.level_text(level),
                    left=_LIST_LEFT + _LIST_STEP * level,
                    hanging=_LIST_HANGING,
                )
                for level in range(_MAX_LEVEL + 1)
            ]
            abstracts.append(xml.abstract_num(abstract_id, levels, name=f"Ordered list {style.value}"))
        nums = [
            xml.num(self.report_num, self.report_abstract),
            *self.list_nums,
        ]
        xml.add_numbering(self.numbering_root, abstracts, nums)

    def _footnotes(self) -> None:
        """Find or add the footnotes part; a template's own notes go, its separators stay."""
        part = footnotes_part(self.document)
        self.notes_root: xml.El = part.element
        self.notes_part = part
        self.next_note = xml.keep_separators(self.notes_root)
        self.note_links = _Links(part)

    def _header_footer(self, *, title_page: bool) -> None:
        """Running header (title) and footer ('Page N of M'), unless the template brings its own.

        When the document opens with a title block (`title_page`), the first page carries the
        title itself, so it gets no running header, as council reports are laid out; its
        footer still shows the page number.
        """
        from pccplan.opc.parts import CONTENT_TYPE as CT

        for kind, root_tag, content_type, reltype in (
            ("header", "hdr", CT.WML_HEADER, self.rt.HEADER),
            ("footer", "ftr", CT.WML_FOOTER, self.rt.FOOTER),
        ):
            if xml.has_reference(self.sect, kind):
                continue
            if kind == "header":
                children = [xml.run(self.meta.header_text)]
                para = xml.paragraph(children, style=self.style(Role.HEADER))
            else:
                children = [xml.run(self.meta.footer)] if self.meta.footer else []
                children.append(xml.run("\tPage "))
                children += xml.field_runs("PAGE", "1")
                children.append(xml.run(" of "))
                children += xml.field_runs("NUMPAGES", "1")
                para = xml.paragraph(children, style=self.style(Role.FOOTER))
            root = xml.header_footer_root(root_tag, [para])
            _part, rid = self._new_part(self.part, f"/word/{kind}%d.xml", content_type, root, reltype)
            xml.set_section_references(self.sect, kind, rid)
            if title_page and kind == "footer":
                xml.set_section_references(self.sect, kind, rid, page="first")
                xml.set_title_page(self.sect)

    def _properties(self) -> None:
        """Core properties from the metadata, minimal app properties, and no thumbnail."""
        from pccplan.opc.parts import CONTENT_TYPE as CT

        meta = self.meta
        core = opc.core_properties(
            title=meta.title,
            subject=meta.subject,
            author=meta.author,
            keywords=meta.keywords,
            description=meta.description,
            language=meta.language,
            date=meta.date,
        )
        app = opc.app_properties(application="pccplan")
        rels = self.package.rels
        drop = (self.rt.CORE_PROPERTIES, self.rt.EXTENDED_PROPERTIES, self.rt.THUMBNAIL)
        for rid, rel in list(rels.items()):
            if rel.reltype in drop:
                del rels[rid]
        for partname, content_type, reltype, element in (
            ("/docProps/core.xml", CT.OPC_CORE_PROPERTIES, self.rt.CORE_PROPERTIES, core),
            ("/docProps/app.xml", CT.OFC_EXTENDED_PROPERTIES, self.rt.EXTENDED_PROPERTIES, app),
        ):
            self._new_part(self.package, partname, content_type, element, reltype)

    def _document_part(
        self, reltype: str, name: str, content_type: str, empty: Callable[[], xml.El]
    ) -> tuple[XmlPart, bool]:
        """The document's part of `reltype`, parsed, and whether it is new (made from `empty()` when absent).

        A template's part python-docx keeps as bytes (it has no class for footnotes) is parsed here.
        """
        from pccplan.opc.parts import XmlPart

        try:
            found = self.part.part_related_by(reltype)
        except KeyError:
            return self._new_part(self.part, name, content_type, empty(), reltype)[0], True
        return (found if isinstance(found, XmlPart) else parsed_part(found, self.part, reltype)), False

    def _new_part(
        self, source: Part | OpcPackage, name: str, content_type: str, element: xml.El, reltype: str
    ) -> tuple[XmlPart, str]:
        """A new XML part holding `element`, related from `source`; its relationship id too.

        A '%d' in `name` takes the package's next free number ('/word/header%d.xml').
        """
        from pccplan.opc.parts import PackURI, XmlPart

        partname = self.package.next_partname(name) if "%d" in name else PackURI(name)
        # python-docx types a part's root as its own element class; any lxml element serialises.
        part = XmlPart(partname, content_type, cast("BaseOxmlElement", element), self.package)
        return part, source.relate_to(part, reltype)

    # ------------------------------------------------------------ the body

    def write(self, doc: Document, appendices: Sequence[AttachedDocument] = ()) -> None:
        """Write `doc` (already an exempt view) into the opened package, then attach `appendices`."""
        # What the writer must know before it starts, found when the tree was built.
        facts = tree_facts(doc)
        has_notes, has_refs = Note in facts.kinds, Ref in facts.kinds
        self._numbering()
        if has_notes:
            self._footnotes()
        head = doc.blocks[0] if doc.blocks else None  # a title or a letter's head tops page 1
        self._header_footer(title_page=isinstance(head, TitleBlock | Letterhead))
        self._properties()
        self.links = _Links(self.part)  # after every part relationship, so link rIds follow them
        self.doc = doc
        self.bookmarks = Contents in facts.kinds
        self.refs = reference_texts(doc) if has_refs else {}
        self.numbered_labels = facts.numbered_labels
        self.bookmarked: list[str] = []
        self.attached = merge.Attachments()
        add = self.sect.addprevious
        items = self.blocks(doc.blocks, _Where())
        # The body's markup goes into the part's bytes as it is, unparsed, unless something reads
        # the body again after this (an attached file or appendix is merged into it).
        if self.splice and AttachedFile not in facts.kinds and not appendices and xml.can_splice(self.sect):
            body = xml.placeholders(items, self.markup)
        else:
            body = xml.elements(items)
        for element in body:
            add(element)
        self._finish_numbering()
        # The tree's attached files go in where they stand, now that the host's ids are all taken.
        self.attached.attach_marked(
            self.document, numbering=lambda: self.numbering_root, footnotes=self.footnotes
        )
        for appendix in appendices:
            number = self.attached.next_number()
            self.attach(appendix, number, self.attached.name_for(str(number), number))

    def footnotes(self) -> tuple[xml.El, Part]:
        """The host's footnotes root and part, made when first needed (by an appendix's notes)."""
        if not hasattr(self, "notes_root"):
            self._footnotes()
        return self.notes_root, self.notes_part

    def attach(self, appendix: AttachedDocument, number: int, name: str) -> None:
        """Attach an appendix after what is written: its heading on a new page, then its body."""
        opened, _house = open_template(appendix.source, what="appendix")
        heading = xml.paragraph(
            [xml.run(appendix.title)], style=self.style(Role.HEADINGS[0]), page_break_before=True
        )
        self.sect.addprevious(heading)
        elements = merge.attach(
            self.document,
            opened,
            number=number,
            name=name,
            numbering=lambda: self.numbering_root,
            footnotes=self.footnotes,
        )
        for element in elements:
            self.sect.addprevious(element)

    def blocks(self, blocks: Iterable[Block], where: _Where) -> list[xml.El | str]:
        """The body elements for `blocks` written at `where`, ordinary paragraphs as markup
        (`xml.elements` parses it, `xml.placeholders` holds it for the part's bytes)."""
        out: list[xml.El | str] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                last = out[-1] if out else None
                after_table = (
                    last is not None
                    and not isinstance(last, str)
                    and xml.is_table(last)
                    and where.place not in ("cell", "header-cell")
                )
                out.append(self.paragraph(block, where, space_before=200 if after_table else None))
            elif isinstance(block, Section):
                self.section(block, where, out)
            elif isinstance(block, BulletList | OrderedList):
                self.list_items(block, where, out)
            elif isinstance(block, Table):
                self.table(block, where, out)
            elif isinstance(block, Contents):
                out.append(self.contents(block))
            elif isinstance(block, AttachedFile):
                out.append(self.attached.mark(block))
            elif isinstance(block, Letterhead):
                self.letterhead(block, out)
            else:
                self.title_block(block, out)
        return out

    def paragraph(self, block: Paragraph, where: _Where, *, space_before: int | None = None) -> xml.El | str:
        """The Word paragraph of `block` written at `where`, with `space_before` (twips) above it."""
        if block.numbered:
            return self.para(
                block,
                style=self.style(Role.NUMBERED),
                numbering=(self.report_num, 1),
                space_before=space_before,
            )
        if where.place == "cell":
            return self.para(
                block, style=self.style(Role.TABLE_TEXT), align=where.align, space_before=space_before
            )
        if where.place == "header-cell":
            return self.para(
                block, style=self.style(Role.TABLE_HEADING), align=where.align, space_before=space_before
            )
        if where.place == "list":
            left = _list_left(min(where.list_depth - 1, _MAX_LEVEL), in_cell=where.in_cell)
            return self.para(block, style=self.style(Role.LIST), indent_left=left, space_before=space_before)
        style = self.style(Role.BODY_INDENT if where.numbered else Role.BODY)
        return self.para(block, style=style, space_before=space_before)

    def para(
        self,
        block: Paragraph,
        *,
        style: str | None,
        numbering: tuple[int, int] | None = None,
        indent_left: int | None = None,
        align: str | None = None,
        space_before: int | None = None,
    ) -> xml.El | str:
        """`block` as a Word paragraph in the body: markup when its inlines are all text,
        emphasis and links (nearly every paragraph), else an element (notes, references, pictures)."""
        if _markup_only(block.content):
            runs = self.inline_markup(block.content)
            return xml.paragraph_markup(
                runs,
                style=style,
                numbering=numbering,
                indent_left=indent_left,
                align=align,
                keep_next=block.keep_with_next,
                space_before=space_before,
                bookmarks=self.targets(block.label),
            )
        made = xml.paragraph(
            self.inlines(block.content, self.links),
            style=style,
            numbering=numbering,
            indent_left=indent_left,
            align=align,
        )
        self.target(made, block.label)
        _kept(made, block)
        if space_before is not None:
            xml.set_space_before(made, space_before)
        return made

    def section(self, block: Section, where: _Where, out: list[xml.El | str]) -> None:
        marks = [(self.sections, _bookmark_name(self.sections))] if self.bookmarks else []
        marks += self.targets(block.label)
        heading = xml.paragraph_markup(
            [xml.run_markup(block.title)],
            style=self.style(Role.HEADINGS[min(where.depth, len(Role.HEADINGS) - 1)]),
            numbering=(self.report_num, 0) if block.numbered else None,
            page_break_before=block.new_page,
            bookmarks=marks,
        )
        self.sections += 1
        out.append(heading)
        inner = attrs.evolve(where, depth=where.depth + 1, numbered=where.numbered or block.numbered)
        out.extend(self.blocks(block.blocks, inner))

    def contents(self, block: Contents) -> xml.El:
        """A table of contents whose entries are already filled in, linked to the headings' bookmarks.

        The entries have no page numbers until Word updates the field (F9): pccplan does not lay
        out pages, and LibreOffice shows a TOC's stored entries as they are (see docs/dev/toc.md).
        """
        heading = xml.paragraph([xml.run(block.title)], style=self.style(Role.CONTENTS_HEADING))
        entries = [
            xml.contents_entry(
                f"{entry.number} {entry.title}" if entry.number else entry.title,
                bookmark=_bookmark_name(entry.index),
                style=self.style(Role.CONTENTS[entry.level - 1]),
            )
            for entry in contents_entries(self.doc, block)
        ]
        return xml.contents(heading, entries, levels=block.depth)

    def title_block(self, block: TitleBlock, out: list[xml.El | str]) -> None:
        if block.logo is not None:  # above the title, in a Normal paragraph of its own
            out.append(xml.paragraph([self.images.run(block.logo, self.part)]))
        out.append(xml.paragraph_markup([xml.run_markup(block.title)], style=self.style(Role.TITLE)))
        for line in block.lines:
            out.append(self.para(line, style=self.style(Role.SUBTITLE)))

    def letterhead(self, block: Letterhead, out: list[xml.El | str]) -> None:
        """The letter's head: the logo in a paragraph of its own, then each line, all in the Letterhead style.

        The style marks the head's extent for the reader; a template's own Letterhead style sets
        where it sits (right-aligned, say).
        """
        style = self.style(Role.LETTERHEAD)
        if block.logo is not None:
            out.append(xml.paragraph([self.images.run(block.logo, self.part)], style=style))
        for line in block.lines:
            out.append(self.para(line, style=style))

    def list_items(self, block: BulletList | OrderedList, where: _Where, out: list[xml.El | str]) -> None:
        level = min(where.list_depth, _MAX_LEVEL)
        # Each list is its own instance, so two lists in a row stay two lists for a reader.
        num_id = self.next_num
        self.next_num += 1
        if isinstance(block, BulletList):
            self.list_nums.append(xml.num(num_id, self.bullet_abstract))
        else:
            num_id = self.ordered_num(block, level, num_id)
        inner = attrs.evolve(where, list_depth=where.list_depth + 1, place="list")
        for item in block.items:
            first = item.blocks[0]
            assert isinstance(first, Paragraph)  # ListItem guarantees it
            # In a cell the list level's page indent would waste most of a narrow column.
            left = _list_left(level, in_cell=True) if where.in_cell else None
            out.append(
                self.para(first, style=self.style(Role.LIST), numbering=(num_id, level), indent_left=left)
            )
            out.extend(self.blocks(item.blocks[1:], inner))

    def ordered_num(self, block: OrderedList, level: int, new_id: int) -> int:
        """The list instance an ordered list's items are numbered by (see docs/dev/list-formats.md).

        A list in a style of its own follows a definition made for that style. A list that
        `continues` shares the instance of the last list of its style at its level, so Word
        counts on; any other list is instance `new_id`, which restarts its level at `start`.
        """
        key = (block.style or style_for_depth(level), level)
        if block.continues and key in self.last_ordered:
            return self.last_ordered[key]
        if block.style is None:
            abstract = self.ordered_abstract
        else:
            abstract = self.style_abstracts.setdefault(
                block.style, self.ordered_abstract + 1 + len(self.style_abstracts)
            )
        self.list_nums.append(xml.num(new_id, abstract, restart_level=level, start=block.start))
        self.last_ordered[key] = new_id
        return new_id

    def table(self, block: Table, where: _Where, out: list[xml.El | str]) -> None:
        # A table inside a list item is indented to the item's text, which also tells a reader
        # of the file that it belongs to the item.
        indent = (
            _list_left(min(where.list_depth - 1, _MAX_LEVEL), in_cell=where.in_cell)
            if where.place == "list"
            else None
        )
        if block.caption:
            caption = xml.paragraph(
                [xml.run(block.caption)], style=self.style(Role.CAPTION), indent_left=indent
            )
            self.target(caption, block.label)
            out.append(caption)
        available = max(self.width - (indent or 0), 1440)
        cell_where = _Where(depth=where.depth, numbered=False, list_depth=0, place="cell", in_cell=True)

        def write_cell(cell: Cell, heading: bool, align: str | None) -> list[xml.El]:
            here = attrs.evolve(cell_where, place="header-cell" if heading else "cell", align=align)
            return xml.elements(self.blocks(cell.blocks, here))

        out.append(
            xml.grid_table(
                tables.grid_rows(block, write_cell),
                style=self.style(Role.TABLE),
                widths=tables.column_widths(block, available),
                caption=block.caption,
                indent=indent,
                first_column=block.row_headers,
            )
        )

    # ------------------------------------------------------------ inlines

    def inlines(
        self,
        inlines: Iterable[Inline],
        links: _Links,
        *,
        bold: bool = False,
        italic: bool = False,
        style: str | None = None,
    ) -> list[xml.El]:
        """The runs and hyperlinks for `inlines`; `links` holds the relationships of the part they go in."""
        out: list[xml.El] = []
        for node in inlines:
            if isinstance(node, Text):
                out.append(xml.run(node.text, style=style, bold=bold, italic=italic))
            elif isinstance(node, Emph):
                out += self.inlines(node.content, links, bold=bold, italic=True, style=style)
            elif isinstance(node, Strong):
                out += self.inlines(node.content, links, bold=True, italic=italic, style=style)
            elif isinstance(node, Link):
                runs = self.inlines(
                    node.content, links, bold=bold, italic=italic, style=self.style(Role.HYPERLINK)
                )
                out.append(xml.hyperlink(links.rid(node.url), runs))
            elif isinstance(node, Note):
                out.append(self.note(node))
            elif isinstance(node, LineBreak):
                out.append(xml.run("\n", style=style, bold=bold, italic=italic))
            elif isinstance(node, Ref):
                shown = xml.run(self.refs[node.target], style=style, bold=bold, italic=italic)
                number = node.target in self.numbered_labels
                out += xml.reference_field(_reference_name(node.target), number=number, result=shown)
            elif isinstance(node, Picture):
                out.append(self.images.run(node, links.part))
        return out

    def target(self, element: xml.El, label: str | None) -> None:
        """Put the bookmark a `Ref` to `label` points at around paragraph `element` (if labelled)."""
        for number, name in self.targets(label):
            xml.bookmark(element, number, name)

    def targets(self, label: str | None) -> list[tuple[int, str]]:
        """The bookmark ((id, name)) a `Ref` to `label` points at, none when there is no label."""
        if label is None:
            return []
        self.bookmarked.append(label)
        return [(_REF_BOOKMARK_IDS + len(self.bookmarked) - 1, _reference_name(label))]

    def inline_markup(
        self, inlines: Iterable[Inline], *, bold: bool = False, italic: bool = False, style: str | None = None
    ) -> list[str]:
        """The markup of `inlines(inlines, self.links, ...)` for inlines that `_markup_only` accepts."""
        out: list[str] = []
        for node in inlines:
            if isinstance(node, Text):
                out.append(xml.run_markup(node.text, style=style, bold=bold, italic=italic))
            elif isinstance(node, Emph):
                out += self.inline_markup(node.content, bold=bold, italic=True, style=style)
            elif isinstance(node, Strong):
                out += self.inline_markup(node.content, bold=True, italic=italic, style=style)
            elif isinstance(node, Link):
                runs = self.inline_markup(
                    node.content, bold=bold, italic=italic, style=self.style(Role.HYPERLINK)
                )
                out.append(xml.hyperlink_markup(self.links.rid(node.url), runs))
            else:  # LineBreak
                out.append(xml.run_markup("\n", style=style, bold=bold, italic=italic))
        return out

    def note(self, node: Note) -> xml.El:
        note_id = self.next_note
        self.next_note += 1
        reference = self.style(Role.NOTE_REFERENCE)
        paragraphs = [
            _kept(
                xml.paragraph(self.inlines(p.content, self.note_links), style=self.style(Role.NOTE_TEXT)), p
            )
            for p in node.content
        ]
        self.notes_root.append(xml.footnote(note_id, paragraphs, reference_style=reference))
        return xml.footnote_reference_run(reference, note_id)


_MARKUP_INLINES = (Text, Emph, Strong, Link, LineBreak)


def _markup_only(inlines: Iterable[Inline]) -> bool:
    """Whether `inlines` are all text, emphasis, links and line breaks, which the writer puts
    as markup; notes, references and pictures are made as elements."""
    for node in inlines:
        if not isinstance(node, _MARKUP_INLINES):
            return False
        if not isinstance(node, Text | LineBreak) and not _markup_only(node.content):
            return False
    return True


def _kept(made: xml.El, block: Paragraph) -> xml.El:
    """`made`, the Word paragraph of `block`, kept with the next one when `block` asks it."""
    if block.keep_with_next:
        xml.set_keep_next(made)
    return made


_REF_BOOKMARK_IDS = 100_000  # a REF target's bookmark id: clear of the contents' ids (one a heading)


def _bookmark_name(index: int) -> str:
    """The bookmark of the `index`-th section heading; the leading '_' hides it, as in Word's own."""
    return f"_Toc{index + 1}"


def footnotes_part(document: WordDocument) -> XmlPart:
    """`document`'s footnotes part, parsed; added, with Word's two separators and the settings that
    name them, when it has none (the writer's notes, and a redline carrying a removed note, use it)."""
    from pccplan.opc.parts import CONTENT_TYPE as CT
    from pccplan.opc.parts import RELATIONSHIP_TYPE as RT
    from pccplan.opc.parts import PackURI, XmlPart

    try:
        found = document.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        # python-docx types a part's root as its own element class; any lxml element serialises.
        root = cast("BaseOxmlElement", xml.footnotes_root())
        made = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, document.part.package)
        document.part.relate_to(made, RT.FOOTNOTES)
        xml.set_footnote_properties(document.settings.element, (-1, 0))
        return made
    return found if isinstance(found, XmlPart) else parsed_part(found, document.part, RT.FOOTNOTES)


def parsed_part(part: Part, source: Part, reltype: str) -> XmlPart:
    """An XML part standing in for blob-only `part` (same name and relationships), so its XML can
    be edited; `source`'s `reltype` relationships are pointed at it. python-docx keeps parts it
    does not model (footnotes) as bytes."""
    from pccplan.opc.parts import XmlPart, parse_xml

    new = XmlPart(part.partname, part.content_type, parse_xml(part.blob), part.package)
    for rid, rel in list(part.rels.items()):
        new.rels.add_relationship(
            rel.reltype, rel.target_ref if rel.is_external else rel.target_part, rid, rel.is_external
        )
    for rid, rel in list(source.rels.items()):
        if rel.reltype == reltype:
            del source.rels[rid]
            source.rels.add_relationship(reltype, new, rid)
    return new


def render(doc: Document, options: RenderOptions | None = None) -> bytes:
    """The .docx bytes of `doc`: styles, list numbering, footnotes, hyperlinks, tables, properties.

    The same input always gives the same bytes. `options.public` leaves exempt parts out;
    `options.template` is a reference .docx whose styles and page set-up are used.
    """
    options = options or RenderOptions()
    tree = exempt_view(doc, public=options.public)
    document, house = open_template(options.template)
    word: WordDocument = document
    writer = _Writer(word, tree.meta, house=house)
    writer.write(tree, options.appendices)
    return package_bytes(document.part.package, markup={document.part.partname: writer.markup})
