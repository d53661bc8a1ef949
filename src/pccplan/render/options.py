"""Options every renderer takes: what to leave out for the public, and a caller's Word template."""

from __future__ import annotations

from pathlib import Path

import attrs

__all__ = ["RenderOptions"]


@attrs.frozen(kw_only=True)
class RenderOptions:
    """How to render a document.

    `public` (default) leaves exempt parts out, with a notice in their place; ``False``
    keeps them, marked. `template` is a reference .docx (a path or its bytes) whose styles,
    page set-up, header and footer the DOCX output uses; ``None`` uses the house style.
    Other renderers ignore `template`.
    """

    public: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    template: Path | str | bytes | None = attrs.field(default=None)
