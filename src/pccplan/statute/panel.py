"""The Panel's review of a draft plan (PANEL-1 to PANEL-3) and the steps around it (PLAN-4 to PLAN-8)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from pccplan._deprecate import renamed
from pccplan.errors import StatuteError
from pccplan.model.area import BodyKind, Nation
from pccplan.model.classes import shared_eq_repr
from pccplan.model.sources import Confidence
from pccplan.statute.calendar import WorkingCalendar, calendar_covering
from pccplan.statute.citation import CHECKED_2026_12_01, Citation, prsra
from pccplan.statute.declare import Rule, applies
from pccplan.statute.meetings import publish_by
from pccplan.statute.process import PANEL_1, PANEL_2, PANEL_3, PLAN_4, PLAN_4_LONDON, PLAN_8
from pccplan.statute.steps import DatedStep, cited_step

__all__ = [
    "LONDON_ASSEMBLY",
    "LON_2",
    "PANEL",
    "Scrutiny",
    "plan_review_steps",
    "response_by",
    "response_late",
    "scrutiny_for",
]

LON_2 = Rule(
    id="LON-2",
    title="London: the Assembly's Police and Crime Committee reviews the draft plan",
    says="The London Assembly must review the draft police and crime plan, or draft variation, that MOPAC "
    "gives it under s.6(6)(c), and make a report or recommendations on it to MOPAC; it does so through "
    "its police and crime panel, the Police and Crime Committee, in place of a panel under s.28(3).",
    citation=prsra(
        "s.33(1); s.32",
        "section/33",
        Confidence.VERIFIED,
        "s.33(1) as enacted and as in force from 25 April 2012 read on 1 December 2026 (legislation.gov.uk "
        "via the search tool; legalize.dev/uk/law/ukpga-2011-13 not found in the store); s.33 is headed "
        "'Functions to be discharged by police and crime panel'. The text of s.32 (the Assembly's police "
        "and crime panel) was not found (U): that the Police and Crime Committee is that panel is from "
        "london.gov.uk (S).",
        CHECKED_2026_12_01,
    ),
)
"""Rule LON-2: London: the Assembly's Police and Crime Committee reviews the draft plan."""


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Scrutiny:
    """Who reviews the draft plan in an area, under which sections, and who heads the force.

    Outside London a police and crime panel reviews it (s.28(3)) and the plan duty is s.5; in
    London the London Assembly does (s.33(1); its Police and Crime Committee in practice), the
    plan duty is s.6 and the force is led by the Commissioner of Police of the Metropolis.
    `rule` is the id the review steps carry; `section` the plan duty's section number;
    `review_section` the section that makes the body review the draft ('28(3)', '33(1)');
    `term` the body's defined term in documents ('Panel', 'Committee'); `response_period`
    the power to ask for a written response within a period (PANEL-3, s.29(3); ``None`` where
    none applies); `publication` the duty to publish the body's report (PANEL-2, s.28(7);
    ``None`` where none was found).
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
    review_section: str = "28(3)"
    term: str = "Panel"
    response_period: Citation | None = None
    publication: Citation | None = None

    @property
    def plan_section(self) -> str:
        """The plan duty's section as documents cite it: 'section 5' (outside London) or 'section 6'."""
        return f"section {self.section}"


PANEL = Scrutiny(
    body="the police and crime panel",
    short="Panel",
    section=5,
    rule="PANEL-1",
    review=PANEL_1.citation,
    plan=PLAN_4.citation,
    copies=PLAN_8.citation,
    force_head="the chief constable",
    response_period=PANEL_3.citation,
    publication=PANEL_2.citation,
)
"""Scrutiny outside London (s.5, s.28(3))."""

LONDON_ASSEMBLY = Scrutiny(
    body="the London Assembly (its Police and Crime Committee)",
    short="London Assembly",
    section=6,
    rule="LON-2",
    review=LON_2.citation,
    plan=PLAN_4_LONDON,
    copies=prsra(
        "s.6 (as s.5(10)-(12))",
        "section/6",
        Confidence.SECONDARY,
        "s.6 replicates s.5 for MOPAC (Explanatory Notes para 72, S); the text of s.6 was not found.",
        CHECKED_2026_12_01,
    ),
    force_head="the Commissioner of Police of the Metropolis",
    agenda_rules=False,
    review_section="33(1)",
    term="Committee",
)
"""Scrutiny in London (s.6, s.33): no Panel; the Assembly's own meeting rules, not LGA 1972 Part VA (U)."""


@applies(LON_2)
def scrutiny_for(kind: BodyKind) -> Scrutiny:
    """Who reviews the draft plan of a body of `kind`: the London Assembly for MOPAC (LON-2), else the Panel.

    A combined-authority mayor's plan goes to the area's police and crime panel under s.28(3),
    as a commissioner's does; only MOPAC's goes to the Assembly (s.33(1)).
    """
    return LONDON_ASSEMBLY if kind is BodyKind.MOPAC else PANEL


@applies(PANEL_3)
def response_by(
    report: dt.date,
    days: int,
    *,
    nation: Nation = Nation.ENGLAND,
    calendar: WorkingCalendar | None = None,
) -> DatedStep:
    """PANEL-3, s.29(3): the last day for the written response when the Panel sets a period of `days` days.

    There is no statutory default: the period is the Panel's choice, an input here. Counted
    as `days` days after the day the report is received (that day not counted). Returns the
    day as a cited step: `.date` is the day.
    """
    if days < 1:
        raise StatuteError(f"a response period of {days} days is not a period (PANEL-3)")
    day = report + dt.timedelta(days=days)
    return cited_step(
        PANEL_3.id,
        f"Written response to the Panel ({days} days set by the Panel) by",
        day,
        PANEL_3.citation,
        calendar=calendar or calendar_covering(nation, day),
    )


if TYPE_CHECKING:  # the former name, for type checkers; at run time `__getattr__` keeps it
    response_due = response_by
__getattr__ = renamed(__name__, {"response_due": response_by})


def response_late(given: dt.date, due: dt.date | None) -> bool:
    """PANEL-3, s.29(3): whether a response `given` on a day came after the day `due` the Panel set.

    ``False`` when the Panel set no period (`due` is ``None``): the Act sets no default.
    """
    return due is not None and given > due


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
    (s.6(6)(c)), which reviews it and reports (s.33(1), LON-2); the Assembly's meetings follow
    its own rules, so no MTG-1 agenda step, and s.29(3) (a Panel's power) gives no PANEL-3 step.
    """
    cal = calendar or calendar_covering(nation, meeting, deadline or meeting)
    london = not scrutiny.agenda_rules
    body = scrutiny.short
    if london:
        send_by = meeting
        steps = [
            cited_step(
                PLAN_4.id,
                f"Send the draft plan to the {body} before its meeting",
                send_by,
                scrutiny.plan,
                calendar=cal,
                note="s.6(6)(c); a reasonable time to review it (PLAN-5): no number of days is set.",
            ),
            cited_step(
                scrutiny.rule,
                f"{body} meeting (Police and Crime Committee): review of the draft plan, report or "
                "recommendations to MOPAC",
                meeting,
                scrutiny.review,
                calendar=cal,
            ),
        ]
    else:
        agenda = publish_by(meeting, nation, calendar=cal)
        steps = [
            cited_step(
                PLAN_4.id,
                "Send the draft plan to the Panel (with the agenda at the latest) by",
                agenda.date,
                PLAN_4.citation,
                calendar=cal,
                note="s.5(7) asks for a reasonable time to review it (PLAN-5): no number of days is set.",
            ),
            agenda,
            cited_step(
                PANEL_1.id,
                "Panel meeting: review of the draft plan, report or recommendations",
                meeting,
                PANEL_1.citation,
                calendar=cal,
            ),
            cited_step(
                PANEL_2.id,
                "Panel publishes its report",
                meeting,
                PANEL_2.citation,
                calendar=cal,
                note="As soon as it is made.",
            ),
        ]
    if response_days is not None and not london:
        steps.append(response_by(meeting, response_days, calendar=cal))
    if deadline is not None:
        if deadline < meeting:
            raise StatuteError(
                f"plan deadline {deadline.isoformat()} is before the {body} meeting "
                f"{meeting.isoformat()} (PLAN-4)"
            )
        section = scrutiny.section
        steps += [
            cited_step(
                PLAN_4.id,
                f"Give the {body} a response and publish it, before issuing, by",
                deadline,
                scrutiny.plan,
                calendar=cal,
                note=f"s.{section}(6)(e)-(f): before the plan is issued.",
            ),
            cited_step(
                PLAN_8.id,
                f"After issuing: send copies to {scrutiny.force_head} and responsible authorities, "
                "and publish",
                deadline,
                scrutiny.copies,
                calendar=cal,
                note=f"s.{section}(10)-(12): straight after issue; the PCC decides how it is published."
                if not london
                else "s.6: as s.5(10)-(12) for MOPAC (S); MOPAC decides how it is published.",
            ),
        ]
    return tuple(steps)
