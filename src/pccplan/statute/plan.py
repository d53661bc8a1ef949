"""The plan rules: the deadline after an ordinary election (PLAN-1) and the planning period (PLAN-9)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from pccplan._deprecate import Former, renamed
from pccplan.errors import StatuteError
from pccplan.model.area import Nation
from pccplan.model.classes import shared_eq_repr
from pccplan.model.sources import Confidence
from pccplan.statute.calendar import FinancialYear, WorkingCalendar, calendar_covering
from pccplan.statute.citation import CHECKED_2026_12_01, PRSRA_READ, Citation, prsra
from pccplan.statute.declare import Rule, applies
from pccplan.statute.elections import ElectionCalendar, default_elections
from pccplan.statute.findings import Finding, Findings, Severity
from pccplan.statute.steps import DatedStep, cited_step

__all__ = [
    "PFCC_1",
    "PLAN_1",
    "PLAN_2",
    "PLAN_3",
    "PLAN_7",
    "PLAN_9",
    "PLAN_9A",
    "PLAN_11",
    "SPR_NOTE",
    "PlanningPeriod",
    "QualifyingDayError",
    "check_start_day",
    "latest_start",
    "new_plan_required",
    "plan_by",
    "plan_duty_wording",
    "plan_power_wording",
    "planning_period",
    "require_qualifying_day",
    "spr_note",
]

PLAN_1 = Rule(
    id="PLAN-1",
    title="Plan after an ordinary election",
    says="In the financial year of an ordinary election the PCC must issue a plan as soon as practicable "
    "after taking office, and by the 31 March that ends that year.",
    citation=prsra("s.5(1)-(2)", "section/5", note=PRSRA_READ, checked_on=CHECKED_2026_12_01),
)
"""Rule PLAN-1: Plan after an ordinary election."""


PLAN_2 = Rule(
    id="PLAN-2",
    title="New plan or variation at any time",
    says="A PCC may issue a new plan or vary the plan at any time; a by-election does not create the "
    "PLAN-1 duty.",
    citation=prsra(
        "s.5(3)-(4)",
        "section/5",
        note=f"{PRSRA_READ} The by-election reading follows s.5(13): 'ordinary election' is one under s.50.",
        checked_on=CHECKED_2026_12_01,
    ),
)
"""Rule PLAN-2: New plan or variation at any time."""


PLAN_3 = Rule(
    id="PLAN-3",
    title="Strategic Policing Requirement",
    says="In issuing or varying a plan, have regard to the Strategic Policing Requirement.",
    citation=prsra("s.5(5)", "section/5", note=PRSRA_READ, checked_on=CHECKED_2026_12_01),
)
"""Rule PLAN-3: Strategic Policing Requirement."""


PLAN_7 = Rule(
    id="PLAN-7",
    title="Keep the plan under review",
    says="Keep the plan under review, in particular after the Panel's report on the annual report and "
    "changes to the Strategic Policing Requirement.",
    citation=prsra("s.5(9)", "section/5", note=PRSRA_READ, checked_on=CHECKED_2026_12_01),
)
"""Rule PLAN-7: Keep the plan under review."""


PLAN_9 = Rule(
    id="PLAN-9",
    title="Planning period",
    says="A plan has effect from its issue day (or a qualifying day it names) to the end of the "
    "financial year of the next ordinary election expected after issue.",
    citation=prsra("s.7(3), s.7(7)", "section/7", note=PRSRA_READ, checked_on=CHECKED_2026_12_01),
)
"""Rule PLAN-9: Planning period."""


PLAN_9A = Rule(
    id="PLAN-9A",
    title="'Expected' read at the issue day",
    says="The next election 'expected' is the one expected on the day the plan is issued: a plan issued "
    "before 25 March 2020 expected the May 2020 poll.",
    citation=prsra(
        "s.7(7)",
        "section/7",
        Confidence.UNVERIFIED,
        "An interpretation of 'expected to take place after the plan is issued' (s.7(7), text read on "
        "1 December 2026): no instrument adjusted planning periods for the 2020 postponement (U).",
        CHECKED_2026_12_01,
    ),
    override="planning_period(..., end=)",
)
"""Rule PLAN-9A: 'Expected' read at the issue day."""


PLAN_11 = Rule(
    id="PLAN-11",
    title="Partners and the public",
    says="Have regard to responsible authorities' priorities, co-operate with them and with criminal "
    "justice bodies, and obtain the views of the public and victims before issuing the plan.",
    citation=prsra(
        "s.10; s.14",
        "section/10",
        Confidence.VERIFIED,
        "s.10(1)-(3) read on 1 December 2026; the s.14 duty on public views is from a secondary source (S).",
        CHECKED_2026_12_01,
    ),
)
"""Rule PLAN-11: Partners and the public."""


PFCC_1 = Rule(
    id="PFCC-1",
    title="Police, fire and crime commissioners",
    says="A PCC who is also the fire and rescue authority has regard to the Fire and Rescue National "
    "Framework and to the authority's last published priorities document; the plan may be prepared "
    "jointly with the authority, and a joint plan also sets out the authority's priorities and "
    "objectives (and then the priorities document need not be regarded).",
    citation=prsra("s.5(5A)-(5E)", "section/5", note=PRSRA_READ, checked_on=CHECKED_2026_12_01),
)
"""Rule PFCC-1: Police, fire and crime commissioners."""


class QualifyingDayError(StatuteError):
    """A start day that PLAN-9 (s.7(7)) refuses as a qualifying day; the message names day and rule."""


@applies(PLAN_1)
def plan_by(
    poll: dt.date, *, nation: Nation = Nation.ENGLAND, calendar: WorkingCalendar | None = None
) -> DatedStep:
    """PLAN-1, s.5(1)-(2): the 31 March ending the financial year of the ordinary election polled on `poll`.

    The plan is due "as soon as practicable" after taking office (a soft target, not a date);
    this is the hard deadline. Poll 2016-05-05 gives 2017-03-31; 2012-11-15 gives 2013-03-31.
    Returns the day as a cited step: `.date` is the day.
    """
    day = FinancialYear.containing(poll).end
    return cited_step(
        PLAN_1.id,
        "Issue the police and crime plan by",
        day,
        PLAN_1.citation,
        calendar=calendar or calendar_covering(nation, day),
        note="A fixed date: it does not move off a non-working day. Issue as soon as practicable.",
    )


def plan_duty_wording(holder: str, deadline: str, *, mayor: bool = False, plan: str = "Plan") -> str:
    """PLAN-1, s.5(1)-(2): the duty to issue a plan, in the one wording every document uses.

    s.5(1) says the commissioner "must issue a police and crime plan ... as soon as practicable
    after" taking office and "before the end of the financial year" in which elected. `holder`
    names who ('The Commissioner'), `deadline` is the `plan_by` day as the document writes dates
    ('31 March 2022') and `plan` the document's name for the plan. `mayor` is for MOPAC, whose
    duty runs from the Mayor's taking office (s.6(1)-(2)). The sentence ends with a full stop.
    """
    taking, elected = (
        ("the Mayor takes office", "the Mayor is elected") if mayor else ("taking office", "they are elected")
    )
    return (
        f"{holder} has a statutory duty to issue a {plan} as soon as practicable after {taking} "
        f"\u2013 specifically before the end of the financial year in which {elected} ({deadline})."
    )


def plan_power_wording(holder: str, *, varies: bool, plan: str = "Plan", short: str = "Plan") -> str:
    """PLAN-2, s.5(3)-(4): the power to issue a new plan or vary it, as a clause with no full stop.

    s.5(3): a commissioner "may issue a police and crime plan at any time"; s.5(4): "may vary" it
    "at any time". `varies` says only the power to vary (a variation); `plan` names the plan
    first ('Police and Crime Plan (the "Plan")'), `short` afterwards. The documents add what
    follows (', and must keep it under review' for PLAN-7) and the full stop.
    """
    if varies:
        return f"{holder} may vary the {plan} at any time"
    return f"{holder} may issue a new {plan} or vary the {short} at any time"


SPR_NOTE = (
    "The Strategic Policing Requirement (SPR) sets out the Home Secretary's view of the national threats "
    "and the appropriate national capabilities required to counter those threats. The SPR supports Police "
    "and Crime Commissioners and Chief Constables to ensure they fulfil their forces' national "
    "responsibilities for tackling criminal or terrorist threats and harms, or other civil emergencies."
)
"""PLAN-3, s.5(5): what the Strategic Policing Requirement is, the note a document puts on the duty.

s.5(5) says the commissioner "must have regard to the strategic policing requirement issued by
the Secretary of State" under Police Act 1996 s.37A (inserted by PRSRA s.77)."""


def spr_note(*, london: bool = False) -> str:
    """PLAN-3, s.5(5): `SPR_NOTE`; in London naming MOPAC and the Commissioner of Police of the Metropolis."""
    if not london:
        return SPR_NOTE
    return SPR_NOTE.replace(
        "Police and Crime Commissioners and Chief Constables",
        "MOPAC and the Commissioner of Police of the Metropolis, as it does local policing bodies and chief "
        "officers elsewhere,",
    )


@applies(PLAN_2)
def new_plan_required(*, ordinary: bool) -> bool:
    """PLAN-1/PLAN-2, s.5(1), s.5(3): only an ordinary election creates the duty to issue a plan.

    A by-elected commissioner may issue a new plan or vary the plan at any time, but need not.
    """
    return ordinary


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class PlanningPeriod:
    """The period a plan has effect for (PLAN-9, s.7(3), s.7(7)), both ends included.

    `start` is the issue day or the qualifying day the plan names; `end` the last day of the
    financial year of the next ordinary election `expected` on the issue day. `known_poll` is
    that next election as the calendar now knows it; when the two fall in different financial
    years the period rests on reading "expected" as at the issue day, a U reading that
    `citation` and `note` say. (The Act's phrase is "planning period", not "period of issue".)
    """

    issued: dt.date
    start: dt.date
    end: dt.date
    expected_poll: dt.date
    known_poll: dt.date
    latest_start: dt.date
    citation: Citation
    note: str | None = None
    rule: str = "PLAN-9"

    @property
    def period(self) -> Period:
        """The same span as the model's `Period` (for `Plan.period`)."""
        from pccplan.model.plan import Period  # here: the timeline needs no plan classes

        return Period(start=self.start, end=self.end)

    def steps(self, calendar: WorkingCalendar) -> tuple[DatedStep, DatedStep]:
        """The latest qualifying day (PLAN-9) and the period's end (`rule`) as cited steps.

        `calendar` marks the days that are not working days. The end step carries the
        period's own citation and note, so a U reading (PLAN-9A) travels with the day.
        """
        return (
            cited_step(
                PLAN_9.id,
                "Latest qualifying day the plan may name as its start",
                self.latest_start,
                PLAN_9.citation,
                calendar=calendar,
            ),
            cited_step(
                self.rule,
                f"Planning period ends (plan issued {self.issued.isoformat()})",
                self.end,
                self.citation,
                calendar=calendar,
                note=self.note,
            ),
        )


def latest_start(
    issued: dt.date,
    *,
    duty_poll: dt.date | None = None,
    elections: ElectionCalendar | None = None,
    nation: Nation = Nation.ENGLAND,
) -> DatedStep:
    """PLAN-9, s.7(7): the latest qualifying day a plan issued on `issued` may name as its start.

    s.7(7): a qualifying day may not fall "after the day of the next ordinary election" expected
    on the issue day; for a plan issued under the PLAN-1 duty after the poll `duty_poll`, it must
    also be on or before the first day of the next financial year (1 April 2017 for a plan due
    by 31 March 2017). Returns the day as a cited step: `.date` is the day.
    """
    elections = elections or default_elections()
    latest = elections.next_after(issued, as_known_on=issued).poll
    if duty_poll is not None:
        latest = min(latest, FinancialYear.containing(duty_poll).next().start)
    return cited_step(
        PLAN_9.id,
        "Latest qualifying day the plan may name as its start",
        latest,
        PLAN_9.citation,
        calendar=calendar_covering(nation, latest),
    )


def require_qualifying_day(
    issued: dt.date,
    starts: dt.date,
    *,
    duty_poll: dt.date | None = None,
    elections: ElectionCalendar | None = None,
) -> dt.date:
    """Return `starts` if PLAN-9 (s.7(7)) allows it as the qualifying day of a plan issued on `issued`.

    Raises `QualifyingDayError` if it is not after the issue day, or falls after `latest_start`.
    """
    if starts <= issued:
        raise QualifyingDayError(
            f"start day {starts.isoformat()} is not after the issue day {issued.isoformat()}: "
            "a qualifying day must fall after it (PLAN-9, s.7(7))"
        )
    latest = latest_start(issued, duty_poll=duty_poll, elections=elections).date
    if starts > latest:
        why = (
            "the first day of the financial year after the one the plan is due in"
            if duty_poll is not None and latest == FinancialYear.containing(duty_poll).next().start
            else "the day of the next ordinary election expected"
        )
        raise QualifyingDayError(
            f"start day {starts.isoformat()} is after {latest.isoformat()}, {why}: "
            "not a qualifying day (PLAN-9, s.7(7))"
        )
    return starts


if TYPE_CHECKING:
    from pccplan.model.plan import Period

if TYPE_CHECKING:  # the former names, for type checkers; at run time `__getattr__` keeps them
    plan_deadline = plan_by
    check_qualifying_day = require_qualifying_day
__getattr__ = renamed(
    __name__,
    {
        "plan_deadline": plan_by,
        "check_qualifying_day": Former(
            require_qualifying_day,
            "require_qualifying_day",
            "check_start_day returns the same test as findings",
        ),
    },
)


def check_start_day(
    issued: dt.date,
    starts: dt.date,
    *,
    duty_poll: dt.date | None = None,
    elections: ElectionCalendar | None = None,
) -> Findings:
    """PLAN-9, s.7(7): a breach when `starts` is not a qualifying day for a plan issued on `issued`.

    The same test as `require_qualifying_day`, reported as a finding instead of raised: no
    findings means the day is allowed.
    """
    try:
        require_qualifying_day(issued, starts, duty_poll=duty_poll, elections=elections)
    except QualifyingDayError as refused:
        return Findings(
            [Finding(severity=Severity.BREACH, rule="PLAN-9", citation=PLAN_9.citation, message=str(refused))]
        )
    return Findings()


@applies(PLAN_9, PLAN_9A)
def planning_period(
    issued: dt.date,
    *,
    starts: dt.date | None = None,
    duty_poll: dt.date | None = None,
    elections: ElectionCalendar | None = None,
    end: dt.date | None = None,
) -> PlanningPeriod:
    """PLAN-9, s.7(3), s.7(7): the planning period of a plan issued on `issued`.

    It begins on `issued`, or on `starts` if the plan names a qualifying day (checked with
    `require_qualifying_day`; `duty_poll` is the ordinary poll whose PLAN-1 duty the plan meets,
    ``None`` for a plan issued at will). It ends with the last day of the financial year of the
    next ordinary election *expected* on the issue day: a plan issued on 31 March 2017 expected
    the 7 May 2020 poll, so it ran to 31 March 2021 though the poll moved to 6 May 2021.

    That reading of "expected" is U (PLAN-9A): no instrument adjusted planning periods. Pass
    `end` to replace the computed end day with your own reading.
    """
    elections = elections or default_elections()
    if starts is not None:
        require_qualifying_day(issued, starts, duty_poll=duty_poll, elections=elections)
    expected = elections.next_after(issued, as_known_on=issued)
    known = elections.next_after(issued)
    computed_end = FinancialYear.containing(expected.poll).end
    citation, note, rule = PLAN_9.citation, None, PLAN_9.id
    if FinancialYear.containing(known.poll) != FinancialYear.containing(expected.poll):
        citation, rule = PLAN_9A.citation, PLAN_9A.id
        note = (
            f"On the issue day the next ordinary election was expected on {expected.poll.isoformat()}; it "
            f"is now known to be {known.poll.isoformat()}. The period is read as at the issue day (U)."
        )
    if end is not None:
        citation, rule = (
            PLAN_9A.citation.noted("End day given by the user.", Confidence.UNVERIFIED),
            PLAN_9A.id,
        )
        note = f"End day {end.isoformat()} given by the user in place of {computed_end.isoformat()}."
    start = starts or issued
    final = end or computed_end
    if final < start:
        raise StatuteError(
            f"planning period end {final.isoformat()} is before its start {start.isoformat()} (PLAN-9)"
        )
    return PlanningPeriod(
        issued=issued,
        start=start,
        end=final,
        expected_poll=expected.poll,
        known_poll=known.poll,
        latest_start=latest_start(issued, duty_poll=duty_poll, elections=elections).date,
        citation=citation,
        note=note,
        rule=rule,
    )
