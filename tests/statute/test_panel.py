"""Tests for the Panel's review of a draft plan (PANEL-1 to PANEL-3) and the steps around it."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import StatuteError
from pccplan.model.area import BodyKind, Nation
from pccplan.statute.panel import (
    LON_2,
    LONDON_ASSEMBLY,
    PANEL,
    plan_review_steps,
    response_by,
    response_late,
    scrutiny_for,
)

D = dt.date


def test_response_due_is_an_input_period() -> None:
    step = response_by(D(2025, 1, 17), 14)
    assert (step.rule, step.date) == ("PANEL-3", D(2025, 1, 31))
    assert step.citation.url.endswith("section/29")
    with pytest.raises(StatuteError, match="PANEL-3"):
        response_by(D(2025, 1, 17), 0)


def test_review_steps_around_a_meeting() -> None:
    steps = plan_review_steps(D(2025, 1, 17), deadline=D(2025, 3, 31), response_days=14)
    assert [s.rule for s in steps] == ["PLAN-4", "MTG-1", "PANEL-1", "PANEL-2", "PANEL-3", "PLAN-4", "PLAN-8"]
    assert steps[0].date == steps[1].date == D(2025, 1, 9)
    assert steps[4].date == D(2025, 1, 31)


def test_review_steps_in_wales_use_mtg_2() -> None:
    steps = plan_review_steps(D(2025, 1, 17), nation=Nation.WALES)
    assert steps[1].rule == "MTG-2"
    assert len(steps) == 4


def test_meeting_after_the_deadline_refused() -> None:
    with pytest.raises(StatuteError, match="before the Panel meeting"):
        plan_review_steps(D(2025, 4, 17), deadline=D(2025, 3, 31))


def test_a_response_is_late_only_against_a_period_the_panel_set() -> None:
    """s.29(3): "within a reasonable period determined by the panel"; no period, never late."""
    assert response_late(dt.date(2022, 2, 2), dt.date(2022, 2, 1))
    assert not response_late(dt.date(2022, 2, 1), dt.date(2022, 2, 1))
    assert not response_late(dt.date(2030, 1, 1), None)


def test_london_the_assembly_reviews_the_draft_under_s33_and_the_plan_duty_is_s6() -> None:
    """s.33(1): "The London Assembly must (a) review the draft police and crime plan ... given to the
    Assembly by the Mayor's Office for Policing and Crime in accordance with section 6(6)(c)"."""
    steps = plan_review_steps(
        dt.date(2024, 10, 10), deadline=dt.date(2025, 3, 31), response_days=20, scrutiny=LONDON_ASSEMBLY
    )
    text = " ".join(s.title for s in steps)
    assert "Panel" not in text
    assert "London Assembly" in text
    assert "Commissioner of Police of the Metropolis" in text
    assert "chief constable" not in text
    review = next(s for s in steps if s.rule == "LON-2")
    assert review.citation.url.endswith("/section/33")
    assert {s.rule for s in steps} == {"PLAN-4", "LON-2", "PLAN-8"}  # no MTG-1 agenda, no PANEL-3
    assert all("/section/5" not in s.citation.url for s in steps)


def test_outside_london_the_panel_steps_are_unchanged() -> None:
    assert plan_review_steps(dt.date(2024, 10, 10)) == plan_review_steps(
        dt.date(2024, 10, 10), scrutiny=PANEL
    )


def test_mopacs_draft_goes_to_the_assembly_and_every_other_body_to_its_panel() -> None:
    assert scrutiny_for(BodyKind.MOPAC) is LONDON_ASSEMBLY
    for kind in (BodyKind.PCC, BodyKind.PFCC, BodyKind.MAYOR):  # a mayor's plan goes to its Panel (s.28(3))
        assert scrutiny_for(kind) is PANEL
    assert LONDON_ASSEMBLY.review_section == "33(1)"
    assert LONDON_ASSEMBLY.review is LON_2.citation
    assert LONDON_ASSEMBLY.plan_section == "section 6"
    assert LONDON_ASSEMBLY.response_period is None  # s.29(3) is a Panel's power
    assert PANEL.response_period is not None
    assert PANEL.response_period.url.endswith("/section/29")


def test_scrutiny_for_gives_the_plan_section_and_its_address() -> None:
    """MOPAC's plan is s.6 (LON-2), reviewed by the London Assembly; every other body's is s.5."""
    assert scrutiny_for(BodyKind.MOPAC) is LONDON_ASSEMBLY
    assert (LONDON_ASSEMBLY.section, LONDON_ASSEMBLY.plan.url.rsplit("/", 1)[-1]) == (6, "6")
    for kind in (BodyKind.PCC, BodyKind.PFCC, BodyKind.MAYOR):
        assert scrutiny_for(kind) is PANEL
    assert PANEL.plan.url.endswith("ukpga/2011/13/section/5")
