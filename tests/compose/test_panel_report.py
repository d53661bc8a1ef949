"""The report to the Panel: what the library writes, for several areas, years and kinds of report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.london import MEETING, METROPOLIS, assert_london, london_plan

from pccplan.compose.panel_report import LIBRARY_SECTIONS, SPR_NOTE, panel_report_document
from pccplan.compose.tree import BulletList, Document, Link, Note, Section
from pccplan.compose.walk import iter_nodes, plain_text
from pccplan.errors import ValidationError
from pccplan.files import load
from pccplan.model.area import find_area
from pccplan.model.document import (
    Appendix,
    BackgroundDocument,
    Contact,
    Exemption,
    ReportParagraph,
    ReportSection,
)
from pccplan.model.panel import PanelReport
from pccplan.model.plan import Commissioner, Plan, Theme
from pccplan.read import read_docx
from pccplan.statute.plan import QualifyingDayError
from pccplan.statute.terms import term_for

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cambs() -> Plan:
    return load(ROOT / "examples" / "cambridgeshire-2016.yaml", Plan)


def simple_plan(
    area: str, title: str = "Police and Crime Plan", commissioner: str = "A Commissioner"
) -> Plan:
    place = find_area(area)
    return Plan(
        title=title,
        area=place,
        commissioner=Commissioner.for_area(commissioner, place),
        themes=[Theme(name="Victims", aim="Support victims")],
    )


def sections(doc: Document) -> list[Section]:
    return [b for b in doc.blocks if isinstance(b, Section)]


def headings(doc: Document) -> list[str]:
    return [s.title for s in sections(doc)]


def text(doc: Document) -> str:
    return plain_text(doc)


def test_seed_000_structure(cambs: Plan) -> None:
    report = PanelReport(
        meeting=dt.date(2017, 2, 1),
        sections=[ReportSection(heading="Development of the Plan and Consultation", paragraphs=["Local."])],
        expected_launch=dt.date(2017, 3, 1),
        effective_from=dt.date(2017, 4, 1),
    )
    doc = panel_report_document(report, cambs, term=term_for(dt.date(2016, 5, 5), cambs.area))
    assert headings(doc) == [
        "Purpose",
        "Recommendation",
        "Terms of Reference",
        "Background",
        "Development of the Plan and Consultation",
        "Next Steps",
        "Background Documents",
    ]
    body = text(doc)
    assert "before the end of the financial year in which they are elected (31 March 2017)" in body
    assert "4.3 The Plan must achieve value for money" in body
    assert "It is anticipated the Commissioner will publicly launch the Plan in March 2017." in body
    assert "The Plan will become effective from 1 April 2017." in body
    assert "3.1 Item 1 - To review and make a report or recommendation on the draft Plan" in body
    assert (
        doc.meta.author == "Office of the Police and Crime Commissioner for Cambridgeshire and Peterborough"
    )
    assert doc.meta.date == dt.date(2017, 2, 1)
    assert doc.meta.title.startswith("Police and Crime Commissioner's Police and Crime Plan (Community")


def test_the_contact_line_is_the_shared_one(cambs: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12: the composers' contact line is written in one place (compose.parts.contact_line)."""
    import pccplan.compose.panel_report as module
    from pccplan.compose.parts import contact_line

    author = Contact(name="Jane Smith", organisation="OPCC", email="jane@example.gov.uk")
    report = PanelReport(meeting=dt.date(2017, 2, 1), author=author)
    term = term_for(dt.date(2016, 5, 5), cambs.area)
    assert f"Contact: {contact_line(author)}" in text(panel_report_document(report, cambs, term=term))
    assert "Contact: Jane Smith, OPCC (jane@example.gov.uk)" in text(
        panel_report_document(report, cambs, term=term)
    )
    monkeypatch.setattr(module, "contact_line", lambda contact: "the shared line")
    assert "Contact: the shared line" in text(panel_report_document(report, cambs, term=term))


def test_s7_elements_in_force_after_2014_have_seven_bullets(cambs: Plan) -> None:
    doc = panel_report_document(
        PanelReport(meeting=dt.date(2017, 2, 1)), cambs, term=term_for(dt.date(2016, 5, 5), cambs.area)
    )
    lists = [n for n in iter_nodes(doc) if isinstance(n, BulletList)]
    assert len(lists[0].items) == 7
    assert "victims' service grants" in text(doc)


def test_2012_plan_uses_the_text_as_enacted() -> None:
    plan = simple_plan("kent")
    doc = panel_report_document(
        PanelReport(meeting=dt.date(2013, 2, 5)), plan, term=term_for(dt.date(2012, 11, 15), plan.area)
    )
    body = text(doc)
    assert "(31 March 2013)" in body
    assert "any crime and disorder reduction grants which the Commissioner is to make" in body
    assert "victims' service grants" not in body
    lists = [n for n in iter_nodes(doc) if isinstance(n, BulletList)]
    assert len(lists[0].items) == 6


def test_spr_footnote_is_a_real_note(cambs: Plan) -> None:
    doc = panel_report_document(
        PanelReport(meeting=dt.date(2017, 2, 1)), cambs, term=term_for(dt.date(2016, 5, 5), cambs.area)
    )
    notes = [n for n in iter_nodes(doc) if isinstance(n, Note)]
    assert len(notes) == 1
    assert SPR_NOTE.split(" view ")[0] in text(doc)


def test_pfcc_area_2021() -> None:
    plan = simple_plan("essex", commissioner="Roger Hirst")
    assert plan.commissioner.effective_title == "Police, Fire and Crime Commissioner"
    doc = panel_report_document(
        PanelReport(meeting=dt.date(2021, 11, 1)), plan, term=term_for(dt.date(2021, 5, 6), plan.area)
    )
    body = text(doc)
    assert "with the Police, Fire and Crime Commissioner\u2019s (the \u201cCommissioner\u201d) draft" in body
    assert "Police, Fire and Crime Panel (the \u201cPanel\u201d)" in body
    assert "(31 March 2022)" in body
    assert "Fire and Rescue National Framework" in body
    assert "Essex Police, Fire and Crime Panel" in body
    assert doc.meta.author == "Office of the Police, Fire and Crime Commissioner for Essex"


def test_mayoral_area_2021() -> None:
    plan = simple_plan("west-yorkshire", commissioner="Tracy Brabin")
    assert plan.commissioner.effective_title == "Mayor of West Yorkshire"
    doc = panel_report_document(
        PanelReport(meeting=dt.date(2021, 12, 1)), plan, term=term_for(dt.date(2021, 5, 6), plan.area)
    )
    body = text(doc)
    assert "with the Mayor of West Yorkshire\u2019s (the \u201cMayor\u201d) draft" in body
    assert "the Mayor has a statutory duty to issue a Plan" in body
    assert "(31 March 2022)" in body
    assert "West Yorkshire Police and Crime Panel" in body
    assert doc.meta.author == "Office of the Mayor of West Yorkshire"


def test_welsh_area_says_it_publishes_in_both_languages() -> None:
    plan = simple_plan("gwent")
    doc = panel_report_document(
        PanelReport(meeting=dt.date(2021, 11, 1)), plan, term=term_for(dt.date(2021, 5, 6), plan.area)
    )
    assert "published in Welsh and English" in text(doc)
    assert "Gwent Police and Crime Panel" in text(doc)


def test_variation_reads_as_a_variation(cambs: Plan) -> None:
    report = PanelReport(meeting=dt.date(2019, 1, 10), variation=True)
    doc = panel_report_document(
        report, cambs, term=term_for(dt.date(2016, 5, 5), cambs.area), issued=dt.date(2019, 2, 1)
    )
    body = text(doc)
    assert "draft variation of the Police and Crime Plan" in body
    assert "review the draft variation and make a report" in body
    assert "may vary the Plan at any time" in body
    assert "has varied the Plan" in body
    assert "31 March 2017" not in body


def test_by_election_term_has_no_deadline_sentence() -> None:
    plan = simple_plan("kent")
    term = term_for(dt.date(2022, 7, 7), plan.area, declared=dt.date(2022, 7, 8))
    assert term.plan_deadline is None
    doc = panel_report_document(PanelReport(meeting=dt.date(2022, 9, 1)), plan, term=term)
    assert "may issue a new Plan or vary the Plan at any time" in text(doc)


def test_start_day_refused_by_plan_9_is_an_error(cambs: Plan) -> None:
    report = PanelReport(meeting=dt.date(2017, 2, 1), effective_from=dt.date(2017, 4, 2))
    with pytest.raises(QualifyingDayError, match="2017-04-02"):
        panel_report_document(report, cambs, term=term_for(dt.date(2016, 5, 5), cambs.area))


def test_caller_can_replace_and_drop_library_sections(cambs: Plan) -> None:
    report = PanelReport(
        meeting=dt.date(2017, 2, 1),
        sections=[ReportSection(heading="Purpose", key="purpose", paragraphs=["Our own purpose."])],
        drop=["terms-of-reference"],
    )
    doc = panel_report_document(report, cambs, term=term_for(dt.date(2016, 5, 5), cambs.area))
    assert "Terms of Reference" not in headings(doc)
    assert "1.1 Our own purpose." in text(doc)
    with pytest.raises(ValidationError) as caught:
        panel_report_document(
            attrs.evolve(report, drop=["budget"]), cambs, term=term_for(dt.date(2016, 5, 5), cambs.area)
        )
    assert caught.value.path == "drop[0]"
    assert caught.value.value == "budget"


def test_background_documents_are_links_with_the_act_first(cambs: Plan) -> None:
    report = PanelReport(
        meeting=dt.date(2017, 2, 1),
        background_documents=[
            BackgroundDocument(title="Panel papers", url="https://democracy.example.gov.uk/")
        ],
    )
    doc = panel_report_document(report, cambs, term=term_for(dt.date(2016, 5, 5), cambs.area))
    links = [n for n in iter_nodes(sections(doc)[-1]) if isinstance(n, Link)]
    assert [link.url for link in links] == [
        "https://www.legislation.gov.uk/ukpga/2011/13/contents",
        "https://democracy.example.gov.uk/",
    ]


def test_markup_in_caller_text_becomes_links_and_notes_and_errors_name_the_field(cambs: Plan) -> None:
    good = ReportSection(
        heading="Development",
        paragraphs=[ReportParagraph(text="See [the survey](https://example.gov.uk/s)^[Over 3,500 replies.]")],
    )
    term = term_for(dt.date(2016, 5, 5), cambs.area)
    doc = panel_report_document(PanelReport(meeting=dt.date(2017, 2, 1), sections=[good]), cambs, term=term)
    own = sections(doc)[4]
    assert any(isinstance(n, Link) for n in iter_nodes(own))
    assert any(isinstance(n, Note) for n in iter_nodes(own))
    bad = ReportSection(heading="Development", paragraphs=["ok", "See [the survey(https://x.gov.uk)"])
    with pytest.raises(ValidationError) as caught:
        panel_report_document(PanelReport(meeting=dt.date(2017, 2, 1), sections=[bad]), cambs, term=term)
    assert caught.value.path.startswith("sections[0].paragraphs[1].text")


def test_appendices_are_listed_and_exempt_ones_marked(cambs: Plan) -> None:
    report = PanelReport(
        meeting=dt.date(2017, 2, 1),
        appendices=[
            Appendix(label="A", title="The draft Plan"),
            Appendix(label="B", title="Costings", paragraphs=["Secret sums."], exempt=Exemption(paragraph=3)),  # type: ignore[arg-type]
        ],
    )
    doc = panel_report_document(report, cambs, term=term_for(dt.date(2016, 5, 5), cambs.area))
    assert "Appendices" in headings(doc)
    assert "Appendix B: Costings" in headings(doc)
    appendix = sections(doc)[-1]
    assert appendix.exempt is not None
    assert appendix.exempt.paragraph == 3


def _draft_docx(folder: Path) -> Path:
    from pccplan.compose import document, para
    from pccplan.render.docx.writer import render as render_docx

    path = folder / "draft-plan.docx"
    path.write_bytes(render_docx(document(para("The draft."), title="Draft", author="OPCC")))
    return path


def test_an_appendix_file_is_an_attached_file_under_its_own_heading(
    cambs: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pccplan.compose.tree import AttachedFile

    monkeypatch.chdir(tmp_path)  # a path in Python is from the current folder
    path = _draft_docx(Path())
    report = PanelReport(
        meeting=dt.date(2017, 2, 1),
        appendices=[Appendix(label="A", title="The draft Plan", paragraphs=["Its summary."], file=str(path))],
    )
    doc = panel_report_document(report, cambs, term=term_for(dt.date(2016, 5, 5), cambs.area))
    appendix = sections(doc)[-1]
    assert appendix.title == "Appendix A: The draft Plan"
    assert appendix.new_page
    assert isinstance(appendix.blocks[-1], AttachedFile)
    assert appendix.blocks[-1] == AttachedFile(label="A", title="The draft Plan", path=str(path))
    assert "Appendix A - The draft Plan" in text(doc)  # still listed under Appendices


@pytest.mark.parametrize("content", [None, b"not a zip", b"%PDF-1.7"])
def test_an_appendix_file_that_cannot_be_attached_is_refused_naming_field_and_path(
    cambs: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes | None
) -> None:
    monkeypatch.chdir(tmp_path)
    path = Path("draft-plan.docx")
    if content is not None:
        path.write_bytes(content)
    report = PanelReport(
        meeting=dt.date(2017, 2, 1), appendices=[Appendix(label="A", title="The draft Plan", file=str(path))]
    )
    with pytest.raises(ValidationError) as caught:
        panel_report_document(report, cambs, term=term_for(dt.date(2016, 5, 5), cambs.area))
    assert caught.value.path == "appendices[0].file"
    assert caught.value.value == str(path)
    assert caught.value.reason.startswith("cannot be attached: draft-plan.docx: ")


def test_library_section_keys_are_stable() -> None:
    assert LIBRARY_SECTIONS[0] == "purpose"
    assert "next-steps" in LIBRARY_SECTIONS


def test_the_report_names_the_area_and_title_of_another_office() -> None:
    plan = simple_plan("staffordshire", title="Staffordshire Police and Crime Plan", commissioner="Ben Adams")
    doc = panel_report_document(
        PanelReport(meeting=dt.date(2021, 10, 4)), plan, term=term_for(dt.date(2021, 5, 6), plan.area)
    )
    assert "Staffordshire Police, Fire and Crime Panel" in text(doc)
    assert "Cambridgeshire" not in text(doc)


def test_term_defaults_to_the_commissioners_election(cambs: Plan) -> None:
    report = PanelReport(meeting=dt.date(2017, 2, 1))
    explicit = panel_report_document(report, cambs, term=term_for(dt.date(2016, 5, 5), cambs.area))
    assert panel_report_document(report, cambs) == explicit
    unelected = simple_plan("kent")
    with pytest.raises(ValidationError) as caught:
        panel_report_document(report, unelected)
    assert caught.value.path == "commissioner.elected"


# -- the report as a Word file ------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _parts(data: bytes) -> dict[str, bytes]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


@pytest.fixture(scope="module")
def seed_docx(cambs: Plan) -> bytes:
    from pccplan.examples import example_report_inputs
    from pccplan.render import render

    data = render(panel_report_document(example_report_inputs(), cambs), "docx")
    assert isinstance(data, bytes)
    return data


def test_docx_numbering_headings_and_bullets(seed_docx: bytes) -> None:
    from lxml import etree

    files = _parts(seed_docx)
    body = etree.fromstring(files["word/document.xml"])
    headings = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle[@{W}val='Heading1']") is not None]
    assert len(headings) == 7
    assert all(h.find(f"{W}pPr/{W}numPr/{W}ilvl").get(f"{W}val") == "0" for h in headings)
    numbered = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr/{W}ilvl[@{W}val='1']") is not None]
    assert len(numbered) == 18  # 1.1 ... 7.2, as Word list numbering, not typed numbers
    assert not any((t.text or "").startswith(("1.1", "4.3")) for t in body.iter(f"{W}t"))
    numbering = etree.fromstring(files["word/numbering.xml"])
    assert {lvl.get(f"{W}val") for lvl in numbering.iter(f"{W}lvlText")} >= {"%1.", "%1.%2"}
    assert any(fmt.get(f"{W}val") == "bullet" for fmt in numbering.iter(f"{W}numFmt"))
    assert "\u2022" not in files["word/document.xml"].decode()


def test_docx_footnote_hyperlinks_and_properties(seed_docx: bytes) -> None:
    from lxml import etree

    files = _parts(seed_docx)
    notes = etree.fromstring(files["word/footnotes.xml"])
    texts = ["".join(t.text or "" for t in n.iter(f"{W}t")) for n in notes.iter(f"{W}footnote")]
    assert any("The Strategic Policing Requirement (SPR) sets out" in t for t in texts)
    assert b"footnoteReference" in files["word/document.xml"]
    rels = files["word/_rels/document.xml.rels"].decode()
    assert 'Target="https://www.legislation.gov.uk/ukpga/2011/13/contents" TargetMode="External"' in rels
    assert "democracy.peterborough.gov.uk" in rels
    core = files["docProps/core.xml"].decode()
    assert "<dc:title>Police and Crime Commissioner's Police and Crime Plan" in core
    assert "<dc:language>en-GB</dc:language>" in core
    assert "Office of the Police and Crime Commissioner for Cambridgeshire and Peterborough" in core
    assert "2017-02-01T00:00:00Z" in core
    assert not any(b"python-docx" in content for content in files.values())
    assert not any(name.startswith("docProps/thumbnail") for name in files)


def test_docx_first_page_has_no_running_header_but_page_numbers(seed_docx: bytes) -> None:
    document = _parts(seed_docx)["word/document.xml"].decode()
    assert "<w:titlePg/>" in document
    assert 'w:footerReference w:type="first"' in document
    assert 'w:headerReference w:type="first"' not in document
    header = next(v for k, v in _parts(seed_docx).items() if k.startswith("word/header")).decode()
    assert "Draft Police and Crime Plan" in header
    footer = next(v for k, v in _parts(seed_docx).items() if k.startswith("word/footer")).decode()
    assert "NUMPAGES" in footer
    assert " PAGE " in footer


def test_docx_is_byte_for_byte_repeatable(cambs: Plan, seed_docx: bytes) -> None:
    from pccplan.examples import example_report_inputs
    from pccplan.render import render

    assert render(panel_report_document(example_report_inputs(), cambs), "docx") == seed_docx


SAFE = st.text(
    st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs"), whitelist_characters=".,;:'-\u2019\u00a3()"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")


@st.composite
def local_reports(draw: st.DrawFn) -> PanelReport:
    paragraphs = st.builds(ReportParagraph, text=SAFE, bullets=st.lists(SAFE, max_size=2))
    return PanelReport(
        meeting=draw(st.dates(min_value=dt.date(2016, 6, 1), max_value=dt.date(2017, 3, 1))),
        agenda_item=draw(st.none() | SAFE),
        sections=draw(
            st.lists(
                st.builds(ReportSection, heading=SAFE, paragraphs=st.lists(paragraphs, max_size=3)),
                max_size=3,
            )
        ),
        background_documents=draw(st.lists(st.builds(BackgroundDocument, title=SAFE), max_size=2)),
        expected_launch=draw(st.none() | st.just(dt.date(2017, 3, 1))),
        effective_from=draw(st.none() | st.just(dt.date(2017, 4, 1))),
    )


@given(report=local_reports())
@settings(max_examples=25)
def test_any_valid_report_renders_and_its_text_comes_back_in_order(cambs: Plan, report: PanelReport) -> None:

    from pccplan.compose.tree import Paragraph
    from pccplan.compose.walk import inline_text
    from pccplan.render import render

    doc = panel_report_document(report, cambs)
    data = render(doc, "docx")
    assert isinstance(data, bytes)
    shown = " ".join(read_docx(data).text.split())  # the text as Word shows it, numbers included
    in_notes = {id(p) for n in iter_nodes(doc) if isinstance(n, Note) for p in n.content}
    position = 0
    for node in iter_nodes(doc):
        if isinstance(node, Paragraph) and id(node) not in in_notes:  # notes come last in the text
            words = " ".join(inline_text(node.content, lambda _: 0).split())
            words = words.split("0", 1)[0].strip() if "0" in words else words  # up to any note mark
            found = shown.find(words, position)
            assert found >= 0, words
            position = found


def test_term_of_refuses_a_poll_one_day_off_unless_declared_a_by_election() -> None:
    import datetime as dt

    from pccplan.compose.panel_report import term_of
    from pccplan.errors import ValidationError
    from pccplan.model.plan import Commissioner, Plan

    off = Plan(title="P", area="kent", commissioner=Commissioner(name="A", elected=dt.date(2021, 5, 7)))
    with pytest.raises(ValidationError, match="nearest ordinary poll is 2021-05-06") as caught:
        term_of(off)
    assert caught.value.path == "commissioner.elected"
    declared = Commissioner(name="A", elected=dt.date(2021, 11, 25), by_election=True)
    assert term_of(Plan(title="P", area="north-yorkshire", commissioner=declared)).plan_deadline is None
    too_late = Commissioner(name="A", elected=dt.date(2024, 2, 1), by_election=True)
    with pytest.raises(ValidationError, match=r"s\.51\(7\)"):
        term_of(Plan(title="P", area="kent", commissioner=too_late))


def test_london_report_names_mopac_the_committee_and_the_metropolitan_commissioner() -> None:
    doc = panel_report_document(PanelReport(meeting=MEETING), london_plan())
    body = assert_london(
        doc,
        "provide the London Assembly\u2019s Police and Crime Committee (the \u201cCommittee\u201d) with the "
        "Mayor's Office for Policing and Crime\u2019s (MOPAC) draft",
        "The Committee is recommended to review the draft Plan",
        "given to the Committee by MOPAC.",
        "MOPAC has a statutory duty to issue a Plan as soon as practicable after the Mayor takes office",
        f"ensure the {METROPOLIS} fulfils",
        f"a copy must be sent to the {METROPOLIS}",
        f"the policing of the area which the {METROPOLIS} is to provide;",
    )
    assert "Police and Crime Commissioners and Chief Constables" not in body  # the SPR footnote too
    assert doc.meta.author == "Mayor's Office for Policing and Crime"
