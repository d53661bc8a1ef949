"""Tests for the small readers of WordprocessingML attribute values."""

from __future__ import annotations

import pytest
from lxml import etree

from pccplan.read.wordml import W, alternative, hex_value, on, on_value, val, w, whole


@pytest.mark.parametrize(
    ("value", "number"), [("720", 720), (" -5 ", -5), ("720.0", 720), ("1in", 1), ("x", None), (None, None)]
)
def test_whole_numbers_take_the_leading_number(value: str | None, number: int | None) -> None:
    assert whole(value) == number


def test_on_off_properties() -> None:
    assert on(None) is None
    assert on(etree.fromstring(f'<w:b xmlns:w="{W}"/>')) is True
    assert on(etree.fromstring(f'<w:b xmlns:w="{W}" w:val="off"/>')) is False
    assert on_value("0") is False
    assert on_value(None) is None


def test_values_and_flags() -> None:
    parent = etree.fromstring(f'<w:pPr xmlns:w="{W}"><w:jc w:val="center"/></w:pPr>')
    assert val(parent, "jc") == "center"
    assert val(parent, "pStyle") is None
    assert w("p") == f"{{{W}}}p"
    assert hex_value("04A0") == 0x04A0
    assert hex_value("zz") == 0


def test_alternative_content_prefers_the_choice() -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    element = etree.fromstring(f'<mc:A xmlns:mc="{mc}"><mc:Fallback/><mc:Choice/></mc:A>')
    chosen = alternative(element)
    assert chosen is not None
    assert etree.QName(chosen).localname == "Choice"
