"""Tests for a term's timeline of dated, cited steps."""

from __future__ import annotations

import datetime as dt

from pccplan.model.area import find_area
from pccplan.statute.timeline import timeline

D = dt.date


def test_timeline_is_in_date_order_and_covers_the_term() -> None:
    found = timeline(D(2021, 5, 6))
    dates = [s.date for s in found.steps]
    assert dates == sorted(dates)
    assert dates[0] == D(2021, 5, 6)
    assert dates[-2:] == [D(2024, 5, 8), D(2025, 3, 31)]  # the plan outlives the term
    assert {"TERM-1", "ACC-1", "PLAN-1", "PLAN-9", "PREC-1", "AR-1"} <= {s.rule for s in found.steps}


def test_2016_timeline_marks_the_planning_period_end_unverified() -> None:
    found = timeline(D(2016, 5, 5))
    end = next(s for s in found.steps if s.title.startswith("Planning period ends"))
    assert (end.rule, end.date, end.unverified) == ("PLAN-9A", D(2021, 3, 31), True)


def test_welsh_area_uses_welsh_holidays_and_json_names_the_nation() -> None:
    data = timeline(D(2024, 5, 2), find_area("gwent")).to_json()
    assert (data["area"], data["nation"]) == ("gwent", "wales")


def test_by_election_without_issue_day_has_no_period() -> None:
    found = timeline(D(2019, 2, 28))
    assert found.period is None
    assert found.to_json()["plan_period_end"] is None
