"""Tests for the announced 2028 change (GOV-1): marked under current law, applied on request."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import StatuteError
from pccplan.statute.announced import PCC_CHANGES, Law, applied_change, law_of, pending_change
from pccplan.statute.dated import Dated, LawStatus
from pccplan.statute.registry import cite
from pccplan.statute.terms import term_for

D = dt.date


def test_current_law_applies_nothing_but_warns() -> None:
    assert applied_change() is None
    pending = pending_change()
    assert pending is not None
    assert pending.status is LawStatus.ANNOUNCED
    assert pending.known_on == D(2025, 11, 13)  # the announcement, not the White Paper that repeated it
    assert pending_change(known_on=D(2025, 1, 1)) is None  # not yet announced then


def test_announced_scenario_applies_the_announcement() -> None:
    applied = applied_change("announced")
    assert applied is not None
    assert applied.value.cancelled_poll == D(2028, 5, 4)
    assert applied.value.terms_end == D(2028, 5, 10)
    assert pending_change(Law.ANNOUNCED) is None


def test_an_act_is_one_new_entry_and_then_current_law_has_no_2028_poll() -> None:
    act = Dated(
        effective_from=D(2028, 5, 4),
        value=PCC_CHANGES.entries[0].value,
        citation=cite("GOV-1"),
        known_on=D(2027, 3, 1),
        status=LawStatus.IN_FORCE,
    )
    changes = PCC_CHANGES.with_entry(act)
    assert applied_change(changes=changes) is act
    term = term_for(D(2024, 5, 2), changes=changes)
    assert term.steps[-2].rule == "GOV-1"
    assert term.status is LawStatus.IN_FORCE
    assert not term.warnings


def test_law_names_are_checked() -> None:
    assert law_of("announced") is Law.ANNOUNCED
    with pytest.raises(StatuteError, match="'sometime'"):
        law_of("sometime")
