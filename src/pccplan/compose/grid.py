"""Where a table's cells sit on its grid of columns, merged cells included.

A table row lists only the cells that start in it (pandoc's model): a cell that spans two
rows is given once, in its top row, and the row below simply has one cell fewer there. This
module turns the rows' spans into slots on the grid, which every renderer and the tree's own
check read, so the rule that every row fills the grid lives in one place.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = ["Slot", "layout"]


@attrs.frozen(kw_only=True)
class Slot:
    """One place on a row of the grid: a cell starting here, or the continuation of one from above.

    `column` is the first grid column (from 0) and `columns` how many it spans. `cell` is the
    index of the cell in its row's `cells`, or ``None`` where the slot continues a cell that
    started in a row above (Word's `w:vMerge` without a value). `rows` is how many rows the
    cell spans (1 for a continuation slot: it is not a cell of its own).
    """

    column: int
    columns: int
    cell: int | None
    rows: int = 1


@attrs.frozen(kw_only=True)
class Layout:
    """The slots of every row, the number of grid columns, and what does not fit (path, reason)."""

    rows: tuple[tuple[Slot, ...], ...]
    columns: int
    problems: tuple[tuple[str, str], ...]


def layout(spans: Sequence[Sequence[tuple[int, int]]]) -> Layout:
    """The slots of rows whose cells span (columns, rows) each, and the problems of the shape.

    The grid is as wide as the first row's cells together. A problem is a (path, reason)
    pair, the path naming the row (``[2]``) or the cell (``[2].cells[1]``); the tree turns
    them into its `ValidationError`.
    """
    columns = sum(c for c, _r in spans[0]) if spans else 0
    carried: dict[int, tuple[int, int]] = {}  # grid column -> (columns wide, rows still to cover)
    rows: list[tuple[Slot, ...]] = []
    problems: list[tuple[str, str]] = []
    for r, row in enumerate(spans):
        slots: list[Slot] = []
        column = 0
        cells = iter(enumerate(row))
        while True:
            if column in carried:
                wide, left = carried.pop(column)
                slots.append(Slot(column=column, columns=wide, cell=None))
                if left > 1:
                    carried[column] = (wide, left - 1)
                column += wide
                continue
            found = next(cells, None)
            if found is None:
                break
            index, (wide, tall) = found
            if any(column < other < column + wide for other in carried):
                problems.append((f"[{r}].cells[{index}]", "overlaps a cell merged down from the row above"))
            slots.append(Slot(column=column, columns=wide, cell=index, rows=tall))
            if tall > 1:
                if r + tall > len(spans):
                    problems.append(
                        (f"[{r}].cells[{index}].row_span", f"spans {tall} rows, past the table's last row")
                    )
                carried[column] = (wide, tall - 1)
            column += wide
        if column != columns:
            problems.append((f"[{r}].cells", f"fills {column} grid columns, expected {columns}"))
        rows.append(tuple(slots))
    return Layout(rows=tuple(rows), columns=columns, problems=tuple(problems))
