"""Tables in Word: the tree's cells laid on the grid, merged cells, row headings and aligned columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pccplan.compose.tree import Cell, Table
from pccplan.render.docx import xml

__all__ = ["CellWriter", "column_widths", "grid_rows"]

CellWriter = Callable[[Cell, bool, str | None], list[xml.El]]
"""Writes one cell's blocks: (cell, whether it is a heading, its column's alignment) -> elements."""


def column_widths(block: Table, available: int) -> list[int]:
    """Each grid column's width in twips, sharing `available` by the table's fractions exactly."""
    widths = [int(available * f) for f in block.fractions]
    widths[-1] += available - sum(widths)
    return widths


def grid_rows(block: Table, write: CellWriter) -> list[tuple[Sequence[xml.GridCell], bool]]:
    """The rows of `block` as grid cells for `xml.grid_table`, header row first.

    A cell spanning rows is written in its top row with `w:vMerge` 'restart'; each row below
    gets an empty continuation cell in its place, as Word needs a `w:tc` at every grid
    position. With `row_headers`, each body row's first cell is written as a heading.
    """
    all_rows = [(block.header, True)] if block.header else []
    all_rows += [(row, False) for row in block.rows]
    out: list[tuple[Sequence[xml.GridCell], bool]] = []
    for (row, is_header), slots in zip(all_rows, block.layout.rows, strict=True):
        cells: list[xml.GridCell] = []
        for slot in slots:
            if slot.cell is None:
                cells.append(xml.GridCell([], column=slot.column, columns=slot.columns, merge="continue"))
                continue
            cell = row.cells[slot.cell]
            align = block.align[slot.column] if block.align else None
            heading = is_header or (block.row_headers and slot.column == 0)
            content = write(cell, heading, None if align == "left" else align)
            if align not in (None, "left") and (not content or not xml.is_paragraph(content[-1])):
                # Word ends a cell with a paragraph; this one carries the column's alignment too,
                # so an empty cell says how its column is set.
                content = [*content, xml.paragraph(align=align)]
            merge = "restart" if slot.rows > 1 else None
            cells.append(xml.GridCell(content, column=slot.column, columns=slot.columns, merge=merge))
        out.append((cells, is_header))
    return out
