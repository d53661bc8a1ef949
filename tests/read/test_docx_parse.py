"""Tests for the safe parse layer: facts from good files, and refusals for hostile and broken ones."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from tests.read.wordfiles import (
    BILLION_LAUGHS,
    CONTENT_TYPES,
    PACKAGE_RELS,
    body,
    declared_directory,
    deep_nesting,
    package,
    paragraph,
    python_docx_document,
    rels,
    sample_report,
    with_doctype,
    zip_bomb,
)

from pccplan.errors import DocumentReadError
from pccplan.opc.limits import DIRECTORY_ENTRY_BYTES, Limits
from pccplan.read.docx_parse import (
    Drawing,
    HyperlinkFact,
    NoteReference,
    ParagraphFact,
    RunFact,
    TableFact,
    check_package,
    iter_paragraphs,
    parse_docx,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def sample() -> bytes:
    return sample_report(titled=False)


def refused(data: bytes, *words: str, limits: Limits | None = None) -> str:
    """The reason a file is refused, checked to name the file and each of `words`."""
    with pytest.raises(DocumentReadError) as caught:
        parse_docx(data, limits=limits, name="bad.docx")
    message = str(caught.value)
    assert message.startswith("bad.docx: ")
    for word in words:
        assert word in message
    return message


# ---------------------------------------------------------------- facts from good files


def test_facts_of_a_rendered_report() -> None:
    facts = parse_docx(sample(), name="report.docx")
    assert facts.name == "report.docx"
    assert facts.core.title == "Report"
    assert facts.core.creator == "Office"
    assert facts.core.language == "en-GB"
    heading = facts.body[0]
    assert isinstance(heading, ParagraphFact)
    assert facts.styles.name(heading.style) == "heading 1"
    assert heading.numbering is not None
    numbered_para = facts.body[1]
    assert isinstance(numbered_para, ParagraphFact)
    reference = [
        piece
        for run in numbered_para.inlines
        if isinstance(run, RunFact)
        for piece in run.pieces
        if isinstance(piece, NoteReference)
    ]
    assert reference == [NoteReference(note_id="1")]
    note_para = facts.notes["1"][0]
    assert isinstance(note_para, ParagraphFact)
    assert [i.url for i in note_para.inlines if isinstance(i, HyperlinkFact)] == ["https://example.org/n"]
    tables = [b for b in facts.body if isinstance(b, TableFact)]
    assert tables[0].rows[0].header
    assert not tables[0].rows[1].header
    footer = facts.footers[0]
    fields = {
        run.field for p in iter_paragraphs(footer.blocks) for run in p.inlines if isinstance(run, RunFact)
    }
    assert {"PAGE", "NUMPAGES", None} <= fields
    assert facts.styles.defaults.language == "en-GB"


def test_pictures_keep_their_alt_text_and_runs_their_size() -> None:
    facts = parse_docx(python_docx_document())
    drawings = [
        piece
        for p in iter_paragraphs(facts.body)
        for run in p.inlines
        if isinstance(run, RunFact)
        for piece in run.pieces
        if isinstance(piece, Drawing)
    ]
    assert len(drawings) == 1
    assert not drawings[0].description
    sizes = [
        run.props.size for p in iter_paragraphs(facts.body) for run in p.inlines if isinstance(run, RunFact)
    ]
    assert 14 in sizes  # the 7pt small print, in half-points


def test_reads_from_a_path_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(sample())
    assert parse_docx(path).name == str(path)
    with pytest.raises(DocumentReadError, match=r"missing\.docx: cannot read the file"):
        parse_docx(tmp_path / "missing.docx")
    with pytest.raises(DocumentReadError, match="is a folder"):
        parse_docx(tmp_path)


def test_an_empty_file_and_other_formats_are_named() -> None:
    refused(b"", "empty")
    refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "older Word .doc")
    refused(b"%PDF-1.7\n", "PDF")
    refused(b"{\\rtf1 hello}", "RTF")
    refused(b"just some text", "not a zip file")


def test_a_zip_that_is_not_a_docx() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hello")
    refused(out.getvalue(), "no [Content_Types].xml")
    workbook = CONTENT_TYPES.replace("wordprocessingml.document.main+xml", "spreadsheetml.sheet.main+xml")
    refused(package(body(""), content_types=workbook), "an Excel workbook")
    refused(package(body(""), package_rels=None), "no main document part")


def test_a_truncated_file() -> None:
    data = sample()
    for cut in (len(data) // 2, len(data) - 30, 100):
        refused(data[:cut], "not a .docx")


def test_parts_that_point_at_missing_parts() -> None:
    doc_rels = rels(("rId1", "styles", "styles.xml"), ("rId2", "footnotes", "footnotes.xml"))
    styles = f'<w:styles xmlns:w="{W}"/>'
    parts = {"word/_rels/document.xml.rels": doc_rels, "word/styles.xml": styles}
    message = refused(package(parts=parts), "footnotes.xml")
    assert "not in the file" in message
    missing_main = PACKAGE_RELS.replace("word/document.xml", "word/elsewhere.xml")
    refused(package(package_rels=missing_main), "word/elsewhere.xml", "not in the file")


def test_a_main_part_that_is_not_a_document() -> None:
    refused(package(f'<w:styles xmlns:w="{W}"/>'), "not a document")
    refused(package("<w:document"), "not well-formed XML")


def test_encrypted_and_exotically_compressed_parts_are_refused() -> None:
    data = bytearray(sample())
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 8, struct.unpack_from("<H", data, central + 8)[0] | 1)
    refused(bytes(data), "encrypted")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
    refused(out.getvalue(), "compression method")


# ---------------------------------------------------------------- hostile files


def test_a_zip_bomb_is_refused_from_its_directory_without_unpacking() -> None:
    bomb = zip_bomb()
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    message = refused(bomb, "zip bomb", "word/document.xml")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "unpacks to" in message
    assert peak < 16 * 1024 * 1024  # nothing was unpacked (bounded time: tests/read/fuzzing.py)


def test_the_ratio_and_total_limits() -> None:
    repeated = body("<w:p/>" * 400_000)  # about 2.4 MB that compresses very well
    message = refused(package(repeated), "compressed", "to 1")
    assert "zip bomb" in message
    parts = {f"word/media/image{i}.bin": bytes(range(256)) * 64 for i in range(8)}
    refused(package(parts=parts), "unpack to", limits=Limits(total_bytes=100_000))
    refused(package(parts=parts), "more than 5", limits=Limits(members=5))


def test_a_part_that_unpacks_past_its_declared_size_is_refused() -> None:
    data = bytearray(package(body(paragraph("x" * 100_000))))
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (found := data.find(signature, start)) != -1:
            name_length = struct.unpack_from("<H", data, found + (26 if signature == b"PK\x03\x04" else 28))[
                0
            ]
            header = 30 if signature == b"PK\x03\x04" else 46
            name = bytes(data[found + header : found + header + name_length])
            if name == b"word/document.xml":
                struct.pack_into("<I", data, found + offset, 200)
            start = found + 4
    refused(bytes(data), "word/document.xml")


@pytest.mark.parametrize(
    "doctype",
    [
        BILLION_LAUGHS,
        '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE w:document SYSTEM "http://example.invalid/evil.dtd">',
    ],
    ids=["billion-laughs", "external-entity", "external-dtd"],
)
def test_entity_tricks_are_refused_outright(doctype: str) -> None:
    refused(with_doctype(doctype), "DOCTYPE")


def test_a_doctype_far_into_a_part_is_still_refused() -> None:
    xml = '<?xml version="1.0"?>' + " " * 10_000 + '<!DOCTYPE w:document [<!ENTITY e "x">]>'
    xml += body(paragraph("&e;")).split("?>", 1)[1]
    refused(package(xml), "DOCTYPE")


@pytest.mark.parametrize("depth", [200, 100_000])
def test_very_deep_nesting_is_refused(depth: int) -> None:
    refused(deep_nesting(depth), "deep", limits=Limits(ratio=100_000))  # past the ratio limit too


def test_nesting_within_the_limit_is_read() -> None:
    nested = "<w:sdt><w:sdtContent>" * 30 + paragraph("deep") + "</w:sdtContent></w:sdt>" * 30
    facts = parse_docx(package(body(nested)))
    assert isinstance(facts.body[0], ParagraphFact)
    refused(package(body(nested)), "more than 40 deep", limits=Limits(depth=40))


def test_limits_refuse_what_is_not_a_positive_whole_number() -> None:
    from pccplan.errors import ValidationError

    with pytest.raises(ValidationError, match=r"Limits\.depth"):
        Limits(depth=0)


def test_a_file_larger_than_the_file_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.docx"
    path.write_bytes(sample())
    with pytest.raises(DocumentReadError, match="more than the limit of 1,000"):
        parse_docx(path, limits=Limits(file_bytes=1000))
    refused(sample(), "more than the limit", limits=Limits(file_bytes=1000))


def test_a_fifo_is_refused_rather_than_read_forever(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)  # opening it to read would wait for a writer that never comes
    with pytest.raises(
        DocumentReadError, match=r"pipe\.docx: cannot read the file: it is not a regular file"
    ):
        parse_docx(fifo)


# ---------------------------------------------------------------- the zip's end record (issue 11, R3)


@pytest.mark.parametrize(
    ("entries", "zip64"),
    [(1_000_000, True), (65_535, False), (2001, False)],
    ids=["zip64", "16-bit", "one-over"],
)
def test_a_zip_that_declares_too_many_parts_is_refused_before_its_directory_is_read(
    entries: int, zip64: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = declared_directory(sample(), entries=entries, zip64=zip64)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("zipfile was asked to read the directory")

    monkeypatch.setattr(zipfile, "ZipFile", never)
    refused(data, f"the zip declares {entries:,} parts, more than 2000")


def test_a_directory_larger_than_its_count_allows_is_refused() -> None:
    budget = 2000 * DIRECTORY_ENTRY_BYTES
    # The count can lie: zipfile parses as many directory bytes as the end record says.
    for zip64 in (False, True):
        message = refused(declared_directory(sample(), entries=5, size=budget + 1, zip64=zip64), "directory")
        assert f"{budget + 1:,} bytes, more than {budget:,}" in message


def test_a_real_directory_of_many_entries_is_refused_from_its_end_record() -> None:
    entries = 50_000
    entry = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)
    directory = entry + b"a"
    end = struct.pack("<4s4HLLH", b"PK\x05\x06", 0, 0, 0, 0, 0, 0, 0)
    data = declared_directory(directory * entries + end, entries=entries, zip64=True)
    refused(data, "declares 50,000 parts")


def test_a_zip64_end_record_telling_the_truth_is_read() -> None:
    data = declared_directory(package(body(paragraph("zip64"))), entries=3, zip64=True)
    facts = parse_docx(data)
    assert isinstance(facts.body[0], ParagraphFact)


# ---------------------------------------------------------------- the same checks for a package handed on


def test_check_package_returns_a_good_package_unchanged() -> None:
    data = sample()
    assert check_package(data) == data


@pytest.mark.parametrize(
    ("part", "content", "reason"),
    [
        ("customXml/item1.xml", '<!DOCTYPE x [<!ENTITY e "x">]><x>&e;</x>', "DOCTYPE"),
        ("word/glossary", "<x>" * 200 + "</x>" * 200, "more than 128 deep"),
        ("word/media/huge.bin", b"\0" * (33 * 1024 * 1024), "zip bomb"),
        ("word/theme/theme1.xml", "<a:theme", "not well-formed"),
    ],
    ids=["doctype-in-a-part-the-reader-skips", "xml-by-content-type", "bomb", "damaged"],
)
def test_check_package_checks_every_part_not_only_those_read(
    part: str, content: str | bytes, reason: str
) -> None:
    types = CONTENT_TYPES.replace(
        "</Types>", '<Override PartName="/word/glossary" ContentType="application/vnd.test+xml"/></Types>'
    )
    data = package(parts={part: content}, content_types=types)
    if part != "word/media/huge.bin":
        parse_docx(data)  # the reader itself never opens these parts
    with pytest.raises(DocumentReadError, match=reason):
        check_package(data, name="template.docx")
