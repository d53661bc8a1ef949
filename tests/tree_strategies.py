"""Hypothesis strategies for document trees: any valid tree, shaped as composers build them."""

from __future__ import annotations

import datetime as dt
import string
import struct
import zlib

import attrs
from hypothesis import strategies as st

from pccplan.compose.tree import (
    LABEL_PATTERN,
    Block,
    BulletList,
    Cell,
    Document,
    Emph,
    Exempt,
    Inline,
    Letterhead,
    LineBreak,
    Link,
    ListItem,
    Metadata,
    Node,
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
from pccplan.compose.walk import iter_nodes, walk
from pccplan.number_formats import ListStyle

__all__ = ["documents", "inlines", "labels", "safe_text", "titles"]

# Any text XML can hold: no surrogates, no control characters except tab and line feed.
safe_text = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"),
        st.sampled_from("\t\n *_[]()<>&\"'\\#|^!-+.1"),
    ),
    max_size=20,
)
titles = st.builds(lambda head, tail: head + tail, st.sampled_from(string.ascii_letters + "É€"), safe_text)
urls = st.builds(
    lambda path: f"https://example.org/{path}",
    st.text(alphabet=string.ascii_letters + string.digits + "-_/", max_size=8),
)
exempts = st.builds(Exempt, paragraph=st.integers(1, 7))


def _plain_inlines(max_size: int = 4) -> st.SearchStrategy[tuple[Inline, ...]]:
    """Inlines with no links or notes inside (what a link or a note may hold)."""
    leaf: st.SearchStrategy[Inline] = st.one_of(st.builds(Text, text=safe_text), st.just(LineBreak()))
    nested = st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.builds(Emph, content=st.lists(inner, min_size=1, max_size=3).map(tuple)),
            st.builds(Strong, content=st.lists(inner, min_size=1, max_size=3).map(tuple)),
        ),
        max_leaves=6,
    )
    return st.lists(nested, max_size=max_size).map(tuple)


notes_ = st.builds(
    Note, content=st.lists(st.builds(Paragraph, content=_plain_inlines()), min_size=1, max_size=2).map(tuple)
)
links = st.builds(Link, content=_plain_inlines(3).map(lambda c: c or (Text(text="link"),)), url=urls)


def png_bytes(width: int = 4, height: int = 2, colour: tuple[int, int, int] = (0, 70, 140)) -> bytes:
    """A valid PNG of one colour, made here so tests need no image files."""
    raw = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="4" height="2"/></svg>'
"""A small SVG image (its PNG fallback is `png_bytes()`)."""

JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffc0000b080002000401011100ffd9")
"""The header of a 4 x 2 JPEG: enough for pccplan, which reads only a JPEG's size."""


@st.composite
def pictures(draw: st.DrawFn) -> Picture:
    """Pictures of each format, with alt text or marked decorative, sized or in proportion."""
    kind = draw(st.sampled_from(["png", "jpeg", "svg"]))
    across, down = draw(st.integers(1, 8)), draw(st.integers(1, 8))
    data = {"png": png_bytes(across, down), "jpeg": JPEG, "svg": SVG}[kind]
    decorative = draw(st.booleans())
    height = draw(st.none() | st.integers(36_000, 5_400_000))
    # In proportion, a narrow PNG's height is its width times down/across: keep it within 50cm.
    widest = 5_400_000 if height is not None or kind != "png" else min(5_400_000, 18_000_000 * across // down)
    return Picture(
        data=data,
        fallback=png_bytes() if kind == "svg" else None,
        width=draw(st.integers(36_000, widest)),
        height=height,
        alt=None if decorative else draw(safe_text.filter(str.strip)),
        decorative=decorative,
    )


def inlines(max_size: int = 5) -> st.SearchStrategy[tuple[Inline, ...]]:
    """Paragraph content: text, emphasis, links, notes and pictures, with no forbidden nesting."""
    item: st.SearchStrategy[Inline] = st.one_of(
        st.builds(Text, text=safe_text),
        st.builds(Emph, content=_plain_inlines(3)),
        st.builds(Strong, content=_plain_inlines(3)),
        links,
        notes_,
        st.just(LineBreak()),
        pictures(),
    )
    return st.lists(item, max_size=max_size).map(tuple)


def paragraphs(*, numbered: bool = False) -> st.SearchStrategy[Paragraph]:
    """Paragraphs, numbered (when allowed) and exempt at random."""
    return st.builds(
        Paragraph,
        content=inlines(),
        numbered=st.booleans() if numbered else st.just(False),
        exempt=st.none() | exempts,
        keep_with_next=st.booleans(),
    )


def _items(depth: int) -> st.SearchStrategy[tuple[ListItem, ...]]:
    inner: st.SearchStrategy[Block] = (
        paragraphs() if depth >= 1 else st.one_of(paragraphs(), _lists(depth + 1))
    )
    item = st.builds(
        lambda first, rest: ListItem(blocks=(first, *rest)),
        st.builds(Paragraph, content=inlines(3)),
        st.lists(inner, max_size=2),
    )
    return st.lists(item, min_size=1, max_size=3).map(tuple)


# Unstyled half the time, so two lists of one style (which a `continues` joins) meet often.
_list_styles = st.none() | st.sampled_from(ListStyle)


def _lists(depth: int) -> st.SearchStrategy[Block]:
    ordered = st.builds(
        OrderedList, items=_items(depth), style=_list_styles, start=st.integers(1, 40) | st.just(1)
    )
    return st.one_of(st.builds(BulletList, items=_items(depth)), ordered)


def _cells() -> st.SearchStrategy[Cell]:
    return st.builds(Cell, blocks=st.lists(st.builds(Paragraph, content=inlines(3)), max_size=2).map(tuple))


@st.composite
def tables(draw: st.DrawFn) -> Table:
    """Tables with an optional header and caption and optional widths."""
    columns = draw(st.integers(1, 3))
    row = st.builds(Row, cells=st.lists(_cells(), min_size=columns, max_size=columns).map(tuple))
    header = draw(st.none() | row)
    rows = list(draw(st.lists(row, min_size=1, max_size=3)))
    if header is not None and columns >= 2 and draw(st.booleans()):  # a heading over two columns
        first = attrs.evolve(header.cells[0], column_span=2)
        header = Row(cells=(first, *header.cells[2:]))
    if len(rows) >= 2 and columns >= 2 and draw(st.booleans()):  # the first column's cell spans two rows
        rows[0] = Row(cells=(attrs.evolve(rows[0].cells[0], row_span=2), *rows[0].cells[1:]))
        rows[1] = Row(cells=rows[1].cells[1:])
    return Table(
        header=header,
        rows=tuple(rows),
        caption=draw(st.none() | titles),
        widths=draw(st.none() | st.lists(st.floats(0.1, 10), min_size=columns, max_size=columns).map(tuple)),
        row_headers=draw(st.booleans()),
        align=draw(
            st.none()
            | st.lists(st.sampled_from(["left", "right", "center"]), min_size=columns, max_size=columns).map(
                tuple
            )
        ),
    )


def _flow(numbered: bool) -> st.SearchStrategy[Block]:
    return st.one_of(paragraphs(numbered=numbered), _lists(0), tables())


def _sections(depth: int, numbered_parent: bool) -> st.SearchStrategy[Section]:
    numbered = st.booleans() if depth == 0 else st.just(False)

    @st.composite
    def build(draw: st.DrawFn) -> Section:
        is_numbered = draw(numbered)
        in_numbered = numbered_parent or is_numbered
        child = _flow(in_numbered)
        if depth < 1:
            child = st.one_of(child, _sections(depth + 1, in_numbered))
        return Section(
            title=draw(titles),
            blocks=tuple(draw(st.lists(child, max_size=3))),
            numbered=is_numbered,
            new_page=draw(st.booleans()),
            exempt=draw(st.none() | exempts),
        )

    return build()


metadata = st.builds(
    Metadata,
    title=titles,
    author=titles,
    subject=st.none() | titles,
    date=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)),
    footer=st.none() | titles,
    capitals=st.booleans(),
)


def _continue_lists(draw: st.DrawFn, doc: Document) -> Document:
    """`doc` with some ordered lists made to continue the list before them, and some followed by
    a list of their style that continues them, in the body, sections and list items."""

    def cont(node: Node) -> Node:
        if not isinstance(node, Document | Section | ListItem):
            return node
        blocks: list[Block] = []
        for block in node.blocks:
            choice = draw(st.integers(0, 2)) if isinstance(block, OrderedList) else 0
            if isinstance(block, OrderedList) and choice == 1:
                block = attrs.evolve(block, continues=True, start=1)
            blocks.append(block)
            if isinstance(block, OrderedList) and choice == 2:
                items = draw(st.lists(st.builds(Paragraph, content=inlines(2)), min_size=1, max_size=2))
                more = tuple(ListItem(blocks=(p,)) for p in items)
                blocks.append(OrderedList(items=more, style=block.style, continues=True))
        return attrs.evolve(node, blocks=tuple(blocks))

    doc = walk(doc, cont)
    if not any(isinstance(n, OrderedList) and n.continues for n in iter_nodes(doc)):
        # A pair at the end, so that every such tree has a list that continues another.
        style = draw(_list_styles)
        first = OrderedList(items=draw(_items(0)), style=style, start=draw(st.integers(1, 40)))
        doc = attrs.evolve(doc, blocks=(*doc.blocks, first, attrs.evolve(first, start=1, continues=True)))
    return doc


labels = st.from_regex(LABEL_PATTERN, fullmatch=True)
"""Any label a `Ref` can name, up to the longest the tree allows."""

# The words an officer writes before a reference, and none.
_ref_leads = st.sampled_from(["see paragraph ", "Section ", "in table ", "and ", "", "paragraphs "])


def _label_targets(draw: st.DrawFn, doc: Document) -> tuple[Document, list[str]]:
    """`doc` with labels on some of what a `Ref` can name (numbered paragraphs, sections,
    captioned tables), each label used once, and the labels given."""
    given: list[str] = []

    def label(node: Node) -> Node:
        can = (
            (isinstance(node, Paragraph) and node.numbered)
            or isinstance(node, Section)
            or (isinstance(node, Table) and node.caption is not None)
        )
        if not isinstance(node, Paragraph | Section | Table) or not can or not draw(st.booleans()):
            return node
        suffix = f"_{len(given)}"  # keeps labels unique, the drawn one as long as it may be
        name = draw(labels)
        name = name + suffix if len(name) + len(suffix) <= 36 else name[: 36 - len(suffix)] + suffix
        given.append(name)
        return attrs.evolve(node, label=name)

    return walk(doc, label), given


def _cite(draw: st.DrawFn, doc: Document, targets: list[str]) -> Document:
    """`doc` with references to `targets` put into some of its lines of text (links and notes too)."""

    def cite(node: Node) -> Node:
        if not isinstance(node, Paragraph | Emph | Strong | Link) or draw(st.integers(0, 2)) != 0:
            return node
        at = draw(st.integers(0, len(node.content)))
        lead = draw(_ref_leads)
        ref: tuple[Inline, ...] = (Ref(target=draw(st.sampled_from(targets))),)
        if lead:
            ref = (Text(text=lead), *ref)
        return attrs.evolve(node, content=(*node.content[:at], *ref, *node.content[at:]))

    return walk(doc, cite)


@st.composite
def documents(draw: st.DrawFn, *, continuing: bool = False, references: bool = False) -> Document:
    """Whole documents: an optional title block or letterhead, then paragraphs, lists, tables and sections.

    With `continuing`, some ordered lists continue the one before them (a list of their style at
    their depth, just before or further back); with `references`, some targets carry labels and
    `Ref`s to them sit in text. Both are off by default: a test that cuts blocks out would leave
    a reference without its target, or a continuing list with nothing to continue.
    """
    head: list[Block] = []
    opening = draw(st.sampled_from(("title", "letterhead", None)))
    if opening == "title":
        lines = tuple(draw(st.lists(paragraphs(), max_size=2)))
        head.append(TitleBlock(title=draw(titles), lines=lines, logo=draw(st.none() | pictures())))
    elif opening == "letterhead":
        logo = draw(st.none() | pictures())
        lines = draw(st.lists(paragraphs(), min_size=0 if logo else 1, max_size=3))
        head.append(Letterhead(logo=logo, lines=tuple(lines)))
    body = draw(st.lists(st.one_of(_flow(False), _sections(0, False)), max_size=4))
    doc = Document(meta=draw(metadata), blocks=(*head, *body))
    if continuing:
        doc = _continue_lists(draw, doc)
    if not references:
        return doc
    doc, targets = _label_targets(draw, doc)
    if not targets:  # an appendix to refer to, so that every such tree has a reference
        appendix = Section(
            title=draw(titles), blocks=(Paragraph(content=(Text(text="x"),)),), label="appendix"
        )
        doc, targets = attrs.evolve(doc, blocks=(*doc.blocks, appendix)), ["appendix"]
    cited = _cite(draw, doc, targets)
    if cited == doc:
        see = Paragraph(content=(Text(text="See "), Ref(target=draw(st.sampled_from(targets)))))
        cited = attrs.evolve(doc, blocks=(*doc.blocks, see))
    return cited
