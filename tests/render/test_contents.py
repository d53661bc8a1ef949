"""Tests for the entries of a table of contents."""

from __future__ import annotations

import pytest

from pccplan.compose import bullets, contents, document, numbered, para, section, table
from pccplan.compose.tree import Contents, Document
from pccplan.errors import ValidationError
from pccplan.render.contents import Entry, contents_entries, has_contents


def plan() -> Document:
    return document(
        contents(),
        section("Purpose", numbered("Why."), numbered=True),
        section("Background", section("The Act", section("Section 5", para("x"))), numbered=True),
        section("Appendix A", para("Attached.")),
        title="Plan",
        author="OPCC",
    )


def test_entries_are_the_headings_numbered_as_shown_down_to_the_depth() -> None:
    assert contents_entries(plan(), Contents()) == [
        Entry(level=1, number="1.", title="Purpose", index=0),
        Entry(level=1, number="2.", title="Background", index=1),
        Entry(level=2, number="", title="The Act", index=2),
        Entry(level=1, number="", title="Appendix A", index=4),  # index 3 is the unlisted level 3
    ]
    assert [e.title for e in contents_entries(plan(), Contents(depth=1))] == [
        "Purpose",
        "Background",
        "Appendix A",
    ]
    assert len(contents_entries(plan(), Contents(depth=3))) == 5


def test_a_contents_is_found_wherever_it_sits() -> None:
    assert has_contents(plan())
    assert not has_contents(document(section("A", para("x")), title="T", author="A"))
    in_a_list = document(bullets(("item", contents())), title="T", author="A")
    in_a_cell = document(table(rows=[[contents()]]), title="T", author="A")
    in_a_section = document(section("A", contents()), title="T", author="A")
    assert has_contents(in_a_list)
    assert has_contents(in_a_cell)
    assert has_contents(in_a_section)


@pytest.mark.parametrize("depth", [0, 4, True, "2"])
def test_a_contents_depth_outside_one_to_three_names_the_field_and_value(depth: object) -> None:
    with pytest.raises(ValidationError, match=r"Contents\.depth: must be 1, 2 or 3"):
        Contents(depth=depth)  # type: ignore[arg-type]
