"""Tests for the reader's normal form: one tree for each way of drawing the same Word document."""

from __future__ import annotations

from hypothesis import given, settings
from tests.tree_strategies import documents

from pccplan.compose import document, emph, link, note, para, section, strong, table, title_block
from pccplan.compose.tree import Document, Emph, LineBreak, Link, Note, Paragraph, Strong, Text
from pccplan.read.normal import normal_form, normal_inlines, split_keywords


def test_texts_join_and_line_feeds_become_breaks() -> None:
    got = normal_inlines((Text(text="a"), Text(text=""), Text(text="b\nc"), LineBreak()))
    assert got == (Text(text="ab"), LineBreak(), Text(text="c"), LineBreak())


def test_strong_goes_outside_emph_and_runs_of_the_same_formatting_join() -> None:
    got = normal_inlines((emph(strong("x")), strong("y"), strong(emph("z")), Text(text="w")))
    assert got == (
        Strong(content=(Emph(content=(Text(text="x"),)), Text(text="y"), Emph(content=(Text(text="z"),)))),
        Text(text="w"),
    )


def test_links_carry_their_formatting_inside_and_empty_links_go() -> None:
    url = "https://example.org"
    got = normal_inlines((strong(link("a", url)), Link(content=(Emph(content=()),), url=url)))
    assert got == (Link(content=(Strong(content=(Text(text="a"),)),), url=url),)


def test_notes_are_never_formatted() -> None:
    got = normal_inlines((strong("a", note("n")),))
    assert got == (Strong(content=(Text(text="a"),)), Note(content=(Paragraph(content=(Text(text="n"),)),)))


def test_blocks_after_a_section_belong_to_it_but_a_title_block_ends_it() -> None:
    doc = document(section("A", para("a")), para("b"), title_block("T"), para("c"), title="T", author="A")
    got = normal_form(doc)
    assert [type(b).__name__ for b in got.blocks] == ["Section", "TitleBlock", "Paragraph"]


def test_metadata_header_equal_to_the_title_and_keywords() -> None:
    doc = document(para("x"), title="T", author="A", header="T", keywords=("a, b", "c"))
    meta = normal_form(doc).meta
    assert meta.header is None
    assert meta.keywords == ("a", "b", "c")
    assert split_keywords(["x ", " y,z"]) == ("x", "y", "z")


def test_widths_go() -> None:
    doc = document(table(rows=[["a", "b"]], widths=[3, 1]), title="T", author="A")
    assert normal_form(doc).blocks[0].widths is None  # type: ignore[union-attr]


@settings(max_examples=50, deadline=None)
@given(documents())
def test_normal_form_is_a_valid_tree_and_idempotent(doc: Document) -> None:
    once = normal_form(doc)
    assert normal_form(once) == once


def test_a_list_continuing_the_one_just_before_it_joins_it_and_one_continuing_nothing_restarts() -> None:
    # Word holds both as one list instance with its paragraphs in a row, so the reader sees one
    # list; before, the normal form kept two and the round trip of such a tree failed.
    from pccplan.compose import ordered
    from pccplan.number_formats import ListStyle

    roman = ListStyle.LOWER_ROMAN
    doc = document(
        ordered("a", style=roman, continues=True),
        ordered("b", style=roman, continues=True),
        para("p"),
        ordered("c", style=roman, continues=True),
        ordered("d", continues=True),
        title="T",
        author="A",
    )
    assert normal_form(doc).blocks == (
        ordered("a", "b", style=roman),
        para("p"),
        ordered("c", style=roman, continues=True),
        ordered("d"),
    )


def test_a_list_in_a_section_continues_a_list_met_before_the_section() -> None:
    """Word counts a continuing list across headings, so its normal form keeps `continues`
    (the lists met before a section were forgotten inside it: found by the reader's property
    with continuing lists and references)."""
    from pccplan.compose.tree import ListItem, OrderedList

    first = OrderedList(items=(ListItem(blocks=(para("One."),)),))
    later = OrderedList(items=(ListItem(blocks=(para("Two."),)),), continues=True)
    doc = document(first, section("Later", later), title="T", author="A")
    inner = normal_form(doc).blocks[1]
    assert inner.blocks[0].continues is True  # type: ignore[union-attr]
