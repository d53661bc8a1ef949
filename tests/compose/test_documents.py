"""Every document by its name: each composer is in the one table, and the table writes each document."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from tests.conftest import ROOT

import pccplan.compose
from pccplan._names import DEPRECATED
from pccplan.compose.documents import DOCUMENTS, compose_document, composer_of
from pccplan.compose.tree import Document
from pccplan.errors import ValidationError
from pccplan.files import load
from pccplan.model.plan import Plan

EXAMPLES = ROOT / "examples"

# Modules whose functions take or build any document (the builders, the walks, the house-form
# layout, this table's dispatch): not composers of one kind of document.
HELPERS = {"build", "walk", "house", "documents", "tree", "parts"}


def public_composers() -> set[object]:
    """The public functions under pccplan.compose that return a `Document` (an alias counts once).

    A name kept only as a deprecated alias (`pccplan._names.DEPRECATED`) is not a composer of
    its own: `panel_report` stays for one release beside `panel_report_document`.
    """
    found: set[object] = set()
    for info in pkgutil.iter_modules(pccplan.compose.__path__):
        if info.name in HELPERS:
            continue
        module = importlib.import_module(f"pccplan.compose.{info.name}")
        for name in getattr(module, "__all__", ()):
            if name in DEPRECATED:
                continue
            value = getattr(module, name)
            if inspect.isfunction(value) and inspect.signature(value).return_annotation in (
                "Document",
                Document,
            ):
                found.add(value)
    return found


def test_every_composer_is_in_the_table_and_every_row_names_one() -> None:
    # Compared as functions, not names, so a composer exported under a second name counts once.
    assert public_composers() == {composer_of(kind) for kind in DOCUMENTS}
    for kind in DOCUMENTS:
        module = kind.composer_path.rpartition(".")[0]
        assert composer_of(kind).__module__ == module, kind.name


@pytest.fixture(scope="module")
def plan_2021() -> Plan:
    return load(EXAMPLES / "cambridgeshire-2021.yaml", Plan)


def test_the_table_writes_the_plan_and_the_timetable_from_the_plan_alone(plan_2021: Plan) -> None:
    assert compose_document("plan", plan_2021).meta.title.startswith("Police and Crime Plan")
    assert "timetable" in compose_document("timetable", plan_2021).meta.title.casefold()


def test_a_document_with_content_is_written_from_it(plan_2021: Plan) -> None:
    response = load(EXAMPLES / "cambridgeshire-2021-response.yaml")
    notice = load(EXAMPLES / "cambridgeshire-2021-decision-notice.yaml")
    doc = compose_document("decision-notice", plan_2021, {"decision-notice": notice, "response": response})
    assert doc.meta.title
    assert compose_document("response", plan_2021, {"response": response}).meta.title


def test_a_missing_content_file_is_refused_naming_the_kind(plan_2021: Plan) -> None:
    with pytest.raises(ValidationError, match="response-table needs a response-table"):
        compose_document("response-table", plan_2021)


def test_a_file_the_document_does_not_use_is_refused(plan_2021: Plan) -> None:
    response = load(EXAMPLES / "cambridgeshire-2021-response.yaml")
    with pytest.raises(ValidationError, match="plan uses no other file, not a response"):
        compose_document("plan", plan_2021, {"response": response})


def test_content_of_the_wrong_class_is_refused(plan_2021: Plan) -> None:
    with pytest.raises(ValidationError, match=r"inputs\['response'\]: must be a Response"):
        compose_document("response", plan_2021, {"response": plan_2021})


def test_an_unknown_document_names_those_there_are(plan_2021: Plan) -> None:
    with pytest.raises(KeyError, match="no document 'budget'; there are panel-report, decision-notice"):
        compose_document("budget", plan_2021)
