"""Comparing two trees: words, alignment, pairing of changed paragraphs, and the list of changes."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st
from tests.strategies import run_counted

from pccplan.compose.compare import Change, align, compare_trees, moves, pair, similarity, words
from pccplan.compose.plan_document import plan_document
from pccplan.compose.tree import Document, Metadata, Paragraph, Text
from pccplan.examples import example_plan

TOKENS = st.lists(st.sampled_from(["the", "plan", "draft", " ", "victims", ".", "and"]), max_size=12)


def test_words_split_closing_punctuation_from_the_word() -> None:
    assert words("the plan.") == ("the", " ", "plan", ".")
    assert words("£94.25m, (a)") == ("£94.25m", ",", " ", "(a", ")")
    assert words("") == ()


def test_words_join_back_to_the_text() -> None:
    def check(text: str) -> bool:
        assert "".join(words(text)) == text
        return True

    run_counted(check, text=st.text(alphabet=st.sampled_from("ab .,;\n\t)\u201d"), max_size=30))


def test_align_rebuilds_both_sides() -> None:
    def check(old: list[str], new: list[str]) -> bool:
        spans = align(old, new, gap=lambda i: old[i].isspace())
        rebuilt_old = [x for s in spans if s.kind != "inserted" for x in old[s.old[0] : s.old[1]]]
        rebuilt_new = [x for s in spans if s.kind != "deleted" for x in new[s.new[0] : s.new[1]]]
        assert rebuilt_old == old
        assert rebuilt_new == new
        return True

    run_counted(check, old=TOKENS, new=TOKENS)


def test_a_space_between_two_changes_joins_them() -> None:
    old, new = words("the draft plan"), words("a final plan")
    kinds = [s.kind for s in align(old, new, gap=lambda i: old[i].isspace())]
    assert kinds == ["deleted", "inserted", "equal"]


def test_pair_matches_a_changed_paragraph_and_lists_the_rest() -> None:
    old = ["Intro", "Victims", "Old section", "End"]
    new = ["Intro", "Victims and witnesses", "Brand new", "End"]
    pairs = pair(old, new, lambda i, j: similarity(old[i], new[j]) >= 0.5)
    assert pairs == ((0, 0), (1, 1), (2, None), (None, 2), (3, 3))


def test_similarity_counts_a_lengthened_heading_as_one_heading() -> None:
    assert similarity("Victims", "Victims and witnesses") == 1.0
    assert similarity("Offenders", "Offending") == 0.0
    assert similarity("", "") == 1.0


def test_compare_trees_lists_each_change_with_word_counts() -> None:
    plan = example_plan()
    themes = list(plan.themes)
    themes[0] = attrs.evolve(themes[0], aim=themes[0].aim.replace("cope and recover", "recover fully"))
    old, new = plan_document(plan), plan_document(attrs.evolve(plan, themes=tuple(themes)))
    comparison = compare_trees(old, new)
    assert {c.kind for c in comparison.changes} == {"changed"}
    assert comparison.changes[0].deleted == 3  # 'cope', 'and', 'recover'
    assert comparison.changes[0].inserted == 2  # 'recover', 'fully'
    assert comparison.summary().startswith("paragraphs: ")
    assert compare_trees(old, old).summary() == "no changes"
    assert Change(kind="inserted", old=None, new="x", inserted=1, deleted=0).to_json()["new"] == "x"


def test_moves_pairs_a_deleted_block_with_the_same_block_inserted_elsewhere() -> None:
    old = ["A", "B", "C", "D", "E"]
    new = ["B", "E", "A", "C", "D"]  # kept in order: A, C, D; so B and E moved, each on its own
    pairs = pair(old, new, lambda i, j: False)
    assert moves(pairs, old, new, lambda i: True) == (((1, 0),), ((4, 1),))
    assert moves(pairs, old, new, lambda i: old[i] != "B") == (((4, 1),),)
    old, new = ["A", "B", "C", "D"], ["C", "D", "A", "B"]  # C and D moved together
    assert moves(pair(old, new, lambda i, j: False), old, new, lambda i: True) == (((2, 0), (3, 1)),)


def test_a_block_found_twice_has_not_moved() -> None:
    old, new = ["Heading", "Aims", "Other"], ["Other", "Aims", "Heading", "Aims"]
    pairs = pair(old, new, lambda i, j: False)
    assert [
        group for group in moves(pairs, old, new, lambda i: True) if any(old[i] == "Aims" for i, _ in group)
    ] == []


def test_compare_trees_lists_a_moved_paragraph_once_where_it_now_stands() -> None:
    def doc(*texts: str) -> Document:
        return Document(
            meta=Metadata(title="t", author="a"),
            blocks=tuple(Paragraph(content=(Text(text=t),)) for t in texts),
        )

    comparison = compare_trees(doc("First.", "Second.", "Third."), doc("Second.", "Third.", "First."))
    assert [(c.kind, c.new) for c in comparison.changes] == [("moved", "First.")]
    assert comparison.summary() == "paragraphs: 1 moved; words: 0 inserted, 0 deleted"
