"""Tests for England and Wales bank holidays: the 1971 Act's rule and the proclaimed days."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.easter import easter
from hypothesis import event, given, settings
from hypothesis import strategies as st

from pccplan.errors import StatuteError
from pccplan.statute.bank_holidays import PROCLAIMED, Proclaimed, bank_holidays, easter_sunday

D = dt.date

EXPLAINED = {D(1974, 1, 1)}
"""Days where our table and the holidays package differ, each explained: New Year's Day was first
proclaimed a bank holiday in England and Wales for 1 January 1974 (Practical Law's glossary,
"Since 1974, 1 January ... has been proclaimed a bank holiday"); holidays starts it in 1975."""


@pytest.mark.parametrize("subdivision", ["ENG", "WLS"])
def test_every_year_1971_to_2100_matches_the_holidays_package(subdivision: str) -> None:
    import holidays  # a test dependency only: the cross-check, not the rule

    theirs = holidays.country_holidays("GB", subdiv=subdivision, years=range(1971, 2101))
    ours = {day for year in range(1971, 2101) for day in bank_holidays(year)}
    assert ours ^ set(theirs) == EXPLAINED


@settings(max_examples=200)
@given(year=st.integers(min_value=1583, max_value=4099))
def test_easter_matches_dateutil(year: int) -> None:
    event("checked")
    assert easter_sunday(year) == easter(year)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # Christmas on a Saturday: Sch.1's 27 December and a proclaimed 28 December
        (
            2021,
            {
                D(2021, 12, 27): "Christmas Day (substitute day)",
                D(2021, 12, 28): "Boxing Day (substitute day)",
            },
        ),
        # Christmas on a Sunday: Boxing Day on Monday and Sch.1's 27 December
        (2022, {D(2022, 12, 26): "Boxing Day", D(2022, 12, 27): "Christmas Day (substitute day)"}),
        # Boxing Day on a Saturday: a proclaimed Monday 28 December
        (2020, {D(2020, 12, 28): "Boxing Day (substitute day)"}),
        # New Year's Day on a Saturday and on a Sunday
        (2022, {D(2022, 1, 3): "New Year's Day (substitute day)"}),
        (2017, {D(2017, 1, 2): "New Year's Day (substitute day)"}),
    ],
)
def test_substitute_days(year: int, expected: dict[dt.date, str]) -> None:
    assert expected.items() <= bank_holidays(year).items()


def test_moved_days_replace_the_usual_ones() -> None:
    days_2022 = bank_holidays(2022)
    assert D(2022, 5, 30) not in days_2022
    assert days_2022[D(2022, 6, 2)] == "Spring bank holiday"
    assert D(2012, 5, 28) not in bank_holidays(2012)
    assert D(2020, 5, 4) not in bank_holidays(2020)


def test_every_proclaimed_day_is_cited() -> None:
    for each in PROCLAIMED:
        assert each.citation is not None
        assert each.citation.url.startswith("https://www.legislation.gov.uk/ukpga/1971/80/")
        assert each.citation.checked_on == D(2026, 12, 1)


def test_a_user_may_add_a_proclaimed_day_without_changing_the_default() -> None:
    extra = Proclaimed(day=D(2031, 6, 6), name="A proclaimed day")
    assert bank_holidays(2031, (*PROCLAIMED, extra))[D(2031, 6, 6)] == "A proclaimed day"
    assert D(2031, 6, 6) not in bank_holidays(2031)


def test_years_before_the_act_are_refused() -> None:
    with pytest.raises(StatuteError, match="before 1971"):
        bank_holidays(1970)
