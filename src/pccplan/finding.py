"""The one family of findings: what a check, the reader or a validator reports, under shared field names.

A statute `Finding`, an accessibility `A11yFinding`, a reader's `ReadWarning` and a refused
value's `Problem` each keep the fields their own job needs, and each also answers to the same
five names, so a caller (or the command line) can treat any of them alike:

- `code`: a stable id to filter on: the rule ('PLAN-10', 'link-text') or the kind of report;
- `severity`: a `Severity`;
- `message`: the sentence an officer reads;
- `where`: the place ('paragraph 12', 'themes[0].aim'), '' when the finding is about the whole;
- `to_json()`: the finding as a JSON object holding those four keys and the type's own.

This module sits beside `errors` at the bottom of the layers, so every layer can use it.
"""

from __future__ import annotations

import enum
from typing import Protocol, Self, TypeVar, runtime_checkable

__all__ = ["FindingLike", "FindingsOf", "Severity", "common_json"]


class Severity(enum.Enum):
    """How serious a finding is: a refused input, a breach of the law, a warning to look at, or a note."""

    ERROR = "error"
    """An input pccplan refuses (a `Problem`): the object or file cannot be built as given."""
    BREACH = "breach"
    WARNING = "warning"
    NOTE = "note"


@runtime_checkable
class FindingLike(Protocol):
    """What every finding answers to, whatever found it: `code`, `severity`, `message`, `where`, `to_json`."""

    @property
    def code(self) -> str:
        """A stable id: the rule's id, or the kind of report where there is no catalogue of rules."""
        ...

    @property
    def severity(self) -> Severity:
        """How serious it is."""
        ...

    @property
    def message(self) -> str:
        """What was found, in a sentence."""
        ...

    @property
    def where(self) -> str:
        """Where it was found; '' when it concerns the whole document or object."""
        ...

    def to_json(self) -> dict[str, object]:
        """The finding as a JSON object: `common_json` and the type's own fields."""
        ...


def common_json(finding: FindingLike) -> dict[str, object]:
    """The four keys every finding's `to_json` starts with: code, severity, message and where."""
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "where": finding.where,
    }


def _rank(finding: FindingLike) -> int:
    """Severest first: the order `FindingsOf.ordered` sorts by (the order `Severity` declares)."""
    return list(Severity).index(finding.severity)


F = TypeVar("F", bound=FindingLike, covariant=True)


class FindingsOf(tuple[F, ...]):
    """What a check returns: a tuple of findings of one type, with the questions asked of it."""

    __slots__ = ()

    @property
    def breaches(self) -> Self:
        """The findings that are breaches of the law or refused inputs."""
        return type(self)(f for f in self if f.severity in (Severity.BREACH, Severity.ERROR))

    @property
    def clean(self) -> bool:
        """True when nothing was found."""
        return not self

    def ordered(self) -> Self:
        """The same findings, severest first (the order within one severity is kept)."""
        return type(self)(sorted(self, key=_rank))

    def to_json(self) -> list[dict[str, object]]:
        """Each finding's `to_json`, in order."""
        return [f.to_json() for f in self]
