"""The two-column response: groups of comments and replies, verdicts only where given."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import ValidationError
from pccplan.files import dumps, loads
from pccplan.model.comments import CommentGroup, CommentReply, ResponseTable
from pccplan.model.panel import Answer
from pccplan.model.plan import Commissioner

MEETING = dt.date(2013, 3, 13)


def row(n: int, answer: Answer | None = None) -> CommentReply:
    return CommentReply(comment=f"Comment {n}.", reply=f"Reply {n}.", answer=answer)


def table(**changes: object) -> ResponseTable:
    fields: dict[str, object] = {
        "commissioner": Commissioner(name="A Commissioner"),
        "panel": "West Mercia Police and Crime Panel",
        "meeting": MEETING,
        "plan_title": "Police and Crime Plan",
        "given": MEETING,
        "groups": [CommentGroup(heading="Objectives", rows=[row(1), row(2)]), CommentGroup(rows=[row(3)])],
    }
    fields.update(changes)
    return ResponseTable(**fields)  # type: ignore[arg-type]


def test_rows_run_in_order_across_groups() -> None:
    assert [r.comment for r in table().rows] == ["Comment 1.", "Comment 2.", "Comment 3."]


def test_a_reply_has_no_verdict_unless_one_is_given() -> None:
    assert row(1).answer is None
    assert row(1, Answer.ACCEPTED).answer is Answer.ACCEPTED


def test_a_group_holds_at_least_one_comment() -> None:
    with pytest.raises(ValidationError, match=r"CommentGroup.rows: a group needs at least one comment"):
        CommentGroup(heading="Empty", rows=[])


def test_a_response_holds_at_least_one_group() -> None:
    with pytest.raises(ValidationError, match=r"ResponseTable.groups: needs at least one group"):
        table(groups=[])


def test_dates_run_meeting_then_given_then_published() -> None:
    with pytest.raises(ValidationError, match=r"given: is before the Panel's meeting \(2013-03-13\)"):
        table(given=dt.date(2013, 3, 12))
    with pytest.raises(ValidationError, match="published: is before the response was given"):
        table(given=dt.date(2013, 3, 20), published=dt.date(2013, 3, 19))


def test_a_verdict_in_a_file_lists_the_values_allowed() -> None:
    original = table()
    assert loads(dumps(original)) == original
    bad = dumps(original).replace("reply: Reply 1.", "reply: Reply 1.\n    answer: agreed")
    with pytest.raises(Exception, match=r"groups\[0\]\.rows\[0\]\.answer: expected one of 'accepted'"):
        loads(bad)
