"""Exempt information (Schedule 12A, LGA 1972): the public render holds none of it, in any part of any file.

Each exempt part below carries a unique token. The public .docx is unpacked and every member
(document, footnotes, headers, footers, core/app/custom properties, custom XML, relationships,
styles, numbering, settings) is searched for each token, both in its raw XML and in its text
joined across runs; the full render must hold every token, marked.
"""

from __future__ import annotations

import io
import itertools
import re
import subprocess
import zipfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from tests.conftest import require_program
from tests.tree_strategies import documents

import pccplan
from pccplan import Appendix, Exemption, ReportParagraph, ReportSection
from pccplan.compose.tree import Document, Node, Paragraph, Section, Text
from pccplan.compose.walk import walk
from pccplan.read import read_docx
from pccplan.render import RenderOptions, render, save


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
    return pccplan.panel_report(pccplan.example_plan(), inputs)


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
    doc = pccplan.panel_report(pccplan.example_plan(), inputs)
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


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_tree_public_docx_holds_no_token_of_an_exempt_part(doc: Document) -> None:
    marked, tokens = with_tokens(doc)
    assert leaks(docx(marked), tokens) == []
    full = docx(marked, public=False)
    found = {secret for _member, secret in leaks(full, tokens)}
    assert found == set(tokens)
    assert all(re.fullmatch(r"Zqx\d+jw", t) for t in tokens)


# ---------------------------------------------------------------- a whole document marked exempt (issue 11)

FORMATS = ("docx", "markdown", "html")


def rendered_bytes(doc: Document, format: str, *, public: bool = True) -> bytes:
    """Every byte a rendering holds, with each zip member decompressed after the package itself."""
    data = render(doc, format, RenderOptions(public=public))
    if isinstance(data, str):
        return data.encode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return data + b"".join(archive.read(name) for name in archive.namelist())


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
    report = pccplan.panel_report(pccplan.example_plan(), inputs)
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
    doc = pccplan.decision_notice(plan, secret)
    public = rendered_bytes(doc, format)
    assert b"Qvoxs" not in public
    assert b"Qvoxf" not in public
    assert b"paragraph 3 of Schedule 12A" in public
    full = rendered_bytes(doc, format, public=False)
    assert b"Qvoxs" in full
    assert b"Qvoxf" in full
