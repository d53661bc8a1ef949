"""Tests for the precept timetable (PREC-1 to PREC-5) and the veto threshold."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import StatuteError
from pccplan.statute.precept import (
    issue_before,
    notify_by,
    panel_report_by,
    precept_timetable,
    revised_precept_by,
    second_report_by,
    veto_carried,
    veto_threshold,
)

D = dt.date


def test_dates_for_2025_26() -> None:
    assert notify_by(2025).date == D(2025, 2, 1)
    assert panel_report_by(2025).date == D(2025, 2, 8)
    assert revised_precept_by(2025).date == D(2025, 2, 15)
    assert second_report_by(2025).date == D(2025, 2, 22)
    assert issue_before(2025).date == D(2025, 3, 1)


def test_timetable_steps_are_cited_and_flag_weekends() -> None:
    table = precept_timetable(2025)
    assert table.precept_year.label == "2025/26"
    assert [s.rule for s in table.steps] == ["PREC-1", "PREC-2", "PREC-3", "PREC-4", "PREC-5"]
    assert all("2012/2271" in s.citation.url for s in table.steps)
    # 1, 8, 15 and 22 February 2025 are Saturdays, 1 March too: fixed dates, flagged, not moved.
    assert all(s.non_working_day for s in table.steps)
    assert all("does not move" in (s.note or "") for s in table.steps)
    assert table.notify_by == D(2025, 2, 1)


def test_a_weekday_is_not_flagged() -> None:
    assert not precept_timetable(2024).steps[0].non_working_day  # Thursday 1 February 2024


@pytest.mark.parametrize(("members", "needed"), [(13, 9), (20, 14), (10, 7), (12, 8), (3, 2)])
def test_veto_threshold_is_two_thirds_of_the_membership(members: int, needed: int) -> None:
    assert veto_threshold(members) == needed


def test_veto_carried() -> None:
    assert veto_carried(9, 13)
    assert not veto_carried(8, 13)
    assert veto_carried(14, 20)
    assert not veto_carried(13, 20)


@pytest.mark.parametrize("members", [0, -1, True])
def test_impossible_panel_refused(members: int) -> None:
    with pytest.raises(StatuteError, match="members is not possible"):
        veto_threshold(members)


def test_more_votes_than_members_refused() -> None:
    with pytest.raises(StatuteError, match="14 votes"):
        veto_carried(14, 13)


@pytest.mark.parametrize("year", [2011, 10_000])
def test_year_out_of_range_refused(year: int) -> None:
    with pytest.raises(StatuteError, match=f"precept year {year}"):
        precept_timetable(year)


def test_each_precept_rule_returns_its_step_and_the_timetable_is_those_steps() -> None:
    """SI 2012/2271 reg 3: "by 1st February"; a rule returns the day with its rule id and citation."""
    step = notify_by(2026)  # Sunday 1 February 2026
    assert (step.rule, step.date, step.non_working_day) == ("PREC-1", D(2026, 2, 1), True)
    assert step.citation.url.endswith("uksi/2012/2271/regulation/3")
    assert notify_by(2027).note is None  # Monday 1 February 2027: a working day, nothing to say
    rules = (notify_by, panel_report_by, revised_precept_by, second_report_by, issue_before)
    assert precept_timetable(2026).steps == tuple(rule(2026) for rule in rules)


def test_reg_7_response_is_due_by_1_march_and_the_precept_before_it() -> None:
    """PREC-5: reg 7 "by 1st March of the relevant financial year" (respond); LGFA 1992 s.40(5) "must be
    issued before 1st March". For 2025/26, 1 March 2025 was a Saturday: shown as a fixed date."""
    step = precept_timetable(2025).steps[-1]
    assert step.rule == "PREC-5"
    assert step.date == dt.date(2025, 3, 1)
    assert "response by" in step.title
    assert "precept before" in step.title
    assert step.non_working_day
    assert "s.40(5)" in step.citation.pinpoint
