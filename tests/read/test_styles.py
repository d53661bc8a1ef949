"""Tests for reading the styles part and the run properties styles share."""

from __future__ import annotations

from lxml import etree

from pccplan.read.facts import ParagraphFact, RunProps
from pccplan.read.styles import indent_of, numbering_ref, read_styles, run_props

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_styles_chain_to_their_base_and_defaults() -> None:
    root = etree.fromstring(
        f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/>'
        "</w:rPr></w:rPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
        '<w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style></w:styles>'
    )
    styles = read_styles(root)
    assert styles.default_paragraph == "Normal"
    assert [s.style_id for s in styles.chain("H1")] == ["H1", "Normal"]
    assert styles.defaults.size == 22
    para = ParagraphFact(
        style="H1", numbering=None, outline_level=None, page_break_before=False, indent=None,
        alignment=None, inlines=(),
    )  # fmt: skip
    assert styles.heading_level(para) == 0
    assert styles.run_props("H1").bold is True


def test_run_properties_read_on_off_values_and_ignore_white() -> None:
    rpr = etree.fromstring(
        f'<w:rPr xmlns:w="{W}"><w:b w:val="0"/><w:i/><w:u w:val="none"/>'
        '<w:shd w:fill="FFFFFF"/><w:highlight w:val="none"/></w:rPr>'
    )
    assert run_props(rpr) == RunProps(bold=False, italic=True, underline=False)
    assert run_props(None) == RunProps()


def test_numbering_and_indent_of_a_paragraph() -> None:
    ppr = etree.fromstring(
        f'<w:pPr xmlns:w="{W}"><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr>'
        '<w:ind w:start="720"/></w:pPr>'
    )
    assert numbering_ref(ppr) == (4, 1)
    assert indent_of(ppr) == 720
    assert numbering_ref(None) is None
