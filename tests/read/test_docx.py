"""Tests for reading Word files into the tree: exact for pccplan's own files, best effort for others."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import ROOT, require_program
from tests.read.fuzzing import READ_FILES, outcome, shuffled_parts
from tests.read.wordfiles import (
    EDITS,
    FODT,
    body,
    level,
    list_item,
    listed,
    mutate,
    numbering_part,
    package,
    paragraph,
    python_docx_document,
    repack,
    sample_report,
    shared_note,
    titled,
    tricked_numbering,
    wide_table,
)
from tests.tree_strategies import documents, inlines, titles

import pccplan
from pccplan.compose import (
    bullets,
    contents,
    document,
    emph,
    exempt,
    link,
    note,
    numbered,
    ordered,
    para,
    section,
    strong,
    table,
    title_block,
)
from pccplan.compose.tree import (
    BulletList,
    Cell,
    Contents,
    Document,
    Emph,
    Link,
    ListItem,
    Metadata,
    Note,
    OrderedList,
    Paragraph,
    Row,
    Section,
    Strong,
    Table,
    Text,
    TitleBlock,
)
from pccplan.compose.walk import exempt_view, plain_text, walk
from pccplan.errors import DocumentReadError
from pccplan.number_formats import ListStyle
from pccplan.opc.limits import LABEL_CHARS, TABLE_COLUMNS
from pccplan.read import read_docx
from pccplan.read.docx import read, word_label
from pccplan.read.docx_parse import LevelFact
from pccplan.read.normal import normal_form
from pccplan.render import RenderOptions, render


def docx(doc: Document, *, public: bool = True) -> bytes:
    data = render(doc, "docx", RenderOptions(public=public))
    assert isinstance(data, bytes)
    return data


def without_widths(doc: Document) -> Document:
    return walk(doc, lambda n: attrs.evolve(n, widths=None) if isinstance(n, Table) else n)


def fractions(doc: Document) -> list[tuple[float, ...]]:
    found: list[tuple[float, ...]] = []
    walk(doc, lambda n: found.append(n.fractions) or n if isinstance(n, Table) else n)
    return found


def assert_round_trip(doc: Document, *, public: bool = True) -> None:
    """Reading back a rendering of `doc` gives its normal form, its text, and no warnings."""
    view = exempt_view(doc, public=public)
    result = read_docx(docx(doc, public=public))
    assert result.warnings == ()
    assert result.text == plain_text(view)
    assert without_widths(result.document) == normal_form(view)
    for got, want in zip(fractions(result.document), fractions(view), strict=True):
        assert got == pytest.approx(want, abs=1e-3)


# ---------------------------------------------------------------- pccplan's own files


def test_the_example_report_reads_back_exactly() -> None:
    report = pccplan.example_panel_report()
    assert_round_trip(report)
    assert_round_trip(report, public=False)


def test_a_report_with_every_kind_of_block() -> None:
    doc = document(
        title_block("Police and Crime Plan", "Police and Crime Panel, 8 February 2017", "Agenda item 5"),
        section(
            "Purpose",
            numbered("To present the ", strong("draft"), " Plan", note("The SPR.", " Second line."), "."),
            numbered=True,
        ),
        section(
            "Background",
            numbered(
                "Under the ", link(["2011 ", emph("Act")], "https://www.legislation.gov.uk/ukpga/2011/13")
            ),
            bullets("objectives;", ("policing;", bullets(("nested", ordered("deeper", "still"))), "more")),
            ordered("prepare;", ("consult;", table(rows=[["in a list"]])), "issue."),
            table(
                caption="Table 1: Budget", header=["Line", "Amount"], rows=[["Policing", "£1"]], widths=[3, 1]
            ),
            section("Sub-heading", para("Under it."), section("Third level", para("Deepest."))),
            numbered=True,
        ),
        section("Exempt", numbered("Secret figures.", exempt=exempt(3)), numbered=True),
        section("Appendix A: the draft Plan", para("Attached."), new_page=True, exempt=exempt(1)),
        title="Police and Crime Plan: report to the Panel",
        author="Office of the Police and Crime Commissioner",
        subject="Draft plan",
        keywords=("plan", "panel"),
        description="A report.",
        header="Draft plan",
        footer="Police and Crime Panel",
    )
    assert_round_trip(doc)
    assert_round_trip(doc, public=False)


def test_what_normal_form_changes_is_what_word_cannot_show() -> None:
    doc = document(
        section("A", section("B", para("in B")), para("after B, so in B")),
        para(emph(strong("bold italic")), "a", "b"),
        title="T",
        author="A",
    )
    read_back = read_docx(docx(doc)).document
    (top,) = read_back.blocks  # the paragraphs after sub-section B can only be read as part of it
    assert isinstance(top, Section)
    (inner,) = top.blocks
    assert isinstance(inner, Section)
    assert len(inner.blocks) == 3
    last = inner.blocks[2]
    assert isinstance(last, Paragraph)
    assert last.content == (Strong(content=(Emph(content=(Text(text="bold italic"),)),)), Text(text="ab"))
    assert read_back == normal_form(doc)


def test_two_lists_in_a_row_stay_two_lists() -> None:
    doc = document(bullets("a"), bullets("b"), ordered("c"), ordered("d"), title="T", author="A")
    blocks = read_docx(docx(doc)).document.blocks
    assert [type(b) for b in blocks] == [BulletList, BulletList, OrderedList, OrderedList]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents() | documents(references=True, continuing=True), st.booleans())
def test_any_tree_reads_back_as_its_normal_form(doc: Document, public: bool) -> None:
    assert_round_trip(doc, public=public)


def _nested_blocks(depth: int) -> st.SearchStrategy[object]:
    """Lists and tables inside each other (lists in cells, tables in list items), two deep."""
    paras = st.builds(Paragraph, content=inlines(3))
    if depth >= 2:
        return paras
    inner = st.deferred(lambda: _nested_blocks(depth + 1))
    item = st.builds(lambda first, rest: ListItem(blocks=(first, *rest)), paras, st.lists(inner, max_size=2))
    items = st.lists(item, min_size=1, max_size=2).map(tuple)

    @st.composite
    def tables(draw: st.DrawFn) -> Table:
        columns = draw(st.integers(1, 2))
        cell = st.builds(Cell, blocks=st.lists(inner, max_size=2).map(tuple))
        row = st.builds(Row, cells=st.lists(cell, min_size=columns, max_size=columns).map(tuple))
        return Table(
            header=draw(st.none() | row),
            rows=tuple(draw(st.lists(row, min_size=1, max_size=2))),
            caption=draw(st.none() | titles),
        )

    return st.one_of(paras, st.builds(BulletList, items=items), st.builds(OrderedList, items=items), tables())


nested_documents = st.builds(
    lambda meta, blocks: Document(meta=meta, blocks=tuple(blocks)),
    st.builds(
        Metadata,
        title=titles,
        author=titles,
        header=st.none() | titles,
        footer=st.none() | titles,
        keywords=st.lists(titles, max_size=3).map(tuple),
        description=st.none() | titles,
        language=st.sampled_from(["en-GB", "cy-GB"]),
    ),
    st.lists(_nested_blocks(0), max_size=4),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nested_documents)
def test_lists_and_tables_inside_each_other_read_back(doc: Document) -> None:
    assert_round_trip(doc)


def test_the_text_is_plain_text_of_what_was_drawn() -> None:
    doc = document(
        section("Purpose", numbered("First", note("Note.")), numbered("Second"), numbered=True),
        title="T",
        author="A",
    )
    assert read_docx(docx(doc)).text == "1. Purpose\n1.1 First1\n1.2 Second\n1 Note."


# ---------------------------------------------------------------- ordinary Word files


def test_a_python_docx_document_reads_what_it_can_and_says_what_it_skipped() -> None:
    result = read_docx(python_docx_document(), name="colleague.docx")
    doc = result.document
    assert doc.meta.title == "Community safety partnership update"
    assert doc.meta.author == "Community Safety Team"
    title, background = doc.blocks
    assert isinstance(title, TitleBlock)
    assert isinstance(background, Section)
    assert background.title == "Background"
    bullet_list = background.blocks[1]
    assert isinstance(bullet_list, BulletList)
    assert len(bullet_list.items) == 2
    priorities = background.blocks[2]
    assert isinstance(priorities, Section)
    assert isinstance(priorities.blocks[0], OrderedList)
    with_link = priorities.blocks[1]
    assert isinstance(with_link, Paragraph)
    assert Link(content=(Text(text="the partnership's strategy"),), url="https://example.org/strategy") in (
        with_link.content
    )
    decision = priorities.blocks[2]
    assert isinstance(decision, Paragraph)
    assert isinstance(decision.content[0], Strong)
    grid = priorities.blocks[3]
    assert isinstance(grid, Table)
    assert grid.header is not None
    messages = {w.message: w.where for w in result.warnings}
    assert messages["hidden text skipped"].startswith("paragraph ")
    assert "a picture without alt text skipped (add alt text or mark it decorative)" in messages
    assert "1. Agree the plan\n2. Publish the plan" in result.text
    assert "• Anti-social behaviour" in result.text
    assert "secret" not in result.text


@pytest.mark.slow
def test_a_libreoffice_document_with_a_footnote_table_and_link(tmp_path: Path) -> None:
    soffice = require_program("soffice")
    source = tmp_path / "victims.fodt"
    source.write_text(FODT, encoding="utf-8")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = read_docx(tmp_path / "victims.docx")
    assert result.warnings == ()
    doc = result.document
    assert doc.meta.title == "Victims' services commissioning"
    assert doc.meta.language == "en-GB"
    (top,) = doc.blocks
    assert isinstance(top, Section)
    first = top.blocks[0]
    assert isinstance(first, Paragraph)
    notes = [n for n in first.content if isinstance(n, Note)]
    assert notes[0].content[0].content == (
        Text(text="Under section 143 of the Anti-social Behaviour, Crime and Policing Act 2014."),
    )
    assert isinstance(top.blocks[1], BulletList)
    funding = top.blocks[2]
    assert isinstance(funding, Section)
    grid = funding.blocks[0]
    assert isinstance(grid, Table)
    assert grid.header is not None
    see = funding.blocks[1]
    assert isinstance(see, Paragraph)
    assert any(isinstance(n, Link) and "victims-of-crime" in n.url for n in see.content)
    assert "The service helps victims of crime1 across the area." in result.text


def test_numbering_the_tree_cannot_draw_is_kept_as_text() -> None:
    numbering = (
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="3"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    item = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    item += "<w:r><w:t>{}</w:t></w:r></w:p>"
    from tests.read.wordfiles import rels

    data = package(
        body(item.format("first") + item.format("second")),
        parts={
            "word/numbering.xml": numbering,
            "word/_rels/document.xml.rels": rels(("rId1", "numbering", "numbering.xml")),
        },
    )
    result = read_docx(data)
    assert result.text == "(c) first\n(d) second"
    (listed,) = result.document.blocks
    assert isinstance(listed, OrderedList)
    assert (listed.style, listed.start, listed.continues) == (ListStyle.LOWER_LETTER_BRACKETED, 3, False)
    assert [w.message for w in result.warnings if "list numbered" in w.message] == []


def test_a_list_in_a_format_the_tree_cannot_draw_is_read_by_depth_and_says_so() -> None:
    numbering = (
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    item = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    item += "<w:r><w:t>{}</w:t></w:r></w:p>"
    from tests.read.wordfiles import rels

    data = package(
        body(item.format("first")),
        parts={
            "word/numbering.xml": numbering,
            "word/_rels/document.xml.rels": rels(("rId1", "numbering", "numbering.xml")),
        },
    )
    result = read_docx(data)
    (listed,) = result.document.blocks
    assert isinstance(listed, OrderedList)
    assert listed.style is None
    assert [w.message for w in result.warnings if "list numbered" in w.message] == [
        "a list numbered 'a)' in Word read as numbered 1."
    ]


def test_a_document_without_properties_gets_a_title_and_says_so() -> None:
    result = read(package(body(paragraph("Hello"))), name="notes.docx")
    assert result.document.meta.title == "notes"
    assert result.document.meta.author == "Unknown author"
    wheres = {w.where for w in result.warnings}
    assert wheres == {"document properties"}


# ---------------------------------------------------------------- numbering tricks (issue 11, R1 and R2)


def test_a_label_is_bounded_however_the_numbering_part_tricks_it() -> None:
    """Lettered from 999,999 with 500 '%1' once made 19 million characters a paragraph."""
    result = read_docx(tricked_numbering(paragraphs=3))
    assert result.text.splitlines() == [letter * LABEL_CHARS + " x" for letter in "abc"]
    assert all(len(w.message) < 200 for w in result.warnings)


@pytest.mark.parametrize(
    "fmt", ["lowerLetter", "upperLetter", "lowerRoman", "decimal", "ordinal", "decimalZero"]
)
@pytest.mark.parametrize("number", [1, 27, 780, 32767 + 200_000, 10**9])
def test_a_number_in_a_label_never_passes_the_label_cap(fmt: str, number: int) -> None:
    text = "(%1)" * 9
    label = word_label(LevelFact(level=0, format=fmt, text=text), [number] * 9, [fmt] * 9)
    assert 0 < len(label) <= LABEL_CHARS
    assert label.startswith("(")


def test_word_label_replaces_each_marker_once_in_order() -> None:
    level = LevelFact(level=2, format="lowerRoman", text="%1.%2.%3 %%3")
    assert word_label(
        level, [4, 27, 3] + [1] * 6, ["decimal", "lowerLetter", "lowerRoman"] + ["decimal"] * 6
    ) == ("4.aa.iii %iii")


def test_labels_of_a_long_lettered_list_grow_no_longer_than_the_cap() -> None:
    """Each label of a 2,000-item lettered list is at most 31 characters, so the text grows with the items."""
    items = "".join(list_item(f"item {n}") for n in range(2000))
    result = read_docx(listed(items, numbering_part(level(fmt="lowerLetter", text="%1."))))
    lines = result.text.splitlines()
    assert len(lines) == 2000
    assert lines[26] == "aa. item 26"
    assert max(len(line.split(" ")[0]) for line in lines) == LABEL_CHARS


def test_a_row_past_words_column_limit_is_cut_and_said() -> None:
    """Padded to its first row, 100 cells spanning 64 columns made each short row 6,400 cells."""
    result = read_docx(wide_table(cells=100, rows=3))
    (grid,) = (b for b in result.document.blocks if isinstance(b, Table))
    # Merged cells are kept as cells that span: each row fills the grid, at most Word's width.
    assert {sum(c.column_span for c in row.cells) for row in grid.rows} == {TABLE_COLUMNS}
    assert "cells past column 63 skipped (Word's limit)" in {w.message for w in result.warnings}


def test_a_row_made_wider_than_words_limit_by_its_spans_is_cut_too() -> None:
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="40"/></w:tcPr>' + paragraph("x") + "</w:tc>"
    result = read_docx(package(body(f"<w:tbl><w:tr>{cell}{cell}</w:tr></w:tbl>")))
    (grid,) = (b for b in result.document.blocks if isinstance(b, Table))
    rows = [row for row in (grid.header, *grid.rows) if row is not None]
    assert [sum(c.column_span for c in row.cells) for row in rows] == [TABLE_COLUMNS]
    assert [c.column_span for c in rows[0].cells] == [40, TABLE_COLUMNS - 40]
    assert "cells past column 63 skipped (Word's limit)" in {w.message for w in result.warnings}


def test_a_title_keeps_all_its_subtitle_lines_in_order() -> None:
    (block, *_rest) = read_docx(titled(subtitles=50)).document.blocks
    assert isinstance(block, TitleBlock)
    assert [line.content for line in block.lines] == [(Text(text=f"line {n}"),) for n in range(50)]


def test_a_note_referenced_again_is_read_once() -> None:
    """Read again for each of 1,000 references, an 11 KB file's one note made 290 MB of text."""
    result = read_docx(shared_note(references=3, paragraphs=2))
    found: list[Note] = []
    walk(result.document, lambda n: found.append(n) or n if isinstance(n, Note) else n)
    assert len(found) == 1
    assert result.text.splitlines()[0] == "123"
    assert result.text.count("note text 0") == 10
    messages = [w for w in result.warnings if "referenced again" in w.message]
    assert [(w.message, w.count) for w in messages] == [
        ("a note referenced again read as its number only (its text is kept once)", 2)
    ]


# ---------------------------------------------------------------- broken and mutated files


def test_a_broken_file_raises_the_readers_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "half.docx"
    path.write_bytes(docx(document(para("x"), title="T", author="A"))[:200])
    with pytest.raises(DocumentReadError, match=r"half\.docx: not a \.docx"):
        read_docx(path)


SAMPLE = sample_report()


with zipfile.ZipFile(io.BytesIO(SAMPLE)) as _archive:
    MEMBERS = sorted(_archive.namelist())

MUTANTS = {
    "bytes": (st.builds(mutate, st.just(SAMPLE), EDITS), 150),
    "a part": (st.builds(repack, st.just(SAMPLE), st.sampled_from(MEMBERS), EDITS), 200),
    "elements moved about": (shuffled_parts(SAMPLE, MEMBERS), 100),
}
"""How the mutants are made from a rendered report, and how many of each the test reads."""


@pytest.mark.parametrize("kind", sorted(MUTANTS))
def test_mutants_are_read_or_refused_with_the_readers_error(kind: str) -> None:
    """A mutant is read, or refused with the reader's error, and never because of a bug of ours."""
    strategy, examples = MUTANTS[kind]
    outcomes: Counter[str] = Counter()

    @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(strategy)
    def read_mutant(data: bytes) -> None:
        outcomes[outcome(data)] += 1  # anything but DocumentReadError escapes and fails here

    read_mutant()
    print(kind, dict(outcomes))
    assert [k for k in outcomes if not k.startswith(("read", "DocumentReadError: "))] == []
    assert sum(outcomes.values()) >= examples * 0.9  # most cases reached the check


FUZZED_CASES = 100
"""Cases the bounded fuzzer runs: a few seconds of CPU; the child's limits give it tens of times that."""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is counted as Linux counts it")
def test_the_reader_fuzzed_under_memory_and_cpu_limits() -> None:
    """Issue 11's hostile files and fuzzed ones are read or refused within a capped child process.

    The child (tests/read/fuzzing.py) caps its own address space and CPU time before it
    reads anything, so a read that needs more memory fails with MemoryError and one that
    runs away is stopped by the kernel: the bounds are the limits, not a clock.
    """
    done = subprocess.run(
        [sys.executable, "-m", "tests.read.fuzzing", str(FUZZED_CASES)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,  # only against a hang of the machine; the CPU limit ends a runaway read
        check=False,
    )
    why = "stopped by its CPU limit" if done.returncode == -signal.SIGXCPU else f"exit {done.returncode}"
    assert done.returncode == 0, f"the bounded reader run failed ({why}):\n{done.stderr[-6000:]}"
    report = json.loads(done.stdout)
    print(json.dumps(report, indent=2))  # the counts reached, shown with pytest -s or on failure
    files, fuzzed = report["files"], report["fuzzed"]
    assert [name for name, got in files.items() if got == "read"] == list(READ_FILES)
    refusals = {name: got for name, got in files.items() if name not in READ_FILES}
    assert all(got.startswith("DocumentReadError: refused") for got in refusals.values()), refusals
    assert "declares N parts" in files["R3: an end record declaring a million parts"]
    assert not [kind for kind in fuzzed if not kind.startswith(("read", "DocumentReadError: "))]
    reached = sum(fuzzed.values())
    assert reached >= FUZZED_CASES * 0.9  # most cases reached the outcome check
    refused = reached - fuzzed.get("read", 0)
    assert fuzzed.get("read", 0) >= reached // 10  # both outcomes were explored
    assert refused >= reached // 10


def test_a_decision_notice_reads_back_without_capitals_and_a_report_with() -> None:
    import pccplan
    from pccplan.read import read_docx
    from pccplan.render import render

    report = render(pccplan.example_panel_report(), "docx")
    assert isinstance(report, bytes)
    assert read_docx(report).document.meta.capitals is True
    plan = pccplan.load(ROOT / "examples" / "cambridgeshire-2021.yaml", pccplan.Plan)
    notice = pccplan.load(
        ROOT / "examples" / "cambridgeshire-2021-decision-notice.yaml", pccplan.DecisionNotice
    )
    data = render(pccplan.decision_notice_document(notice, plan), "docx")
    assert isinstance(data, bytes)
    assert read_docx(data).document.meta.capitals is False


def test_a_word_cross_reference_to_a_plain_paragraph_is_kept_as_its_text() -> None:
    target = '<w:p><w:bookmarkStart w:id="7" w:name="_Ref123456"/><w:r><w:t>Plain.</w:t></w:r>'
    target += '<w:bookmarkEnd w:id="7"/></w:p>'
    field = (
        '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> REF _Ref123456 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Plain.</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    result = read_docx(package(body(target + field)))
    assert result.text == "Plain.\nSee Plain."
    assert result.document.blocks[1] == Paragraph(content=(Text(text="See Plain."),))
    assert [w.message for w in result.warnings if "cross-reference" in w.message] == [
        "a cross-reference to something the tree cannot number kept as text"
    ]


def test_a_reference_inside_a_link_reads_back_inside_the_link_and_its_target_keeps_its_label() -> None:
    from pccplan.compose import ref, table
    from pccplan.compose.tree import Link, Ref

    cited = Link(content=(Text(text="see "), Ref(target="money")), url="https://example.org/")
    doc = document(
        para(cited),
        section("Money part", table(caption="Money", rows=[["1"]], label="money")),
        para("Also ", ref("money"), "."),
        title="T",
        author="A",
    )
    read_back = read_docx(render(doc, "docx")).document
    assert read_back.blocks[0] == Paragraph(content=(cited,))  # before, the link held its text only
    money = read_back.blocks[1]
    assert isinstance(money, Section)
    assert isinstance(money.blocks[0], Table)
    assert money.blocks[0].label == "money"
    assert read_back == normal_form(doc)


def test_a_table_of_contents_reads_back_as_contents_not_as_text() -> None:
    doc = document(
        contents(title="Index", depth=1),
        section("A", numbered("x"), numbered=True),
        section("B", "y"),
        title="T",
        author="A",
    )
    result = read_docx(docx(doc))
    assert result.warnings == ()
    assert result.document == doc
    assert result.text == "1. A\n1.1 x\nB\ny"  # the entries are generated, not text


def test_a_word_toc_without_a_heading_is_still_contents() -> None:
    toc = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1. A</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>2. B</w:t></w:r></w:p>"
        '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    result = read_docx(package(body(toc + paragraph("After."))))
    assert result.document.blocks == (
        Contents(title="Contents", depth=2),
        Paragraph(content=(Text(text="After."),)),
    )
    assert result.text == "After."


def test_a_target_keeps_its_label_when_its_only_references_are_left_out_of_the_public_version() -> None:
    """The public version drops the exempt paragraph that cited the appendix; the appendix's own
    bookmark still names its label (found by the round-trip property with references)."""
    from pccplan.compose.tree import Exempt, Ref

    cites = Paragraph(content=(Text(text="See "), Ref(target="appendix")), exempt=Exempt(paragraph=1))
    appendix = Section(title="Appendix A", blocks=(Paragraph(content=(Text(text="x"),)),), label="appendix")
    doc = Document(meta=Metadata(title="T", author="A"), blocks=(cites, appendix))
    read_back = read_docx(docx(doc, public=True)).document
    assert [b.label for b in read_back.blocks if isinstance(b, Section)] == ["appendix"]
    assert_round_trip(doc, public=True)


def test_a_reference_to_a_title_of_two_lines_reads_back_as_a_reference() -> None:
    """The field shows the title's line break too; the reader took that for text it could not cite."""
    from pccplan.compose.tree import Ref

    appendix = Section(title="Appendix A\nBudget", blocks=(Paragraph(content=(Text(text="x"),)),), label="a")
    cites = Paragraph(content=(Text(text="See "), Ref(target="a")))
    doc = Document(meta=Metadata(title="T", author="A"), blocks=(appendix, cites))
    section_read = read_docx(docx(doc)).document.blocks[0]
    assert isinstance(section_read, Section)
    assert section_read.blocks[-1] == cites
    assert_round_trip(doc)
