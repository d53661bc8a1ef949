"""Tests for reading fields: instructions hidden, results shown with their code and link."""

from __future__ import annotations

from tests.read.wordfiles import body, package

from pccplan.read.docx_parse import ParagraphFact, RunFact, parse_docx
from pccplan.read.fields import Fields


def test_fields_track_what_a_run_read_now_is() -> None:
    fields = Fields()
    assert fields.state() == (False, None, None)
    fields.begin()
    fields.instruct(' HYPERLINK "https://example.org/x" ')
    assert fields.state() == (True, None, None)
    fields.separate()
    assert fields.state() == (False, 'HYPERLINK "https://example.org/x"', "https://example.org/x")
    fields.end()
    fields.end()  # a stray end closes nothing
    assert fields.state() == (False, None, None)


def test_a_simple_field_closes_what_it_opened() -> None:
    fields = Fields()
    depth = fields.simple("PAGE")
    fields.begin()
    fields.close_to(depth)
    assert fields.stack == []
    assert fields.hiding == 0


def test_field_instructions_are_not_text_and_hyperlink_fields_are_links() -> None:
    xml = (
        "<w:p>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/f" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>shown</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "</w:p>"
    )
    facts = parse_docx(package(body(xml)))
    runs = [r for r in facts.body[0].inlines if isinstance(r, RunFact)]  # type: ignore[union-attr]
    assert [r.pieces for r in runs] == [("shown",)]
    assert runs[0].link == "https://example.org/f"


def _runs(xml: str) -> list[RunFact]:
    facts = parse_docx(package(body(xml)))
    return [
        r for b in facts.body if isinstance(b, ParagraphFact) for r in b.inlines if isinstance(r, RunFact)
    ]


def test_nested_fields_show_the_innermost_hyperlink_and_a_switch_is_no_link() -> None:
    begin, separate, end = (
        f'<w:r><w:fldChar w:fldCharType="{k}"/></w:r>' for k in ("begin", "separate", "end")
    )
    outer = begin + '<w:r><w:instrText>HYPERLINK "https://example.org/outer"</w:instrText></w:r>' + separate
    inner = begin + "<w:r><w:instrText>PAGE</w:instrText></w:r>" + separate
    anchor = (
        begin + '<w:r><w:instrText xml:space="preserve">HYPERLINK \\l "here"</w:instrText></w:r>' + separate
    )
    text = "<w:r><w:t>{}</w:t></w:r>"
    xml = "<w:p>" + outer + text.format("a") + inner + text.format("b") + end + anchor + text.format("c")
    runs = _runs(xml + end + end + text.format("d") + "</w:p>")
    assert [(r.pieces, r.field, r.link) for r in runs] == [
        (("a",), 'HYPERLINK "https://example.org/outer"', "https://example.org/outer"),
        (("b",), "PAGE", "https://example.org/outer"),
        (("c",), 'HYPERLINK \\l "here"', None),
        (("d",), None, None),
    ]


def test_every_run_of_a_field_shares_its_code_however_long_the_instruction() -> None:
    """Joined again for every run, a 1 MB instruction once cost 1 MB a run: 2 KB of file, 3 GB."""
    instruction = "".join(f"<w:r><w:instrText>HYPERLINK part{n}</w:instrText></w:r>" for n in range(3))
    begin, separate = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    )
    runs = _runs("<w:p>" + begin + instruction + separate + "<w:r><w:t>x</w:t></w:r>" * 5 + "</w:p>")
    assert len(runs) == 5
    assert runs[0].field == "HYPERLINK part0HYPERLINK part1HYPERLINK part2"
    assert all(run.field is runs[0].field for run in runs)


def test_a_stray_field_end_inside_a_simple_field_is_no_crash() -> None:
    xml = '<w:p><w:fldSimple w:instr="PAGE"><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    xml += "<w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t>after</w:t></w:r></w:p>"
    runs = _runs(xml)
    assert [(r.pieces, r.field) for r in runs] == [(("1",), None), (("after",), None)]
