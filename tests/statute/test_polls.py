"""Which polls elect a commissioner: ordinary polls, and by-elections declared as such."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from pccplan.errors import StatuteError
from pccplan.model.area import find_area
from pccplan.statute.elections import default_elections
from pccplan.statute.polls import check_poll, nearest_ordinary_poll, require_poll


def test_an_ordinary_poll_passes() -> None:
    require_poll(dt.date(2021, 5, 6))
    require_poll(dt.date(2012, 11, 15))


def test_a_poll_one_day_off_is_refused_naming_the_nearest_ordinary_poll() -> None:
    with pytest.raises(StatuteError, match="nearest ordinary poll is 2021-05-06"):
        require_poll(dt.date(2021, 5, 7))


def test_a_declared_by_election_passes() -> None:
    # North Yorkshire's by-election of 25 November 2021 (real-documents #6).
    require_poll(dt.date(2021, 11, 25), find_area("north-yorkshire"), by_election_declared=True)


def test_no_by_election_within_six_months_before_an_ordinary_poll() -> None:
    with pytest.raises(StatuteError, match=r"six months before the ordinary poll of 2024-05-02.*s\.51\(7\)"):
        require_poll(dt.date(2024, 2, 1), by_election_declared=True)


def test_the_latest_by_election_follows_a_vacancy_six_months_before_to_the_day() -> None:
    """POLL-1, s.51(7): the six months end with the poll (2 May 2024), so they begin on 3 November 2023;
    a vacancy on 2 November 2023 leads to a by-election polled 35 business days later (s.51(4), s.73(4))."""
    require_poll(dt.date(2023, 12, 21), by_election_declared=True)  # 35 business days after 2 November
    with pytest.raises(StatuteError, match="latest by-election poll is 2023-12-21"):
        require_poll(dt.date(2023, 12, 22), by_election_declared=True)
    assert not check_poll(dt.date(2023, 12, 21), by_election_declared=True)
    assert "2023-12-21" in check_poll(dt.date(2023, 12, 22), by_election_declared=True)[0].message


def test_check_poll_is_declared_as_a_rule() -> None:
    from pccplan.statute.registry import rule

    assert rule("POLL-1").function is check_poll
    assert rule("POLL-1").citation.checked_on == dt.date(2026, 12, 1)


def test_a_mayors_poll_is_left_to_the_areas_own_order() -> None:
    require_poll(dt.date(2012, 5, 3), find_area("london"))


def test_check_poll_reports_as_findings_what_require_poll_raises() -> None:
    assert check_poll(dt.date(2021, 5, 6)) == ()
    (off_by_a_day,) = check_poll(dt.date(2021, 5, 7))
    assert (off_by_a_day.code, off_by_a_day.severity.value) == ("TERM-2", "breach")
    assert "nearest ordinary poll is 2021-05-06" in off_by_a_day.message
    (too_late,) = check_poll(dt.date(2024, 2, 1), by_election_declared=True)
    assert too_late.rule == "TERM-4"
    assert too_late.citation.url.endswith("section/51")


checked = {"n": 0}


@given(day=st.dates(dt.date(2013, 1, 1), dt.date(2040, 12, 31)))
def test_the_nearest_ordinary_poll_is_no_further_than_either_neighbour(day: dt.date) -> None:
    elections = default_elections()
    nearest = nearest_ordinary_poll(day, elections)
    before = elections.latest_on_or_before(day).poll
    after = elections.next_after(day).poll
    event("checked")
    checked["n"] += 1
    assert nearest.poll in (before, after)
    assert abs((nearest.poll - day).days) == min((day - before).days, (after - day).days)


def test_the_property_reached_its_assertion() -> None:
    test_the_nearest_ordinary_poll_is_no_further_than_either_neighbour()
    assert checked["n"] >= 50
