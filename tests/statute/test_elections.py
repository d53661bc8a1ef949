"""Tests for the ordinary-election calendar (TERM-2, TERM-2A)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from pccplan.errors import StatuteError
from pccplan.model.sources import Confidence
from pccplan.statute.elections import (
    ROYAL_ASSENT_CORONAVIRUS_ACT,
    ElectionCalendar,
    OrdinaryElection,
    default_elections,
    postponed_2020,
)
from pccplan.statute.registry import cite

D = dt.date


def polls(calendar: ElectionCalendar, count: int, as_known_on: dt.date | None = None) -> list[dt.date]:
    return [e.poll for e in itertools.islice(calendar.ordinary_polls(as_known_on=as_known_on), count)]


def test_polls_as_held_2012_2016_2021_2024_then_computed_2028() -> None:
    assert polls(default_elections(), 6) == [
        D(2012, 11, 15),
        D(2016, 5, 5),
        D(2021, 5, 6),
        D(2024, 5, 2),
        D(2028, 5, 4),
        D(2032, 5, 6),
    ]


def test_2028_is_computed_not_announced() -> None:
    election = default_elections().next_after(D(2024, 5, 2))
    assert election.computed
    assert "not announced" in (election.note or "")


def test_before_the_coronavirus_act_the_2020_poll_was_expected() -> None:
    day_before = ROYAL_ASSENT_CORONAVIRUS_ACT - dt.timedelta(days=1)
    assert default_elections().next_after(D(2017, 3, 31), as_known_on=day_before).poll == D(2020, 5, 7)
    assert polls(default_elections(), 5, as_known_on=D(2017, 3, 31))[2:] == [
        D(2020, 5, 7),
        D(2024, 5, 2),
        D(2028, 5, 4),
    ]


def test_from_royal_assent_the_2021_poll_is_expected() -> None:
    calendar = default_elections()
    assert calendar.next_after(D(2020, 4, 1), as_known_on=ROYAL_ASSENT_CORONAVIRUS_ACT).poll == D(2021, 5, 6)


def test_postponement_is_its_own_rule_beside_the_base_rule() -> None:
    withdrawn, held = postponed_2020()
    assert withdrawn.withdrawn_on == ROYAL_ASSENT_CORONAVIRUS_ACT
    assert held.citation == cite("TERM-2A")
    assert held.citation.pinpoint == "s.60(12)-(13)"


def test_user_can_add_an_election_without_changing_the_default() -> None:
    law = cite("TERM-2").noted("A hypothetical change.", Confidence.UNVERIFIED)
    moved = OrdinaryElection(poll=D(2028, 10, 12), citation=law, known_since=D(2026, 1, 1))
    calendar = default_elections([moved])
    assert calendar.next_after(D(2024, 5, 2)).poll == D(2028, 10, 12)
    assert calendar.next_after(D(2024, 5, 2), as_known_on=D(2025, 1, 1)).poll == D(2028, 5, 4)
    assert default_elections().next_after(D(2024, 5, 2)).poll == D(2028, 5, 4)


def test_find_and_between() -> None:
    calendar = default_elections()
    assert calendar.find(D(2016, 5, 5)) is not None
    assert calendar.find(D(2016, 5, 6)) is None
    assert calendar.find(D(2020, 5, 7)) is None
    assert [e.poll for e in calendar.between(D(2016, 1, 1), D(2024, 12, 31))] == [
        D(2016, 5, 5),
        D(2021, 5, 6),
        D(2024, 5, 2),
    ]


def test_latest_on_or_before() -> None:
    assert default_elections().latest_on_or_before(D(2022, 1, 1)).poll == D(2021, 5, 6)
    with pytest.raises(StatuteError, match="2011-01-01"):
        default_elections().latest_on_or_before(D(2011, 1, 1))


def test_the_calendar_is_a_dated_value_with_the_2020_poll_withdrawn() -> None:
    """TERM-2A: the 2020 poll was fixed by PRSRA 2011 and withdrawn on Royal Assent (25 March 2020)."""
    from pccplan.statute.dated import LawStatus

    value = default_elections().dated()
    entries_2020 = [e for e in value.entries if e.effective_from == D(2020, 5, 7)]
    assert [e.status for e in entries_2020] == [LawStatus.IN_FORCE, LawStatus.WITHDRAWN]
    assert entries_2020[1].known_on == ROYAL_ASSENT_CORONAVIRUS_ACT
    assert value.known_on(D(2020, 3, 24)).find(D(2020, 5, 7)) is not None
