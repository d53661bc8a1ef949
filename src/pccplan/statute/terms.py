"""Terms of office: who takes office when and until when, for ordinary polls, mayors and by-elections."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import attrs

from pccplan._deprecate import renamed
from pccplan.errors import StatuteError
from pccplan.model.area import Nation, PoliceArea
from pccplan.model.classes import shared_eq_repr
from pccplan.model.sources import Confidence
from pccplan.statute.announced import (
    PCC_CHANGES,
    Law,
    PccAbolition,
    applied_change,
    law_of,
    mark_announced,
    pending_change,
)
from pccplan.statute.calendar import WorkingCalendar, calendar_covering, months_beginning_with
from pccplan.statute.citation import Citation
from pccplan.statute.dated import Dated, DatedValue, LawStatus
from pccplan.statute.elections import ElectionCalendar, default_elections
from pccplan.statute.mayors import (
    NO_FIXED_DAYS,
    Anchor,
    MayoralArea,
    TermDays,
    mayoral_area,
    new_mayor_without_pcc_functions,
)
from pccplan.statute.plan import PlanningPeriod, plan_by, planning_period
from pccplan.statute.steps import DatedStep, StepsLaw, cited_step

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

from pccplan.statute.citation import CHECKED_2026_12_01, PRSRA_READ, legislation, prsra
from pccplan.statute.declare import Rule, applies
from pccplan.statute.plan import PLAN_1

__all__ = [
    "ACC_1",
    "ACT_1",
    "NO_FIXED_DAYS",
    "POSTPONED_TO",
    "POSTPONEMENT_PERIOD",
    "TERM_1",
    "TERM_3",
    "TERM_4",
    "TERM_4A",
    "TERM_6",
    "ByElection",
    "Term",
    "TermDays",
    "TermKind",
    "acceptance_by",
    "by_election",
    "fixed_term_days",
    "postponed_by_election",
    "takes_office",
    "term_ends",
    "term_for",
]

TERM_1 = Rule(
    id="TERM-1",
    title="Term of office",
    says="A PCC elected at an ordinary election takes office on the 7th day after the poll; the term "
    "ends on the 6th day after the poll of the next ordinary election.",
    citation=prsra(
        "s.50(7)",
        "section/50",
        Confidence.VERIFIED,
        f"{PRSRA_READ} s.50(7): the term 'begins with the seventh day after the day of the poll' and 'ends "
        "with the sixth day after the day of the poll at the next ordinary election'.",
        CHECKED_2026_12_01,
    ),
)
"""Rule TERM-1: Term of office."""


TERM_3 = Rule(
    id="TERM-3",
    title="Mayors with PCC functions",
    says="A mayor who exercises PCC functions holds them from the day the area's transfer order fixes "
    "(Greater Manchester 8 May 2017, West Yorkshire 10 May 2021, South Yorkshire and York and North "
    "Yorkshire 7 May 2024), not from the TERM-1 day.",
    citation=legislation(
        "Local Democracy, Economic Development and Construction Act 2009",
        "s.107F",
        "ukpga/2009/20/section/107F",
        Confidence.SECONDARY,
        "The power to transfer PCC functions to a mayor; each area's own order is cited with its own "
        "address in pccplan.statute.mayors (SI 2017/470, SI 2021/112, SI 2024/414, SI 2023/1432).",
        CHECKED_2026_12_01,
    ),
    override="term_for(..., takes_office_on=, term_ends_on=)",
)
"""Rule TERM-3: Mayors with PCC functions."""


TERM_6 = Rule(
    id="TERM-6",
    title="The Mayor of London's term, and MOPAC",
    says="The Mayor of London's term begins on the second day after the day the last successful "
    "candidate at the ordinary election is declared returned, and ends on the second day after that "
    "day at the next; MOPAC's occupant follows the mayoral term (PRSRA s.3(4)).",
    citation=legislation(
        "Greater London Authority Act 1999",
        "s.2(8)",
        "ukpga/1999/29/section/2",
        Confidence.VERIFIED,
        "Counted from the declaration, not the poll: pass declared= (the next declaration is "
        "estimated as the same number of days after its poll, U).",
        CHECKED_2026_12_01,
    ),
    override="term_for(..., declared=, term_ends_on=)",
)
"""Rule TERM-6: The Mayor of London's term, and MOPAC."""


TERM_4 = Rule(
    id="TERM-4",
    title="By-elections",
    says="A vacancy is filled by a by-election polled not more than 35 days after it is declared or "
    "notified (non-business days disregarded), none if it occurs within the six months ending with the "
    "next ordinary poll; the by-elected PCC serves from declaration until the term would have ended "
    "after the last ordinary election.",
    citation=prsra(
        "s.51(4), (7), (8); s.73(4)",
        "section/51",
        Confidence.VERIFIED,
        f"{PRSRA_READ} s.51(7): 'within the period of six months ending with the day of the poll at the "
        "next ordinary election'.",
        CHECKED_2026_12_01,
    ),
    override="by_election(..., no_election_within=)",
)
"""Rule TERM-4: By-elections."""


TERM_4A = Rule(
    id="TERM-4A",
    title="By-elections postponed to 6 May 2021",
    says="A PCC by-election whose poll would fall to be held between 16 March 2020 and 5 May 2021 was "
    "held on 6 May 2021 instead; an acting commissioner (s.62) served meanwhile.",
    citation=legislation(
        "Local Government and Police and Crime Commissioner (Coronavirus) (Postponement of Elections "
        "and Referendums) (England and Wales) Regulations 2020",
        "reg 10 (made under Coronavirus Act 2020 s.61)",
        "uksi/2020/395/regulation/10",
        Confidence.SECONDARY,
        "Coronavirus Act 2020 s.61(2)(a), (3)(g) read (V): the power covers PCC vacancy elections "
        "polled from 16 March 2020 to 5 May 2021. Reg 10's text was not found; its effect is from the "
        "Regulations' Explanatory Note (S). In force 7 April 2020.",
        CHECKED_2026_12_01,
    ),
)
"""Rule TERM-4A: By-elections postponed to 6 May 2021."""


ACC_1 = Rule(
    id="ACC-1",
    title="Declaration of acceptance",
    says="The declaration of acceptance of office must be made and delivered within two months beginning "
    "with the day after the election, or the office falls vacant.",
    citation=prsra("s.70(2)", "section/70", Confidence.VERIFIED, None, CHECKED_2026_12_01),
)
"""Rule ACC-1: Declaration of acceptance."""


ACT_1 = Rule(
    id="ACT-1",
    title="Acting commissioners",
    says="An acting commissioner may not issue or vary a plan (s.62(4)); issuing a plan cannot be arranged "
    "to be done by the deputy PCC or anyone else (s.18(3)(b), (d), (7)(a)), though a deputy may be given "
    "a variation (s.18(1)(b)).",
    citation=prsra(
        "s.62(4); s.18(3)(b), (d), (7)(a)",
        "section/62",
        note=f"{PRSRA_READ} s.62(4) bars issuing or varying; s.18(7)(a) names issuing only, so a variation "
        "is not among the functions s.18 reserves to the commissioner.",
        checked_on=CHECKED_2026_12_01,
    ),
)
"""Rule ACT-1: Acting commissioners."""


MOPAC_PLAN = prsra(
    "s.6(1)-(2)",
    "section/6",
    Confidence.VERIFIED,
    f"{PRSRA_READ} s.6(1)-(2): within the financial year of each ordinary (mayoral) election, as soon as "
    "practicable after the person elected takes office: the s.5(1)-(2) deadline counted from the day the "
    "Mayor takes office.",
    CHECKED_2026_12_01,
)
"""PLAN-1 for London: the citation of MOPAC's plan duty (PRSRA s.6)."""


_TAKES_OFFICE_AFTER = dt.timedelta(days=7)  # s.50(7)(a): "the seventh day after" the poll
_TERM_ENDS_AFTER = dt.timedelta(days=6)  # s.50(7)(b): "the sixth day after" the next ordinary poll
_ACCEPTANCE_MONTHS = 2  # s.70(2): "two months beginning with the day after the election"
_BY_ELECTION_DAYS = 35  # s.51(4): "not more than 35 days after", non-business days disregarded (s.73(4))
_NO_BY_ELECTION_MONTHS = 6  # s.51(7): none if the vacancy occurs within six months ending with the poll
# Working calendars must reach past the last day they are asked about: the acceptance deadline can
# move to the next business day (BUS-1) and a plan deadline follows the term's end, so a quarter is
# added (92 days: the longest three calendar months); a by-election's 35 business days need at most
# 70 calendar days (seven weeks of five, plus two weeks of bank holidays).
_CALENDAR_MARGIN = dt.timedelta(days=92)
_BY_ELECTION_MARGIN = dt.timedelta(days=70)


@applies(TERM_1)
def takes_office(poll: dt.date, *, calendar: WorkingCalendar | None = None) -> DatedStep:
    """TERM-1, s.50(7): a PCC elected at an ordinary poll takes office on the 7th day after it.

    Returns the day as a cited step: `.date` is the day.
    """
    day = poll + _TAKES_OFFICE_AFTER
    cal = calendar or calendar_covering(Nation.ENGLAND, day)
    return cited_step(TERM_1.id, "Takes office", day, TERM_1.citation, calendar=cal)


def term_ends(next_poll: dt.date, *, calendar: WorkingCalendar | None = None) -> DatedStep:
    """TERM-1, s.50(7): the term ends on the 6th day after the poll of the next ordinary election.

    Returns the day as a cited step: `.date` is the day.
    """
    day = next_poll + _TERM_ENDS_AFTER
    cal = calendar or calendar_covering(Nation.ENGLAND, day)
    return cited_step(TERM_1.id, "Term ends", day, TERM_1.citation, calendar=cal)


def fixed_term_days(
    poll: dt.date,
    table: DatedValue[TermDays] = NO_FIXED_DAYS,
    *,
    takes_office_on: dt.date | None = None,
    term_ends_on: dt.date | None = None,
) -> DatedValue[TermDays]:
    """`table` with the user's `takes_office_on` and `term_ends_on` added as one entry for `poll`.

    The keywords are the thin way to add an entry: the engine reads the fixed days of a term
    only from the table (the entry covering the poll day), never from the keywords. The
    entry cites the rule that names the override (TERM-3), noted as given by the user.
    """
    if takes_office_on is None and term_ends_on is None:
        return table
    return table.with_entry(
        Dated(
            effective_from=poll,
            effective_to=poll,
            value=TermDays(takes_office=takes_office_on, term_ends=term_ends_on),
            citation=TERM_3.citation.noted("Days given by the user."),
            known_on=poll,
        )
    )


@applies(ACC_1)
def acceptance_by(poll: dt.date, calendar: WorkingCalendar | None = None) -> DatedStep:
    """ACC-1, s.70(2) with BUS-1, s.73(1)-(2): the last day to make and deliver the declaration of acceptance.

    Two months beginning with the day after the election; if that last day is not a business
    day, the next business day. Poll 2 May 2024: by Tuesday 2 July 2024. Returns the day as a
    cited step: `.date` is the day.
    """
    last = months_beginning_with(poll + dt.timedelta(days=1), _ACCEPTANCE_MONTHS)
    calendar = calendar or calendar_covering(Nation.ENGLAND, last, last + _CALENDAR_MARGIN)
    day = calendar.next_business_day(last)
    title = "Declaration of acceptance of office made and delivered by"
    return cited_step(ACC_1.id, title, day, ACC_1.citation, calendar=calendar)


if TYPE_CHECKING:  # the former name, for type checkers; at run time `__getattr__` keeps it
    acceptance_deadline = acceptance_by
__getattr__ = renamed(__name__, {"acceptance_deadline": acceptance_by})


class TermKind(enum.Enum):
    """How a term began: at an ordinary election, a by-election, or a mayoral election (TERM-3, -5, -6)."""

    ORDINARY = "ordinary"
    BY_ELECTION = "by-election"
    MAYORAL = "mayoral"


@attrs.frozen(kw_only=True, repr=False)
class Term(StepsLaw):
    """A commissioner's term of office after a poll, with the dates the law attaches to it.

    `takes_office` and `term_ends` are inclusive (TERM-1, TERM-3 to TERM-6). `plan_deadline` is
    the PLAN-1 deadline, ``None`` after a by-election, which creates no duty (PLAN-2).
    `acceptance_deadline` is the s.70 day (ACC-1), ``None`` for a mayor, to whom s.70 does not
    apply. `steps` are the same dates as cited steps; `area` is ``None`` for an ordinary PCC
    area. `law` is the scenario asked for (GOV-1); `change` the announced or enacted change
    applied, `pending` an announced change the dates do not yet reflect.
    """

    poll: dt.date
    area: PoliceArea | None
    kind: TermKind
    takes_office: dt.date
    term_ends: dt.date
    next_poll: dt.date
    acceptance_deadline: dt.date | None
    plan_deadline: dt.date | None
    steps: tuple[DatedStep, ...]
    elections: ElectionCalendar = attrs.field(repr=False, eq=False)
    law: Law = Law.CURRENT
    change: Dated[PccAbolition] | None = None
    pending: Dated[PccAbolition] | None = None

    def __repr__(self) -> str:
        # The generated repr ran to thousands of characters (every step with its citation, the
        # area with its governance), unreadable in a notebook; the fields stay one attribute away.
        where = self.area.slug if self.area else "an area"
        plan = f", plan by {self.plan_deadline.isoformat()}" if self.plan_deadline else ", no plan duty"
        return (
            f"<Term {where}: {self.kind.value} poll {self.poll.isoformat()}, in office "
            f"{self.takes_office.isoformat()} to {self.term_ends.isoformat()}{plan}, "
            f"{len(self.steps)} steps, law {self.law.value}>"
        )

    @property
    def new_plan_required(self) -> bool:
        """Whether the poll creates the duty to issue a plan (PLAN-1; not after a by-election, PLAN-2)."""
        return self.plan_deadline is not None

    @property
    def nation(self) -> Nation:
        """The nation whose working days apply (England for an unnamed area)."""
        return self.area.nation if self.area else Nation.ENGLAND

    def planning_period(
        self, issued: dt.date | None = None, *, starts: dt.date | None = None, end: dt.date | None = None
    ) -> PlanningPeriod:
        """PLAN-9: the planning period of a plan issued on `issued` (default: the plan deadline).

        See `pccplan.statute.plan.planning_period`; the qualifying-day limits of a plan issued
        under this term's PLAN-1 duty apply when the term has one.
        """
        issued = issued or self.plan_deadline
        if issued is None:
            raise StatuteError(
                f"a plan after the by-election of {self.poll.isoformat()} has no deadline; "
                "give the issue day (PLAN-2)"
            )
        if issued < self.takes_office:
            raise StatuteError(
                f"issue day {issued.isoformat()} is before the commissioner takes office "
                f"({self.takes_office.isoformat()}, TERM-1)"
            )
        duty = (
            self.poll
            if self.new_plan_required and self.plan_deadline and issued <= self.plan_deadline
            else None
        )
        period = planning_period(issued, starts=starts, duty_poll=duty, elections=self.elections, end=end)
        change = self.change  # a pending change is marked on the timeline's steps instead
        if change is not None and period.expected_poll >= change.value.cancelled_poll:
            note = (
                f"The planning period ends with the financial year of the "
                f"{period.expected_poll.isoformat()} PCC poll; under '{change.value.summary}' it depends "
                "on transitional provisions (GOV-1, U)."
            )
            period = attrs.evolve(
                period,
                citation=period.citation.noted(note, Confidence.UNVERIFIED),
                note=f"{period.note} {note}" if period.note else note,
            )
        return period


_ASSUMED_COUNT = dt.timedelta(days=1)  # TERM-6: the count is usually the day after the poll (U)
_MAYORAL_POLL_MONTH = 5  # mayoral polls are held on the ordinary day of election, in May (TERM-5, TERM-6)


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class _Start:
    kind: TermKind
    rule: str
    start: dt.date
    citation: Citation
    note: str | None
    end: dt.date | None
    end_rule: str
    end_citation: Citation
    end_note: str | None = None
    acceptance: bool = True


_NO_S70 = (
    "PRSRA s.70 (acceptance of office) applies to a person elected as PCC; a mayor makes the "
    "declaration the mayoral election rules require, so no s.70 date is shown."
)


def _mayoral_start(
    poll: dt.date, area: PoliceArea, data: MayoralArea, next_poll: dt.date, declared: dt.date | None
) -> _Start:
    """TERM-3, TERM-5, TERM-6: when a mayor's term (and PCC functions) begin and end after `poll`."""
    rule = data.term_rule
    if rule.anchor is Anchor.DECLARATION:
        anchor_note = None
        if declared is None:
            declared = poll + _ASSUMED_COUNT
            anchor_note = (
                f"Counted from the declaration of the result, assumed {declared.isoformat()} (U): "
                "pass declared=."
            )
        lag = declared - poll
        start = rule.begins(declared)
        end = rule.ends(next_poll + lag)
        end_note = (
            f"Counted from the next declaration, assumed {(next_poll + lag).isoformat()} (U): "
            "override with term_ends_on=."
        )
        citation = rule.citation
        if data.occupant_rule is not None:
            citation = citation.noted(f"MOPAC follows the mayoral term ({data.occupant_rule.text}).")
        return _Start(
            kind=TermKind.MAYORAL,
            rule="TERM-6",
            start=start,
            citation=citation,
            note=" ".join(n for n in (anchor_note, _NO_S70) if n),
            end=end,
            end_rule="TERM-6",
            end_citation=rule.citation.noted("Next declaration estimated (U).", Confidence.UNVERIFIED),
            end_note=end_note,
            acceptance=False,
        )
    start = rule.begins(poll)
    rule_id, citation, note = "TERM-5", rule.citation, _NO_S70
    # The transfer order's first day is one more entry of the fixed-days table (TERM-3).
    moved = data.transfer_days().find(poll)
    first = moved.value.takes_office if moved is not None else None
    if moved is not None and first is not None and first >= start:
        rule_id, citation = "TERM-3", moved.citation
        if first > start:
            note = (
                f"The mayoral term begins {start.isoformat()} ({rule.citation.text}); PCC functions pass "
                f"on {first.isoformat()}. {_NO_S70}"
            )
        start = first
    return _Start(
        kind=TermKind.MAYORAL,
        rule=rule_id,
        start=start,
        citation=citation,
        note=note,
        end=rule.ends(next_poll),
        end_rule="TERM-5",
        end_citation=rule.citation,
        end_note="The next mayoral poll is taken to follow the ordinary cycle (as the orders provide).",
        acceptance=False,
    )


def _mayoral(area: PoliceArea | None, poll: dt.date) -> MayoralArea | None:
    """The mayoral data when `poll` is a mayoral poll in an area whose PCC functions a mayor holds."""
    if area is None:
        return None
    data = mayoral_area(area.slug)
    if data is None:
        return None
    if data.transfer is None or poll >= data.transfer.poll:
        return data
    return None


@applies(TERM_3, TERM_6)
def term_for(
    poll: dt.date,
    area: PoliceArea | None = None,
    *,
    elections: ElectionCalendar | None = None,
    calendar: WorkingCalendar | None = None,
    declared: dt.date | None = None,
    takes_office_on: dt.date | None = None,
    term_ends_on: dt.date | None = None,
    fixed_days: DatedValue[TermDays] = NO_FIXED_DAYS,
    law: Law | str = Law.CURRENT,
    changes: DatedValue[PccAbolition] = PCC_CHANGES,
) -> Term:
    """The term of office that follows the poll held on `poll` in `area` (``None``: an ordinary PCC area).

    - An ordinary poll (TERM-2): TERM-1, s.50(7) — office from poll + 7 days to the 6th day
      after the next ordinary poll; a plan is due by the 31 March ending the poll's financial
      year (PLAN-1).
    - A mayor's poll in an area whose PCC functions a mayor holds: the area's own election
      order (TERM-5: in West Yorkshire from the 4th day after the poll to the 3rd day after the
      next), PCC functions from the transfer order's day for the first term (TERM-3), or for
      London the GLA Act 1999 s.2(8) counted from `declared` (TERM-6). s.70 does not apply.
    - Any other poll is a by-election (TERM-4, s.51(8)): office from `declared` (default: the
      poll day; pass the day of the declaration) until the term of the last ordinary election
      would have ended; no new plan is required (PLAN-2).
    - A new mayor's first poll in an area whose PCC functions stay put (GOV-2) is refused: it
      is not a PCC poll.

    `law` is 'current' (default) or 'announced' (GOV-1): under current law every date from the
    4 May 2028 poll on is marked "announced change, not yet law"; under 'announced' there is no
    PCC poll in 2028 and the term ends on the day s.50(7) gives.

    Days fixed outright (an order's first day, or the user's reading) come from the dated
    table `fixed_days`: its entry covering `poll` replaces the rule's first or last day.
    `takes_office_on` and `term_ends_on` are the thin way to add such an entry for this poll
    (`fixed_term_days`).
    """
    law = law_of(law)
    elections = elections or default_elections()
    if area is not None:
        newcomer = new_mayor_without_pcc_functions(area.slug, poll)
        if newcomer is not None:
            raise StatuteError(
                f"the poll of {poll.isoformat()} in {area.name} elects the first mayor of the "
                f"{newcomer.authority}, who takes no PCC functions as far as found (GOV-2): it is not a PCC "
                "election or by-election, and the commissioner's term runs on"
            )
    mayor = _mayoral(area, poll)
    first = next(elections.ordinary_polls()).poll
    if poll < first and mayor is None:
        raise StatuteError(
            f"poll {poll.isoformat()} is before the first PCC election ({first.isoformat()}, TERM-2)"
        )
    pcc_area = mayor is None
    applied = applied_change(law, changes=changes) if pcc_area else None
    pending = pending_change(law, changes=changes) if pcc_area else None
    if applied is not None and poll >= applied.value.cancelled_poll:
        raise StatuteError(
            f"no PCC poll on {poll.isoformat()}: under the change '{applied.value.summary}' "
            f"({applied.status.value}, {applied.citation.instrument}) there is no PCC election from "
            f"{applied.value.cancelled_poll.isoformat()} (GOV-1)"
        )
    ordinary = elections.find(poll)
    nxt = elections.next_after(poll)
    if mayor is not None and nxt.poll.month != _MAYORAL_POLL_MONTH:
        nxt = elections.next_after(nxt.poll)  # the November 2012 PCC poll was not a mayoral poll
    nation = area.nation if area else Nation.ENGLAND
    cal = calendar or calendar_covering(nation, poll, term_ends(nxt.poll).date + _CALENDAR_MARGIN)
    abolished = applied is not None and nxt.poll >= applied.value.cancelled_poll
    term1 = TERM_1.citation
    if mayor is not None:
        begun = _mayoral_start(poll, area, mayor, nxt.poll, declared)  # type: ignore[arg-type]
    elif ordinary is not None:
        begun = _Start(
            kind=TermKind.ORDINARY,
            rule="TERM-1",
            start=takes_office(poll, calendar=cal).date,
            citation=term1,
            note=None,
            end=None,
            end_rule="TERM-1",
            end_citation=term1,
        )
    else:
        begun = _Start(
            kind=TermKind.BY_ELECTION,
            rule="TERM-4",
            start=declared or poll,
            citation=TERM_4.citation,
            note=None
            if declared
            else "Office begins when the winner is declared; the poll day is shown. Pass declared=.",
            end=None,
            end_rule="TERM-4",
            end_citation=TERM_4.citation,
        )
    kind, start, start_cite = begun.kind, begun.start, begun.citation
    plan_step: DatedStep | None = None
    if kind is TermKind.ORDINARY:
        plan_step = plan_by(poll, calendar=cal)
    elif kind is TermKind.MAYORAL:
        plan_step = plan_by(start, calendar=cal)
    deadline = plan_step.date if plan_step is not None else None
    fixed = fixed_term_days(
        poll, fixed_days, takes_office_on=takes_office_on, term_ends_on=term_ends_on
    ).find(poll)
    if fixed is not None and fixed.value.takes_office is not None:
        start, start_cite = fixed.value.takes_office, start_cite.noted(fixed.value.reason)
    end = begun.end or term_ends(nxt.poll, calendar=cal).date
    end_cite, end_note = begun.end_citation, begun.end_note
    if abolished and applied is not None:
        end = applied.value.terms_end
        end_cite = end_cite.noted(
            f"The day s.50(7) gives from the {applied.value.cancelled_poll.isoformat()} poll that the change "
            "would cancel; transitional provisions may say otherwise (U).",
            Confidence.UNVERIFIED,
        )
    if fixed is not None and fixed.value.term_ends is not None:
        end, end_cite = fixed.value.term_ends, end_cite.noted(fixed.value.reason)
    if end <= start:
        raise StatuteError(f"term ending {end.isoformat()} ends before it starts ({start.isoformat()})")
    acceptance_step = acceptance_by(poll, cal) if begun.acceptance else None
    acceptance = acceptance_step.date if acceptance_step is not None else None
    plan_cite = PLAN_1.citation
    if mayor is not None and mayor.term_rule.anchor is Anchor.DECLARATION:
        plan_cite = MOPAC_PLAN  # London: MOPAC's duty is s.6, not s.5 (LON-1)
    elif kind is TermKind.MAYORAL:
        plan_cite = plan_cite.noted(
            "For a mayor, s.5 (for London, s.6) applies as the transfer order modifies it: the deadline is "
            "read from the day functions begin (U).",
            Confidence.UNVERIFIED,
        )
    poll_rule = {TermKind.BY_ELECTION: "TERM-4", TermKind.ORDINARY: "TERM-2"}.get(kind, begun.end_rule)
    poll_cite = ordinary.citation if ordinary and kind is TermKind.ORDINARY else begun.end_citation
    if kind is TermKind.BY_ELECTION:
        poll_cite = TERM_4.citation
    if mayor is not None:
        poll_cite = mayor.term_rule.citation
    steps = [
        cited_step(poll_rule, "Poll", poll, poll_cite, calendar=cal),
        cited_step(begun.rule, "Takes office", start, start_cite, calendar=cal, note=begun.note),
    ]
    if acceptance_step is not None:
        steps.append(acceptance_step)
    if plan_step is not None:
        steps.append(attrs.evolve(plan_step, citation=plan_cite))
    if abolished and applied is not None:
        next_step = attrs.evolve(
            cited_step(
                "GOV-1",
                "No ordinary PCC poll (would have been held on this day)",
                nxt.poll,
                applied.citation,
                calendar=cal,
                note=applied.value.summary,
            ),
            status=applied.status,
            warning=None if applied.status.is_law else f"{applied.status.value}: {applied.value.summary}",
        )
    else:
        next_step = cited_step(
            "TERM-2" if pcc_area else begun.end_rule,
            "Next ordinary poll" if pcc_area else "Next mayoral poll",
            nxt.poll,
            nxt.citation,
            calendar=cal,
            note=nxt.note if nxt.computed else None,
        )
    end_step = cited_step(begun.end_rule, "Term ends", end, end_cite, calendar=cal, note=end_note)
    if abolished and applied is not None:
        end_step = attrs.evolve(
            end_step,
            status=applied.status,
            warning=None
            if applied.status.is_law
            else f"{applied.status.value}: the last PCC term ends on the day s.50(7) gives (GOV-1, U).",
        )
    steps += [next_step, end_step]
    return Term(
        poll=poll,
        area=area,
        kind=kind,
        takes_office=start,
        term_ends=end,
        next_poll=nxt.poll,
        acceptance_deadline=acceptance,
        plan_deadline=deadline,
        steps=mark_announced(steps, pending),
        elections=elections,
        law=law,
        change=applied,
        pending=pending,
    )


POSTPONEMENT_PERIOD = (dt.date(2020, 3, 16), dt.date(2021, 5, 5))
"""TERM-4A: polls falling to be held in this period (both days included; Coronavirus Act 2020 s.61(2)(a))."""

POSTPONED_TO = dt.date(2021, 5, 6)
"""TERM-4A: the day postponed PCC by-elections were held (SI 2020/395 reg 10, the 2021 ordinary poll day)."""


@applies(TERM_4A)
def postponed_by_election(poll_by: dt.date) -> dt.date | None:
    """TERM-4A, SI 2020/395 reg 10: the day a by-election due by `poll_by` was held instead, if it was moved.

    The exception beside TERM-4: a PCC by-election whose poll would fall to be held from 16
    March 2020 to 5 May 2021 (both included; Coronavirus Act 2020 s.61(2)(a)) was held on 6 May
    2021. ``None`` when `poll_by` is outside that period and TERM-4 applies unchanged.
    """
    first, last = POSTPONEMENT_PERIOD
    return POSTPONED_TO if first <= poll_by <= last else None


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ByElection:
    """What TERM-4 (PRSRA s.51, s.73(4)) and TERM-4A say about a vacancy declared or notified on `vacancy`.

    `required` is False when the vacancy arises within 6 months before the next ordinary
    election (S), and then `poll_by` is ``None``. Otherwise `poll_by` is the last day for the
    poll: 35 days after the vacancy, non-business days disregarded — or, when that poll would
    fall between 16 March 2020 and 5 May 2021, 6 May 2021 (TERM-4A, `postponed` True), with
    an acting commissioner (s.62) serving meanwhile. `term_ends` is when the by-elected
    commissioner's term ends (s.51(8)). `warning` is set when that day rests on a poll an
    announced change would cancel (GOV-1).
    """

    vacancy: dt.date
    required: bool
    poll_by: dt.date | None
    next_ordinary_poll: dt.date
    term_ends: dt.date
    citation: Citation
    postponed: bool = False
    acting_commissioner: bool = False
    note: str | None = None
    status: LawStatus = LawStatus.IN_FORCE
    warning: str | None = None


@applies(TERM_4)
def by_election(
    vacancy: dt.date,
    *,
    nation: Nation = Nation.ENGLAND,
    elections: ElectionCalendar | None = None,
    calendar: WorkingCalendar | None = None,
    no_election_within: relativedelta | None = None,
    law: Law | str = Law.CURRENT,
    changes: DatedValue[PccAbolition] = PCC_CHANGES,
) -> ByElection:
    """TERM-4, s.51 and s.73(4), with TERM-4A: whether a vacancy on `vacancy` needs a by-election, and when.

    `no_election_within` is the span before an ordinary poll in which no by-election is held:
    s.51(7), "within the period of six months ending with the day of the poll at the next
    ordinary election" (default six months). That period begins on the day after the poll's
    date six months earlier, so a vacancy on that date itself (2 November 2023 for the 2 May
    2024 poll) still needs a by-election; one on 3 November 2023 does not. A by-election that
    would fall to be held from 16 March 2020 to 5 May 2021 is held on 6 May 2021 (SI 2020/395
    reg 10): a vacancy of September 2020 was filled on 6 May 2021, an acting commissioner
    serving until then.
    """
    elections = elections or default_elections()
    nxt = elections.next_after(vacancy)
    from dateutil.relativedelta import relativedelta

    within = no_election_within
    if within is None:
        within = relativedelta(months=_NO_BY_ELECTION_MONTHS)
    required = vacancy <= nxt.poll - within  # the six months of s.51(7) begin the day after
    poll_by = None
    citation, note, postponed = TERM_4.citation, None, False
    if required:
        cal = calendar or calendar_covering(nation, vacancy, vacancy + _BY_ELECTION_MARGIN)
        poll_by = cal.add_business_days(vacancy, _BY_ELECTION_DAYS)
        moved_to = postponed_by_election(poll_by)
        if moved_to is not None:
            first, last = POSTPONEMENT_PERIOD
            postponed, citation = True, TERM_4A.citation
            note = (
                f"The by-election would have fallen to be held by {poll_by.isoformat()}, within "
                f"{first.isoformat()} to {last.isoformat()}: it is held on {moved_to.isoformat()} "
                "instead (TERM-4A). An acting commissioner serves meanwhile (s.62), and may not issue or "
                "vary the plan (ACT-1)."
            )
            poll_by = moved_to
    applied = applied_change(law, changes=changes)
    pending = pending_change(law, changes=changes)
    ends = term_ends(nxt.poll).date
    status, warning = LawStatus.IN_FORCE, None
    if applied is not None and nxt.poll >= applied.value.cancelled_poll:
        ends = applied.value.terms_end
        status = applied.status
    elif pending is not None and nxt.poll >= pending.value.cancelled_poll:
        status = pending.status
        warning = (
            f"{pending.status.value}: {pending.value.summary} The term end "
            f"{ends.isoformat()} assumes the {nxt.poll.isoformat()} ordinary poll (GOV-1, U)."
        )
    return ByElection(
        vacancy=vacancy,
        required=required,
        poll_by=poll_by,
        next_ordinary_poll=nxt.poll,
        term_ends=ends,
        citation=citation,
        postponed=postponed,
        acting_commissioner=postponed,
        note=note,
        status=status,
        warning=warning,
    )
