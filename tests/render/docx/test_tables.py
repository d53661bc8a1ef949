"""Tests for tables in Word: merged cells, row headings, column widths and right-aligned numbers."""

from __future__ import annotations

import io
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree
from tests.render.docx.schema_check import validate

from pccplan.compose import document
from pccplan.compose.money import MoneyStyle, money
from pccplan.compose.tree import Cell, Document, Paragraph, Row, Table, Text
from pccplan.render.docx.writer import render

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def w(local: str) -> str:
    return f"{{{W}}}{local}"


def cell(text: str, **spans: int) -> Cell:
    return Cell(blocks=(Paragraph(content=(Text(text=text),)),), **spans)


def budget() -> Table:
    """A budget table: a heading over two columns, a row heading over two rows, money columns."""
    amounts = [Decimal("94250000"), Decimal("3125000.40"), Decimal("12000000"), Decimal("500000")]
    return Table(
        caption="Police fund, 2024/25",
        header=Row(cells=(cell("Area"), cell("Spending", column_span=2))),
        rows=(
            Row(
                cells=(
                    cell("Policing", row_span=2),
                    cell(money(amounts[0], MoneyStyle.MILLIONS)),
                    cell(money(amounts[0])),
                )
            ),
            Row(cells=(cell(money(amounts[1], MoneyStyle.MILLIONS)), cell(money(amounts[1])))),
            Row(
                cells=(cell("Victims"), cell(money(amounts[2], MoneyStyle.MILLIONS)), cell(money(amounts[3])))
            ),
        ),
        widths=(2, 1, 1),
        row_headers=True,
        align=("left", "right", "right"),
    )


def tbl(doc: Document) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(render(doc))) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(".//w:tbl", NS)


def test_a_cell_over_two_columns_is_one_cell_with_a_grid_span_and_both_widths() -> None:
    table = tbl(document(budget(), title="T", author="A"))
    grid = [int(c.get(w("w"))) for c in table.iterfind("w:tblGrid/w:gridCol", NS)]
    assert grid == [4513, 2256, 2257]  # 2:1:1 of the A4 text width
    heading = table.findall("w:tr", NS)[0].findall("w:tc", NS)
    assert len(heading) == 2
    assert heading[1].find("w:tcPr/w:gridSpan", NS).get(w("val")) == "2"
    assert heading[1].find("w:tcPr/w:tcW", NS).get(w("w")) == str(2256 + 2257)


def test_a_cell_over_two_rows_restarts_a_vertical_merge_that_the_row_below_continues() -> None:
    rows = tbl(document(budget(), title="T", author="A")).findall("w:tr", NS)
    top = rows[1].findall("w:tc", NS)[0].find("w:tcPr/w:vMerge", NS)
    below = rows[2].findall("w:tc", NS)
    assert top.get(w("val")) == "restart"
    assert len(below) == 3  # Word needs a w:tc at every grid place
    assert below[0].find("w:tcPr/w:vMerge", NS).get(w("val")) is None  # continue
    assert "".join(below[0].itertext()) == ""
    assert rows[3].findall("w:tc", NS)[0].find("w:tcPr/w:vMerge", NS) is None


def test_row_headings_switch_on_the_first_column_look_and_the_heading_style() -> None:
    table = tbl(document(budget(), title="T", author="A"))
    look = table.find("w:tblPr/w:tblLook", NS)
    assert look.get(w("firstColumn")) == "1"
    assert look.get(w("val")) == "06A0"
    first = table.findall("w:tr", NS)[3].find("w:tc/w:p/w:pPr/w:pStyle", NS)
    assert first.get(w("val")) == "TableHeading"


def test_number_columns_are_right_aligned_and_money_shows_no_pence() -> None:
    table = tbl(document(budget(), title="T", author="A"))
    row = table.findall("w:tr", NS)[1].findall("w:tc", NS)
    assert [tc.find("w:p/w:pPr/w:jc", NS) is None for tc in row] == [True, False, False]
    assert row[1].find("w:p/w:pPr/w:jc", NS).get(w("val")) == "right"
    texts = ["".join(tc.itertext()) for tc in row]
    assert texts == ["Policing", "£94.25m", "£94,250,000"]
    assert ".00" not in "".join(table.itertext())


def test_a_table_of_plain_cells_is_written_as_before() -> None:
    plain = Table(rows=(Row(cells=(cell("a"), cell("b"))),))
    table = tbl(document(plain, title="T", author="A"))
    assert table.find(".//w:gridSpan", NS) is None
    assert table.find(".//w:vMerge", NS) is None
    assert table.find(".//w:jc", NS) is None
    assert table.find("w:tblPr/w:tblLook", NS).get(w("firstColumn")) == "0"


def test_merged_tables_are_valid_by_the_schemas(tmp_path: Path) -> None:
    errors, _checked = validate({"budget": render(document(budget(), title="T", author="A"))}, tmp_path)
    assert errors == []


@pytest.mark.slow
def test_libreoffice_draws_the_merged_money_table(tmp_path: Path) -> None:
    from tests.conftest import require_program

    from pccplan.render.pdf import convert

    require_program("soffice")
    pdftotext = require_program("pdftotext")
    pdf = tmp_path / "budget.pdf"
    pdf.write_bytes(convert(render(document(budget(), title="T", author="A"))))
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    lines = [line.split() for line in text.stdout.splitlines() if "£" in line]
    assert ["Policing", "£94.25m", "£94,250,000"] in lines
    assert ["£3.13m", "£3,125,000"] in lines  # the row under the merged cell: nothing in its first column
