"""The Panel's agenda papers' model: attachments, unique labels."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import ValidationError
from pccplan.model.agenda import Attachment, CoverReport
from pccplan.model.document import Contact


def test_an_attachment_names_a_docx_or_pdf_and_labels_are_unique() -> None:
    with pytest.raises(ValidationError, match="file"):
        Attachment(label="A", title="Draft", file="draft.odt")
    twice = [Attachment(label="A", title="Draft", file="draft.docx")] * 2
    with pytest.raises(ValidationError, match="attachments"):
        CoverReport(
            panel="Kent Police and Crime Panel",
            meeting=dt.date(2025, 1, 15),
            plan_title="Police and Crime Plan",
            contact=Contact(name="A Clerk"),
            attachments=twice,
        )
