"""Tests for the Markdown renderer."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from pccplan.compose.build import (
    bullets,
    document,
    exempt,
    inline,
    numbered,
    ordered,
    para,
    section,
    table,
    title_block,
)
from pccplan.number_formats import ListStyle
from pccplan.render import RenderOptions
from pccplan.render.markdown import escape, render


def report():  # type: ignore[no-untyped-def]
    return document(
        title_block("Police and Crime Plan", "Agenda item 6"),
        section(
            "Background",
            numbered(*inline("Under the [Act](https://example.org/act) the Plan^[The SPR.] *must*:")),
            bullets("one", ("two", bullets("two a"))),
            ordered("first", "second"),
            numbered("Secret.", exempt=exempt(3)),
            numbered=True,
        ),
        section("Table", table(caption="Budget", header=["Line", "£"], rows=[["a|b", "1"]])),
        title="Report",
        author="OPCC",
    )


def test_numbers_notes_links_and_lists() -> None:
    out = render(report())
    assert out.startswith("# Police and Crime Plan\n\nAgenda item 6\n\n## 1. Background\n\n")
    assert "1.1 Under the [Act](<https://example.org/act>) the Plan[^1] *must*:" in out
    assert "- one\n- two\n\n  - two a" in out
    assert "1. first\n2. second" in out
    assert out.endswith("[^1]: The SPR.\n")


def test_tables_are_pipe_tables_with_escaped_cells() -> None:
    out = render(report())
    assert "**Budget**\n\n| Line | £ |\n| --- | --- |\n| a\\|b | 1 |" in out


def test_exempt_parts_follow_the_option() -> None:
    assert "1.2 This paragraph is not for publication" in render(report())
    assert "1.2 **EXEMPT: paragraph 3 of Schedule 12A** Secret." in render(
        report(), RenderOptions(public=False)
    )


def test_text_that_looks_like_markup_is_escaped() -> None:
    out = render(document(para("1. not a list *or* [link](x) <b> # no"), title="T", author="A"))
    assert out == "1\\. not a list \\*or\\* \\[link\\](x) \\<b\\> \\# no\n"


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@given(st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), max_size=40))
def test_escape_leaves_no_active_markup_and_unescapes_to_the_text(value: str) -> None:
    escaped = escape(value)
    assert _unescape(escaped) == value
    bare = re.sub(r"\\.", "", escaped)
    assert not set("*_[]<>`|\\") & set(bare)


def test_a_contents_is_a_nested_list_of_the_headings() -> None:
    from pccplan.compose import contents

    doc = document(
        contents(), section("Purpose", section("Scope", para("x")), numbered=True), title="T", author="A"
    )
    assert render(doc).startswith("**Contents**\n\n- 1\\. Purpose\n  - Scope\n\n## 1. Purpose")


def test_styled_lists_use_pandoc_s_fancy_list_markers_and_starts() -> None:
    doc = document(
        ordered("one", "two", style=ListStyle.LOWER_LETTER_BRACKETED),
        para("between"),
        ordered("three", style=ListStyle.LOWER_LETTER_BRACKETED, continues=True),
        ordered("four", start=4),
        ordered("cap", style=ListStyle.UPPER_LETTER),
        title="T",
        author="A",
    )
    assert render(doc) == "(a) one\n(b) two\n\nbetween\n\n(c) three\n\n4. four\n\nA.  cap\n"


def test_an_attached_file_is_named_as_a_separate_file_never_dropped() -> None:
    from pccplan.compose.tree import AttachedFile
    from pccplan.render.options import AttachedDocument

    attached = AttachedFile(label="A", title="The draft Plan", path="papers/draft plan.docx")
    doc = document(section("Appendix A: The draft Plan", attached), title="R", author="O")
    out = render(doc, RenderOptions(appendices=[AttachedDocument(title="Appendix B", source="budget.docx")]))
    assert (
        "*Appendix A is a separate Word file, not shown here:* [draft plan.docx](<papers/draft plan.docx>)"
        in out
    )
    assert "## Appendix B\n\n*A separate Word file, not shown here:* [budget.docx](<budget.docx>)" in out
