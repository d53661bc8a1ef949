"""Tests for agenda publication before Panel meetings (MTG-1 England, MTG-2 Wales)."""

from __future__ import annotations

import datetime as dt

import pytest

import pccplan.statute as statute
from pccplan.model.area import Nation
from pccplan.model.sources import Confidence
from pccplan.statute import meetings
from pccplan.statute.meetings import WELSH_CLEAR_DAYS, check_agenda, publish_by

D = dt.date


def test_friday_17th_publish_by_thursday_9th() -> None:
    assert publish_by(D(2024, 5, 17)).date == D(2024, 5, 9)


def test_wales_three_clear_working_days() -> None:
    assert publish_by(D(2024, 5, 17), Nation.WALES).date == D(2024, 5, 13)


def test_bank_holidays_are_not_clear_working_days() -> None:
    # Meeting Thursday 9 June 2022: clear days 8, 7, 6 June, then 1 June and 31 May (2 and 3 June
    # were bank holidays; the usual late-May holiday moved to 2 June), so publish on Monday 30 May.
    assert publish_by(D(2022, 6, 9)).date == D(2022, 5, 30)
    # Meeting Wednesday 10 May 2023, after the Coronation holiday on Monday 8 May, in both nations.
    assert publish_by(D(2023, 5, 10), Nation.WALES).date == D(2023, 5, 3)


def test_calendar_clear_days_if_chosen() -> None:
    assert publish_by(D(2024, 5, 17), working_days=False).date == D(2024, 5, 11)
    assert publish_by(D(2024, 5, 17), Nation.WALES, working_days=False).date == D(2024, 5, 13)


def test_clear_days_override() -> None:
    assert publish_by(D(2024, 5, 17), Nation.WALES, clear_days=5).date == D(2024, 5, 9)


@pytest.mark.parametrize(("nation", "rule"), [(Nation.ENGLAND, "MTG-1"), (Nation.WALES, "MTG-2")])
def test_publish_by_is_a_step_naming_the_rule(nation: Nation, rule: str) -> None:
    step = publish_by(D(2024, 5, 17), nation)
    assert step.rule == rule
    assert "100B" in step.citation.url
    assert not step.non_working_day


def test_short_notice_meeting_is_a_lawful_route_with_what_to_minute() -> None:
    """MTG-3, s.100B(3)(a): "where the meeting is convened at shorter notice, the copies of the agenda and
    reports shall be open to inspection from the time the meeting is convened"; s.100B asks for nothing
    to be minuted for this route, unlike (4)(b)."""
    found = check_agenda(D(2024, 2, 15), D(2024, 2, 12), convened=D(2024, 2, 12))
    assert [(f.severity.value, f.rule) for f in found] == [("note", "MTG-3")]
    assert "s.100B(3)(a)" in found[0].message
    assert "Nothing must be minuted" in found[0].message


def test_urgent_item_is_a_lawful_route_naming_the_special_circumstances() -> None:
    """MTG-3, s.100B(4)(b): "by reason of special circumstances, which shall be specified in the minutes"."""
    found = check_agenda(D(2024, 2, 15), D(2024, 2, 13), urgent=True)
    assert [(f.severity.value, f.rule) for f in found] == [("note", "MTG-3")]
    assert "The minutes must specify those special circumstances" in found[0].message
    assert found[0].citation.confidence.value == "V"  # s.100B read on 1 December 2026


def test_late_papers_without_a_route_are_a_breach_and_on_time_papers_are_clean() -> None:
    assert [f.severity.value for f in check_agenda(D(2024, 2, 15), D(2024, 2, 13))] == ["breach"]
    assert check_agenda(D(2024, 2, 15), D(2024, 2, 7)).clean
    # Convened before the last day for publication is not short notice: still a breach.
    late = check_agenda(D(2024, 2, 15), D(2024, 2, 13), convened=D(2024, 2, 1))
    assert late[0].rule == "MTG-1"


def test_the_old_agenda_step_name_warns_and_gives_publish_by() -> None:
    with pytest.warns(
        DeprecationWarning,
        match=r"meetings\.agenda_step is deprecated.*use pccplan\.statute\.meetings\.publish_by",
    ):
        old = meetings.agenda_step  # type: ignore[attr-defined]
    assert old is publish_by


@pytest.mark.parametrize(
    ("old", "new"),
    [("agenda_step", "publish_by"), ("comments_step", "comments_by"), ("confirmation_step", "report_by")],
)
def test_the_package_keeps_each_old_step_name_as_a_deprecated_alias(old: str, new: str) -> None:
    with pytest.warns(
        DeprecationWarning, match=rf"pccplan\.statute\.{old} is deprecated.*use pccplan\.statute\.{new}"
    ):
        alias = getattr(statute, old)
    assert alias is getattr(statute, new)
    assert old not in statute.__all__
    with pytest.raises(AttributeError, match="no attribute 'nothing_step'"):
        statute.nothing_step  # type: ignore[attr-defined]  # noqa: B018


def test_welsh_clear_days_are_dated_three_from_1_may_2021() -> None:
    """s.100BA: in Wales "at least three clear days before the meeting", from 1 May 2021 (Sch.4 commenced)."""
    assert WELSH_CLEAR_DAYS.on(dt.date(2021, 4, 30)).value == 5
    after = WELSH_CLEAR_DAYS.on(dt.date(2021, 5, 1))
    assert (after.value, after.citation.confidence) == (3, Confidence.SECONDARY)
    before = publish_by(dt.date(2021, 3, 19), Nation.WALES)  # a Friday: five clear working days
    assert (before.date, before.rule) == (dt.date(2021, 3, 11), "MTG-2")
    assert publish_by(dt.date(2024, 5, 17), Nation.WALES).date == dt.date(2024, 5, 13)
