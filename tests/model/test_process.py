"""The record of what happened on the way to issuing a plan."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import ValidationError
from pccplan.model.process import PlanProcess


def test_all_steps_optional_and_dates_checked() -> None:
    empty = PlanProcess()
    assert empty.plan_issued is None
    assert empty.varies is False
    done = PlanProcess(draft_prepared=dt.date(2016, 10, 1), plan_issued=dt.date(2017, 3, 1))
    assert done.plan_issued == dt.date(2017, 3, 1)
    with pytest.raises(ValidationError) as caught:
        PlanProcess(panel_meeting="2017-02-01")  # type: ignore[arg-type]
    assert caught.value.path == "panel_meeting"
    with pytest.raises(ValidationError) as caught:
        PlanProcess(varies="yes")  # type: ignore[arg-type]
    assert caught.value.path == "varies"


def test_several_reviews_are_kept_in_date_order_and_the_last_meeting_is_the_panels_meeting() -> None:
    from pccplan.model.process import Review, ReviewKind

    process = PlanProcess(
        reviews=[
            Review(kind=ReviewKind.PANEL_MEETING, date=dt.date(2016, 11, 10), endorsed=True),
            Review(kind=ReviewKind.PANEL_MEETING, date=dt.date(2016, 7, 21)),
            Review(kind=ReviewKind.WORKING_GROUP, date=dt.date(2016, 9, 1), body="PCP working group"),
        ]
    )
    assert [r.date for r in process.reviews] == [
        dt.date(2016, 7, 21),
        dt.date(2016, 9, 1),
        dt.date(2016, 11, 10),
    ]
    assert [r.date for r in process.panel_meetings] == [dt.date(2016, 7, 21), dt.date(2016, 11, 10)]
    assert process.panel_meeting == dt.date(2016, 11, 10)
    assert process.panel_endorsed is True
    assert process.panel_report is None  # no report is invented from the meetings


def test_an_old_single_meeting_loads_as_one_panel_review() -> None:
    from pccplan.model.process import Review, ReviewKind

    process = PlanProcess(panel_meeting=dt.date(2021, 11, 15), panel_endorsed=False)
    assert process.reviews == (
        Review(kind=ReviewKind.PANEL_MEETING, date=dt.date(2021, 11, 15), endorsed=False),
    )
    # The same record built again (e.g. after a round trip) does not double the meeting.
    again = PlanProcess(panel_meeting=process.panel_meeting, reviews=process.reviews)
    assert again.reviews == process.reviews


def test_a_review_that_is_not_a_review_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        PlanProcess(reviews=["2016-07-21"])  # type: ignore[list-item]
    assert caught.value.path.startswith("reviews")
