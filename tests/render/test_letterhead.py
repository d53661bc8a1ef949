"""A letter's head in Word, Markdown and HTML: the form's logo at the top, then the sender's block."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from lxml import etree
from tests.render.docx.schema_check import validate
from tests.tree_strategies import png_bytes

from pccplan.compose.panel_letter import panel_letter_document
from pccplan.compose.tree import Document, Letterhead, Metadata, Paragraph, Text
from pccplan.files import load
from pccplan.forms import builtin_form
from pccplan.model.form import Logo
from pccplan.model.letter import PanelLetter
from pccplan.render import html, markdown
from pccplan.render.docx.pictures import DECORATIVE_EXTENSION
from pccplan.render.docx.writer import render

ROOT = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
ALT = "London Assembly"
META = Metadata(title="Letter", author="Kent Police and Crime Panel")


def letter(tmp_path: Path, **logo: Any) -> Document:
    """The London Assembly example letter, with a logo in its form when `logo` gives one's fields."""
    made = load(ROOT / "examples" / "london-assembly-2022-panel-letter.yaml", PanelLetter)
    form = builtin_form("london-assembly")
    if logo:
        (tmp_path / "logo.png").write_bytes(png_bytes(60, 20))
        form = attrs.evolve(form, logo=Logo(path=str(tmp_path / "logo.png"), width="5cm", **logo))
    return panel_letter_document(made, form=form)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def body(data: bytes) -> etree._Element:
    found = etree.fromstring(parts(data)["word/document.xml"]).find("w:body", NS)
    assert found is not None
    return found


def style_of(p: etree._Element) -> str | None:
    style = p.find("w:pPr/w:pStyle", NS)
    return None if style is None else style.get(f"{{{W}}}val")


def test_the_logo_is_a_real_drawing_at_the_top_with_its_alt_text(tmp_path: Path) -> None:
    paras = body(render(letter(tmp_path, alt=ALT)))
    drawing = paras[0].find("w:r/w:drawing/wp:inline", NS)
    assert drawing is not None
    assert drawing.find("wp:docPr", NS).get("descr") == ALT
    assert drawing.find(".//pic:cNvPr", NS).get("descr") == ALT
    assert drawing.find("wp:extent", NS).attrib == {"cx": "1800000", "cy": "600000"}  # 5cm, 3:1
    # The head is the logo's paragraph and the sender's three blocks, all in the Letterhead style.
    assert [style_of(p) for p in paras[:4]] == ["Letterhead"] * 4
    assert style_of(paras[4]) != "Letterhead"  # the addressee
    assert "".join(paras[1].itertext()).startswith("London Assembly Police and Crime Committee")
    assert len(body(render(letter(tmp_path, alt=ALT))).findall(".//w:drawing", NS)) == 1


def test_a_decorative_logo_carries_words_mark_and_no_alt_text(tmp_path: Path) -> None:
    doc_pr = body(render(letter(tmp_path, decorative=True))).find(".//wp:docPr", NS)
    assert doc_pr.get("descr") is None
    assert doc_pr.find("a:extLst/a:ext", NS).get("uri") == DECORATIVE_EXTENSION


def test_a_letter_without_a_logo_has_no_picture(tmp_path: Path) -> None:
    data = render(letter(tmp_path))
    paras = body(data)
    assert paras.find(".//w:drawing", NS) is None
    assert not [name for name in parts(data) if name.startswith("word/media/")]
    assert style_of(paras[0]) == "Letterhead"


def test_the_first_page_has_no_running_header_above_the_head(tmp_path: Path) -> None:
    sect = body(render(letter(tmp_path, alt=ALT))).find("w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is not None
    kinds = {ref.get(f"{{{W}}}type") for ref in sect.iterfind("w:headerReference", NS)}
    assert kinds == {"default"}  # page 1 has no header of its own: an empty one, as for a title


def test_every_part_is_valid_by_the_schemas(tmp_path: Path) -> None:
    packages = {
        "logo": render(letter(tmp_path, alt=ALT)),
        "decorative": render(letter(tmp_path, decorative=True)),
        "bare": render(letter(tmp_path)),
    }
    errors, checked = validate(packages, tmp_path / "parts")
    assert errors == []
    assert checked >= 30


def test_markdown_and_html_show_the_logo_with_its_alt_text_first(tmp_path: Path) -> None:
    doc = letter(tmp_path, alt=ALT)
    head = doc.blocks[0]
    assert isinstance(head, Letterhead)
    assert head.logo is not None
    text = markdown.render(doc)
    assert text.startswith(
        f"![{ALT}](<{head.logo.data_uri}>)\n\nLondon Assembly Police and Crime Committee\\\n"
    )
    page = html.fragment(doc)
    assert page.startswith(
        f'<header class="letterhead"><p class="logo"><img src="{head.logo.data_uri}" alt="{ALT}"'
    )
    assert "<p>16 February 2022</p><p>Reference: PCC/PCP/2022</p></header>" in page
    bare = letter(tmp_path)
    assert "<img" not in html.fragment(bare)
    assert "![" not in markdown.render(bare)


def test_a_decorative_logo_has_empty_alt_text_in_html(tmp_path: Path) -> None:
    assert 'alt=""' in html.fragment(letter(tmp_path, decorative=True))


def test_a_letterhead_of_lines_only_is_a_header_of_paragraphs() -> None:
    line = Paragraph(content=(Text(text="Kent Police and Crime Panel"),))
    doc = Document(meta=META, blocks=(Letterhead(lines=(line,)), line))
    assert html.fragment(doc).startswith(
        '<header class="letterhead"><p>Kent Police and Crime Panel</p></header>'
    )
    assert markdown.render(doc).startswith("Kent Police and Crime Panel\n\nKent Police and Crime Panel")


@pytest.mark.slow
def test_libreoffice_draws_the_logo_above_the_senders_name(tmp_path: Path) -> None:
    from tests.conftest import require_program

    from pccplan.render.pdf import convert

    require_program("soffice")
    pdfimages = require_program("pdfimages")
    pdftotext = require_program("pdftotext")
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(convert(render(letter(tmp_path, alt=ALT))))
    listed = subprocess.run([pdfimages, "-list", str(pdf)], capture_output=True, text=True, check=True)
    rows = listed.stdout.splitlines()[2:]
    assert len(rows) == 1
    assert rows[0].split()[0] == "1"
    text = subprocess.run([pdftotext, "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True)
    first = text.stdout.lstrip()
    assert first.startswith("London Assembly Police and Crime Committee\nCity Hall")  # no header above
