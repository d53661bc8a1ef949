"""Tests for dated steps and their JSON form."""

from __future__ import annotations

import datetime as dt

from pccplan.model.area import Nation
from pccplan.statute.calendar import working_calendar
from pccplan.statute.registry import cite
from pccplan.statute.steps import DatedStep, cited_step


def test_step_json_has_the_contract_keys() -> None:
    step = DatedStep(
        rule="PLAN-1", title="Issue the plan by", date=dt.date(2017, 3, 31), citation=cite("PLAN-1")
    )
    assert step.to_json() == {
        "rule": "PLAN-1",
        "title": "Issue the plan by",
        "date": "2017-03-31",
        "citation": "Police Reform and Social Responsibility Act 2011, s.5(1)-(2)",
        "url": "https://www.legislation.gov.uk/ukpga/2011/13/section/5",
        "confidence": "V",
        "non_working_day": False,
        "note": None,
        "status": "in force",
        "warnings": [],
    }
    assert not step.unverified


def test_cited_step_reads_the_working_day_from_the_calendar() -> None:
    cal = working_calendar(Nation.ENGLAND)
    sunday = cited_step("PLAN-1", "Issue the plan by", dt.date(2024, 3, 31), cite("PLAN-1"), calendar=cal)
    monday = cited_step(
        "PLAN-1", "Issue the plan by", dt.date(2024, 4, 8), cite("PLAN-1"), calendar=cal, note="n"
    )
    assert (sunday.non_working_day, monday.non_working_day, monday.note) == (True, False, "n")
