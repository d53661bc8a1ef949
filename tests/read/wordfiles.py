"""Word files for the reader's tests: minimal packages built part by part, and ordinary documents
written by hand with python-docx, the way an officer's colleague would."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from hypothesis import strategies as st

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{MAIN}"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{RT}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def body(xml: str) -> str:
    """A document part whose body holds `xml`."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{xml}</w:body></w:document>'
    )


def rels(*relationships: tuple[str, str, str]) -> str:
    """A relationships part from (id, type suffix, target) triples."""
    items = "".join(
        f'<Relationship Id="{rid}" Type="{RT}/{kind}" Target="{target}"'
        + (' TargetMode="External"' if target.startswith("http") else "")
        + "/>"
        for rid, kind, target in relationships
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}'
        "</Relationships>"
    )


def package(
    document: str | bytes | None = None,
    *,
    parts: dict[str, str | bytes] | None = None,
    content_types: str | None = CONTENT_TYPES,
    package_rels: str | None = PACKAGE_RELS,
) -> bytes:
    """A .docx zip: content types, package relationships, the document part and any other parts."""
    members: dict[str, str | bytes] = {}
    if content_types is not None:
        members["[Content_Types].xml"] = content_types
    if package_rels is not None:
        members["_rels/.rels"] = package_rels
    members["word/document.xml"] = document if document is not None else body("<w:p/>")
    members.update(parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return out.getvalue()


EDITS = st.lists(
    st.tuples(st.integers(0, 10**6), st.integers(0, 2), st.integers(0, 255)), min_size=1, max_size=6
)
"""Byte edits for `mutate`: (position, 0 replace / 1 delete / 2 insert, byte)."""


def mutate(data: bytes, edits: list[tuple[int, int, int]]) -> bytes:
    """`data` with bytes replaced, deleted or inserted at the edits' positions (wrapped round)."""
    out = bytearray(data)
    for position, kind, value in edits:
        if not out:
            break
        at = position % len(out)
        if kind == 0:
            out[at] = value
        elif kind == 1:
            del out[at : at + 1 + value % 8]
        else:
            out[at:at] = bytes([value]) * (1 + value % 4)
    return bytes(out)


def repack(data: bytes, member: str, edits: list[tuple[int, int, int]]) -> bytes:
    """The package with one member's unpacked bytes mutated: a sound zip around damaged XML."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info.filename, mutate(content, edits) if info.filename == member else content)
    return out.getvalue()


def paragraph(text: str, style: str | None = None) -> str:
    """A `w:p` holding `text`, in `style` when given."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def tiny_png() -> bytes:
    """A one-pixel PNG, for pictures."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def add_hyperlink(paragraph_: object, text: str, url: str) -> None:
    """Add a real `w:hyperlink` to a python-docx paragraph (python-docx has no API for it)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    part = paragraph_.part  # type: ignore[attr-defined]
    rid = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    rpr.append(style)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph_._p.append(link)  # type: ignore[attr-defined]


def mark_header_row(table: object) -> None:
    """Tick 'Repeat as header row' on a python-docx table's first row."""
    from docx.oxml import OxmlElement

    tr = table.rows[0]._tr  # type: ignore[attr-defined]
    trpr = tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def python_docx_document() -> bytes:
    """An ordinary report written with python-docx's default template, as a colleague might."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.title = "Community safety partnership update"
    document.core_properties.author = "Community Safety Team"
    document.core_properties.language = "en-GB"
    document.add_heading("Community safety partnership update", level=0)
    document.add_heading("Background", level=1)
    document.add_paragraph("The partnership met in March.")
    document.add_paragraph("Anti-social behaviour", style="List Bullet")
    document.add_paragraph("Road safety", style="List Bullet")
    document.add_heading("Priorities", level=2)
    document.add_paragraph("Agree the plan", style="List Number")
    document.add_paragraph("Publish the plan", style="List Number")
    para = document.add_paragraph("Read ")
    add_hyperlink(para, "the partnership's strategy", "https://example.org/strategy")
    para.add_run(" before the meeting.")
    bold = document.add_paragraph()
    bold.add_run("Key decision: ").bold = True
    bold.add_run("approved.").italic = True
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    cells = table.rows[0].cells + table.rows[1].cells
    for cell, text in zip(cells, ["Area", "Lead", "Roads", "Police"], strict=True):
        cell.text = text
    mark_header_row(table)
    hidden = document.add_paragraph("Visible ")
    run = hidden.add_run("secret")
    run.font.hidden = True
    document.add_picture(io.BytesIO(tiny_png()))
    small = document.add_paragraph()
    small.add_run("Small print.").font.size = Pt(7)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta>
  <dc:title>Victims' services commissioning</dc:title>
  <meta:initial-creator>Commissioning Team</meta:initial-creator>
  <dc:creator>Commissioning Team</dc:creator>
  <dc:language>en-GB</dc:language>
 </office:meta>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:text-properties fo:language="en" fo:country="GB" fo:font-size="12pt"/>
  </style:default-style>
 </office:styles>
 <office:body>
  <office:text>
   <text:h text:outline-level="1">Victims' services</text:h>
   <text:p>The service helps victims of crime<text:note text:id="ftn1" text:note-class="footnote"
    ><text:note-citation>1</text:note-citation><text:note-body><text:p
    >Under section 143 of the Anti-social Behaviour, Crime and Policing Act 2014.</text:p
    ></text:note-body></text:note> across the area.</text:p>
   <text:list>
    <text:list-item><text:p>Support after a crime</text:p></text:list-item>
    <text:list-item><text:p>Help through court</text:p></text:list-item>
   </text:list>
   <text:h text:outline-level="2">Funding</text:h>
   <table:table table:name="Funding">
    <table:table-column table:number-columns-repeated="2"/>
    <table:table-header-rows>
     <table:table-row>
      <table:table-cell><text:p>Service</text:p></table:table-cell>
      <table:table-cell><text:p>Grant</text:p></table:table-cell>
     </table:table-row>
    </table:table-header-rows>
    <table:table-row>
     <table:table-cell><text:p>Victim Hub</text:p></table:table-cell>
     <table:table-cell><text:p>£250,000</text:p></table:table-cell>
    </table:table-row>
   </table:table>
   <text:p>See <text:a xlink:type="simple"
    xlink:href="https://www.gov.uk/government/publications/code-of-practice-for-victims-of-crime"
    >the Victims' Code</text:a>.</text:p>
  </office:text>
 </office:body>
</office:document>
"""
"""A flat OpenDocument text that LibreOffice converts to .docx in the tests."""


# ---------------------------------------------------------------- hostile numbering and zip directories


def numbering_part(levels: str, *, overrides: str = "") -> str:
    """A numbering part: abstract list 1 with `levels` (`w:lvl` XML), instance 1 of it with `overrides`."""
    return (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="1"/>{overrides}</w:num></w:numbering>'
    )


def level(ilvl: int = 0, *, fmt: str = "decimal", text: str = "%1.", start: str = "1", more: str = "") -> str:
    """One `w:lvl` of a list definition; `more` is further XML inside it (`w:lvlRestart`, `w:isLgl`)."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{more}</w:lvl>'
    )


def list_item(text: str, ilvl: int = 0, num_id: int = 1) -> str:
    """A paragraph on list instance `num_id` at level `ilvl`."""
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def listed(items: str, numbering: str) -> bytes:
    """A .docx whose body is `items` (`list_item`s) and whose numbering part is `numbering`."""
    return package(
        body(items),
        parts={
            "word/numbering.xml": numbering,
            "word/_rels/document.xml.rels": rels(("rId1", "numbering", "numbering.xml")),
        },
    )


def tricked_numbering(paragraphs: int = 200) -> bytes:
    """Issue 11's R1 file: lettered numbering from 999,999, a level text of 500 '%1', many items."""
    levels = level(fmt="lowerLetter", text="%1" * 500, start="999999")
    return listed(list_item("x") * paragraphs, numbering_part(levels))


def declared_directory(data: bytes, *, entries: int, size: int | None = None, zip64: bool = False) -> bytes:
    """A zip whose end record declares `entries` members and a directory of `size` bytes.

    The directory itself is left as it is: only what the end record (and, with `zip64`, a
    zip64 end record and its locator) says changes, the way a hostile file lies, or a zip
    of a million entries tells the truth, without writing a million entries.
    """
    end = len(data) - 22
    assert data[end : end + 4] == b"PK\x05\x06", "expects a zip without a comment"
    real_size, offset = struct.unpack_from("<LL", data, end + 12)
    size = real_size if size is None else size
    if not zip64:
        record = struct.pack(
            "<4s4HLLH", b"PK\x05\x06", 0, 0, entries & 0xFFFF, entries & 0xFFFF, size, offset, 0
        )
        return data[:end] + record
    zip64_record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, size, offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    record = struct.pack("<4s4HLLH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return data[:end] + zip64_record + locator + record


def sample_report(*, titled: bool = True) -> bytes:
    """A rendered report: a title block (if `titled`), numbered paragraphs, a note, lists and a table."""
    from pccplan.compose import bullets, document, link, note, numbered, ordered, section, table, title_block
    from pccplan.render import render

    doc = document(
        *([title_block("Report", "Panel")] if titled else []),
        section(
            "Background",
            numbered("The Act", note("A note with ", link("a link", "https://example.org/n")), "."),
            bullets("one", ("two", ordered("a", "b"))),
            table(header=["Line", "Amount"], rows=[["Policing", "£1"]], caption="Budget"),
            numbered=True,
        ),
        title="Report",
        author="Office",
        footer="Panel",
    )
    data = render(doc, "docx")
    assert isinstance(data, bytes)
    return data


def zip_bomb() -> bytes:
    """60 MB of XML that compresses about 1000 to 1, in under 1 MB."""
    huge = b"<w:p/>" * (60 * 1024 * 1024 // 6)
    return package(body("").replace("</w:body>", "").encode() + huge + b"</w:body></w:document>")


BILLION_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)
"""A DOCTYPE whose entities expand exponentially (three levels here; a real attack has nine)."""


def with_doctype(doctype: str) -> bytes:
    """A .docx whose document part declares `doctype` and uses its entity `c`."""
    return package(body(paragraph("&c;")).replace("<w:document", doctype + "<w:document", 1))


def deep_nesting(depth: int) -> bytes:
    """A .docx whose body nests content controls `depth` elements deep."""
    nested = "<w:sdt><w:sdtContent>" * (depth // 2) + "</w:sdtContent></w:sdt>" * (depth // 2)
    return package(body(nested))


def many_open_fields(fields: int) -> bytes:
    """A .docx that opens `fields` HYPERLINK fields without closing them, then has as many paragraphs."""
    opened = '<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>HYPERLINK "https://example.org/{0}"</w:instrText>'
    opened += '<w:fldChar w:fldCharType="separate"/></w:r>'
    first = "<w:p>" + "".join(opened.format(n) for n in range(fields)) + "</w:p>"
    return package(body(first + "".join(paragraph(f"p{n}") for n in range(fields))))


def many_runs(runs: int) -> bytes:
    """A .docx with one paragraph of `runs` runs, each a few characters."""
    return package(body("<w:p>" + "".join(f"<w:r><w:t>{n} </w:t></w:r>" for n in range(runs)) + "</w:p>"))


def wide_table(cells: int, rows: int) -> bytes:
    """A table whose first row has `cells` cells spanning 64 columns each, then `rows` one-cell rows."""
    wide = "<w:tr>" + '<w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr><w:p/></w:tc>' * cells + "</w:tr>"
    short = "<w:tr><w:tc>" + paragraph("x") + "</w:tc></w:tr>"
    return package(body("<w:tbl>" + wide + short * rows + "</w:tbl>"))


def titled(subtitles: int) -> bytes:
    """A .docx with a 'Title' paragraph followed by `subtitles` 'Subtitle' paragraphs."""
    names = ("Title", "Subtitle")
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="{n}"><w:name w:val="{n}"/></w:style>' for n in names
    )
    lines = paragraph("Report", "Title") + "".join(
        paragraph(f"line {n}", "Subtitle") for n in range(subtitles)
    )
    return package(
        body(lines),
        parts={
            "word/styles.xml": f'<w:styles xmlns:w="{W}">{styles}</w:styles>',
            "word/_rels/document.xml.rels": rels(("rId1", "styles", "styles.xml")),
        },
    )


def deep_styles(runs: int) -> bytes:
    """A .docx of `runs` runs in the last of 64 character styles, each based on the one before."""
    styles = "".join(
        f'<w:style w:type="character" w:styleId="s{n}"><w:name w:val="s{n}"/>'
        + (f'<w:basedOn w:val="s{n - 1}"/>' if n else "")
        + '<w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>'
        for n in range(64)
    )
    text = "".join(f'<w:r><w:rPr><w:rStyle w:val="s63"/></w:rPr><w:t>{n} </w:t></w:r>' for n in range(runs))
    return package(
        body(f"<w:p>{text}</w:p>"),
        parts={
            "word/styles.xml": f'<w:styles xmlns:w="{W}">{styles}</w:styles>',
            "word/_rels/document.xml.rels": rels(("rId1", "styles", "styles.xml")),
        },
    )


def shared_note(references: int, paragraphs: int = 2000) -> bytes:
    """A .docx whose one footnote (`paragraphs` paragraphs long) is referenced `references` times."""
    note = "".join(paragraph(f"note text {n} " * 10) for n in range(paragraphs))
    notes = f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1">{note}</w:footnote></w:footnotes>'
    refs = "<w:p>" + '<w:r><w:footnoteReference w:id="1"/></w:r>' * references + "</w:p>"
    return package(
        body(refs),
        parts={
            "word/footnotes.xml": notes,
            "word/_rels/document.xml.rels": rels(("rId1", "footnotes", "footnotes.xml")),
        },
    )
