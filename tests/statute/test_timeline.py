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


def test_2028_poll_under_current_law_is_answered_and_every_date_is_marked() -> None:
    """Issue 13: a 2028-2032 term, a 2029 plan deadline and 2029 precepts, all resting on current law."""
    found = timeline(D(2028, 5, 4))
    assert found.term.plan_deadline == D(2029, 3, 31)
    assert all(s.status.value == "announced change, not yet law" for s in found.steps)
    data = found.to_json()
    assert (data["law"], data["status"]) == ("current", "announced change, not yet law")
    assert data["warnings"]
    step = data["steps"][0]
    assert isinstance(step, dict)
    assert step["status"] == "announced change, not yet law"
    assert step["confidence"] == "U"
    assert step["warnings"]


def test_announced_scenario_shows_the_last_precept_and_annual_report() -> None:
    found = timeline(D(2024, 5, 2), law="announced")
    titles = {s.title: s for s in found.steps}
    last_precept = next(s for t, s in titles.items() if t.startswith("Last PCC precept round"))
    assert last_precept.date == D(2028, 2, 1)
    last_report = next(s for t, s in titles.items() if t.startswith("Last PCC annual report"))
    assert last_report.date == D(2028, 4, 1)
    end = next(s for s in found.steps if s.title.startswith("Planning period ends"))
    assert end.date == D(2029, 3, 31)
    assert end.warning is not None
    assert "transitional provisions" in end.warning
    assert found.to_json()["law"] == "announced"


def test_mayoral_area_is_not_marked_by_the_pcc_announcement() -> None:
    found = timeline(D(2024, 5, 2), find_area("west-yorkshire"))
    assert found.status.value == "in force"


def test_london_has_no_panel_precept_steps_and_cites_the_gla_act_for_the_poll() -> None:
    found = timeline(D(2024, 5, 2), find_area("london"), declared=D(2024, 5, 4))
    assert not [s for s in found.steps if s.rule.startswith("PREC")]
    assert found.steps[0].citation.confidence.value == "V"


def test_london_plan_steps_name_the_assembly_s6_and_the_commissioner_of_police() -> None:
    """PRSRA s.6 (MOPAC's plan), s.33(1) (the London Assembly reviews the draft), s.3 (the Commissioner)."""
    found = timeline(D(2024, 5, 2), find_area("london"), declared=D(2024, 5, 4), meeting=D(2024, 10, 10))
    titles = " ".join(s.title for s in found.steps)
    assert "Panel" not in titles
    assert "London Assembly" in titles
    plan_1 = next(s for s in found.steps if s.rule == "PLAN-1")
    assert plan_1.citation.url.endswith("/section/6")
    assert "/section/33" in next(s for s in found.steps if s.rule == "LON-2").citation.url


def test_under_the_announced_law_an_earlier_term_has_no_last_pcc_steps() -> None:
    """GOV-1: the 2021-24 term is not the last PCC term; only the term ending in May 2028 is (bug fix)."""
    found = timeline(D(2021, 5, 6), law="announced")
    assert found.status.value == "in force"
    assert not [s for s in found.steps if s.title.startswith("Last PCC")]
    last = timeline(D(2024, 5, 2), law="announced")
    assert [s.rule for s in last.steps if s.title.startswith("Last PCC")] == ["PREC-1", "AR-1"]
