"""Tests for reading the numbering part: levels, start values and instance overrides."""

from __future__ import annotations

import pytest
from lxml import etree
from tests.read.wordfiles import level, list_item, listed, numbering_part

from pccplan.opc.limits import LEVEL_TEXT_CHARS, LIST_START_MAX
from pccplan.read.docx_parse import parse_docx
from pccplan.read.numbering import read_numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_no_numbering_part_is_no_lists() -> None:
    assert read_numbering(None).instances == {}


def test_an_instance_redefines_a_level_over_its_definition() -> None:
    xml = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="3">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/>'
        '<w:lvl w:ilvl="0"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl>'
        "</w:lvlOverride></w:num></w:numbering>"
    )
    numbering = read_numbering(etree.fromstring(xml))
    assert numbering.instances[7].starts == {0: 4}
    assert numbering.levels(7)[0].format == "lowerLetter"
    assert numbering.levels(7)[0].text == "(%1)"
    assert numbering.levels(99) == {}


def test_a_level_text_is_kept_only_as_long_as_word_would_take_it() -> None:
    data = listed(list_item("x"), numbering_part(level(text="%1." * 50_000)))
    (fact,) = parse_docx(data).numbering.abstracts[1].levels.values()
    assert fact.text == ("%1." * 50)[:LEVEL_TEXT_CHARS]


@pytest.mark.parametrize(
    ("start", "kept"),
    [("0", 0), ("32767", 32767), ("32768", None), ("999999", None), ("-4", None), ("x", None)],
)
def test_a_start_value_past_the_cap_counts_from_one(start: str, kept: int | None) -> None:
    """A level's own start past the cap is 1; an instance's override past it is ignored."""
    override = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
    data = listed(list_item("x"), numbering_part(level(start=start), overrides=override))
    numbering = parse_docx(data).numbering
    assert kept is None or kept <= LIST_START_MAX
    assert numbering.abstracts[1].levels[0].start == (1 if kept is None else kept)
    assert numbering.instances[1].starts == ({} if kept is None else {0: kept})
