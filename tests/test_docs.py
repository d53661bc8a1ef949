"""The console examples in docs/ run as written: each command, its exit status and its output."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from tests.conftest import ROOT

from pccplan.cli import main

PAGES = sorted((ROOT / "docs").glob("*.md"))
BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def examples(page: Path) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each '$ ' line of the page's console blocks."""
    found: list[tuple[str, list[str]]] = []
    for block in BLOCK.findall(page.read_text(encoding="utf-8")):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found:
                found[-1][1].append(line)
    return found




def test_the_cli_page_has_examples() -> None:
    assert len(examples(ROOT / "docs" / "cli.md")) >= 6


@pytest.mark.parametrize("page", [p for p in PAGES if examples(p)], ids=lambda p: p.name)
def test_console_examples_run_as_written(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples", symlinks=False)
    monkeypatch.chdir(tmp_path)
    for command, expected in examples(page):
        words = shlex.split(command)
        assert words[0] == "pccplan", command
        status = main(words[1:])
        out, _ = capsys.readouterr()
        wanted_status = 0
        if expected and expected[0].startswith("[exit "):
            wanted_status = int(expected[0][6:-1])
            expected = expected[1:]
        assert status == wanted_status, command
        if expected and expected[0].startswith("[json] "):
            subset = json.loads(expected[0][7:])
            data = json.loads(out)
            assert {k: data[k] for k in subset} == subset, command
        elif expected:
            assert [line.rstrip() for line in out.splitlines()] == expected, command
