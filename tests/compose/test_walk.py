"""Tests for the generic walk and query, the exempt views, numbering and plain text."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
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
from pccplan.compose.tree import Document, Exempt, Node, Note, Paragraph, Section, Strong, Text
from pccplan.compose.walk import (
    ListNumbers,
    WordNumbers,
    exempt_view,
    full_view,
    iter_nodes,
    notes,
    ordered_label,
    plain_text,
    public_view,
    query,
    reference_texts,
    walk,
)
from pccplan.number_formats import ListStyle


def report() -> Document:
    return document(
        section("Purpose", numbered("To present the Plan."), numbered=True),
        section(
            "Background",
            numbered(*inline("The Act^[PRSRA 2011.] requires:")),
            bullets("objectives;", ("policing;", ordered("first", "second"))),
            "Unnumbered.",
            section("Sub-heading", numbered("Continues the count.")),
            numbered=True,
        ),
        section("Costs", numbered("Secret.", exempt=exempt(3)), numbered=True),
        section(
            "Appendix B", para(inline("Hidden^[note in exempt part]")), exempt=exempt(1, "Names of officers")
        ),
        title="Report",
        author="OPCC",
    )


def test_plain_text_numbers_as_word_does() -> None:
    assert plain_text(full_view(report())).splitlines()[:12] == [
        "1. Purpose",
        "1.1 To present the Plan.",
        "2. Background",
        "2.1 The Act1 requires:",
        "• objectives;",
        "• policing;",
        "a. first",
        "b. second",
        "Unnumbered.",
        "Sub-heading",
        "2.2 Continues the count.",
        "3. Costs",
    ]


def test_plain_text_puts_notes_at_the_end() -> None:
    lines = plain_text(full_view(report())).splitlines()
    assert lines[-2:] == ["1 PRSRA 2011.", "2 note in exempt part"]


def test_public_view_replaces_exempt_parts_but_keeps_numbers_and_headings() -> None:
    text = plain_text(public_view(report()))
    assert "Secret." not in text
    assert "Hidden" not in text
    assert (
        "3.1 This paragraph is not for publication: it contains exempt information under paragraph 3" in text
    )
    assert "Appendix B\nThis section is not for publication" in text
    assert "(names of officers)" in text
    assert "note in exempt part" not in text


def test_full_view_marks_exempt_parts() -> None:
    text = plain_text(full_view(report()))
    assert "3.1 EXEMPT: paragraph 3 of Schedule 12A Secret." in text
    assert "Appendix B\nEXEMPT: paragraph 1 of Schedule 12A (names of officers)\nHidden2" in text


@pytest.mark.parametrize("public", [True, False])
def test_views_leave_no_exempt_marks(public: bool) -> None:
    assert not query(exempt_view(report(), public=public), lambda n: [n] if isinstance(n, Exempt) else [])


def test_a_list_marked_on_its_own_is_announced_in_both_views() -> None:
    # It used to vanish from the public view with no notice, and lose its mark in the full one.
    lone = attrs.evolve(bullets("Inspector A.", "Sergeant B."), exempt=exempt(2))
    doc = document(section("Staffing", "Those affected:", lone, table(rows=[[lone]])), title="T", author="A")
    label = "information which is likely to reveal the identity of an individual"
    notice = (
        "This list is not for publication: it contains exempt information under paragraph 2 of Schedule 12A "
        f"to the Local Government Act 1972 ({label})."
    )
    assert plain_text(public_view(doc)).splitlines() == ["Staffing", "Those affected:", notice, notice]
    full = plain_text(full_view(doc)).splitlines()
    marker = f"EXEMPT: paragraph 2 of Schedule 12A ({label})"
    assert full == ["Staffing", "Those affected:", *[marker, "• Inspector A.", "• Sergeant B."] * 2]


def test_the_bullets_of_an_exempt_paragraph_share_its_one_notice() -> None:
    mark = exempt(1)
    doc = document(
        para("Affected:", exempt=mark),
        attrs.evolve(bullets("Inspector A."), exempt=mark),
        title="T",
        author="A",
    )
    assert plain_text(public_view(doc)).count("not for publication") == 1
    assert plain_text(full_view(doc)).count("EXEMPT") == 1


def test_walk_shares_unchanged_trees_and_splices_sequences() -> None:
    doc = report()
    assert walk(doc, lambda n: n) is doc

    def drop_notes(node: Node) -> Node | tuple[Node, ...]:
        return () if isinstance(node, Note) else node

    stripped = walk(doc, drop_notes)
    assert notes(stripped) == []
    assert stripped.blocks[0] is doc.blocks[0]


def test_walk_refuses_a_root_of_another_type() -> None:
    with pytest.raises(TypeError, match="must return a Document"):
        walk(report(), lambda n: Text(text="x") if isinstance(n, Document) else n)


def test_walk_refuses_splicing_into_a_single_node_field() -> None:
    doc = document(table(header=["a"], rows=[["b"]]), title="T", author="A")
    with pytest.raises(TypeError, match="holds one node"):
        walk(doc, lambda n: () if type(n).__name__ == "Row" else n)


def test_walk_rebuilds_through_validation() -> None:
    def shout(node: Node) -> Node:
        return attrs.evolve(node, title=node.title.upper()) if isinstance(node, Section) else node

    assert next(b.title for b in walk(report(), shout).blocks if isinstance(b, Section)) == "PURPOSE"


def test_query_and_iter_nodes_go_in_document_order() -> None:
    doc = report()
    texts = query(doc, lambda n: [n.text] if isinstance(n, Text) else [])
    assert texts[:3] == ["To present the Plan.", "The Act", "PRSRA 2011."]
    assert next(iter(iter_nodes(doc))) is doc
    assert [len(n.content) for n in notes(doc)] == [1, 1]


def test_word_numbers_restart_paragraphs_at_each_section() -> None:
    numbers = WordNumbers()
    assert [numbers.next_section(), numbers.next_paragraph(), numbers.next_paragraph()] == [
        "1.",
        "1.1",
        "1.2",
    ]
    assert [numbers.next_section(), numbers.next_paragraph()] == ["2.", "2.1"]


@pytest.mark.parametrize(
    ("depth", "number", "label"),
    [
        (0, 1, "1."),
        (0, 12, "12."),
        (1, 1, "a."),
        (1, 27, "aa."),
        (2, 4, "iv."),
        (2, 1999, "mcmxcix."),
        (3, 2, "2."),
    ],
)
def test_ordered_labels(depth: int, number: int, label: str) -> None:
    assert ordered_label(depth, number) == label


def test_plain_text_of_tables_and_breaks() -> None:
    doc = document(
        table(caption="Budget", header=["Line", ""], rows=[["a\nb", []]]),
        para(Strong(content=(Text(text="x"),))),
        title="T",
        author="A",
    )
    assert plain_text(doc) == "Budget\nLine\n\na\nb\n\nx"


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_identity_walk_and_views_keep_valid_trees(doc: Document) -> None:
    assert walk(doc, lambda n: n) == doc
    for public in (True, False):
        view = exempt_view(doc, public=public)
        assert isinstance(view, Document)
        assert not [n for n in iter_nodes(view) if isinstance(n, Paragraph | Section) and n.exempt]


def test_list_numbers_restart_at_a_start_or_continue_the_list_before() -> None:
    first = ordered("a", "b", style=ListStyle.LOWER_ROMAN_BRACKETED)
    again = ordered("c", style=ListStyle.LOWER_ROMAN_BRACKETED, continues=True)
    other_depth = ordered("d", style=ListStyle.LOWER_ROMAN_BRACKETED, continues=True)
    numbers = ListNumbers()
    assert numbers.labels(first, 0) == ["(i)", "(ii)"]
    assert numbers.labels(other_depth, 1) == ["(i)"]  # nothing before it at its depth
    assert numbers.labels(again, 0) == ["(iii)"]
    assert numbers.labels(ordered("x", start=7), 0) == ["7."]
    assert numbers.labels(ordered("y", continues=True), 0) == ["8."]


def test_plain_text_shows_list_styles_and_starts() -> None:
    doc = document(
        ordered("one", style=ListStyle.LOWER_LETTER_BRACKETED, start=2),
        ordered(["x", ordered("y", style=ListStyle.UPPER_ROMAN)]),
        title="T",
        author="A",
    )
    assert plain_text(doc) == "(b) one\n1. x\nI. y"


def _referring() -> Document:
    return document(
        section(
            "Purpose",
            numbered("First."),
            numbered("The budget.", label="budget"),
            numbered=True,
            label="purpose",
        ),
        section(
            "Background",
            numbered("See paragraph ", ref("budget"), " of section ", ref("purpose"), "."),
            numbered=True,
        ),
        section("Appendix A: Draft plan", "Text.", new_page=True, label="appendix"),
        para("See ", ref("appendix"), "."),
        title="T",
        author="A",
    )


def test_references_show_numbers_titles_and_captions() -> None:
    assert reference_texts(_referring()) == {
        "purpose": "1",
        "budget": "1.2",
        "appendix": "Appendix A: Draft plan",
    }
    text = plain_text(_referring())
    assert "2.1 See paragraph 1.2 of section 1." in text
    assert text.endswith("See Appendix A: Draft plan.")


def test_the_public_view_keeps_the_number_of_a_target_it_leaves_out() -> None:
    doc = document(
        section("Open", numbered("See paragraph ", ref("secret"), "."), numbered=True),
        section("Closed", numbered("Private.", label="secret"), numbered=True, exempt=exempt(3)),
        title="T",
        author="A",
    )
    assert "1.1 See paragraph 2.1." in plain_text(public_view(doc))
    assert "1.1 See paragraph 2.1." in plain_text(full_view(doc))


def test_the_public_view_does_not_show_the_caption_of_an_exempt_table() -> None:
    doc = document(
        section("Open", numbered("See ", ref("costs"), "."), numbered=True),
        section(
            "Closed",
            table(caption="Costs of the Smith contract", rows=[["x"]], label="costs"),
            numbered=True,
            exempt=exempt(3),
        ),
        title="T",
        author="A",
    )
    public = plain_text(public_view(doc))
    assert "1.1 See a table not for publication." in public
    assert "Smith" not in public


def test_iter_nodes_visits_a_table_of_contents() -> None:
    from pccplan.compose.build import contents, document, para
    from pccplan.compose.tree import Contents

    doc = document(contents(), para("Body."), title="T", author="A")
    assert [type(n) for n in iter_nodes(doc)].count(Contents) == 1
