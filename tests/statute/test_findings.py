"""Tests for findings: severity, sentence and rule, shown as text and in notebooks."""

from __future__ import annotations

from pccplan.statute.findings import Finding, Findings, Severity
from pccplan.statute.plan import PLAN_1


def test_findings_sort_out_breaches_and_say_where_they_come_from() -> None:
    breach = Finding(severity=Severity.BREACH, rule="PLAN-1", citation=PLAN_1.citation, message="Late.")
    note = Finding(severity=Severity.NOTE, rule="PLAN-1", citation=PLAN_1.citation, message="Soon.")
    found = Findings((breach, note))
    assert found.breaches == Findings((breach,))
    assert not found.clean
    assert Findings().clean
    assert (
        str(breach) == "breach: Late. (PLAN-1, Police Reform and Social Responsibility Act 2011, s.5(1)-(2))"
    )
