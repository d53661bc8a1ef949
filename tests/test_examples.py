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
