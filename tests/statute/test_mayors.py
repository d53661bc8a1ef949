"""Tests for mayors' terms as per-area data (TERM-3, TERM-5, TERM-6, GOV-2)."""

from __future__ import annotations

import datetime as dt

from pccplan.statute.mayors import Anchor, mayoral_area, new_mayor_without_pcc_functions

D = dt.date


def test_west_yorkshire_rule_from_the_order_text() -> None:
    """SI 2021/112 art 3(4): "begins with the fourth day after the day of the poll" and "ends with the third
    day after the day of the poll at the next election"."""
    data = mayoral_area("west-yorkshire")
    assert data is not None
    assert data.term_rule.anchor is Anchor.POLL
    assert data.term_rule.begins(D(2021, 5, 6)) == D(2021, 5, 10)
    assert data.term_rule.ends(D(2024, 5, 2)) == D(2024, 5, 5)
    assert data.transfer is not None
    assert data.transfer.first_day == D(2021, 5, 10)


def test_london_counts_from_the_declaration() -> None:
    """GLA Act 1999 s.2(8): the second day after the day the last successful candidate is declared."""
    data = mayoral_area("london")
    assert data is not None
    assert data.term_rule.anchor is Anchor.DECLARATION
    assert data.term_rule.begins(D(2024, 5, 4)) == D(2024, 5, 6)
    assert data.occupant_rule is not None
    assert "section/3" in data.occupant_rule.url


def test_pcc_areas_have_no_mayoral_data_and_2027_mayors_take_no_pcc_functions() -> None:
    assert mayoral_area("kent") is None
    mayor = new_mayor_without_pcc_functions("cumbria", D(2027, 5, 6))
    assert mayor is not None
    assert mayor.takes_office == D(2027, 5, 10)
    assert new_mayor_without_pcc_functions("cumbria", D(2028, 5, 4)) is None
