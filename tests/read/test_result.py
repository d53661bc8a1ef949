"""Tests for the reader's result and warnings."""

from __future__ import annotations

from pccplan.compose import document, para
from pccplan.finding import FindingsOf
from pccplan.read.result import ReadResult, ReadWarning


def test_a_warning_says_where_and_how_often() -> None:
    assert (
        str(ReadWarning(where="paragraph 3", message="a picture skipped")) == "paragraph 3: a picture skipped"
    )
    many = ReadWarning(where="table 1", message="merged cells read as separate cells", count=4)
    assert str(many) == "table 1: merged cells read as separate cells (4 times)"
    assert many.to_json() == {
        "code": "read",
        "severity": "warning",
        "where": "table 1",
        "message": "merged cells read as separate cells",
        "count": 4,
    }


def test_a_result_holds_the_tree_and_its_text() -> None:
    doc = document(para("x"), title="T", author="A")
    result = ReadResult(document=doc, text="x")
    assert result.warnings == ()


def test_the_warnings_are_a_findings_collection_and_still_a_tuple() -> None:
    doc = document(para("x"), title="T", author="A")
    skipped = ReadWarning(where="paragraph 1", message="a picture skipped")
    for given in ((skipped,), [skipped]):
        result = ReadResult(document=doc, text="x", warnings=given)
        assert isinstance(result.warnings, FindingsOf)
        assert result.warnings == (skipped,)
        assert (result.warnings[0], len(result.warnings)) == (skipped, 1)
        assert result.warnings.to_json() == [skipped.to_json()]
        assert result.warnings.ordered() == (skipped,)
        assert result == ReadResult(document=doc, text="x", warnings=(skipped,))
    assert isinstance(ReadResult(document=doc, text="x").warnings, FindingsOf)
    assert ReadResult(document=doc, text="x").warnings.clean
