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


# ---------------------------------------------------------------- templates opened as the reader opens files


def _template() -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def _with_part(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
        if name not in source.namelist():
            target.writestr(name, content)
    return out.getvalue()


def test_a_template_declaring_a_million_parts_is_refused_before_python_docx_opens_it(tmp_path: Path) -> None:
    from tests.read.wordfiles import declared_directory

    path = tmp_path / "letterhead.docx"
    path.write_bytes(declared_directory(_template(), entries=1_000_000, zip64=True))
    with pytest.raises(RenderError, match=r"letterhead\.docx: .*declares 1,000,000 parts, more than 2000"):
        open_template(path)


def test_a_template_with_a_zip_bomb_part_is_refused_from_its_directory() -> None:
    bomb = _with_part(
        _template(), "word/media/filler.bin", b"\0" * (33 * 1024 * 1024)
    )  # about 33 KB deflated
    with pytest.raises(RenderError, match=r"template \(bytes\): .*zip bomb.*word/media/filler\.bin"):
        open_template(bomb)


def test_a_template_declaring_entities_is_refused() -> None:
    styles = b'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY e "x">]>'
    with zipfile.ZipFile(io.BytesIO(_template())) as archive:
        styles += archive.read("word/styles.xml").split(b"?>", 1)[1]
    with pytest.raises(RenderError, match=r"word/styles\.xml.*DOCTYPE"):
        open_template(_with_part(_template(), "word/styles.xml", styles))


def test_an_ordinary_template_still_opens() -> None:
    document, house = open_template(_template())
    assert house is False
    assert document.part.partname == "/word/document.xml"
