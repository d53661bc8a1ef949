"""Which polls elect a commissioner: an ordinary poll, or a by-election declared as one (TERM-2, TERM-4)."""

from __future__ import annotations

import datetime as dt

from pccplan.errors import StatuteError
from pccplan.model.area import Nation, PoliceArea
from pccplan.statute.citation import CHECKED_2026_12_01, PRSRA_READ, prsra
from pccplan.statute.declare import Rule, applies
from pccplan.statute.elections import TERM_2, ElectionCalendar, OrdinaryElection, default_elections
from pccplan.statute.findings import Finding, Findings, Severity
from pccplan.statute.terms import TERM_4, by_election

__all__ = ["BY_ELECTION_BAR", "POLL_1", "check_poll", "nearest_ordinary_poll", "require_poll"]

POLL_1 = Rule(
    id="POLL-1",
    title="Polls that elect a commissioner",
    says="A poll elects a PCC only as an ordinary election (s.50) or as a by-election to fill a vacancy "
    "(s.51); no by-election is held for a vacancy within the six months ending with the next ordinary "
    "poll (s.51(7)).",
    citation=prsra(
        "s.50(1); s.51(2), (7)",
        "section/51",
        note=PRSRA_READ,
        checked_on=CHECKED_2026_12_01,
    ),
)
"""Rule POLL-1: which polls elect a commissioner (declared beside `check_poll`; not in the fact sheet)."""

BY_ELECTION_BAR = 6
"""Months: PRSRA s.51(7) (TERM-4, read): no by-election when the vacancy occurs "within the period of
six months ending with the day of the poll at the next ordinary election"; the office stays unfilled."""


def nearest_ordinary_poll(day: dt.date, elections: ElectionCalendar | None = None) -> OrdinaryElection:
    """The ordinary poll (TERM-2) nearest to `day`, the earlier one on a tie."""
    elections = elections or default_elections()
    after = elections.next_after(day)
    try:
        before = elections.latest_on_or_before(day)
    except StatuteError:
        return after
    return before if (day - before.poll) <= (after.poll - day) else after


def require_poll(
    poll: dt.date,
    area: PoliceArea | None = None,
    *,
    by_election_declared: bool = False,
    elections: ElectionCalendar | None = None,
) -> None:
    """Refuse a poll that elects no commissioner as given (TERM-2, TERM-4, s.50-s.51).

    An ordinary poll passes. Any other poll is refused, naming the nearest ordinary poll,
    unless it is declared a by-election; a declared by-election is refused when it falls so
    late that the vacancy must have arisen within the six months before the next ordinary
    poll, when no by-election is held at all (s.51(7)): the latest poll a vacancy just
    outside those six months can lead to is the limit (TERM-4, by_election). A poll at which a
    mayor or MOPAC is elected follows the area's own order and is left to `term_for`.
    """
    elections = elections or default_elections()
    if elections.find(poll) is not None:
        return
    if area is not None and area.is_mayoral(poll):
        return
    first = next(elections.ordinary_polls()).poll
    if poll < first:
        return  # term_for refuses a poll before the first PCC election, with its own reason
    if not by_election_declared:
        nearest = nearest_ordinary_poll(poll, elections)
        raise StatuteError(
            f"poll {poll.isoformat()} is not an ordinary PCC poll (TERM-2); the nearest ordinary poll is "
            f"{nearest.poll.isoformat()}. If it was a by-election, declare it (by_election: true)"
        )
    from dateutil.relativedelta import relativedelta  # imported on use: keeps ``import pccplan`` cheap

    following = elections.next_after(poll)
    last_vacancy = following.poll - relativedelta(months=BY_ELECTION_BAR)  # the bar begins the day after
    nation = area.nation if area is not None else Nation.ENGLAND
    latest = by_election(last_vacancy, nation=nation, elections=elections).poll_by
    if latest is not None and poll > latest:
        raise StatuteError(
            f"no by-election is held on {poll.isoformat()}: a vacancy arising within the six months before "
            f"the ordinary poll of {following.poll.isoformat()} is filled at that poll (TERM-4, s.51(7)); "
            f"the latest by-election poll is {latest.isoformat()}"
        )


@applies(POLL_1)
def check_poll(
    poll: dt.date,
    area: PoliceArea | None = None,
    *,
    by_election_declared: bool = False,
    elections: ElectionCalendar | None = None,
) -> Findings:
    """TERM-2, TERM-4: a breach when `poll` elects no commissioner as given (see `require_poll`).

    The same test as `require_poll`, reported as a finding instead of raised: no findings
    means the poll elects a commissioner. A declared by-election that is refused breaches
    TERM-4 (s.51(7)); any other refused poll TERM-2 (s.50).
    """
    try:
        require_poll(poll, area, by_election_declared=by_election_declared, elections=elections)
    except StatuteError as refused:
        rule = TERM_4 if by_election_declared else TERM_2
        return Findings(
            [Finding(severity=Severity.BREACH, rule=rule.id, citation=rule.citation, message=str(refused))]
        )
    return Findings()
