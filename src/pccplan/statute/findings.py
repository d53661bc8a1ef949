"""Findings: what a check found, in a sentence a Panel officer would understand, with its rule."""

from __future__ import annotations

import attrs

from pccplan.finding import FindingsOf, Severity, common_json
from pccplan.model.classes import shared_eq_repr
from pccplan.statute.citation import Citation

__all__ = ["Finding", "Findings", "Severity"]


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Finding:
    """One thing the checker found, in a sentence a Panel officer would understand, with its rule.

    `where` is the part of the plan or process concerned ('' when it is the plan as a whole).
    It is one of the family of findings (`pccplan.finding`): `code` is the `rule`.
    """

    severity: Severity
    rule: str
    citation: Citation
    message: str
    where: str = ""

    @property
    def code(self) -> str:
        """The rule's id ('PLAN-10'): the family's name for `rule`."""
        return self.rule

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.message} ({self.rule}, {self.citation.text})"

    def to_json(self) -> dict[str, object]:
        """The finding as a JSON object: code, severity, message, where, then its rule and source."""
        return {
            **common_json(self),
            "rule": self.rule,
            "citation": self.citation.text,
            "url": self.citation.url,
            "confidence": self.citation.confidence.value,
        }


class Findings(FindingsOf[Finding]):
    """The findings of a check of the law, severest first (``pccplan.notebook`` shows them as a table)."""

    __slots__ = ()
