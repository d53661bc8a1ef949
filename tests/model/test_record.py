"""The record of decision's model: one ground per withholding, appendix files, unique parts, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import ValidationError
from pccplan.model.document import ExemptionParagraph
from pccplan.model.record import (
    Implication,
    ImplicationKind,
    RecordAppendix,
    RecordOfDecision,
    RecordPart,
    Signatory,
    Withholding,
)


def record(**changes: object) -> RecordOfDecision:
    fields: dict[str, object] = {
        "area": "kent",
        "title": "A decision",
        "date": dt.date(2024, 6, 1),
        "decision": RecordPart(paragraphs=["To decide."]),
        "approval": Signatory(name="A Person", title="Police and Crime Commissioner for Kent"),
    }
    return RecordOfDecision(**(fields | changes))  # type: ignore[arg-type]


def test_a_withholding_has_exactly_one_ground() -> None:
    assert Withholding(paragraph=3).paragraph is ExemptionParagraph.FINANCIAL_OR_BUSINESS_AFFAIRS
    assert Withholding(foi_section=43).foi_section == 43
    for bad in ({}, {"paragraph": 3, "foi_section": 43}):
        with pytest.raises(ValidationError, match="exactly one ground"):
            Withholding(**bad)  # type: ignore[arg-type]


def test_an_appendix_names_a_docx_or_pdf() -> None:
    assert RecordAppendix(label="A", title="Plan", file="plan.PDF").file == "plan.PDF"
    with pytest.raises(ValidationError, match=r"file.*\.docx or \.pdf"):
        RecordAppendix(label="A", title="Plan", file="plan.txt")


def test_parts_may_be_given_as_paragraphs_and_the_area_by_name() -> None:
    made = record(background="Some background.")
    assert made.background is not None
    assert made.background.paragraphs[0].text == "Some background."
    assert made.area.slug == "kent"
    with pytest.raises(ValidationError, match="area"):
        record(area="Kentt shire")


def test_implications_of_one_kind_once_and_approval_not_before_the_decision() -> None:
    twice = [Implication(kind=ImplicationKind.RISK, paragraphs=["a"])] * 2
    with pytest.raises(ValidationError, match="implications"):
        record(implications=twice)
    with pytest.raises(ValidationError, match=r"approval\.date"):
        record(approval=Signatory(name="A", title="B", date=dt.date(2024, 5, 1)))
    assert ImplicationKind.DATA_PROTECTION.heading == "Data protection implications"
