"""Tests for dated values: the law on a day, as known on a day."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import StatuteError
from pccplan.statute.dated import Dated, DatedValue, LawStatus
from pccplan.statute.registry import cite

D = dt.date


def _value() -> DatedValue[str]:
    return DatedValue(
        name="s.7(1)",
        entries=(
            Dated(
                effective_from=D(2011, 9, 15),
                value="as enacted",
                citation=cite("PLAN-10"),
                known_on=D(2011, 9, 15),
            ),
            Dated(
                effective_from=D(2014, 10, 20),
                value="current",
                citation=cite("PLAN-10"),
                known_on=D(2014, 3, 13),
            ),
            Dated(
                effective_from=D(2028, 5, 4),
                value="abolished",
                citation=cite("GOV-1"),
                known_on=D(2025, 11, 13),
                status=LawStatus.ANNOUNCED,
            ),
        ),
    )


def test_on_gives_the_entry_in_force_and_ignores_announced_ones() -> None:
    value = _value()
    assert value.on(D(2013, 1, 1)).value == "as enacted"
    assert value.on(D(2030, 1, 1)).value == "current"
    announced = value.announced_on(D(2030, 1, 1))
    assert announced is not None
    assert announced.value == "abolished"


def test_known_on_hides_what_was_not_yet_known() -> None:
    assert _value().known_on(D(2013, 1, 1)).on(D(2015, 1, 1)).value == "as enacted"
    assert _value().known_on(D(2025, 1, 1)).announced_on(D(2030, 1, 1)) is None


def test_a_future_act_is_one_new_entry() -> None:
    act = Dated(
        effective_from=D(2028, 5, 4), value="abolished by Act", citation=cite("GOV-1"), known_on=D(2027, 1, 1)
    )
    assert _value().with_entry(act).on(D(2029, 1, 1)).value == "abolished by Act"


def test_errors_name_the_value_and_day() -> None:
    with pytest.raises(StatuteError, match=r"s\.7\(1\): no entry in force on 2000-01-01"):
        _value().on(D(2000, 1, 1))
    with pytest.raises(StatuteError, match="ends 2000-01-01 before it starts"):
        Dated(
            effective_from=D(2001, 1, 1),
            effective_to=D(2000, 1, 1),
            value=1,
            citation=cite("GOV-1"),
            known_on=D(2000, 1, 1),
        )
