"""Tests for the annual report (AR-1)."""

from __future__ import annotations

import datetime as dt

from pccplan.statute.annual_report import annual_report_steps, earliest_annual_report
from pccplan.statute.calendar import FinancialYear


def test_annual_report_can_only_follow_31_march() -> None:
    year = FinancialYear(start_year=2024)
    assert earliest_annual_report(year).date == dt.date(2025, 4, 1)
    steps = annual_report_steps(year)
    assert {s.rule for s in steps} == {"AR-1"}
    assert "2024/25" in steps[0].title
    assert "June or July" in (steps[1].note or "")


def test_the_earliest_day_carries_the_ar_1_citation() -> None:
    """s.12(1): a report "in respect of each financial year": the 2024/25 report from 1 April 2025."""
    first = earliest_annual_report(FinancialYear(start_year=2024), body="London Assembly")
    assert (first.rule, first.citation.url) == (
        "AR-1",
        "https://www.legislation.gov.uk/ukpga/2011/13/section/12",
    )
    assert "London Assembly" in first.title
