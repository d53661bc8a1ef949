"""The entries of a table of contents: the section headings a `Contents` lists, numbered as shown."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from pccplan.compose.tree import Block, BulletList, Contents, Document, OrderedList, Section, Table
from pccplan.compose.walk import WordNumbers

__all__ = ["Entry", "contents_entries", "has_contents"]


@attrs.frozen(kw_only=True)
class Entry:
    """One line of a table of contents.

    `level` is 1 for a top-level section; `number` is the heading's number as the document
    shows it ('4.'), or '' for an unnumbered heading; `index` counts every section heading of
    the document from 0, in order, whether listed or not, so renderers can name anchors by it.
    """

    level: int
    number: str
    title: str
    index: int


def _sections(blocks: Iterable[Block], depth: int) -> Iterable[tuple[int, Section]]:
    for block in blocks:
        if isinstance(block, Section):
            yield depth, block
            yield from _sections(block.blocks, depth + 1)


def contents_entries(doc: Document, contents: Contents) -> list[Entry]:
    """The entries `contents` lists for `doc`: every section heading down to its depth, in order.

    Numbers count as the renderers count them (`WordNumbers`), so an entry reads '4. Finance'
    exactly as its heading does.
    """
    numbers = WordNumbers()
    entries = []
    for index, (depth, section) in enumerate(_sections(doc.blocks, 1)):
        number = numbers.next_section() if section.numbered else ""
        if depth <= contents.depth:
            entries.append(Entry(level=depth, number=number, title=section.title, index=index))
    return entries


def _inner(block: Block) -> Iterable[Block]:
    if isinstance(block, Section):
        yield from block.blocks
    elif isinstance(block, BulletList | OrderedList):
        for item in block.items:
            yield from item.blocks
    elif isinstance(block, Table):
        for row in ((block.header,) if block.header else ()) + block.rows:
            for cell in row.cells:
                yield from cell.blocks


def has_contents(doc: Document) -> bool:
    """Whether `doc` holds a `Contents` anywhere, so its headings need anchors to link to."""
    stack = list(doc.blocks)
    while stack:
        block = stack.pop()
        if isinstance(block, Contents):
            return True
        stack.extend(_inner(block))
    return False
