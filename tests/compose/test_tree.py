"""Tests for the tree's nodes: what each refuses when built, and the document's structure rules."""

from __future__ import annotations

import attrs
import pytest

from pccplan.compose.tree import (
    SCHEDULE_12A,
    BulletList,
    Cell,
    Document,
    Exempt,
    Letterhead,
    Link,
    ListItem,
    Metadata,
    Note,
    OrderedList,
    Paragraph,
    Ref,
    Row,
    Section,
    Table,
    Text,
    TitleBlock,
)
from pccplan.errors import ValidationError
from pccplan.number_formats import ListStyle

META = Metadata(title="Report", author="Office of the PCC")


def test_text_refuses_characters_xml_cannot_hold() -> None:
    with pytest.raises(ValidationError, match=r"Text\.text: contains a character XML cannot hold") as caught:
        Text(text="bad\x00")
    assert caught.value.path == "text"


def test_text_turns_carriage_returns_into_line_feeds() -> None:
    assert Text(text="a\r\nb\rc").text == "a\nb\nc"


@pytest.mark.parametrize("title", ["", "   "])
def test_empty_titles_are_refused(title: str) -> None:
    with pytest.raises(ValidationError, match=r"Section\.title: must not be empty"):
        Section(title=title)
    with pytest.raises(ValidationError, match=r"Metadata\.title"):
        Metadata(title=title, author="Office")
    with pytest.raises(ValidationError, match=r"TitleBlock\.title"):
        TitleBlock(title=title)


def test_links_need_an_absolute_url_and_some_text() -> None:
    with pytest.raises(ValidationError, match=r"Link\.url"):
        Link(content=(Text(text="x"),), url="legislation.gov.uk")
    with pytest.raises(ValidationError, match=r"Link\.content: must not be empty"):
        Link(content=(), url="https://example.org")


def test_a_wrong_node_in_a_list_is_named_with_its_index() -> None:
    with pytest.raises(ValidationError, match=r"Paragraph\.content\[1\]: must be a Text or"):
        Paragraph(content=(Text(text="a"), Paragraph()))  # type: ignore[arg-type]


def test_exempt_needs_a_paragraph_of_schedule_12a_and_defaults_its_label() -> None:
    assert Exempt(paragraph=3).label == SCHEDULE_12A[2]
    assert Exempt(paragraph=1, label="Names of victims").citation == "paragraph 1 of Schedule 12A"
    for bad in (0, 8, True, "3"):
        with pytest.raises(ValidationError, match=r"Exempt\.paragraph"):
            Exempt(paragraph=bad)  # type: ignore[arg-type]


def test_tables_need_rows_of_equal_length_and_matching_widths() -> None:
    row = Row(cells=(Cell(), Cell()))
    with pytest.raises(ValidationError, match=r"rows\[1\]\.cells: fills 1 grid columns, expected 2"):
        Table(rows=(row, Row(cells=(Cell(),))))
    with pytest.raises(ValidationError, match=r"Table\.widths: has 1 widths for 2 columns"):
        Table(rows=(row,), widths=(1.0,))
    with pytest.raises(ValidationError, match=r"widths\[1\]: must be a positive number"):
        Table(rows=(row,), widths=(1.0, 0))
    with pytest.raises(ValidationError, match="at least one row"):
        Table(rows=())
    assert Table(rows=(row,), widths=(3, 1)).fractions == (0.75, 0.25)


def test_a_list_item_starts_with_a_paragraph() -> None:
    with pytest.raises(ValidationError, match=r"ListItem\.blocks\[0\]"):
        ListItem(blocks=(BulletList(items=(ListItem(blocks=(Paragraph(),)),)),))


def test_nodes_are_frozen_and_lists_become_tuples() -> None:
    para = Paragraph(content=[Text(text="a")])  # type: ignore[arg-type]
    assert para.content == (Text(text="a"),)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        para.numbered = True  # type: ignore[misc]


def test_only_top_level_sections_are_numbered() -> None:
    inner = Section(title="Sub", numbered=True)
    with pytest.raises(
        ValidationError, match=r"Document\.blocks\[0\]\.blocks\[0\]\.numbered: only top-level"
    ):
        Document(meta=META, blocks=(Section(title="Top", blocks=(inner,)),))


def test_numbered_paragraphs_sit_in_numbered_sections_only() -> None:
    numbered = Paragraph(content=(Text(text="x"),), numbered=True)
    with pytest.raises(ValidationError, match="numbered paragraphs must sit directly in a numbered section"):
        Document(meta=META, blocks=(numbered,))
    with pytest.raises(ValidationError, match=r"items\[0\]\.blocks\[0\]\.numbered"):
        Document(
            meta=META,
            blocks=(
                Section(
                    title="S", numbered=True, blocks=(BulletList(items=(ListItem(blocks=(numbered,)),)),)
                ),
            ),
        )
    sub = Section(title="Sub", blocks=(numbered,))
    assert Document(meta=META, blocks=(Section(title="S", numbered=True, blocks=(sub,)),))


def test_sections_nest_three_deep_at_most_and_never_inside_lists() -> None:
    deep = Section(title="4", blocks=())
    for level in (3, 2, 1):
        deep = Section(title=str(level), blocks=(deep,))
    with pytest.raises(ValidationError, match="sections nest at most 3 deep"):
        Document(meta=META, blocks=(deep,))
    item = ListItem(blocks=(Paragraph(), Section(title="S")))
    with pytest.raises(ValidationError, match="a section cannot sit in a list"):
        Document(meta=META, blocks=(BulletList(items=(item,)),))


def test_notes_cannot_nest_and_links_cannot_hold_notes() -> None:
    inner = Note(content=(Paragraph(content=(Text(text="x"),)),))
    outer = Note(content=(Paragraph(content=(inner,)),))
    with pytest.raises(ValidationError, match="a note cannot sit in a link or another note"):
        Document(meta=META, blocks=(Paragraph(content=(outer,)),))
    link = Link(content=(inner,), url="https://example.org")
    with pytest.raises(ValidationError, match="a note cannot sit in a link"):
        Document(meta=META, blocks=(Paragraph(content=(link,)),))


def test_title_blocks_sit_at_the_top_level() -> None:
    section = Section(title="S", blocks=(TitleBlock(title="T"),))
    with pytest.raises(ValidationError, match="a title block must be at the top level"):
        Document(meta=META, blocks=(section,))


def test_a_letterhead_holds_a_logo_or_a_line_and_is_the_first_block() -> None:
    with pytest.raises(ValidationError, match=r"Letterhead\.lines: a letterhead needs a logo or a line"):
        Letterhead()
    head = Letterhead(lines=(Paragraph(content=(Text(text="Kent Police and Crime Panel"),)),))
    assert Document(meta=META, blocks=(head, Paragraph())).blocks[0] == head
    with pytest.raises(ValidationError, match=r"blocks\[1\]: a letterhead must be the first block"):
        Document(meta=META, blocks=(Paragraph(), head))
    with pytest.raises(ValidationError, match=r"blocks\[0\]\.blocks\[0\]: a letterhead must be the first"):
        Document(meta=META, blocks=(Section(title="S", blocks=(head,)),))


def test_metadata_defaults_and_header_text() -> None:
    assert META.language == "en-GB"
    assert META.header_text == "Report"
    assert attrs.evolve(META, header="Panel").header_text == "Panel"
    with pytest.raises(ValidationError, match=r"keywords\[1\]"):
        Metadata(title="T", author="A", keywords=("ok", ""))


def _items() -> tuple[ListItem, ...]:
    return (ListItem(blocks=(Paragraph(content=(Text(text="x"),)),)),)


@pytest.mark.parametrize("start", [0, -1, 4000, True, 1.5])
def test_an_ordered_list_start_outside_word_s_range_is_named(start: object) -> None:
    with pytest.raises(ValidationError, match="start: must be a whole number from 1 to 3999"):
        OrderedList(items=_items(), start=start)  # type: ignore[arg-type]


def test_a_list_that_continues_takes_no_start_of_its_own() -> None:
    with pytest.raises(ValidationError, match="continues the previous one") as caught:
        OrderedList(items=_items(), start=3, continues=True)
    assert caught.value.value == 3


def test_a_list_style_must_be_a_list_style() -> None:
    with pytest.raises(TypeError):
        OrderedList(items=_items(), style="(a)")  # type: ignore[arg-type]
    assert OrderedList(items=_items(), style=ListStyle("(a)")).style is ListStyle.LOWER_LETTER_BRACKETED


def _numbered_doc(*blocks: object) -> Document:
    return Document(meta=Metadata(title="T", author="A"), blocks=blocks)  # type: ignore[arg-type]


def test_a_reference_to_an_unknown_label_names_it() -> None:
    text = Paragraph(content=(Text(text="see "), Ref(target="budget")))
    with pytest.raises(ValidationError, match="names no paragraph, section or table") as caught:
        _numbered_doc(text)
    assert caught.value.value == "budget"
    assert caught.value.path == "blocks[0].content[1].target"


def test_labels_are_used_once_on_things_a_reference_can_show() -> None:
    with pytest.raises(ValidationError, match="used twice"):
        _numbered_doc(Section(title="A", label="x"), Section(title="B", label="x"))
    with pytest.raises(ValidationError, match="only a numbered paragraph"):
        _numbered_doc(Paragraph(content=(Text(text="p"),), label="x"))
    row = Row(cells=(Cell(),))
    with pytest.raises(ValidationError, match="needs a caption"):
        _numbered_doc(Table(rows=(row,), label="t"))
    with pytest.raises(ValidationError, match="letter then up to 34"):
        Ref(target="4.3")


def test_a_label_s_bookmark_fits_word_s_forty_characters() -> None:
    from pccplan.render.anchors import reference_bookmark

    longest = "b" * 35
    assert len(reference_bookmark(Ref(target=longest).target)) == 40
    with pytest.raises(ValidationError, match=r"\(35 characters at most\)") as caught:
        Ref(target="b" * 36)
    assert caught.value.value == "b" * 36


def test_a_reference_reaches_into_sections_and_tables() -> None:
    doc = _numbered_doc(
        Section(
            title="S",
            numbered=True,
            blocks=(Paragraph(content=(Text(text="p"),), numbered=True, label="p1"),),
        ),
        Paragraph(content=(Ref(target="p1"),)),
    )
    assert doc.blocks[1].content == (Ref(target="p1"),)  # type: ignore[union-attr]


def test_an_attached_file_names_a_docx_and_stands_in_the_flow() -> None:
    from pccplan.compose.tree import AttachedFile, BulletList, ListItem

    attached = AttachedFile(label="A", title="The draft Plan", path="draft.docx")
    Document(meta=Metadata(title="T", author="A"), blocks=[Section(title="Appendix A", blocks=[attached])])
    with pytest.raises(ValidationError) as caught:
        AttachedFile(label="A", title="The draft Plan", path="draft.pdf")
    assert caught.value.path == "path"
    assert caught.value.value == "draft.pdf"
    in_list = BulletList(items=[ListItem(blocks=[Paragraph(content=[Text(text="x")]), attached])])
    with pytest.raises(ValidationError) as caught:
        Document(meta=Metadata(title="T", author="A"), blocks=[in_list])
    assert caught.value.path == "blocks[0].items[0].blocks[1]"
    assert "an attached file stands in the body or a section" in caught.value.reason


def test_tree_facts_tell_what_a_document_holds_when_built_and_when_unpickled() -> None:
    import pickle

    from pccplan.compose.tree import Contents, tree_facts

    exempt = Exempt(paragraph=3)
    numbered = Paragraph(content=[Text(text="x")], numbered=True, label="p1")
    noted = Paragraph(content=[Note(content=[Paragraph(content=[Text(text="n")])]), Ref(target="p1")])
    section = Section(title="S", numbered=True, blocks=[numbered, noted], label="s1")
    doc = Document(
        meta=Metadata(title="T", author="A"),
        blocks=[Contents(), section, Paragraph(content=[Text(text="y")], exempt=exempt)],
    )
    plain = Document(meta=Metadata(title="T", author="A"), blocks=[Paragraph(content=[Text(text="z")])])
    for each in (doc, pickle.loads(pickle.dumps(doc))):
        facts = tree_facts(each)
        assert {Exempt, Note, Ref, Contents} <= facts.kinds
        assert facts.numbered_labels == {"p1", "s1"}
    assert not {Exempt, Note, Ref, Contents} & tree_facts(plain).kinds
    assert tree_facts(plain).numbered_labels == frozenset()
