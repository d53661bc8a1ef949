"""Tracked changes in a Word file: the list Word's Review pane shows, and what accepting them removes.

The reader reads a file as if every change were accepted: inserted runs kept, deleted runs left
out (`pccplan.read.docx_parse`), and, from here, a paragraph or table row that accepting would
remove whole left out too (`removed_on_accept`). `tracked_changes` lists the changes themselves
for `ReadResult.changes`. See docs/dev/redline.md for the XML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
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


def tracked_changes(body: etree._Element) -> tuple[TrackedChange, ...]:
    """Every tracked insertion and deletion in `body` (a `w:body`), in reading order.

    One entry per `w:ins`, `w:del`, `w:moveTo` and `w:moveFrom` element, as Word stores them
    (Word's Review pane may show adjacent ones by the same author as one). Changes of
    formatting and of list numbering are not listed.
    """
    found: list[TrackedChange] = []
    for paragraph, node in in_paragraphs(body):
        tag = node.tag
        kind = _KINDS.get(tag) if isinstance(tag, str) else None
        if kind is None:
            continue
        parent = node.getparent()
        holder = parent.tag if parent is not None else None
        scope: Literal["text", "paragraph", "row"]
        if holder == _w("rPr"):
            scope, text, where = "paragraph", "", paragraph
        elif holder == _w("trPr"):
            scope, text, where = "row", "", paragraph + 1  # the row's first paragraph comes next
        elif holder in (_w("numPr"), _w("pPrChange"), _w("rPrChange")):
            continue  # a change of numbering or formatting, not of text
        else:
            scope, text, where = "text", _text(node), paragraph
        found.append(
            TrackedChange(
                kind=kind,
                scope=scope,
                text=text,
                author=node.get(_w("author")),
                date=revision_date(node.get(_w("date"))),
                where=f"paragraph {max(where, 1)}",
            )
        )
    return tuple(found)
