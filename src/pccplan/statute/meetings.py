"""When a Panel meeting's agenda must be published: five clear working days in England, three in Wales."""

from __future__ import annotations

import datetime as dt

from pccplan.model.area import Nation
from pccplan.statute.calendar import WorkingCalendar, calendar_covering
from pccplan.statute.registry import cite
from pccplan.statute.steps import DatedStep

__all__ = ["CLEAR_DAYS", "agenda_step", "publish_by"]

CLEAR_DAYS = {Nation.ENGLAND: 5, Nation.WALES: 3}
"""Clear days before a Panel meeting: MTG-1 (England, LGA 1972 s.100B) and MTG-2 (Wales, s.100BA)."""


def publish_by(
    meeting: dt.date,
    nation: Nation = Nation.ENGLAND,
    *,
    clear_days: int | None = None,
    working_days: bool = True,
    calendar: WorkingCalendar | None = None,
) -> dt.date:
    """MTG-1/MTG-2: the last day to publish the agenda and reports for a Panel meeting on `meeting`.

    England: at least five clear days before (LGA 1972 s.100B, S); Wales: three (s.100BA, V;
    commencement date U). Clear days exclude the day of publication and the day of the
    meeting. They are read as working days (R v Swansea CC ex p Elitestone, S), and the
    publication day is itself a working day: a meeting on Friday 17 May 2024 needs publication
    by Thursday 9 May. Pass `working_days=False` for calendar clear days, or `clear_days` to
    use another number (for example five for a Welsh meeting before s.100BA took effect).
    """
    count = CLEAR_DAYS[nation] if clear_days is None else clear_days
    if not working_days:
        return meeting - dt.timedelta(days=count + 1)
    cal = calendar or calendar_covering(nation, meeting)
    return cal.publish_before(meeting, count)


def agenda_step(
    meeting: dt.date,
    nation: Nation = Nation.ENGLAND,
    *,
    clear_days: int | None = None,
    working_days: bool = True,
    calendar: WorkingCalendar | None = None,
) -> DatedStep:
    """`publish_by` as a cited step (rule MTG-1 in England, MTG-2 in Wales)."""
    cal = calendar or calendar_covering(nation, meeting)
    day = publish_by(meeting, nation, clear_days=clear_days, working_days=working_days, calendar=cal)
    rule_id = "MTG-1" if nation is Nation.ENGLAND else "MTG-2"
    count = CLEAR_DAYS[nation] if clear_days is None else clear_days
    kind = "working" if working_days else "calendar"
    return DatedStep(
        rule=rule_id,
        title=f"Publish the agenda and reports ({count} clear {kind} days) by",
        date=day,
        citation=cite(rule_id),
        non_working_day=not cal.is_working_day(day),
        note=f"For the meeting on {meeting.isoformat()}.",
    )
