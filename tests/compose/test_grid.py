"""Tests for laying a table's cells on its grid, merged cells included."""

from __future__ import annotations

from pccplan.compose.grid import Slot, layout


def test_a_cell_spanning_rows_leaves_a_continuation_slot_below_it() -> None:
    shape = layout([[(1, 2), (1, 1)], [(1, 1)]])
    assert shape.problems == ()
    assert shape.columns == 2
    assert shape.rows[1] == (Slot(column=0, columns=1, cell=None), Slot(column=1, columns=1, cell=0))


def test_a_cell_spanning_columns_takes_their_places() -> None:
    shape = layout([[(2, 1), (1, 1)], [(1, 1), (1, 1), (1, 1)]])
    assert shape.problems == ()
    assert [s.column for s in shape.rows[0]] == [0, 2]


def test_rows_that_do_not_fill_the_grid_are_named() -> None:
    assert layout([[(1, 1), (1, 1)], [(1, 1)]]).problems == (
        ("[1].cells", "fills 1 grid columns, expected 2"),
    )


def test_a_cell_spanning_past_the_last_row_is_named() -> None:
    problems = layout([[(1, 3), (1, 1)], [(1, 1)]]).problems
    assert ("[0].cells[0].row_span", "spans 3 rows, past the table's last row") in problems


def test_a_cell_overlapping_one_merged_from_above_is_named() -> None:
    problems = layout([[(1, 1), (1, 2), (1, 1)], [(2, 1), (1, 1)]]).problems
    assert ("[1].cells[0]", "overlaps a cell merged down from the row above") in problems
