"""Laying out a document's parts in its house form's order, under the form's headings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from tests.london import london_plan as plan_for_london

from pccplan.compose.build import para
from pccplan.compose.decision_notice import decision_notice_document
from pccplan.compose.house import apply_form, arrange
from pccplan.compose.tree import Document, Paragraph, Section
from pccplan.compose.walk import plain_text
from pccplan.examples import example_panel_report
from pccplan.files import load
from pccplan.forms import builtin_form
from pccplan.model.area import BodyKind
from pccplan.model.decision import DecisionNotice
from pccplan.model.form import DocumentForm, FormPart, HouseForm, Naming
from pccplan.model.plan import Plan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_parts_follow_the_form_and_a_heading_makes_a_section() -> None:
    form = DocumentForm(
        kind="response-table",
        parts=[FormPart(key="table", heading="Comments"), FormPart(key="introduction")],
    )
    blocks = arrange(
        form, {"introduction": [para("Intro.")], "table": [para("Rows.")], "publication": [para("P.")]}
    )
    assert isinstance(blocks[0], Section)
    assert blocks[0].title == "Comments"
    assert isinstance(blocks[1], Paragraph)
    assert len(blocks) == 2  # the form leaves out the publication part


def test_a_part_with_nothing_recorded_writes_no_heading() -> None:
    form = DocumentForm(
        kind="response-table",
        parts=[
            FormPart(key="introduction"),
            FormPart(key="table"),
            FormPart(key="publication", heading="Publication"),
        ],
    )
    blocks = arrange(form, {"introduction": [para("Intro.")], "table": [para("Rows.")], "publication": []})
    assert not any(isinstance(b, Section) for b in blocks)


# ---------------------------------------------------------------- a form over the library's own shape


def _titles(doc: Document) -> list[str]:
    return [b.title for b in doc.blocks if isinstance(b, Section)]


def test_the_seed_form_leaves_todays_documents_as_they_are() -> None:
    report = example_panel_report()
    assert apply_form(report, "panel-report", builtin_form("pcc")) == report
    plan = load(EXAMPLES / "cambridgeshire-2021.yaml", Plan)
    notice = decision_notice_document(
        load(EXAMPLES / "cambridgeshire-2021-decision-notice.yaml", DecisionNotice), plan
    )
    assert apply_form(notice, "decision-notice", builtin_form("pcc")) == notice


def test_an_offices_form_retitles_and_sets_its_capitals() -> None:
    report = apply_form(example_panel_report(), "panel-report", builtin_form("mopac"))
    assert _titles(report)[:4] == ["Purpose", "Recommendation", "Terms of reference", "Background"]
    assert "Next steps" in _titles(report)
    assert report.meta.capitals is False


def test_parts_move_with_what_follows_them_and_left_out_parts_go() -> None:
    keys = ["background", "purpose", "background-documents"]
    shape = DocumentForm(kind="panel-report", parts=[FormPart(key=k, heading=k.upper()) for k in keys])
    form = HouseForm(name="Office", body=BodyKind.PCC, documents=[shape])
    report = apply_form(example_panel_report(), "panel-report", form)
    # The caller's own section followed 'Background', so it moves with it; the title block stays first.
    assert _titles(report) == [
        "BACKGROUND",
        "Development of the Plan and Consultation",
        "PURPOSE",
        "BACKGROUND-DOCUMENTS",
    ]
    assert report.blocks[0] == example_panel_report().blocks[0]


# ---------------------------------------------------------------- a form's naming in the text


def _named(body: BodyKind, commissioner: str, panel: str = "the Panel") -> HouseForm:
    form = builtin_form("pcc")
    return attrs.evolve(form, body=body, naming=Naming(commissioner=commissioner, panel=panel))


def test_a_forms_naming_renames_the_office_throughout_the_report() -> None:
    report = example_panel_report()
    body = plain_text(apply_form(report, "panel-report", _named(BodyKind.PCC, "the PCC")))
    assert "Police and Crime Commissioner\u2019s (the \u201cPCC\u201d) draft" in body
    assert "make a report or recommendation on the draft Plan to the PCC." in body
    assert "\u2022 the PCC's police and crime objectives for the area;" in body  # no capital mid-list
    assert "The PCC must also make arrangements" in body  # a sentence start keeps its capital
    assert "the Commissioner" not in body
    assert "The Commissioner" not in body
    assert "Police and Crime Commissioners and Chief Constables" in body  # names that merely contain it


def test_a_pfcc_forms_naming_renames_the_decision_notice() -> None:
    plan = load(EXAMPLES / "cambridgeshire-2021.yaml", Plan)
    notice = decision_notice_document(
        load(EXAMPLES / "cambridgeshire-2021-decision-notice.yaml", DecisionNotice), plan
    )
    body = plain_text(apply_form(notice, "decision-notice", builtin_form("pfcc")))
    assert "(the \u201cPFCC\u201d) has a statutory duty" in body
    assert "the Commissioner" not in body
    assert "the PFCC must" in body or "The PFCC must" in body


def test_mopac_named_the_mayor_keeps_its_own_name_and_capitals() -> None:
    plan = plan_for_london()
    notice = decision_notice_document(
        DecisionNotice(
            date=dt.date(2022, 3, 24),
            made_by=plan.commissioner,
            decision="To issue the Police and Crime Plan",
        ),
        plan,
    )
    body = plain_text(
        apply_form(notice, "decision-notice", _named(BodyKind.MOPAC, "the Mayor", "the Committee"))
    )
    assert (
        "The Mayor's Office for Policing and Crime (MOPAC), whose occupant is the Mayor of London "
        "(the \u201cMayor\u201d), has a statutory duty" in body
    )
    assert "The Mayor will publish the Plan on the Mayor\u2019s website" in body  # a sentence start
    assert body.count("MOPAC") == 1  # only where it is defined


def test_the_forms_logo_goes_above_the_title_block_of_the_document(tmp_path: Path) -> None:
    import attrs
    from tests.tree_strategies import png_bytes

    from pccplan.compose.tree import Picture, TitleBlock
    from pccplan.forms import load_form, starter_form

    (tmp_path / "logo.png").write_bytes(png_bytes(40, 20))
    text = starter_form("pcc") + "logo: {path: logo.png, alt: Office of the Police and Crime Commissioner}\n"
    (tmp_path / "form.yaml").write_text(text, encoding="utf-8")
    form = load_form(tmp_path / "form.yaml")
    assert form.logo is not None
    assert form.logo.path == str(tmp_path / "logo.png")  # taken from the form file's folder
    report = example_panel_report()
    laid_out = apply_form(report, "panel-report", form)
    title = laid_out.blocks[0]
    assert isinstance(title, TitleBlock)
    assert title.logo == Picture(
        data=png_bytes(40, 20), width="3cm", alt="Office of the Police and Crime Commissioner"
    )
    assert attrs.evolve(title, logo=None) == report.blocks[0]


def test_a_logo_file_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    import pytest

    from pccplan.compose.house import logo_picture
    from pccplan.errors import ValidationError
    from pccplan.model.form import Logo

    form = HouseForm(name="x", body=BodyKind.PCC, logo=Logo(path=str(tmp_path / "missing.png"), alt="Logo"))
    with pytest.raises(ValidationError, match=r"logo\.path: cannot be read"):
        logo_picture(form)


_COMPOSERS = {
    # A panel letter opens with a letterhead paragraph, not a title block: no place for a logo yet.
    # composer, example file, model module, content type, whether the form is a Panel's
    "cover-report": ("cover_report", "sussex-2025-cover-report.yaml", "agenda", "CoverReport", True),
    "panel-minute": ("panel_minute", "dyfed-powys-2021-panel-minute.yaml", "agenda", "PanelMinute", True),
    "record-of-decision": (
        "record_of_decision",
        "west-mercia-2024-record-of-decision.yaml",
        "record",
        "RecordOfDecision",
        False,
    ),
    "response-table": (
        "response_table",
        "west-mercia-2013-response-table.yaml",
        "comments",
        "ResponseTable",
        False,
    ),
}


def _composed_with_logo(kind: str, tmp_path: Path) -> tuple[Document, Document]:
    import importlib

    from tests.tree_strategies import png_bytes

    from pccplan.forms import default_form
    from pccplan.model.form import Logo

    module_name, example, model, type_name, scrutiny = _COMPOSERS[kind]
    module = importlib.import_module(f"pccplan.compose.{module_name}")
    content_type = getattr(importlib.import_module(f"pccplan.model.{model}"), type_name)
    compose = getattr(module, f"{module_name}_document")
    content = load(Path(__file__).resolve().parents[2] / "examples" / example, content_type)
    (tmp_path / "logo.png").write_bytes(png_bytes(40, 20))
    form = default_form(BodyKind.PCC, scrutiny=scrutiny)
    logo_form = attrs.evolve(form, logo=Logo(path=str(tmp_path / "logo.png"), alt="Office logo"))
    return compose(content, form=form), compose(content, form=logo_form)


@pytest.mark.parametrize("kind", sorted(_COMPOSERS))
def test_every_composer_that_takes_a_form_puts_its_logo_above_the_title_block(
    kind: str, tmp_path: Path
) -> None:
    from tests.tree_strategies import png_bytes

    from pccplan.compose.tree import Picture, TitleBlock

    plain, with_logo = _composed_with_logo(kind, tmp_path)
    title = with_logo.blocks[0]
    assert isinstance(title, TitleBlock)
    assert title.logo == Picture(data=png_bytes(40, 20), width="3cm", alt="Office logo")
    assert attrs.evolve(title, logo=None) == plain.blocks[0]
    assert with_logo.blocks[1:] == plain.blocks[1:]
