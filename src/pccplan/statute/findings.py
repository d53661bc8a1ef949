"""Findings: what a check found, in a sentence a Panel officer would understand, with its rule."""

from __future__ import annotations

import enum

import attrs

from pccplan.statute.citation import Citation

__all__ = ["Finding", "Findings", "Severity"]


class Severity(enum.Enum):
    """How serious a finding is: a breach of the law, a warning to look at, or a note."""

    BREACH = "breach"
    WARNING = "warning"
    NOTE = "note"


@attrs.frozen(kw_only=True)
class Finding:
    """One thing the checker found, in a sentence a Panel officer would understand, with its rule."""

    severity: Severity
    rule: str
    citation: Citation
    message: str

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.message} ({self.rule}, {self.citation.text})"


class Findings(tuple[Finding, ...]):
    """The findings of a check, in order of severity: a tuple (``pccplan.notebook`` shows it as a table)."""

    __slots__ = ()

    @property
    def breaches(self) -> Findings:
        """The findings that are breaches of the law."""
        return Findings(f for f in self if f.severity is Severity.BREACH)

    @property
    def clean(self) -> bool:
        """True when nothing was found."""
        return not self
