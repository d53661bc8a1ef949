"""The Panel's review of a draft plan (PANEL-1 to PANEL-3) and the steps around it (PLAN-4 to PLAN-8)."""

from __future__ import annotations

import datetime as dt

from pccplan.errors import StatuteError
from pccplan.model.area import Nation
from pccplan.statute.calendar import WorkingCalendar, calendar_covering
from pccplan.statute.declare import Rule, applies
from pccplan.statute.meetings import agenda_step
from pccplan.statute.process import PANEL_1, PANEL_2, PANEL_3, PLAN_4, PLAN_8
from pccplan.statute.steps import DatedStep

__all__ = ["plan_review_steps", "response_due", "response_late"]


@applies(PANEL_3)
def response_due(report: dt.date, days: int) -> dt.date:
    """PANEL-3, s.29(3): the last day for the written response when the Panel sets a period of `days` days.

    There is no statutory default: the period is the Panel's choice, an input here. Counted
    as `days` days after the day the report is received (that day not counted).
    """
    if days < 1:
        raise StatuteError(f"a response period of {days} days is not a period (PANEL-3)")
    return report + dt.timedelta(days=days)


def response_late(given: dt.date, due: dt.date | None) -> bool:
    """PANEL-3, s.29(3): whether a response `given` on a day came after the day `due` the Panel set.

    ``False`` when the Panel set no period (`due` is ``None``): the Act sets no default.
    """
    return due is not None and given > due


def _step(rule: Rule, title: str, day: dt.date, cal: WorkingCalendar, note: str | None = None) -> DatedStep:
    return DatedStep(
        rule=rule.id,
        title=title,
        date=day,
        citation=rule.citation,
        non_working_day=not cal.is_working_day(day),
        note=note,
    )


@applies(PANEL_1, PANEL_2)
def plan_review_steps(
    meeting: dt.date,
    *,
    deadline: dt.date | None = None,
    nation: Nation = Nation.ENGLAND,
    response_days: int | None = None,
    calendar: WorkingCalendar | None = None,
) -> tuple[DatedStep, ...]:
    """The steps of s.5(6)-(12) and s.28(3), s.29(3) around a Panel meeting on `meeting` that reviews a draft.

    The draft goes to the Panel no later than the agenda's publication (MTG-1/MTG-2); the
    Panel reviews it and reports (PANEL-1) and publishes its report (PANEL-2); the PCC
    responds within the period the Panel sets, if `response_days` is given (PANEL-3), and
    publishes the response before issuing (PLAN-4(f)); the plan is issued by `deadline`
    (PLAN-1) and then copied and published (PLAN-8). "Reasonable time" for the review
    (PLAN-5) has no number: the draft should go earlier than the agenda if it can.
    """
    cal = calendar or calendar_covering(nation, meeting, deadline or meeting)
    agenda = agenda_step(meeting, nation, calendar=cal)
    steps = [
        _step(
            PLAN_4,
            "Send the draft plan to the Panel (with the agenda at the latest) by",
            agenda.date,
            cal,
            "s.5(7) asks for a reasonable time to review it (PLAN-5): no number of days is set.",
        ),
        agenda,
        _step(PANEL_1, "Panel meeting: review of the draft plan, report or recommendations", meeting, cal),
        _step(PANEL_2, "Panel publishes its report", meeting, cal, "As soon as it is made."),
    ]
    if response_days is not None:
        steps.append(
            _step(
                PANEL_3,
                f"Written response to the Panel ({response_days} days set by the Panel) by",
                response_due(meeting, response_days),
                cal,
            )
        )
    if deadline is not None:
        if deadline < meeting:
            raise StatuteError(
                f"plan deadline {deadline.isoformat()} is before the Panel meeting "
                f"{meeting.isoformat()} (PLAN-4)"
            )
        steps += [
            _step(
                PLAN_4,
                "Give the Panel a response and publish it, before issuing, by",
                deadline,
                cal,
                "s.5(6)(e)-(f): before the plan is issued.",
            ),
            _step(
                PLAN_8,
                "After issuing: send copies to the chief constable and responsible authorities, and publish",
                deadline,
                cal,
                "s.5(10)-(12): straight after issue; the PCC decides how it is published.",
            ),
        ]
    return tuple(steps)
