"""Tests for declaring rules beside their functions (`Rule`, `applies`)."""

from __future__ import annotations

from pccplan.statute.declare import Rule, applied_by, applies
from pccplan.statute.plan import PLAN_1, PLAN_9, PLAN_9A, plan_by, planning_period
from pccplan.statute.registry import rule


def test_a_function_carries_the_rules_it_applies() -> None:
    assert applied_by(plan_by) == (PLAN_1,)
    assert set(applied_by(planning_period)) == {PLAN_9, PLAN_9A}
    assert applied_by(len) == ()


def test_marks_stack_and_leave_the_function_unchanged() -> None:
    first = Rule(id="X-1", title="x", says="x.", citation=PLAN_1.citation)
    second = Rule(id="X-2", title="y", says="y.", citation=PLAN_1.citation)

    @applies(first)
    @applies(second)
    def double(n: int) -> int:
        return 2 * n

    assert double(2) == 4
    assert [r.id for r in applied_by(double)] == ["X-2", "X-1"]


def test_the_registry_fills_in_the_function_from_the_marks() -> None:
    assert rule("PLAN-1").function is plan_by
    assert rule("PLAN-1").resolve() is plan_by
    assert rule("PLAN-3").function is None  # a duty to have regard: nothing to compute
