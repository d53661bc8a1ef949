"""The benchmark scripts still run (one round; speed itself is measured by running them, not here)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_panel_report_benchmark_runs_and_reports_ratios() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "panel_report.py"), "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "pccplan vs hand python-docx:" in result.stdout
    assert "pccplan growth for 4x the content:" in result.stdout
