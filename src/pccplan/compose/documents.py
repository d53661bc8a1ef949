"""Writing any document of the table `DOCUMENTS` by its name, from the plan and the files given.

The table itself is `pccplan.model.kinds.DOCUMENTS` (plan files read it, below this layer); this
module resolves each row's composer and calls it with the content and the other files the row
names, so the command line holds no per-document code.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any, cast

from pccplan.compose.house import apply_form
from pccplan.compose.tree import Document
from pccplan.errors import ValidationError
from pccplan.model.form import HouseForm
from pccplan.model.kinds import DOCUMENTS, DocumentKind, document_kind
from pccplan.model.plan import Plan

__all__ = ["DOCUMENTS", "compose_document", "composer_of"]


def composer_of(kind: DocumentKind) -> Callable[..., Document]:
    """The composer function the row `kind` names (imported when first asked for)."""
    module, _, name = kind.composer_path.rpartition(".")
    return cast("Callable[..., Document]", getattr(importlib.import_module(module), name))


# The two composers that predate house forms: they take the plan first, write the library's own
# shape, and `apply_form` then lays it out as the form says. Every later composer takes its
# content first and reads the form itself.
_LAID_OUT = frozenset({"panel-report", "decision-notice"})


def compose_document(name: str, plan: Plan, inputs: Mapping[str, object] | None = None) -> Document:
    """The document `name` (a row of `DOCUMENTS`) for `plan`, from `inputs`: the other files, by kind.

    `inputs` maps a file kind ('panel-letter', 'house-form', 'response') to its object. The
    row's own content is required; the kinds it `uses` are optional; any other kind is
    refused. Raises `KeyError` for an unknown `name` and `ValidationError` naming the kind
    that is missing, not used, or not of its class.
    """
    kind = document_kind(name)
    given = dict(inputs or {})
    allowed = (*kind.needs, *kind.uses)
    for key in given:
        if key not in allowed:
            uses = ", ".join(allowed) or "no other file"
            raise ValidationError.one("inputs", f"{name} uses {uses}, not a {key}", key)
    for key in kind.needs:
        if key not in given:
            raise ValidationError.one("inputs", f"{name} needs a {key}", sorted(given))
    if kind.content is not None and not isinstance(given[name], kind.content):
        raise ValidationError.one(f"inputs[{name!r}]", f"must be a {kind.content.__name__}", given[name])
    form = cast("HouseForm | None", given.get("house-form"))
    compose = composer_of(kind)
    content: Any = given.get(name)
    if name in _LAID_OUT:
        extra = {"response": given["response"]} if "response" in given else {}
        doc = compose(content, plan, **extra)
        return doc if form is None else apply_form(doc, name, form)
    if "house-form" in kind.uses:
        return compose(content, plan, form=form)
    if kind.content is not None:
        return compose(content, plan)
    if name == "timetable":
        from pccplan.compose.panel_report import term_of

        meeting = plan.process.panel_meeting if plan.process else None
        return compose(term_of(plan), issued=plan.issued, meeting=meeting)
    return compose(plan)
