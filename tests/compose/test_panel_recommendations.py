"""The Panel's report or recommendations on a draft plan (s.28(3)), for several areas and years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from tests.conftest import docx_part, pandoc_text
from tests.london import COMMITTEE, assert_london, london_plan, london_recommendations
from tests.strategies import attempt, field_at, panel_recommendations, renderable, run_counted

from pccplan.compose.build import inline
from pccplan.compose.panel_recommendations import panel_recommendations_document, vote_sentence
from pccplan.compose.tree import Document, Link, Section, Table
from pccplan.compose.walk import iter_nodes, plain_text
from pccplan.errors import ValidationError
from pccplan.files import load
from pccplan.model.area import find_area
from pccplan.model.panel import PanelRecommendations, Recommendation, Response, Vote
from pccplan.model.plan import Commissioner, Plan
from pccplan.render import render

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def cambs() -> Plan:
    return load(EXAMPLES / "cambridgeshire-2021.yaml", Plan)


@pytest.fixture(scope="module")
def recs() -> PanelRecommendations:
    return load(EXAMPLES / "cambridgeshire-2021-panel-recommendations.yaml", PanelRecommendations)


def plan_for(area: str, name: str, on: dt.date) -> Plan:
    place = find_area(area)
    return Plan(
        title="Police and Crime Plan", area=place, commissioner=Commissioner.for_area(name, place, on)
    )


def recommendations_of(panel: str, meeting: dt.date, *texts: str) -> PanelRecommendations:
    return PanelRecommendations(
        panel=panel,
        meeting=meeting,
        plan_title="Police and Crime Plan",
        recommendations=[Recommendation(ref=str(i), text=t) for i, t in enumerate(texts, start=1)],
    )


def headings(doc: Document) -> list[str]:
    return [b.title for b in doc.blocks if isinstance(b, Section)]


def test_example_files_agree(recs: PanelRecommendations) -> None:
    response = load(EXAMPLES / "cambridgeshire-2021-response.yaml", Response)
    assert response.to == recs


def test_cambridgeshire_2021(recs: PanelRecommendations, cambs: Plan) -> None:
    doc = panel_recommendations_document(recs, cambs)
    body = plain_text(doc)
    assert doc.meta.title == (
        "Report of the Cambridgeshire Police and Crime Panel on the Draft Police and Crime Plan 2021 - 2024"
    )
    assert headings(doc) == [
        "Introduction",
        "Summary",
        "Recommendations",
        "The Commissioner\u2019s Response",
        "Publication",
    ]
    assert "Meeting of 15 November 2021" in body
    assert "at its meeting on 15 November 2021 and endorsed it." in body
    assert "by nine votes to none, with one abstention; the Panel has 12 members." in body
    assert "The Panel makes the following three recommendations to the Commissioner:" in body
    assert "asks for a written response by 29 November 2021 (section 29(3) of the Act)" in body
    assert doc.meta.author == "Cambridgeshire Police and Crime Panel"
    links = [n.url for n in iter_nodes(doc) if isinstance(n, Link)]
    assert links == [
        "https://www.legislation.gov.uk/ukpga/2011/13/section/28",
        "https://democracy.peterborough.gov.uk/ieListMeetings.aspx?CommitteeId=543",
    ]


def test_recommendations_table_has_a_marked_header_row(recs: PanelRecommendations) -> None:
    doc = panel_recommendations_document(recs)
    [table] = [n for n in iter_nodes(doc) if isinstance(n, Table)]
    assert table.header is not None
    assert len(table.rows) == 3
    data = render(doc, "docx")
    assert isinstance(data, bytes)
    assert "<w:tblHeader/>" in docx_part(data)
    assert render(panel_recommendations_document(recs), "docx") == data


def test_without_a_plan_the_office_is_read_from_the_panels_name() -> None:
    essex = recommendations_of("Essex Police, Fire and Crime Panel", dt.date(2021, 11, 1), "Publish more.")
    body = plain_text(panel_recommendations_document(essex))
    assert "given to it by the Police, Fire and Crime Commissioner (the \u201cCommissioner\u201d)" in body
    unknown = recommendations_of("Somewhere Police and Crime Panel", dt.date(2021, 11, 1), "Publish more.")
    assert "Police and Crime Commissioner (the \u201cCommissioner\u201d)" in plain_text(
        panel_recommendations_document(unknown)
    )


def test_pfcc_area() -> None:
    plan = plan_for("staffordshire", "Ben Adams", dt.date(2021, 5, 13))
    recs = recommendations_of(plan.area.panel_name, dt.date(2021, 10, 4), "Say more about fire.")
    body = plain_text(panel_recommendations_document(recs, plan))
    assert "the Staffordshire Police, Fire and Crime Panel (the \u201cPanel\u201d)" in body
    assert "Police, Fire and Crime Commissioner (the \u201cCommissioner\u201d)" in body
    assert "one recommendation to the Commissioner" in body


def test_mayoral_area() -> None:
    plan = plan_for("greater-manchester", "Andy Burnham", dt.date(2021, 5, 13))
    recs = recommendations_of(plan.area.panel_name, dt.date(2022, 1, 10), "Tackle burglary.", "Report.")
    body = plain_text(panel_recommendations_document(recs, plan))
    assert "given to it by the Mayor of Greater Manchester (the \u201cMayor\u201d)" in body
    assert "two recommendations to the Mayor" in body
    assert "The Mayor\u2019s Response" in headings(panel_recommendations_document(recs, plan))


def test_welsh_area() -> None:
    recs = recommendations_of("South Wales Police and Crime Panel", dt.date(2021, 11, 1), "Publish more.")
    body = plain_text(panel_recommendations_document(recs))
    assert "Welsh Language Standards" in body
    assert "Mae\u2019r ddogfen hon ar gael yn Gymraeg." in body


def test_cambridgeshire_2016_without_recommendations_or_vote() -> None:
    plan = plan_for("cambridgeshire", "Jason Ablewhite", dt.date(2016, 5, 12))
    recs = attrs.evolve(
        recommendations_of(plan.area.panel_name, dt.date(2017, 2, 1)), endorsed=False, url=None
    )
    doc = panel_recommendations_document(recs, plan)
    body = plain_text(doc)
    assert "The Panel makes no recommendations to the Commissioner." in body
    assert "and did not endorse it." in body
    assert "agreed this report by" not in body
    assert not [n for n in iter_nodes(doc) if isinstance(n, Table)]
    assert "The Panel publishes this report (section 28(7) of the Act)." in body


def test_vote_sentence() -> None:
    assert vote_sentence(Vote(in_favour=9, against=2, abstained=0)) == (
        "The Panel agreed this report by nine votes to 2."
    )
    assert vote_sentence(Vote(in_favour=1, against=0, abstained=2, members=13)) == (
        "The Panel agreed this report by one vote to none, with two abstentions; the Panel has 13 members."
    )


def test_markup_errors_name_the_recommendation(recs: PanelRecommendations) -> None:
    bad = attrs.evolve(
        recs,
        recommendations=[*recs.recommendations, Recommendation(ref="4", text="See *this")],
    )
    with pytest.raises(ValidationError) as caught:
        panel_recommendations_document(bad)
    assert caught.value.path.startswith("recommendations[3].text")


@pytest.mark.slow
def test_pandoc_reads_the_report(tmp_path: Path, recs: PanelRecommendations) -> None:
    text = pandoc_text(render(panel_recommendations_document(recs), "docx"), tmp_path)
    assert "Victim and Witness Hub" in text


def test_any_valid_recommendations_compose_with_a_row_per_recommendation() -> None:
    def check(recs: PanelRecommendations) -> bool:
        doc = panel_recommendations_document(recs)
        assert doc.meta.author == recs.panel
        tables = [n for n in iter_nodes(doc) if isinstance(n, Table)]
        if recs.recommendations:
            [table] = tables
            assert len(table.rows) == len(recs.recommendations)
        else:
            assert tables == []
        assert render(doc, "markdown")
        return True

    # every drawn report is valid: none may be refused
    run_counted(check, at_least=1.0, recs=renderable.panel_recommendations())


def test_any_recommendations_compose_unless_their_markup_is_bad() -> None:
    def check(recs: PanelRecommendations) -> bool:
        texts = [recs.summary or "", *(r.text for r in recs.recommendations)]
        result = attempt(lambda: panel_recommendations_document(recs))
        if all(markup_ok(t) for t in texts):
            assert isinstance(result, Document), result
            assert result.meta.author == recs.panel
        else:  # refused, naming the text: the summary or a recommendation
            assert isinstance(result, ValidationError)
            assert field_at(recs, result.path.removesuffix(".markup")) == result.value
        return True

    run_counted(check, recs=panel_recommendations())


def markup_ok(text: str) -> bool:
    """Whether `text` reads as inline markup (the composers refuse it otherwise)."""
    try:
        inline(text)
    except ValidationError:
        return False
    return True


def test_the_committees_report_cites_s33_and_s6_and_names_mopac() -> None:
    recs = london_recommendations()
    doc = panel_recommendations_document(recs, london_plan())
    body = assert_london(
        doc,
        f"Under section 33(1) of the Police Reform and Social Responsibility Act 2011 (the \u201cAct\u201d), "
        f"the London Assembly, through the {COMMITTEE} (the \u201cCommittee\u201d), must review",
        "given to it by the Mayor's Office for Policing and Crime (MOPAC), and make a report or "
        "recommendations on it to MOPAC.",
        "The Committee makes the following one recommendation to MOPAC:",
        "(section 6(6)(d)-(f) of the Act)",
        "The Committee asks for a written response by 1 March 2022.",
        "MOPAC\u2019s Response",
    )
    assert "29(3)" not in body  # a Panel's power (PANEL-3), not the Assembly's
    assert "28(7)" not in body
    assert any(n.url.endswith("/section/33") for n in iter_nodes(doc) if isinstance(n, Link))
