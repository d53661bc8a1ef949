"""The Panel's letter: dates in order, views as prose, recommendations only when made."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import PlanFileError, ValidationError
from pccplan.files import dumps, loads
from pccplan.model.document import ReportParagraph
from pccplan.model.letter import Addressee, PanelLetter
from pccplan.model.panel import Recommendation

MEETING = dt.date(2024, 9, 30)


def letter(**changes: object) -> PanelLetter:
    fields: dict[str, object] = {
        "panel": "Staffordshire Police, Fire and Crime Panel",
        "meeting": MEETING,
        "date": dt.date(2024, 10, 22),
        "plan_title": "Police and Crime Plan 2024/28",
        "addressee": Addressee(name="Mr B Adams"),
        "chair": "Councillor Bernard Peters",
    }
    fields.update(changes)
    return PanelLetter(**fields)  # type: ignore[arg-type]


def test_views_may_be_given_as_plain_text() -> None:
    assert letter(views=["Members welcomed the draft."]).views == (
        ReportParagraph(text="Members welcomed the draft."),
    )


def test_a_letter_is_not_dated_before_the_meeting() -> None:
    with pytest.raises(ValidationError, match=r"PanelLetter.date: is before the meeting \(2024-09-30\)"):
        letter(date=dt.date(2024, 9, 29))


def test_a_response_is_not_due_before_the_letter() -> None:
    with pytest.raises(ValidationError, match="response_due: is before the letter's date"):
        letter(response_due=dt.date(2024, 10, 1))


def test_recommendation_references_are_unique() -> None:
    recs = [Recommendation(ref="1", text="A."), Recommendation(ref="1", text="B.")]
    with pytest.raises(ValidationError, match=r"recommendations\[1\]\.ref: duplicate ref"):
        letter(recommendations=recs)


def test_no_recommendations_by_default() -> None:
    assert letter().recommendations == ()


def test_a_letter_file_round_trips_and_names_a_misspelt_field() -> None:
    original = letter(views=["Members welcomed it."], reference="PFCP/2024/10")
    assert loads(dumps(original)) == original
    with pytest.raises(
        PlanFileError, match=r"addressee\.nme: is not a field of Addressee; did you mean 'name'\?"
    ):
        loads(dumps(original).replace("  name: Mr B Adams", "  nme: Mr B Adams"))
