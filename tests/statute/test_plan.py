"""Tests for PLAN-1 (the deadline) and PLAN-9 (the planning period and qualifying days)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pccplan.errors import StatuteError
from pccplan.model.area import Nation
from pccplan.model.plan import Period
from pccplan.model.sources import Confidence
from pccplan.statute.calendar import calendar_covering
from pccplan.statute.plan import (
    QualifyingDayError,
    check_start_day,
    latest_start,
    new_plan_required,
    plan_by,
    planning_period,
    require_qualifying_day,
)

D = dt.date


@pytest.mark.parametrize(
    ("poll", "deadline"),
    [(D(2012, 11, 15), D(2013, 3, 31)), (D(2016, 5, 5), D(2017, 3, 31)), (D(2021, 5, 6), D(2022, 3, 31))],
)
def test_plan_deadline_is_the_31_march_ending_the_poll_year(poll: dt.date, deadline: dt.date) -> None:
    step = plan_by(poll)
    assert (step.rule, step.date) == ("PLAN-1", deadline)
    assert step.citation.url.endswith("ukpga/2011/13/section/5")


def test_only_an_ordinary_election_requires_a_new_plan() -> None:
    assert new_plan_required(ordinary=True)
    assert not new_plan_required(ordinary=False)


# The worked checks of the fact sheet: plan issued on its deadline.
@pytest.mark.parametrize(
    ("poll", "end", "expected"),
    [
        (D(2012, 11, 15), D(2017, 3, 31), D(2016, 5, 5)),
        (D(2016, 5, 5), D(2021, 3, 31), D(2020, 5, 7)),
        (D(2021, 5, 6), D(2025, 3, 31), D(2024, 5, 2)),
    ],
)
def test_worked_checks_planning_period_end(poll: dt.date, end: dt.date, expected: dt.date) -> None:
    period = planning_period(plan_by(poll).date, duty_poll=poll)
    assert (period.end, period.expected_poll) == (end, expected)


def test_2016_plan_runs_to_march_2021_by_the_expected_not_the_actual_poll() -> None:
    period = planning_period(D(2017, 3, 31), duty_poll=D(2016, 5, 5))
    assert period.end == D(2021, 3, 31)
    assert period.known_poll == D(2021, 5, 6)
    assert period.citation.confidence is Confidence.UNVERIFIED
    assert "expected on 2020-05-07" in (period.note or "")


def test_plan_issued_after_royal_assent_expects_the_2021_poll() -> None:
    period = planning_period(D(2020, 3, 25))
    assert period.end == D(2022, 3, 31)
    assert period.citation.confidence is Confidence.VERIFIED


def test_user_can_override_the_unverified_end() -> None:
    period = planning_period(D(2017, 3, 31), end=D(2022, 3, 31))
    assert period.end == D(2022, 3, 31)
    assert period.citation.unverified
    assert "given by the user" in (period.note or "")


def test_end_before_start_is_refused() -> None:
    with pytest.raises(StatuteError, match="before its start"):
        planning_period(D(2017, 3, 31), end=D(2017, 1, 1))


def test_qualifying_day_1_april_2017_is_allowed() -> None:
    period = planning_period(D(2017, 3, 31), starts=D(2017, 4, 1), duty_poll=D(2016, 5, 5))
    assert period.start == D(2017, 4, 1)
    assert period.latest_start == D(2017, 4, 1)
    assert period.period == Period(start=D(2017, 4, 1), end=D(2021, 3, 31))


def test_qualifying_day_2_april_2017_is_refused() -> None:
    with pytest.raises(QualifyingDayError, match=r"2017-04-02 is after 2017-04-01.*PLAN-9"):
        require_qualifying_day(D(2017, 3, 31), D(2017, 4, 2), duty_poll=D(2016, 5, 5))


def test_qualifying_day_must_fall_after_the_issue_day() -> None:
    with pytest.raises(QualifyingDayError, match="not after the issue day"):
        planning_period(D(2017, 3, 1), starts=D(2017, 3, 1))


def test_without_the_duty_the_limit_is_the_next_expected_poll() -> None:
    assert latest_start(D(2018, 6, 1)).date == D(2020, 5, 7)
    with pytest.raises(QualifyingDayError, match="next ordinary election expected"):
        require_qualifying_day(D(2018, 6, 1), D(2020, 5, 8))
    assert require_qualifying_day(D(2018, 6, 1), D(2020, 5, 7)) == D(2020, 5, 7)


def test_check_start_day_reports_as_a_finding_what_require_qualifying_day_raises() -> None:
    assert check_start_day(D(2018, 6, 1), D(2020, 5, 7)) == ()
    (late,) = check_start_day(D(2017, 3, 31), D(2017, 4, 2), duty_poll=D(2016, 5, 5))
    assert (late.code, late.severity.value, late.citation.url.endswith("section/7")) == (
        "PLAN-9",
        "breach",
        True,
    )
    assert "2017-04-02 is after 2017-04-01" in late.message


def test_the_former_deadline_name_is_the_same_function() -> None:
    assert plan_by is plan_by


@given(day=st.dates(min_value=D(2012, 1, 1), max_value=D(2060, 12, 31)))
def test_planning_period_ends_on_a_31_march_after_it_starts(day: dt.date) -> None:
    period = planning_period(day)
    assert (period.end.month, period.end.day) == (3, 31)
    assert period.start <= period.end
    assert period.expected_poll > day


def test_latest_start_and_the_period_carry_their_citations() -> None:
    """s.7(7): a qualifying day may not fall "after the day of the next ordinary election".

    The Cambridgeshire plan issued on 31 March 2017 under the 2016 duty may start no later than
    1 April 2017, and its period, read as at the issue day, ends 31 March 2021 (PLAN-9A, U).
    """
    latest = latest_start(D(2017, 3, 31), duty_poll=D(2016, 5, 5))
    assert (latest.date, latest.rule, latest.citation.url) == (
        D(2017, 4, 1),
        "PLAN-9",
        "https://www.legislation.gov.uk/ukpga/2011/13/section/7",
    )
    assert latest.non_working_day  # 1 April 2017 was a Saturday
    period = planning_period(D(2017, 3, 31), duty_poll=D(2016, 5, 5))
    first, end = period.steps(calendar_covering(Nation.ENGLAND, D(2021, 3, 31)))
    assert (first.date, first.rule) == (D(2017, 4, 1), "PLAN-9")
    assert (end.date, end.rule, end.unverified) == (D(2021, 3, 31), "PLAN-9A", True)
    assert end.note == period.note
