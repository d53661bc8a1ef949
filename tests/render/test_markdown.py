"""Tests for the Markdown renderer."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import require_program
from tests.render.references import Page, docx_references, referring, shows
from tests.tree_strategies import documents

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
from pccplan.compose.tree import Document
from pccplan.number_formats import ListStyle
from pccplan.render import RenderOptions
from pccplan.render.docx.writer import render as render_docx
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
    lists = "(c) three\n\n<!-- -->\n\n4. four\n\n<!-- -->\n\nA.  cap\n"
    assert render(doc) == "(a) one\n(b) two\n\nbetween\n\n" + lists


# ---------------------------------------------------------------- cross-references


def test_a_reference_is_a_link_to_its_target_s_pandoc_anchor() -> None:
    out = render(referring())
    assert "## 1. Purpose {#Ref_purpose}\n\n1.1 To present the plan.\n\n" in out
    assert "[1.2]{#Ref_budget} The budget is in [Money](#Ref_money).\n\n" in out
    assert (
        "2.1 See [paragraph 1.2](#Ref_budget), [section 1](#Ref_purpose) and "
        "[Appendix A: The draft plan](#Ref_draft)."
    ) in out
    assert "[**Money**]{#Ref_money}\n\n| Line | £m |" in out
    assert "## Appendix A: The draft plan {#Ref_draft}\n" in out
    assert out.endswith("[^1]: As in [paragraph 1.2](#Ref_budget).\n")


def _pandoc_html(markdown: str, tmp_path: Path) -> str:
    source = tmp_path / "page.md"
    source.write_text(markdown, encoding="utf-8")
    done = subprocess.run(
        [require_program("pandoc"), "-f", "markdown", "-t", "html", "--wrap=none", str(source)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_pandoc_keeps_each_reference_s_target_and_number(tmp_path: Path) -> None:
    doc = referring()
    page = Page(_pandoc_html(render(doc), tmp_path))
    bookmarks, fields = docx_references(render_docx(doc))
    refs = [(href, " ".join(text.split())) for href, text in page.links if href.startswith("Ref_")]
    assert [href for href, _ in refs] == ["Ref_money", "Ref_budget", "Ref_purpose", "Ref_draft", "Ref_budget"]
    for href, text in refs:
        assert href in page.ids
        assert f"_{href}" in bookmarks  # the anchor is the DOCX bookmark's name
        assert shows(text, fields[f"_{href}"]), (href, text, fields[f"_{href}"])


_NUMBER = re.compile(r"\d+(\.\d+)?")


def test_any_tree_s_reference_links_resolve_in_pandoc(tmp_path: Path) -> None:
    seen = {"cases": 0, "links": 0}

    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(documents(continuing=True, references=True), st.booleans())
    def check(doc: Document, public: bool) -> None:
        options = RenderOptions(public=public)
        page = Page(_pandoc_html(render(doc, options), tmp_path))
        _bookmarks, fields = docx_references(render_docx(doc, options))
        for href, text in page.links:
            if not href.startswith("Ref_"):
                continue  # pandoc's own footnote links
            assert href in page.ids, href
            # Numbers compare as they are; titles and captions pass through pandoc's smart quotes.
            numbers = {shown for shown in fields[f"_{href}"] if _NUMBER.fullmatch(shown)}
            if numbers:
                assert shows(text, numbers), (href, text, numbers)
            seen["links"] += 1
        seen["cases"] += 1

    check()
    assert seen["cases"] >= 15
    assert seen["links"] >= seen["cases"], seen


def test_two_lists_in_a_row_stay_two_lists_in_pandoc(tmp_path: Path) -> None:
    # Before the comment between them pandoc read one list: "x", meant to restart at 1, showed 3.
    doc = document(
        ordered("a", "b"),
        ordered("x"),
        ordered("y", continues=True),
        bullets("p"),
        bullets("q"),
        title="T",
        author="A",
    )
    out = render(doc)
    assert out == "1. a\n2. b\n\n<!-- -->\n\n1. x\n\n<!-- -->\n\n2. y\n\n<!-- -->\n\n- p\n\n<!-- -->\n\n- q\n"
    html = _pandoc_html(out, tmp_path)
    assert html.count("<ol") == 3
    assert html.count("<ul") == 2
    assert '<ol start="2"' in html


def test_a_reference_inside_a_link_is_its_text_and_one_into_a_left_out_part_too() -> None:
    from pccplan.compose.tree import Link, Ref, Text

    cited = Link(content=(Text(text="see "), Ref(target="money")), url="https://example.org/")
    doc = document(
        para(cited, " and paragraph ", Ref(target="money"), "."),
        section("Secret", table(caption="Money", rows=[["1"]], label="money"), exempt=exempt(3)),
        title="T",
        author="A",
    )
    full = render(doc, RenderOptions(public=False))
    assert full.startswith("[see Money](<https://example.org/>) and [paragraph Money](#Ref_money).")
    assert "[**Money**]{#Ref_money}" in full
    assert render(doc).startswith(
        "[see a table not for publication](<https://example.org/>) and paragraph a "
    )


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
