"""Parts shared by documents: paragraphs, sections, exemptions, links, appendices."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from pccplan.errors import ValidationError
from pccplan.model.document import (
    Appendix,
    BackgroundDocument,
    Contact,
    Exemption,
    ExemptionParagraph,
    ReportParagraph,
    ReportSection,
    paragraphs_from,
    with_files_from,
)


def test_exemption_by_number_and_label() -> None:
    exemption = Exemption(paragraph=3)  # type: ignore[arg-type]
    assert exemption.paragraph is ExemptionParagraph.FINANCIAL_OR_BUSINESS_AFFAIRS
    with pytest.warns(DeprecationWarning, match="statute.exempt.cited"):
        assert exemption.label == "paragraph 3 of Schedule 12A to the Local Government Act 1972"
    for bad in (0, 8, True, "3"):
        with pytest.raises(ValidationError) as caught:
            Exemption(paragraph=bad)  # type: ignore[arg-type]
        assert caught.value.path == "paragraph"


def test_section_paragraphs_may_be_plain_strings() -> None:
    section = ReportSection(
        heading="Development of the plan", paragraphs=["First.", ReportParagraph(text="Second.")]
    )
    assert [p.text for p in section.paragraphs] == ["First.", "Second."]
    assert all(p.numbered for p in section.paragraphs)
    assert paragraphs_from("not a list") == "not a list"


def test_section_refuses_bad_members() -> None:
    with pytest.raises(ValidationError) as caught:
        ReportSection(heading="h", paragraphs=["ok", ""])
    assert caught.value.path == "text"
    with pytest.raises(ValidationError) as caught:
        ReportSection(heading="h", paragraphs=[ReportParagraph(text="a"), 3])
    assert caught.value.path == "paragraphs[1]"


def test_paragraph_bullets() -> None:
    paragraph = ReportParagraph(text="The plan must set out:", bullets=["objectives;", "resources."])
    assert paragraph.bullets == ("objectives;", "resources.")
    with pytest.raises(ValidationError) as caught:
        ReportParagraph(text="t", bullets=["a", "b\x0c"])
    assert caught.value.path == "bullets[1]"


def test_background_document_url_must_be_absolute() -> None:
    assert BackgroundDocument(
        title="The Act", url="https://www.legislation.gov.uk/ukpga/2011/13/contents"
    ).url
    with pytest.raises(ValidationError) as caught:
        BackgroundDocument(title="The Act", url="legislation.gov.uk")
    assert caught.value.path == "url"


def test_appendix_and_contact() -> None:
    appendix = Appendix(
        label="A", title="The draft Plan", exempt=Exemption(paragraph=ExemptionParagraph.CRIME)
    )
    assert appendix.exempt is not None
    assert appendix.exempt.paragraph.value == 7
    with pytest.raises(ValidationError) as caught:
        Contact(name="")
    assert str(caught.value) == "Contact.name: must not be empty (got '')"


def test_an_appendix_names_a_relative_docx_to_attach() -> None:
    assert (
        Appendix(label="A", title="The draft Plan", file="papers/draft plan.DOCX").file
        == "papers/draft plan.DOCX"
    )
    assert Appendix(label="A", title="The draft Plan").file is None


@pytest.mark.parametrize(
    ("file", "reason"),
    [
        ("draft.pdf", "must name a .docx file"),
        ("draft.doc", "must name a .docx file"),
        ("draft", "must name a .docx file"),
        ("/home/officer/draft.docx", "must be a relative path"),
        ("C:\\Users\\officer\\draft.docx", "must be a relative path"),
        ("C:draft.docx", "must be a relative path"),
        ("\\\\server\\share\\draft.docx", "must be a relative path"),
        ("https://example.org/draft.docx", "not a URL"),
        ("file:draft.docx", "not a URL"),
        ("  ", "must not be empty"),
    ],
)
def test_an_appendix_file_that_cannot_be_attached_is_refused_naming_it(file: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Appendix(label="A", title="The draft Plan", file=file)
    assert caught.value.path == "file"
    assert caught.value.value == file
    assert reason in caught.value.reason


def test_with_files_from_takes_each_appendix_file_from_the_folder() -> None:
    from pccplan.model.panel import PanelReport

    report = PanelReport(
        meeting=dt.date(2017, 2, 1),
        appendices=[
            Appendix(label="A", title="Draft", file="draft.docx"),
            Appendix(label="B", title="Listed only"),
        ],
    )
    moved = with_files_from(report, "plans/2017")
    assert [a.file for a in moved.appendices] == [os.path.join("plans", "2017", "draft.docx"), None]
    assert with_files_from(report, ".") == report
    assert with_files_from(moved, "..").appendices[0].file == os.path.join(
        "..", "plans", "2017", "draft.docx"
    )
