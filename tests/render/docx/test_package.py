"""Tests for opening templates and writing reproducible zips."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from pccplan.errors import RenderError
from pccplan.render.docx.package import ZIP_TIME, open_template, zip_members


def test_zip_members_are_in_order_with_one_timestamp() -> None:
    data = zip_members([("b.xml", b"<b/>"), ("a.xml", b"<a/>")])
    assert data == zip_members([("b.xml", b"<b/>"), ("a.xml", b"<a/>")])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["b.xml", "a.xml"]
        assert {info.date_time for info in archive.infolist()} == {ZIP_TIME}


def test_the_house_template_is_the_writers_own() -> None:
    document, house = open_template(None)
    assert house is True
    assert document.part.partname == "/word/document.xml"


def test_a_template_that_is_not_a_docx_names_itself(tmp_path: Path) -> None:
    bad = tmp_path / "letterhead.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(RenderError, match=r"letterhead\.docx: not a usable Word \.docx template"):
        open_template(bad)
    with pytest.raises(RenderError, match=r"template \(bytes\)"):
        open_template(b"")
