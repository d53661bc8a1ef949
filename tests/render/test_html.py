"""Tests for the HTML renderer."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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
    ref,
    section,
    table,
)
from pccplan.compose.tree import Document, Ref
from pccplan.number_formats import ListStyle
from pccplan.render import RenderOptions
from pccplan.render import render as render_any
from pccplan.render.docx.writer import render as render_docx
from pccplan.render.html import fragment, render


def report() -> Document:
    return document(
        section(
            "Background",
            numbered(*inline("Under the [Act](https://example.org/?a=1&b=2) the Plan^[The SPR.] *must*:")),
            bullets("one", ("two", ordered("two a"))),
            numbered("Secret.", exempt=exempt(3)),
            numbered=True,
        ),
        table(caption="Budget", header=["Line", "Amount"], rows=[["a", "1"]], widths=[3, 1]),
        title="Report <draft>",
        author="OPCC",
        subject="Plan",
    )


def test_page_has_language_title_and_metadata() -> None:
    out = render(report())
    assert out.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert "<title>Report &lt;draft&gt;</title>" in out
    assert '<meta name="author" content="OPCC">' in out


def test_numbers_links_and_lists() -> None:
    out = fragment(report())
    assert '<h2><span class="number">1.</span> Background</h2>' in out
    assert '<p class="numbered"><span class="number">1.1 </span>Under the ' in out
    assert '<a href="https://example.org/?a=1&amp;b=2">Act</a>' in out
    assert '<ol type="a"><li><p>two a</p></li></ol>' in out


def test_notes_link_both_ways() -> None:
    out = fragment(report())
    assert '<sup id="fnref1"><a href="#fn1" role="doc-noteref">1</a></sup>' in out
    assert '<li id="fn1"><p>The SPR.</p><a href="#fnref1" role="doc-backlink">↩</a></li>' in out


def test_tables_have_header_cells_caption_and_widths() -> None:
    out = fragment(report())
    assert "<caption>Budget</caption>" in out
    assert '<col style="width: 75.0%">' in out
    assert '<thead><tr><th scope="col"><p>Line</p></th>' in out


def test_exempt_parts_follow_the_option() -> None:
    assert "Secret." not in fragment(report())
    assert "<strong>EXEMPT: paragraph 3 of Schedule 12A</strong> Secret." in fragment(
        report(), RenderOptions(public=False)
    )


def test_registry_renders_html() -> None:
    assert render_any(report(), "html") == render(report())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@given(st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), max_size=40))
def test_any_text_is_escaped(value: str) -> None:
    parser = _Text()
    parser.feed(fragment(document(para(value), title="T", author="A")))
    parser.close()
    assert "".join(parser.parts).strip("\n") == value.strip("\n")


def test_a_contents_is_a_nav_of_links_to_the_headings() -> None:
    from pccplan.compose import contents

    doc = document(contents(), section("Purpose", numbered("Why."), numbered=True), title="T", author="A")
    page = fragment(doc)
    assert '<a href="#section-1">1. Purpose</a>' in page
    assert '<h2 id="section-1"><span class="number">1.</span> Purpose</h2>' in page
    assert 'id="section-1"' not in fragment(document(section("Purpose", para("x")), title="T", author="A"))


def test_ordered_lists_carry_their_type_start_and_brackets() -> None:
    doc = document(
        ordered("one", style=ListStyle.LOWER_ROMAN_BRACKETED, start=3),
        ordered("two", continues=True),
        ordered("three", style=ListStyle.UPPER_LETTER),
        title="T",
        author="A",
    )
    html = fragment(doc)
    assert '<ol type="i" start="3" class="bracketed"><li><p>one</p></li></ol>' in html
    assert '<ol type="1"><li><p>two</p></li></ol>' in html  # nothing unstyled before it to continue
    assert '<ol type="A"><li><p>three</p></li></ol>' in html
    assert 'ol.bracketed[type="i"] > li::marker' in render(doc)


def test_an_attached_file_is_a_link_to_a_separate_file_never_dropped() -> None:
    from pccplan.compose.tree import AttachedFile
    from pccplan.render.options import AttachedDocument

    attached = AttachedFile(label="A", title="The draft Plan", path="papers/draft&plan.docx")
    doc = document(section("Appendix A: The draft Plan", attached), title="R", author="O")
    out = fragment(doc, RenderOptions(appendices=[AttachedDocument(title="Appendix B", source=b"PK")]))
    assert (
        '<p class="attached">Appendix A is a separate Word file, not shown here: '
        '<a href="papers/draft&amp;plan.docx">draft&amp;plan.docx</a></p>'
    ) in out
    assert "<h2>Appendix B</h2>" in out
    assert "A separate Word file, not shown here: (given as bytes)" in out


# ---------------------------------------------------------------- cross-references


def test_a_reference_is_a_link_to_its_target_s_id_showing_its_number() -> None:
    page = fragment(referring())
    # The word before it goes inside the link, so the link reads "paragraph 1.2" on its own.
    assert 'See <a href="#Ref_budget">paragraph 1.2</a>, <a href="#Ref_purpose">section 1</a> and ' in page
    assert '<a href="#Ref_draft">Appendix A: The draft plan</a>.' in page
    assert 'The budget is in <a href="#Ref_money">Money</a>.' in page
    assert '<p class="numbered" id="Ref_budget"><span class="number">1.2 </span>The budget' in page
    assert '<section id="Ref_purpose">\n<h2><span class="number">1.</span> Purpose</h2>' in page
    assert '<table id="Ref_money"><caption>Money</caption>' in page
    assert '<section id="Ref_draft">' in page


def test_reference_links_resolve_and_show_what_word_s_fields_show() -> None:
    doc = referring()
    page = Page(fragment(doc))
    bookmarks, fields = docx_references(render_docx(doc))
    refs = [(href, text) for href, text in page.links if href.startswith("Ref_")]
    assert len(refs) == 5
    for href, text in refs:
        assert href in page.ids
        assert f"_{href}" in bookmarks  # the id is the DOCX bookmark's name
        assert shows(text, fields[f"_{href}"]), (href, text, fields[f"_{href}"])
    assert len(page.ids) == len(set(page.ids))


def test_a_reference_inside_a_link_or_into_a_left_out_table_is_text() -> None:
    from pccplan.compose.tree import Link, Text

    cited = Link(content=(Text(text="see "), Ref(target="money")), url="https://example.org/")
    doc = document(
        para(cited),
        para("In ", ref("money"), "."),
        section("Secret", table(caption="Money", rows=[["1"]], label="money"), exempt=exempt(3)),
        title="T",
        author="A",
    )
    full = fragment(doc, RenderOptions(public=False))
    assert '<a href="https://example.org/">see Money</a>' in full  # no link inside a link
    assert 'In <a href="#Ref_money">Money</a>.' in full
    public = fragment(doc)
    assert "In a table not for publication." in public
    assert 'href="#Ref_' not in public


def test_any_tree_s_reference_links_resolve_to_ids_and_match_word() -> None:
    seen = {"cases": 0, "links": 0}

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(documents(continuing=True, references=True), st.booleans())
    def check(doc: Document, public: bool) -> None:
        options = RenderOptions(public=public)
        page = Page(fragment(doc, options))
        _bookmarks, fields = docx_references(render_docx(doc, options))
        assert not page.nested
        assert len(page.ids) == len(set(page.ids))
        for href, text in page.links:
            assert href in page.ids, href
            if href.startswith("Ref_"):
                assert shows(text, fields[f"_{href}"]), (href, text, fields[f"_{href}"])
                seen["links"] += 1
        seen["cases"] += 1

    check()
    assert seen["cases"] >= 25
    assert seen["links"] >= seen["cases"], seen  # most trees cite something that is shown
