"""Declaring a rule beside the function that applies it: the `Rule` record and the `applies` decorator.

A module declares each rule it applies as a constant (``PLAN_1 = Rule(id="PLAN-1", ...)``) and
marks the function with ``@applies(PLAN_1)``; `pccplan.statute.registry` collects the
declarations from the modules. Nothing here keeps a list: the marks live on the functions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import attrs

from pccplan.model.classes import shared_eq_repr
from pccplan.model.sources import Confidence
from pccplan.statute.citation import Citation

__all__ = ["Rule", "applied_by", "applies"]

F = TypeVar("F", bound=Callable[..., object])

_MARK = "__pccplan_rules__"  # the attribute `applies` sets on a function


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Rule:
    """One rule of the fact sheet (``shared/statute.md``).

    `id` is the fact sheet's id ('PLAN-1'); `title` a few words; `says` one plain sentence of
    what the law requires; `citation` its source and confidence. `function` is the function
    that applies it, filled in by the registry from the `applies` marks (``None`` for rules
    with no date or check to compute, such as a duty to have regard). `override` names how a
    user replaces a U reading (a parameter or object), and is set for every U rule.
    """

    id: str
    title: str
    says: str
    citation: Citation
    function: Callable[..., object] | None = attrs.field(default=None, eq=False, repr=False)
    override: str | None = None

    @property
    def confidence(self) -> Confidence:
        """How sure the rule is: the confidence of its citation."""
        return self.citation.confidence

    def resolve(self) -> Callable[..., object] | None:
        """The function that applies the rule (``None`` if it has none); kept for older callers."""
        return self.function


def applies(*rules: Rule) -> Callable[[F], F]:
    """Mark a function as applying `rules`; marks stack, so a function may apply several rules."""

    def mark(function: F) -> F:
        setattr(function, _MARK, (*applied_by(function), *rules))
        return function

    return mark


def applied_by(function: object) -> tuple[Rule, ...]:
    """The rules `function` was marked as applying with `applies` (empty for anything else)."""
    found = getattr(function, _MARK, ())
    return tuple(r for r in found if isinstance(r, Rule)) if isinstance(found, tuple) else ()
