"""What reading a Word file gives back: the document tree, the text as Word shows it, and warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

import attrs

from pccplan.compose.tree import Document
from pccplan.finding import FindingsOf, Severity, common_json

__all__ = ["Annotation", "ReadResult", "ReadWarning", "TrackedChange"]


@attrs.frozen(kw_only=True)
class ReadWarning:
    """Something the reader skipped or could only approximate, and where it first met it.

    `where` is 'paragraph 12', 'table 2', 'footnote 3', 'document properties' and so on
    (paragraphs and tables counted from 1 in the body, as a reader meets them); `count` is
    how many times the same thing was met. It is one of the family of findings
    (`pccplan.finding`): its `code` is 'read' and its `severity` a warning.
    """

    where: str
    message: str
    count: int = 1

    code = "read"
    """The family's stable id for what the reader reports (`pccplan.finding`)."""
    severity = Severity.WARNING
    """What the reader skipped is worth a look, never a refusal: the file was read."""

    def __str__(self) -> str:
        times = f" ({self.count} times)" if self.count > 1 else ""
        return f"{self.where}: {self.message}{times}"

    def to_json(self) -> dict[str, object]:
        """The warning as a JSON object."""
        return {**common_json(self), "count": self.count}


@attrs.frozen(kw_only=True)
class TrackedChange:
    """One tracked change in a Word file, as Word's Review pane lists it.

    `kind` is 'insertion', 'deletion', 'move' (text moved unchanged: `where` is where it went,
    `origin` where it came from) or 'format' (the same text formatted otherwise: a run's
    formatting, scope 'text', or a paragraph's style or properties, scope 'paragraph').
    `scope` is 'text' for runs of text, 'paragraph' for a paragraph mark (a paragraph inserted
    or deleted whole, or split or joined) or its properties, 'row' for a table row. `text` is
    the text inserted, deleted, moved or reformatted ('' for a paragraph mark or a row). `author`
    and `date` are as Word recorded them (``None`` when the file leaves them out; `date` as
    written, in UTC when it ends in 'Z'). `where` is 'paragraph 12': every paragraph of the body
    counted from 1 in reading order, those in table cells included.
    """

    kind: Literal["insertion", "deletion", "move", "format"]
    scope: Literal["text", "paragraph", "row"]
    text: str
    author: str | None
    date: dt.datetime | None
    where: str
    origin: str | None = None

    def to_json(self) -> dict[str, object]:
        """The change as a JSON object (the date in ISO 8601)."""
        return {
            "kind": self.kind,
            "scope": self.scope,
            "text": self.text,
            "author": self.author,
            "date": self.date.isoformat() if self.date else None,
            "where": self.where,
            **({"origin": self.origin} if self.origin is not None else {}),
        }


@attrs.frozen(kw_only=True)
class Annotation:
    """A comment in a Word file (`word/comments.xml`): who wrote it, when, what, and on which text.

    `anchor` is the text the comment is attached to ('' for a comment on a point); `where`
    is the paragraph its range starts in, counted as for `TrackedChange`, or ``None`` when
    the body never refers to the comment. `date` is ``None`` when Word recorded none.
    """

    author: str | None
    date: dt.datetime | None
    text: str
    anchor: str
    where: str | None
    initials: str | None = None

    def to_json(self) -> dict[str, object]:
        """The comment as a JSON object (the date in ISO 8601)."""
        return {
            "author": self.author,
            "initials": self.initials,
            "date": self.date.isoformat() if self.date else None,
            "text": self.text,
            "anchor": self.anchor,
            "where": self.where,
        }


def _warnings(found: Iterable[ReadWarning]) -> FindingsOf[ReadWarning]:
    """The reader's warnings as the family's tuple, however the caller passed them."""
    return FindingsOf(found)


@attrs.frozen(kw_only=True)
class ReadResult:
    """A Word file read back: its `document` tree, its `text` and the reader's `warnings`.

    `text` is what a reader of the file sees, one line per paragraph with list and
    paragraph numbers as Word computes them, then the footnotes, each starting with its
    number. For a file pccplan wrote it equals `plain_text` of the tree that was rendered.
    No warnings means nothing was skipped. `warnings` is a `FindingsOf` tuple, like every
    collection of findings: ``result.warnings.to_json()``, ``.ordered()``, ``.clean``.

    `changes` lists the file's tracked changes (the tree and `text` read them as accepted)
    and `annotations` its comments, which the tree does not hold; both are empty for a file
    without them.
    """

    document: Document
    text: str
    warnings: FindingsOf[ReadWarning] = attrs.field(default=(), converter=_warnings)
    changes: tuple[TrackedChange, ...] = ()
    annotations: tuple[Annotation, ...] = ()
