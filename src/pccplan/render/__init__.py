"""The renderers by format name, and `save`, which writes a rendering to a file atomically."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from pccplan.atomic import write_atomic
from pccplan.errors import RenderError
from pccplan.render.options import RenderOptions

if TYPE_CHECKING:  # the tree is imported by each renderer when it runs, so `import pccplan` stays cheap
    from pccplan.compose.tree import Document

__all__ = ["FORMATS", "RenderOptions", "Renderer", "render", "save"]

Renderer = Callable[["Document", RenderOptions], bytes | str]
"""A renderer: a tree and options in, the document's bytes (DOCX, PDF) or text (Markdown, HTML) out."""


# Each entry imports its module on first use, so `import pccplan` never imports python-docx.
def _docx(doc: Document, options: RenderOptions) -> bytes:
    from pccplan.render.docx.writer import render as write_docx

    return write_docx(doc, options)


def _markdown(doc: Document, options: RenderOptions) -> str:
    from pccplan.render.markdown import render as write_markdown

    return write_markdown(doc, options)


def _html(doc: Document, options: RenderOptions) -> str:
    from pccplan.render.html import render as write_html

    return write_html(doc, options)


def _pdf(doc: Document, options: RenderOptions) -> bytes:
    from pccplan.render.pdf import render as write_pdf

    return write_pdf(doc, options)


FORMATS: Mapping[str, Renderer] = MappingProxyType(
    {"docx": _docx, "markdown": _markdown, "html": _html, "pdf": _pdf}
)
"""The renderer of each format name (read-only: like pandoc's writers table)."""

_SUFFIXES = MappingProxyType(
    {
        ".docx": "docx",
        ".md": "markdown",
        ".markdown": "markdown",
        ".html": "html",
        ".htm": "html",
        ".pdf": "pdf",
    }
)


def render(doc: Document, format: str, options: RenderOptions | None = None) -> bytes | str:
    """`doc` rendered in `format` ('docx', 'markdown', 'html' or 'pdf').

    PDF needs LibreOffice: without it `MissingProgramError` (a `RenderError`) names it.
    """
    try:
        renderer = FORMATS[format]
    except KeyError:
        raise RenderError(f"unknown format {format!r}; known: {', '.join(sorted(FORMATS))}") from None
    return renderer(doc, options or RenderOptions())


def save(
    doc: Document,
    path: str | os.PathLike[str],
    options: RenderOptions | None = None,
    format: str | None = None,
) -> Path:
    """Render `doc` and write it to `path` atomically; the format follows the suffix unless given.

    The file is written to a temporary file in the same folder and moved into place, so a
    failed render or write leaves no file (and no partial file) behind. Errors name the path.
    """
    target = Path(path)
    if format is None:
        format = _SUFFIXES.get(target.suffix.lower())
        if format is None:
            raise RenderError(
                f"{target}: cannot tell the format from the suffix {target.suffix!r}; pass format="
            )
    content = render(doc, format, options)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        write_atomic(target, data)
    except OSError as error:
        raise RenderError(f"{target}: cannot write the file: {error.strerror or error}") from error
    return target
