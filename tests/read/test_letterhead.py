"""Reading a letter's head back: the logo with its alt text, the sender's block, and where the head ends."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import attrs
from lxml import etree
from tests.tree_strategies import png_bytes

from pccplan.compose.panel_letter import panel_letter_document
from pccplan.compose.tree import Document, Letterhead, Metadata, Paragraph, Picture, Text
from pccplan.compose.walk import exempt_view
from pccplan.files import load
from pccplan.forms import builtin_form
from pccplan.model.form import Logo
from pccplan.model.letter import PanelLetter
from pccplan.read.docx import read
from pccplan.read.normal import normal_form
from pccplan.render.docx.writer import render
from pccplan.render.docx.xml import paragraph, run

ROOT = Path(__file__).resolve().parents[2]
META = Metadata(title="Letter", author="Kent Police and Crime Panel")


def line(text: str) -> Paragraph:
    return Paragraph(content=(Text(text=text),))


def test_the_letter_comes_back_whole_with_its_logo_and_alt_text(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(png_bytes(60, 20))
    logo = Logo(path=str(tmp_path / "logo.png"), alt="London Assembly", width="5cm")
    letter = load(ROOT / "examples" / "london-assembly-2022-panel-letter.yaml", PanelLetter)
    doc = panel_letter_document(letter, form=attrs.evolve(builtin_form("london-assembly"), logo=logo))
    result = read(render(doc))
    assert result.document == normal_form(exempt_view(doc))
    head = result.document.blocks[0]
    assert isinstance(head, Letterhead)
    assert head.logo == Picture(
        data=png_bytes(60, 20), width=1_800_000, height=600_000, alt="London Assembly"
    )
    assert len(head.lines) == 3
    assert result.warnings == ()


def test_a_head_without_a_logo_and_a_decorative_logo_come_back() -> None:
    for head in (
        Letterhead(lines=(line("Kent Police and Crime Panel"), line("1 May 2025"))),
        Letterhead(logo=Picture(data=png_bytes(), width="2cm", decorative=True), lines=(line("Kent"),)),
        Letterhead(logo=Picture(data=png_bytes(), width="2cm", alt="Kent Police and Crime Panel")),
    ):
        doc = Document(meta=META, blocks=(head, line("Dear Commissioner")))
        assert read(render(doc)).document == normal_form(doc)


def test_a_letterhead_paragraph_after_the_head_is_a_plain_paragraph() -> None:
    # Word lets an author use the Letterhead style anywhere; only the opening run of it is a head.
    doc = Document(meta=META, blocks=(line("Dear Commissioner"), line("Kent Police and Crime Panel")))
    data = render(doc)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        files = {name: archive.read(name) for name in names}
    root = etree.fromstring(files["word/document.xml"])
    body = root[0]
    styled = paragraph([run("Kent Police and Crime Panel")], style="Letterhead")
    body[1].addprevious(styled)
    body.remove(body[2])
    files["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, files[name])
    assert read(out.getvalue()).document.blocks == doc.blocks


def test_a_lone_picture_opening_a_head_without_a_logo_reads_as_its_logo() -> None:
    picture = Picture(data=png_bytes(), width="2cm", alt="Crest")
    doc = Document(meta=META, blocks=(Letterhead(lines=(Paragraph(content=(picture,)), line("Kent"))),))
    back = read(render(doc)).document
    assert back == normal_form(doc)
    head = back.blocks[0]
    assert isinstance(head, Letterhead)
    assert head.logo is not None
    assert head.logo.alt == "Crest"
