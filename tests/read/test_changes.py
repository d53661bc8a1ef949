"""Tracked changes read back: the text as accepted, and the list of changes with author and date."""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree
from tests.read.wordfiles import W, body, package

from pccplan.read import read_docx
from pccplan.read.changes import removed_on_accept, revision_date, tracked_changes

WHO = 'w:author="Jo Bloggs" w:date="2017-03-01T10:00:00Z"'

TRACKED = (
    "<w:p><w:r><w:t xml:space='preserve'>The Plan </w:t></w:r>"
    f"<w:del w:id='1' {WHO}><w:r><w:delText>will</w:delText></w:r></w:del>"
    f"<w:ins w:id='2' {WHO}><w:r><w:t>must</w:t></w:r></w:ins>"
    "<w:r><w:t xml:space='preserve'> be published.</w:t></w:r></w:p>"
    f"<w:p><w:pPr><w:rPr><w:del w:id='3' {WHO}/></w:rPr></w:pPr>"
    f"<w:del w:id='4' {WHO}><w:r><w:delText>A paragraph deleted whole.</w:delText></w:r></w:del></w:p>"
    f"<w:p><w:pPr><w:rPr><w:ins w:id='5' w:author='Sam'/></w:rPr></w:pPr>"
    f"<w:ins w:id='6' w:author='Sam'><w:r><w:t>A paragraph inserted whole.</w:t></w:r></w:ins></w:p>"
    "<w:tbl><w:tblGrid><w:gridCol w:w='2000'/></w:tblGrid>"
    "<w:tr><w:tc><w:p><w:r><w:t>Kept row</w:t></w:r></w:p></w:tc></w:tr>"
    f"<w:tr><w:trPr><w:del w:id='7' {WHO}/></w:trPr><w:tc><w:p><w:pPr><w:rPr><w:del w:id='8' {WHO}/></w:rPr>"
    f"</w:pPr><w:del w:id='9' {WHO}><w:r><w:delText>Deleted row</w:delText></w:r></w:del></w:p></w:tc></w:tr>"
    "</w:tbl><w:p/>"
)


def test_tracked_changes_are_read_as_accepted() -> None:
    result = read_docx(package(body(TRACKED)))
    assert result.text.split("\n")[:3] == [
        "The Plan must be published.",
        "A paragraph inserted whole.",
        "Kept row",
    ]
    assert "deleted" not in result.text.lower()
    assert "tracked changes read as if accepted" in [w.message for w in result.warnings]


def test_tracked_changes_are_listed_with_kind_author_date_and_text() -> None:
    changes = read_docx(package(body(TRACKED))).changes
    when = dt.datetime(2017, 3, 1, 10, 0, tzinfo=dt.UTC)
    assert [(c.kind, c.scope, c.text) for c in changes] == [
        ("deletion", "text", "will"),
        ("insertion", "text", "must"),
        ("deletion", "paragraph", ""),
        ("deletion", "text", "A paragraph deleted whole."),
        ("insertion", "paragraph", ""),
        ("insertion", "text", "A paragraph inserted whole."),
        ("deletion", "row", ""),
        ("deletion", "paragraph", ""),
        ("deletion", "text", "Deleted row"),
    ]
    assert changes[0].author == "Jo Bloggs"
    assert changes[0].date == when
    assert changes[4].author == "Sam"
    assert changes[4].date is None
    assert [c.where for c in changes[:3]] == ["paragraph 1", "paragraph 1", "paragraph 2"]
    assert changes[6].where == "paragraph 5"  # the deleted row's first paragraph
    assert changes[0].to_json() == {
        "kind": "deletion",
        "scope": "text",
        "text": "will",
        "author": "Jo Bloggs",
        "date": "2017-03-01T10:00:00+00:00",
        "where": "paragraph 1",
    }


def test_a_document_without_changes_reads_as_before() -> None:
    result = read_docx(package(body("<w:p><w:r><w:t>Plain</w:t></w:r></w:p>")))
    assert result.changes == ()
    assert result.annotations == ()
    assert not [w for w in result.warnings if w.where == "document"]


def test_only_a_paragraph_deleted_whole_is_removed_on_accept() -> None:
    def element(xml: str) -> etree._Element:
        return etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')[0]

    mark = f"<w:pPr><w:rPr><w:del w:id='1' {WHO}/></w:rPr></w:pPr>"
    assert removed_on_accept(
        element(f"<w:p>{mark}<w:del w:id='2' {WHO}><w:r><w:delText>x</w:delText></w:r></w:del></w:p>")
    )
    assert removed_on_accept(element(f"<w:p>{mark}</w:p>"))
    assert not removed_on_accept(element(f"<w:p>{mark}<w:r><w:t>kept</w:t></w:r></w:p>"))
    assert not removed_on_accept(element("<w:p><w:r><w:t>plain</w:t></w:r></w:p>"))
    assert not removed_on_accept(element("<w:tbl/>"))


def test_changes_of_numbering_are_not_listed() -> None:
    xml = (
        f'<w:body xmlns:w="{W}"><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
        f"<w:ins w:id='1' {WHO}/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p></w:body>"
    )
    assert tracked_changes(etree.fromstring(xml)) == ()


def test_dates_are_read_or_left_out() -> None:
    assert revision_date("2017-03-01T00:00:00Z") == dt.datetime(2017, 3, 1, tzinfo=dt.UTC)
    assert revision_date("not a date") is None
    assert revision_date(None) is None


MOVED = (
    # As Word writes a paragraph moved down past another: its old place inside moveFrom (text
    # still w:t), its new place inside moveTo, the two ranges named alike.
    f"<w:p><w:pPr><w:rPr><w:moveFrom w:id='1' {WHO}/></w:rPr></w:pPr>"
    f"<w:moveFromRangeStart w:id='2' w:name='move1' {WHO}/>"
    f"<w:moveFrom w:id='3' {WHO}><w:r><w:t>Moved down.</w:t></w:r></w:moveFrom>"
    "<w:moveFromRangeEnd w:id='2'/></w:p>"
    "<w:p><w:r><w:t>Stayed.</w:t></w:r></w:p>"
    f"<w:p><w:pPr><w:rPr><w:moveTo w:id='4' {WHO}/></w:rPr></w:pPr>"
    f"<w:moveToRangeStart w:id='5' w:name='move1' {WHO}/>"
    f"<w:moveTo w:id='6' {WHO}><w:r><w:t>Moved down.</w:t></w:r></w:moveTo>"
    "<w:moveToRangeEnd w:id='5'/></w:p>"
)


def test_a_move_is_read_once_at_its_new_place_and_listed_as_one_move() -> None:
    result = read_docx(package(body(MOVED)))
    assert result.text == "Stayed.\nMoved down."
    [move] = result.changes
    assert (move.kind, move.scope, move.text) == ("move", "text", "Moved down.")
    assert (move.where, move.origin) == ("paragraph 3", "paragraph 1")
    assert move.author == "Jo Bloggs"
    assert move.date == dt.datetime(2017, 3, 1, 10, 0, tzinfo=dt.UTC)
    assert move.to_json()["origin"] == "paragraph 1"


def test_a_move_outside_named_ranges_is_listed_as_a_deletion_and_an_insertion() -> None:
    unnamed = re.sub(r"<w:move(From|To)Range(Start|End)[^>]*/>", "", MOVED)
    kinds = [(c.kind, c.scope) for c in read_docx(package(body(unnamed))).changes]
    assert kinds == [
        ("deletion", "paragraph"),
        ("deletion", "text"),
        ("insertion", "paragraph"),
        ("insertion", "text"),
    ]


def test_changes_of_formatting_are_listed_with_the_text_they_format() -> None:
    xml = (
        f"<w:p><w:pPr><w:pStyle w:val='Heading2'/><w:pPrChange w:id='1' {WHO}><w:pPr>"
        "<w:pStyle w:val='Heading1'/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Victims</w:t></w:r></w:p>"
        "<w:p><w:r><w:t xml:space='preserve'>Support </w:t></w:r>"
        f"<w:r><w:rPr><w:b/><w:rPrChange w:id='2' {WHO}><w:rPr/></w:rPrChange></w:rPr>"
        "<w:t>victims</w:t></w:r></w:p>"
    )
    result = read_docx(package(body(xml)))
    assert result.text == "Victims\nSupport victims"
    assert [(c.kind, c.scope, c.text, c.where, c.author) for c in result.changes] == [
        ("format", "paragraph", "Victims", "paragraph 1", "Jo Bloggs"),
        ("format", "text", "victims", "paragraph 2", "Jo Bloggs"),
    ]
    assert "tracked changes read as if accepted" in [w.message for w in result.warnings]
