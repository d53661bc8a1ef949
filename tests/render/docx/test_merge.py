"""Tests for attaching a .docx as an appendix: after the body, its styles and lists kept apart."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from tests.render.docx.schema_check import validate
from tests.tree_strategies import png_bytes

from pccplan.compose import document, ordered, para, section, title_block
from pccplan.compose.tree import Document
from pccplan.errors import RenderError
from pccplan.render import RenderOptions
from pccplan.render.docx.writer import render
from pccplan.render.options import AttachedDocument

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}


def w(local: str) -> str:
    return f"{{{W}}}{local}"


def draft_plan(tmp_path: Path) -> Path:
    """A draft plan written elsewhere (python-docx's own template): heading, list, picture, table."""
    import docx
    from docx.shared import Cm

    made = docx.Document()
    made.add_heading("The draft Police and Crime Plan", 1)
    made.add_paragraph("Written elsewhere, in its own look.")
    made.add_paragraph("First priority", style="List Number")
    made.add_paragraph("Second priority", style="List Number")
    (tmp_path / "logo.png").write_bytes(png_bytes(8, 4))
    made.add_picture(str(tmp_path / "logo.png"), width=Cm(2))
    cells = made.add_table(rows=1, cols=2)
    cells.style = "Table Grid"
    cells.cell(0, 0).text = "Grants"
    cells.cell(0, 1).text = "£1.2m"
    path = tmp_path / "draft.docx"
    made.save(str(path))
    return path


def host() -> Document:
    return document(
        title_block("Report to the Panel"),
        section("Purpose", para("The draft Plan is Appendix A."), ordered("one", "two")),
        title="Report",
        author="OPCC",
    )


def with_appendix(tmp_path: Path) -> bytes:
    appendix = AttachedDocument(title="Appendix A: The draft Plan", source=draft_plan(tmp_path))
    return render(host(), RenderOptions(appendices=[appendix]))


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def texts(body: etree._Element) -> list[str]:
    return ["".join(p.itertext()) for p in body.iterfind("w:body/w:p", NS)]


def test_the_appendix_follows_the_body_on_a_new_page_under_its_heading(tmp_path: Path) -> None:
    body = etree.fromstring(members(with_appendix(tmp_path))["word/document.xml"])
    lines = texts(body)
    at = lines.index("Appendix A: The draft Plan")
    assert lines[at - 1] == "two"
    assert lines[at + 1 : at + 5] == [
        "The draft Police and Crime Plan",
        "Written elsewhere, in its own look.",
        "First priority",
        "Second priority",
    ]
    heading = body.findall("w:body/w:p", NS)[at]
    assert heading.find("w:pPr/w:pageBreakBefore", NS) is not None
    assert body.find("w:body/w:tbl", NS) is not None
    assert len(body.findall("w:body/w:sectPr", NS)) == 1  # the host's page set-up only


def test_clashing_styles_are_renamed_so_each_document_keeps_its_look(tmp_path: Path) -> None:
    files = members(with_appendix(tmp_path))
    styles = etree.fromstring(files["word/styles.xml"])
    by_id = {s.get(w("styleId")): s for s in styles.iterfind("w:style", NS)}
    assert by_id["Heading1"].find("w:name", NS).get(w("val")) == "heading 1"  # the host's
    theirs = by_id["Heading1Appendix1"]
    assert theirs.find("w:name", NS).get(w("val")) == "heading 1 (Appendix 1)"
    assert theirs.find("w:basedOn", NS).get(w("val")) == "NormalAppendix1"
    assert [s.get(w("styleId")) for s in styles.iterfind("w:style[@w:default='1']", NS)].count("Normal") == 1
    names = [s.find("w:name", NS).get(w("val")).lower() for s in styles.iterfind("w:style", NS)]
    assert len(names) == len(set(names))
    body = etree.fromstring(files["word/document.xml"])
    styled = {"".join(p.itertext()): p.find("w:pPr/w:pStyle", NS) for p in body.iterfind("w:body/w:p", NS)}
    assert styled["The draft Police and Crime Plan"].get(w("val")) == "Heading1Appendix1"
    # A paragraph the appendix left in its default style now names that style: the host's Normal
    # (Arial) must not take it over.
    assert styled["Written elsewhere, in its own look."].get(w("val")) == "NormalAppendix1"
    normal = by_id["NormalAppendix1"]
    assert normal.find("w:rPr/w:sz", NS) is not None  # the appendix's own document defaults


def test_the_appendix_lists_get_ids_of_their_own(tmp_path: Path) -> None:
    files = members(with_appendix(tmp_path))
    numbering = etree.fromstring(files["word/numbering.xml"])
    abstract_ids = [a.get(w("abstractNumId")) for a in numbering.iterfind("w:abstractNum", NS)]
    num_ids = [n.get(w("numId")) for n in numbering.iterfind("w:num", NS)]
    assert len(abstract_ids) == len(set(abstract_ids))
    assert len(num_ids) == len(set(num_ids))
    nsids = [n.get(w("val")) for n in numbering.iterfind("w:abstractNum/w:nsid", NS)]
    assert len(nsids) == len(set(nsids))
    styles = etree.fromstring(files["word/styles.xml"])
    list_number = styles.find("w:style[@w:styleId='ListNumber']", NS)  # the host has none: not renamed
    used = list_number.find("w:pPr/w:numPr/w:numId", NS).get(w("val"))
    assert used in num_ids
    host_lists = {
        n.get(w("val"))
        for n in etree.fromstring(files["word/document.xml"]).iterfind(".//w:p/w:pPr/w:numPr/w:numId", NS)
    }
    assert used not in host_lists


def test_the_appendix_pictures_are_copied_with_ids_after_the_hosts(tmp_path: Path) -> None:
    files = members(with_appendix(tmp_path))
    assert files["word/media/appendix1-image1.png"] == png_bytes(8, 4)
    ids = [d.get("id") for d in etree.fromstring(files["word/document.xml"]).iterfind(".//wp:docPr", NS)]
    assert len(ids) == len(set(ids)) == 1


def test_the_result_is_valid_by_the_schemas_and_reproducible(tmp_path: Path) -> None:
    data = with_appendix(tmp_path)
    assert with_appendix(tmp_path) == data
    errors, _checked = validate({"attached": data}, tmp_path / "parts")
    assert errors == []


def test_an_appendix_that_is_not_a_word_file_is_refused_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "draft.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(RenderError, match=r"draft\.docx: not a usable Word \.docx appendix"):
        render(host(), RenderOptions(appendices=[AttachedDocument(title="Appendix A", source=bad)]))


def test_an_appendix_of_pccplans_own_keeps_its_footnotes(tmp_path: Path) -> None:
    from pccplan.compose import note

    inner = document(para("Draft with a note", note("The note of the appendix.")), title="D", author="O")
    data = render(
        host(), RenderOptions(appendices=[AttachedDocument(title="Appendix B", source=render(inner))])
    )
    files = members(data)
    notes = etree.fromstring(files["word/footnotes.xml"])
    assert "The note of the appendix." in "".join(notes.itertext())
    refs = [r.get(w("id")) for r in etree.fromstring(files["word/document.xml"]).iter(w("footnoteReference"))]
    assert refs == ["1"]
    errors, _checked = validate({"notes": data}, tmp_path / "parts")
    assert errors == []


@pytest.mark.slow
def test_libreoffice_shows_the_appendix_on_its_own_page(tmp_path: Path) -> None:
    from tests.conftest import require_program

    from pccplan.render.pdf import convert

    require_program("soffice")
    pdftotext = require_program("pdftotext")
    pdf = tmp_path / "attached.pdf"
    pdf.write_bytes(convert(with_appendix(tmp_path)))
    last = subprocess.run([pdftotext, "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True)
    assert "APPENDIX A: THE DRAFT PLAN" in last.stdout
    assert "The draft Police and Crime Plan" in last.stdout
    assert "Second priority" in last.stdout


# ---------------------------------------------------------------- an appendix the tree names


def attached_report(tmp_path: Path) -> Document:
    """A report whose Appendix A section holds the draft plan's file, with a section after it."""
    from pccplan.compose.tree import AttachedFile

    attached = AttachedFile(label="A", title="The draft Plan", path=str(draft_plan(tmp_path)))
    return document(
        title_block("Report to the Panel"),
        section("Purpose", para("The draft Plan is Appendix A."), ordered("one", "two"), numbered=True),
        section("Appendix A: The draft Plan", attached, new_page=True),
        section("Appendix B: Notes", para("After the attached plan.")),
        title="Report",
        author="OPCC",
    )


def test_an_attached_file_goes_in_where_the_tree_puts_it(tmp_path: Path) -> None:
    body = etree.fromstring(members(render(attached_report(tmp_path)))["word/document.xml"])
    lines = texts(body)
    at = lines.index("Appendix A: The draft Plan")
    assert lines[at + 1 : at + 5] == [
        "The draft Police and Crime Plan",
        "Written elsewhere, in its own look.",
        "First priority",
        "Second priority",
    ]
    assert lines.index("Appendix B: Notes") > at + 4  # the section after it stays after it
    assert "" not in lines[at : at + 5]  # the file's place mark is gone
    assert body.find("w:body/w:tbl", NS) is not None
    assert len(body.findall(".//w:sectPr", NS)) == 1


def test_an_attached_file_keeps_its_styles_and_lists_apart(tmp_path: Path) -> None:
    files = members(render(attached_report(tmp_path)))
    styles = etree.fromstring(files["word/styles.xml"])
    by_id = {s.get(w("styleId")): s for s in styles.iterfind("w:style", NS)}
    # Marked with the appendix's label, as Word's style pane shows them to the officer.
    assert by_id["Heading1AppendixA"].find("w:name", NS).get(w("val")) == "heading 1 (Appendix A)"
    body = etree.fromstring(files["word/document.xml"])
    styled = {"".join(p.itertext()): p.find("w:pPr/w:pStyle", NS) for p in body.iterfind("w:body/w:p", NS)}
    assert styled["The draft Police and Crime Plan"].get(w("val")) == "Heading1AppendixA"
    assert styled["Written elsewhere, in its own look."].get(w("val")) == "NormalAppendixA"
    # The host's own lists are written before the file goes in: the file's list ids come after.
    numbering = etree.fromstring(files["word/numbering.xml"])
    num_ids = [n.get(w("numId")) for n in numbering.iterfind("w:num", NS)]
    assert len(num_ids) == len(set(num_ids))
    used = {n.get(w("val")) for n in body.iter(w("numId"))}
    assert used <= set(num_ids)


def test_an_attached_file_and_an_option_appendix_are_numbered_apart(tmp_path: Path) -> None:
    other = AttachedDocument(title="Appendix C", source=render(host()))
    files = members(render(attached_report(tmp_path), RenderOptions(appendices=[other])))
    ids = {s.get(w("styleId")) for s in etree.fromstring(files["word/styles.xml"]).iterfind("w:style", NS)}
    assert {"Heading1AppendixA", "NormalAppendixA", "NormalAppendix2"} <= ids
    lines = texts(etree.fromstring(files["word/document.xml"]))
    assert lines.index("Appendix C") > lines.index("Appendix B: Notes")


def test_a_report_with_an_attached_file_is_valid_and_reproducible(tmp_path: Path) -> None:
    data = render(attached_report(tmp_path))
    assert render(attached_report(tmp_path)) == data
    errors, _checked = validate({"attached-file": data}, tmp_path / "parts")
    assert errors == []


def test_the_reader_reads_the_attached_file_in_place(tmp_path: Path) -> None:
    from pccplan.compose.walk import plain_text
    from pccplan.read import read_docx

    lines = plain_text(read_docx(render(attached_report(tmp_path))).document).split("\n")
    at = lines.index("Appendix A: The draft Plan")
    assert lines[at + 1 : at + 3] == [
        "The draft Police and Crime Plan",
        "Written elsewhere, in its own look.",
    ]
    assert "Grants" in lines
    assert "£1.2m" in lines
    assert lines.index("Appendix B: Notes") > lines.index("£1.2m")


def test_an_attached_file_that_went_missing_is_refused_naming_the_appendix(tmp_path: Path) -> None:
    doc = attached_report(tmp_path)
    (tmp_path / "draft.docx").unlink()
    with pytest.raises(RenderError, match=r"Appendix A: .*draft\.docx: not a usable Word \.docx appendix"):
        render(doc)


@pytest.mark.slow
def test_libreoffice_shows_the_attached_file_in_its_place(tmp_path: Path) -> None:
    from tests.conftest import require_program

    from pccplan.render.pdf import convert

    require_program("soffice")
    pdftotext = require_program("pdftotext")
    pdf = tmp_path / "attached.pdf"
    pdf.write_bytes(convert(render(attached_report(tmp_path))))
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    appendix = next(p for p in pages if "APPENDIX A: THE DRAFT PLAN" in p)
    assert "The draft Police and Crime Plan" in appendix
    assert "Second priority" in appendix
    assert "£1.2m" in appendix
    assert text.index("Second priority") < text.index("After the attached plan.")


def test_each_attached_documents_pictures_are_named_by_its_own_number(tmp_path: Path) -> None:
    # Bug: the image counter reused the appendix's number, so the second's first picture was
    # 'appendix2-image2' (and a later refusal named the wrong appendix).
    first = AttachedDocument(title="Appendix A", source=draft_plan(tmp_path))
    second = AttachedDocument(title="Appendix B", source=draft_plan(tmp_path).read_bytes())
    files = members(render(host(), RenderOptions(appendices=[first, second])))
    assert sorted(n for n in files if n.startswith("word/media/")) == [
        "word/media/appendix1-image1.png",
        "word/media/appendix2-image1.png",
    ]


def test_two_attached_files_with_one_label_are_marked_apart(tmp_path: Path) -> None:
    """A label another file took, or one that cannot go in a style id, gives way to the number."""
    from pccplan.render.docx.merge import Attachments

    names = Attachments()
    assert [names.name_for(label, n) for n, label in enumerate(["B", "B", "A 1", "7", "C"], start=1)] == [
        "B",
        "2",
        "3",
        "4",
        "C",
    ]
