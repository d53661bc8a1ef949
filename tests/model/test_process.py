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
