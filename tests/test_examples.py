"""Every script in examples/ runs as written and writes a document; seed 000 reads like the seed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tests.conftest import ROOT, require_program, require_shared

SCRIPTS = sorted((ROOT / "examples").glob("*.py"))


def run_example(script: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(script), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=out.parent,
        check=False,
    )


def test_there_are_examples() -> None:
    assert any(s.name == "cambridgeshire_2016_panel_report.py" for s in SCRIPTS)


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_example_runs_as_written(script: Path, tmp_path: Path) -> None:
    out = tmp_path / f"{script.stem}.docx"
    result = run_example(script, out)
    assert result.returncode == 0, result.stderr
    assert out.exists()
    with zipfile.ZipFile(out) as package:
        assert "word/document.xml" in package.namelist()
    assert f"wrote {out}" in result.stdout


def test_example_without_arguments_writes_in_the_current_folder(tmp_path: Path) -> None:
    script = ROOT / "examples" / "cambridgeshire_2016_panel_report.py"
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cambridgeshire-2016-panel-report.docx").exists()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("script", "seed", "bar"),
    [
        ("cambridgeshire_2016_panel_report.py", "000_6d58bca16c826c46.txt", 0.92),
        ("cambridgeshire_2021_decision_notice.py", "001_34ca112998cf9701.txt", 0.85),
    ],
    ids=["seed-000-panel-report", "seed-001-decision-notice"],
)
def test_seed_similarity(script: str, seed: str, bar: float, tmp_path: Path) -> None:
    require_program("soffice")
    require_program("pdftotext")
    tool = require_shared("tools/seed_similarity.py")
    reference = require_shared(f"seeds/{seed}")
    out = tmp_path / "document.docx"
    assert run_example(ROOT / "examples" / script, out).returncode == 0
    result = subprocess.run(
        [sys.executable, str(tool), str(out), str(reference)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        check=True,
    )
    assert float(result.stdout.strip().splitlines()[-1]) >= bar


def test_built_in_example_objects() -> None:
    from pccplan.examples import example_panel_report, example_plan, example_report_inputs

    plan = example_plan()
    assert plan.commissioner.elected is not None
    assert example_report_inputs().effective_from is not None
    assert example_panel_report().meta.author.startswith("Office of the Police and Crime Commissioner")


def test_starter_files_load_as_they_are_and_say_what_to_fill_in() -> None:
    from pccplan.examples import STARTERS, starter
    from pccplan.files import loads
    from pccplan.model.kinds import DOCUMENTS, FILE_KINDS
    from pccplan.model.panel import PanelReport
    from pccplan.model.plan import Plan

    assert isinstance(loads(starter("plan")), Plan)
    assert isinstance(loads(starter("panel-report")), PanelReport)
    assert "s.7(1)(b)" in starter("plan")
    assert list(STARTERS) == ["plan", *(d.name for d in DOCUMENTS if d.content is not None)]
    for kind in STARTERS:
        assert isinstance(loads(starter(kind)), FILE_KINDS[kind]), kind
        assert f"kind: {kind}\n" in starter(kind)
    with pytest.raises(ValueError, match="no starter file for 'budget'"):
        starter("budget")


# ------------------------------------------- examples from real documents (docs/dev/real-documents.md)

EXAMPLES = ROOT / "examples"


def headings(doc: object) -> list[str]:
    """The titles of the document's top-level sections, in order."""
    from pccplan.compose.tree import Document, Section

    assert isinstance(doc, Document)
    return [b.title for b in doc.blocks if isinstance(b, Section)]


def test_west_yorkshire_2022_is_a_mayors_plan_named_from_the_area_on_the_day() -> None:
    import datetime as dt

    import pccplan
    from pccplan.compose.walk import plain_text
    from pccplan.statute.process import check_plan

    plan = pccplan.load(EXAMPLES / "west-yorkshire-2022-plan.yaml", pccplan.Plan)
    assert (plan.commissioner.name, plan.commissioner.effective_title) == (
        "Tracy Brabin",
        "Mayor of West Yorkshire",
    )
    term = pccplan.term_for(plan.commissioner.elected, plan.area)  # type: ignore[arg-type]
    # The functions moved to the Mayor on 10 May 2021 (real-documents #23); the plan was due by the
    # end of that financial year and published on 10 March 2022, within it.
    assert (term.takes_office, term.plan_deadline) == (dt.date(2021, 5, 10), dt.date(2022, 3, 31))
    assert plan.issued == dt.date(2022, 3, 10)
    assert plan.area.governance_on(plan.issued).panel_name == "West Yorkshire Police and Crime Panel"
    assert [t.name for t in plan.themes] == [
        "Supporting victims and witnesses and improving outcomes",
        "Keeping people safe and building resilience",
        "Safer places and thriving communities",
        "Responding to multiple and complex needs",
    ]
    assert not [f for f in check_plan(plan) if f.severity.value == "breach"]
    doc = pccplan.plan_document(plan)
    text = plain_text(doc)
    assert "Mayor of West Yorkshire" in text
    assert "The Mayor\u2019s police and crime objectives" in text
    assert "Alison Lowe" in text  # the Deputy Mayor for Policing and Crime, in the foreword
    assert "The Plan is built around four priorities." in text  # the plan's own word
    assert "Three cross-cutting themes run through every priority:" in text
    assert plan.cross_cutting_themes == (
        "Safety of women and girls",
        "Diversity, equality and inclusion",
        "Early intervention and prevention",
    )
    assert "Commissioner" not in text  # a mayor's plan: no office of a commissioner is named
    assert headings(doc)[:3] == ["Foreword", "Plan on a Page", "Police and Crime Objectives"]
    assert headings(doc)[-1] == "Appendix: How this Plan Meets Section 7(1)"


def test_suffolk_2013_sets_out_its_crime_and_disorder_reduction_grants_under_section_9() -> None:
    import datetime as dt
    from decimal import Decimal

    import pccplan
    from pccplan.compose.walk import plain_text
    from pccplan.model.plan import GrantPower

    plan = pccplan.load(EXAMPLES / "suffolk-2013-plan.yaml", pccplan.Plan)
    assert (plan.commissioner.name, plan.commissioner.elected) == ("Tim Passmore", dt.date(2012, 11, 15))
    term = pccplan.term_for(plan.commissioner.elected, plan.area)  # type: ignore[arg-type]
    assert term.plan_deadline == dt.date(2013, 3, 31)
    assert [(g.recipient, g.amount) for g in plan.grants] == [
        ("Safer Suffolk Partnership Board", Decimal("44152.00")),
        ("The five Community Safety Partnerships of Suffolk", Decimal("176610.00")),
        ("Suffolk Drug and Alcohol Action Team", Decimal("194237.00")),
        ("Positive Futures", Decimal("85000.00")),
        ("Youth Offending Service", Decimal("100000.00")),
    ]
    assert {g.power for g in plan.grants} == {GrantPower.PRSRA_S9}
    # The source gives the fund as £600,000 (£572,000 + £28,000); its grants add up to £1 less.
    assert plan.grants_total == Decimal("599999.00") == Decimal("572000") + Decimal("28000") - 1
    doc = pccplan.plan_document(plan)
    text = plain_text(doc)
    assert "Police and Crime Commissioner for Suffolk" in text
    assert "under Police Reform and Social Responsibility Act 2011, s.9" in text
    assert "The crime and disorder reduction grants to be made under s.9" in text  # s.7(1)(f) as enacted
    assert "s.143" not in text  # no element (ea) and no 2014 Act grants in a 2013 plan
    assert "(the text in force on 28 March 2013)" in text
    assert "£599,999" in text  # whole pounds, the default money style
    assert "£599,999.00" not in text
    assert headings(doc).index("Grants") < headings(doc).index("Appendix: How this Plan Meets Section 7(1)")


def test_west_midlands_wmpcc_004_2014_varies_the_plan_under_section_5_4() -> None:
    import datetime as dt

    import pccplan
    from pccplan.compose.walk import plain_text

    plan = pccplan.load(EXAMPLES / "west-midlands-2014-plan.yaml", pccplan.Plan)
    notice = pccplan.load(EXAMPLES / "west-midlands-2014-wmpcc-004.yaml", pccplan.DecisionNotice)
    assert plan.process is not None
    assert plan.process.varies
    assert (notice.number, notice.title) == ("WMPCC 004 2014", "Variations to Police and Crime Plan")
    assert notice.decision_kind is pccplan.DecisionKind.VARY_PLAN
    assert (notice.made_by.name, notice.made_by.elected) == ("Bob Jones", dt.date(2012, 11, 15))
    doc = pccplan.decision_notice_document(notice, plan)
    text = plain_text(doc)
    assert doc.meta.title == "Variations to Police and Crime Plan"
    assert "may vary the Police and Crime Plan (the \u201cPlan\u201d) at any time" in text  # s.5(4)
    assert "statutory duty to issue" not in text  # a variation, not the s.5(1) duty
    assert "before varying the Plan the Commissioner must:" in text
    assert "prepare a draft of the variation;" in text
    assert "at its meeting on 10 March 2014" in text
    assert "The Panel produced a report on the draft variation" in text
    assert "Bob Jones, Police and Crime Commissioner" in text
    # Only what is recorded: no response is recorded (its day and page were not seen).
    assert "sent a response" not in text
    assert headings(doc) == [
        "Decision Summary",
        "Financial Implications",
        "Legal Implications",
        "Declarations of Interest",
    ]
