"""Reading Word files back into the document tree: `read_docx`, what it returns, and its limits."""

from __future__ import annotations

import os

from pccplan.opc.limits import Limits
from pccplan.read.result import Annotation, ReadResult, ReadWarning, TrackedChange

__all__ = ["Annotation", "Limits", "ReadResult", "ReadWarning", "TrackedChange", "read_docx", "tree_as_json"]


def read_docx(
    source: str | os.PathLike[str] | bytes, *, limits: Limits | None = None, name: str | None = None
) -> ReadResult:
    """Read the .docx at `source` (a path, or the file's bytes) into the document tree.

    For a file pccplan wrote, the tree is the one rendered, in the reader's normal form
    (`pccplan.read.normal`), and the text is its `plain_text`. For other Word files it reads
    what the tree can hold and lists what it left out in `ReadResult.warnings`. `name` is
    how errors name the file (default: the path, or 'the document' for bytes). Raises
    `DocumentReadError` naming the file and the reason when the file is not a readable .docx
    or passes one of `limits` (`Limits()` when ``None``).
    """
    from pccplan.read.docx import read

    return read(source, limits=limits, name=name)


def tree_as_json(node: object) -> object:
    """A tree node as JSON data (see `pccplan.read.tree_json.to_json`)."""
    from pccplan.read.tree_json import to_json

    return to_json(node)
