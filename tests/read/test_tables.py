"""Tests for reading merged cells back: `w:gridSpan` and `w:vMerge` to cells that span."""

from __future__ import annotations

from pccplan.compose import document
from pccplan.compose.tree import Cell, Paragraph, Row, Table, Text
from pccplan.read.docx import read
from pccplan.read.docx_parse import CellFact, RowFact
from pccplan.read.tables import Placed, place_cells
from pccplan.render.docx.writer import render


def cell(text: str, **spans: int) -> Cell:
    return Cell(blocks=(Paragraph(content=(Text(text=text),)),), **spans)


def test_merged_cells_come_back_as_cells_that_span() -> None:
    table = Table(
        header=Row(cells=(cell("Area"), cell("Spending", column_span=2))),
        rows=(
            Row(cells=(cell("Policing", row_span=2), cell("£94.25m"), cell("£94,250,000"))),
            Row(cells=(cell("£3.1m"), cell("£3,125,000"))),
        ),
    )
    result = read(render(document(table, title="T", author="A")))
    back = result.document.blocks[0]
    assert isinstance(back, Table)
    assert back.header == table.header
    assert back.rows == table.rows
    assert result.warnings == ()


def test_a_continue_cell_with_nothing_above_is_a_cell_of_its_own() -> None:
    rows = [RowFact(cells=(CellFact(blocks=(), merge="continue"), CellFact(blocks=())))]
    placed = place_cells(rows)
    assert [(p.column, p.row_span) for p in placed[0].cells] == [(0, 1), (1, 1)]


def test_cells_merged_down_are_kept_once_and_cover_the_rows_below() -> None:
    top = CellFact(blocks=(), merge="restart", span=2)
    rows = [
        RowFact(cells=(top, CellFact(blocks=()))),
        RowFact(cells=(CellFact(blocks=(), merge="continue", span=2), CellFact(blocks=()))),
        RowFact(cells=(CellFact(blocks=(), span=2), CellFact(blocks=()))),
    ]
    placed = place_cells(rows)
    assert placed[0].cells[0] == Placed(cell=top, column=0, column_span=2, row_span=2)
    assert (len(placed[1].cells), placed[1].covered) == (1, 2)
    assert placed[2].cells[0].row_span == 1


def test_a_gap_before_a_rows_cells_is_an_empty_place() -> None:
    rows = [RowFact(cells=(CellFact(blocks=()),), before=1)]
    assert place_cells(rows)[0].cells[0] == Placed(cell=None, column=0)
