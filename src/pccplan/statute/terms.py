"""Terms of office: who takes office when and until when, for ordinary polls, mayors and by-elections."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import attrs

from pccplan.errors import StatuteError
from pccplan.model.area import BodyKind, Nation, PoliceArea
from pccplan.model.sources import Confidence
from pccplan.statute.calendar import WorkingCalendar, calendar_covering, months_beginning_with
from pccplan.statute.citation import Citation
from pccplan.statute.elections import ElectionCalendar, default_elections
from pccplan.statute.plan import PlanningPeriod, plan_deadline, planning_period
from pccplan.statute.registry import cite
from pccplan.statute.steps import DatedStep

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

__all__ = [
    "ByElection",
    "Term",
    "TermKind",
    "acceptance_deadline",
    "by_election",
    "takes_office",
    "term_ends",
    "term_for",
]

_TRANSFER_WINDOW = dt.timedelta(days=31)  # a transfer order takes effect days after the mayoral poll


def takes_office(poll: dt.date) -> dt.date:
    """TERM-1, s.50(7): a PCC elected at an ordinary poll takes office on the 7th day after it."""
    return poll + dt.timedelta(days=7)


def term_ends(next_poll: dt.date) -> dt.date:
    """TERM-1, s.50(7): the term ends on the 6th day after the poll of the next ordinary election."""
    return next_poll + dt.timedelta(days=6)


def acceptance_deadline(poll: dt.date, calendar: WorkingCalendar | None = None) -> dt.date:
    """ACC-1, s.70(2) with BUS-1, s.73(1)-(2): the last day to make and deliver the declaration of acceptance.

    Two months beginning with the day after the election; if that last day is not a business
    day, the next business day. Poll 2 May 2024: by Tuesday 2 July 2024.
    """
    last = months_beginning_with(poll + dt.timedelta(days=1), 2)
    calendar = calendar or calendar_covering(Nation.ENGLAND, last)
    return calendar.next_business_day(last)


class TermKind(enum.Enum):
    """How a term began: at an ordinary election, a by-election, or by a mayoral transfer order."""

    ORDINARY = "ordinary"
    BY_ELECTION = "by-election"
    MAYORAL = "mayoral"


@attrs.frozen(kw_only=True)
class Term:
    """A commissioner's term of office after a poll, with the dates the law attaches to it.

    `takes_office` and `term_ends` are inclusive (TERM-1, TERM-3, TERM-4). `plan_deadline` is
    the PLAN-1 deadline, ``None`` after a by-election, which creates no duty (PLAN-2).
    `steps` are the same dates as cited steps; `area` is ``None`` for an ordinary PCC area.
    """

    poll: dt.date
    area: PoliceArea | None
    kind: TermKind
    takes_office: dt.date
    term_ends: dt.date
    next_poll: dt.date
    acceptance_deadline: dt.date
    plan_deadline: dt.date | None
    steps: tuple[DatedStep, ...]
    elections: ElectionCalendar = attrs.field(repr=False, eq=False)

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
        return planning_period(issued, starts=starts, duty_poll=duty, elections=self.elections, end=end)


def _step(
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


def _transfer(area: PoliceArea | None, poll: dt.date) -> tuple[dt.date, Citation] | None:
    """TERM-3: the transfer-order start day of a mayor taking PCC functions soon after `poll`."""
    if area is None:
        return None
    for entry in area.governance:
        if entry.kind is BodyKind.MAYOR and poll < entry.since <= poll + _TRANSFER_WINDOW:
            base = cite("TERM-3")
            return entry.since, attrs.evolve(
                base, instrument=entry.source, note=None, confidence=entry.confidence
            )
    return None


def term_for(
    poll: dt.date,
    area: PoliceArea | None = None,
    *,
    elections: ElectionCalendar | None = None,
    calendar: WorkingCalendar | None = None,
    declared: dt.date | None = None,
    takes_office_on: dt.date | None = None,
    term_ends_on: dt.date | None = None,
) -> Term:
    """The term of office that follows the poll held on `poll` in `area` (``None``: an ordinary PCC area).

    - An ordinary poll (TERM-2): TERM-1, s.50(7) — office from poll + 7 days to the 6th day
      after the next ordinary poll; a plan is due by the 31 March ending the poll's financial
      year (PLAN-1).
    - A mayor taking PCC functions under a transfer order soon after the poll (TERM-3, S):
      office from the order's day; the plan is due by the 31 March after that (U).
    - Any other poll is a by-election (TERM-4, s.51(8)): office from `declared` (default: the
      poll day; pass the day of the declaration) until the term of the last ordinary election
      would have ended; no new plan is required (PLAN-2).

    In a mayoral area after its transfer, mayoral terms follow rules the fact sheet does not
    give: pccplan assumes TERM-1 timing and marks those dates U; override with
    `takes_office_on` and `term_ends_on`.
    """
    elections = elections or default_elections()
    first = next(elections.ordinary_polls()).poll
    if poll < first:
        raise StatuteError(
            f"poll {poll.isoformat()} is before the first PCC election ({first.isoformat()}, TERM-2)"
        )
    ordinary = elections.find(poll)
    nxt = elections.next_after(poll)
    nation = area.nation if area else Nation.ENGLAND
    cal = calendar or calendar_covering(nation, poll, term_ends(nxt.poll) + dt.timedelta(days=92))
    term1 = cite("TERM-1")
    transfer = _transfer(area, poll)
    mayoral_later = (
        transfer is None and area is not None and area.is_mayoral(takes_office(poll)) and ordinary is not None
    )
    assumed = (
        "A mayoral term: the fact sheet gives only transfer-order dates, so TERM-1 timing is assumed (U)."
    )
    start_note: str | None = None
    if transfer is not None:
        kind, start, start_cite = TermKind.MAYORAL, transfer[0], transfer[1]
        deadline: dt.date | None = plan_deadline(start)
        end_cite = term1.noted(assumed, Confidence.UNVERIFIED)
    elif ordinary is not None:
        kind, start, start_cite = TermKind.ORDINARY, takes_office(poll), term1
        deadline = plan_deadline(poll)
        end_cite = term1
        if mayoral_later:
            start_cite = end_cite = term1.noted(assumed, Confidence.UNVERIFIED)
    else:
        kind, start, start_cite = TermKind.BY_ELECTION, declared or poll, cite("TERM-4")
        deadline = None
        end_cite = cite("TERM-4")
        if declared is None:
            start_note = "Office begins when the winner is declared; the poll day is shown. Pass declared=."
    if takes_office_on is not None:
        start, start_cite = takes_office_on, start_cite.noted("Day given by the user.")
    end = term_ends(nxt.poll)
    if term_ends_on is not None:
        end, end_cite = term_ends_on, end_cite.noted("Day given by the user.")
    if end <= start:
        raise StatuteError(f"term ending {end.isoformat()} ends before it starts ({start.isoformat()})")
    acceptance = acceptance_deadline(poll, cal)
    plan_cite = cite("PLAN-1")
    if kind is TermKind.MAYORAL:
        plan_cite = plan_cite.noted(
            "For a mayor, s.5 applies as the transfer order modifies it: the deadline is read from the day "
            "functions transfer (U).",
            Confidence.UNVERIFIED,
        )
    steps = [
        _step(
            "TERM-2" if kind is not TermKind.BY_ELECTION else "TERM-4",
            "Poll",
            poll,
            (ordinary.citation if ordinary else cite("TERM-4")),
            cal,
        ),
        _step(
            "TERM-3"
            if kind is TermKind.MAYORAL
            else ("TERM-4" if kind is TermKind.BY_ELECTION else "TERM-1"),
            "Takes office",
            start,
            start_cite,
            cal,
            start_note,
        ),
        _step(
            "ACC-1",
            "Declaration of acceptance of office made and delivered by",
            acceptance,
            cite("ACC-1"),
            cal,
        ),
    ]
    if deadline is not None:
        steps.append(
            _step(
                "PLAN-1",
                "Issue the police and crime plan by",
                deadline,
                plan_cite,
                cal,
                "A fixed date: it does not move off a non-working day. Issue as soon as practicable.",
            )
        )
    steps += [
        _step(
            "TERM-2", "Next ordinary poll", nxt.poll, nxt.citation, cal, nxt.note if nxt.computed else None
        ),
        _step(
            "TERM-4" if kind is TermKind.BY_ELECTION else "TERM-1",
            "Term ends",
            end,
            end_cite,
            cal,
        ),
    ]
    return Term(
        poll=poll,
        area=area,
        kind=kind,
        takes_office=start,
        term_ends=end,
        next_poll=nxt.poll,
        acceptance_deadline=acceptance,
        plan_deadline=deadline,
        steps=tuple(steps),
        elections=elections,
    )


@attrs.frozen(kw_only=True)
class ByElection:
    """What TERM-4 (PRSRA s.51, s.73(4)) says about a vacancy declared or notified on `vacancy`.

    `required` is False when the vacancy arises within 6 months before the next ordinary
    election (S), and then `poll_by` is ``None``. Otherwise `poll_by` is the last day for the
    poll: 35 days after the vacancy, non-business days disregarded. `term_ends` is when the
    by-elected commissioner's term ends (s.51(8)).
    """

    vacancy: dt.date
    required: bool
    poll_by: dt.date | None
    next_ordinary_poll: dt.date
    term_ends: dt.date
    citation: Citation


def by_election(
    vacancy: dt.date,
    *,
    nation: Nation = Nation.ENGLAND,
    elections: ElectionCalendar | None = None,
    calendar: WorkingCalendar | None = None,
    no_election_within: relativedelta | None = None,
) -> ByElection:
    """TERM-4, s.51 and s.73(4): whether a vacancy on `vacancy` needs a by-election, and its last poll day.

    `no_election_within` is the span before an ordinary poll in which no by-election is held
    (default six months; S, so it can be overridden).
    """
    elections = elections or default_elections()
    nxt = elections.next_after(vacancy)
    from dateutil.relativedelta import relativedelta

    within = no_election_within if no_election_within is not None else relativedelta(months=6)
    required = vacancy < nxt.poll - within
    poll_by = None
    if required:
        cal = calendar or calendar_covering(nation, vacancy, vacancy + dt.timedelta(days=70))
        poll_by = cal.add_business_days(vacancy, 35)
    return ByElection(
        vacancy=vacancy,
        required=required,
        poll_by=poll_by,
        next_ordinary_poll=nxt.poll,
        term_ends=term_ends(nxt.poll),
        citation=cite("TERM-4"),
    )
