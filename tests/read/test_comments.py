"""Comments read back as annotations with author, date, text and the text they are attached to."""

from __future__ import annotations

import datetime as dt

from tests.read.wordfiles import W, body, package, rels

from pccplan.read import read_docx

COMMENTS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:comments xmlns:w="{W}">'
    '<w:comment w:id="0" w:author="Chief Constable" w:initials="CC" w:date="2017-02-10T09:15:00Z">'
    "<w:p><w:r><w:t>Please say which unit leads.</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Second line.</w:t></w:r></w:p></w:comment>"
    '<w:comment w:id="1" w:author="Panel clerk"><w:p><w:r><w:t>Unanchored.</w:t></w:r></w:p></w:comment>'
    "</w:comments>"
)
BODY = (
    "<w:p><w:r><w:t>Title</w:t></w:r></w:p>"
    "<w:p><w:r><w:t xml:space='preserve'>We will </w:t></w:r><w:commentRangeStart w:id='0'/>"
    "<w:r><w:t>tackle county lines</w:t></w:r><w:commentRangeEnd w:id='0'/>"
    "<w:r><w:commentReference w:id='0'/></w:r><w:r><w:t>.</w:t></w:r></w:p>"
)


def commented() -> bytes:
    return package(
        body(BODY),
        parts={
            "word/comments.xml": COMMENTS,
            "word/_rels/document.xml.rels": rels(("rId1", "comments", "comments.xml")),
        },
    )


def test_comments_are_read_as_annotations_not_dropped() -> None:
    result = read_docx(commented())
    first, second = result.annotations
    assert first.author == "Chief Constable"
    assert first.initials == "CC"
    assert first.date == dt.datetime(2017, 2, 10, 9, 15, tzinfo=dt.UTC)
    assert first.text == "Please say which unit leads.\nSecond line."
    assert first.anchor == "tackle county lines"
    assert first.where == "paragraph 2"
    assert (second.author, second.date, second.anchor, second.where) == ("Panel clerk", None, "", None)
    assert first.to_json()["date"] == "2017-02-10T09:15:00+00:00"


def test_the_text_is_read_without_the_comments_and_says_where_they_went() -> None:
    result = read_docx(commented())
    assert result.text == "Title\nWe will tackle county lines."
    assert [w.message for w in result.warnings if w.where == "document"] == [
        "comments read as annotations (ReadResult.annotations), not into the tree"
    ]
