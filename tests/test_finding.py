"""The findings family: every kind of finding answers to the same names, and to_json starts with them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pccplan.a11y import A11yFinding, A11yFindings
from pccplan.errors import PlanFileError, Problem, ValidationError
from pccplan.finding import FindingLike, FindingsOf, Severity, common_json
from pccplan.read.result import ReadWarning
from pccplan.statute.findings import Finding, Findings
from pccplan.statute.plan import PLAN_1

COMMON = ["code", "severity", "message", "where"]

STATUTE = Finding(severity=Severity.BREACH, rule="PLAN-1", citation=PLAN_1.citation, message="Late.")
A11Y = A11yFinding(
    rule="link-text", criterion="2.4.4", where="paragraph 3", quote="here", problem="Vague.", fix="f"
)
READ = ReadWarning(where="table 2", message="A merged cell was split.", count=2)
PROBLEM = Problem(path="themes[0].aim", reason="must not be empty", value="")


@pytest.mark.parametrize("finding", [STATUTE, A11Y, READ, PROBLEM], ids=lambda f: type(f).__name__)
def test_every_kind_of_finding_answers_to_the_common_names(finding: FindingLike) -> None:
    assert isinstance(finding, FindingLike)
    data = finding.to_json()
    assert list(data)[:4] == COMMON
    assert {k: data[k] for k in COMMON} == common_json(finding)
    assert isinstance(data["severity"], str)


def test_each_kind_maps_its_own_fields_onto_the_common_names() -> None:
    assert (STATUTE.code, STATUTE.where, STATUTE.severity) == ("PLAN-1", "", Severity.BREACH)
    assert (A11Y.code, A11Y.message, A11Y.severity) == ("link-text", "Vague.", Severity.WARNING)
    assert (READ.code, READ.severity, READ.to_json()["count"]) == ("read", Severity.WARNING, 2)
    assert (PROBLEM.code, PROBLEM.message, PROBLEM.where) == ("invalid", "must not be empty", "themes[0].aim")
    assert PROBLEM.severity is Severity.ERROR


def test_a_problem_shows_its_value_as_the_message_does() -> None:
    assert (
        Problem(path="issued", reason="too early", value=dt.date(2021, 1, 1)).to_json()["value"]
        == "2021-01-01"
    )


def test_a_statute_finding_keeps_its_source_in_json() -> None:
    data = STATUTE.to_json()
    assert data["rule"] == "PLAN-1"
    assert data["url"] == PLAN_1.citation.url
    assert data["citation"] == PLAN_1.citation.text


def test_findings_answer_breaches_clean_ordered_and_to_json() -> None:
    note = Finding(severity=Severity.NOTE, rule="PLAN-1", citation=PLAN_1.citation, message="Soon.")
    found = Findings([note, STATUTE])
    assert found.breaches == (STATUTE,)
    assert isinstance(found.breaches, Findings)
    assert found.ordered() == (STATUTE, note)
    assert found.to_json() == [note.to_json(), STATUTE.to_json()]
    assert not found.clean
    assert Findings().clean


def test_a_refused_input_counts_among_the_breaches() -> None:
    assert FindingsOf([PROBLEM, READ]).breaches == (PROBLEM,)


def test_accessibility_findings_are_a_findings_collection() -> None:
    found = A11yFindings([A11Y])
    assert found.to_json() == [A11Y.to_json()]
    assert found.breaches == ()


def test_every_collection_of_findings_pccplan_returns_is_a_findings_of(tmp_path: Path) -> None:
    """Checks of the law, of accessibility, the reader's warnings and refused values alike."""
    from pccplan.a11y import check_accessibility
    from pccplan.examples import example_panel_report, example_plan
    from pccplan.read import read_docx
    from pccplan.render import save
    from pccplan.statute import check_plan, check_start_day
    from pccplan.statute.naming import check_naming

    plan = example_plan()
    path = save(example_panel_report(), tmp_path / "report.docx")
    errors = ValidationError.one("aim", "must not be empty", ""), PlanFileError("p.yaml", [PROBLEM])
    collections: list[object] = [
        check_plan(plan),
        check_naming(plan),
        check_start_day(dt.date(2017, 1, 1), dt.date(2017, 4, 2)),
        check_accessibility(path),
        read_docx(path).warnings,
        *(error.problems for error in errors),
    ]
    for found in collections:
        assert isinstance(found, FindingsOf), type(found)
