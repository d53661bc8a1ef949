"""The benchmark scripts still run and print ratios (one round: speed is measured by running them)."""

from __future__ import annotations

import shutil
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
    out = result.stdout
    assert "paragraphs 1x: 34, 4x: " in out
    for size in ("1x", "4x", "16x"):
        assert f"\n{size} " in out  # a row of ratios for each size
    assert "pccplan time for more content, relative to its 1x: 4x: " in out
    if shutil.which("pandoc"):  # the whole-process comparison, as ratios to pandoc
        for command in ("example", "render", "timeline", "--help"):
            assert f"  pccplan {command} " in out
    assert " ms" not in out  # ratios, not seconds
    assert "seconds" not in out
