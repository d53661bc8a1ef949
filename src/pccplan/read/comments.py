"""Comments in a Word file (`word/comments.xml`) read as annotations: author, date, text, anchor.

The document tree has no place for comments, so the reader returns them beside it, in
`ReadResult.annotations`, instead of dropping them. See docs/dev/redline.md for the XML.
"""

from __future__ import annotations

from lxml import etree

from pccplan.read.changes import in_paragraphs, revision_date
from pccplan.read.result import Annotation

__all__ = ["comment_annotations"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(local: str) -> str:
    return f"{{{_W}}}{local}"


_DELETED = frozenset(_w(n) for n in ("del", "moveFrom"))


def _comment_text(comment: etree._Element) -> str:
    """A comment's text, one line per paragraph, deleted text left out."""
    lines = []
    for p in comment.iter(_w("p")):
        parts = []
        for t in p.iter(_w("t")):
            parent = t.getparent()
            holder = parent.getparent() if parent is not None else None
            if holder is None or holder.tag not in _DELETED:
                parts.append(t.text or "")
        lines.append("".join(parts))
    return "\n".join(lines)


def _anchors(body: etree._Element) -> tuple[dict[str, str], dict[str, int]]:
    """Each comment's anchored text and the paragraph its range (or reference) starts in, by id."""
    texts: dict[str, list[str]] = {}
    starts: dict[str, int] = {}
    open_ids: list[str] = []
    for paragraph, node in in_paragraphs(body):
        tag = node.tag
        if tag == _w("commentRangeStart"):
            key = node.get(_w("id"), "")
            open_ids.append(key)
            texts.setdefault(key, [])
            starts.setdefault(key, paragraph)
        elif tag == _w("commentRangeEnd"):
            key = node.get(_w("id"), "")
            if key in open_ids:
                open_ids.remove(key)
        elif tag == _w("commentReference"):
            starts.setdefault(node.get(_w("id"), ""), paragraph)
        elif tag == _w("t") and open_ids:
            for key in open_ids:
                texts[key].append(node.text or "")
    return {k: "".join(v) for k, v in texts.items()}, starts


def comment_annotations(comments: etree._Element, body: etree._Element) -> tuple[Annotation, ...]:
    """The comments of a `w:comments` part, in the part's order, anchored in `body` (a `w:body`)."""
    texts, starts = _anchors(body)
    found = []
    for comment in comments.iterchildren(_w("comment")):
        key = comment.get(_w("id"), "")
        start = starts.get(key)
        found.append(
            Annotation(
                author=comment.get(_w("author")),
                initials=comment.get(_w("initials")),
                date=revision_date(comment.get(_w("date"))),
                text=_comment_text(comment),
                anchor=texts.get(key, ""),
                where=f"paragraph {max(start, 1)}" if start is not None else None,
            )
        )
    return tuple(found)
