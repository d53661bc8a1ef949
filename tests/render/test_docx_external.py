"""Tests that open rendered documents in LibreOffice, pandoc and poppler, as CI does."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from pccplan.compose.build import (
    bullets,
    document,
    inline,
    numbered,
    ordered,
    para,
    ref,
    section,
    table,
    title_block,
)
from pccplan.compose.tree import Document
from pccplan.errors import MissingProgramError
from pccplan.number_formats import ListStyle
from pccplan.render import RenderOptions, save

pytestmark = pytest.mark.slow
ACT = "https://www.legislation.gov.uk/ukpga/2011/13"


def program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise MissingProgramError(f"{name} is not installed; these tests need it (CI installs it)")
    return found


def report() -> Document:
    return document(
        title_block("Police and Crime Plan for Cambridgeshire and Peterborough", "Police and Crime Panel"),
        section("Purpose", numbered("The purpose of this report is to present the Plan."), numbered=True),
        section(
            "Background",
            numbered(*inline(f"Under the [2011 Act]({ACT}) a Plan^[The SPR.]:")),
            bullets("objectives;", "grants."),
            numbered=True,
        ),
        section("Finance", table(header=["Line", "Amount"], rows=[["Policing", "£100"]]), numbered=True),
        section("Appendix A: the draft Plan", para("Attached."), new_page=True),
        title="Police and Crime Plan: report to the Panel",
        author="Office of the Police and Crime Commissioner",
        date=dt.date(2017, 2, 8),
    )


def to_pdf(source: Path) -> None:
    folder = source.parent
    run(
        program("soffice"),
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(source),
        cwd=folder,
    )


def run(*args: str, cwd: Path) -> str:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=True, timeout=180).stdout


def test_libreoffice_lays_it_out_with_numbers_notes_and_page_fields(tmp_path: Path) -> None:
    source = save(report(), tmp_path / "report.docx")
    to_pdf(source)
    text = run(program("pdftotext"), "-layout", "report.pdf", "-", cwd=tmp_path)
    assert "PURPOSE" in text  # Heading 1 is set in capitals
    assert "1.1" in text
    assert "2.1" in text
    assert "The SPR." in text
    assert "Page 1 of 2" in text
    assert "Page 2 of 2" in text


def test_pandoc_reads_the_structure(tmp_path: Path) -> None:
    source = save(report(), tmp_path / "report.docx")
    plain = run(program("pandoc"), str(source), "-t", "plain", cwd=tmp_path)
    assert "Purpose" in plain
    assert "[1]" in plain
    assert "The SPR." in plain
    native = run(program("pandoc"), str(source), "-t", "native", cwd=tmp_path)
    assert "Link" in native
    assert "legislation.gov.uk" in native
    assert "Note" in native
    assert "BulletList" in native
    assert "Table" in native


def test_a_template_document_is_readable_by_libreoffice(tmp_path: Path) -> None:
    template = save(report(), tmp_path / "template.docx")
    source = save(report(), tmp_path / "again.docx", options=RenderOptions(template=template, public=False))
    to_pdf(source)
    assert (tmp_path / "again.pdf").stat().st_size > 1000


def test_markdown_reads_in_pandoc_with_footnotes(tmp_path: Path) -> None:
    save(report(), tmp_path / "report.md")
    html = run(program("pandoc"), "report.md", "-f", "markdown", "-t", "html", cwd=tmp_path)
    assert 'href="https://www.legislation.gov.uk/ukpga/2011/13"' in html
    assert "footnote" in html
    assert "<table>" in html


def test_libreoffice_shows_list_formats_restarts_and_cross_references(tmp_path: Path) -> None:
    doc = document(
        section("Purpose", numbered("The budget.", label="budget"), numbered=True),
        section(
            "Recommendations",
            numbered("The Panel is asked to:"),
            ordered(
                "note;",
                ["comment on:", ordered("victims", "partners", style=ListStyle("(i)"))],
                style=ListStyle("(a)"),
            ),
            numbered("And:"),
            ordered("publish.", style=ListStyle("(a)"), continues=True),
            ordered("Option C", style=ListStyle("A."), start=3),
            numbered("See paragraph ", ref("budget"), " and ", ref("draft"), "."),
            numbered=True,
        ),
        section("Appendix A: the draft Plan", para("Attached."), new_page=True, label="draft"),
        title="Lists",
        author="Office",
    )
    to_pdf(save(doc, tmp_path / "lists.docx"))
    lines = [
        line.strip()
        for line in run(program("pdftotext"), "-layout", "lists.pdf", "-", cwd=tmp_path).splitlines()
    ]
    for shown in (
        "(a) note;",
        "(b) comment on:",
        "(i) victims",
        "(ii) partners",
        "(c) publish.",
        "C. Option C",
    ):
        assert shown in lines
    assert "2.3     See paragraph 1.1 and Appendix A: the draft Plan." in lines
