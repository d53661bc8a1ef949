"""The ordinary-election calendar as data: each poll with its source and the day it became known."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import attrs

from pccplan.errors import StatuteError
from pccplan.model.classes import shared_eq_repr
from pccplan.model.sources import Confidence
from pccplan.statute.calendar import first_thursday_in_may
from pccplan.statute.citation import CHECKED_2026_12_01, Citation, legislation, prsra
from pccplan.statute.dated import Dated, DatedValue, LawStatus
from pccplan.statute.declare import Rule, applies

__all__ = [
    "ROYAL_ASSENT_CORONAVIRUS_ACT",
    "TERM_2",
    "TERM_2A",
    "ElectionCalendar",
    "OrdinaryElection",
    "default_elections",
    "postponed_2020",
]

TERM_2 = Rule(
    id="TERM-2",
    title="Ordinary elections",
    says="Ordinary elections were held on 15 November 2012, then every fourth year on the first Thursday "
    "in May.",
    citation=prsra(
        "s.50(1)-(3)",
        "section/50",
        Confidence.VERIFIED,
        "s.50(1)-(5) read on 1 December 2026 in the revised text of legislation.gov.uk (as at 18 July 2025, "
        "via https://legalize.dev/uk/law/ukpga-2011-13): 2012, then each subsequent fourth year; 15 November "
        "2012, then the first Thursday in May. Which Act last amended it (the Wales Act 2017 s.8) is S.",
        CHECKED_2026_12_01,
    ),
)
"""Rule TERM-2: Ordinary elections."""


TERM_2A = Rule(
    id="TERM-2A",
    title="2020 poll postponed to 2021",
    says="The 2020 ordinary election was held on 6 May 2021; the postponement is ignored in fixing the "
    "years of later ordinary elections (the next was May 2024). Known from Royal Assent, 25 March 2020.",
    citation=legislation(
        "Coronavirus Act 2020",
        "s.60(12)-(13)",
        "ukpga/2020/7/section/60",
        Confidence.SECONDARY,
        "Royal Assent on 25 March 2020 (S). The text of s.60 was not found on 1 December 2026; its "
        "Explanatory Notes (polls of 7 May 2020 postponed to 6 May 2021) and s.59 were read (S).",
        CHECKED_2026_12_01,
    ),
)
"""Rule TERM-2A: 2020 poll postponed to 2021."""


ROYAL_ASSENT_CORONAVIRUS_ACT = dt.date(2020, 3, 25)
"""The day the Coronavirus Act 2020 received Royal Assent (S): from then the 2020 poll was postponed."""

_CYCLE_YEARS = 4  # s.50(1)(b): an ordinary election "in each subsequent fourth year"
# Royal Assent of PRSRA 2011: 15 September 2011 (the Act's date on legislation.gov.uk, read 1 December 2026
# in legalize-dev/legalize-uk uk/ukpga-2011-13.md; the Home Office release "New Act puts public at the heart
# of policing" of that day, S). From then the 2012 and 2016 polls were known.
_PRSRA_ASSENT = dt.date(2011, 9, 15)


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class OrdinaryElection:
    """One ordinary election (PRSRA s.50(1)): its poll day, source and when it was known.

    `known_since` is the first day on which the poll was fixed by law; `withdrawn_on` the day
    it stopped being expected (the 2020 poll: 25 March 2020), ``None`` if it was held or is
    still expected. `computed` is True for a poll pccplan worked out from the four-year cycle
    rather than took from the list: later legislation may change or end the cycle.
    """

    poll: dt.date
    citation: Citation
    known_since: dt.date
    withdrawn_on: dt.date | None = None
    computed: bool = False
    note: str | None = None

    def expected_on(self, day: dt.date) -> bool:
        """Whether, on `day`, this poll was fixed by law and not yet withdrawn."""
        return self.known_since <= day and (self.withdrawn_on is None or day < self.withdrawn_on)

    def as_dated(self) -> tuple[Dated[OrdinaryElection], ...]:
        """This poll as dated entries: fixed by law from `known_since`, withdrawn from `withdrawn_on`.

        `known_since` and `withdrawn_on` are the thin way to write these entries; the calendar
        answers "expected on a day" from the entries (`ElectionCalendar.dated`).
        """
        fixed = Dated(
            effective_from=self.poll,
            effective_to=self.poll,
            value=self,
            citation=self.citation,
            known_on=self.known_since,
        )
        if self.withdrawn_on is None:
            return (fixed,)
        return (fixed, attrs.evolve(fixed, known_on=self.withdrawn_on, status=LawStatus.WITHDRAWN))


@applies(TERM_2A)
def postponed_2020() -> tuple[OrdinaryElection, OrdinaryElection]:
    """TERM-2A: the 2020 poll (withdrawn on 25 March 2020) and the 6 May 2021 poll that replaced it.

    Coronavirus Act 2020 s.60(12)-(13): the 2020 ordinary election was held in 2021, and the
    postponement "is to be ignored in determining the years in which subsequent ordinary
    elections are to be held".
    """
    covid = TERM_2A.citation
    return (
        OrdinaryElection(
            poll=dt.date(2020, 5, 7),
            citation=TERM_2.citation,
            known_since=_PRSRA_ASSENT,
            withdrawn_on=ROYAL_ASSENT_CORONAVIRUS_ACT,
            note="Postponed to 6 May 2021 by the Coronavirus Act 2020 s.60.",
        ),
        OrdinaryElection(
            poll=dt.date(2021, 5, 6),
            citation=covid,
            known_since=ROYAL_ASSENT_CORONAVIRUS_ACT,
            note="The 2020 ordinary election, postponed (TERM-2A).",
        ),
    )


def _listed() -> tuple[OrdinaryElection, ...]:
    base = TERM_2.citation
    assent = "Fixed by PRSRA 2011 (Royal Assent 15 September 2011, U)."
    return (
        OrdinaryElection(poll=dt.date(2012, 11, 15), citation=base, known_since=_PRSRA_ASSENT, note=assent),
        OrdinaryElection(poll=dt.date(2016, 5, 5), citation=base, known_since=_PRSRA_ASSENT, note=assent),
        *postponed_2020(),
        OrdinaryElection(
            poll=dt.date(2024, 5, 2),
            citation=TERM_2A.citation,
            known_since=ROYAL_ASSENT_CORONAVIRUS_ACT,
            note="The cycle ignores the 2020 postponement (s.60(13)).",
        ),
    )


def _by_poll(elections: Iterable[OrdinaryElection]) -> tuple[OrdinaryElection, ...]:
    return tuple(sorted(elections, key=lambda e: e.poll))


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ElectionCalendar:
    """The ordinary elections pccplan knows, and the four-year cycle that continues them (TERM-2).

    `elections` is the known list; polls after the last of them are computed on the first
    Thursday in May of every fourth year counted from `cycle_year` (2016: s.50(1) with the
    2020 postponement ignored, s.60(13)). Make your own with `with_election` or by passing a
    list: nothing shared is changed.
    """

    elections: tuple[OrdinaryElection, ...] = attrs.field(converter=_by_poll)
    cycle_year: int = 2016  # s.50(1): "(a) in 2012; (b) in each subsequent fourth year": 2016, 2020, 2024...

    def with_election(self, election: OrdinaryElection) -> ElectionCalendar:
        """A new calendar with `election` added, replacing any entry with a poll in the same year."""
        kept = [e for e in self.elections if e.poll.year != election.poll.year]
        return attrs.evolve(self, elections=(*kept, election))

    def dated(self) -> DatedValue[OrdinaryElection]:
        """The listed polls as one dated value: each poll's entries, fixed and (if so) withdrawn."""
        entries = tuple(entry for election in self.elections for entry in election.as_dated())
        return DatedValue(name="ordinary PCC elections", entries=entries)

    def _known(self, as_known_on: dt.date | None) -> list[OrdinaryElection]:
        """The listed polls law provided for, as known on `as_known_on` (``None``: as known now)."""
        value = self.dated() if as_known_on is None else self.dated().known_on(as_known_on)
        latest: dict[dt.date, Dated[OrdinaryElection]] = {}
        for entry in value.entries:  # in (poll, known_on) order: the latest known entry for a poll wins
            latest[entry.effective_from] = entry
        return [entry.value for entry in latest.values() if entry.status.is_law]

    @applies(TERM_2)
    def ordinary_polls(self, *, as_known_on: dt.date | None = None) -> Iterator[OrdinaryElection]:
        """Every ordinary poll in date order: the list, then the cycle without end (TERM-2).

        `as_known_on` restricts the list to polls fixed by law on that day (``None``: the list as
        it stands, withdrawn polls left out). Computed polls are known from the day they are
        computed after, so the same cycle serves both views.
        """
        known = self._known(as_known_on)
        yield from known
        last_year = known[-1].poll.year if known else self.cycle_year - _CYCLE_YEARS
        year = last_year + 1
        while True:
            if (year - self.cycle_year) % _CYCLE_YEARS == 0:
                yield OrdinaryElection(
                    poll=first_thursday_in_may(year),
                    citation=TERM_2.citation,
                    known_since=known[-1].known_since if known else _PRSRA_ASSENT,
                    computed=True,
                    note="Computed from the four-year cycle of s.50(1), not announced.",
                )
            year += 1

    def next_after(self, day: dt.date, *, as_known_on: dt.date | None = None) -> OrdinaryElection:
        """The first ordinary poll strictly after `day`, as expected on `as_known_on` (``None``: now)."""
        for election in self.ordinary_polls(as_known_on=as_known_on):
            if election.poll > day:
                return election
        raise AssertionError("unreachable: the cycle never ends")  # pragma: no cover

    def latest_on_or_before(self, day: dt.date) -> OrdinaryElection:
        """The most recent ordinary poll on or before `day` (for by-elections, s.51(8))."""
        found: OrdinaryElection | None = None
        for election in self.ordinary_polls():
            if election.poll > day:
                break
            found = election
        if found is None:
            raise StatuteError(f"no ordinary election was held on or before {day.isoformat()} (TERM-2)")
        return found

    def find(self, poll: dt.date) -> OrdinaryElection | None:
        """The ordinary election polled on `poll`, or ``None`` if `poll` was not an ordinary poll."""
        for election in self.ordinary_polls():
            if election.poll >= poll:
                return election if election.poll == poll else None
        return None  # pragma: no cover

    def between(self, first: dt.date, last: dt.date) -> tuple[OrdinaryElection, ...]:
        """The ordinary polls from `first` to `last`, both included."""
        found = []
        for election in self.ordinary_polls():
            if election.poll > last:
                break
            if election.poll >= first:
                found.append(election)
        return tuple(found)


def default_elections(extra: Iterable[OrdinaryElection] = ()) -> ElectionCalendar:
    """The calendar of the fact sheet (TERM-2, TERM-2A), with any `extra` elections added or replacing."""
    calendar = ElectionCalendar(elections=_listed())
    for election in extra:
        calendar = calendar.with_election(election)
    return calendar
