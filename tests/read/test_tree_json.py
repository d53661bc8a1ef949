"""Tests for the tree as JSON."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from tests.tree_strategies import documents

from pccplan.compose import document, link, ordered, para
from pccplan.compose.tree import Document
from pccplan.number_formats import ListStyle
from pccplan.read.tree_json import to_json


def test_each_node_is_an_object_with_its_type_and_fields() -> None:
    doc = document(
        para("See ", link("the Act", "https://example.org")), title="T", author="A", date=dt.date(2017, 2, 8)
    )
    data = to_json(doc)
    assert data["type"] == "Document"
    assert data["meta"]["date"] == "2017-02-08"
    (paragraph,) = data["blocks"]
    assert paragraph == {
        "type": "Paragraph",
        "content": [
            {"type": "Text", "text": "See "},
            {"type": "Link", "content": [{"type": "Text", "text": "the Act"}], "url": "https://example.org"},
        ],
        "numbered": False,
        "exempt": None,
        "label": None,
        "keep_with_next": False,
    }


@settings(max_examples=30, deadline=None)
@given(documents())
def test_any_tree_is_json(doc: Document) -> None:
    assert json.loads(json.dumps(to_json(doc))) == to_json(doc)


def test_a_list_style_is_its_label() -> None:
    listed = ordered("x", style=ListStyle.LOWER_ROMAN_BRACKETED, start=2)
    data = to_json(listed)
    assert (data["style"], data["start"], data["continues"]) == ("(i)", 2, False)
    json.dumps(data)
