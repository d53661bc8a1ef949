"""The renderers by format name, and `save`, which writes a rendering to a file atomically."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from pccplan._deprecate import warn
from pccplan.atomic import write_atomic
from pccplan.errors import RenderError
from pccplan.render.options import RenderOptions

if TYPE_CHECKING:  # the tree is imported by each renderer when it runs, so `import pccplan` stays cheap
    from pccplan.compose.tree import Document

__all__ = ["FORMATS", "RenderOptions", "Renderer", "render", "render_document", "save"]

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


def render_document(doc: Document, *, format: str, options: RenderOptions | None = None) -> bytes | str:
    """`doc` rendered in `format` ('docx', 'markdown', 'html' or 'pdf'): bytes for DOCX and PDF, text else.

    PDF needs LibreOffice: without it `MissingProgramError` (a `RenderError`) names it. An
    unknown format is a `RenderError` listing the known ones.
    """
    try:
        renderer = FORMATS[format]
    except KeyError:
        raise RenderError(f"unknown format {format!r}; known: {', '.join(sorted(FORMATS))}") from None
    return renderer(doc, options or RenderOptions())


def render(doc: Document, format: str, options: RenderOptions | None = None) -> bytes | str:
    """`render_document` with the format (and options) by position: this package's own call.

    Kept for the code that calls ``pccplan.render.render(doc, "docx")``; new code calls
    `pccplan.render_document(doc, format=...)`, whose keywords match `save`'s.
    """
    return render_document(doc, format=format, options=options)


def save(
    doc: Document,
    path: str | os.PathLike[str],
    *former: RenderOptions | str | None,
    format: str | None = None,
    options: RenderOptions | None = None,
) -> Path:
    """Render `doc` and write it to `path` atomically; the format follows the suffix unless given.

    The file is written to a temporary file in the same folder and moved into place, so a
    failed render or write leaves no file (and no partial file) behind. Errors name the path.
    `format` and `options` are keywords, as in `render_document`; passing them by position
    (the former ``save(doc, path, options, format)``) still works for one release and warns.
    """
    if former:
        options, format = _former_save_arguments(former, options, format)
    target = Path(path)
    if format is None:
        format = _SUFFIXES.get(target.suffix.lower())
        if format is None:
            raise RenderError(
                f"{target}: cannot tell the format from the suffix {target.suffix!r}; pass format="
            )
    content = render_document(doc, format=format, options=options)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        write_atomic(target, data)
    except OSError as error:
        raise RenderError(f"{target}: cannot write the file: {error.strerror or error}") from error
    return target


def _former_save_arguments(
    former: tuple[RenderOptions | str | None, ...], options: RenderOptions | None, format: str | None
) -> tuple[RenderOptions | None, str | None]:
    """`options` and `format` from the former positional call ``save(doc, path, options, format)``."""
    warn(
        "save(doc, path, options, format)",
        "save(doc, path, format=..., options=...)",
        "options and format by keyword, as render_document takes them",
        stacklevel=3,
    )
    if len(former) > 2:
        raise TypeError(
            f"save() takes at most 2 former positional arguments after path ({len(former)} given)"
        )
    given_options, given_format = (*former, None)[:2]
    if given_options is not None and not isinstance(given_options, RenderOptions):
        raise TypeError(f"save(): options must be RenderOptions, got {given_options!r}")
    if given_format is not None and not isinstance(given_format, str):
        raise TypeError(f"save(): format must be a format name, got {given_format!r}")
    return options or given_options, format or given_format


class _Package(types.ModuleType):
    """This package, which can still be called as the function `pccplan.render` was, for one release.

    `pccplan.render` used to be a function that hid this package; the package now keeps the
    name (its modules are `pccplan.render.docx`, `pccplan.render.html`, ...) and the function
    is `pccplan.render_document`. A call to the package forwards to it and warns.
    """

    def __call__(self, doc: Document, format: str, options: RenderOptions | None = None) -> bytes | str:
        warn("calling pccplan.render(doc, format)", "pccplan.render_document(doc, format=...)", stacklevel=2)
        return render_document(doc, format=format, options=options)


# Set once, as the package is imported, so the former call keeps working whichever way the
# package was first imported (``import pccplan.render.docx.writer`` included).
sys.modules[__name__].__class__ = _Package
