"""The decision notice record."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import ValidationError
from pccplan.model.decision import DecisionKind, DecisionNotice
from pccplan.model.document import Exemption
from pccplan.model.plan import Commissioner


def test_decision_notice_defaults_to_issuing_a_plan() -> None:
    notice = DecisionNotice(
        decision="To issue the Police and Crime Plan",
        date=dt.date(2021, 11, 30),
        made_by=Commissioner(name="Darryl Preston"),
        summary=["The Commissioner has undertaken significant engagement."],
        exempt=Exemption(paragraph=3),  # type: ignore[arg-type]
    )
    assert notice.decision_kind is DecisionKind.ISSUE_PLAN
    assert notice.summary[0].text.startswith("The Commissioner")
    assert notice.title is None


def test_decision_notice_refuses_bad_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        DecisionNotice(decision="x", date="2021-11-30", made_by=Commissioner(name="a"))  # type: ignore[arg-type]
    assert caught.value.path == "date"
    with pytest.raises(ValidationError) as caught:
        DecisionNotice(
            decision="x", date=dt.date(2021, 1, 1), made_by=Commissioner(name="a"), decision_kind="issue-plan"
        )  # type: ignore[arg-type]
    assert caught.value.path == "decision_kind"
