"""The normal form of a tree: of the trees that look the same in Word, the one the reader returns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from pccplan.compose.tree import (
    Block,
    BulletList,
    Document,
    Emph,
    Inline,
    Letterhead,
    LineBreak,
    Link,
    ListItem,
    Metadata,
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
from pccplan.number_formats import ListStyle, style_for_depth

__all__ = ["Piece", "group", "normal_form", "normal_inlines", "split_keywords"]


@attrs.frozen
class Piece:
    """One inline as Word holds it: text, a break, a note or a link, and whether it is bold or italic."""

    node: Text | LineBreak | Note | Link | Ref | Picture
    bold: bool = False
    italic: bool = False


def _flatten(inlines: Iterable[Inline], bold: bool, italic: bool, out: list[Piece]) -> None:
    for node in inlines:
        if isinstance(node, Text):
            for index, line in enumerate(node.text.split("\n")):
                if index:
                    out.append(Piece(LineBreak(), bold, italic))
                if line:
                    out.append(Piece(Text(text=line), bold, italic))
        elif isinstance(node, LineBreak | Ref):
            out.append(Piece(node, bold, italic))
        elif isinstance(node, Picture):  # its height as drawn: a file always states it
            out.append(Piece(attrs.evolve(node, height=node.size[1]), bold, italic))
        elif isinstance(node, Strong):
            _flatten(node.content, True, italic, out)
        elif isinstance(node, Emph):
            _flatten(node.content, bold, True, out)
        elif isinstance(node, Link):
            content = normal_inlines(node.content, bold=bold, italic=italic)
            if content:
                out.append(Piece(Link(content=content, url=node.url)))
        else:
            out.append(Piece(Note(content=tuple(_paragraph(p) for p in node.content))))


def _merge(pieces: Sequence[Piece]) -> list[Inline]:
    """The pieces' nodes with neighbouring texts joined.

    Each run of texts is joined once, at its end: joining them two at a time would copy
    the text so far for every piece, quadratic in a paragraph of many small runs.
    """
    out: list[Inline] = []
    texts: list[str] = []
    for piece in pieces:
        if isinstance(piece.node, Text):
            texts.append(piece.node.text)
            continue
        if texts:
            out.append(Text(text="".join(texts)))
            texts = []
        out.append(piece.node)
    if texts:
        out.append(Text(text="".join(texts)))
    return out


def _runs(pieces: Sequence[Piece], key: str) -> list[list[Piece]]:
    groups: list[list[Piece]] = []
    for piece in pieces:
        if groups and getattr(groups[-1][0], key) == getattr(piece, key):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def group(pieces: Sequence[Piece]) -> tuple[Inline, ...]:
    """Inlines from pieces: bold runs become `Strong`, italic runs inside them `Emph`, texts joined."""
    out: list[Inline] = []
    for bold_run in _runs(pieces, "bold"):
        inner: list[Inline] = []
        for italic_run in _runs(bold_run, "italic"):
            merged = _merge(italic_run)
            inner += [Emph(content=tuple(merged))] if italic_run[0].italic else merged
        out += [Strong(content=tuple(inner))] if bold_run[0].bold else inner
    return tuple(out)


def normal_inlines(
    inlines: Iterable[Inline], *, bold: bool = False, italic: bool = False
) -> tuple[Inline, ...]:
    """`inlines` in normal form, as if set inside bold and italic when those are given.

    Texts are split at line feeds into `LineBreak` nodes and joined with their neighbours;
    empty texts go; formatting is regrouped with `Strong` outside `Emph`; a link carries its
    formatting inside it, and a link that shows nothing goes; notes are never formatted.
    """
    pieces: list[Piece] = []
    _flatten(inlines, bold, italic, pieces)
    return group(pieces)


def _paragraph(para: Paragraph) -> Paragraph:
    return attrs.evolve(para, content=normal_inlines(para.content))


def _table(table: Table) -> Table:
    def row(r: Row) -> Row:
        # Each cell is read on its own, lists and all (a fresh set of lists met).
        return Row(
            cells=tuple(attrs.evolve(c, blocks=_blocks(c.blocks, flow=False, met=set())) for c in r.cells)
        )

    return attrs.evolve(
        table,
        header=row(table.header) if table.header else None,
        rows=tuple(row(r) for r in table.rows),
        widths=None,
        # All columns left is the same table as no alignment given: the file cannot tell them apart.
        align=table.align if table.align and any(a != "left" for a in table.align) else None,
    )


_ListKey = tuple[ListStyle, int]


def _list(block: BulletList | OrderedList, depth: int, met: set[_ListKey]) -> BulletList | OrderedList:
    items = tuple(
        ListItem(blocks=_blocks(item.blocks, flow=False, depth=depth + 1, met=met)) for item in block.items
    )
    if isinstance(block, OrderedList) and block.style is style_for_depth(depth):
        # A list in its depth's own style ('a.' one list deep) is drawn as an unstyled one.
        return attrs.evolve(block, items=items, style=None)
    return attrs.evolve(block, items=items)


def _blocks(
    blocks: Sequence[Block], *, flow: bool, depth: int = 0, met: set[_ListKey] | None = None
) -> tuple[Block, ...]:
    """Blocks in normal form, `depth` lists deep; in the flow, a block after a section belongs to it.

    A heading in Word runs until the next heading of its level or above, so a paragraph
    that follows a sub-section can only be read as part of it. A title block stays where
    it is (it ends every section, as the reader sees it). `met` holds the (style, depth) of the
    ordered lists met so far: a list that `continues` none of them starts at 1 like any other,
    and one that continues the list just before it is the same list in Word (one list instance,
    its paragraphs in a row), so it joins that list.
    """
    met = set() if met is None else met
    gathered: list[Block] = []
    for block in blocks:
        if (
            flow
            and gathered
            and isinstance(gathered[-1], Section)
            and not isinstance(block, Section | TitleBlock)
        ):
            last = gathered[-1]
            gathered[-1] = attrs.evolve(last, blocks=(*last.blocks, block))
        else:
            gathered.append(block)
    out: list[Block] = []
    for block in gathered:
        if isinstance(block, Paragraph):
            out.append(_paragraph(block))
        elif isinstance(block, Section):
            out.append(attrs.evolve(block, blocks=_blocks(block.blocks, flow=True, depth=depth, met=met)))
        elif isinstance(block, TitleBlock):
            logo = None if block.logo is None else attrs.evolve(block.logo, height=block.logo.size[1])
            out.append(attrs.evolve(block, lines=tuple(_paragraph(p) for p in block.lines), logo=logo))
        elif isinstance(block, Letterhead):
            out.append(_letterhead(block))
        elif isinstance(block, OrderedList):
            key = (block.style or style_for_depth(depth), depth)
            before = out[-1] if out else None
            joined = (
                block.continues
                and isinstance(before, OrderedList)
                and (before.style or style_for_depth(depth), depth) == key
            )
            listed = _list(attrs.evolve(block, continues=block.continues and key in met), depth, met)
            met.add(key)
            if joined and isinstance(before, OrderedList):
                out[-1] = attrs.evolve(before, items=before.items + listed.items)
            else:
                out.append(listed)
        elif isinstance(block, BulletList):
            out.append(_list(block, depth, met))
        elif isinstance(block, Table):
            out.append(_table(block))
        else:
            out.append(block)  # a Contents: nothing inside it to normalise
    return tuple(out)


def _letterhead(head: Letterhead) -> Letterhead:
    """A letterhead as read back: its logo's height as drawn, and a lone picture opening it as its logo."""
    lines = tuple(_paragraph(p) for p in head.lines)
    logo = head.logo
    if logo is None and lines and len(lines[0].content) == 1 and isinstance(lines[0].content[0], Picture):
        logo, lines = lines[0].content[0], lines[1:]
    if logo is not None:
        logo = attrs.evolve(logo, height=logo.size[1])
    return Letterhead(logo=logo, lines=lines)


def split_keywords(keywords: Iterable[str]) -> tuple[str, ...]:
    """Keywords as the document properties hold them: joined with ', ' and split again at commas."""
    joined = ", ".join(keywords)
    return tuple(word.strip() for word in joined.split(",") if word.strip())


def _metadata(meta: Metadata) -> Metadata:
    header = None if meta.header == meta.title else meta.header
    return attrs.evolve(meta, header=header, keywords=split_keywords(meta.keywords))


def normal_form(doc: Document) -> Document:
    """`doc` in the reader's normal form: what reading back its rendering gives.

    Several trees draw the same Word document: ``Text('a'), Text('b')`` and ``Text('ab')``;
    ``Strong(Emph(x))`` and ``Emph(Strong(x))``; a paragraph after a sub-section, which Word
    can only show as part of that sub-section. The reader cannot tell them apart, so it
    returns this one, and `normal_form(exempt_view(t))` is what reading back a rendering of
    `t` gives (column widths aside: they come back in twips, so compare `Table.fractions`).
    Call it on `exempt_view(doc, public=...)` (the reader never sees exempt marks, only the
    notices or the marked text a renderer draws). Besides the inline rules of
    `normal_inlines` and the section rule above, a running header equal to the title is
    ``None`` (the default), keywords are split at commas, and table widths are ``None``.
    """
    return Document(meta=_metadata(doc.meta), blocks=_blocks(doc.blocks, flow=True))
