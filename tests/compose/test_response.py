"""The Commissioner's Response to the Panel (s.5(6)(e)-(f)): completeness, answers, areas and years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from tests.conftest import docx_part, pandoc_text
from tests.london import assert_london, london_plan, london_recommendations
from tests.strategies import attempt, field_at, renderable, responses, run_counted, tree_text

from pccplan.compose.build import inline
from pccplan.compose.response import check_complete, response_document
from pccplan.compose.tree import Document, Link, Section, Table
from pccplan.compose.walk import iter_nodes, plain_text
from pccplan.errors import ValidationError
from pccplan.files import load
from pccplan.model.area import find_area
from pccplan.model.panel import (
    Answer,
    PanelRecommendations,
    Recommendation,
    RecommendationResponse,
    Response,
)
from pccplan.model.plan import Commissioner, Plan
from pccplan.render import render

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def cambs() -> Plan:
    return load(EXAMPLES / "cambridgeshire-2021.yaml", Plan)


@pytest.fixture(scope="module")
def response() -> Response:
    return load(EXAMPLES / "cambridgeshire-2021-response.yaml", Response)


def response_in(area: str, name: str, meeting: dt.date, *answers: Answer) -> Response:
    place = find_area(area)
    recs = PanelRecommendations(
        panel=place.governance_on(meeting).panel_name,
        meeting=meeting,
        plan_title="Police and Crime Plan",
        recommendations=[
            Recommendation(ref=f"R{i}", text=f"Do thing {i}.") for i in range(1, len(answers) + 1)
        ],
    )
    return Response(
        commissioner=Commissioner.for_area(name, place, meeting),
        to=recs,
        answers=[
            RecommendationResponse(ref=f"R{i}", answer=a, reasons=f"Because {i}.")
            for i, a in enumerate(answers, start=1)
        ],
        given=meeting + dt.timedelta(days=10),
    )


def headings(doc: Document) -> list[str]:
    return [b.title for b in doc.blocks if isinstance(b, Section)]


def test_cambridgeshire_2021(response: Response, cambs: Plan) -> None:
    doc = response_document(response, cambs)
    body = plain_text(doc)
    assert doc.meta.title == (
        "Police and Crime Commissioner\u2019s Response to the Cambridgeshire Police and Crime Panel\u2019s "
        "Report on the Draft Police and Crime Plan 2021 - 2024"
    )
    assert headings(doc) == [
        "Introduction",
        "Summary of the Response",
        "The Commissioner\u2019s Response to Each Recommendation",
        "Giving and Publishing the Response",
    ]
    assert "Darryl Preston, Police and Crime Commissioner for Cambridgeshire and Peterborough" in body
    assert "at its meeting on 15 November 2021, endorsed it and made three recommendations." in body
    assert "Three recommendations noted." in body
    assert "Action: Align the quarterly performance report with the measures of the Plan." in body
    assert "Owner: Director of Governance, OPCC" in body
    assert "By: 30 April 2022" in body
    assert (
        "by 29 November 2021 (section 29(3) of the Act). This response was given to the Panel on "
        "22 November 2021." in body
    )
    assert "as section 5(6)(f) of the Act requires." in body
    assert [n.url for n in iter_nodes(doc) if isinstance(n, Link)] == [
        "https://www.legislation.gov.uk/ukpga/2011/13/section/5",
        "https://www.cambridgeshire-pcc.gov.uk/police-and-crime-plan/",
    ]
    assert doc.meta.date == dt.date(2021, 11, 22)


def test_the_office_website_is_named_only_when_recorded(response: Response, cambs: Plan) -> None:
    """Issue 12: a set url alone does not record whose website holds the response."""
    url = "https://www.cambridgeshire-pcc.gov.uk/police-and-crime-plan/"
    on_site = plain_text(response_document(response, cambs))
    assert "published this response on 22 November 2021 on the Commissioner\u2019s website" in on_site
    unrecorded = attrs.evolve(response, on_office_website=False)
    body = plain_text(response_document(unrecorded, cambs))
    assert "website" not in body.split("Giving and Publishing the Response")[-1]
    assert f"published this response on 22 November 2021 at {url}, as section 5(6)(f)" in body


def test_on_office_website_must_be_a_bool(response: Response) -> None:
    with pytest.raises(ValidationError, match="on_office_website"):
        attrs.evolve(response, on_office_website="yes")


def test_each_recommendation_gets_its_own_section_in_the_panels_order(response: Response) -> None:
    shuffled = attrs.evolve(response, answers=tuple(reversed(response.answers)))
    doc = response_document(shuffled)
    answers = [b for b in doc.blocks if isinstance(b, Section)][2]
    assert [s.title for s in answers.blocks if isinstance(s, Section)] == [
        "Recommendation 1",
        "Recommendation 2",
        "Recommendation 3",
    ]


def test_summary_table_has_a_marked_header_row(response: Response) -> None:
    doc = response_document(response)
    [table] = [n for n in iter_nodes(doc) if isinstance(n, Table)]
    assert table.header is not None
    assert len(table.rows) == 3
    data = render(doc, "docx")
    assert isinstance(data, bytes)
    assert "<w:tblHeader/>" in docx_part(data)
    assert render(response_document(response), "docx") == data


def test_a_response_that_leaves_a_recommendation_unanswered_is_refused(response: Response) -> None:
    with pytest.raises(ValidationError, match="recommendation 3 is not answered") as caught:
        attrs.evolve(response, answers=response.answers[:2])
    assert caught.value.path == "answers"
    assert caught.value.value == "3"
    # Even an object that got past the model's check never becomes a document.
    incomplete = attrs.evolve(response)
    object.__setattr__(incomplete, "answers", response.answers[1:])
    with pytest.raises(ValidationError, match="recommendation 1 is not answered") as caught:
        response_document(incomplete)
    assert caught.value.value == "1"
    check_complete(response)  # a complete response passes silently


def test_pfcc_area_with_mixed_answers() -> None:
    response = response_in(
        "northamptonshire",
        "Stephen Mold",
        dt.date(2021, 10, 1),
        Answer.ACCEPTED,
        Answer.ACCEPTED_IN_PART,
        Answer.ACCEPTED,
    )
    body = plain_text(response_document(response))
    assert "the Police, Fire and Crime Commissioner (the \u201cCommissioner\u201d)" in body
    assert "Northamptonshire Police, Fire and Crime Panel (the \u201cPanel\u201d)" in body
    assert "Two recommendations accepted and one recommendation accepted in part." in body
    assert "Decision: Accepted in part" in body
    assert "requires the Commissioner to publish this response before issuing the Plan." in body


def test_mayoral_area() -> None:
    response = response_in("west-yorkshire", "Tracy Brabin", dt.date(2021, 12, 1), Answer.NOT_ACCEPTED)
    doc = response_document(response)
    body = plain_text(doc)
    assert doc.meta.title.startswith("Mayor of West Yorkshire\u2019s Response to the West Yorkshire")
    assert "the Mayor of West Yorkshire (the \u201cMayor\u201d)" in body
    assert "One recommendation not accepted." in body
    assert "The Mayor\u2019s Response to Each Recommendation" in headings(doc)
    assert doc.meta.author == "Office of the Mayor of West Yorkshire"


def test_welsh_area() -> None:
    response = response_in("dyfed-powys", "Dafydd Llywelyn", dt.date(2021, 11, 1), Answer.NOTED)
    body = plain_text(response_document(response))
    assert "This response is published in Welsh and English" in body
    assert "Mae\u2019r ddogfen hon ar gael yn Gymraeg." in body


def test_cambridgeshire_2016_late_response_and_no_recommendations() -> None:
    late = attrs.evolve(
        response_in("cambridgeshire", "Jason Ablewhite", dt.date(2017, 2, 1), Answer.NOTED),
        to=attrs.evolve(
            response_in("cambridgeshire", "Jason Ablewhite", dt.date(2017, 2, 1), Answer.NOTED).to,
            response_due=dt.date(2017, 2, 8),
        ),
    )
    assert "This response was given to the Panel on 11 February 2017, after that date." in plain_text(
        response_document(late)
    )
    none = response_in("cambridgeshire", "Jason Ablewhite", dt.date(2017, 2, 1))
    doc = response_document(none)
    # No count is invented: a Panel that made no recommendations may have made comments instead.
    assert "recommendations." not in plain_text(doc).split("Giving and Publishing")[0]
    assert "at its meeting on 1 February 2017." in plain_text(doc)
    assert "Summary of the Response" not in headings(doc)


def test_markup_errors_name_the_field(response: Response) -> None:
    bad = attrs.evolve(
        response,
        answers=[
            attrs.evolve(response.answers[0], action="See [the plan(https://x.gov.uk)"),
            *response.answers[1:],
        ],
    )
    with pytest.raises(ValidationError) as caught:
        response_document(bad)
    assert caught.value.path.startswith("answers[0].action")


@pytest.mark.slow
def test_pandoc_reads_the_response(tmp_path: Path, response: Response) -> None:
    text = pandoc_text(render(response_document(response), "docx"), tmp_path)
    assert "Recommendation 3" in text


def answer_sections(doc: Document) -> list[str]:
    """The titles of the sections that answer one recommendation each, in the document's order."""
    return [
        n.title for n in iter_nodes(doc) if isinstance(n, Section) and n.title.startswith("Recommendation ")
    ]


def test_any_valid_response_answers_each_recommendation_in_the_panels_order() -> None:
    def check(response: Response) -> bool:
        doc = response_document(response)
        assert doc.meta.date == (response.published or response.given)
        assert answer_sections(doc) == [
            f"Recommendation {tree_text(r.ref)}" for r in response.to.recommendations
        ]
        assert render(doc, "markdown")
        return True

    # every drawn response is valid: none may be refused
    run_counted(check, at_least=1.0, response=renderable.responses())


def test_any_response_composes_unless_its_markup_is_bad() -> None:
    def check(response: Response) -> bool:
        texts = [response.introduction or "", *(r.text for r in response.to.recommendations)]
        texts += [t or "" for a in response.answers for t in (a.reasons, a.action, a.owner)]
        result = attempt(lambda: response_document(response))
        if all(markup_ok(t) for t in texts):
            assert isinstance(result, Document), result
            assert result.meta.date == (response.published or response.given)
        else:  # refused, naming the text
            assert isinstance(result, ValidationError)
            assert result.path.endswith(".markup"), result
            assert field_at(response, result.path.removesuffix(".markup")) == result.value
        return True

    run_counted(check, response=responses())


def markup_ok(text: str) -> bool:
    """Whether `text` reads as inline markup (the composers refuse it otherwise)."""
    try:
        inline(text)
    except ValidationError:
        return False
    return True


def test_london_response_names_mopac_the_committee_and_section_6() -> None:
    response = response_in("london", "Sadiq Khan", dt.date(2022, 1, 12), Answer.ACCEPTED)
    body = plain_text(response_document(response))
    assert "the Mayor's Office for Policing and Crime (MOPAC) must have regard" in body
    assert "London Assembly Police and Crime Committee (the \u201cCommittee\u201d)" in body
    assert "The Committee reviewed the draft Police and Crime Plan at its meeting on 12 January 2022" in body
    assert "section 6(6) of the Police Reform and Social Responsibility Act 2011" in body
    assert "Section 6(6)(f) of the Act requires MOPAC to publish this response" in body
    assert "Panel" not in body
    assert "Mayor's Office\u201d" not in body


def test_a_variations_response_speaks_of_varying_not_issuing() -> None:
    response = response_in("kent", "Matthew Scott", dt.date(2023, 6, 1), Answer.NOTED)
    varied = attrs.evolve(response, to=attrs.evolve(response.to, variation=True))
    doc = response_document(varied)
    body = plain_text(doc)
    assert "before varying the police and crime plan" in body
    assert "in relation to the draft variation," in body
    assert "reviewed the draft variation of the Police and Crime Plan" in body
    assert "before varying the Plan." in body
    assert "issuing" not in body
    assert "Draft Variation of the Police and Crime Plan" in doc.meta.title


def test_mopacs_response_to_the_committee_cites_s6_and_no_panel_power() -> None:
    plan = london_plan()
    recs = london_recommendations()
    answer = RecommendationResponse(ref="1", answer=Answer.ACCEPTED, reasons="Agreed.")
    response = Response(commissioner=plan.commissioner, to=recs, given=dt.date(2022, 3, 23), answers=[answer])
    doc = response_document(response, plan)
    body = assert_london(
        doc,
        "Under section 6(6) of the Police Reform and Social Responsibility Act 2011",
        "the Mayor's Office for Policing and Crime (MOPAC) must have regard",
        "MOPAC\u2019s Response to Each Recommendation",
        "Section 6(6)(f) of the Act requires MOPAC to publish",
    )
    assert "29(3)" not in body


def test_the_deputy_mayor_may_give_mopacs_response_which_is_still_mopacs_duty() -> None:
    # s.19: MOPAC may arrange for the Deputy Mayor to exercise its functions other than those of
    # s.19(7) (LON-1); the 2022 response came from the Deputy Mayor (docs/dev/real-documents.md #2).
    deputy = Commissioner(name="Sophie Linden", title="Deputy Mayor for Policing and Crime")
    answer = RecommendationResponse(ref="1", answer=Answer.ACCEPTED, reasons="Agreed.")
    response = Response(
        commissioner=deputy, to=london_recommendations(), given=dt.date(2022, 3, 23), answers=[answer]
    )
    doc = response_document(response)
    assert_london(
        doc,
        "Sophie Linden, Deputy Mayor for Policing and Crime",
        "the Mayor's Office for Policing and Crime (MOPAC) must have regard",
    )
    # The response is MOPAC's, given by its Deputy Mayor: the body keeps its own title.
    assert doc.meta.title.startswith("Mayor's Office for Policing and Crime\u2019s Response to the London")
    assert doc.meta.author == "Mayor's Office for Policing and Crime"


def test_a_combined_authority_mayors_deputy_answers_the_areas_panel_for_the_mayor() -> None:
    west_yorkshire = find_area("west-yorkshire")
    panel = west_yorkshire.governance_on(dt.date(2022, 1, 12)).panel_name
    recs = attrs.evolve(london_recommendations(), panel=panel)
    deputy = Commissioner(name="Alison Lowe", title="Deputy Mayor for Policing and Crime")
    answer = RecommendationResponse(ref="1", answer=Answer.NOTED, reasons="Noted.")
    doc = response_document(
        Response(commissioner=deputy, to=recs, given=dt.date(2022, 3, 23), answers=[answer])
    )
    body = plain_text(doc)
    assert "Alison Lowe, Deputy Mayor for Policing and Crime" in body
    assert "the Mayor of West Yorkshire (the \u201cMayor\u201d) must have regard" in body
    assert doc.meta.author == "Office of the Mayor of West Yorkshire"
    assert f"made by the {panel} (the \u201cPanel\u201d)" in body
    assert "section 5(6) of the Police Reform and Social Responsibility Act 2011" in body
    assert "Committee" not in body
