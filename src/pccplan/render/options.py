"""Options every renderer takes: what to leave out for the public, and a caller's Word template."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

__all__ = ["AttachedDocument", "RenderOptions"]


@attrs.frozen(kw_only=True)
class AttachedDocument:
    """A Word document attached after the body: its heading ('Appendix A: The draft Plan') and file.

    `source` is the .docx (a path or its bytes), checked as the reader checks a file before
    it is opened. The DOCX output starts it on a new page under `title`, keeping its own
    styles and lists; Markdown and HTML, which cannot hold it, say under `title` that it is a
    separate file.
    """

    title: str = attrs.field(validator=attrs.validators.instance_of(str))
    source: Path | str | bytes = attrs.field(validator=attrs.validators.instance_of((Path, str, bytes)))


def _as_tuple(documents: Iterable[AttachedDocument]) -> tuple[AttachedDocument, ...]:
    # A Python function, not `tuple` itself: attrs reads a converter's signature, and reading a
    # built-in's compiles the tokenizer's patterns (milliseconds on every run of the command).
    return tuple(documents)


@attrs.frozen(kw_only=True)
class RenderOptions:
    """How to render a document.

    `public` (default) leaves exempt parts out, with a notice in their place; ``False``
    keeps them, marked. `template` is a reference .docx (a path or its bytes) whose styles,
    page set-up, header and footer the DOCX output uses; ``None`` uses the house style.
    `appendices` are Word documents attached after the body, in order (see `AttachedDocument`).
    Other renderers ignore `template`; Markdown and HTML name each of `appendices` as a separate file.
    """

    public: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    template: Path | str | bytes | None = attrs.field(default=None)
    appendices: tuple[AttachedDocument, ...] = attrs.field(
        default=(),
        converter=_as_tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(AttachedDocument)),
    )
