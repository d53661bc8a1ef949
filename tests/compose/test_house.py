"""Laying out a document's parts in its house form's order, under the form's headings."""

from __future__ import annotations

from pccplan.compose.build import para
from pccplan.compose.house import arrange
from pccplan.compose.tree import Paragraph, Section
from pccplan.model.form import DocumentForm, FormPart


def test_parts_follow_the_form_and_a_heading_makes_a_section() -> None:
    form = DocumentForm(
        kind="response-table",
        parts=[FormPart(key="table", heading="Comments"), FormPart(key="introduction")],
    )
    blocks = arrange(
        form, {"introduction": [para("Intro.")], "table": [para("Rows.")], "publication": [para("P.")]}
    )
    assert isinstance(blocks[0], Section)
    assert blocks[0].title == "Comments"
    assert isinstance(blocks[1], Paragraph)
    assert len(blocks) == 2  # the form leaves out the publication part


def test_a_part_with_nothing_recorded_writes_no_heading() -> None:
    form = DocumentForm(
        kind="response-table",
        parts=[
            FormPart(key="introduction"),
            FormPart(key="table"),
            FormPart(key="publication", heading="Publication"),
        ],
    )
    blocks = arrange(form, {"introduction": [para("Intro.")], "table": [para("Rows.")], "publication": []})
    assert not any(isinstance(b, Section) for b in blocks)
