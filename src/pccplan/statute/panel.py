"""The Panel's review of a draft plan (PANEL-1 to PANEL-3) and the steps around it (PLAN-4 to PLAN-8)."""

from __future__ import annotations

import datetime as dt

import attrs

from pccplan.errors import StatuteError
from pccplan.model.area import Nation
from pccplan.model.sources import Confidence
from pccplan.statute.calendar import WorkingCalendar, calendar_covering
from pccplan.statute.citation import CHECKED_2026_12_01, Citation, prsra
from pccplan.statute.declare import Rule, applies
from pccplan.statute.meetings import agenda_step
from pccplan.statute.process import PANEL_1, PANEL_2, PANEL_3, PLAN_4, PLAN_8
from pccplan.statute.steps import DatedStep

__all__ = [
    "LONDON_ASSEMBLY",
    "PANEL",
    "Scrutiny",
    "plan_review_steps",
    "response_by",
    "response_due",
    "response_late",
]


@attrs.frozen(kw_only=True)
class Scrutiny:
    """Who reviews the draft plan in an area, under which sections, and who heads the force.

    Outside London a police and crime panel reviews it (s.28(3)) and the plan duty is s.5; in
    London the London Assembly does (s.33(1); its Police and Crime Committee in practice), the
    plan duty is s.6 and the force is led by the Commissioner of Police of the Metropolis.
    `rule` is the id the review steps carry; `section` the plan duty's section number.
    """

    body: str
    short: str
    section: int
    rule: str
    review: Citation
    plan: Citation
    copies: Citation
    force_head: str
    agenda_rules: bool = True
    """Whether LGA 1972 s.100B/s.100BA (MTG-1, MTG-2) and s.29(3) (PANEL-3) apply to the body."""


PANEL = Scrutiny(
    body="the police and crime panel",
    short="Panel",
    section=5,
    rule="PANEL-1",
    review=PANEL_1.citation,
    plan=PLAN_4.citation,
    copies=PLAN_8.citation,
    force_head="the chief constable",
)
"""Scrutiny outside London (s.5, s.28(3))."""

LONDON_ASSEMBLY = Scrutiny(
    body="the London Assembly (its Police and Crime Committee)",
    short="London Assembly",
    section=6,
    rule="LON-1",
    review=prsra(
        "s.33(1)",
        "section/33",
        Confidence.VERIFIED,
        "s.33(1) as enacted read on 1 December 2026: the Assembly reviews the draft given to it under "
        "s.6(6)(c) and reports or makes recommendations to MOPAC.",
        CHECKED_2026_12_01,
    ),
    plan=prsra(
        "s.6(6)",
        "section/6",
        Confidence.SECONDARY,
        "s.6 'replicates the provisions in section 5' for MOPAC (Explanatory Notes para 72, S); the text "
        "of s.6 was not found on 1 December 2026.",
        CHECKED_2026_12_01,
    ),
    copies=prsra(
        "s.6 (as s.5(10)-(12))",
        "section/6",
        Confidence.SECONDARY,
        "s.6 replicates s.5 for MOPAC (Explanatory Notes para 72, S); the text of s.6 was not found.",
        CHECKED_2026_12_01,
    ),
    force_head="the Commissioner of Police of the Metropolis",
    agenda_rules=False,
)
"""Scrutiny in London (s.6, s.33): no Panel; the Assembly's own meeting rules, not LGA 1972 Part VA (U)."""


@applies(PANEL_3)
def response_by(report: dt.date, days: int) -> dt.date:
    """PANEL-3, s.29(3): the last day for the written response when the Panel sets a period of `days` days.

    There is no statutory default: the period is the Panel's choice, an input here. Counted
    as `days` days after the day the report is received (that day not counted).
    """
    if days < 1:
        raise StatuteError(f"a response period of {days} days is not a period (PANEL-3)")
    return report + dt.timedelta(days=days)


response_due = response_by
"""The former name of `response_by`; `pccplan.response_due` warns that it is deprecated."""


def response_late(given: dt.date, due: dt.date | None) -> bool:
    """PANEL-3, s.29(3): whether a response `given` on a day came after the day `due` the Panel set.

    ``False`` when the Panel set no period (`due` is ``None``): the Act sets no default.
    """
    return due is not None and given > due


def _step(rule: Rule, title: str, day: dt.date, cal: WorkingCalendar, note: str | None = None) -> DatedStep:
    return _cited(rule.id, title, day, rule.citation, cal, note)


def _cited(
    rule: str, title: str, day: dt.date, citation: Citation, cal: WorkingCalendar, note: str | None = None
) -> DatedStep:
    return DatedStep(
        rule=rule,
        title=title,
        date=day,
        citation=citation,
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
    scrutiny: Scrutiny = PANEL,
) -> tuple[DatedStep, ...]:
    """The steps of s.5(6)-(12) and s.28(3), s.29(3) around a Panel meeting on `meeting` that reviews a draft.

    The draft goes to the Panel no later than the agenda's publication (MTG-1/MTG-2); the
    Panel reviews it and reports (PANEL-1) and publishes its report (PANEL-2); the PCC
    responds within the period the Panel sets, if `response_days` is given (PANEL-3), and
    publishes the response before issuing (PLAN-4(f)); the plan is issued by `deadline`
    (PLAN-1) and then copied and published (PLAN-8). "Reasonable time" for the review
    (PLAN-5) has no number: the draft should go earlier than the agenda if it can.

    In London pass ``scrutiny=LONDON_ASSEMBLY``: MOPAC sends the draft to the London Assembly
    (s.6(6)(c)), which reviews it and reports (s.33(1), LON-1); the Assembly's meetings follow
    its own rules, so no MTG-1 agenda step, and s.29(3) (a Panel's power) gives no PANEL-3 step.
    """
    cal = calendar or calendar_covering(nation, meeting, deadline or meeting)
    london = not scrutiny.agenda_rules
    body = scrutiny.short
    if london:
        send_by = meeting
        steps = [
            _cited(
                PLAN_4.id,
                f"Send the draft plan to the {body} before its meeting",
                send_by,
                scrutiny.plan,
                cal,
                "s.6(6)(c); a reasonable time to review it (PLAN-5): no number of days is set.",
            ),
            _cited(
                scrutiny.rule,
                f"{body} meeting (Police and Crime Committee): review of the draft plan, report or "
                "recommendations to MOPAC",
                meeting,
                scrutiny.review,
                cal,
            ),
        ]
    else:
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
            _step(
                PANEL_1, "Panel meeting: review of the draft plan, report or recommendations", meeting, cal
            ),
            _step(PANEL_2, "Panel publishes its report", meeting, cal, "As soon as it is made."),
        ]
    if response_days is not None and not london:
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
                f"plan deadline {deadline.isoformat()} is before the {body} meeting "
                f"{meeting.isoformat()} (PLAN-4)"
            )
        section = scrutiny.section
        steps += [
            _cited(
                PLAN_4.id,
                f"Give the {body} a response and publish it, before issuing, by",
                deadline,
                scrutiny.plan,
                cal,
                f"s.{section}(6)(e)-(f): before the plan is issued.",
            ),
            _cited(
                PLAN_8.id,
                f"After issuing: send copies to {scrutiny.force_head} and responsible authorities, "
                "and publish",
                deadline,
                scrutiny.copies,
                cal,
                f"s.{section}(10)-(12): straight after issue; the PCC decides how it is published."
                if not london
                else "s.6: as s.5(10)-(12) for MOPAC (S); MOPAC decides how it is published.",
            ),
        ]
    return tuple(steps)
