"""Tests for comments on HMICFRS reports (HMI-1)."""

from __future__ import annotations

import datetime as dt

from pccplan.statute.inspection import comments_by, comments_step

D = dt.date


def test_56_days_beginning_with_publication() -> None:
    assert comments_by(D(2024, 1, 1)) == D(2024, 2, 25)
    assert (comments_by(D(2024, 1, 1)) - D(2024, 1, 1)).days == 55


def test_step_flags_a_sunday() -> None:
    step = comments_step(D(2024, 1, 1))
    assert step.rule == "HMI-1"
    assert step.non_working_day  # Sunday 25 February 2024: the date does not move
    assert step.citation.url.endswith("ukpga/1996/16/section/55")
