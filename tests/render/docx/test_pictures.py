"""Tests for pictures in Word: the inline drawing, its alt text or decorative mark, and its image parts."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from tests.render.docx.schema_check import validate
from tests.tree_strategies import JPEG, SVG, png_bytes

from pccplan.compose import document, para, title_block
from pccplan.compose.tree import Document, Note, Paragraph, Picture, Text
from pccplan.render.docx.pictures import DECORATIVE_EXTENSION, SVG_EXTENSION
from pccplan.render.docx.writer import render

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "asvg": "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
    "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
EMBED = f"{{{NS['r']}}}embed"

LOGO = Picture(data=png_bytes(40, 20), width="4cm", alt="Office of the Police and Crime Commissioner")


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def with_pictures() -> Document:
    line = Paragraph(
        content=(
            Text(text="Our area: "),
            Picture(data=JPEG, width="2cm", height="1cm", alt="Map of the area"),
            Text(text=" and a rule "),
            Picture(data=SVG, fallback=png_bytes(), width="6cm", decorative=True),
            Note(content=(Paragraph(content=(LOGO,)),)),
        )
    )
    logo = title_block("Police and Crime Plan")
    return document(
        type(logo)(title=logo.title, lines=logo.lines, logo=LOGO),
        line,
        para("End."),
        title="Plan",
        author="OPCC",
    )


def test_a_picture_is_a_real_inline_drawing_with_its_size_and_alt_text() -> None:
    body = etree.fromstring(members(render(with_pictures()))["word/document.xml"])
    inlines = body.findall(".//w:drawing/wp:inline", NS)
    assert len(inlines) == 3  # the logo, the map, the rule (the note's picture is in footnotes.xml)
    logo = inlines[0]
    assert logo.find("wp:extent", NS).attrib == {"cx": "1440000", "cy": "720000"}
    assert logo.find("wp:docPr", NS).get("descr") == "Office of the Police and Crime Commissioner"
    assert logo.find(".//pic:cNvPr", NS).get("descr") == "Office of the Police and Crime Commissioner"
    assert logo.find("a:graphic/a:graphicData", NS).get("uri") == NS["pic"]
    assert logo.find(".//pic:spPr/a:xfrm/a:ext", NS).attrib == {"cx": "1440000", "cy": "720000"}
    ids = [d.get("id") for d in body.iterfind(".//wp:docPr", NS)]
    assert len(set(ids)) == len(ids)


def test_the_logo_sits_above_the_title() -> None:
    body = etree.fromstring(members(render(with_pictures()))["word/document.xml"]).find("w:body", NS)
    assert body[0].find(".//wp:inline", NS) is not None
    assert body[1].find("w:pPr/w:pStyle", NS).get(f"{{{NS['w']}}}val") == "Title"


def test_a_decorative_picture_carries_words_mark_and_no_alt_text() -> None:
    body = etree.fromstring(members(render(with_pictures()))["word/document.xml"])
    rule = body.findall(".//wp:inline", NS)[2]
    doc_pr = rule.find("wp:docPr", NS)
    assert doc_pr.get("descr") is None
    ext = doc_pr.find("a:extLst/a:ext", NS)
    assert ext.get("uri") == DECORATIVE_EXTENSION
    assert ext.find("adec:decorative", NS).get("val") == "1"


def test_an_svg_is_kept_beside_its_png_fallback() -> None:
    files = members(render(with_pictures()))
    body = etree.fromstring(files["word/document.xml"])
    rels = {
        r.get("Id"): r.get("Target")
        for r in etree.fromstring(files["word/_rels/document.xml.rels"]).iterfind("rel:Relationship", NS)
    }
    blip = body.findall(".//wp:inline", NS)[2].find(".//a:blip", NS)
    assert rels[blip.get(EMBED)].endswith(".png")
    ext = blip.find("a:extLst/a:ext", NS)
    assert ext.get("uri") == SVG_EXTENSION
    target = rels[ext.find("asvg:svgBlip", NS).get(EMBED)]
    assert target.endswith(".svg")
    assert files[f"word/{target}"] == SVG


def test_each_image_is_one_part_with_its_content_type() -> None:
    files = members(render(with_pictures()))
    media = sorted(name for name in files if name.startswith("word/media/"))
    # the logo (also in the note) and the SVG's fallback are one PNG each; the map; the SVG
    assert media == [
        "word/media/image1.png",
        "word/media/image2.jpeg",
        "word/media/image3.png",
        "word/media/image4.svg",
    ]
    types = etree.fromstring(files["[Content_Types].xml"])
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.iterfind("ct:Default", NS)}
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iterfind("ct:Override", NS)}
    assert defaults["png"] == "image/png"
    assert defaults.get("jpeg", overrides.get("/word/media/image2.jpeg")) == "image/jpeg"
    assert overrides["/word/media/image4.svg"] == "image/svg+xml"


def test_a_picture_in_a_note_is_related_from_the_footnotes_part() -> None:
    files = members(render(with_pictures()))
    notes = etree.fromstring(files["word/footnotes.xml"])
    blip = notes.find(".//a:blip", NS)
    rels = etree.fromstring(files["word/_rels/footnotes.xml.rels"])
    assert any(r.get("Id") == blip.get(EMBED) and r.get("Target") == "media/image1.png" for r in rels)


def test_pictures_are_valid_by_the_schemas_and_the_same_tree_gives_the_same_bytes(tmp_path: Path) -> None:
    data = render(with_pictures())
    assert render(with_pictures()) == data
    errors, checked = validate({"pictures": data}, tmp_path)
    assert errors == []
    assert checked >= 10


def test_the_drawing_inside_is_valid_by_the_drawingml_picture_schema(tmp_path: Path) -> None:
    # a:graphicData admits any element, so the main schema never looks inside pic:pic: check it here.
    from tests.conftest import ROOT, require_program

    jing = require_program("jing")
    body = etree.fromstring(members(render(with_pictures()))["word/document.xml"])
    schema = tmp_path / "pic.rnc"
    rnc = ROOT / "tests" / "schemas" / "rnc"
    names = ("dml-picture", "dml-main", "shared-relationshipReference", "shared-commonSimpleTypes", "any")
    includes = "".join(f'include "{rnc / name}.rnc"\n' for name in names)
    schema.write_text(includes + "start = dpct_pic\n", encoding="utf-8")
    paths = []
    for index, pic in enumerate(body.iterfind(".//pic:pic", NS)):
        path = tmp_path / f"pic{index}.xml"
        path.write_bytes(etree.tostring(pic))
        paths.append(str(path))
    result = subprocess.run([jing, "-c", str(schema), *paths], capture_output=True, text=True, check=False)
    assert result.stdout == ""
    assert len(paths) == 3


@pytest.mark.slow
def test_libreoffice_draws_the_pictures_in_its_pdf(tmp_path: Path) -> None:
    from tests.conftest import require_program

    from pccplan.render.pdf import convert

    require_program("soffice")
    pdfimages = require_program("pdfimages")
    pdftotext = require_program("pdftotext")
    pdf = tmp_path / "pictures.pdf"
    pdf.write_bytes(convert(render(with_pictures())))
    listed = subprocess.run([pdfimages, "-list", str(pdf)], capture_output=True, text=True, check=True)
    assert len(listed.stdout.splitlines()) - 2 >= 3  # two header lines, then one line per image drawn
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Our area:" in text
    assert "POLICE AND CRIME PLAN" in text
