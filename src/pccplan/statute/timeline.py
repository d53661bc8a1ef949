"""A term's timeline: every dated, cited step from the poll to the end of the term, in date order."""

from __future__ import annotations

import datetime as dt

import attrs

from pccplan.model.area import PoliceArea
from pccplan.model.classes import shared_eq_repr
from pccplan.model.sources import Confidence
from pccplan.statute.announced import Law, mark_announced
from pccplan.statute.annual_report import annual_report_steps
from pccplan.statute.calendar import FinancialYear, WorkingCalendar, calendar_covering
from pccplan.statute.elections import ElectionCalendar
from pccplan.statute.mayors import mayoral_area
from pccplan.statute.panel import LONDON_ASSEMBLY, PANEL, plan_review_steps
from pccplan.statute.plan import PlanningPeriod
from pccplan.statute.precept import notify_by, precept_timetable
from pccplan.statute.steps import DatedStep, StepsLaw
from pccplan.statute.terms import Term, term_for

__all__ = ["Timeline", "timeline"]


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Timeline(StepsLaw):
    """A term of office and its plan's planning period, with every step in date order.

    `period` is the planning period of a plan issued on `issued` (``None`` after a
    by-election when no issue day was given: there is no deadline to default to). `status`
    and `warnings` say when a date rests on an announced change (GOV-1).
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
            "acceptance_deadline": iso(term.acceptance_deadline),
            "plan_deadline": iso(term.plan_deadline),
            "new_plan_required": term.new_plan_required,
            "issued": iso(self.issued),
            "plan_period_start": iso(period.start if period else None),
            "plan_period_end": iso(period.end if period else None),
            "plan_period_confidence": period.citation.confidence.value if period else None,
            "plan_period_note": period.note if period else None,
            "expected_poll": iso(period.expected_poll if period else None),
            "latest_start": iso(period.latest_start if period else None),
            "law": term.law.value,
            "status": self.status.value,
            "warnings": list(self.warnings),
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
    law: Law | str = Law.CURRENT,
) -> Timeline:
    """The timeline of the term that follows `poll` in `area` (``None``: an ordinary PCC area).

    `issued` is the day the plan is issued (default: the plan deadline, PLAN-1); `starts` a
    qualifying day it names and `end` an override of its planning period's end (PLAN-9).
    `meeting` is the Panel meeting that reviews the draft, adding PLAN-4 to PLAN-8 and
    PANEL-1 to PANEL-3 steps. The steps also include the first precept the new commissioner
    sets (PREC-1 to PREC-5) and the first annual report (AR-1).

    `law` (GOV-1): under 'current' (default) every date from the 4 May 2028 poll on is marked
    "announced change, not yet law"; under 'announced' there is no PCC poll in 2028, the term
    ends on the day s.50(7) gives, and the last PCC precept round and last annual report are
    shown as such.
    """
    term = term_for(poll, area, elections=elections, declared=declared, law=law)
    issue_day = issued or term.plan_deadline
    period = term.planning_period(issue_day, starts=starts, end=end) if issue_day else None
    cal = calendar_covering(term.nation, poll, term.term_ends)
    steps = list(term.steps)
    if period is not None:
        steps += period.steps(cal)  # the end is PLAN-9A when it rests on a U reading or the user's day
        steps[-1] = _transitional(term, period, steps[-1])
    first_year = FinancialYear.containing(term.takes_office)
    mayor = mayoral_area(term.area.slug) if term.area else None
    if mayor is None or mayor.panel_precept:  # not London: MOPAC's budget is the GLA's (GLA Act Sch.6)
        steps += precept_timetable(first_year.start_year + 1, nation=term.nation, calendar=cal).steps
    scrutiny = LONDON_ASSEMBLY if mayor is not None and mayor.slug == "london" else PANEL  # s.28 or s.33
    steps += annual_report_steps(first_year, body=scrutiny.short)[:1]
    if term.change is not None and term.term_ends >= term.change.value.terms_end:  # only the last PCC term
        steps += _last_pcc_steps(term.term_ends, term, cal)
    if meeting is not None:
        steps += plan_review_steps(
            meeting,
            deadline=term.plan_deadline,
            nation=term.nation,
            response_days=response_days,
            calendar=cal,
            scrutiny=scrutiny,
        )
    ordered = sorted(enumerate(mark_announced(steps, term.pending)), key=lambda pair: (pair[1].date, pair[0]))
    return Timeline(term=term, issued=issue_day, period=period, steps=tuple(s for _, s in ordered))


def _transitional(term: Term, period: PlanningPeriod, step: DatedStep) -> DatedStep:
    """GOV-1, announced scenario: a planning period tied to a cancelled poll depends on transitional law."""
    change = term.change
    if change is None or period.expected_poll < change.value.cancelled_poll:
        return step
    warning = f"{change.status.value}: the planning period depends on transitional provisions (GOV-1, U)."
    return attrs.evolve(step, status=change.status, warning=None if change.status.is_law else warning)


def _last_pcc_steps(ends: dt.date, term: Term, cal: WorkingCalendar) -> list[DatedStep]:
    """GOV-1, announced scenario: the last PCC precept round and the last annual report before `ends`.

    The last precept is the one notified by the 1 February before the term ends (PREC-1); the
    last annual report covers the last financial year that ends before it (AR-1), though who
    reports on it after the term is for transitional provisions (U).
    """
    change = term.change
    if change is None:  # pragma: no cover - the caller checks
        return []
    year = ends.year if ends >= notify_by(ends.year).date else ends.year - 1
    last_fy = FinancialYear.containing(ends - dt.timedelta(days=1)).start_year - 1
    found: list[DatedStep] = []
    for step in precept_timetable(year, nation=term.nation, calendar=cal).steps[:1]:
        found.append(
            attrs.evolve(
                step,
                title=f"Last PCC precept round ({FinancialYear(start_year=year).label}): "
                f"{step.title[0].lower()}{step.title[1:]}",
                status=change.status,
                note=f"The last precept set by a PCC under '{change.value.summary}' (GOV-1).",
            )
        )
    for step in annual_report_steps(FinancialYear(start_year=last_fy))[:1]:
        found.append(
            attrs.evolve(
                step,
                title=f"Last PCC annual report: {step.title}",
                status=change.status,
                citation=step.citation.noted(
                    "Who reports after the term ends is for transitional provisions (GOV-1, U).",
                    Confidence.UNVERIFIED,
                ),
            )
        )
    return found
