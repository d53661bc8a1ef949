"""Tests for the DOCX writer, checked in the XML of the package it writes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from tests.render.docx.schema_check import parts_and_schemas, validate
from tests.tree_strategies import documents

from pccplan.compose import (
    bullets,
    document,
    exempt,
    exempt_view,
    inline,
    link,
    note,
    numbered,
    ordered,
    para,
    plain_text,
    ref,
    section,
    table,
    title_block,
)
from pccplan.compose.tree import Document, OrderedList, Ref
from pccplan.compose.walk import iter_nodes
from pccplan.errors import RenderError
from pccplan.number_formats import ListStyle
from pccplan.read import read_docx
from pccplan.render import RenderOptions
from pccplan.render.docx.package import zip_members
from pccplan.render.docx.writer import render

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
ACT = "https://www.legislation.gov.uk/ukpga/2011/13/contents"


def w(local: str) -> str:
    return f"{{{W}}}{local}"


def report() -> Document:
    """A small report shaped like seed 000."""
    return document(
        title_block("Police and Crime Plan for Cambridgeshire", "Police and Crime Panel", "8 February 2017"),
        section(
            "Purpose", numbered("The purpose of this report is to present the draft Plan."), numbered=True
        ),
        section(
            "Background",
            numbered(*inline("Under the [2011 Act](" + ACT + ") the Commissioner must issue a Plan:")),
            bullets("objectives;", ("policing;", bullets("nested")), "grants."),
            numbered(
                *inline("Regard must be had to the Requirement^[The SPR sets out threats.] and *guidance*.")
            ),
            ordered("prepare a draft;", "consult;"),
            "Unnumbered text.",
            numbered=True,
        ),
        section(
            "Finance",
            table(
                caption="Table 1: Budget",
                header=["Line", "Amount"],
                rows=[["Policing", "£100"]],
                widths=[3, 1],
            ),
            numbered("Secret figures.", exempt=exempt(3)),
            numbered=True,
        ),
        section("Appendix A: the draft Plan", para("Attached."), new_page=True),
        title="Police and Crime Plan: report to the Panel",
        author="Office of the Police and Crime Commissioner for Cambridgeshire and Peterborough",
        subject="Draft Police and Crime Plan",
        date=dt.date(2017, 2, 8),
        footer="Police and Crime Panel",
    )


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xml(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(parts(data)[name])


def rels(data: bytes, name: str = "word/_rels/document.xml.rels") -> list[etree._Element]:
    return list(xml(data, name))


# ---------------------------------------------------------------- reading text back


def _format(number: int, fmt: str) -> str:
    if fmt in ("upperLetter", "upperRoman"):
        return _format(number, fmt.replace("upper", "lower")).upper()
    if fmt == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
    if fmt == "lowerRoman":
        out, table_ = (
            [],
            ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l")),
        )
        for value, letters in (*table_, (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            while number >= value:
                out.append(letters)
                number -= value
        return "".join(out)
    return str(number)


def docx_text(data: bytes) -> str:
    """The text Word shows: list labels computed from numbering.xml, note numbers, then the notes."""
    files = parts(data)
    body = etree.fromstring(files["word/document.xml"]).find(w("body"))
    numbering = etree.fromstring(files["word/numbering.xml"])
    abstract_of = {
        n.get(w("numId")): n.find(w("abstractNumId")).get(w("val")) for n in numbering.iter(w("num"))
    }
    levels = {
        (a.get(w("abstractNumId")), lvl.get(w("ilvl"))): (
            lvl.find(w("numFmt")).get(w("val")),
            lvl.find(w("lvlText")).get(w("val")),
        )
        for a in numbering.iter(w("abstractNum"))
        for lvl in a.iter(w("lvl"))
    }
    starts = {
        (n.get(w("numId")), o.get(w("ilvl"))): int(o.find(w("startOverride")).get(w("val")))
        for n in numbering.iter(w("num"))
        for o in n.iter(w("lvlOverride"))
        if o.find(w("startOverride")) is not None
    }
    counters: dict[str, list[int]] = {}
    note_numbers: dict[str, int] = {}
    lines = []

    def text_of(p: etree._Element) -> str:
        out = []
        for el in p.iter():
            if el.tag == w("t"):
                out.append(el.text or "")
            elif el.tag == w("tab"):
                out.append("\t")
            elif el.tag == w("br"):
                out.append("\n")
            elif el.tag == w("footnoteReference"):
                note_numbers[el.get(w("id"))] = len(note_numbers) + 1
                out.append(str(note_numbers[el.get(w("id"))]))
            elif el.tag == w("footnoteRef"):
                out.append("\0")  # the note's own number, filled in below
        return "".join(out)

    # A merged cell's continuation (w:vMerge with no value) shows nothing of its own. The set
    # holds the elements themselves: lxml keeps a live element's proxy, so `in` finds it again.
    hidden = {
        p
        for tc in body.iter(w("tc"))
        if (merge := tc.find("w:tcPr/w:vMerge", NS)) is not None and merge.get(w("val")) != "restart"
        for p in tc.iter(w("p"))
    }
    for p in body.iter(w("p")):
        if p in hidden:
            continue
        label = ""
        numpr = p.find("w:pPr/w:numPr", NS)
        if numpr is not None:
            num_id = numpr.find(w("numId")).get(w("val"))
            ilvl = int(numpr.find(w("ilvl")).get(w("val")))
            abstract = abstract_of[num_id]
            count = counters.setdefault(num_id, [0] * 9)
            if count[ilvl] == 0:  # a level's first item: its instance's start override, else 1
                count[ilvl] = starts.get((num_id, str(ilvl)), 1) - 1
            count[ilvl] += 1
            count[ilvl + 1 :] = [0] * (8 - ilvl)
            fmt, pattern = levels[(abstract, str(ilvl))]
            if fmt == "bullet":
                label = "•"
            else:
                label = pattern
                for level in range(ilvl + 1):
                    shown = _format(count[level], levels[(abstract, str(level))][0])
                    label = label.replace(f"%{level + 1}", shown)
        text = text_of(p)
        lines.append(f"{label} {text}" if label else text)
    if "word/footnotes.xml" in files:
        notes = {n.get(w("id")): n for n in etree.fromstring(files["word/footnotes.xml"]).iter(w("footnote"))}
        for note_id, number in sorted(note_numbers.items(), key=lambda kv: kv[1]):
            for p in notes[note_id].iter(w("p")):
                lines.append(text_of(p).replace("\0", str(number)))
    return "\n".join(lines)


# ---------------------------------------------------------------- numbering


def test_numbering_part_has_one_multilevel_definition_for_sections_and_paragraphs() -> None:
    data = render(report())
    numbering = xml(data, "word/numbering.xml")
    report_def = numbering.xpath("w:abstractNum[w:name/@w:val='Report numbering']", namespaces=NS)[0]
    assert report_def.find("w:multiLevelType", NS).get(w("val")) == "multilevel"
    texts = [lvl.find("w:lvlText", NS).get(w("val")) for lvl in report_def.findall("w:lvl", NS)]
    assert texts == ["%1.", "%1.%2"]
    assert report_def.find("w:lvl[@w:ilvl='1']/w:pPr/w:ind", NS).get(w("hanging")) == "720"
    tags = [etree.QName(c).localname for c in numbering]
    assert tags.index("num") > max(i for i, t in enumerate(tags) if t == "abstractNum")


def test_headings_and_numbered_paragraphs_carry_numpr_on_the_same_list() -> None:
    body = xml(render(report()), "word/document.xml")
    headings = body.xpath(".//w:p[w:pPr/w:pStyle/@w:val='Heading1']", namespaces=NS)
    numbered_heads = [h for h in headings if h.find("w:pPr/w:numPr", NS) is not None]
    assert len(numbered_heads) == 3  # the appendix heading is not numbered
    assert {h.find("w:pPr/w:numPr/w:ilvl", NS).get(w("val")) for h in numbered_heads} == {"0"}
    paras = body.xpath(".//w:p[w:pPr/w:pStyle/@w:val='NumberedParagraph']", namespaces=NS)
    assert {p.find("w:pPr/w:numPr/w:ilvl", NS).get(w("val")) for p in paras} == {"1"}
    num_ids = {p.find("w:pPr/w:numPr/w:numId", NS).get(w("val")) for p in paras + numbered_heads}
    assert len(num_ids) == 1


def test_bullets_are_word_bullets_with_a_symbol_font() -> None:
    data = render(report())
    bullets_def = xml(data, "word/numbering.xml").xpath(
        "w:abstractNum[w:name/@w:val='Bullets']", namespaces=NS
    )[0]
    first = bullets_def.find("w:lvl[@w:ilvl='0']", NS)
    assert first.find("w:numFmt", NS).get(w("val")) == "bullet"
    assert first.find("w:rPr/w:rFonts", NS).get(w("ascii")) == "Symbol"
    assert "•" not in parts(data)["word/document.xml"].decode()


def test_each_ordered_list_restarts_at_one() -> None:
    doc = document(ordered("a", "b"), para("between"), ordered("c"), title="T", author="A")
    numbering = xml(render(doc), "word/numbering.xml")
    overrides = numbering.findall("w:num/w:lvlOverride/w:startOverride", NS)
    assert [o.get(w("val")) for o in overrides] == ["1", "1"]
    assert docx_text(render(doc)).splitlines()[-1] == "1. c"


# ---------------------------------------------------------------- footnotes and links


def test_notes_are_real_footnotes() -> None:
    data = render(report())
    files = parts(data)
    assert "word/footnotes.xml" in files
    types = xml(data, "[Content_Types].xml")
    assert any(
        o.get("PartName") == "/word/footnotes.xml" and o.get("ContentType").endswith("footnotes+xml")
        for o in types
    )
    assert any(
        r.get("Type").endswith("/footnotes") and r.get("Target") == "footnotes.xml" for r in rels(data)
    )
    notes = xml(data, "word/footnotes.xml")
    assert [n.get(w("type")) for n in notes][:2] == ["separator", "continuationSeparator"]
    real = notes.find("w:footnote[@w:id='1']", NS)
    assert real.find("w:p/w:pPr/w:pStyle", NS).get(w("val")) == "FootnoteText"
    assert real.find("w:p/w:r/w:footnoteRef", NS) is not None
    ref = xml(data, "word/document.xml").find(".//w:r[w:footnoteReference]", NS)
    assert ref.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
    assert ref.find("w:footnoteReference", NS).get(w("id")) == "1"
    settings_ = xml(data, "word/settings.xml")
    assert [f.get(w("id")) for f in settings_.findall("w:footnotePr/w:footnote", NS)] == ["-1", "0"]
    styles = xml(data, "word/styles.xml")
    ref_style = styles.find("w:style[@w:styleId='FootnoteReference']", NS)
    assert ref_style.find("w:rPr/w:vertAlign", NS).get(w("val")) == "superscript"


def test_no_footnotes_part_without_notes() -> None:
    assert "word/footnotes.xml" not in parts(render(document(para("plain"), title="T", author="A")))


def test_links_are_hyperlinks_with_external_relationships() -> None:
    data = render(report())
    hyper = xml(data, "word/document.xml").find(".//w:hyperlink", NS)
    rid = hyper.get(f"{{{R}}}id")
    rel = next(r for r in rels(data) if r.get("Id") == rid)
    assert rel.get("Target") == ACT
    assert rel.get("TargetMode") == "External"
    assert rel.get("Type").endswith("/hyperlink")
    assert hyper.find("w:r/w:rPr/w:rStyle", NS).get(w("val")) == "Hyperlink"


def test_one_relationship_per_url_and_links_in_notes_use_the_notes_part() -> None:
    doc = document(
        para(link("a", ACT), link("b", ACT), note("see ", link("c", "https://example.org"))),
        title="T",
        author="A",
    )
    data = render(doc)
    assert [r.get("Target") for r in rels(data) if r.get("Type").endswith("/hyperlink")] == [ACT]
    note_rels = rels(data, "word/_rels/footnotes.xml.rels")
    assert [r.get("Target") for r in note_rels] == ["https://example.org"]


# ---------------------------------------------------------------- tables


def test_tables_have_a_style_a_repeating_header_and_widths() -> None:
    data = render(report())
    tbl = xml(data, "word/document.xml").find(".//w:tbl", NS)
    assert tbl.find("w:tblPr/w:tblStyle", NS).get(w("val")) == "ReportTable"
    assert tbl.find("w:tblPr/w:tblLook", NS).get(w("firstRow")) == "1"
    assert tbl.find("w:tblPr/w:tblCaption", NS).get(w("val")) == "Table 1: Budget"
    rows = tbl.findall("w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert rows[1].find("w:trPr/w:tblHeader", NS) is None
    widths = [int(c.get(w("w"))) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert widths[0] == pytest.approx(3 * widths[1], abs=3)
    assert all(tc.find("w:p", NS) is not None for tc in tbl.iter(w("tc")))
    style = xml(data, "word/styles.xml").find("w:style[@w:styleId='ReportTable']", NS)
    assert style.find("w:tblPr/w:tblBorders/w:insideH", NS).get(w("val")) == "single"


def test_a_paragraph_after_a_table_gets_space_above() -> None:
    body = xml(render(report()), "word/document.xml").find(w("body"))
    after = body.find("w:tbl", NS).getnext()
    assert after.find("w:pPr/w:spacing", NS).get(w("before")) == "200"


# ---------------------------------------------------------------- page, header, footer, properties


def test_header_and_footer_have_the_title_and_page_n_of_m() -> None:
    data = render(report())
    sect = xml(data, "word/document.xml").find(".//w:body/w:sectPr", NS)
    kinds = [etree.QName(c).localname for c in sect]
    assert kinds[:2] == ["headerReference", "footerReference"]
    assert "Police and Crime Plan: report to the Panel" in parts(data)["word/header1.xml"].decode()
    footer = xml(data, "word/footer1.xml")
    fields = [t.text.strip() for t in footer.iter(w("instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert "Police and Crime Panel" in "".join(t.text or "" for t in footer.iter(w("t")))


def test_page_is_a4_with_arial_and_en_gb() -> None:
    data = render(report())
    sect = xml(data, "word/document.xml").find(".//w:body/w:sectPr", NS)
    assert sect.find("w:pgSz", NS).get(w("w")) == "11906"
    assert sect.find("w:pgSz", NS).get(w("h")) == "16838"
    defaults = xml(data, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:lang", NS).get(w("val")) == "en-GB"
    assert defaults.find("w:rFonts", NS).get(w("ascii")) == "Arial"
    assert 22 <= int(defaults.find("w:sz", NS).get(w("val"))) <= 24


def test_heading_1_is_black_bold_capitals() -> None:
    style = xml(render(report()), "word/styles.xml").find("w:style[@w:styleId='Heading1']", NS)
    rpr = style.find("w:rPr", NS)
    assert rpr.find("w:b", NS) is not None
    assert rpr.find("w:caps", NS) is not None
    assert rpr.find("w:color", NS).get(w("val")) == "000000"


def test_core_properties_come_from_the_metadata() -> None:
    core = xml(render(report()), "docProps/core.xml")
    dc = "http://purl.org/dc/elements/1.1/"
    assert core.find(f"{{{dc}}}title").text == "Police and Crime Plan: report to the Panel"
    assert core.find(f"{{{dc}}}creator").text.startswith("Office of the Police and Crime Commissioner")
    assert core.find(f"{{{dc}}}subject").text == "Draft Police and Crime Plan"
    assert core.find(f"{{{dc}}}language").text == "en-GB"
    assert core.find("{http://purl.org/dc/terms/}created").text == "2017-02-08T00:00:00Z"
    local = {etree.QName(c).localname for c in core}
    assert not local & {"lastModifiedBy", "revision"}


def test_no_python_docx_leftovers_anywhere_in_the_package() -> None:
    files = parts(render(report()))
    assert not any(name.startswith("docProps/thumbnail") for name in files)
    assert not [name for name, data in files.items() if b"python-docx" in data]


def test_same_input_gives_the_same_bytes() -> None:
    assert render(report()) == render(report())
    with zipfile.ZipFile(io.BytesIO(render(report()))) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.namelist()[:2] == ["[Content_Types].xml", "_rels/.rels"]


# ---------------------------------------------------------------- text, exempt parts


def test_text_comes_out_as_plain_text_says() -> None:
    doc = report()
    text = docx_text(render(doc))
    assert text == plain_text(exempt_view(doc))
    assert "2.1 Under the 2011 Act" in text
    assert "2.2 Regard must be had to the Requirement1 and guidance." in text
    assert text.endswith("1 The SPR sets out threats.")


def test_public_render_leaves_exempt_parts_out_and_full_render_marks_them() -> None:
    public = docx_text(render(report()))
    full = docx_text(render(report(), RenderOptions(public=False)))
    assert "Secret figures." not in public
    assert "3.1 This paragraph is not for publication" in public
    assert "3.1 EXEMPT: paragraph 3 of Schedule 12A Secret figures." in full


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_tree_renders_and_its_text_comes_out_in_order(doc: Document) -> None:
    data = render(doc)
    assert docx_text(data) == plain_text(exempt_view(doc))
    assert render(doc) == data


# ---------------------------------------------------------------- templates


def test_a_callers_template_lends_its_styles_and_missing_ones_are_made(tmp_path: Path) -> None:
    import docx

    template = tmp_path / "corporate.docx"
    docx.Document().save(str(template))  # python-docx's default: blue Cambria headings, Letter paper
    data = render(report(), RenderOptions(template=template))
    styles = xml(data, "word/styles.xml")
    heading = styles.find("w:style[@w:styleId='Heading1']", NS)
    assert heading.find("w:rPr/w:color", NS).get(w("val")) != "000000"  # theirs, not the house style
    assert styles.find("w:style[@w:styleId='NumberedParagraph']", NS) is not None
    assert styles.find("w:style[@w:styleId='FootnoteText']", NS) is not None
    sect = xml(data, "word/document.xml").find(".//w:body/w:sectPr", NS)
    assert sect.find("w:pgSz", NS).get(w("w")) == "12240"
    assert docx_text(data) == plain_text(exempt_view(report()))
    files = parts(data)
    assert not [name for name, content in files.items() if b"python-docx" in content]
    assert not any("thumbnail" in name for name in files)
    assert render(report(), RenderOptions(template=template.read_bytes())) == data


def test_a_template_with_its_own_header_keeps_it(tmp_path: Path) -> None:
    first = render(report())
    data = render(report(), RenderOptions(template=first))
    sect = xml(data, "word/document.xml").find(".//w:body/w:sectPr", NS)
    assert len(sect.findall("w:headerReference", NS)) == 1
    assert docx_text(data) == plain_text(exempt_view(report()))


@pytest.mark.parametrize("content", [b"not a zip", b""])
def test_an_invalid_template_raises_render_error_naming_the_file(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(content)
    with pytest.raises(RenderError, match=r"broken\.docx"):
        render(report(), RenderOptions(template=bad))


def test_a_missing_template_raises_render_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match=r"absent\.docx"):
        render(report(), RenderOptions(template=tmp_path / "absent.docx"))


def test_capitals_are_a_style_choice_not_typed_text() -> None:
    import re

    from pccplan.compose.build import document, numbered, section, title_block
    from pccplan.render.docx.writer import render as render_docx

    def heading_style(capitals: bool) -> str:
        doc = document(
            title_block("A decision"),
            section("Summary", numbered("Text."), numbered=True),
            title="A decision",
            author="OPCC",
            capitals=capitals,
        )
        with zipfile.ZipFile(io.BytesIO(render_docx(doc))) as package:
            styles = package.read("word/styles.xml").decode()
            body = package.read("word/document.xml").decode()
        assert "<w:t>Summary</w:t>" in body  # the words as written, whichever way they are shown
        found = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles)
        assert found is not None
        return found.group()

    assert "<w:caps/>" in heading_style(True)
    assert "<w:caps/>" not in heading_style(False)


def test_a_list_in_a_table_cell_starts_at_the_cells_edge_not_the_pages() -> None:
    from pccplan.compose.build import bullets, document, table
    from pccplan.render.docx.writer import render as render_docx

    doc = document(
        table(
            header=["Theme", "Outcomes"], rows=[["Victims", ["Outcomes:", bullets("Support.", "Safety.")]]]
        ),
        bullets("On the page."),
        title="T",
        author="A",
    )
    with zipfile.ZipFile(io.BytesIO(render_docx(doc))) as package:
        body = package.read("word/document.xml").decode()
    cell = body[body.index("<w:tbl>") : body.index("</w:tbl>")]
    assert cell.count('<w:ind w:left="357"/>') == 2  # just the bullet's hanging width
    page = body[body.index("</w:tbl>") :]
    assert "<w:ind " not in page.split("On the page")[0]  # on the page the list level's indent applies


# ---------------------------------------------------------------- valid by schema


def _example_documents(folder: Path) -> dict[str, bytes]:
    """The .docx each script in examples/ writes, run in-process (faster than a subprocess each)."""
    import contextlib
    import importlib.util

    from tests.conftest import ROOT

    made: dict[str, bytes] = {}
    for script in sorted((ROOT / "examples").glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"example_{script.stem}", script)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out = folder / f"{script.stem}.docx"
        with contextlib.redirect_stdout(io.StringIO()):
            assert module.main([str(script), str(out)]) == 0
        made[script.stem] = out.read_bytes()
    return made


def test_every_example_document_is_valid_by_the_iso_29500_schemas(tmp_path: Path) -> None:
    packages = _example_documents(tmp_path)
    packages["report"] = render(report())
    packages["report-on-its-own-output"] = render(report(), RenderOptions(template=packages["report"]))
    errors, checked = validate(packages, tmp_path / "parts")
    assert errors == []
    assert len(packages) >= 8
    assert checked >= 10 * len(packages)  # every package has at least 10 XML parts


def test_every_part_the_writer_makes_has_a_schema() -> None:
    names = {name for name, _schema in parts_and_schemas(render(report()))}
    assert names == {
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/app.xml",
        "docProps/core.xml",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/footer1.xml",
        "word/footnotes.xml",
        "word/header1.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/styles.xml",
    }


def test_the_schema_check_catches_an_element_out_of_order(tmp_path: Path) -> None:
    # Proof that the check can fail: Word refuses w:pPr after a run, LibreOffice does not mind.
    good = render(report())
    members = parts(good)
    body = members["word/document.xml"].decode("utf-8")
    members["word/document.xml"] = body.replace("<w:body>", "<w:body><w:p><w:r/><w:pPr/></w:p>", 1).encode()
    errors, _checked = validate({"bad": zip_members(list(members.items()))}, tmp_path)
    assert len(errors) == 1
    assert errors[0].startswith("bad/word/document.xml:")
    assert 'element "w:pPr" not allowed here' in errors[0]


def test_any_tree_renders_to_parts_valid_by_the_schemas(tmp_path: Path) -> None:
    packages: dict[str, bytes] = {}
    trees: dict[str, Document] = {}
    seen = {"references": 0, "continuing lists": 0}

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(documents(continuing=True, references=True), st.booleans())
    def render_one(doc: Document, public: bool) -> None:
        label = f"tree{len(packages):02d}"
        packages[label] = render(doc, RenderOptions(public=public))
        trees[label] = doc
        nodes = list(iter_nodes(doc))
        seen["references"] += any(isinstance(node, Ref) for node in nodes)
        seen["continuing lists"] += any(isinstance(node, OrderedList) and node.continues for node in nodes)

    render_one()
    # One jing call per schema for all the trees: starting Java per example would take minutes.
    errors, checked = validate(packages, tmp_path)
    failing = sorted({error.split("/", 1)[0] for error in errors})
    assert errors == [], "\n".join([*errors[:20], *(repr(trees[label])[:2000] for label in failing[:2])])
    assert len(packages) >= 20  # most of the 25 examples reached the check
    assert checked >= 10 * len(packages)
    assert seen["references"] == len(packages)  # every tree holds a REF field and its bookmark
    assert seen["continuing lists"] == len(packages)


def test_ci_installs_jing_so_the_schema_tests_never_skip_there() -> None:
    from tests.conftest import ROOT

    assert "command -v jing || missing+=(jing)" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# ---------------------------------------------------------------- table of contents


def plan_with_contents() -> Document:
    from pccplan.compose import contents

    return document(
        title_block("Police and Crime Plan", "Report to the Panel"),
        contents(),
        section("Purpose", numbered("Why."), numbered=True),
        section("Background", section("The Act", section("Section 5", para("x"))), numbered=True),
        section("Appendix A: the draft Plan", para("Attached."), new_page=True),
        title="Plan",
        author="OPCC",
    )


def test_a_contents_is_a_real_toc_field_with_its_entries_filled_in() -> None:
    body = xml(render(plan_with_contents()), "word/document.xml")
    sdt = body.find(".//w:body/w:sdt", NS)
    gallery = sdt.find("w:sdtPr/w:docPartObj/w:docPartGallery", NS)
    assert gallery.get(w("val")) == "Table of Contents"
    paragraphs = sdt.findall("w:sdtContent/w:p", NS)
    assert paragraphs[0].find("w:pPr/w:pStyle", NS).get(w("val")) == "TOCHeading"
    codes = "".join(t.text for t in sdt.iter(w("instrText")))
    assert codes == ' TOC \\o "1-2" \\h \\z \\u '
    kinds = [f.get(w("fldCharType")) for f in sdt.iter(w("fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    entries = [
        (p.find("w:pPr/w:pStyle", NS).get(w("val")), "".join(t.text for t in p.iter(w("t"))))
        for p in paragraphs[1:-1]
    ]
    assert entries == [
        ("TOC1", "1. Purpose"),
        ("TOC1", "2. Background"),
        ("TOC2", "The Act"),
        ("TOC1", "Appendix A: the draft Plan"),
    ]


def test_each_entry_links_to_a_bookmark_around_its_heading() -> None:
    body = xml(render(plan_with_contents()), "word/document.xml")
    anchors = [link.get(w("anchor")) for link in body.iterfind(".//w:sdt//w:hyperlink", NS)]
    marks = {
        start.get(w("name")): "".join(start.getparent().itertext())
        for start in body.iterfind(".//w:bookmarkStart", NS)
    }
    assert [marks[anchor] for anchor in anchors] == [
        "Purpose",
        "Background",
        "The Act",
        "Appendix A: the draft Plan",
    ]
    starts = [int(s.get(w("id"))) for s in body.iterfind(".//w:bookmarkStart", NS)]
    ends = [int(e.get(w("id"))) for e in body.iterfind(".//w:bookmarkEnd", NS)]
    assert starts == ends == list(range(5))  # every heading, listed or not, one id each


def test_without_a_contents_headings_carry_no_bookmarks() -> None:
    assert b"bookmarkStart" not in parts(render(report()))["word/document.xml"]


def test_a_contents_with_no_sections_is_an_empty_field_and_still_valid(tmp_path: Path) -> None:
    from pccplan.compose import contents

    empty = document(contents("In this report"), para("Only text."), title="T", author="A")
    data = render(empty)
    sdt = xml(data, "word/document.xml").find(".//w:sdt", NS)
    assert [f.get(w("fldCharType")) for f in sdt.iter(w("fldChar"))] == ["begin", "separate", "end"]
    errors, _checked = validate({"empty": data, "plan": render(plan_with_contents())}, tmp_path)
    assert errors == []


@pytest.mark.slow
def test_libreoffice_shows_the_contents_in_its_pdf(tmp_path: Path) -> None:
    import subprocess

    from tests.conftest import require_program

    from pccplan.render.pdf import convert

    require_program("soffice")
    pdftotext = require_program("pdftotext")
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(convert(render(plan_with_contents())))
    text = subprocess.run(
        [pdftotext, "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    lines = [line.strip() for line in text.stdout.splitlines() if line.strip()]
    start = lines.index("Contents")
    assert lines[start + 1 : start + 5] == [
        "1. Purpose",
        "2. Background",
        "The Act",
        "Appendix A: the draft Plan",
    ]


# ---------------------------------------------------------------- list formats and restarts (issue 14)


def _styled_lists() -> Document:
    return document(
        ordered("one", "two", style=ListStyle.LOWER_LETTER_BRACKETED),
        para("between"),
        ordered("three", style=ListStyle.LOWER_LETTER_BRACKETED, continues=True),
        ordered(["x", ordered("r1", "r2", style=ListStyle.LOWER_ROMAN_BRACKETED)], start=4),
        ordered("A", style=ListStyle.UPPER_LETTER, start=3),
        title="T",
        author="A",
    )


def test_a_list_style_is_a_real_numbering_definition() -> None:
    numbering = xml(render(_styled_lists()), "word/numbering.xml")
    by_name = {a.find("w:name", NS).get(w("val")): a for a in numbering.findall("w:abstractNum", NS)}
    bracketed = by_name["Ordered list (a)"].find("w:lvl[@w:ilvl='0']", NS)
    assert bracketed.find("w:numFmt", NS).get(w("val")) == "lowerLetter"
    assert bracketed.find("w:lvlText", NS).get(w("val")) == "(%1)"
    roman = by_name["Ordered list (i)"].find("w:lvl[@w:ilvl='1']", NS)
    assert (roman.find("w:numFmt", NS).get(w("val")), roman.find("w:lvlText", NS).get(w("val"))) == (
        "lowerRoman",
        "(%2)",
    )
    assert "Ordered list A." in by_name


def test_a_start_is_a_start_override_and_a_continued_list_shares_its_instance() -> None:
    data = render(_styled_lists())
    body = xml(data, "word/document.xml")
    num_ids = [e.get(w("val")) for e in body.iterfind(".//w:numPr/w:numId", NS)]
    # one, two and three share one instance: Word counts on to (c)
    assert num_ids[0] == num_ids[1] == num_ids[2]
    assert len(set(num_ids)) == 4
    numbering = xml(data, "word/numbering.xml")
    starts = {
        n.get(w("numId")): n.find("w:lvlOverride/w:startOverride", NS).get(w("val"))
        for n in numbering.findall("w:num", NS)
        if n.find("w:lvlOverride", NS) is not None
    }
    assert [starts[i] for i in dict.fromkeys(num_ids)] == ["1", "4", "1", "3"]
    assert read_docx(data).text.splitlines() == [
        "(a) one", "(b) two", "between", "(c) three", "4. x", "(i) r1", "(ii) r2", "C. A",
    ]  # fmt: skip


def test_styled_lists_are_valid_by_the_schemas(tmp_path: Path) -> None:
    errors, checked = validate({"lists": render(_styled_lists())}, tmp_path)
    assert errors == []
    assert checked >= 10


# ---------------------------------------------------------------- cross-references (issue 14)


def _referring() -> Document:
    return document(
        section("Purpose", numbered("First."), numbered("The budget.", label="budget"), numbered=True),
        section(
            "Background",
            numbered("See paragraph ", ref("budget"), " and ", ref("money"), "."),
            table(caption="Table 1: Money", rows=[["x"]], label="money"),
            numbered=True,
        ),
        title="T",
        author="A",
    )


def test_a_reference_is_a_ref_field_to_a_bookmark_showing_the_number() -> None:
    body = xml(render(_referring()), "word/document.xml")
    starts = {b.get(w("name")): b for b in body.iter(w("bookmarkStart"))}
    assert set(starts) == {"_Ref_budget", "_Ref_money"}
    target = starts["_Ref_budget"].getparent()
    assert "".join(target.itertext()) == "The budget."
    ids = {b.get(w("id")) for b in body.iter(w("bookmarkEnd"))}
    assert {s.get(w("id")) for s in starts.values()} == ids
    codes = [i.text.strip() for i in body.iter(w("instrText"))]
    assert "REF _Ref_budget \\w \\h" in codes
    assert "REF _Ref_money \\h" in codes  # a caption's text, not a number
    assert "2.1 See paragraph 1.2 and Table 1: Money." in docx_text(render(_referring()))


def test_references_are_valid_by_the_schemas(tmp_path: Path) -> None:
    errors, _checked = validate({"refs": render(_referring())}, tmp_path)
    assert errors == []


def test_a_reference_reads_back_to_its_target() -> None:
    result = read_docx(render(_referring()))
    assert result.warnings == ()
    assert result.document == _referring()


def test_a_paragraph_kept_with_the_next_carries_keep_next_and_reads_back(tmp_path: Path) -> None:
    from pccplan.compose.tree import Paragraph, Text

    kept = Paragraph(content=(Text(text="Yours sincerely"),), keep_with_next=True)
    doc = document(kept, para("A. Chair"), title="T", author="A")
    data = render(doc)
    paragraphs = xml(data, "word/document.xml").iter(w("p"))
    flags = [p.find(f"{w('pPr')}/{w('keepNext')}") is not None for p in paragraphs]
    assert flags[-2:] == [True, False]
    assert read_docx(data).document.blocks[:2] == (kept, para("A. Chair"))
    errors, _checked = validate({"kept": data}, tmp_path)
    assert errors == []


def test_the_body_spliced_into_the_part_unparsed_is_the_same_bytes_as_parsed() -> None:
    from pccplan.compose.tree import Contents, Letterhead, TitleBlock
    from pccplan.render.docx import writer

    spliced = {"cases": 0, "contents": 0}

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(documents(continuing=True, references=True), st.booleans(), st.booleans())
    def compare(doc: Document, public: bool, contents: bool) -> None:
        if contents:  # after the title or letterhead, which must come first
            head = 1 if doc.blocks and isinstance(doc.blocks[0], TitleBlock | Letterhead) else 0
            doc = attrs.evolve(doc, blocks=(*doc.blocks[:head], Contents(depth=3), *doc.blocks[head:]))
        options = RenderOptions(public=public)
        data = writer.render(doc, options)
        try:
            writer._Writer.splice = False
            parsed = writer.render(doc, options)
        finally:
            writer._Writer.splice = True
        assert data == parsed
        assert b"pccplan-markup" not in data
        spliced["cases"] += 1
        spliced["contents"] += contents

    compare()
    assert spliced["cases"] == 25  # every example reached the comparison
    assert spliced["contents"] >= 3


def test_renders_in_several_threads_give_the_bytes_of_one_render_each() -> None:
    """The house styles and list definitions are built once and copied into each document
    (`xml._style_element`, `xml._abstract_num`): renders running at once must not share them."""
    from concurrent.futures import ThreadPoolExecutor

    from pccplan.examples import example_panel_report

    docs = [
        example_panel_report(),
        document(section("One", para("Text."), ordered("a", "b")), title="T", author="A"),
    ]
    alone = [render(doc) for doc in docs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(render, docs * 8))
    assert together == alone * 8
