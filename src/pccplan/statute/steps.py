"""Dated steps: what the timetable rules return, each with its rule id and citation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from pccplan.model.classes import shared_eq_repr
from pccplan.statute.calendar import WorkingCalendar
from pccplan.statute.citation import Citation
from pccplan.statute.dated import LawStatus

__all__ = ["DatedStep", "StepsLaw", "cited_step", "steps_status", "steps_warnings"]


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class DatedStep:
    """One dated step of a statutory timetable, carrying the rule and citation it comes from.

    `date` is the day itself (a deadline is the last day on which the step may be taken,
    inclusive, unless `title` says 'before'). `non_working_day` is True when that day is a
    Saturday, Sunday or bank holiday in the nation concerned: fixed statutory dates do not
    move, so the step must in practice be taken earlier. `note` explains anything else a
    reader needs (an assumption, an unverified reading, a soft target). `status` is how far
    the law behind the date is law: a step that depends on an announced change (GOV-1) is
    "announced change, not yet law" and carries a `warning`.
    """

    rule: str
    title: str
    date: dt.date
    citation: Citation
    non_working_day: bool = False
    note: str | None = None
    status: LawStatus = LawStatus.IN_FORCE
    warning: str | None = None

    @property
    def unverified(self) -> bool:
        """True when the step rests on a U fact (its citation says so)."""
        return self.citation.unverified

    def to_json(self) -> dict[str, object]:
        """The step as the command line's JSON contract shows it (ISO 8601 dates)."""
        return {
            "rule": self.rule,
            "title": self.title,
            "date": self.date.isoformat(),
            "citation": self.citation.text,
            "url": self.citation.url,
            "confidence": self.citation.confidence.value,
            "non_working_day": self.non_working_day,
            "note": self.note,
            "status": self.status.value,
            "warnings": [self.warning] if self.warning else [],
        }


def cited_step(
    rule: str,
    title: str,
    day: dt.date,
    citation: Citation,
    *,
    calendar: WorkingCalendar,
    note: str | None = None,
) -> DatedStep:
    """The step `title` on `day` under rule `rule`, with `non_working_day` read from `calendar`.

    The one way the rules build the dated values they return: a rule function computes its
    day and returns it through here, so the day never travels without its citation.
    """
    return DatedStep(
        rule=rule,
        title=title,
        date=day,
        citation=citation,
        non_working_day=not calendar.is_working_day(day),
        note=note,
    )


def steps_status(steps: Iterable[DatedStep]) -> LawStatus:
    """The first status other than 'in force' among `steps` (GOV-1), else 'in force'."""
    for step in steps:
        if step.status is not LawStatus.IN_FORCE:
            return step.status
    return LawStatus.IN_FORCE


def steps_warnings(steps: Iterable[DatedStep]) -> tuple[str, ...]:
    """The distinct warnings of `steps`, in order: one line each for the command line."""
    return tuple(dict.fromkeys(s.warning for s in steps if s.warning))


class StepsLaw:
    """Adds `status` and `warnings` (GOV-1) to a class with a `steps` tuple (`Term`, `Timeline`)."""

    steps: tuple[DatedStep, ...]

    @property
    def status(self) -> LawStatus:
        """'announced change, not yet law' when any step rests on one (GOV-1), else 'in force'."""
        return steps_status(self.steps)

    @property
    def warnings(self) -> tuple[str, ...]:
        """The distinct warnings of the steps, in order (GOV-1): one line each for the command line."""
        return steps_warnings(self.steps)
