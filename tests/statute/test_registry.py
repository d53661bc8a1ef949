"""Code-health tests for the rule registry, and the generated docs/statute.md page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pccplan.model.sources import Confidence
from pccplan.statute.registry import RULES, cite, reference_markdown, rule

ROOT = Path(__file__).resolve().parents[2]
FACT_SHEET = Path("/work/shared/statute.md")
FACT_SHEET_IDS = {
    "TERM-1", "TERM-2", "TERM-3", "TERM-4", "ACC-1", "BUS-1", "ACT-1",
    "PLAN-1", "PLAN-2", "PLAN-3", "PLAN-4", "PLAN-5", "PLAN-6", "PLAN-7", "PLAN-8", "PLAN-9", "PLAN-10",
    "PLAN-11", "PFCC-1", "PANEL-1", "PANEL-2", "PANEL-3", "AR-1",
    "PREC-1", "PREC-2", "PREC-3", "PREC-4", "PREC-5", "CC-1", "CC-2", "CC-3",
    "MTG-1", "MTG-2", "INFO-1", "HMI-1",
}  # fmt: skip


def test_every_fact_sheet_rule_is_registered() -> None:
    assert {r.id for r in RULES} >= FACT_SHEET_IDS


@pytest.mark.skipif(not FACT_SHEET.exists(), reason="the shared fact sheet is not on this machine")
def test_the_list_above_matches_the_fact_sheet() -> None:
    found = set(re.findall(r"\b([A-Z]{2,5}-\d+)\b", FACT_SHEET.read_text(encoding="utf-8")))
    assert found == FACT_SHEET_IDS


def test_ids_are_unique() -> None:
    assert len({r.id for r in RULES}) == len(RULES)


@pytest.mark.parametrize("entry", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_a_citation_and_a_sentence(entry: object) -> None:
    r = rule(entry.id)  # type: ignore[attr-defined]
    assert r.citation.instrument
    assert r.citation.url.startswith("https://www.legislation.gov.uk/")
    assert r.says.endswith(".")
    assert r.title


@pytest.mark.parametrize("entry", [r for r in RULES if r.function], ids=[r.id for r in RULES if r.function])
def test_every_rule_function_exists_and_cites_its_provision(entry: object) -> None:
    r = rule(entry.id)  # type: ignore[attr-defined]
    function = r.resolve()
    assert callable(function)
    assert function.__doc__


def test_unverified_rules_say_how_to_override_them() -> None:
    unverified = [
        r for r in RULES if r.confidence is Confidence.UNVERIFIED or "U)" in (r.citation.note or "")
    ]
    assert unverified
    for r in unverified:
        assert r.override or "(U)" in (r.citation.note or "") or "U:" in (r.citation.note or ""), r.id


def test_rule_lookup() -> None:
    assert rule("plan-1").id == "PLAN-1"
    assert cite("PLAN-9A").unverified
    assert rule("TERM-2").resolve() is not None
    assert rule("ACT-1").resolve() is None
    with pytest.raises(KeyError, match="no rule 'PLAN-99'"):
        rule("PLAN-99")


def test_docs_statute_md_matches_the_registry() -> None:
    page = ROOT / "docs" / "statute.md"
    assert page.read_text(encoding="utf-8") == reference_markdown(), (
        "docs/statute.md is out of date: regenerate it with "
        "python -c 'from pccplan.statute.registry import reference_markdown as r; "
        'open("docs/statute.md", "w").write(r())\''
    )


def test_reference_page_lists_every_rule_with_its_confidence() -> None:
    page = reference_markdown()
    for r in RULES:
        assert f"| {r.id} " in page
    assert "| U |" in page
