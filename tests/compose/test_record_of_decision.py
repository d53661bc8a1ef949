"""The full record of decision: the examples' facts, parts in the form's order, approval, public access."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from pccplan.compose.record_of_decision import form_shape, record_of_decision_document, withheld_mark
from pccplan.compose.tree import Document, Link, Section
from pccplan.compose.walk import full_view, iter_nodes, plain_text, public_view
from pccplan.errors import ValidationError
from pccplan.files import load
from pccplan.forms import builtin_form, load_form
from pccplan.model.form import KeyLabels
from pccplan.model.record import RecordOfDecision, RecordPart, Signatory, Withholding

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
WEST_MERCIA = (
    "https://westmercia-pcc.gov.uk/key-information/decision-making/"
    "record-of-decision-police-and-crime-plan-2024-2029"
)
MOPAC = (
    "https://www.london.gov.uk/what-we-do/mayors-office-policing-and-crime-mopac/"
    "governance-and-decision-making/mopac-decisions-375"
)
NORTH_YORKSHIRE = (
    "https://www.northyorkshire-pfcc.gov.uk/decision-notices/"
    "dn-09-2022-police-and-crime-and-fire-and-rescue-plans/"
)


def texts(doc: Document) -> list[str]:
    return [plain_text(attrs.evolve(doc, blocks=(b,))).strip() for b in doc.blocks]


def headings(doc: Document) -> list[str]:
    return [b.title for b in doc.blocks if isinstance(b, Section)]


def links(doc: Document) -> list[str]:
    return [n.url for n in iter_nodes(doc) if isinstance(n, Link)]


@pytest.fixture(scope="module")
def west_mercia() -> RecordOfDecision:
    return load(EXAMPLES / "west-mercia-2024-record-of-decision.yaml", RecordOfDecision)


@pytest.fixture(scope="module")
def wm_doc(west_mercia: RecordOfDecision) -> Document:
    return record_of_decision_document(west_mercia, form=load_form(EXAMPLES / "west-mercia-form.yaml"))


@pytest.fixture(scope="module")
def mopac() -> RecordOfDecision:
    return load(EXAMPLES / "mopac-2017-pcd-168.yaml", RecordOfDecision)


@pytest.fixture(scope="module")
def north_yorkshire() -> RecordOfDecision:
    return load(EXAMPLES / "north-yorkshire-2022-dn-09.yaml", RecordOfDecision)


@pytest.mark.parametrize(
    ("stem", "source"),
    [
        ("west_mercia_2024_record_of_decision", WEST_MERCIA),
        ("mopac_2017_pcd_168", MOPAC),
        ("north_yorkshire_2022_dn_09", NORTH_YORKSHIRE),
    ],
)
def test_each_example_names_its_source_and_marks_what_is_invented(stem: str, source: str) -> None:
    script = (EXAMPLES / f"{stem}.py").read_text(encoding="utf-8")
    data = (EXAMPLES / f"{stem.replace('_', '-')}.yaml").read_text(encoding="utf-8")
    assert source in script
    assert source in data
    assert "INVENTED" in data


def test_west_mercia_parts_are_in_the_forms_order_with_the_approval_before_the_report(
    wm_doc: Document,
) -> None:
    assert headings(wm_doc) == [
        "Executive Summary",
        "Proposal",
        "Approval of",
        "Supporting Report",
        "Implications",
        "Public Access",
        "Statutory Officer Advice",
        "Appendices",
    ]
    assert wm_doc.meta.capitals is True
    assert wm_doc.meta.title == "PCC/D/2024/16 \u2013 Police and Crime Plan 2024-2029"


def test_west_mercia_names_dates_and_the_approval_block(wm_doc: Document) -> None:
    body = plain_text(wm_doc)
    approval = texts(wm_doc)[headings(wm_doc).index("Approval of") + 2]  # title block, key table first
    assert approval.splitlines()[1:4] == [
        "West Mercia Police and Crime Commissioner",
        "I hereby approve the above proposal.",
        approval.splitlines()[3],
    ]
    assert "Name: John Campion" in approval
    assert "Date signed: 20 March 2025" in approval
    assert "PCC/D/2024/16" in texts(wm_doc)[1]
    assert "the West Mercia Safer Communities Plan, as the police and crime plan under section 5 of" in body
    assert "https://www.legislation.gov.uk/ukpga/2011/13/section/5" in links(wm_doc)
    assert (
        "Appendix A: West Mercia Safer Communities Plan 2024-2029 (file: safer-communities-plan.pdf)" in body
    )
    assert "This record is published in full" in body


def test_mopac_names_the_deputy_mayor_as_decision_maker_and_the_mayor_as_approving(
    mopac: RecordOfDecision,
) -> None:
    doc = record_of_decision_document(mopac)  # the area's default form: MOPAC's
    body = plain_text(doc)
    # One row under a header row: each value is read out with its label.
    labels = "Reference code\nDate of decision\nDecision by\nDate signed\n"  # MOPAC's form's labels
    assert labels + "PCD 168\n1 March 2017\nSophie Linden, Deputy Mayor for Policing and Crime\n" in body
    assert "Name: Sadiq Khan" in body
    assert "Title: Mayor of London" in body
    assert "PCD 168" in body
    assert "under section 6 of the Police Reform and Social Responsibility Act 2011" in body
    assert "https://www.legislation.gov.uk/ukpga/2011/13/section/6" in links(doc)
    assert headings(doc)[:2] == ["Executive summary", "Recommendation"]
    assert doc.meta.capitals is False
    assert doc.meta.author == "Mayor's Office for Policing and Crime"
    # The date signed is blank in the source, so it is a line to fill in, not a date.
    assert "Date signed:" in body
    assert "Date signed: 1 March 2017" not in body


def test_in_london_the_deputy_mayor_cannot_be_named_as_approving_the_plan(mopac: RecordOfDecision) -> None:
    deputy = attrs.evolve(
        mopac, approval=Signatory(name="Sophie Linden", title="Deputy Mayor for Policing and Crime")
    )
    with pytest.raises(ValidationError, match=r"approval\.title.*LON-1|s\.19") as caught:
        record_of_decision_document(deputy)
    assert "decision_by" in str(caught.value)


def test_one_decision_issues_both_the_police_and_crime_plan_and_the_fire_and_rescue_plan(
    north_yorkshire: RecordOfDecision,
) -> None:
    doc = record_of_decision_document(north_yorkshire, form=load_form(EXAMPLES / "north-yorkshire-form.yaml"))
    body = plain_text(doc)
    assert "This decision issues these plans:" in body
    assert "the Police and Crime Plan 2022-2025, as the police and crime plan under section 5" in body
    assert "the Fire and Rescue Plan 2022-2025, as the fire and rescue plan" in body
    assert "Zoë Metcalfe, Police, Fire and Crime Commissioner for North Yorkshire" in body
    assert headings(doc) == [
        "Background",
        "Decision Record",
        "Statutory Officer Advice",
        "Public Access to Information",
        "Appendices",
    ]
    advice = next(b for b in doc.blocks if isinstance(b, Section) and b.title == "Statutory Officer Advice")
    assert [s.title for s in advice.blocks if isinstance(s, Section)] == [
        "Chief Executive Officer (Monitoring Officer)",
        "Chief Finance Officer",
    ]
    # The approval block (no heading in this form) comes after the decision and before the advice.
    order = [
        body.index("Decision Record"),
        body.index("I approve the decision above."),
        body.index("Statutory"),
    ]
    assert order == sorted(order)


def test_a_part_withheld_under_an_foi_section_is_left_out_of_the_public_version(
    west_mercia: RecordOfDecision,
) -> None:
    secret = "Qz-secret-costing"
    withheld = attrs.evolve(
        west_mercia,
        supporting_report=RecordPart(paragraphs=[secret], exempt=Withholding(foi_section=43)),
    )
    doc = record_of_decision_document(withheld, form=load_form(EXAMPLES / "west-mercia-form.yaml"))
    public, full = plain_text(public_view(doc)), plain_text(full_view(doc))
    assert secret not in public
    assert secret in full
    assert "section 43 of the Freedom of Information Act 2000 (commercial interests)" in public
    assert "Supporting Report: section 43 of the Freedom of Information Act 2000" in public
    assert "EXEMPT: section 43 of the Freedom of Information Act 2000" in full


def test_a_record_withheld_whole_publishes_who_decided_and_the_approval_only(
    west_mercia: RecordOfDecision,
) -> None:
    whole = attrs.evolve(west_mercia, exempt=Withholding(paragraph=3))
    public = plain_text(
        public_view(record_of_decision_document(whole, form=load_form(EXAMPLES / "west-mercia-form.yaml")))
    )
    assert "Safer Communities Plan, for the period" not in public
    assert "budget already set" not in public
    assert "I hereby approve the above proposal." in public
    assert "The body of this record: paragraph 3 of Schedule 12A to the Local Government Act 1972" in public


def test_an_foi_section_that_is_not_an_exemption_is_refused_naming_the_sections(
    west_mercia: RecordOfDecision,
) -> None:
    bad = attrs.evolve(west_mercia, exempt=Withholding(foi_section=45))
    with pytest.raises(ValidationError, match=r"foi_section.*21, 22, 23, 24, 26"):
        record_of_decision_document(bad)


def test_a_form_without_a_record_form_falls_back_to_the_built_in_one() -> None:
    shape, capitals = form_shape(load_form(EXAMPLES / "staffordshire-form.yaml"), "record-of-decision")
    assert shape == builtin_form("pcc").document("record-of-decision")
    assert isinstance(capitals, bool)


def test_nothing_is_written_for_a_part_the_record_does_not_hold(west_mercia: RecordOfDecision) -> None:
    bare = RecordOfDecision(
        area="kent",
        title="A decision",
        date=dt.date(2024, 6, 1),
        decision=RecordPart(paragraphs=["To decide."]),
        approval=Signatory(name="A Person", title="Police and Crime Commissioner for Kent"),
    )
    doc = record_of_decision_document(bare)
    assert headings(doc) == ["Decision", "Public Access to Information", "Approval"]
    assert "Declarations" not in plain_text(doc)
    assert withheld_mark(None) is None


def test_the_plan_must_be_for_the_records_area(west_mercia: RecordOfDecision) -> None:
    from pccplan.examples import example_plan

    with pytest.raises(ValidationError, match="area"):
        record_of_decision_document(west_mercia, example_plan())


def test_the_key_informations_labels_are_the_forms(west_mercia: RecordOfDecision) -> None:
    form = builtin_form("pcc")
    shape = form.document("record-of-decision")
    labels = KeyLabels(reference="Decision number", date="Decision date", date_signed="Signed on")
    own = attrs.evolve(
        form,
        documents=[attrs.evolve(shape, key_labels=labels) if d is shape else d for d in form.documents],
    )
    body = plain_text(record_of_decision_document(west_mercia, form=own))
    assert "Decision number\nDecision date\nSigned on\n" in body
    assert "Reference\n" not in body


def test_a_combined_authority_deputy_mayor_cannot_approve_issuing_the_plan(
    north_yorkshire: RecordOfDecision,
) -> None:
    from pccplan.model.area import find_area
    from pccplan.model.record import IssuedPlan, PlanKind

    area = find_area("west-yorkshire")
    record = attrs.evolve(
        north_yorkshire,
        area=area,
        date=dt.date(2022, 3, 1),
        issues=(IssuedPlan(kind=PlanKind.POLICE_AND_CRIME, title="Police and Crime Plan 2021-2024"),),
        approval=Signatory(name="A Deputy", title="Deputy Mayor for Policing and Crime"),
    )
    with pytest.raises(ValidationError, match=r"approval\.title.*s\.18\(3\)\(b\), \(7\)\(a\)") as caught:
        record_of_decision_document(record)
    assert "CA-1" in str(caught.value)
    # The Mayor approving, with the deputy mayor named as taking the decision, is accepted.
    mayors = attrs.evolve(
        record,
        approval=Signatory(name="Tracy Brabin", title="Mayor of West Yorkshire"),
        decision_by=Signatory(name="A Deputy", title="Deputy Mayor for Policing and Crime"),
    )
    assert "Deputy Mayor for Policing and Crime" in plain_text(record_of_decision_document(mayors))


def test_a_docx_appendix_is_attached_on_its_own_page_and_a_pdf_listed(
    west_mercia: RecordOfDecision, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pccplan.compose import document, para
    from pccplan.compose.tree import AttachedFile
    from pccplan.model.record import RecordAppendix
    from pccplan.render.docx.writer import render as render_docx

    monkeypatch.chdir(tmp_path)
    draft = Path("draft.docx")
    draft.write_bytes(render_docx(document(para("The draft."), title="D", author="O")))
    record = attrs.evolve(
        west_mercia,
        appendices=(
            RecordAppendix(label="A", title="The Plan", file="plan.pdf"),
            RecordAppendix(label="B", title="The draft", file=str(draft), exempt=Withholding(paragraph=3)),  # type: ignore[arg-type]
        ),
    )
    doc = record_of_decision_document(record)
    body = plain_text(doc)
    assert "Appendix A: The Plan (file: plan.pdf)" in body
    assert "Appendix B: The draft (attached: draft.docx)" in body
    last = doc.blocks[-1]
    assert isinstance(last, Section)
    assert last.title == "Appendix B: The draft"
    assert last.new_page
    assert last.blocks == (AttachedFile(label="B", title="The draft", path=str(draft)),)
    assert last.exempt is not None  # withheld with its appendix: the public version leaves it out
    assert not any(isinstance(n, AttachedFile) for n in iter_nodes(public_view(doc)))
