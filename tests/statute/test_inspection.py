"""Tests for comments on HMICFRS reports (HMI-1)."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.statute import inspection
from pccplan.statute.inspection import comments_by

D = dt.date


def test_56_days_beginning_with_publication() -> None:
    assert comments_by(D(2024, 1, 1)).date == D(2024, 2, 25)
    assert (comments_by(D(2024, 1, 1)).date - D(2024, 1, 1)).days == 55


def test_step_flags_a_sunday() -> None:
    step = comments_by(D(2024, 1, 1))
    assert step.rule == "HMI-1"
    assert step.non_working_day  # Sunday 25 February 2024: the date does not move
    assert step.citation.url.endswith("ukpga/1996/16/section/55")


def test_the_old_comments_step_name_warns_and_gives_comments_by() -> None:
    with pytest.warns(
        DeprecationWarning,
        match=r"inspection\.comments_step is deprecated.*use pccplan\.statute\.inspection\.comments_by",
    ):
        old = inspection.comments_step  # type: ignore[attr-defined]
    assert old is comments_by
