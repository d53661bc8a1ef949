"""Attaching a .docx inside the output: its body after the host's, its styles and numbering kept apart.

Why not docxcompose (the well-kept library for this, MIT, on PyPI): its `Composer` maps an
appended document's styles onto the host's by name, so an appendix's 'Heading 1' takes the
host's look; with `preserve_styles=True` it renames clashing styles, but then sets every
style reference inside a body element to the last style it renamed (composer.py 2.2.0,
`add_styles`), so a table's cells all take one paragraph style; and it keeps Office's
extension markup (`w14:` attributes, `mc:AlternateContent`) that the host, written by
pccplan without `mc:Ignorable`, may not carry. It also brings in `babel`. What pccplan needs
is smaller and checkable: every clashing style renamed, the appendix's own defaults made
into its own paragraph style, numbering ids moved past the host's, images, links and
footnotes copied, and the result valid by the ISO/IEC 29500 schemas (docs/dev/merging.md).
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from lxml import etree

from pccplan.errors import RenderError
from pccplan.render.docx import xml
from pccplan.render.docx.xml import wq

if TYPE_CHECKING:  # python-docx is imported only when a DOCX is actually written
    from docx.document import Document as WordDocument
    from docx.opc.part import Part

__all__ = ["attach"]

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_REL_IDS = (f"{{{_R}}}id", f"{{{_R}}}embed", f"{{{_R}}}link", f"{{{_R}}}pict")
_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
# The namespaces ISO/IEC 29500 transitional defines, which the host may hold; anything else in
# an appendix is an Office extension that a consumer may ignore (ISO/IEC 29500-3, mc:Ignorable).
_STANDARD = frozenset(
    {
        xml.W,
        _R,
        _WP,
        _PIC,
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://www.w3.org/XML/1998/namespace",
    }
)
_DROPPED = tuple(
    wq(n)
    for n in (
        "commentRangeStart", "commentRangeEnd", "commentReference", "proofErr", "permStart", "permEnd",
        "endnoteReference",
    )
)  # fmt: skip


def _remove(element: xml.El) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _namespace(tag: str) -> str:
    return tag[1 : tag.index("}")] if tag.startswith("{") else ""


def _strip_extensions(root: xml.El) -> None:
    """Office's extension markup out: `mc:AlternateContent` becomes its fallback, and elements
    and attributes outside the standard's namespaces go (as a consumer that ignores them sees it).
    """
    for alternate in list(root.iter(f"{{{_MC}}}AlternateContent")):
        chosen = alternate.find(f"{{{_MC}}}Fallback")
        parent = alternate.getparent()
        if parent is None:
            continue
        at = parent.index(alternate)
        for child in list(chosen) if chosen is not None else []:
            parent.insert(at, child)
            at += 1
        parent.remove(alternate)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            _remove(element)  # comments and processing instructions
            continue
        if _namespace(element.tag) not in _STANDARD:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for name in [str(n) for n in element.attrib]:
            if name.startswith("{") and _namespace(name) not in _STANDARD:
                del element.attrib[name]


class _Attachment:
    """One appendix being attached: its document, and the maps from its ids to the host's."""

    def __init__(self, host: WordDocument, appendix: WordDocument, number: int) -> None:
        self.host = host
        self.appendix = appendix
        self.number = number
        self.styles: dict[str, str] = {}
        self.nums: dict[str, str] = {}
        self.default_style: str | None = None

    # ------------------------------------------------------------ styles

    def copy_styles(self) -> None:
        """Each appendix style into the host, renamed when its id or name is the host's already."""
        host_styles = self.host.styles.element
        taken_ids = {s.get(wq("styleId")) for s in host_styles.iterchildren(wq("style"))}
        taken_names = set(xml.style_names(host_styles))
        made: list[xml.El] = []
        for style in self.appendix.styles.element.iterchildren(wq("style")):
            style = copy.deepcopy(style)
            old = style.get(wq("styleId"), "")
            name_el = style.find(wq("name"))
            name = name_el.get(wq("val"), old) if name_el is not None else old
            new = old
            if old in taken_ids or name.lower() in taken_names:
                new = f"{old}Appendix{self.number}"
                while new in taken_ids:
                    new += "x"
                if name_el is not None:
                    name_el.set(wq("val"), f"{name} (Appendix {self.number})")
            if style.get(wq("default")) in ("1", "true", "on"):
                del style.attrib[wq("default")]
                if style.get(wq("type")) == "paragraph":
                    self.default_style = new
            style.set(wq("styleId"), new)
            taken_ids.add(new)
            taken_names.add(name.lower())
            self.styles[old] = new
            made.append(style)
        for style in made:
            for local in ("basedOn", "next", "link"):
                ref = style.find(wq(local))
                if ref is not None and ref.get(wq("val")) in self.styles:
                    ref.set(wq("val"), self.styles[ref.get(wq("val"), "")])
            if style.get(wq("styleId")) == self.default_style:
                self._take_defaults(style)
            xml.add_style(host_styles, style)

    def _take_defaults(self, style: xml.El) -> None:
        """The appendix's document defaults (font, size, spacing) laid under its default style."""
        defaults = self.appendix.styles.element.find(wq("docDefaults"))
        if defaults is None:
            return
        for holder, local, order in (
            ("rPrDefault", "rPr", xml.RPR_ORDER),
            ("pPrDefault", "pPr", xml.PPR_ORDER),
        ):
            found = defaults.find(f"{wq(holder)}/{wq(local)}")
            if found is None:
                continue
            own = style.find(wq(local))
            if own is None:
                own = copy.deepcopy(found)
                xml.insert_in_order(style, own, xml.STYLE_ORDER)
                continue
            for prop in found:
                if (
                    isinstance(prop.tag, str)
                    and own.find(prop.tag) is None
                    and prop.tag in {wq(n) for n in order}
                ):
                    xml.insert_in_order(own, copy.deepcopy(prop), order)

    # ------------------------------------------------------------ numbering

    def copy_numbering(self, host_numbering: Callable[[], xml.El]) -> None:
        """The appendix's list definitions into the host's numbering part, with ids past the host's."""
        try:
            source = self.appendix.part.numbering_part.element
        except NotImplementedError:  # python-docx: the appendix has no numbering part
            return
        abstracts = list(source.iterchildren(wq("abstractNum")))
        nums = list(source.iterchildren(wq("num")))
        if not abstracts and not nums:
            return
        root = host_numbering()
        last_abstract, last_num = xml.numbering_ids(root)
        abstract_map = {
            a.get(wq("abstractNumId"), ""): str(last_abstract + 1 + i) for i, a in enumerate(abstracts)
        }
        copies = []
        for abstract in abstracts:
            made = copy.deepcopy(abstract)
            old = made.get(wq("abstractNumId"), "")
            made.set(wq("abstractNumId"), abstract_map[old])
            nsid = made.find(wq("nsid"))
            if nsid is not None:  # a list's identity: two lists sharing one are joined by Word
                digest = hashlib.sha256(f"{self.number}/{old}".encode()).hexdigest()[:8].upper()
                nsid.set(wq("val"), digest)
            for local in ("styleLink", "numStyleLink"):
                ref = made.find(wq(local))
                if ref is not None and ref.get(wq("val")) in self.styles:
                    ref.set(wq("val"), self.styles[ref.get(wq("val"), "")])
            self._restyle(made)
            copies.append(made)
        num_copies = []
        for index, num in enumerate(nums):
            made = copy.deepcopy(num)
            old = made.get(wq("numId"), "")
            self.nums[old] = str(last_num + 1 + index)
            made.set(wq("numId"), self.nums[old])
            ref = made.find(wq("abstractNumId"))
            if ref is not None:
                ref.set(wq("val"), abstract_map.get(ref.get(wq("val"), ""), ref.get(wq("val"), "")))
            num_copies.append(made)
        xml.add_numbering(root, copies, num_copies)
        for style in self.host.styles.element.iterchildren(wq("style")):
            if style.get(wq("styleId")) in self.styles.values():
                self._renumber(style)

    def _renumber(self, element: xml.El) -> None:
        for num_id in element.iter(wq("numId")):
            value = num_id.get(wq("val"), "")
            if value != "0" and value in self.nums:
                num_id.set(wq("val"), self.nums[value])

    # ------------------------------------------------------------ the body

    def body(self, *, bookmark_from: int, drawing_from: int) -> list[xml.El]:
        """The appendix's body elements, restyled, renumbered and relinked for the host."""
        out: list[xml.El] = []
        for element in self.appendix.element.body:
            if element.tag == wq("sectPr"):
                continue  # the host's page set-up, header and footer go on through the appendix
            made = copy.deepcopy(element)
            _strip_extensions(made)
            for dropped in list(made.iter(*_DROPPED)):
                _remove(dropped)
            for sect in list(made.iter(wq("sectPr"))):
                _remove(sect)  # one section: the host's
            self._restyle(made)
            self._renumber(made)
            out.append(made)
        self._bookmarks(out, bookmark_from)
        # Drawing ids must be unique in the document; the picture's own id follows its frame's.
        for offset, doc_pr in enumerate(e for el in out for e in el.iter(f"{{{_WP}}}docPr")):
            doc_pr.set("id", str(drawing_from + offset))
            inline = doc_pr.getparent()
            for c_nv in inline.iter(f"{{{_PIC}}}cNvPr") if inline is not None else ():
                c_nv.set("id", str(drawing_from + offset))
        return out

    def _restyle(self, element: xml.El) -> None:
        for local in ("pStyle", "rStyle", "tblStyle"):
            for ref in element.iter(wq(local)):
                ref.set(wq("val"), self.styles.get(ref.get(wq("val"), ""), ref.get(wq("val"), "")))
        if self.default_style is None:
            return
        for p in element.iter(wq("p")):  # iter() includes the element itself
            xml.set_default_paragraph_style(p, self.default_style)

    def _bookmarks(self, elements: list[xml.El], start: int) -> None:
        """Bookmark ids moved past the host's, and names the host uses renamed, links following them."""
        ids: dict[str, str] = {}
        names: dict[str, str] = {}
        for element in elements:
            for mark in element.iter(wq("bookmarkStart"), wq("bookmarkEnd")):
                old = mark.get(wq("id"), "")
                ids.setdefault(old, str(start + len(ids)))
                mark.set(wq("id"), ids[old])
                name = mark.get(wq("name"))
                if name is not None:
                    names[name] = f"{name}_A{self.number}"
                    mark.set(wq("name"), names[name])
            for link in element.iter(wq("hyperlink")):
                anchor = link.get(wq("anchor"))
                if anchor in names:
                    link.set(wq("anchor"), names[anchor])
            for code in element.iter(wq("instrText")):
                words = (code.text or "").split()
                if len(words) >= 2 and words[0] in ("REF", "PAGEREF") and words[1] in names:
                    code.text = (code.text or "").replace(words[1], names[words[1]], 1)

    # ------------------------------------------------------------ relationships

    def relink(self, elements: list[xml.El], target: Part, source: Part | None = None) -> None:
        """Every relationship the elements use (from `source`, default the appendix's document part),
        made again from the host part `target`."""
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        source = source or self.appendix.part
        made: dict[str, str] = {}
        package = target.package
        for element in elements:
            for node in element.iter():
                for attribute in _REL_IDS:
                    rid = node.get(attribute)
                    if rid is None:
                        continue
                    if rid not in made:
                        rel = source.rels.get(rid)
                        if rel is None:
                            del node.attrib[attribute]
                            continue
                        if rel.reltype == _HYPERLINK and rel.is_external:
                            made[rid] = target.relate_to(rel.target_ref, _HYPERLINK, is_external=True)
                        elif rel.reltype == _IMAGE and not rel.is_external:
                            part = rel.target_part
                            ext = part.partname.ext
                            taken = {str(p.partname) for p in package.iter_parts()}
                            number = 1
                            while f"/word/media/appendix{self.number}-image{number}.{ext}" in taken:
                                number += 1
                            name = PackURI(f"/word/media/appendix{self.number}-image{number}.{ext}")
                            copied = Part(name, part.content_type, part.blob, package)
                            made[rid] = target.relate_to(copied, _IMAGE)
                        else:
                            what = rel.reltype.rsplit("/", 1)[-1]
                            raise RenderError(
                                f"appendix {self.number}: holds a part pccplan cannot attach yet ({what})"
                            )
                    node.set(attribute, made[rid])


def attach(
    host: WordDocument,
    appendix: WordDocument,
    *,
    number: int,
    numbering: Callable[[], xml.El],
    footnotes: Callable[[], tuple[xml.El, Part]],
) -> list[xml.El]:
    """The body elements of `appendix` (the `number`-th attached) made ready to go into `host`.

    Its styles are copied into the host's, renamed where they clash ('Heading1' becomes
    'Heading1Appendix1', 'heading 1 (Appendix 1)'), and its paragraphs with no style take
    its own default style, which carries its document defaults: the appendix keeps its look.
    Its lists get ids past the host's (`numbering()` gives the host's numbering root), its
    images, links and footnotes are copied (`footnotes()` gives the host's footnotes root,
    its part and the next free note id). Comments, endnotes and section breaks are left out;
    a part pccplan cannot copy (a chart, an embedded object) raises `RenderError`.
    """
    job = _Attachment(host, appendix, number)
    job.copy_styles()
    job.copy_numbering(numbering)
    body = host.element.body
    bookmarks = [int(b.get(wq("id"), "0")) for b in body.iter(wq("bookmarkStart"))]
    drawings = [int(d.get("id", "0")) for d in body.iter(f"{{{_WP}}}docPr") if d.get("id", "").isdigit()]
    elements = job.body(
        bookmark_from=max(bookmarks, default=0) + 1, drawing_from=max(drawings, default=0) + 1
    )
    job.relink(elements, host.part)
    _attach_notes(job, elements, footnotes)
    return elements


def _attach_notes(
    job: _Attachment, elements: list[xml.El], footnotes: Callable[[], tuple[xml.El, Part]]
) -> None:
    """The footnotes the appendix's body refers to, copied into the host's with new ids."""
    refs = [ref for element in elements for ref in element.iter(wq("footnoteReference"))]
    if not refs:
        return
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        source_part = job.appendix.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        for ref in refs:
            _remove(ref)
        return
    source = etree.fromstring(source_part.blob)
    notes: Mapping[str, xml.El] = {n.get(wq("id"), ""): n for n in source.iterchildren(wq("footnote"))}
    root, part = footnotes()
    next_id = max((int(n.get(wq("id"), "0")) for n in root.iterchildren(wq("footnote"))), default=0) + 1
    for ref in refs:
        note = notes.get(ref.get(wq("id"), ""))
        if note is None:
            _remove(ref)
            continue
        made = copy.deepcopy(note)
        _strip_extensions(made)
        job._restyle(made)
        made.set(wq("id"), str(next_id))
        ref.set(wq("id"), str(next_id))
        next_id += 1
        root.append(made)
        job.relink([made], part, source_part)
