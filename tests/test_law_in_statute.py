"""Every legal rule lives in statute/: compose/ and model/ restate no legal sentence and do no date sums.

A composer asks `pccplan.statute` for the law's words (a Schedule 12A citation, the s.7(1)
sentences, the section a plan is issued under) and for its dates; the model holds facts only.
The checks read each module's code, leaving out docstrings, so prose about the law is fine.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from tests.conftest import ROOT

SRC = ROOT / "src" / "pccplan"
CHECKED = sorted(p for part in ("compose", "model") for p in (SRC / part).rglob("*.py"))

RESTATED = {
    "a Schedule 12A citation (use statute.exempt.cited)": re.compile(r"of Schedule 12A to|Sch\.12A"),
    "the Act of Schedule 12A": re.compile(r"Local Government Act 1972"),
    "a legislation address built by hand (use a Citation's url)": re.compile(r"/(section|schedule)/\d"),
    "an s.7(1) sentence (use statute.process)": re.compile(r"s\.7\(1\)\(\w+\) names|does not set out s\.7"),
    "response completeness (use statute.process.unanswered)": re.compile(r"is not answered"),
    "the PLAN-1 duty (use statute.plan.plan_duty_wording)": re.compile(
        r"as soon as practicable|financial year in which"
    ),
    "the PLAN-2 power (use statute.plan.plan_power_wording)": re.compile(r"\bat any time\b"),
    "the Strategic Policing Requirement note (use statute.plan.spr_note)": re.compile(
        r"Strategic Policing Requirement \(SPR\)|national threats"
    ),
    "the PLAN-4 duty on the Panel's report (use statute.process.response_duty)": re.compile(
        r"regard to (any|this|that) report|a response to (it|them|any such)\b"
        r"|publish (that|any such) response"
    ),
    "the s.5(6)(f) publication duty (use statute.process.publication_duty)": re.compile(
        r"\(6\)\(f\) of the Act"
    ),
}
"""What a composer or the model must not spell out itself, each with where the law's version lives."""

ALLOWED = {
    ("model/document.py", "the Act of Schedule 12A"): "Exemption.label, deprecated for one release",
    ("model/document.py", "a Schedule 12A citation (use statute.exempt.cited)"): "the same deprecated label",
    ("model/panel.py", "response completeness (use statute.process.unanswered)"): (
        "Response refuses an incomplete answer when built, before the statute can be asked; "
        "the composers ask statute.process.unanswered again"
    ),
}
"""Known exceptions, each with its reason: the model may not import the statute."""

DATE_SUMS = ("timedelta", "relativedelta")


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of every docstring and attribute docstring: bare string statements."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def _literals(module: Path) -> list[tuple[int, str]]:
    """The string literals of `module`'s code (f-string parts included), docstrings left out."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def restatements(module: Path) -> list[str]:
    """What `module` restates of the law, one line each ('12: a Schedule 12A citation ...')."""
    relative = module.relative_to(SRC).as_posix()
    found = []
    for line, text in _literals(module):
        for what, pattern in RESTATED.items():
            if pattern.search(text) and (relative, what) not in ALLOWED:
                found.append(f"{line}: {what}: {text[:70]!r}")
    return found


@pytest.mark.parametrize("module", CHECKED, ids=lambda p: str(p.relative_to(SRC)))
def test_no_legal_sentence_is_restated_outside_statute(module: Path) -> None:
    assert restatements(module) == []


@pytest.mark.parametrize("module", CHECKED, ids=lambda p: str(p.relative_to(SRC)))
def test_no_date_sums_outside_statute(module: Path) -> None:
    """A deadline is a rule: compose/ and model/ never add days to a date."""
    names = {
        node.attr if isinstance(node, ast.Attribute) else node.id
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute | ast.Name)
    }
    assert not names & set(DATE_SUMS)


def test_the_check_finds_a_restated_sentence_and_skips_docstrings(tmp_path: Path) -> None:
    compose = tmp_path / "compose"
    compose.mkdir()
    module = compose / "m.py"
    module.write_text(
        '"""Cites paragraph 3 of Schedule 12A to the Act."""\n'
        'def f(n):\n    """Of Schedule 12A to the Act."""\n'
        '    return f"paragraph {n} of Schedule 12A to the Act"\n'
        'URL = "https://www.legislation.gov.uk/ukpga/2011/13/section/6"\n',
        encoding="utf-8",
    )
    found = sorted(line.split(":")[0] for line in _found_in(module))
    assert found == ["4", "5"]


def test_the_check_finds_the_plan_duty_power_and_spr_wordings(tmp_path: Path) -> None:
    """PLAN-1 s.5(1) "as soon as practicable", PLAN-2 s.5(3)-(4) "at any time", PLAN-3 s.5(5): said once."""
    module = tmp_path / "m.py"
    module.write_text(
        'A = f"{who} must issue a plan as soon as practicable after taking office"\n'
        'B = "The Commissioner may vary the Plan at any time."\n'
        'C = "The Strategic Policing Requirement (SPR) sets out the national threats"\n'
        'D = "Dates are inclusive."\n',
        encoding="utf-8",
    )
    assert sorted(line.split(":")[0] for line in _found_in(module)) == ["1", "2", "3"]


def test_the_check_finds_the_response_duty_wording(tmp_path: Path) -> None:
    """PLAN-4, s.5(6)(d)-(f) (have regard to the report, respond, publish the response): said once."""
    module = tmp_path / "m.py"
    module.write_text(
        'A = f"{who} must have regard to this report, give {panel} a response to it"\n'
        'B = f"give the {term} a response to them, and publish that response."\n'
        'C = "publish any such response."\n'
        'D = f"{who} sent a response to the {panel} on {day}"\n',
        encoding="utf-8",
    )
    assert sorted(line.split(":")[0] for line in _found_in(module)) == ["1", "1", "2", "3"]


def _found_in(module: Path) -> list[str]:
    out = []
    for line, text in _literals(module):
        out += [f"{line}: {what}" for what, pattern in RESTATED.items() if pattern.search(text)]
    return out


def test_every_exception_still_applies() -> None:
    """An exception whose restatement has gone is removed, so the list never hides a new one."""
    for relative, what in ALLOWED:
        module = SRC / relative
        assert any(RESTATED[what].search(text) for _, text in _literals(module)), (relative, what)
