"""Built-in house forms, starters, loading, and decision numbers; the seed form describes today's output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pccplan.compose.decision_notice import decision_notice_document
from pccplan.compose.tree import Section
from pccplan.errors import PlanFileError, ValidationError
from pccplan.examples import example_panel_report
from pccplan.files import load, loads
from pccplan.forms import BUILTIN_FORMS, builtin_form, decision_number, default_form, load_form, starter_form
from pccplan.model.area import BodyKind
from pccplan.model.decision import DecisionNotice
from pccplan.model.form import HouseForm
from pccplan.model.plan import Plan

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", BUILTIN_FORMS)
def test_every_built_in_form_loads_and_says_how_to_copy_it(name: str) -> None:
    form = builtin_form(name)
    assert isinstance(form, HouseForm)
    assert f"pccplan form new --body {name}" in starter_form(name)
    assert loads(starter_form(name)) == form


def test_the_built_in_forms_name_the_office_as_each_body_does() -> None:
    naming = {name: builtin_form(name).naming.commissioner for name in BUILTIN_FORMS}
    assert naming == {
        "pcc": "the Commissioner",
        "pfcc": "the PFCC",
        "mayor": "the Mayor",
        "mopac": "MOPAC",
        "london-assembly": "MOPAC",
    }
    assert builtin_form("mopac").naming.panel == "the Committee"
    assert builtin_form("mopac").capitals is False  # MOPAC's headings are in sentence case
    assert builtin_form("london-assembly").body is BodyKind.MOPAC


def test_the_default_form_for_each_kind_of_body() -> None:
    assert default_form(BodyKind.PFCC) == builtin_form("pfcc")
    assert default_form(BodyKind.MOPAC, scrutiny=True) == builtin_form("london-assembly")
    assert default_form(BodyKind.PCC, scrutiny=True) == builtin_form("pcc")


def test_an_unknown_built_in_form_lists_the_forms() -> None:
    with pytest.raises(
        ValidationError, match="body: must be one of pcc, pfcc, mayor, mopac, london-assembly"
    ):
        starter_form("police-authority")


def test_the_seed_form_describes_todays_report_to_the_panel() -> None:
    form = builtin_form("pcc")
    report = example_panel_report()
    written = [b.title for b in report.blocks if isinstance(b, Section) and not b.new_page]
    headings = [p.heading for p in form.document("panel-report").parts]
    # The library's sections carry the form's headings in the form's order (the caller's own
    # sections, such as 'Development of the Plan and Consultation', sit between them).
    assert [w for w in written if w in headings] == [h for h in headings if h in written]
    assert set(headings) - set(written) == {"Appendices"}  # the seed report has no appendices
    assert form.capitals_for("panel-report") is report.meta.capitals is True


def test_the_seed_form_describes_todays_decision_notice() -> None:
    plan = load(ROOT / "examples" / "cambridgeshire-2021.yaml", Plan)
    notice = load(ROOT / "examples" / "cambridgeshire-2021-decision-notice.yaml", DecisionNotice)
    doc = decision_notice_document(notice, plan)
    written = [b.title for b in doc.blocks if isinstance(b, Section)]
    headed = [p.heading for p in builtin_form("pcc").document("decision-notice").parts if p.heading]
    assert [w for w in written if w in headed] == [h for h in headed if h in written]
    assert "Decision Summary" in written
    assert builtin_form("pcc").capitals_for("decision-notice") is doc.meta.capitals is False
    assert decision_number(builtin_form("pcc"), 46, notice.date) == notice.number == "2021/046"


@pytest.mark.parametrize(
    ("pattern", "n", "day", "expected"),
    [
        ("PCC/D/{year}/{n}", 16, dt.date(2024, 12, 1), "PCC/D/2024/16"),  # West Mercia
        ("SCP-D-{fy}-{n:03}", 2, dt.date(2023, 1, 10), "SCP-D-202223-002"),  # Staffordshire
        ("PCD {n}", 168, dt.date(2017, 3, 1), "PCD 168"),  # MOPAC
        ("Decision {fy_short} No. {n}", 1, dt.date(2019, 4, 1), "Decision 2019/20 No. 1"),
    ],
)
def test_decision_numbers_follow_the_offices_pattern(
    pattern: str, n: int, day: dt.date, expected: str
) -> None:
    form = HouseForm(name="Office", body=BodyKind.PCC, decision_number=pattern)
    assert decision_number(form, n, day) == expected


def test_the_built_in_pfcc_pattern_and_a_form_without_one() -> None:
    assert decision_number(builtin_form("pfcc"), 9, dt.date(2022, 5, 19)) == "DN 09/2022"
    with pytest.raises(ValidationError, match="sets no decision-number pattern"):
        decision_number(builtin_form("mayor"), 1, dt.date(2024, 5, 22))


def test_a_form_file_names_each_bad_field(tmp_path: Path) -> None:
    text = (
        starter_form("pcc")
        .replace("  panel: the Panel", "  panl: the Panel")
        .replace("key: views", "key: view")
    )
    path = tmp_path / "form.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanFileError) as info:
        load_form(path)
    where = [p.path for p in info.value.problems]
    assert "naming.panl" in where
    assert "documents[2].parts[7].key" in where


def test_the_form_knows_the_parts_the_report_composer_writes() -> None:
    from pccplan.compose.panel_report import LIBRARY_SECTIONS
    from pccplan.model.form import FORM_PARTS

    # The model cannot import the composer (layers), so the two lists are kept equal here.
    assert FORM_PARTS["panel-report"] == LIBRARY_SECTIONS
    assert builtin_form("pcc").document("panel-report").keys == LIBRARY_SECTIONS


def test_mopacs_form_labels_its_key_information_and_a_misspelt_label_is_refused(tmp_path: Path) -> None:
    labels = builtin_form("mopac").document("record-of-decision").key_labels
    assert labels is not None
    assert labels.reference == "Reference code"
    path = tmp_path / "form.yaml"
    path.write_text(starter_form("mopac").replace("date_signed: Date", "date_sign: Date"), encoding="utf-8")
    with pytest.raises(PlanFileError) as info:
        load_form(path)
    assert any(p.path.endswith("key_labels.date_sign") for p in info.value.problems)
