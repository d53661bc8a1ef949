"""HMICFRS reports: when the PCC's published comments are due (HMI-1, Police Act 1996 s.55(5A)-(5B))."""

from __future__ import annotations

import datetime as dt

from pccplan.model.area import Nation
from pccplan.statute.calendar import WorkingCalendar, calendar_covering, within_days_beginning_with
from pccplan.statute.registry import cite
from pccplan.statute.steps import DatedStep

__all__ = ["comments_by", "comments_step"]


def comments_by(published: dt.date) -> dt.date:
    """HMI-1, Police Act 1996 s.55(5A)-(5B): comments within 56 days beginning with the report's publication.

    The publication day counts, so the last day is publication + 55 days. It does not move
    off a non-working day.
    """
    return within_days_beginning_with(published, 56)


def comments_step(
    published: dt.date, *, nation: Nation = Nation.ENGLAND, calendar: WorkingCalendar | None = None
) -> DatedStep:
    """`comments_by` as a cited step."""
    day = comments_by(published)
    cal = calendar or calendar_covering(nation, day)
    return DatedStep(
        rule="HMI-1",
        title="Publish comments on the HMICFRS report, with the action on each recommendation, by",
        date=day,
        citation=cite("HMI-1"),
        non_working_day=not cal.is_working_day(day),
        note=f"Report published {published.isoformat()}.",
    )
