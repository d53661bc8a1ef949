"""``python -m pccplan`` runs the same command line as the ``pccplan`` script."""

from __future__ import annotations

import runpy
import subprocess
import sys

import pytest


def test_python_dash_m_runs_the_command_line() -> None:
    # A real child process: `-m` resolution is what users run and what broke (no __main__.py).
    done = subprocess.run(
        [sys.executable, "-m", "pccplan", "dates", "precept", "--year", "2025", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"precept_year"' in done.stdout


def test_exit_status_is_mains(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["pccplan", "timeline"])  # --poll is required: status 2
    with pytest.raises(SystemExit) as done:
        runpy.run_module("pccplan", run_name="__main__", alter_sys=True)
    assert done.value.code == 2
    assert "--poll" in capsys.readouterr().err
