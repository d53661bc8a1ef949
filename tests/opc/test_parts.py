"""Tests for the package model the writer edits: python-docx's behaviour, without importing python-docx."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from pccplan.opc.parts import (
    CONTENT_TYPE,
    RELATIONSHIP_TYPE,
    PackURI,
    Part,
    WordDocument,
    XmlPart,
    open_document,
)
from pccplan.render.docx.package import package_bytes, zip_members

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def python_docx_default() -> bytes:
    """python-docx's own default document, saved: a package made by another program."""
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Hello")
    document.save(out)
    return out.getvalue()


def test_a_package_written_back_has_the_bytes_python_docx_gives() -> None:
    data = python_docx_default()
    ours = open_document(data)
    theirs = docx.Document(io.BytesIO(data))
    assert package_bytes(ours.part.package) == package_bytes(theirs.part.package)


def test_parts_python_docx_models_are_parsed_and_the_rest_kept_as_bytes() -> None:
    document = open_document(python_docx_default())
    parts = {str(p.partname): p for p in document.part.package.iter_parts()}
    assert isinstance(parts["/word/document.xml"], XmlPart)
    assert isinstance(parts["/word/styles.xml"], XmlPart)
    assert not isinstance(parts["/word/theme/theme1.xml"], XmlPart)
    assert document.element.body.tag == f"{{{W}}}body"
    assert document.styles.element.tag == f"{{{W}}}styles"
    assert document.settings.element.tag == f"{{{W}}}settings"


def test_a_new_relationship_takes_the_first_free_id_and_an_existing_one_is_reused() -> None:
    document = open_document(python_docx_default())
    part = document.part
    taken = set(part.rels)
    rid = part.relate_to("https://example.org/", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    assert rid not in taken
    assert rid == f"rId{min(n for n in range(1, len(taken) + 2) if f'rId{n}' not in taken)}"
    assert part.relate_to("https://example.org/", RELATIONSHIP_TYPE.HYPERLINK, is_external=True) == rid
    xml = part.rels.xml
    assert b'Target="https://example.org/" TargetMode="External"' in xml


def test_next_partname_counts_past_the_parts_there_are() -> None:
    document = open_document(python_docx_default())
    package = document.part.package
    first = package.next_partname("/word/header%d.xml")
    assert first == "/word/header1.xml"
    header = XmlPart(first, CONTENT_TYPE.WML_HEADER, etree.Element(f"{{{W}}}hdr"), package)
    document.part.relate_to(header, RELATIONSHIP_TYPE.HEADER)
    assert package.next_partname("/word/header%d.xml") == "/word/header2.xml"


def test_a_missing_part_is_a_key_error_and_missing_numbering_not_implemented() -> None:
    document = open_document(python_docx_default())
    with pytest.raises(KeyError):
        document.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)
    assert document.part.numbering_part.element.tag == f"{{{W}}}numbering"
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.NUMBERING:
            del document.part.rels[rid]
    with pytest.raises(NotImplementedError):
        _ = document.part.numbering_part


def test_a_package_whose_main_part_is_not_a_document_is_refused() -> None:
    data = python_docx_default()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    types = members["[Content_Types].xml"].replace(
        CONTENT_TYPE.WML_DOCUMENT_MAIN.encode(),
        b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    )
    with pytest.raises(ValueError, match="not a Word file"):
        open_document({**members, "[Content_Types].xml": types})


def test_a_template_without_styles_gets_python_docx_default_styles() -> None:
    data = python_docx_default()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    rels = etree.fromstring(members["word/_rels/document.xml.rels"])
    for rel in list(rels):
        if rel.get("Type") == RELATIONSHIP_TYPE.STYLES:
            rels.remove(rel)
    members["word/_rels/document.xml.rels"] = etree.tostring(rels)
    ours: WordDocument = open_document(zip_members(list(members.items())))
    theirs = docx.Document(io.BytesIO(zip_members(list(members.items()))))
    assert etree.tostring(ours.styles.element) == etree.tostring(theirs.styles.element)


def test_pack_uris_as_python_docx_has_them() -> None:
    name = PackURI("/word/media/image1.png")
    assert (name.ext, name.membername, name.baseURI) == ("png", "word/media/image1.png", "/word/media")
    assert name.rels_uri == "/word/media/_rels/image1.png.rels"
    assert name.relative_ref("/word") == "media/image1.png"
    assert PackURI.from_rel_ref("/word", "../docProps/core.xml") == "/docProps/core.xml"
    with pytest.raises(ValueError, match="slash"):
        PackURI("word/document.xml")


def test_writing_a_document_does_not_import_python_docx() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pccplan.examples import example_panel_report\n"
        "from pccplan.render.docx.writer import render\n"
        "render(example_panel_report())\n"
        "assert 'docx' not in sys.modules, sorted(m for m in sys.modules if m.startswith('docx'))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_part_kept_as_bytes_keeps_them() -> None:
    document = open_document(python_docx_default())
    part = Part(PackURI("/word/media/image9.png"), "image/png", b"\x89PNG", document.part.package)
    assert part.blob == b"\x89PNG"
