"""The names cross-references point at: one spelling for Word's bookmarks and for HTML/Markdown ids."""

from __future__ import annotations

import pytest
from hypothesis import given
from tests.tree_strategies import labels

from pccplan.render.anchors import reference_bookmark, reference_id, split_lead


def test_a_label_s_bookmark_is_hidden_in_word_and_its_id_drops_the_underscore() -> None:
    assert reference_bookmark("budget") == "_Ref_budget"
    assert reference_id("budget") == "Ref_budget"


@given(labels)
def test_any_label_s_id_is_its_bookmark_without_the_hiding_underscore(label: str) -> None:
    bookmark = reference_bookmark(label)
    assert len(bookmark) <= 40  # Word's limit for a bookmark's name
    assert reference_id(label) == bookmark[1:]
    assert reference_id(label)[0].isalpha()  # a pandoc identifier starts with a letter


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("See paragraph ", ("See ", "paragraph ")),
        ("as in Section ", ("as in ", "Section ")),
        ("tables ", ("", "tables ")),
        ("see appendix\u00a0", ("see ", "appendix\u00a0")),
        ("a subparagraph ", ("a subparagraph ", "")),
        ("the figure ", ("the figure ", "")),
        ("", ("", "")),
    ],
)
def test_the_word_before_a_reference_goes_inside_its_link(text: str, split: tuple[str, str]) -> None:
    assert split_lead(text) == split
    assert "".join(split_lead(text)) == text
