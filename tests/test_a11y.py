"""Tests for the accessibility checker: pccplan's documents pass, and each rule finds its own fault."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import ROOT
from tests.read.wordfiles import EDITS, add_hyperlink, python_docx_document, repack, tiny_png

import pccplan
from pccplan.a11y import RULES, A11yFinding, check_accessibility
from pccplan.compose import bullets, document, link, note, numbered, para, section, table, title_block
from pccplan.compose.tree import Document
from pccplan.errors import DocumentReadError
from pccplan.render import RenderOptions, render

SCRIPTS = sorted((ROOT / "examples").glob("*.py"))


def docx(doc: Document, *, public: bool = True) -> bytes:
    data = render(doc, "docx", RenderOptions(public=public))
    assert isinstance(data, bytes)
    return data


def rules(data: bytes) -> list[str]:
    return [finding.rule for finding in check_accessibility(data)]


# ---------------------------------------------------------------- pccplan's own documents


@pytest.fixture(scope="module")
def example_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every example script's document, written to a temporary folder."""
    folder = tmp_path_factory.mktemp("examples")
    written = {}
    for script in SCRIPTS:
        out = folder / f"{script.stem}.docx"
        subprocess.run(
            [sys.executable, str(script), str(out)], check=True, capture_output=True, cwd=folder, timeout=300
        )
        written[script.stem] = out
    return written


def test_there_are_example_documents(example_files: dict[str, Path]) -> None:
    assert "cambridgeshire_2016_panel_report" in example_files
    assert len(example_files) == len(SCRIPTS)


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_every_example_document_passes_with_no_finding(script: Path, example_files: dict[str, Path]) -> None:
    assert check_accessibility(example_files[script.stem]) == ()


@pytest.mark.parametrize("public", [True, False], ids=["public", "full"])
def test_the_built_in_report_passes_public_and_full(public: bool) -> None:
    assert check_accessibility(docx(pccplan.example_panel_report(), public=public)) == ()


def base() -> Document:
    """A clean report, with the things the rules look at done right."""
    return document(
        title_block("Police and Crime Plan", "Police and Crime Panel, 8 February 2017"),
        section(
            "Background",
            numbered("Read ", link("the Police and Crime Plan", "https://example.org/plan"), note("A note.")),
            bullets("objectives;", "grants."),
            table(header=["Line", "Amount"], rows=[["Policing", "£100"], ["Grants", "£5"]]),
            numbered("The Panel is asked to note the plan."),
            section("Detail", para("More detail.")),
            numbered=True,
        ),
        title="Police and Crime Plan: report to the Panel",
        author="Office of the Police and Crime Commissioner",
    )


def test_the_clean_report_passes() -> None:
    assert rules(docx(base())) == []


# ---------------------------------------------------------------- one faulty document per rule


def with_part(data: bytes, member: str, change: Callable[[str], str]) -> bytes:
    """`data` with one part's XML text changed."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == member:
                content = change(content.decode("utf-8")).encode("utf-8")
            target.writestr(info.filename, content)
    return out.getvalue()


def edited(change: Callable[[object], None]) -> bytes:
    """The clean report opened in python-docx, changed as a colleague would, and saved."""
    import docx as python_docx

    document_ = python_docx.Document(io.BytesIO(docx(base())))
    change(document_)
    out = io.BytesIO()
    document_.save(out)
    return out.getvalue()


def no_title() -> bytes:
    return with_part(docx(base()), "docProps/core.xml", lambda x: re.sub(r"<dc:title>.*?</dc:title>", "", x))


def no_language() -> bytes:
    data = with_part(
        docx(base()), "docProps/core.xml", lambda x: re.sub(r"<dc:language>.*?</dc:language>", "", x)
    )
    return with_part(data, "word/styles.xml", lambda x: re.sub(r"<w:lang [^>]*/>", "", x))


def french() -> bytes:
    doc = document(
        section(
            "Background",
            para(
                "The Commissioner must issue a plan for the area and have regard to the priorities of "
                "the responsible authorities, which must co-operate with the Commissioner."
            ),
        ),
        title="Plan",
        author="Office",
        language="fr-FR",
    )
    return docx(doc)


def not_a_language() -> bytes:
    return docx(document(para("Hello."), title="Plan", author="Office", language="English"))


def bold_line(document_: object) -> None:
    para_ = document_.add_paragraph()  # type: ignore[attr-defined]
    para_.add_run("Financial implications").bold = True
    document_.add_paragraph("There are none.")  # type: ignore[attr-defined]


def heading_3_under_heading_1(document_: object) -> None:
    document_.add_heading("Appendix", level=1)  # type: ignore[attr-defined]
    document_.add_heading("Detail", level=3)  # type: ignore[attr-defined]


def bare_url() -> bytes:
    url = "https://www.legislation.gov.uk/ukpga/2011/13"
    return docx(document(para("See ", link(url, url), "."), title="T", author="A"))


def click_here() -> bytes:
    return docx(
        document(
            para("For the plan, ", link("click here", "https://example.org/plan"), "."), title="T", author="A"
        )
    )


def headerless_table() -> bytes:
    return docx(document(table(rows=[["Policing", "£100"], ["Grants", "£5"]]), title="T", author="A"))


def layout_table() -> bytes:
    return docx(document(table(rows=[["Contact: Jane Smith", "01234 567890"]]), title="T", author="A"))


def picture(document_: object) -> None:
    document_.add_picture(io.BytesIO(tiny_png()))  # type: ignore[attr-defined]


def small_print(document_: object) -> None:
    from docx.shared import Pt

    document_.add_paragraph().add_run("Terms and conditions apply.").font.size = Pt(7)  # type: ignore[attr-defined]


def red_words(document_: object) -> None:
    from docx.shared import RGBColor

    para_ = document_.add_paragraph("The deadline is ")  # type: ignore[attr-defined]
    para_.add_run("31 March").font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    para_.add_run(" this year.")


def blank_lines() -> bytes:
    return docx(document(para("First."), para(), para(), para("Second."), title="T", author="A"))


FAULTS: dict[str, Callable[[], bytes]] = {
    "document-title": no_title,
    "document-language (none)": no_language,
    "document-language (wrong)": french,
    "document-language (not a code)": not_a_language,
    "fake-heading": lambda: edited(bold_line),
    "heading-levels": lambda: edited(heading_3_under_heading_1),
    "link-text (address)": bare_url,
    "link-text (click here)": click_here,
    "table-header": headerless_table,
    "layout-table": layout_table,
    "image-alt": lambda: edited(picture),
    "small-text": lambda: edited(small_print),
    "colour-only": lambda: edited(red_words),
    "empty-paragraph": blank_lines,
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_each_fault_is_found_and_nothing_else(fault: str) -> None:
    assert rules(FAULTS[fault]()) == [fault.split(" ")[0]]


def test_every_rule_has_a_faulty_document() -> None:
    assert {fault.split(" ")[0] for fault in FAULTS} == {rule.id for rule in RULES}


# ---------------------------------------------------------------- what a finding says


def test_a_finding_says_where_quotes_and_fixes() -> None:
    (finding,) = check_accessibility(edited(bold_line))
    assert finding.where.startswith("paragraph ")
    assert finding.quote == "Financial implications"
    assert finding.criterion == "1.3.1 Info and Relationships"
    assert "Heading 1, 2 or 3" in finding.fix
    assert str(finding).startswith(
        f'{finding.where} "Financial implications": this line looks like a heading'
    )
    assert "(WCAG 2.1 1.3.1 Info and Relationships). Fix: " in str(finding)
    assert finding.to_json()["rule"] == "fake-heading"


def test_places_in_tables_notes_and_runs_of_empty_paragraphs() -> None:
    doc = document(
        para("Intro.", note(link("https://example.org", "https://example.org"))),
        table(header=["Source"], rows=[[link("here", "https://example.org/a")]]),
        para("First."),
        para(),
        para(),
        para("Second."),
        title="T",
        author="A",
    )
    found = {(f.rule, f.where) for f in check_accessibility(docx(doc))}
    assert found == {
        ("link-text", "footnote 1"),
        ("link-text", "table 1, row 2, cell 1"),
        ("empty-paragraph", "paragraphs 3 to 4"),
    }


def test_a_skipped_first_heading_level_says_which_is_missing() -> None:
    def change(document_: object) -> None:
        document_.add_heading("Deep", level=2)  # type: ignore[attr-defined]

    import docx as python_docx

    fresh = python_docx.Document()
    fresh.core_properties.title = "T"
    change(fresh)
    out = io.BytesIO()
    fresh.save(out)
    (finding,) = [f for f in check_accessibility(out.getvalue()) if f.rule == "heading-levels"]
    assert finding.problem == "the first heading is a Heading 2, so Heading 1 is skipped"


def test_decorative_pictures_and_pictures_with_alt_text_pass() -> None:
    def describe(document_: object) -> None:
        shape = document_.add_picture(io.BytesIO(tiny_png()))  # type: ignore[attr-defined]
        shape._inline.docPr.set("descr", "The force area on a map")

    assert rules(edited(describe)) == []


def test_an_ordinary_colleagues_document_gets_its_findings() -> None:
    found = {f.rule for f in check_accessibility(python_docx_document())}
    assert {"image-alt", "small-text"} <= found


def test_a_file_that_cannot_be_read_is_the_readers_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentReadError, match=r"nothing\.docx: cannot read the file"):
        check_accessibility(tmp_path / "nothing.docx")
    with pytest.raises(DocumentReadError, match="not a zip file"):
        check_accessibility(b"plain text", name="notes.docx")


def test_links_added_by_hand_are_checked_too() -> None:
    def change(document_: object) -> None:
        add_hyperlink(document_.add_paragraph("See "), "www.example.org/plan", "https://www.example.org/plan")  # type: ignore[attr-defined]

    assert rules(edited(change)) == ["link-text"]


def test_every_rule_is_documented_with_its_criterion() -> None:
    text = (ROOT / "docs" / "accessibility.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"`{rule.id}`" in text, rule.id
        assert rule.criterion in text, rule.criterion


def test_findings_are_frozen_values() -> None:
    finding = A11yFinding(rule="r", criterion="c", where="w", quote="", problem="p", fix="f")
    assert str(finding) == "w: p (WCAG 2.1 c). Fix: f"


CLEAN = docx(base())
with zipfile.ZipFile(io.BytesIO(CLEAN)) as _archive:
    MEMBERS = sorted(_archive.namelist())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(MEMBERS), EDITS)
def test_damaged_files_give_findings_or_the_readers_error(
    member: str, edits: list[tuple[int, int, int]]
) -> None:
    with contextlib.suppress(DocumentReadError):
        check_accessibility(repack(CLEAN, member, edits))


def test_pictures_with_alt_text_or_marked_decorative_and_merged_tables_pass() -> None:
    from tests.tree_strategies import SVG, png_bytes

    from pccplan.compose.tree import Cell, Paragraph, Picture, Row, Table, Text, TitleBlock

    def cell(text: str, **spans: int) -> Cell:
        return Cell(blocks=(Paragraph(content=(Text(text=text),)),), **spans)

    logo = Picture(data=png_bytes(40, 20), width="4cm", alt="Office of the Police and Crime Commissioner")
    rule = Picture(data=SVG, fallback=png_bytes(), width="6cm", decorative=True)
    merged = Table(
        header=Row(cells=(cell("Area"), cell("Spending", column_span=2))),
        rows=(
            Row(cells=(cell("Policing", row_span=2), cell("£94.25m"), cell("£94,250,000"))),
            Row(cells=(cell("£3.1m"), cell("£3,125,000"))),
        ),
        row_headers=True,
        align=("left", "right", "right"),
    )
    doc = document(
        TitleBlock(title="Plan", logo=logo),
        section("Budget", Paragraph(content=(Text(text="A rule: "), rule)), merged),
        title="Plan",
        author="OPCC",
    )
    assert check_accessibility(docx(doc)) == ()
