"""A term's timeline: every dated, cited step from the poll to the end of the term, in date order."""

from __future__ import annotations

import datetime as dt

import attrs

from pccplan.model.area import PoliceArea
from pccplan.statute.annual_report import annual_report_steps
from pccplan.statute.calendar import FinancialYear, calendar_covering
from pccplan.statute.elections import ElectionCalendar
from pccplan.statute.panel import plan_review_steps
from pccplan.statute.plan import PlanningPeriod
from pccplan.statute.precept import precept_timetable
from pccplan.statute.registry import cite
from pccplan.statute.steps import DatedStep
from pccplan.statute.terms import Term, term_for

__all__ = ["Timeline", "timeline"]


@attrs.frozen(kw_only=True)
class Timeline:
    """A term of office and its plan's planning period, with every step in date order.

    `period` is the planning period of a plan issued on `issued` (``None`` after a
    by-election when no issue day was given: there is no deadline to default to).
    """

    term: Term
    issued: dt.date | None
    period: PlanningPeriod | None
    steps: tuple[DatedStep, ...]

    def to_json(self) -> dict[str, object]:
        """The command line's JSON contract for ``pccplan timeline`` (ISO 8601 dates, ``null`` for none)."""
        term, period = self.term, self.period

        def iso(day: dt.date | None) -> str | None:
            return day.isoformat() if day else None

        return {
            "area": term.area.slug if term.area else None,
            "area_name": term.area.name if term.area else "an ordinary PCC area",
            "nation": term.nation.value,
            "poll": term.poll.isoformat(),
            "kind": term.kind.value,
            "takes_office": term.takes_office.isoformat(),
            "term_ends": term.term_ends.isoformat(),
            "next_poll": term.next_poll.isoformat(),
            "acceptance_deadline": term.acceptance_deadline.isoformat(),
            "plan_deadline": iso(term.plan_deadline),
            "new_plan_required": term.new_plan_required,
            "issued": iso(self.issued),
            "plan_period_start": iso(period.start if period else None),
            "plan_period_end": iso(period.end if period else None),
            "plan_period_confidence": period.citation.confidence.value if period else None,
            "plan_period_note": period.note if period else None,
            "expected_poll": iso(period.expected_poll if period else None),
            "latest_start": iso(period.latest_start if period else None),
            "steps": [step.to_json() for step in self.steps],
        }


def timeline(
    poll: dt.date,
    area: PoliceArea | None = None,
    *,
    issued: dt.date | None = None,
    starts: dt.date | None = None,
    end: dt.date | None = None,
    meeting: dt.date | None = None,
    response_days: int | None = None,
    elections: ElectionCalendar | None = None,
    declared: dt.date | None = None,
) -> Timeline:
    """The timeline of the term that follows `poll` in `area` (``None``: an ordinary PCC area).

    `issued` is the day the plan is issued (default: the plan deadline, PLAN-1); `starts` a
    qualifying day it names and `end` an override of its planning period's end (PLAN-9).
    `meeting` is the Panel meeting that reviews the draft, adding PLAN-4 to PLAN-8 and
    PANEL-1 to PANEL-3 steps. The steps also include the first precept the new commissioner
    sets (PREC-1 to PREC-5) and the first annual report (AR-1).
    """
    term = term_for(poll, area, elections=elections, declared=declared)
    issue_day = issued or term.plan_deadline
    period = term.planning_period(issue_day, starts=starts, end=end) if issue_day else None
    cal = calendar_covering(term.nation, poll, term.term_ends)
    steps = list(term.steps)
    if period is not None:
        rule = "PLAN-9A" if period.citation.unverified else "PLAN-9"
        steps += [
            DatedStep(
                rule="PLAN-9",
                title="Latest qualifying day the plan may name as its start",
                date=period.latest_start,
                citation=cite("PLAN-9"),
                non_working_day=not cal.is_working_day(period.latest_start),
            ),
            DatedStep(
                rule=rule,
                title=f"Planning period ends (plan issued {period.issued.isoformat()})",
                date=period.end,
                citation=period.citation,
                non_working_day=not cal.is_working_day(period.end),
                note=period.note,
            ),
        ]
    first_year = FinancialYear.containing(term.takes_office)
    steps += precept_timetable(first_year.start_year + 1, nation=term.nation, calendar=cal).steps
    steps += annual_report_steps(first_year)[:1]
    if meeting is not None:
        steps += plan_review_steps(
            meeting,
            deadline=term.plan_deadline,
            nation=term.nation,
            response_days=response_days,
            calendar=cal,
        )
    ordered = sorted(enumerate(steps), key=lambda pair: (pair[1].date, pair[0]))
    return Timeline(term=term, issued=issue_day, period=period, steps=tuple(s for _, s in ordered))
