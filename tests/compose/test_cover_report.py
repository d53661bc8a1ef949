"""The clerk's cover report: the Sussex example's facts, the statutory role from the rules, and London's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from tests.london import COMMITTEE, assert_london

from pccplan.compose.cover_report import cover_report_document, cover_report_title
from pccplan.compose.tree import Document, Link, Section
from pccplan.compose.walk import iter_nodes, plain_text
from pccplan.errors import ValidationError
from pccplan.files import load
from pccplan.model.agenda import CoverReport
from pccplan.model.document import Contact
from pccplan.statute.registry import cite

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SOURCE = "https://westsussex.moderngov.co.uk/ieListDocuments.aspx?MId=3739"


@pytest.fixture(scope="module")
def sussex() -> CoverReport:
    return load(EXAMPLES / "sussex-2025-cover-report.yaml", CoverReport)


@pytest.fixture(scope="module")
def doc(sussex: CoverReport) -> Document:
    return cover_report_document(sussex)


def test_the_example_names_its_source_and_marks_what_is_invented() -> None:
    assert SOURCE in (EXAMPLES / "sussex_2025_cover_report.py").read_text(encoding="utf-8")
    data = (EXAMPLES / "sussex-2025-cover-report.yaml").read_text(encoding="utf-8")
    assert SOURCE in data
    assert "INVENTED" in data


def test_parts_in_order_and_facts(doc: Document) -> None:
    assert [b.title for b in doc.blocks if isinstance(b, Section)] == [
        "Purpose of the Report",
        "Recommendation",
        "Background",
        "The Panel's Role",
        "Appendices",
        "Contact Officer",
    ]
    body = plain_text(doc)
    assert "Sussex Police and Crime Panel, 14 March 2025" in body
    assert "Agenda item 5" in body
    assert "Tony Kershaw, Clerk to the Police and Crime Panel" in body
    assert "Police and Crime Commissioner for Sussex" in body
    assert (
        "Appendix A: Draft Sussex Police and Crime Plan 2024/28 "
        "(file: draft-police-and-crime-plan-2024-28.pdf)" in body
    )


def test_the_statutory_role_cites_the_rules(doc: Document) -> None:
    body = plain_text(doc)
    assert "under section 28(3) of the Police Reform and Social Responsibility Act 2011" in body
    assert "the Act sets no number of days (section 5(7))" in body
    assert "(section 5(6)(d)-(f))" in body
    urls = {n.url for n in iter_nodes(doc) if isinstance(n, Link)}
    assert {cite("PANEL-1").url, cite("PLAN-4").url, cite("PLAN-5").url} <= urls


def test_nothing_about_the_process_is_asserted_that_is_not_recorded(sussex: CoverReport) -> None:
    assert "received the" not in plain_text(cover_report_document(sussex))
    received = attrs.evolve(sussex, received=dt.date(2025, 3, 5))
    assert "The Panel received the draft Sussex Police and Crime Plan 2024/28 on 5 March 2025." in plain_text(
        cover_report_document(received)
    )


def test_a_draft_received_after_the_meeting_is_refused(sussex: CoverReport) -> None:
    with pytest.raises(ValidationError, match="received: is after the meeting"):
        attrs.evolve(sussex, received=dt.date(2025, 3, 15))


def test_the_committees_cover_report_cites_s33_and_s6_in_the_assemblys_form() -> None:
    london = CoverReport(
        panel=COMMITTEE,
        meeting=dt.date(2025, 1, 15),
        plan_title="Police and Crime Plan 2025-29",
        contact=Contact(name="A Clerk", role="Senior Committee Officer"),
    )
    doc = cover_report_document(london)
    body = assert_london(
        doc,
        "To present to the Committee the draft Police and Crime Plan 2025-29 prepared by the Mayor's Office "
        "for Policing and Crime (MOPAC)",
        "reports or makes recommendations on it to MOPAC, under section 33(1) of the Police Reform and "
        "Social Responsibility Act 2011.",
        "The London Assembly, through the Committee, must review the draft",
        "the Act sets no number of days (section 6(7)).",
        "MOPAC must have regard to any report or recommendations made by the Committee in relation to the "
        "draft",
        "(section 6(6)(d)-(f))",
    )
    assert "28(3)" not in body
    assert [b.title for b in doc.blocks if isinstance(b, Section)][:3] == [
        "Summary",
        "Recommendation",
        "The Committee's statutory role",
    ]
    assert doc.meta.capitals is False


def test_the_title_of_a_variation() -> None:
    report = CoverReport(
        panel="Kent Police and Crime Panel",
        meeting=dt.date(2025, 1, 15),
        plan_title="Police and Crime Plan",
        contact=Contact(name="A Clerk"),
        variation=True,
    )
    assert cover_report_title(report) == "Draft variation of the Police and Crime Plan"


def test_a_docx_attachment_is_attached_after_the_report_and_a_pdf_listed(
    sussex: CoverReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pccplan.compose import document, para
    from pccplan.compose.tree import AttachedFile
    from pccplan.model.agenda import Attachment
    from pccplan.render.docx.writer import render as render_docx

    monkeypatch.chdir(tmp_path)
    Path("draft.docx").write_bytes(render_docx(document(para("The draft."), title="D", author="O")))
    report = attrs.evolve(
        sussex,
        attachments=(
            Attachment(label="A", title="The draft Plan", file="draft.docx"),
            Attachment(label="B", title="The survey", file="survey.pdf"),
        ),
    )
    doc = cover_report_document(report)
    body = plain_text(doc)
    assert "Appendix A: The draft Plan (attached: draft.docx)" in body
    assert "Appendix B: The survey (file: survey.pdf)" in body
    last = doc.blocks[-1]
    assert isinstance(last, Section)
    assert last.title == "Appendix A: The draft Plan"
    assert last.blocks == (AttachedFile(label="A", title="The draft Plan", path="draft.docx"),)
    assert sum(isinstance(n, AttachedFile) for n in iter_nodes(doc)) == 1
