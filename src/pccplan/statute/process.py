"""The process checker: what actually happened, measured against s.5(6)-(12), s.7(1) and s.29(3)."""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from pccplan.errors import Problem
from pccplan.model.area import BodyKind, Nation
from pccplan.model.classes import shared_eq_repr
from pccplan.model.grants import GrantPower
from pccplan.model.sources import Confidence
from pccplan.statute.calendar import WorkingCalendar, calendar_covering
from pccplan.statute.citation import CHECKED_2026_12_01, PRSRA_READ, Citation, prsra
from pccplan.statute.dated import Dated, DatedValue
from pccplan.statute.declare import Rule, applies
from pccplan.statute.elections import ElectionCalendar
from pccplan.statute.findings import Finding, Findings, Severity
from pccplan.statute.mayors import PlanFunction, deputy_mayor_bar
from pccplan.statute.plan import PLAN_1
from pccplan.statute.terms import ACT_1

# The timeline needs the rules here, not the classes of the plan, its process, the decision
# notice or the response: those are imported where a check uses them.
if TYPE_CHECKING:
    from pccplan.model.decision import DecisionNotice
    from pccplan.model.panel import Response
    from pccplan.model.plan import Plan
    from pccplan.model.process import PlanProcess

__all__ = [
    "PANEL_1",
    "PANEL_2",
    "PANEL_3",
    "PLAN_4",
    "PLAN_4_LONDON",
    "PLAN_5",
    "PLAN_6",
    "PLAN_8",
    "PLAN_10",
    "PLAN_CONTENTS",
    "REVIEW_WARNING_DAYS",
    "S7_1_TEXT",
    "ContentElement",
    "ContentVersion",
    "Finding",
    "Findings",
    "ResponseDuty",
    "Severity",
    "check_content",
    "check_plan",
    "check_process",
    "check_review_time",
    "contents_in_force",
    "decision_problems",
    "missing_elements",
    "not_set_out",
    "response_duty",
    "unanswered",
    "wrong_powers",
]

PLAN_4 = Rule(
    id="PLAN-4",
    title="Steps before issue",
    says="Before issuing or varying, in order: prepare a draft, consulting the chief constable; send it "
    "to the Panel; have regard to its report; give the Panel a response; publish the response.",
    citation=prsra("s.5(6)", "section/5", note=PRSRA_READ, checked_on=CHECKED_2026_12_01),
)
"""Rule PLAN-4: Steps before issue."""

PLAN_4_LONDON = prsra(
    "s.6(6)",
    "section/6",
    Confidence.SECONDARY,
    "s.6 'replicates the provisions in section 5' for MOPAC (Explanatory Notes para 72, S); the text "
    "of s.6 was not found on 1 December 2026.",
    CHECKED_2026_12_01,
)
"""PLAN-4 for London: MOPAC's steps before issue, s.6(6) (as s.5(6))."""


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ResponseDuty:
    """PLAN-4, s.5(6)(d)-(f) (MOPAC: s.6(6)(d)-(f)): the duty on the Panel's report, worded once.

    `steps` are the three steps as the Act words them, lower case and unpunctuated, for a
    list; `text` the same duty as one clause ('before issuing the plan, the Commissioner must
    have regard to ...'), lower case first and with no full stop, for a document to open or
    continue a sentence with; `section` the provision as documents cite it ('section 5(6)(d)-(f)')
    and `citation` its source, whose `url` a document links.
    """

    steps: tuple[str, str, str]
    text: str
    section: str
    citation: Citation


def response_duty(
    holder: str,
    body: str,
    *,
    varies: bool = False,
    london: bool = False,
    plan: str = "the plan",
    draft: str | None = None,
    first: str | None = None,
) -> ResponseDuty:
    """PLAN-4, s.5(6)(d)-(f): what the commissioner must do with the Panel's report before issuing.

    s.5(6): before issuing or varying the plan the commissioner must "(d) have regard to any
    report or recommendations made by the panel in relation to the draft ..., (e) give the panel
    a response to any such report or recommendations, and (f) publish any such response".
    `holder` names who ('the Commissioner', 'MOPAC'), `body` the scrutiny body by its term ('the
    Panel', 'the Committee'), `first` the body at its first mention where the document
    introduces it there ('the Essex Police, Fire and Crime Panel (the "Panel")'); `varies` says
    "varying" and "draft variation" for a variation; `plan` is the document's name for the plan
    ('the Plan', 'a police and crime plan'), `draft` for the draft ('draft Plan'). `london`
    cites MOPAC's s.6(6), which repeats the steps (LON-2 makes the London Assembly the body).
    """
    draft = draft or ("draft variation" if varies else "draft")
    steps = (
        f"have regard to any report or recommendations made by {first or body} in relation to the {draft}",
        f"give {body} a response to any such report or recommendations",
        "publish any such response",
    )
    doing = "varying" if varies else "issuing"
    text = f"before {doing} {plan}, {holder} must {steps[0]}, {steps[1]}, and {steps[2]}"
    return ResponseDuty(
        steps=steps,
        text=text,
        section=f"section {6 if london else 5}(6)(d)-(f)",
        citation=PLAN_4_LONDON if london else PLAN_4.citation,
    )


def publication_section(*, london: bool = False) -> str:
    """PLAN-4, s.5(6)(f) (s.6(6)(f) for MOPAC): the duty to publish the response, as documents cite it."""
    return f"section {6 if london else 5}(6)(f)"


def publication_duty(
    holder: str,
    *,
    what: str = "this response",
    varies: bool = False,
    london: bool = False,
    plan: str = "the Plan",
) -> str:
    """PLAN-4, s.5(6)(f): the sentence saying `holder` must publish the response before issuing or varying.

    s.5(6)(f): before issuing or varying the plan the commissioner must "publish any such
    response" (s.6(6)(f) for MOPAC). Worded here once for every document that states it.
    """
    doing = "varying" if varies else "issuing"
    section = publication_section(london=london)
    return f"{section.capitalize()} of the Act requires {holder} to publish {what} before {doing} {plan}."


PLAN_5 = Rule(
    id="PLAN-5",
    title="Time for the Panel's review",
    says="The Panel must be given a reasonable amount of time to review the draft; no number of days is set.",
    citation=prsra("s.5(7)", "section/5", note=PRSRA_READ, checked_on=CHECKED_2026_12_01),
)
"""Rule PLAN-5: Time for the Panel's review."""


PLAN_6 = Rule(
    id="PLAN-6",
    title="Differences from the draft",
    says="If the plan as issued differs from the draft, consult the chief constable again on the "
    "differences before issuing.",
    citation=prsra("s.5(8)", "section/5", note=PRSRA_READ, checked_on=CHECKED_2026_12_01),
)
"""Rule PLAN-6: Differences from the draft."""


PLAN_8 = Rule(
    id="PLAN-8",
    title="Copies and publication",
    says="After issuing a plan or variation, send copies to the chief constable and each responsible "
    "authority, and publish it.",
    citation=prsra("s.5(10)-(12)", "section/5", note=PRSRA_READ, checked_on=CHECKED_2026_12_01),
)
"""Rule PLAN-8: Copies and publication."""


PLAN_10 = Rule(
    id="PLAN-10",
    title="Contents of the plan",
    says="The plan sets out the objectives, the policing to be provided, the resources, reporting, "
    "performance measures, s.143 services and grants (the text in force on the issue day).",
    citation=prsra(
        "s.7(1)",
        "section/7",
        Confidence.VERIFIED,
        f"{PRSRA_READ} The current s.7(1)(ea)-(f) name s.143 of the Anti-social Behaviour, Crime and "
        "Policing Act 2014, and s.9 (crime and disorder reduction grants) is repealed; the provision that "
        "made the change, and its start day, are unverified (U).",
        CHECKED_2026_12_01,
    ),
    override="check_content(..., versions=)",
)
"""Rule PLAN-10: Contents of the plan."""


PANEL_1 = Rule(
    id="PANEL-1",
    title="Panel reviews the draft",
    says="The Panel must review the draft plan or variation and report or make recommendations on it.",
    citation=prsra("s.28(3)", "section/28", checked_on=CHECKED_2026_12_01),
)
"""Rule PANEL-1: Panel reviews the draft."""


PANEL_2 = Rule(
    id="PANEL-2",
    title="Panel publishes its reports",
    says="The Panel publishes its reports and recommendations.",
    citation=prsra("s.28(7)", "section/28", checked_on=CHECKED_2026_12_01),
)
"""Rule PANEL-2: Panel publishes its reports."""


PANEL_3 = Rule(
    id="PANEL-3",
    title="Response within the Panel's period",
    says="The Panel may require a written response within a reasonable period it determines; there is "
    "no default period.",
    citation=prsra("s.29(3)", "section/29", checked_on=CHECKED_2026_12_01),
)
"""Rule PANEL-3: Response within the Panel's period."""


_QUOTED = 60  # characters of a recommendation quoted in a finding: display length, not a rule


REVIEW_WARNING_DAYS = 14
"""Below this many days between sending the draft and the Panel meeting, the checker warns (PLAN-5).

s.5(7) sets no number: this is a prompt to look, not a legal limit.
"""


def _finding(severity: Severity, rule: str, message: str) -> Finding:
    return Finding(severity=severity, rule=rule, citation=_CHECKED[rule].citation, message=message)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fmt(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


_CHECKED = types.MappingProxyType(
    {r.id: r for r in (PLAN_1, PLAN_4, PLAN_5, PLAN_6, PLAN_8, PLAN_10, PANEL_1, PANEL_2, PANEL_3)}
)
"""The rules the process checker reports, by id (read-only)."""

_STEP = {
    "draft_prepared": "the draft was prepared",
    "chief_constable_consulted": "the chief constable was consulted",
    "draft_sent_to_panel": "the draft was sent to the Panel",
    "panel_meeting": "the Panel met",
    "panel_report": "the Panel reported",
    "response_given": "the response was given to the Panel",
    "response_published": "the response was published",
    "chief_constable_reconsulted": "the chief constable was consulted on the differences",
    "plan_issued": "the plan was issued",
    "copies_sent": "copies were sent",
    "plan_published": "the plan was published",
}

# (earlier, later, rule): the order the law requires. Same-day steps are in order.
_ORDER: tuple[tuple[str, str, str], ...] = (
    ("draft_prepared", "draft_sent_to_panel", "PLAN-4"),
    ("chief_constable_consulted", "draft_sent_to_panel", "PLAN-4"),
    ("draft_sent_to_panel", "panel_meeting", "PANEL-1"),
    ("draft_sent_to_panel", "panel_report", "PANEL-1"),
    ("panel_meeting", "panel_report", "PANEL-1"),
    ("panel_report", "response_given", "PLAN-4"),
    ("response_given", "response_published", "PLAN-4"),
    ("panel_report", "plan_issued", "PLAN-4"),
    ("response_given", "plan_issued", "PLAN-4"),
    ("response_published", "plan_issued", "PLAN-4"),
    ("chief_constable_reconsulted", "plan_issued", "PLAN-6"),
    ("plan_issued", "copies_sent", "PLAN-8"),
    ("plan_issued", "plan_published", "PLAN-8"),
)

_BEFORE_ISSUE = (
    ("chief_constable_consulted", "PLAN-4"),
    ("draft_sent_to_panel", "PLAN-4"),
    ("panel_report", "PANEL-1"),
    ("response_given", "PLAN-4"),
    ("response_published", "PLAN-4"),
)


@applies(PLAN_5)
def check_review_time(
    sent: dt.date,
    meeting: dt.date,
    *,
    review_days: int = REVIEW_WARNING_DAYS,
    calendar: WorkingCalendar | None = None,
) -> Findings:
    """PLAN-5, s.5(7): whether the Panel had a reasonable time to review a draft sent on `sent`.

    The Act sets no number, so this never finds a breach: a warning under `review_days` days,
    and a note when bank holidays fall in the window.
    """
    found = []
    days = (meeting - sent).days
    if days < review_days:
        found.append(
            _finding(
                Severity.WARNING,
                "PLAN-5",
                f"The Panel had {days} days between receiving the draft ({_fmt(sent)}) and its meeting "
                f"({_fmt(meeting)}). The Act asks for a reasonable time and sets no number; under "
                f"{review_days} days is worth checking.",
            )
        )
    cal = calendar or calendar_covering(Nation.ENGLAND, sent, meeting)
    if sent < meeting:
        holidays = cal.holidays_between(sent, meeting)
        if holidays:
            names = ", ".join(f"{name} ({_fmt(day)})" for day, name in holidays)
            found.append(
                _finding(Severity.NOTE, "PLAN-5", f"The review window includes bank holidays: {names}.")
            )
    return Findings(found)


@applies(PLAN_4, PLAN_6, PLAN_8)
def check_process(
    process: PlanProcess,
    *,
    deadline: dt.date | None = None,
    today: dt.date | None = None,
    nation: Nation = Nation.ENGLAND,
    review_days: int = REVIEW_WARNING_DAYS,
    response_days: int | None = None,
    calendar: WorkingCalendar | None = None,
    force_head: str = "the chief constable",
    scrutiny: str = "the Panel",
) -> Findings:
    """Check what happened on the way to issuing a plan against PLAN-1, PLAN-4 to PLAN-8 and PANEL-3.

    `force_head` and `scrutiny` name the head of the force and the scrutiny body in the findings
    ('the Commissioner of Police of the Metropolis' and 'the Committee' for MOPAC, s.6, s.33).

    `deadline` is the PLAN-1 deadline (``None`` for a plan or variation issued at will);
    `today` the day of the check, used only when the plan is not yet issued (``None``: no
    check of an unissued plan against the deadline). `response_days` is the period the
    Panel set for a response (PANEL-3), if it set one. Steps out of the order of s.5(6) and a
    missed deadline are breaches; a short review window is a warning (s.5(7) sets no number);
    steps with no recorded date are warnings, since they may simply not have been recorded.
    """
    from pccplan.model.process import ReviewKind

    found: list[Finding] = []
    dates = {name: getattr(process, name) for name in _STEP}
    for earlier, later, rule in _ORDER:
        first, second = dates[earlier], dates[later]
        if first is not None and second is not None and second < first:
            found.append(
                _finding(
                    Severity.BREACH,
                    rule,
                    f"{_sentence(_STEP[later])} on {_fmt(second)}, before {_STEP[earlier]} "
                    f"on {_fmt(first)}; the Act requires the other order.",
                )
            )
    issued = process.plan_issued
    if issued is not None:
        for review in process.reviews:
            if review.date > issued:
                # s.5(6): the Panel reviews the draft before the plan is issued; a review recorded
                # after the issue day cannot have been of the draft the plan was issued from.
                panel = review.kind is ReviewKind.PANEL_MEETING
                who = (
                    "the Panel met on the draft"
                    if panel
                    else f"{review.body or review.kind.label} reviewed it"
                )
                found.append(
                    _finding(
                        Severity.BREACH if panel else Severity.WARNING,
                        "PLAN-4",
                        f"{_sentence(who)} on {_fmt(review.date)}, after the plan was issued on "
                        f"{_fmt(issued)}; s.5(6) requires the Panel's review before the plan is issued.",
                    )
                )
        for name, rule in _BEFORE_ISSUE:
            if dates[name] is None:
                found.append(
                    _finding(
                        Severity.WARNING,
                        rule,
                        f"No date is recorded for when {_STEP[name]}; the Act requires it before the plan is "
                        "issued.",
                    )
                )
        if process.differs_from_draft and process.chief_constable_reconsulted is None:
            found.append(
                _finding(
                    Severity.WARNING,
                    "PLAN-6",
                    "The plan as issued differs from the draft, but no date is recorded for consulting the "
                    "chief constable on the differences.",
                )
            )
        for name in ("copies_sent", "plan_published"):
            if dates[name] is None:
                found.append(
                    _finding(Severity.WARNING, "PLAN-8", f"No date is recorded for when {_STEP[name]}.")
                )
    if deadline is not None and not process.varies:
        if issued is not None and issued > deadline:
            found.append(
                _finding(
                    Severity.BREACH,
                    "PLAN-1",
                    f"The plan was issued on {_fmt(issued)}, after the deadline of {_fmt(deadline)}.",
                )
            )
        elif issued is None and today is not None:
            if today > deadline:
                found.append(
                    _finding(
                        Severity.BREACH,
                        "PLAN-1",
                        f"The plan has not been issued and the deadline of {_fmt(deadline)} has passed.",
                    )
                )
            else:
                found.append(
                    _finding(
                        Severity.NOTE,
                        "PLAN-1",
                        f"The plan must be issued by {_fmt(deadline)}: {(deadline - today).days} days from "
                        f"{_fmt(today)}.",
                    )
                )
    sent = process.draft_sent_to_panel
    reviewed = process.panel_meeting or process.panel_report
    if sent is not None and reviewed is not None:
        cal = calendar or calendar_covering(nation, sent, reviewed)
        found += check_review_time(sent, reviewed, review_days=review_days, calendar=cal)
    if response_days is not None and process.panel_report and process.response_given:
        from pccplan.statute.panel import response_by  # panel builds on this module's rules

        due = response_by(process.panel_report, response_days, nation=nation).date
        if process.response_given > due:
            found.append(
                _finding(
                    Severity.BREACH,
                    "PANEL-3",
                    f"The response was given on {_fmt(process.response_given)}, after the "
                    f"{response_days} days the Panel set (by {_fmt(due)}).",
                )
            )
    if force_head != "the chief constable" or scrutiny != "the Panel":
        # The messages are written for an area outside London; name the area's own bodies.
        found = [
            attrs.evolve(
                f, message=f.message.replace("the chief constable", force_head).replace("the Panel", scrutiny)
            )
            for f in found
        ]
    order = {Severity.BREACH: 0, Severity.WARNING: 1, Severity.NOTE: 2}
    return Findings(sorted(found, key=lambda f: order[f.severity]))


# -- who issues the plan, and when (ACT-1, PLAN-4) ------------------------------------------------

_BEFORE_DECISION: tuple[tuple[str, str], ...] = (
    ("panel_meeting", "the Panel's meeting on the draft"),
    ("panel_report", "the Panel's report"),
    ("response_given", "the response to the Panel"),
    ("response_published", "the publication of the response"),
)
"""The PLAN-4 steps (s.5(6)(c)-(f)) a decision to issue or vary must not come before, with their words."""


@applies(ACT_1)
def decision_problems(notice: DecisionNotice, plan: Plan, process: PlanProcess) -> tuple[Problem, ...]:
    """ACT-1 and PLAN-4: what is wrong with `notice` as the decision that issues or varies `plan`.

    ACT-1: issuing the plan is a function the commissioner may not arrange for the deputy or
    anyone else to exercise (s.18(3)(b), (d), (7)(a): "issuing a police and crime plan"), and
    "all the functions ... are exercisable by an acting commissioner, apart from issuing or
    varying a police and crime plan" (s.62(4)). Varying is not in the s.18(7) list, so a
    deputy PCC (s.18(1)(b)) may make a variation; an acting commissioner may not, and nor may
    anyone else, since determining police and crime objectives is reserved (s.18(3)(d), (7)(b)).
    A variation by someone other than the commissioner is a problem unless their title names
    a deputy (and not an acting) commissioner. PLAN-4 (s.5(6)): the decision may not be dated
    before any step of `process` that the Act puts first. Each problem names the notice's
    field and value; empty when there is none.
    """
    from pccplan.model.decision import DecisionKind

    problems: list[Problem] = []
    made_by = notice.made_by
    title = made_by.effective_title.casefold()
    deputy_varies = (
        notice.decision_kind is DecisionKind.VARY_PLAN and "deputy" in title and "acting" not in title
    )
    kind = plan.area.governance_on(notice.date).kind
    function = PlanFunction.VARY if notice.decision_kind is DecisionKind.VARY_PLAN else PlanFunction.ISSUE
    bar = deputy_mayor_bar(kind, plan.area.slug, function) if title.startswith("deputy mayor") else None
    if bar is not None:
        # CA-1 / LON-1: a deputy mayor acts for the Mayor, but issuing the plan stays with the Mayor.
        problems.append(
            Problem(path="made_by.title", reason=bar, value=made_by.effective_title, owner="DecisionNotice")
        )
    elif made_by.name.strip().casefold() != plan.commissioner.name.strip().casefold() and not deputy_varies:
        what = "vary" if notice.decision_kind is DecisionKind.VARY_PLAN else "issue"
        problems.append(
            Problem(
                path="made_by.name",
                reason=f"only the {plan.commissioner.effective_title} ({plan.commissioner.name}) may "
                f"{what} the plan: issuing it cannot be delegated (s.18(3), (7)(a)), an acting commissioner "
                "may neither issue nor vary it (s.62(4)), and only a deputy may be given a variation "
                "(s.18(1)(b)) (ACT-1)",
                value=made_by.name,
                owner="DecisionNotice",
            )
        )
    for name, what in _BEFORE_DECISION:
        day = getattr(process, name)
        if day is not None and notice.date < day:
            problems.append(
                Problem(
                    path="date",
                    reason=f"is before {what} ({day.isoformat()}), which s.5(6) requires before the plan is "
                    "issued or varied (PLAN-4)",
                    value=notice.date,
                    owner="DecisionNotice",
                )
            )
    return tuple(problems)


def unanswered(response: Response) -> tuple[Problem, ...]:
    """PLAN-4, s.5(6)(e): the Panel's recommendations that `response` leaves unanswered.

    The commissioner must "give the panel a response to any report or recommendations": each
    recommendation is answered once. One problem per recommendation left out; empty if none.
    """
    answered = {a.ref for a in response.answers}
    return tuple(
        Problem(
            path="answers",
            reason=f"recommendation {rec.ref} is not answered ({rec.text[:_QUOTED]!r})",
            value=rec.ref,
            owner="Response",
        )
        for rec in response.to.recommendations
        if rec.ref not in answered
    )


# -- contents of the plan (PLAN-10, s.7(1)) --------------------------------------------------------


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ContentElement:
    """One paragraph of s.7(1): its letter ('a', 'ea') and what the plan must set out."""

    letter: str
    says: str
    report_words: str = ""

    def in_report(
        self, short: str, possessive: str, chief: str = "Chief Constable", *, article: bool = True
    ) -> str:
        """The element in the words council reports use, for an office called `short` ('Commissioner').

        `possessive` is the office's possessive ("Commissioner's"); `chief` the head of the force
        the element names (s.7(1) says the chief officer of police: the Chief Constable, in London
        the Commissioner of Police of the Metropolis); `article` ``False`` for a name that takes
        no 'the' ('MOPAC'). Falls back to `says`.
        """
        words = self.report_words or f"{self.says};"
        the = "the " if article else ""
        return words.format(short=the + short, possessive=the + possessive, chief=chief)

    def says_for(self, office: str, chief: str = "chief constable") -> str:
        """`says` for an office named `office` in a sentence ('the Mayor', 'MOPAC'), force head `chief`."""
        return self.says.replace("the PCC", office).replace("the chief constable", f"the {chief}")


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ContentVersion:
    """The text of s.7(1) in force from `since` (inclusive) until the next version.

    The thin way to write an entry of the dated value `S7_1_TEXT`: `as_dated` makes the entry.
    `known_on` is the day the text was made (Royal Assent or the amending Act's), ``None`` for
    `since`.
    """

    since: dt.date
    elements: tuple[ContentElement, ...]
    grant_powers: frozenset[GrantPower]
    citation: Citation
    known_on: dt.date | None = None

    def as_dated(self) -> Dated[ContentVersion]:
        """This version as an entry of a `DatedValue`, in force from `since`."""
        return Dated(
            effective_from=self.since,
            value=self,
            citation=self.citation,
            known_on=self.known_on or self.since,
        )


_COMMON = (
    ContentElement(
        letter="a",
        says="the police and crime objectives",
        report_words="{possessive} police and crime objectives for the area;",
    ),
    ContentElement(
        letter="b",
        says="the policing of the area the chief constable is to provide",
        report_words="the policing of the area which the {chief} is to provide;",
    ),
    ContentElement(
        letter="c",
        says="the financial and other resources the PCC will provide to the chief constable",
        report_words="the financial and other resources which {short} is to provide the {chief};",
    ),
    ContentElement(
        letter="d",
        says="how the chief constable will report to the PCC on the provision of policing",
        report_words="the means by which the {chief} will report to {short} on the provision of policing;",
    ),
    ContentElement(
        letter="e",
        says="how the chief constable's performance will be measured",
        report_words="the means by which the {chief}'s performance in providing policing will be measured;",
    ),
)
"""s.7(1)(a)-(e), the same in every version; `report_words` are the council reports' words (PLAN-10)."""

AMENDED_ON_ASSUMED = dt.date(2014, 10, 20)
"""The day s.7(1) took its current text (U: neither the amending provision nor its start day is verified)."""

PLAN_CONTENTS: tuple[ContentVersion, ...] = (
    ContentVersion(
        since=dt.date(2011, 9, 15),
        elements=(
            *_COMMON,
            ContentElement(
                letter="f",
                says="the crime and disorder reduction grants to be made under s.9",
                report_words="any crime and disorder reduction grants which {short} is to make and the "
                "conditions if any of those grants.",
            ),
        ),
        grant_powers=frozenset({GrantPower.PRSRA_S9}),
        citation=PLAN_10.citation.noted("Text as enacted (2011)."),
    ),
    ContentVersion(
        since=AMENDED_ON_ASSUMED,
        elements=(
            *_COMMON,
            ContentElement(
                letter="ea",
                says="the services to be provided under s.143 of the Anti-social Behaviour, Crime and "
                "Policing Act 2014",
                report_words="the services which {short} is to provide or arrange to support crime and "
                "disorder reduction or help victims or witnesses of crime and anti-social behaviour (crime "
                "and disorder reduction and victims' service grants);",
            ),
            ContentElement(
                letter="f",
                says="the grants to be made under s.143 of the 2014 Act and their conditions",
                report_words="any grants which {short} is to make and the conditions if any of those grants.",
            ),
        ),
        grant_powers=frozenset({GrantPower.CRIME_AND_DISORDER, GrantPower.VICTIMS_AND_WITNESSES}),
        citation=PLAN_10.citation.noted(
            "Current text; the day it took effect (assumed 20 October 2014) is unverified.",
            Confidence.UNVERIFIED,
        ),
    ),
)
"""The dated versions of s.7(1), oldest first. Pass your own to `check_content` to correct the U date."""

S7_1_TEXT: DatedValue[ContentVersion] = DatedValue(
    name="PRSRA s.7(1)", entries=tuple(v.as_dated() for v in PLAN_CONTENTS)
)
"""PLAN-10: the text of s.7(1) as a dated value (`.on(day)` is the text in force on a day)."""


def _as_value(
    versions: tuple[ContentVersion, ...] | DatedValue[ContentVersion],
) -> DatedValue[ContentVersion]:
    if isinstance(versions, DatedValue):
        return versions
    return DatedValue(name="PRSRA s.7(1)", entries=tuple(v.as_dated() for v in versions))


def contents_in_force(
    on: dt.date | None, versions: tuple[ContentVersion, ...] | DatedValue[ContentVersion] = PLAN_CONTENTS
) -> ContentVersion:
    """The version of s.7(1) in force on `on` (``None``: the current text; before any: the first)."""
    value = _as_value(versions)
    if on is None:
        return value.entries[-1].value
    found = value.find(on)
    return found.value if found is not None else value.entries[0].value


def _present(plan: Plan, letter: str) -> bool:
    return {
        "a": bool(plan.objectives or plan.themes),
        "b": plan.policing is not None,
        "c": plan.resources is not None,
        "d": plan.reporting is not None,
        "e": plan.performance is not None,
        "ea": bool(plan.services),
        "f": bool(plan.grants),
    }[letter]


def missing_elements(
    plan: Plan,
    on: dt.date | None = None,
    versions: tuple[ContentVersion, ...] | DatedValue[ContentVersion] = PLAN_CONTENTS,
) -> tuple[str, ...]:
    """PLAN-10, s.7(1): the letters of the elements `plan` does not set out ('b', 'ea', ...).

    Uses the text in force on `on`, default the plan's issue day (or the current text).
    """
    version = contents_in_force(on or plan.issued, versions)
    return tuple(e.letter for e in version.elements if not _present(plan, e.letter))


def wrong_powers(plan: Plan, version: ContentVersion, *, subject: str = "plan") -> tuple[str, ...]:
    """PLAN-10, s.7(1)(f): one sentence for each grant of `plan` made under a power `version` does not name.

    `subject` is how the sentence names the plan ('plan' in a finding, 'Plan' in the plan itself).
    """
    return tuple(
        f"The grant to {grant.recipient} is made under {grant.power.label}, which is not the power "
        f"s.7(1)(f) names in the text in force for this {subject}."
        for grant in plan.grants
        if grant.power not in version.grant_powers
    )


def not_set_out(letters: Sequence[str], *, issued: bool, subject: str = "Plan") -> str:
    """PLAN-10, s.7(1): what a plan says of the elements (`letters`) it does not set out.

    A draft may be incomplete; an issued plan must set out every element.
    """
    lacks = f"This {subject} does not set out s.7(1){', '.join(f'({letter})' for letter in letters)}."
    if issued:
        return f"{lacks} An issued plan must set out every element (PLAN-10)."
    draft = f"A draft may be incomplete, but the {subject} must set out every element before it is issued."
    return f"{lacks} {draft}"


_FINDING_NAMES = {
    BodyKind.PCC: "the PCC",
    BodyKind.PFCC: "the PFCC",
    BodyKind.MAYOR: "the Mayor",
    BodyKind.MOPAC: "MOPAC",
}
"""How a finding names the body that holds the plan duties, by the kind of body on the day."""


def _kind_on(plan: Plan, on: dt.date | None) -> BodyKind:
    """The kind of body `plan`'s area had on `on`, else its issue day, else its poll day, else now."""
    day = on or plan.issued or plan.commissioner.elected
    return (plan.area.current if day is None else plan.area.governance_on(day)).kind


def _named_elements(plan: Plan, on: dt.date | None) -> tuple[str, str]:
    """The office and the force head as `plan`'s area on the day names them: ('MOPAC', 'Commissioner ...').

    The day is `on`, else the plan's issue day, else its commissioner's poll day (as
    `check_naming` reads it), else the area's current arrangement.
    """
    kind = _kind_on(plan, on)
    # s.7(1) names the chief officer of police: in London the Commissioner of Police of the Metropolis.
    chief = "Commissioner of Police of the Metropolis" if kind is BodyKind.MOPAC else "chief constable"
    return _FINDING_NAMES[kind], chief


@applies(PLAN_10)
def check_content(
    plan: Plan,
    on: dt.date | None = None,
    versions: tuple[ContentVersion, ...] | DatedValue[ContentVersion] = PLAN_CONTENTS,
) -> Findings:
    """PLAN-10, s.7(1): findings for each element `plan` lacks, and for grants under the wrong power.

    A missing element is a breach in an issued plan and a warning in a draft. The text in
    force on `on` (default: the plan's issue day) is used; the date of the 2014 amendment is U.
    """
    version = contents_in_force(on or plan.issued, versions)
    severity = Severity.BREACH if plan.issued else Severity.WARNING
    # A mayor's or MOPAC's plan is not a PCC's: the finding names the office the area had.
    office, chief = _named_elements(plan, on)
    found = [
        Finding(
            severity=severity,
            rule="PLAN-10",
            citation=version.citation,
            message=f"The plan does not set out s.7(1)({e.letter}): {e.says_for(office, chief)}.",
        )
        for e in version.elements
        if not _present(plan, e.letter)
    ]
    found += [
        Finding(severity=Severity.WARNING, rule="PLAN-10", citation=version.citation, message=message)
        for message in wrong_powers(plan, version)
    ]
    return Findings(found)


def check_plan(
    plan: Plan, *, today: dt.date | None = None, elections: ElectionCalendar | None = None
) -> Findings:
    """Everything the law lets pccplan check about `plan`, breaches first.

    The s.7(1) content check (PLAN-10) always; the process check (PLAN-1, PLAN-4 to PLAN-8)
    when the plan records its `process`, against the PLAN-1 deadline of the term that follows
    the poll the commissioner was elected at (no deadline when that is not recorded, or for a
    variation, which may be made at any time). `today` lets an unissued plan be checked
    against its deadline.
    """
    from pccplan.statute.terms import term_for  # terms sits above this module's rules

    found = list(check_content(plan))
    if plan.process is not None:
        deadline = None
        if plan.commissioner.elected is not None and not plan.process.varies:
            deadline = term_for(plan.commissioner.elected, plan.area, elections=elections).plan_deadline
        from pccplan.statute.panel import scrutiny_for  # panel sits above this module's rules

        body = scrutiny_for(_kind_on(plan, None))
        found += check_process(
            plan.process,
            deadline=deadline,
            today=today,
            nation=plan.area.nation,
            force_head=body.force_head,
            scrutiny=f"the {body.term}",
        )
    order = {Severity.BREACH: 0, Severity.WARNING: 1, Severity.NOTE: 2}
    return Findings(sorted(found, key=lambda f: order[f.severity]))
