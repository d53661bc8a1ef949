"""Tests for financial years, working days, clear days and the day-counting conventions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pccplan.errors import StatuteError
from pccplan.model.area import Nation
from pccplan.statute.calendar import (
    FinancialYear,
    calendar_covering,
    first_thursday_in_may,
    months_beginning_with,
    within_days_beginning_with,
    working_calendar,
)

D = dt.date


def test_financial_year_2016_runs_from_april_to_march() -> None:
    fy = FinancialYear(start_year=2016)
    assert (fy.start, fy.end, fy.label) == (D(2016, 4, 1), D(2017, 3, 31), "2016/17")


@pytest.mark.parametrize(
    ("day", "start_year"),
    [(D(2016, 4, 1), 2016), (D(2017, 3, 31), 2016), (D(2012, 11, 15), 2012), (D(2013, 1, 1), 2012)],
)
def test_financial_year_containing_a_day(day: dt.date, start_year: int) -> None:
    assert FinancialYear.containing(day) == FinancialYear(start_year=start_year)
    assert day in FinancialYear(start_year=start_year)


def test_next_financial_year() -> None:
    assert FinancialYear(start_year=2099).next().label == "2100/01"


@pytest.mark.parametrize("nation", list(Nation))
@pytest.mark.parametrize(
    "day",
    [D(2020, 5, 8), D(2022, 6, 2), D(2022, 6, 3), D(2022, 9, 19), D(2023, 5, 8)],
    ids=["VE Day", "Spring 2022", "Platinum Jubilee", "State Funeral", "Coronation"],
)
def test_one_off_bank_holidays_in_both_nations(nation: Nation, day: dt.date) -> None:
    cal = working_calendar(nation)
    assert cal.holiday(day) is not None
    assert not cal.is_working_day(day)


def test_moved_early_may_2020_is_not_a_holiday_on_its_usual_monday() -> None:
    assert working_calendar(Nation.ENGLAND).is_working_day(D(2020, 5, 4))


def test_calendar_is_built_once_per_nation_and_span() -> None:
    assert working_calendar(Nation.WALES) is working_calendar(Nation.WALES)
    assert working_calendar(Nation.WALES, 2010, 2070) is working_calendar(Nation.WALES)
    assert calendar_covering(Nation.ENGLAND, D(2024, 1, 1)) is working_calendar(Nation.ENGLAND)


def test_calendar_covering_extends_for_a_far_year() -> None:
    cal = calendar_covering(Nation.ENGLAND, D(2090, 12, 25))
    assert not cal.is_working_day(D(2090, 12, 25))


def test_calendar_holidays_cannot_be_changed() -> None:
    cal = working_calendar(Nation.ENGLAND)
    with pytest.raises(TypeError):
        cal.holidays[D(2024, 1, 2)] = "made up"  # type: ignore[index]


def test_day_outside_calendar_is_refused_with_the_span() -> None:
    with pytest.raises(StatuteError, match="outside the working calendar for england"):
        working_calendar(Nation.ENGLAND).is_working_day(D(2200, 1, 1))


def test_empty_calendar_span_is_refused() -> None:
    with pytest.raises(StatuteError, match="empty"):
        working_calendar(Nation.ENGLAND, 2030, 2020)


def test_christmas_eve_is_a_working_day_but_not_a_business_day() -> None:
    cal = working_calendar(Nation.ENGLAND)
    assert cal.is_working_day(D(2024, 12, 24))
    assert not cal.is_business_day(D(2024, 12, 24))
    assert cal.next_business_day(D(2024, 12, 24)) == D(2024, 12, 27)


def test_within_days_beginning_with_counts_the_first_day() -> None:
    assert within_days_beginning_with(D(2024, 1, 1), 56) == D(2024, 2, 25)
    with pytest.raises(StatuteError, match="empty"):
        within_days_beginning_with(D(2024, 1, 1), 0)


@pytest.mark.parametrize(
    ("day", "end"),
    [
        (D(2024, 5, 3), D(2024, 7, 2)),
        (D(2023, 12, 31), D(2024, 2, 29)),
        (D(2022, 12, 30), D(2023, 2, 28)),
        (D(2012, 11, 16), D(2013, 1, 15)),
    ],
)
def test_two_months_beginning_with(day: dt.date, end: dt.date) -> None:
    assert months_beginning_with(day, 2) == end


@pytest.mark.parametrize(
    ("year", "day"), [(2016, D(2016, 5, 5)), (2024, D(2024, 5, 2)), (2028, D(2028, 5, 4))]
)
def test_first_thursday_in_may(year: int, day: dt.date) -> None:
    assert first_thursday_in_may(year) == day


@given(st.integers(min_value=1900, max_value=2200))
def test_first_thursday_in_may_is_dateutils(year: int) -> None:
    from dateutil.relativedelta import TH, relativedelta

    assert first_thursday_in_may(year) == D(year, 5, 1) + relativedelta(weekday=TH(1))


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)), st.integers(min_value=1, max_value=60))
def test_months_beginning_with_is_dateutils_corresponding_date(day: dt.date, months: int) -> None:
    from dateutil.relativedelta import relativedelta

    later = day + relativedelta(months=months)
    expected = later if later.day != day.day else later - dt.timedelta(days=1)
    assert months_beginning_with(day, months) == expected


def test_publish_before_leaves_five_clear_working_days() -> None:
    cal = working_calendar(Nation.ENGLAND)
    assert cal.publish_before(D(2024, 5, 17), 5) == D(2024, 5, 9)
    assert cal.working_days_between(D(2024, 5, 9), D(2024, 5, 17)) == 5


@given(
    day=st.dates(min_value=D(2012, 1, 1), max_value=D(2060, 12, 31)),
    nation=st.sampled_from(list(Nation)),
    clear=st.integers(min_value=1, max_value=10),
)
def test_publication_day_is_a_working_day_leaving_exactly_n_clear_working_days(
    day: dt.date, nation: Nation, clear: int
) -> None:
    cal = working_calendar(nation)
    published = cal.publish_before(day, clear)
    assert published.weekday() < 5
    assert cal.holiday(published) is None
    assert cal.working_days_between(published, day) == clear


def test_extra_proclaimed_days_make_their_own_calendar() -> None:
    from pccplan.statute.bank_holidays import Proclaimed

    extra = (Proclaimed(day=D(2030, 6, 7), name="A proclaimed day", instead_of=D(2030, 5, 27)),)
    cal = working_calendar(Nation.WALES, extra=extra)
    assert cal.holiday(D(2030, 6, 7)) == "A proclaimed day"
    assert cal.is_working_day(D(2030, 5, 27))
    assert working_calendar(Nation.WALES).is_working_day(D(2030, 6, 7))  # no global state


def test_a_timeline_imports_no_holidays_module() -> None:
    from tests.statute.test_import_cost import imported_modules

    run = "import sys, runpy; sys.argv = ['pccplan', 'timeline', '--poll', '2024-05-02']; "
    loaded = imported_modules(run + "runpy.run_module('pccplan', run_name='__main__')")
    assert "pccplan.statute.bank_holidays" in loaded
    assert not {m for m in loaded if m.split(".")[0] == "holidays"}


def test_bus_1_business_days_from_the_text() -> None:
    """BUS-1, PRSRA s.73(2), (5): a last day that is not a business day moves to "the first business day
    after that day"; Christmas Eve is not a business day. Christmas 2027 falls on a Saturday, so the
    substitute bank holidays are 27 and 28 December: Friday 24 December 2027 moves to 29 December."""
    cal = calendar_covering(Nation.ENGLAND, dt.date(2027, 12, 1), dt.date(2028, 1, 31))
    assert not cal.is_business_day(dt.date(2027, 12, 24))
    assert cal.next_business_day(dt.date(2027, 12, 24)) == dt.date(2027, 12, 29)
