"""Tests for the renderer table: `render` by format name, `save` by suffix, atomically."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.render.docx.test_writer import report

from pccplan.errors import RenderError
from pccplan.render import FORMATS, RenderOptions, render, render_document, save
from pccplan.render.docx.writer import render as render_docx


def test_every_format_is_in_the_table() -> None:
    assert set(FORMATS) == {"docx", "markdown", "html", "pdf"}


def test_an_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(RenderError, match="known: docx, html, markdown, pdf"):
        render(report(), "odt")


def test_render_document_takes_the_format_and_options_by_keyword() -> None:
    assert render_document(report(), format="markdown") == render(report(), "markdown")
    with pytest.raises(TypeError):
        render_document(report(), "markdown")  # type: ignore[misc]


# ---------------------------------------------------------------- saving


def test_save_writes_the_file_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    assert save(report(), target) == target
    assert target.read_bytes() == render_docx(report())
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]


def test_a_failing_render_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    with pytest.raises(RenderError, match=r"missing\.docx"):
        save(report(), target, options=RenderOptions(template=tmp_path / "missing.docx"))
    assert list(tmp_path.iterdir()) == []


def test_the_former_positional_save_still_works_and_warns(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    with pytest.warns(DeprecationWarning, match="by keyword"):
        save(report(), target, RenderOptions(), "markdown")
    assert target.read_text(encoding="utf-8") == render(report(), "markdown")


def test_the_former_positional_save_refuses_a_wrong_type(tmp_path: Path) -> None:
    with (
        pytest.warns(DeprecationWarning, match="by keyword"),
        pytest.raises(TypeError, match="RenderOptions"),
    ):
        save(report(), tmp_path / "report.md", "markdown")


def test_an_unwritable_folder_is_named_in_the_error(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "report.docx"
    with pytest.raises(RenderError, match="no such folder"):
        save(report(), target)


def test_an_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="suffix"):
        save(report(), tmp_path / "report.odt")


def test_importing_pccplan_does_not_import_python_docx() -> None:
    code = "import sys, pccplan, pccplan.compose, pccplan.render; print('docx' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
