"""Tests for the package parts: content types, relationships and document properties."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lxml import etree

from pccplan.render.docx import opc

SRC = Path(opc.__file__).resolve().parent


def local(el: etree._Element) -> list[str]:
    return [etree.QName(c).localname for c in el]


def test_core_properties_without_a_date_have_no_timestamps() -> None:
    core = opc.core_properties(
        title="T", subject=None, author="OPCC", keywords=(), description=None, language="en-GB", date=None
    )
    assert local(core) == ["title", "creator", "language"]
    dated = opc.core_properties(
        title="T",
        subject="S",
        author="A",
        keywords=("a", "b"),
        description="D",
        language="cy",
        date=dt.date(2024, 5, 2),
    )
    assert local(dated)[-2:] == ["created", "modified"]


def test_content_types_are_sorted() -> None:
    data = opc.content_types({"xml": "application/xml", "rels": "r"}, {"/b.xml": "b", "/a.xml": "a"})
    root = etree.fromstring(data)
    assert [e.get("Extension") or e.get("PartName") for e in root] == ["rels", "xml", "/a.xml", "/b.xml"]


def test_relationships_keep_their_order_and_parts_are_standalone_utf8() -> None:
    data = opc.relationships([("rId2", "t/b", "b.xml"), ("rId1", "t/a", "a.xml")])
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>")
    root = etree.fromstring(data)
    assert root.tag == f"{{{opc.RELATIONSHIPS_NS}}}Relationships"
    assert [r.get("Id") for r in root] == ["rId2", "rId1"]


def test_raw_wordprocessingml_is_made_only_in_xml_py() -> None:
    # The writer, the redline, the package code and this module ask xml.py for every w: element
    # or attribute (issue 14 item 6); redline.py keeps only the diff-to-marks logic.
    for module in sorted(SRC.glob("*.py")):
        if module.name == "xml.py":
            continue
        text = module.read_text(encoding="utf-8")
        assert "wordprocessingml/2006/main" not in text, module.name
        assert "wq(" not in text, module.name
        assert '"w:' not in text, module.name
