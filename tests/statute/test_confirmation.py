"""Tests for the Panel's report on a proposed chief constable (CC-1)."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import StatuteError
from pccplan.statute import confirmation
from pccplan.statute.confirmation import removal_recommendation_by, report_by

D = dt.date


def test_three_weeks_beginning_with_receipt() -> None:
    assert report_by(D(2024, 6, 3)).date == D(2024, 6, 23)


def test_post_election_period_is_not_counted() -> None:
    # 12 days counted (20 April to 1 May), 2 to 9 May paused, 9 more from 10 May.
    assert report_by(D(2024, 4, 20), poll=D(2024, 5, 2), accepted=D(2024, 5, 9)).date == D(2024, 5, 18)


def test_notification_inside_the_post_election_period_counts_from_acceptance() -> None:
    assert report_by(D(2024, 5, 3), poll=D(2024, 5, 2), accepted=D(2024, 5, 9)).date == D(2024, 5, 30)


def test_period_after_the_three_weeks_changes_nothing() -> None:
    assert report_by(D(2024, 1, 2), poll=D(2024, 5, 2), accepted=D(2024, 5, 9)).date == D(2024, 1, 22)


def test_poll_without_acceptance_refused() -> None:
    with pytest.raises(StatuteError, match="or neither"):
        report_by(D(2024, 4, 20), poll=D(2024, 5, 2))


def test_acceptance_before_poll_refused() -> None:
    with pytest.raises(StatuteError, match="before the poll"):
        report_by(D(2024, 4, 20), poll=D(2024, 5, 2), accepted=D(2024, 5, 1))


def test_step() -> None:
    step = report_by(D(2024, 4, 20), poll=D(2024, 5, 2), accepted=D(2024, 5, 9))
    assert (step.rule, step.date, step.non_working_day) == ("CC-1", D(2024, 5, 18), True)
    assert "not counted" in (step.note or "")


def test_the_old_confirmation_step_name_warns_and_gives_report_by() -> None:
    with pytest.warns(
        DeprecationWarning,
        match=r"confirmation\.confirmation_step is deprecated.*use pccplan\.statute\.confirmation\.report_by",
    ):
        old = confirmation.confirmation_step  # type: ignore[attr-defined]
    assert old is report_by


def test_removal_recommendation_within_six_weeks_beginning_with_receipt() -> None:
    """CC-3, Sch.8 para 15(3): "before the end of the period of six weeks beginning with the day on which
    the panel receives the notification under paragraph 14": received 1 March 2024, last day 11 April."""
    assert removal_recommendation_by(D(2024, 3, 1)).date == D(2024, 4, 11)


def test_removal_count_ignores_the_post_election_period() -> None:
    """CC-3, para 15(7)-(8): the post-election period (poll 2 May 2024 to acceptance 9 May) is ignored:
    7 days counted from 25 April to 1 May, 35 more from 10 May, so 13 June 2024."""
    assert removal_recommendation_by(D(2024, 4, 25), poll=D(2024, 5, 2), accepted=D(2024, 5, 9)).date == D(
        2024, 6, 13
    )
    with pytest.raises(StatuteError, match=r"\(CC-3\)"):
        removal_recommendation_by(D(2024, 4, 25), poll=D(2024, 5, 2))
