"""Tests for reading pictures back: alt text, the decorative mark, size, and the image itself."""

from __future__ import annotations

import io
from pathlib import Path

from tests.tree_strategies import JPEG, SVG, png_bytes

from pccplan.compose import document, para
from pccplan.compose.tree import Paragraph, Picture, Text, TitleBlock
from pccplan.read.docx import read
from pccplan.render.docx.writer import render

LOGO = Picture(data=png_bytes(40, 20), width="4cm", alt="Office of the Police and Crime Commissioner")


def test_pictures_come_back_with_their_alt_text_size_and_bytes() -> None:
    line = Paragraph(
        content=(
            Text(text="Map: "),
            Picture(data=JPEG, width="2cm", height="1cm", alt="Map of the area"),
            Picture(data=SVG, fallback=png_bytes(), width="6cm", decorative=True),
        )
    )
    doc = document(TitleBlock(title="Plan", logo=LOGO), line, title="Plan", author="OPCC")
    result = read(render(doc))
    title, back = result.document.blocks[:2]
    assert isinstance(title, TitleBlock)
    assert title.logo == Picture(data=LOGO.data, width=1_440_000, height=720_000, alt=LOGO.alt)
    assert isinstance(back, Paragraph)
    assert back.content[1] == Picture(data=JPEG, width=720_000, height=360_000, alt="Map of the area")
    svg = back.content[2]
    assert isinstance(svg, Picture)
    assert (svg.format, svg.decorative, svg.alt, svg.fallback) == ("svg", True, None, png_bytes())
    assert result.warnings == ()


def test_a_word_picture_without_alt_text_is_skipped_with_a_warning(tmp_path: Path) -> None:
    import docx
    from docx.shared import Cm

    made = docx.Document()
    (tmp_path / "p.png").write_bytes(png_bytes())
    made.add_paragraph("Before")
    made.add_picture(str(tmp_path / "p.png"), width=Cm(2))
    buffer = io.BytesIO()
    made.save(buffer)
    result = read(buffer.getvalue())
    assert [w.message for w in result.warnings if "picture" in w.message] == [
        "a picture without alt text skipped (add alt text or mark it decorative)"
    ]


def test_a_picture_in_a_note_is_read_with_the_notes_relationships() -> None:
    from pccplan.compose.tree import Note

    doc = document(para("Text", Note(content=(Paragraph(content=(LOGO,)),))), title="T", author="A")
    back = read(render(doc)).document.blocks[0]
    assert isinstance(back, Paragraph)
    note = back.content[-1]
    assert isinstance(note, Note)
    assert note.content[0].content[-1] == Picture(
        data=LOGO.data, width=1_440_000, height=720_000, alt=LOGO.alt
    )
