"""Exempt information (Schedule 12A, LGA 1972): the public render holds none of it, in any part of any file.

Each exempt part below carries a unique token. The public .docx is unpacked and every member
(document, footnotes, headers, footers, core/app/custom properties, custom XML, relationships,
styles, numbering, settings) is searched for each token, both in its raw XML and in its text
joined across runs; the full render must hold every token, marked.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import subprocess
import typing
import zipfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree
from tests.conftest import require_program
from tests.strategies import exemptions
from tests.tree_strategies import documents

import pccplan
from pccplan import Appendix, BackgroundDocument, DecisionKind, Exemption, ReportParagraph, ReportSection
from pccplan.cli import main
from pccplan.compose.cover_report import cover_report_document
from pccplan.compose.panel_minute import panel_minute_document
from pccplan.compose.panel_recommendations import panel_recommendations_document
from pccplan.compose.panel_report import LIBRARY_SECTIONS
from pccplan.compose.plan_document import plan_document
from pccplan.compose.record_of_decision import record_of_decision_document
from pccplan.compose.response import response_document
from pccplan.compose.timetable import timetable_document
from pccplan.compose.tree import Document, Node, Paragraph, Section, Text
from pccplan.compose.walk import walk
from pccplan.model.record import (
    Implication,
    ImplicationKind,
    RecordAppendix,
    RecordOfDecision,
    RecordPart,
    Signatory,
    Withholding,
)
from pccplan.read import read_docx
from pccplan.render import RenderOptions, render, save
from pccplan.statute.foi import FOI_EXEMPTIONS


def members(data: bytes) -> dict[str, tuple[str, str]]:
    """Each zip member as (its raw text, the text of its XML elements joined), lower-cased."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            raw = archive.read(name)
            try:
                joined = "".join(str(t) for t in etree.fromstring(raw).itertext())
            except etree.XMLSyntaxError:
                joined = ""
            out[name] = (raw.decode("utf-8", "replace").lower(), joined.lower())
    return out


def leaks(data: bytes, secrets: list[str]) -> list[tuple[str, str]]:
    """(member, secret) for each secret found anywhere in the package."""
    return [
        (name, secret)
        for name, (raw, joined) in members(data).items()
        for secret in secrets
        if secret.lower() in raw or secret.lower() in joined
    ]


def docx(doc: Document, *, public: bool = True) -> bytes:
    data = render(doc, "docx", RenderOptions(public=public))
    assert isinstance(data, bytes)
    return data


# ---------------------------------------------------------------- a generated report


SECRETS = {
    "section": "Qvoxa the contract price was agreed with the supplier.",
    "section note": "Qvoxb the tender scores are in the confidential annex.",
    "paragraph": "Qvoxc the officer named in the complaint is on leave.",
    "paragraph link": "https://example.org/qvoxd-personnel-file",
    "appendix": "Qvoxe the appendix sets out each bid.",
    "appendix link": "https://example.org/qvoxf-bids",
    "nested note": "Qvoxg a note inside an exempt paragraph.",
}


def exempt_report() -> Document:
    """The example report with exempt parts in a section, a paragraph and an appendix."""
    inputs = pccplan.example_report_inputs()
    inputs = attrs.evolve(
        inputs,
        sections=(
            *inputs.sections,
            ReportSection(
                heading="Commercial terms",
                paragraphs=(
                    ReportParagraph(text=SECRETS["section"]),
                    ReportParagraph(text="The scores are noted.^[" + SECRETS["section note"] + "]"),
                ),
                exempt=Exemption(paragraph=3),
            ),
            ReportSection(
                heading="Staffing",
                paragraphs=(
                    ReportParagraph(text="Staffing is stable."),
                    ReportParagraph(
                        text=f"{SECRETS['paragraph']} See [the file]({SECRETS['paragraph link']})."
                        f"^[{SECRETS['nested note']}]",
                        exempt=Exemption(paragraph=1),
                    ),
                    ReportParagraph(text="Recruitment continues."),
                ),
            ),
        ),
        appendices=(
            *inputs.appendices,
            Appendix(
                label="B",
                title="Bids received",
                paragraphs=(SECRETS["appendix"],),
                url=SECRETS["appendix link"],
                exempt=Exemption(paragraph=3, reason="the bidders' financial affairs"),
            ),
        ),
    )
    return pccplan.panel_report_document(inputs, pccplan.example_plan())


def test_no_part_of_the_public_docx_holds_any_exempt_sentence() -> None:
    secrets = list(SECRETS.values())
    public = docx(exempt_report())
    assert leaks(public, secrets) == []
    full = docx(exempt_report(), public=False)
    assert {secret for _member, secret in leaks(full, secrets)} == set(secrets)


def test_the_public_docx_says_which_part_is_exempt_and_under_which_paragraph() -> None:
    text = read_docx(docx(exempt_report())).text
    assert "Commercial terms\n" in text  # the heading stays, so later sections keep their numbers
    assert (
        "This section is not for publication: it contains exempt information under paragraph 3 of "
        "Schedule 12A to the Local Government Act 1972"
    ) in text
    assert "This paragraph is not for publication: it contains exempt information under paragraph 1" in text
    assert "(the bidders' financial affairs)" in text
    full = read_docx(docx(exempt_report(), public=False)).text
    assert "EXEMPT: paragraph 3 of Schedule 12A" in full
    assert SECRETS["section"] in full


def test_the_document_properties_hold_nothing_exempt() -> None:
    doc = exempt_report()
    for value in (
        doc.meta.title,
        doc.meta.subject,
        doc.meta.header,
        doc.meta.description,
        *doc.meta.keywords,
    ):
        for secret in SECRETS.values():
            assert value is None or secret not in value


def test_the_bullets_of_an_exempt_paragraph_are_exempt_too() -> None:
    inputs = attrs.evolve(
        pccplan.example_report_inputs(),
        sections=(
            ReportSection(
                heading="Staffing",
                paragraphs=(
                    ReportParagraph(
                        text="Three officers are affected:",
                        bullets=("Qvoxh Inspector A.",),
                        exempt=Exemption(paragraph=1),
                    ),
                ),
            ),
        ),
    )
    doc = pccplan.panel_report_document(inputs, pccplan.example_plan())
    assert leaks(docx(doc), ["Qvoxh"]) == []
    full = render(doc, "docx", RenderOptions(public=False))
    assert isinstance(full, bytes)
    assert leaks(full, ["Qvoxh"]) != []  # members still see them


@pytest.mark.parametrize("format", ["markdown", "html"])
def test_the_text_renderers_leave_exempt_parts_out_too(format: str) -> None:
    text = render(exempt_report(), format)
    assert isinstance(text, str)
    assert [s for s in SECRETS.values() if s.lower() in text.lower()] == []


@pytest.mark.slow
def test_the_public_pdf_holds_no_exempt_sentence(tmp_path: Path) -> None:
    require_program("soffice")
    path = save(exempt_report(), tmp_path / "report.pdf")
    text = subprocess.run(
        [require_program("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    flat = " ".join(text.split()).lower()
    assert [s for s in SECRETS.values() if " ".join(s.split()).lower() in flat] == []
    assert "qvox" not in flat
    assert "paragraph 3 of schedule 12a" in flat


# ---------------------------------------------------------------- any tree


def with_tokens(doc: Document) -> tuple[Document, list[str]]:
    """`doc` with a unique token added to each exempt section and paragraph, and the tokens."""
    numbers = itertools.count()
    tokens: list[str] = []

    def add(node: Node) -> Node:
        if isinstance(node, Paragraph) and node.exempt is not None:
            token = f"Zqx{next(numbers)}jw"
            tokens.append(token)
            return attrs.evolve(node, content=(Text(text=token + " "), *node.content))
        if isinstance(node, Section) and node.exempt is not None:
            token = f"Zqx{next(numbers)}jw"
            tokens.append(token)
            return attrs.evolve(node, blocks=(Paragraph(content=(Text(text=token),)), *node.blocks))
        return node

    return walk(doc, add), tokens


def test_any_tree_public_rendering_holds_no_token_of_an_exempt_part() -> None:
    runs = {"cases": 0, "with exempt parts": 0, "checked": 0}

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(documents())
    def check(doc: Document) -> None:
        marked, tokens = with_tokens(doc)
        runs["cases"] += 1
        runs["with exempt parts"] += bool(tokens)
        assert all(re.fullmatch(r"Zqx\d+jw", t) for t in tokens)
        assert leaks(docx(marked), tokens) == []  # raw XML and text joined across runs
        assert found(set(tokens), everything(marked, public=True)) == set()
        assert found(set(tokens), everything(marked, public=False)) == set(tokens)
        runs["checked"] += 1

    check()
    print(f"any-tree leak search: {runs}")
    assert runs["checked"] == runs["cases"] >= 30


# ---------------------------------------------------------------- a whole document marked exempt (issue 11)

FORMATS = ("docx", "markdown", "html")


def rendered_bytes(doc: Document, format: str, *, public: bool = True) -> bytes:
    """Every byte a rendering holds, with each zip member decompressed after the package itself."""
    data = render(doc, format, RenderOptions(public=public))
    return data.encode("utf-8") if isinstance(data, str) else unzipped(data)


def cambridgeshire_2021() -> tuple[pccplan.Plan, pccplan.DecisionNotice]:
    examples = Path(__file__).resolve().parents[2] / "examples"
    plan = pccplan.load(examples / "cambridgeshire-2021.yaml", pccplan.Plan)
    notice = pccplan.load(examples / "cambridgeshire-2021-decision-notice.yaml", pccplan.DecisionNotice)
    return plan, notice


@pytest.mark.parametrize("format", FORMATS)
def test_e1_an_exempt_panel_report_publishes_none_of_its_sections(format: str) -> None:
    # Issue 11, E1: PanelReport.exempt was accepted and ignored.
    inputs = attrs.evolve(
        pccplan.example_report_inputs(),
        exempt=Exemption(paragraph=1),
        sections=(ReportSection(heading="About a person", paragraphs=("SECRET",)),),
    )
    report = pccplan.panel_report_document(inputs, pccplan.example_plan())
    public = rendered_bytes(report, format)
    assert b"SECRET" not in public
    assert b"paragraph 1 of Schedule 12A" in public
    assert b"SECRET" in rendered_bytes(report, format, public=False)


@pytest.mark.parametrize("format", FORMATS)
def test_e2_an_exempt_decision_notice_publishes_neither_summary_nor_implications(format: str) -> None:
    # Issue 11, E2: the notice said the information was exempt, then printed it.
    plan, notice = cambridgeshire_2021()
    secret = attrs.evolve(
        notice,
        exempt=Exemption(paragraph=3),
        summary=("Qvoxs the summary.",),
        financial_implications="Qvoxf the sums.",
    )
    doc = pccplan.decision_notice_document(secret, plan)
    public = rendered_bytes(doc, format)
    assert b"Qvoxs" not in public
    assert b"Qvoxf" not in public
    assert b"paragraph 3 of Schedule 12A" in public
    full = rendered_bytes(doc, format, public=False)
    assert b"Qvoxs" in full
    assert b"Qvoxf" in full


# ---------------------------------------------------------------- every exempt flag, every composer


class Tokens:
    """Unique words for one generated case, each filed as secret (exempt) or published."""

    def __init__(self) -> None:
        self.count = itertools.count()
        self.secret: set[str] = set()
        self.published: set[str] = set()

    def new(self, *, secret: bool) -> str:
        token = f"Qz{next(self.count)}tok"
        (self.secret if secret else self.published).add(token)
        return token


def _markup(draw: st.DrawFn, tokens: Tokens, *, secret: bool) -> str:
    """Caller markup holding a token in its text and, at random, in a footnote, a link target and emphasis."""
    text = f"{tokens.new(secret=secret)} is said."
    if draw(st.booleans()):
        text += f" See [the file](https://example.org/{tokens.new(secret=secret)})."
    if draw(st.booleans()):
        text += f"^[{tokens.new(secret=secret)} in a note.]"
    if draw(st.booleans()):
        text += f" *{tokens.new(secret=secret)}*"
    return text


def _paragraphs(draw: st.DrawFn, tokens: Tokens, *, within: bool, most: int = 3) -> list[ReportParagraph]:
    """Caller paragraphs, some marked exempt; `within` says an enclosing part is exempt already."""
    out = []
    for _ in range(draw(st.integers(0, most))):
        own = draw(st.none() | exemptions)
        secret = within or own is not None
        out.append(
            ReportParagraph(
                text=_markup(draw, tokens, secret=secret),
                bullets=[_markup(draw, tokens, secret=secret) for _ in range(draw(st.integers(0, 2)))],
                numbered=draw(st.booleans()),
                exempt=own,
            )
        )
    return out


def _documents(draw: st.DrawFn, tokens: Tokens, *, secret: bool) -> list[BackgroundDocument]:
    return [
        BackgroundDocument(
            title=f"{tokens.new(secret=secret)} paper",
            url=f"https://example.org/{tokens.new(secret=secret)}" if draw(st.booleans()) else None,
            description=f"{tokens.new(secret=secret)} notes" if draw(st.booleans()) else None,
        )
        for _ in range(draw(st.integers(0, 2)))
    ]


REPLACEABLE = ("purpose", "recommendation", "background", "next-steps")
assert set(REPLACEABLE) < set(LIBRARY_SECTIONS)


@st.composite
def exempt_reports(draw: st.DrawFn) -> tuple[Document, Tokens]:
    """A report to the Panel with random exempt parts at every level that takes a mark."""
    tokens = Tokens()
    whole = draw(st.none() | exemptions)
    # A caller's section may replace a library section, but not one that lists the caller's own parts.
    keys = draw(st.lists(st.none() | st.sampled_from(REPLACEABLE), max_size=3))
    sections = []
    for index, key in enumerate(keys):
        own = draw(st.none() | exemptions)
        sections.append(
            ReportSection(
                heading=f"Heading {index} {tokens.new(secret=False)}",  # headings are published
                key=key if key not in keys[:index] else None,
                paragraphs=_paragraphs(draw, tokens, within=whole is not None or own is not None),
                exempt=own,
            )
        )
    appendices = []
    for index in range(draw(st.integers(0, 2))):
        own = draw(st.none() | exemptions)
        hidden = whole is not None or own is not None
        url = draw(st.booleans())
        paragraphs = _paragraphs(draw, tokens, within=hidden, most=2)
        appendices.append(
            Appendix(
                label=chr(ord("A") + index),
                # Published as the heading of the appendix's content; without content an exempt
                # appendix has only its line in the list of appendices, which is withheld.
                title=f"Title {tokens.new(secret=hidden and not paragraphs)}",
                paragraphs=paragraphs,
                url=f"https://example.org/{tokens.new(secret=hidden)}" if url else None,
                exempt=own,
            )
        )
    inputs = attrs.evolve(
        pccplan.example_report_inputs(),
        sections=sections,
        appendices=appendices,
        terms_of_reference=[
            f"{tokens.new(secret=whole is not None)} term" for _ in range(draw(st.integers(0, 2)))
        ],
        background_documents=_documents(draw, tokens, secret=whole is not None),
        agenda_item=tokens.new(secret=False),
        exempt=whole,
    )
    return pccplan.panel_report_document(inputs, pccplan.example_plan()), tokens


@st.composite
def exempt_notices(draw: st.DrawFn) -> tuple[Document, Tokens]:
    """A decision notice with random exempt parts: the whole notice, and its own paragraphs."""
    tokens = Tokens()
    plan, notice = cambridgeshire_2021()
    whole = draw(st.none() | exemptions)
    hidden = whole is not None
    kind = draw(st.sampled_from(DecisionKind))
    implications = {
        name: f"{tokens.new(secret=hidden)} costs." if draw(st.booleans()) else None
        for name in ("financial_implications", "legal_implications", "other_implications")
    }
    declared = f"{tokens.new(secret=hidden)} declared." if draw(st.booleans()) else None
    notice = attrs.evolve(
        notice,
        decision_kind=kind,
        decision=f"To decide {tokens.new(secret=hidden)}",
        title=f"Title {tokens.new(secret=False)}" if draw(st.booleans()) else None,
        number=draw(st.none() | st.just("2021/046")),
        summary=_paragraphs(draw, tokens, within=hidden),
        consultation=_paragraphs(draw, tokens, within=hidden),
        declarations_of_interest=declared,
        background_documents=_documents(draw, tokens, secret=hidden),
        exempt=whole,
        **implications,
    )
    return pccplan.decision_notice_document(notice, plan), tokens


_GROUNDS = st.builds(Withholding, paragraph=st.integers(1, 7)) | st.builds(
    Withholding, foi_section=st.sampled_from(sorted(FOI_EXEMPTIONS))
)


@st.composite
def exempt_records(draw: st.DrawFn) -> tuple[Document, Tokens]:
    """A record of decision with random withheld parts: the whole, each part, implications, appendices."""
    tokens = Tokens()
    whole = draw(st.none() | _GROUNDS)

    def part(*, always: bool = False) -> RecordPart | None:
        if not always and not draw(st.booleans()):
            return None
        own = draw(st.none() | _GROUNDS)
        hidden = whole is not None or own is not None
        paragraphs = _paragraphs(draw, tokens, within=hidden) or [_markup(draw, tokens, secret=hidden)]
        return RecordPart(paragraphs=paragraphs, exempt=own)

    implications = []
    for kind in draw(st.lists(st.sampled_from(ImplicationKind), unique=True, max_size=3)):
        own = draw(st.none() | _GROUNDS)
        hidden = whole is not None or own is not None
        implications.append(
            Implication(kind=kind, paragraphs=[_markup(draw, tokens, secret=hidden)], exempt=own)
        )
    appendices = []
    for index in range(draw(st.integers(0, 2))):
        own = draw(st.none() | _GROUNDS)
        hidden = whole is not None or own is not None
        appendices.append(
            RecordAppendix(
                label=chr(ord("A") + index), title=f"{tokens.new(secret=hidden)} paper", exempt=own
            )
        )
    record = RecordOfDecision(
        area="kent",
        title=f"Title {tokens.new(secret=False)}",
        date=dt.date(2024, 6, 1),
        decision=part(always=True),
        approval=Signatory(name=f"Name {tokens.new(secret=False)}", title="Police and Crime Commissioner"),
        executive_summary=part(),
        background=part(),
        supporting_report=part(),
        consultation=part(),
        implications=implications,
        appendices=appendices,
        declarations=f"{tokens.new(secret=whole is not None)} declared." if draw(st.booleans()) else None,
        exempt=whole,
    )
    return record_of_decision_document(record), tokens


def everything(doc: Document, *, public: bool) -> bytes:
    """Every byte of the docx, Markdown and HTML renderings, each zip member decompressed too."""
    return b"\n".join(rendered_bytes(doc, format, public=public) for format in FORMATS).lower()


def found(tokens: set[str], data: bytes) -> set[str]:
    return {t for t in tokens if t.lower().encode() in data}


@pytest.mark.parametrize(
    "cases",
    [exempt_reports(), exempt_notices(), exempt_records()],
    ids=["panel_report", "decision_notice", "record_of_decision"],
)
def test_no_public_rendering_holds_a_byte_of_any_exempt_part(
    cases: st.SearchStrategy[tuple[Document, Tokens]],
) -> None:
    runs = {"cases": 0, "with secrets": 0, "checked": 0}

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(cases)
    def check(case: tuple[Document, Tokens]) -> None:
        doc, tokens = case
        runs["cases"] += 1
        runs["with secrets"] += bool(tokens.secret)
        event("has exempt parts" if tokens.secret else "has no exempt part")
        public, full = everything(doc, public=True), everything(doc, public=False)
        assert found(tokens.secret, public) == set()
        # The search finds what is there: the full version holds every token, the public every
        # token that no exemption covers (nothing is withheld that should be published).
        assert found(tokens.secret | tokens.published, full) == tokens.secret | tokens.published
        assert found(tokens.published, public) == tokens.published
        runs["checked"] += 1

    check()
    print(f"exempt leak search: {runs}")
    # Every case reaches the assertions (nothing is refused), and about seven in ten carry an
    # exempt part; the bound of a third leaves room for chance, so the check is not flaky.
    assert runs["checked"] == runs["cases"] >= 40
    assert runs["with secrets"] >= runs["cases"] / 3


def _exemption_fields(root: type) -> set[str]:
    """'Class.field' for each field typed `Exemption` in `root` or any attrs class it holds."""
    found: set[str] = set()
    seen: set[type] = set()
    todo = [root]
    while todo:
        cls = todo.pop()
        if cls in seen or not attrs.has(cls):
            continue
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            kinds = [hints[field.name]]
            while kinds:
                kind = kinds.pop()
                kinds += typing.get_args(kind)
                if kind is Exemption or kind is Withholding:
                    found.add(f"{cls.__name__}.{field.name}")
                elif isinstance(kind, type):
                    todo.append(kind)
    return found


def test_every_exempt_flag_a_composer_accepts_is_in_the_leak_search() -> None:
    # A new `exempt` field on any model a composer takes fails here until the search covers it.
    composers = {
        "panel_report": pccplan.panel_report_document,
        "decision_notice": pccplan.decision_notice_document,
        "panel_recommendations": panel_recommendations_document,
        "response": response_document,
        "plan_document": plan_document,
        "timetable": timetable_document,
        "record_of_decision": record_of_decision_document,
        "cover_report": cover_report_document,
        "panel_minute": panel_minute_document,
    }
    reached = {
        name: set().union(
            *(_exemption_fields(kind) for p, kind in typing.get_type_hints(fn).items() if p != "return")
        )
        for name, fn in composers.items()
    }
    searched = {  # what exempt_reports and exempt_notices mark at random
        "panel_report": {
            "PanelReport.exempt",
            "ReportSection.exempt",
            "ReportParagraph.exempt",
            "Appendix.exempt",
        },
        "decision_notice": {"DecisionNotice.exempt", "ReportParagraph.exempt"},
        "record_of_decision": {
            "RecordOfDecision.exempt",
            "RecordPart.exempt",
            "Implication.exempt",
            "RecordAppendix.exempt",
            "ReportParagraph.exempt",
        },
        # The cover report and the minute take caller paragraphs whose own marks the report's search covers.
        "cover_report": {"ReportParagraph.exempt"},
        "panel_minute": {"ReportParagraph.exempt"},
    }
    assert reached == {name: searched.get(name, set()) for name in composers}


@pytest.mark.parametrize("suffix", [".docx", ".md", ".html"])
def test_e1_an_exempt_report_from_a_file_is_withheld_by_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    # Issue 11, E1 came from files as well as the API: `exempt:` in the report file was ignored.
    examples = Path(__file__).resolve().parents[2] / "examples"
    report = tmp_path / "report.yaml"
    text = (examples / "cambridgeshire-2016-panel-report.yaml").read_text(encoding="utf-8")
    report.write_text(text + "exempt:\n  paragraph: 1\n", encoding="utf-8")
    plan = str(examples / "cambridgeshire-2016.yaml")
    out = tmp_path / f"report{suffix}"
    argv = ["render", plan, "--document", "panel-report", "--with", str(report), "-o", str(out)]
    assert main(argv) == 0
    secret = b"Plan on a Page"  # from the caller's section on the development of the plan
    assert secret not in rendered_file(out)
    full = tmp_path / f"full{suffix}"
    assert main([*argv[:-1], str(full), "--full"]) == 0
    assert secret in rendered_file(full)
    capsys.readouterr()


def rendered_file(path: Path) -> bytes:
    """A written file's bytes, with each zip member decompressed after a .docx package."""
    data = path.read_bytes()
    return unzipped(data) if path.suffix == ".docx" else data


def unzipped(data: bytes) -> bytes:
    """A .docx package's bytes followed by each of its members decompressed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return data + b"".join(archive.read(name) for name in archive.namelist())
