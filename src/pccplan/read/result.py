"""What reading a Word file gives back: the document tree, the text as Word shows it, and warnings."""

from __future__ import annotations

import attrs

from pccplan.compose.tree import Document
from pccplan.finding import Severity, common_json

__all__ = ["ReadResult", "ReadWarning"]


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
class ReadResult:
    """A Word file read back: its `document` tree, its `text` and the reader's `warnings`.

    `text` is what a reader of the file sees, one line per paragraph with list and
    paragraph numbers as Word computes them, then the footnotes, each starting with its
    number. For a file pccplan wrote it equals `plain_text` of the tree that was rendered.
    No warnings means nothing was skipped.
    """

    document: Document
    text: str
    warnings: tuple[ReadWarning, ...] = ()
