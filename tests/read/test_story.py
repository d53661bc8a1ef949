"""Tests for the story reader: paragraphs, runs, tables and what it skips."""

from __future__ import annotations

from tests.read.wordfiles import body, package

from pccplan.read.docx_parse import ParagraphFact, RunFact, Skipped, TableFact, parse_docx


def test_deleted_text_is_left_out_and_counted() -> None:
    xml = "<w:p><w:r><w:t>kept</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>"
    facts = parse_docx(package(body(xml)))
    assert facts.changes == 1
    para = facts.body[0]
    assert isinstance(para, ParagraphFact)
    assert [r.pieces for r in para.inlines if isinstance(r, RunFact)] == [("kept",)]


def test_table_rows_and_cells_keep_their_spans_merges_and_header_mark() -> None:
    xml = (
        '<w:tbl><w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="200"/></w:tblGrid>'
        '<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
        "<w:p/></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"
    )
    (table,) = parse_docx(package(body(xml))).body
    assert isinstance(table, TableFact)
    assert table.grid == (100, 200)
    assert [row.header for row in table.rows] == [True, False]
    assert table.rows[0].cells[0].span == 2
    assert table.rows[1].cells[0].merge == "continue"


def test_an_equation_is_skipped_by_name() -> None:
    xml = '<w:p><m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"/></w:p>'
    (para,) = parse_docx(package(body(xml))).body
    assert isinstance(para, ParagraphFact)
    assert para.inlines == (Skipped(what="equation"),)
