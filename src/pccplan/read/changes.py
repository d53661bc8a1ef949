"""Tracked changes in a Word file: the list Word's Review pane shows, and what accepting them removes.

The reader reads a file as if every change were accepted: inserted runs kept, deleted runs left
out (`pccplan.read.docx_parse`), and, from here, a paragraph or table row that accepting would
remove whole left out too (`removed_on_accept`). `tracked_changes` lists the changes themselves
for `ReadResult.changes`. See docs/dev/redline.md for the XML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Literal

from lxml import etree

from pccplan.read.result import TrackedChange

__all__ = ["in_paragraphs", "removed_on_accept", "revision_date", "tracked_changes"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(local: str) -> str:
    return f"{{{_W}}}{local}"


_DELETED = frozenset(_w(n) for n in ("del", "moveFrom"))
_KINDS: dict[str, Literal["insertion", "deletion"]] = {
    _w("ins"): "insertion",
    _w("moveTo"): "insertion",
    _w("del"): "deletion",
    _w("moveFrom"): "deletion",
}
_TEXT = {_w("t"): None, _w("delText"): None, _w("tab"): "\t", _w("br"): "\n", _w("cr"): "\n"}


def revision_date(value: str | None) -> dt.datetime | None:
    """A `w:date` (xsd:dateTime, '2017-03-01T00:00:00Z') as a datetime; ``None`` if absent or unreadable."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _mark_deleted(ppr: etree._Element | None) -> bool:
    rpr = ppr.find(_w("rPr")) if ppr is not None else None
    return rpr is not None and any(child.tag in _DELETED for child in rpr)


def _deleted_within(element: etree._Element, top: etree._Element) -> bool:
    """Whether `element` sits inside a deletion somewhere below `top`."""
    parent = element.getparent()
    while parent is not None and parent is not top:
        if parent.tag in _DELETED:
            return True
        parent = parent.getparent()
    return False


def removed_on_accept(element: etree._Element) -> bool:
    """Whether accepting every change removes a paragraph, table row or table (`element`) whole.

    A table goes when all its rows go. A row goes when its properties mark it deleted
    (`w:trPr/w:del`). A paragraph goes when its paragraph mark is deleted
    (`w:pPr/w:rPr/w:del`) and every run in it is deleted too. A paragraph whose mark alone
    is deleted joins the next one in Word, which the reader does not do: it reads the two
    as two paragraphs.
    """
    if element.tag == _w("tbl"):
        rows = list(element.iter(_w("tr")))
        return bool(rows) and all(removed_on_accept(row) for row in rows)
    if element.tag == _w("tr"):
        trpr = element.find(_w("trPr"))
        return trpr is not None and any(child.tag in _DELETED for child in trpr)
    if element.tag != _w("p") or not _mark_deleted(element.find(_w("pPr"))):
        return False
    return all(_deleted_within(run, element) for run in element.iter(_w("r")))


def _text(change: etree._Element) -> str:
    parts: list[str] = []
    for node in change.iter():
        if node.tag in _TEXT:
            shown = _TEXT[node.tag]
            parts.append(node.text or "" if shown is None else shown)
    return "".join(parts)


def in_paragraphs(body: etree._Element) -> Iterator[tuple[int, etree._Element]]:
    """Each element of `body` but its paragraphs, in reading order, with the number of the paragraph it is in.

    Paragraphs are counted from 1 as they start, table cells' included; an element before
    the first paragraph gets 0.
    """
    paragraph = 0
    for node in body.iter():
        if node.tag == _w("p"):
            paragraph += 1
        else:
            yield paragraph, node


_RANGE_STARTS = {_w("moveFromRangeStart"): "from", _w("moveToRangeStart"): "to"}
_RANGE_ENDS = {_w("moveFromRangeEnd"): "from", _w("moveToRangeEnd"): "to"}
_MOVES = {_w("moveFrom"): "from", _w("moveTo"): "to"}
_FORMATS = frozenset((_w("rPrChange"), _w("pPrChange")))


class _Move:
    """A move being read: its text where it went, and where it came from and went (paragraphs)."""

    def __init__(self, node: etree._Element, where_is: Callable[[int], str]) -> None:
        self.where_is = where_is
        self.author = node.get(_w("author"))
        self.date = revision_date(node.get(_w("date")))
        self.text: dict[str, list[str]] = {"from": [], "to": []}
        self.paragraph: dict[str, int] = {}

    def change(self) -> TrackedChange:
        text = "".join(self.text["to"] or self.text["from"])
        went, came = self.paragraph.get("to"), self.paragraph.get("from")
        return TrackedChange(
            kind="move",
            scope="text",
            text=text,
            author=self.author,
            date=self.date,
            where=self.where_is(went if went is not None else came or 1),
            origin=self.where_is(came) if came is not None else None,
        )


def _change(
    node: etree._Element,
    kind: Literal["insertion", "deletion", "move", "format"],
    scope: Literal["text", "paragraph", "row"],
    text: str,
    where: str,
) -> TrackedChange:
    """The change `node` records, with its author and date, at `where`."""
    author, date = node.get(_w("author")), revision_date(node.get(_w("date")))
    return TrackedChange(kind=kind, scope=scope, text=text, author=author, date=date, where=where)


def tracked_changes(body: etree._Element, notes: etree._Element | None = None) -> tuple[TrackedChange, ...]:
    """Every tracked change in `body` (a `w:body`), in reading order, then those in `notes` (a
    `w:footnotes`), where 'footnote N' (notes counted from 1, separators aside).

    One entry per `w:ins` and `w:del` element, as Word stores them (Word's Review pane may
    show adjacent ones by the same author as one); one 'move' per move, however many
    paragraphs its `w:moveFrom` and `w:moveTo` range over (paired by the name of their
    ranges; a `w:moveFrom` or `w:moveTo` outside a named range is listed as a deletion or an
    insertion); one 'format' per run whose formatting changed (`w:rPrChange`, its text) and
    per paragraph whose properties did (`w:pPrChange`, the paragraph's text as accepted).
    Changes of list numbering are not listed.
    """
    found = _changes(body, lambda paragraph: f"paragraph {max(paragraph, 1)}")
    if notes is not None:
        written = [n for n in notes.iterchildren(_w("footnote")) if n.get(_w("type")) in (None, "normal")]
        for number, note in enumerate(written, start=1):
            found += _changes(note, _in_note(number))
    return tuple(found)


def _in_note(number: int) -> Callable[[int], str]:
    """Names every change in footnote `number` by the note: 'footnote 2'."""
    return lambda _paragraph: f"footnote {number}"


def _changes(root: etree._Element, where_is: Callable[[int], str]) -> list[TrackedChange]:
    """The tracked changes in `root` (a body or a note); `where_is` names the paragraph each is in."""
    found: list[TrackedChange | _Move] = []
    # A moved paragraph's own mark comes before its range starts: it belongs to the move when any
    # move in `root` is named.
    named = next(root.iter(*_RANGE_STARTS), None) is not None
    moves: dict[str, _Move] = {}
    open_ranges: dict[str, dict[str, str]] = {"from": {}, "to": {}}  # range id: move name, by side
    for paragraph, node in in_paragraphs(root):
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if tag in _RANGE_STARTS:
            name = node.get(_w("name"), "")
            open_ranges[_RANGE_STARTS[tag]][node.get(_w("id"), "")] = name
            if name not in moves:
                moves[name] = _Move(node, where_is)
                found.append(moves[name])
            continue
        if tag in _RANGE_ENDS:
            open_ranges[_RANGE_ENDS[tag]].pop(node.get(_w("id"), ""), None)
            continue
        parent = node.getparent()
        holder = parent.tag if parent is not None else None
        if tag in _FORMATS:
            owner = parent.getparent() if parent is not None else None
            if tag == _w("rPrChange") and owner is not None and owner.tag == _w("r"):
                found.append(_change(node, "format", "text", _text(owner), where_is(paragraph)))
            elif tag == _w("pPrChange") and owner is not None and owner.tag == _w("p"):
                found.append(_change(node, "format", "paragraph", _accepted_text(owner), where_is(paragraph)))
            continue  # a paragraph mark's formatting (pPr/rPr/rPrChange) is not listed
        kind = _KINDS.get(tag)
        if kind is None:
            continue
        side = _MOVES.get(tag)
        if side is not None and ((named and holder == _w("rPr")) or open_ranges[side]):
            if holder != _w("rPr"):
                move = moves[next(reversed(open_ranges[side].values()))]
                move.text[side].append(_text(node))
                move.paragraph.setdefault(side, paragraph)
            continue  # a moved paragraph's mark is part of its move
        scope: Literal["text", "paragraph", "row"]
        if holder == _w("rPr"):
            scope, text, where = "paragraph", "", paragraph
        elif holder == _w("trPr"):
            scope, text, where = "row", "", paragraph + 1  # the row's first paragraph comes next
        elif holder in (_w("numPr"), _w("pPrChange"), _w("rPrChange")):
            continue  # a change of numbering or formatting, not of text
        else:
            scope, text, where = "text", _text(node), paragraph
        found.append(_change(node, kind, scope, text, where_is(where)))
    return [c.change() if isinstance(c, _Move) else c for c in found]


def _accepted_text(p: etree._Element) -> str:
    """A paragraph's text as accepting every change leaves it: deleted and moved-away text left out."""
    return "".join(
        (node.text or "") if node.tag == _w("t") else str(_TEXT[node.tag])
        for node in p.iter(*(t for t in _TEXT if t != _w("delText")))
        if not _deleted_within(node, p)
    )
