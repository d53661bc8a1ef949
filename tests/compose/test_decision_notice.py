"""The decision notice issuing or varying a plan: what it says for several areas and years (seed 001)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import strategies as st
from tests.conftest import docx_part, pandoc_text
from tests.strategies import areas, attempt, decision_notices, field_at, renderable, run_counted, tree_text

from pccplan.compose.decision_notice import decision_notice_document, decision_title
from pccplan.compose.tree import Document, Link, Section, Table
from pccplan.compose.walk import inline_text, iter_nodes, plain_text, public_view
from pccplan.errors import StatuteError, ValidationError
from pccplan.files import load
from pccplan.model.area import PoliceArea, find_area
from pccplan.model.decision import DecisionKind, DecisionNotice
from pccplan.model.document import BackgroundDocument, Exemption, ReportParagraph
from pccplan.model.panel import Response
from pccplan.model.plan import Commissioner, Period, Plan, Theme
from pccplan.model.process import PlanProcess
from pccplan.render import render

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def cambs() -> Plan:
    return load(EXAMPLES / "cambridgeshire-2021.yaml", Plan)


@pytest.fixture(scope="module")
def notice() -> DecisionNotice:
    return load(EXAMPLES / "cambridgeshire-2021-decision-notice.yaml", DecisionNotice)


@pytest.fixture(scope="module")
def response() -> Response:
    return load(EXAMPLES / "cambridgeshire-2021-response.yaml", Response)


def plan_for(area: str, name: str, poll: dt.date, **process: object) -> Plan:
    place = find_area(area)
    return Plan(
        title="Police and Crime Plan",
        area=place,
        commissioner=Commissioner.for_area(name, place, poll + dt.timedelta(days=7), elected=poll),
        themes=[Theme(name="Victims", aim="Support victims")],
        process=PlanProcess(**process) if process else None,  # type: ignore[arg-type]
    )


def notice_by(plan: Plan, day: dt.date, **fields: object) -> DecisionNotice:
    fields.setdefault("decision", "To issue the Police and Crime Plan")
    return DecisionNotice(date=day, made_by=plan.commissioner, **fields)  # type: ignore[arg-type]


def headings(doc: Document) -> list[str]:
    return [b.title for b in doc.blocks if isinstance(b, Section)]


def test_seed_001_title_and_statutory_paragraphs(
    cambs: Plan, notice: DecisionNotice, response: Response
) -> None:
    doc = decision_notice_document(notice, cambs, response=response)
    body = plain_text(doc)
    assert doc.meta.title == "Issuing of Police and Crime Plan 2021 \u2013 2024"
    assert body.splitlines()[:2] == [doc.meta.title, "To issue the Police and Crime Plan"]
    assert (
        "The Police and Crime Commissioner (the \u201cCommissioner\u201d) has a statutory duty to issue a "
        "Police and Crime Plan (the \u201cPlan\u201d) as soon as practicable after taking office \u2013 "
        "specifically before the end of the financial year in which they are elected (31 March 2022)."
    ) in body
    assert "\u2022 prepare a draft of the Plan;" in body
    assert "\u2022 send the draft Plan to the Police and Crime Panel (the \u201cPanel\u201d)." in body
    assert (
        "at its meeting on 15 November 2021. The Panel reviewed the draft Plan and agreed and endorsed"
        in body
    )
    assert "sent a response to the Panel on 22 November 2021 noting their recommendations" in body
    assert "\u2022 publish any such response." in body
    assert "responsible authority in the area" in body
    assert headings(doc) == [
        "Decision Summary",
        "Financial Implications",
        "Legal Implications",
        "Declarations of Interest",
    ]
    assert (
        doc.meta.author == "Office of the Police and Crime Commissioner for Cambridgeshire and Peterborough"
    )
    assert doc.meta.date == dt.date(2021, 11, 30)


def test_links_are_links_with_descriptive_text(cambs: Plan, notice: DecisionNotice) -> None:
    doc = decision_notice_document(notice, cambs)
    links = [n for n in iter_nodes(doc) if isinstance(n, Link)]
    assert [link.url for link in links] == [
        "https://www.legislation.gov.uk/ukpga/2011/13/section/5",
        "https://democracy.peterborough.gov.uk/ieListMeetings.aspx?CommitteeId=543",
        "https://www.cambridgeshire-pcc.gov.uk/police-and-crime-plan/",
    ]
    assert [inline_text(link.content, lambda _: 0) for link in links] == [
        "Section 5 of the Police Reform and Social Responsibility Act 2011",
        "the Panel\u2019s website",
        "the Commissioner\u2019s website",
    ]
    # Without the response object the sentence does not claim how the recommendations were answered.
    assert "sent a response to the Panel on 22 November 2021 on the Panel\u2019s report" in plain_text(doc)


def test_record_table_has_a_marked_header_row(cambs: Plan, notice: DecisionNotice) -> None:
    doc = decision_notice_document(notice, cambs)
    tables = [n for n in iter_nodes(doc) if isinstance(n, Table)]
    assert len(tables) == 1
    assert tables[0].header is not None
    assert "Decision number" in plain_text(doc)
    assert "2021/046" in plain_text(doc)
    assert "<w:tblHeader/>" in docx_part(render(doc, "docx"))


def test_same_input_same_bytes(cambs: Plan, notice: DecisionNotice, response: Response) -> None:
    first = render(decision_notice_document(notice, cambs, response=response), "docx")
    assert render(decision_notice_document(notice, cambs, response=response), "docx") == first


def test_cambridgeshire_2016_title_years_come_from_the_poll_expected_on_issue() -> None:
    plan = plan_for("cambridgeshire", "Jason Ablewhite", dt.date(2016, 5, 5))
    doc = decision_notice_document(notice_by(plan, dt.date(2017, 3, 20)), plan)
    # Issued before 25 March 2020, the plan expected the May 2020 poll (PLAN-9).
    assert doc.meta.title == "Issuing of Police and Crime Plan 2017 \u2013 2021"
    assert "(31 March 2017)" in plain_text(doc)


def test_plan_period_overrides_the_years() -> None:
    plan = attrs.evolve(
        plan_for("cambridgeshire", "Darryl Preston", dt.date(2021, 5, 6)),
        period=Period(start=dt.date(2022, 4, 1), end=dt.date(2025, 3, 31)),
    )
    assert decision_title(plan, notice_by(plan, dt.date(2022, 1, 10))) == (
        "Issuing of Police and Crime Plan 2022 \u2013 2025"
    )


def test_pfcc_area() -> None:
    plan = plan_for("essex", "Roger Hirst", dt.date(2021, 5, 6), panel_meeting=dt.date(2021, 11, 1))
    body = plain_text(decision_notice_document(notice_by(plan, dt.date(2021, 12, 1)), plan))
    assert (
        "The Police, Fire and Crime Commissioner (the \u201cCommissioner\u201d) has a statutory duty" in body
    )
    assert "Fire and Rescue National Framework in issuing the Plan" in body
    assert "send the draft Plan to the Police, Fire and Crime Panel (the \u201cPanel\u201d)." in body
    assert "Roger Hirst, Police, Fire and Crime Commissioner" in body


def test_mayoral_area() -> None:
    plan = plan_for("west-yorkshire", "Tracy Brabin", dt.date(2021, 5, 6))
    doc = decision_notice_document(notice_by(plan, dt.date(2022, 3, 1)), plan)
    body = plain_text(doc)
    assert doc.meta.title == "Issuing of Police and Crime Plan 2022 \u2013 2025"
    assert "The Mayor of West Yorkshire (the \u201cMayor\u201d) has a statutory duty" in body
    assert "(31 March 2022)" in body
    assert "the Mayor must:" in body
    assert "publish the Plan on the Mayor\u2019s website" in body
    assert doc.meta.author == "Office of the Mayor of West Yorkshire"


def test_welsh_area_has_the_welsh_language_lines() -> None:
    plan = plan_for("gwent", "Jeff Cuthbert", dt.date(2021, 5, 6))
    body = plain_text(decision_notice_document(notice_by(plan, dt.date(2022, 2, 1)), plan))
    assert "Welsh Language Standards" in body
    assert "Mae\u2019r ddogfen hon ar gael yn Gymraeg." in body
    english = plan_for("kent", "Matthew Scott", dt.date(2021, 5, 6))
    assert "Welsh" not in plain_text(
        decision_notice_document(notice_by(english, dt.date(2022, 2, 1)), english)
    )


def test_variation_and_a_plan_issued_at_will() -> None:
    plan = plan_for("kent", "Matthew Scott", dt.date(2021, 5, 6))
    varied = decision_notice_document(
        notice_by(
            plan, dt.date(2023, 6, 1), decision="To vary the Plan", decision_kind=DecisionKind.VARY_PLAN
        ),
        plan,
    )
    body = plain_text(varied)
    assert varied.meta.title == "Variation of Police and Crime Plan 2023 \u2013 2025"
    assert "may vary the Police and Crime Plan (the \u201cPlan\u201d) at any time" in body
    assert "prepare a draft of the variation;" in body
    assert "31 March 2022" not in body
    further = attrs.evolve(notice_by(plan, dt.date(2023, 6, 1)), further_plan=True)
    later = plain_text(decision_notice_document(further, plan))
    assert (
        "may issue a new Police and Crime Plan (the \u201cPlan\u201d) or vary the Plan at any time" in later
    )


def test_a_plan_issued_after_the_deadline_is_issued_late_under_the_duty() -> None:
    # North Yorkshire DN 09/2022 was issued on 19 May 2022, after 31 March (real-documents #6);
    # here a Kent plan of an ordinary 2021 term issued in May 2022.
    plan = plan_for("kent", "Matthew Scott", dt.date(2021, 5, 6))
    late = plain_text(decision_notice_document(notice_by(plan, dt.date(2022, 5, 19)), plan))
    assert "has a statutory duty to issue a Police and Crime Plan" in late
    assert "(31 March 2022)" in late
    assert "issued under that duty on 19 May 2022, after that day: it is issued late." in late
    assert "may issue a new" not in late


def test_other_decisions_carry_only_the_callers_text() -> None:
    plan = plan_for("kent", "Matthew Scott", dt.date(2021, 5, 6))
    doc = decision_notice_document(
        notice_by(
            plan,
            dt.date(2022, 6, 1),
            decision="To fund a rural crime team",
            decision_kind=DecisionKind.OTHER,
            summary=["A team of six officers."],
        ),
        plan,
    )
    assert doc.meta.title == "To fund a rural crime team"
    assert "Section 5" not in plain_text(doc)
    assert "A team of six officers." in plain_text(doc)


def test_only_the_commissioner_may_issue_the_plan(cambs: Plan, notice: DecisionNotice) -> None:
    deputy = attrs.evolve(notice, made_by=Commissioner(name="A Deputy", title="Deputy Commissioner"))
    with pytest.raises(ValidationError, match="ACT-1") as caught:
        decision_notice_document(deputy, cambs)
    assert caught.value.path == "made_by.name"


def test_a_plan_cannot_be_issued_before_the_panel_has_reviewed_it(
    cambs: Plan, notice: DecisionNotice
) -> None:
    early = attrs.evolve(notice, date=dt.date(2021, 11, 10))
    with pytest.raises(ValidationError, match="PLAN-4") as caught:
        decision_notice_document(early, cambs)
    assert caught.value.path == "date"


def test_a_bad_recorded_url_is_refused_naming_the_field(cambs: Plan, notice: DecisionNotice) -> None:
    assert cambs.process is not None
    bad = attrs.evolve(cambs, process=attrs.evolve(cambs.process, panel_report_url="the panel site"))
    with pytest.raises(ValidationError) as caught:
        decision_notice_document(notice, bad)
    assert caught.value.path == "plan.process.panel_report_url"


def test_caller_markup_errors_name_the_field(cambs: Plan, notice: DecisionNotice) -> None:
    bad = attrs.evolve(notice, consultation=["ok", "See [the board(https://x.gov.uk)"])
    with pytest.raises(ValidationError) as caught:
        decision_notice_document(bad, cambs)
    assert caught.value.path.startswith("consultation[1].text")


def test_exempt_parts_are_declared_and_left_out_of_the_public_view(
    cambs: Plan, notice: DecisionNotice
) -> None:
    secret = ReportParagraph(text="The costs of the launch.", exempt=Exemption(paragraph=3))
    doc = decision_notice_document(
        attrs.evolve(
            notice,
            summary=(*notice.summary, secret),
            exempt=Exemption(paragraph=7, reason="operational policing details"),
        ),
        cambs,
    )
    body = plain_text(doc)
    assert headings(doc)[-1] == "Publication"
    assert (
        "exempt from publication under paragraph 7 of Schedule 12A to the Local Government Act 1972 "
        "(operational policing details)" in body
    )
    assert "under paragraph 3 of Schedule 12A" in body
    assert "Yes: see Publication" in body
    public = plain_text(public_view(doc))
    assert "The costs of the launch." not in public
    assert "paragraph 3 of Schedule 12A" in public
    plain = decision_notice_document(notice, cambs)
    assert "Publication" not in headings(plain)


@pytest.mark.slow
def test_pandoc_reads_the_notice(tmp_path: Path, cambs: Plan, notice: DecisionNotice) -> None:
    text = pandoc_text(render(decision_notice_document(notice, cambs), "docx"), tmp_path)
    assert "To issue the Police and Crime Plan" in text
    assert "Decision Summary" in text


IN_OFFICE = st.dates(min_value=dt.date(2021, 5, 13), max_value=dt.date(2024, 5, 1))
"""Days in the term after the poll of 6 May 2021, when the commissioner may make decisions."""


def elected_2021(notice: DecisionNotice, area: PoliceArea) -> Plan:
    commissioner = attrs.evolve(notice.made_by, elected=dt.date(2021, 5, 6))
    return Plan(title="Police and Crime Plan", area=area, commissioner=commissioner)


def test_any_valid_notice_composes_with_its_date_and_title_and_renders() -> None:
    def check(notice: DecisionNotice, area: PoliceArea, day: dt.date) -> bool:
        notice = attrs.evolve(notice, date=day)
        plan = elected_2021(notice, area)
        doc = decision_notice_document(notice, plan)
        assert doc.meta.date == day
        assert doc.meta.title == tree_text(decision_title(plan, notice))
        assert render(doc, "markdown")
        return True

    # every drawn notice is valid: none may be refused
    run_counted(check, at_least=1.0, notice=renderable.decision_notices, area=areas, day=IN_OFFICE)


def test_any_notice_composes_or_is_refused_naming_the_field_and_value() -> None:
    def check(notice: DecisionNotice, area: PoliceArea) -> bool:
        result = attempt(lambda: decision_notice_document(notice, elected_2021(notice, area)))
        if isinstance(result, ValidationError):  # caller markup: the path leads to the text refused
            assert result.path.endswith(".markup"), result
            assert field_at(notice, result.path.removesuffix(".markup")) == result.value
        elif isinstance(result, StatuteError):  # a decision outside the term: the message gives the day
            assert notice.date.isoformat() in str(result), result
        else:
            assert isinstance(result, Document), result
            assert result.meta.date == notice.date
        return True

    run_counted(check, notice=decision_notices, area=areas)


def test_a_note_in_a_linked_background_title_is_refused_naming_the_title(
    cambs: Plan, notice: DecisionNotice
) -> None:
    linked = BackgroundDocument(title="The report^[As amended.]", url="https://www.example.gov.uk/report")
    with pytest.raises(ValidationError) as caught:
        decision_notice_document(attrs.evolve(notice, background_documents=[linked]), cambs)
    assert caught.value.path == "background_documents[0].title.markup"


def test_docx_properties_come_from_the_notice(cambs: Plan, notice: DecisionNotice) -> None:
    data = render(decision_notice_document(notice, cambs), "docx")
    assert isinstance(data, bytes)
    core = docx_part(data, "docProps/core.xml")
    assert "<dc:title>Issuing of Police and Crime Plan 2021 \u2013 2024</dc:title>" in core
    assert "Office of the Police and Crime Commissioner for Cambridgeshire and Peterborough" in core
    assert "2021-11-30" in core


def test_another_kind_of_decision_keeps_its_consultation(cambs: Plan, notice: DecisionNotice) -> None:
    # The consultation was dropped when the decision was not about the plan: accepted and never shown.
    other = attrs.evolve(
        notice,
        decision_kind=DecisionKind.OTHER,
        summary=("The summary.",),
        consultation=("The consultation.",),
    )
    body = plain_text(decision_notice_document(other, cambs))
    assert body.index("The summary.") < body.index("The consultation.")


def test_an_exempt_notice_of_another_kind_is_titled_by_its_number_not_its_decision(
    cambs: Plan, notice: DecisionNotice
) -> None:
    other = attrs.evolve(notice, decision_kind=DecisionKind.OTHER, title=None, decision="To pay Qvoxt Ltd")
    assert decision_title(cambs, other) == "To pay Qvoxt Ltd"
    exempt = attrs.evolve(other, exempt=Exemption(paragraph=3))
    assert decision_title(cambs, exempt) == f"Decision {notice.number}"
    assert decision_title(cambs, attrs.evolve(exempt, number=None)) == "Decision"
    public = plain_text(public_view(decision_notice_document(exempt, cambs)))
    assert "Qvoxt" not in public


def test_several_panel_meetings_and_a_working_group_are_each_said_once_in_date_order() -> None:
    from pccplan.model.process import Review, ReviewKind

    # Cleveland 2016: three Panel meetings on one draft (real-documents #15); Sussex 2017: a working group.
    plan = plan_for(
        "cleveland",
        "Barry Coppinger",
        dt.date(2016, 5, 5),
        reviews=[
            Review(kind=ReviewKind.PANEL_MEETING, date=dt.date(2016, 11, 10), endorsed=True),
            Review(
                kind=ReviewKind.PANEL_MEETING,
                date=dt.date(2016, 7, 21),
                outcome="It asked for a fuller draft.",
            ),
            Review(kind=ReviewKind.WORKING_GROUP, date=dt.date(2016, 9, 8), body="PCP working group"),
            Review(kind=ReviewKind.PANEL_MEETING, date=dt.date(2016, 9, 8)),
        ],
    )
    body = plain_text(decision_notice_document(notice_by(plan, dt.date(2016, 12, 8)), plan))
    said = [
        "The Panel considered the draft Plan at its meeting on 21 July 2016. It asked for a fuller draft.",
        "The draft Plan was considered by the PCP working group on 8 September 2016.",
        "The Panel considered the draft Plan at its meeting on 8 September 2016.",
        "The Panel considered the draft Plan at its meeting on 10 November 2016. It agreed and endorsed",
    ]
    places = [body.index(s) for s in said]
    assert places == sorted(places)
    # Nothing unrecorded is asserted: no report, no recommendations, no count.
    assert "produced a report" not in body
    assert "recommendations" not in body.split("Under Section 5 of the Act the Commissioner must:")[0]


def test_a_recorded_report_is_a_report_unless_a_response_shows_recommendations() -> None:
    plan = plan_for(
        "kent",
        "Matthew Scott",
        dt.date(2021, 5, 6),
        panel_meeting=dt.date(2022, 2, 1),
        panel_report=dt.date(2022, 2, 3),
    )
    body = plain_text(decision_notice_document(notice_by(plan, dt.date(2022, 3, 1)), plan))
    assert "The Panel produced a report on the draft Plan on 3 February 2022." in body
    assert "report of their recommendations" not in body


def test_london_names_mopac_the_mayor_the_committee_and_the_metropolitan_commissioner() -> None:
    plan = plan_for("london", "Sadiq Khan", dt.date(2021, 5, 6), panel_meeting=dt.date(2022, 1, 12))
    doc = decision_notice_document(notice_by(plan, dt.date(2022, 3, 24)), plan)
    body = plain_text(doc)
    assert "The Mayor's Office for Policing and Crime (MOPAC) has a statutory duty" in body
    assert "after the Mayor takes office" in body
    assert "(the \u201cMayor's Office\u201d)" not in body
    assert "Section 6 of the Police Reform and Social Responsibility Act 2011" in body
    assert "Section 5" not in body
    assert "consult the Commissioner of Police of the Metropolis in preparing the draft Plan;" in body
    assert (
        "send the draft Plan to the London Assembly\u2019s Police and Crime Committee "
        "(the \u201cCommittee\u201d)." in body
    )
    assert "The Committee considered the draft Plan at its meeting on 12 January 2022." in body
    assert "Chief Constable" not in body
    assert "Panel" not in body
    assert "the MOPAC" not in body
    assert "MOPAC will publish the Plan on MOPAC\u2019s website" in body
    assert doc.meta.author == "Mayor's Office for Policing and Crime"


def test_a_pfcc_with_no_title_is_styled_from_the_area_on_the_day() -> None:
    place = find_area("staffordshire")
    plan = Plan(
        title="Police and Crime Plan",
        area=place,
        commissioner=Commissioner(name="Ben Adams", elected=dt.date(2024, 5, 2)),
    )
    doc = decision_notice_document(notice_by(plan, dt.date(2024, 12, 1)), plan)
    body = plain_text(doc)
    assert (
        "The Police, Fire and Crime Commissioner (the \u201cCommissioner\u201d) has a statutory duty" in body
    )
    assert "Ben Adams, Police, Fire and Crime Commissioner" in body
    # Issued in 2024/25, the planning period runs to 31 March 2029 (PLAN-9), not to the term's end.
    assert doc.meta.title == "Issuing of Police and Crime Plan 2024 \u2013 2029"


def test_the_plans_own_name_titles_the_notice() -> None:
    plan = attrs.evolve(plan_for("kent", "Matthew Scott", dt.date(2021, 5, 6)), title="Making Kent Safer")
    assert decision_title(plan, notice_by(plan, dt.date(2022, 3, 1))) == "Issuing of Making Kent Safer"


def test_a_named_redline_is_cited_as_the_record_of_the_s5_8_consultation(
    cambs: Plan, notice: DecisionNotice
) -> None:
    without = plain_text(decision_notice_document(notice, cambs))
    cited = plain_text(decision_notice_document(attrs.evolve(notice, redline="plan-changes.docx"), cambs))
    line = (
        "The differences between the draft Plan and the Plan are shown as tracked changes in "
        "\u201cplan-changes.docx\u201d, the record of consulting the Chief Constable on them (Section 5(8))."
    )
    assert line not in without
    assert line in cited


def test_in_london_the_redline_is_cited_under_s6_8() -> None:
    plan = plan_for("london", "Sadiq Khan", dt.date(2021, 5, 6), panel_meeting=dt.date(2022, 1, 12))
    doc = decision_notice_document(notice_by(plan, dt.date(2022, 3, 1), redline="changes.docx"), plan)
    body = plain_text(doc)
    assert (
        "the record of consulting the Commissioner of Police of the Metropolis on them (Section 6(8))" in body
    )


def test_an_empty_redline_name_is_refused_naming_the_field(cambs: Plan) -> None:
    with pytest.raises(ValidationError) as caught:
        notice_by(cambs, dt.date(2021, 9, 1), redline="  ")
    assert caught.value.path == "redline"


def test_a_combined_authority_deputy_mayor_may_vary_the_plan_for_the_mayor() -> None:
    # West Yorkshire: SI 2021/112 Sch 5 para 21 applies s.18 to the deputy mayor for policing and crime.
    for slug, mayor, day in [
        ("west-yorkshire", "Tracy Brabin", dt.date(2021, 5, 6)),
        ("greater-manchester", "Andy Burnham", dt.date(2021, 5, 6)),
    ]:
        plan = plan_for(slug, mayor, day)
        deputy = Commissioner(name="A Deputy", title="Deputy Mayor for Policing and Crime")
        varied = notice_by(
            plan, dt.date(2023, 6, 1), decision="To vary the Plan", decision_kind=DecisionKind.VARY_PLAN
        )
        body = plain_text(decision_notice_document(attrs.evolve(varied, made_by=deputy), plan))
        office = plan.area.governance_on(dt.date(2023, 6, 1)).title
        assert f"A Deputy, Deputy Mayor for Policing and Crime, for the {office}" in body
        assert f"The {office} (the \u201cMayor\u201d) may vary" in body


def test_a_combined_authority_deputy_mayor_may_not_issue_the_plan_citing_the_order() -> None:
    plan = plan_for("west-yorkshire", "Tracy Brabin", dt.date(2021, 5, 6))
    deputy = Commissioner(name="A Deputy", title="Deputy Mayor for Policing and Crime")
    notice = attrs.evolve(notice_by(plan, dt.date(2022, 3, 1)), made_by=deputy)
    with pytest.raises(ValidationError, match=r"made_by\.title") as caught:
        decision_notice_document(notice, plan)
    assert "s.18(3)(b), (7)(a)" in str(caught.value)
    assert "SI 2021/112" in str(caught.value) or "Order 2021" in str(caught.value)
    assert "CA-1" in str(caught.value)


def test_an_unrecorded_presenter_is_not_asserted_and_a_recorded_one_is() -> None:
    from pccplan.model.process import Review, ReviewKind

    day = dt.date(2022, 2, 1)
    for presented, said in [
        (False, "The Panel considered the draft Plan at its meeting on 1 February 2022."),
        (True, "The Commissioner presented the Plan to the Panel at its meeting on 1 February 2022."),
    ]:
        review = Review(kind=ReviewKind.PANEL_MEETING, date=day, presented=presented)
        plan = plan_for("kent", "Matthew Scott", dt.date(2021, 5, 6), reviews=[review])
        body = plain_text(decision_notice_document(notice_by(plan, dt.date(2022, 3, 1)), plan))
        assert said in body
        assert ("presented" in body) is presented


def test_the_response_is_said_to_be_on_the_offices_website_only_when_recorded() -> None:
    url = "https://example.gov.uk/response"
    for on_site, said in [
        (False, f"and this is published at {url}."),
        (True, "and this is available on the Commissioner\u2019s website."),
    ]:
        recorded = {"response_given": dt.date(2022, 2, 10), "response_url": url}
        plan = plan_for(
            "kent", "Matthew Scott", dt.date(2021, 5, 6), **recorded, response_on_office_website=on_site
        )
        body = plain_text(decision_notice_document(notice_by(plan, dt.date(2022, 3, 1)), plan))
        assert said in body
        assert ("website." in body.split("publish the Plan")[0]) is on_site


def test_a_decision_maker_given_no_title_is_styled_as_the_area_was_on_the_day() -> None:
    """Bug: a `made_by` with no title read 'Police and Crime Commissioner' in a PFCC area."""
    plan = plan_for("essex", "Roger Hirst", dt.date(2021, 5, 6))
    unstyled = Commissioner(name="Roger Hirst")  # as a decision file gives it: no plan styles it
    notice = attrs.evolve(notice_by(plan, dt.date(2022, 3, 1)), made_by=unstyled)
    body = plain_text(decision_notice_document(notice, plan))
    assert "Roger Hirst, Police, Fire and Crime Commissioner" in body
    assert "Roger Hirst, Police and Crime Commissioner" not in body
