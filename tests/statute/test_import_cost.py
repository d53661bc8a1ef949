"""The cost test: importing pccplan (and its statute engine and CLI) does not import holidays or docx."""

from __future__ import annotations

import subprocess
import sys

import pytest


def imported_modules(statement: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement], capture_output=True, text=True, check=True
    )
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}


@pytest.mark.parametrize("statement", ["import pccplan", "import pccplan.statute", "import pccplan.cli"])
def test_import_does_not_load_holidays_or_docx(statement: str) -> None:
    modules = imported_modules(statement)
    assert "pccplan" in modules
    assert not {m for m in modules if m.split(".")[0] in {"holidays", "docx"}}
