"""Reading merged cells: Word's `w:gridSpan` and `w:vMerge` cells back to cells that span."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from pccplan.read.facts import CellFact, ParagraphFact, RowFact

__all__ = ["Placed", "PlacedRow", "column_alignment", "place_cells"]


@attrs.frozen(kw_only=True)
class Placed:
    """A cell the tree keeps: its facts (``None`` for a gap Word leaves, `w:gridBefore`), place and spans."""

    cell: CellFact | None
    column: int
    column_span: int = 1
    row_span: int = 1


@attrs.frozen(kw_only=True)
class PlacedRow:
    """The cells a row keeps, and how many grid columns cells merged down from above cover in it."""

    cells: tuple[Placed, ...]
    covered: int


def place_cells(rows: Sequence[RowFact]) -> list[PlacedRow]:
    """Each row's cells on the grid, a vertically merged cell kept once in its top row.

    Word writes a cell spanning rows as a `w:vMerge` 'restart' cell and an empty 'continue'
    cell at the same grid column in each row below; the tree lists the cell once with its
    `row_span`. A 'continue' cell with no cell above to continue is kept as a cell of its own,
    as Word shows it.
    """
    grids: list[dict[int, Placed]] = []
    for row in rows:
        column = 0
        grid: dict[int, Placed] = {}
        for _ in range(row.before):
            grid[column] = Placed(cell=None, column=column)
            column += 1
        for cell in row.cells:
            grid[column] = Placed(cell=cell, column=column, column_span=cell.span)
            column += cell.span
        grids.append(grid)
    out: list[PlacedRow] = []
    continues: list[set[int]] = [set() for _ in rows]
    for r, grid in enumerate(grids):
        kept: list[Placed] = []
        covered = 0
        for column, placed in sorted(grid.items()):
            if column in continues[r]:
                covered += placed.column_span
                continue
            span = 1
            if placed.cell is not None and placed.cell.merge == "restart":
                below = r + 1
                while below < len(grids):
                    under = grids[below].get(column)
                    if under is None or under.cell is None or under.cell.merge != "continue":
                        break
                    continues[below].add(column)
                    span += 1
                    below += 1
            kept.append(attrs.evolve(placed, row_span=span))
        out.append(PlacedRow(cells=tuple(kept), covered=covered))
    return out


_ALIGN = {"right": "right", "end": "right", "center": "center"}


def column_alignment(rows: Sequence[PlacedRow], columns: int) -> tuple[str, ...] | None:
    """Each grid column's alignment, when every paragraph of every cell starting in it agrees.

    A column whose cells' paragraphs are all right-aligned (`w:jc` 'right', or 'end') is
    'right', all centred 'center', anything else 'left'; ``None`` when every column is 'left'.
    """
    found: list[set[str]] = [set() for _ in range(columns)]
    for row in rows:
        for placed in row.cells:
            if placed.cell is None or placed.column >= columns:
                continue
            for block in placed.cell.blocks:
                if isinstance(block, ParagraphFact):
                    found[placed.column].add(_ALIGN.get(block.alignment or "", "left"))
    align = tuple(next(iter(kinds)) if len(kinds) == 1 else "left" for kinds in found)
    return align if any(a != "left" for a in align) else None
