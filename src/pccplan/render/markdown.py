"""The Markdown renderer: a faithful text preview of the tree, numbered as Word numbers it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import PurePath

from pccplan.compose.grid import Slot
from pccplan.compose.tree import (
    AttachedFile,
    Block,
    BulletList,
    Contents,
    Document,
    Emph,
    Inline,
    Letterhead,
    LineBreak,
    Link,
    Note,
    OrderedList,
    Paragraph,
    Picture,
    Ref,
    Row,
    Section,
    Strong,
    Table,
    Text,
    TitleBlock,
)
from pccplan.compose.walk import ListNumbers, WordNumbers, exempt_view, reference_texts
from pccplan.number_formats import ListStyle
from pccplan.render.anchors import reference_id, split_lead
from pccplan.render.contents import contents_entries
from pccplan.render.options import RenderOptions

__all__ = ["escape", "render"]

# Characters with a meaning anywhere in a line (CommonMark allows a backslash before any of them).
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~^&!#])")
# Text at the start of a line that would begin a block: a list marker, quote, heading rule.
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+=>])", re.MULTILINE)


def escape(text: str) -> str:
    """`text` with every character Markdown could read as markup escaped; line feeds stay."""
    text = _ANYWHERE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}" if m[2] else f"{m[4]}\\{m[5]}", text)


class _Markdown:
    """One run of the renderer: numbering and the notes met so far."""

    def __init__(self, doc: Document) -> None:
        self.numbers = WordNumbers()
        self.lists = ListNumbers()
        self.refs = reference_texts(doc)
        self.notes: list[str] = []
        self.doc = doc

    def inlines(self, inlines: Iterable[Inline], *, linked: bool = False) -> str:
        """The Markdown of `inlines`; `linked` when they sit in a link, which cannot hold another."""
        out: list[str] = []
        nodes = tuple(inlines)
        lead = ""  # the word before a reference that its link takes in ('paragraph ')
        for index, node in enumerate(nodes):
            if isinstance(node, Text):
                text = node.text
                if not linked and index + 1 < len(nodes) and isinstance(nodes[index + 1], Ref):
                    text, lead = split_lead(text)
                out.append(escape(text).replace("\n", "\\\n"))
            elif isinstance(node, Emph):
                out.append(f"*{self.inlines(node.content, linked=linked)}*")
            elif isinstance(node, Strong):
                out.append(f"**{self.inlines(node.content, linked=linked)}**")
            elif isinstance(node, Link):
                target = node.url.replace("<", "%3C").replace(">", "%3E")
                out.append(f"[{self.inlines(node.content, linked=True)}](<{target}>)")
            elif isinstance(node, Note):
                self.notes.append("\n\n".join(self.inlines(p.content) for p in node.content))
                out.append(f"[^{len(self.notes)}]")
            elif isinstance(node, LineBreak):
                out.append("\\\n")
            elif isinstance(node, Ref):
                shown = escape(lead + self.refs[node.target])
                lead = ""
                # As Word's REF field with \h: the number, a link to its target (not inside a link).
                out.append(shown if linked else f"[{shown}](#{reference_id(node.target)})")
            elif isinstance(node, Picture):
                out.append(_image(node))
        return "".join(out)

    def blocks(self, blocks: Iterable[Block], depth: int, list_depth: int) -> list[str]:
        """Markdown chunks (separated by blank lines) for `blocks`."""
        out: list[str] = []
        after_list = False
        for block in blocks:
            is_list = isinstance(block, BulletList | OrderedList)
            if is_list and after_list:
                # Two lists in a row would be read as one (the second's restart lost): pandoc's
                # manual ends a list with a comment, which shows nowhere.
                out.append("<!-- -->")
            after_list = is_list
            if isinstance(block, TitleBlock):
                if block.logo is not None:
                    out.append(_image(block.logo))
                out.append(f"# {escape(block.title)}")
                out += [self.inlines(line.content) for line in block.lines]
            elif isinstance(block, Letterhead):
                out += [_image(block.logo)] if block.logo is not None else []
                out += [self.inlines(line.content) for line in block.lines]
            elif isinstance(block, Section):
                label = f"{self.numbers.next_section()} " if block.numbered else ""
                # pandoc's heading attribute gives the heading the id a reference links to.
                anchor = f" {{#{reference_id(block.label)}}}" if block.label is not None else ""
                out.append(f"{'#' * min(depth + 2, 6)} {label}{escape(block.title)}{anchor}")
                out += self.blocks(block.blocks, depth + 1, list_depth)
            elif isinstance(block, Paragraph):
                label = f"{self.numbers.next_paragraph()} " if block.numbered else ""
                if block.label is not None:  # a pandoc span round the number is the link's target
                    label = f"[{label.rstrip()}]{{#{reference_id(block.label)}}} "
                out.append(label + self.inlines(block.content))
            elif isinstance(block, BulletList | OrderedList):
                out.append(self.list_items(block, depth, list_depth))
            elif isinstance(block, Table):
                out += self.table(block)
            elif isinstance(block, Contents):
                out.append(self.contents(block))
            elif isinstance(block, AttachedFile):  # Markdown cannot hold a Word document: say where it is
                name = PurePath(block.path).name
                where = f"[{escape(name)}](<{block.path}>)"
                out.append(
                    f"*Appendix {escape(block.label)} is a separate Word file, not shown here:* {where}"
                )
        return out

    def contents(self, block: Contents) -> str:
        """The title in bold and a bullet per entry, nested by level (no links: anchors vary by flavour)."""
        lines = [f"**{escape(block.title)}**", ""]
        for entry in contents_entries(self.doc, block):
            text = f"{entry.number} {entry.title}" if entry.number else entry.title
            lines.append(f"{'  ' * (entry.level - 1)}- {escape(text)}")
        return "\n".join(lines)

    def list_items(self, block: BulletList | OrderedList, depth: int, list_depth: int) -> str:
        items: list[str] = []
        labels = self._labels(block, list_depth) if isinstance(block, OrderedList) else None
        for index, item in enumerate(block.items):
            marker = labels[index] if labels else "-"
            chunks = self.blocks(item.blocks, depth, list_depth + 1)
            pad = " " * (len(marker) + 1)
            body = "\n\n".join(chunks).replace("\n", "\n" + pad)
            items.append(f"{marker} {body}".replace(f"\n{pad}\n", "\n\n"))
        return "\n".join(items)

    def _labels(self, block: OrderedList, list_depth: int) -> list[str]:
        """The item markers: '3.', '4.' for an unstyled list (CommonMark takes the first as the
        start; Word shows a., i. when nested); a styled list's own labels, '(a)', 'i.', which
        pandoc's Markdown reads back as that style (its `fancy_lists`), 'A.' followed by a
        second space as pandoc asks.
        """
        first = self.lists.first(block, list_depth)
        if block.style is None:
            return [f"{first + index}." for index in range(len(block.items))]
        upper = block.style in (ListStyle.UPPER_LETTER, ListStyle.UPPER_ROMAN)
        return [
            block.style.label(first + index) + (" " if upper else "") for index in range(len(block.items))
        ]

    def table(self, block: Table) -> list[str]:
        """A pipe table; a merged cell's text sits in its first place, the places it covers empty."""

        def cell_text(blocks: Iterable[Block]) -> str:
            parts = self.blocks(blocks, 0, 0)
            return "<br>".join(p.replace("\\\n", "<br>").replace("\n", " ") for p in parts)

        def row_texts(row: Row, slots: Sequence[Slot]) -> list[str]:
            texts = [""] * block.columns
            for slot in slots:
                if slot.cell is not None:
                    texts[slot.column] = cell_text(row.cells[slot.cell].blocks)
            return texts

        layout = block.layout.rows
        header = row_texts(block.header, layout[0]) if block.header else [""] * block.columns
        body = layout[1:] if block.header else layout
        marks = {"left": " --- ", "right": " ---: ", "center": " :---: "}
        align = block.align or ("left",) * block.columns
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join(marks[a] for a in align) + "|"]
        for row, slots in zip(block.rows, body, strict=True):
            lines.append("| " + " | ".join(row_texts(row, slots)) + " |")
        caption = [f"**{escape(block.caption)}**"] if block.caption else []
        if caption and block.label is not None:  # a pandoc span round the caption is the link's target
            caption = [f"[{caption[0]}]{{#{reference_id(block.label)}}}"]
        return [*caption, "\n".join(lines)]


def _image(node: Picture) -> str:
    """A Markdown image: its alt text, or none for a decorative picture, and the image as a data URI."""
    return f"![{escape(node.text)}](<{node.data_uri}>)"


def render(doc: Document, options: RenderOptions | None = None) -> str:
    """`doc` as Markdown: numbered headings and paragraphs, `[^n]` footnotes, pipe tables."""
    options = options or RenderOptions()
    tree = exempt_view(doc, public=options.public)
    state = _Markdown(tree)
    chunks = state.blocks(tree.blocks, 0, 0)
    for appendix in options.appendices:  # attached only in Word: here each says it is a separate file
        chunks.append(f"## {escape(appendix.title)}")
        source = appendix.source
        where = "(given as bytes)"
        if not isinstance(source, bytes):
            where = f"[{escape(PurePath(source).name)}](<{source}>)"
        chunks.append(f"*A separate Word file, not shown here:* {where}")
    for number, note in enumerate(state.notes, start=1):
        chunks.append(f"[^{number}]: " + note.replace("\n", "\n    "))
    return "\n\n".join(chunks) + "\n"
