"""The table of documents: its rows, and the kinds of file, starters and choices derived from it."""

from __future__ import annotations

import pytest

from pccplan.model.form import HouseForm
from pccplan.model.kinds import DOCUMENTS, FILE_KINDS, DocumentKind, document_kind, panel_named
from pccplan.model.plan import Commissioner, Plan


def test_names_are_unique_and_each_content_class_appears_once() -> None:
    names = [d.name for d in DOCUMENTS]
    contents = [d.content for d in DOCUMENTS if d.content is not None]
    assert len(set(names)) == len(names)
    assert len(set(contents)) == len(contents)


def test_the_file_kinds_are_the_plan_each_documents_content_and_the_house_form() -> None:
    assert FILE_KINDS["plan"] is Plan
    assert FILE_KINDS["house-form"] is HouseForm
    assert set(FILE_KINDS) == {"plan", "house-form"} | {d.name for d in DOCUMENTS if d.content}
    for kind in DOCUMENTS:
        if kind.content is not None:
            assert FILE_KINDS[kind.name] is kind.content


def test_a_document_uses_only_kinds_of_file_there_are() -> None:
    for kind in DOCUMENTS:
        assert set(kind.uses) <= set(FILE_KINDS) - {"plan", kind.name}, kind.name


def test_a_document_needs_its_own_content_and_nothing_else() -> None:
    assert document_kind("panel-letter").needs == ("panel-letter",)
    assert document_kind("plan").needs == ()
    assert document_kind("panel-letter").composer_path == "pccplan.compose.panel_letter.panel_letter_document"


def test_the_table_cannot_be_changed() -> None:
    import attrs

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DOCUMENTS[0].name = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        FILE_KINDS["budget"] = DocumentKind  # type: ignore[index]


def test_an_unknown_name_is_refused_with_the_names_there_are() -> None:
    with pytest.raises(KeyError, match="no document 'budget'; there are panel-report"):
        document_kind("budget")


def test_the_panel_a_documents_content_names() -> None:
    import datetime as dt

    from pccplan.model.panel import PanelRecommendations, Response

    report = PanelRecommendations(
        panel="Kent Police and Crime Panel", meeting=dt.date(2025, 2, 5), plan_title="Police and Crime Plan"
    )
    assert panel_named(report) == "Kent Police and Crime Panel"
    response = Response(
        commissioner=Commissioner(name="R"), to=report, given=dt.date(2025, 2, 12), answers=()
    )
    assert panel_named(response) == "Kent Police and Crime Panel"
    assert panel_named(object()) is None
