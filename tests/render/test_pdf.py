"""Tests for the PDF renderer: a tagged PDF with the title and language, through LibreOffice."""

from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path

import pytest
from tests.conftest import require_program

import pccplan
from pccplan.compose import document, numbered, para, section
from pccplan.errors import MissingProgramError, RenderError
from pccplan.render import render, save
from pccplan.render.pdf import convert, find_libreoffice


def pdfinfo(path: Path) -> dict[str, str]:
    output = subprocess.run(
        [require_program("pdfinfo"), str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return {
        key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())
    }


@pytest.mark.slow
def test_the_example_report_is_a_tagged_pdf_with_its_title_and_language(tmp_path: Path) -> None:
    require_program("soffice")
    report = pccplan.example_panel_report()
    path = save(report, tmp_path / "report.pdf")
    info = pdfinfo(path)
    assert info["Tagged"] == "yes"
    assert info["Title"] == report.meta.title
    assert info["Author"] == report.meta.author
    assert int(info["Pages"]) >= 2
    assert b"/Lang(en-GB)" in path.read_bytes()
    text = subprocess.run(
        [require_program("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "PURPOSE" in text  # Heading 1, set in capitals


@pytest.mark.slow
def test_a_welsh_document_carries_its_language(tmp_path: Path) -> None:
    require_program("soffice")
    doc = document(
        section("Cefndir", numbered("Mae'r Comisiynydd yn cyhoeddi cynllun."), numbered=True),
        title="Cynllun Heddlu a Throseddu",
        author="Swyddfa'r Comisiynydd",
        language="cy-GB",
    )
    data = render(doc, "pdf")
    assert isinstance(data, bytes)
    assert data.startswith(b"%PDF")
    assert b"/Lang(cy-GB)" in data
    path = tmp_path / "cynllun.pdf"
    path.write_bytes(data)
    assert pdfinfo(path)["Title"] == "Cynllun Heddlu a Throseddu"


def fake_program(folder: Path, script: str) -> None:
    """A stand-in 'soffice' on an otherwise empty PATH."""
    program = folder / "soffice"
    program.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)


def test_without_libreoffice_the_error_names_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingProgramError, match=r"LibreOffice \(the 'soffice' command\) is not installed"):
        find_libreoffice()
    with pytest.raises(MissingProgramError, match="needed to write PDF"):
        save(document(para("x"), title="T", author="A"), tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_a_failed_conversion_says_what_libreoffice_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_program(tmp_path, 'echo "Error: source file could not be loaded" >&2\nexit 1\n')
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + "/bin")
    with pytest.raises(RenderError, match=r"exit status 1\): Error: source file could not be loaded"):
        convert(b"PK")


def test_a_conversion_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_program(tmp_path, "sleep 30\n")
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + "/bin")
    with pytest.raises(RenderError, match=re.escape("took longer than 0.5 seconds")):
        convert(b"PK", timeout=0.5)
