"""The Panel's documents: the report laid before it, its recommendations, the Commissioner's response."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from pccplan.errors import ValidationError
from pccplan.model.document import ReportSection
from pccplan.model.panel import (
    Answer,
    PanelRecommendations,
    PanelReport,
    Recommendation,
    RecommendationResponse,
    Response,
    Vote,
)
from pccplan.model.plan import Commissioner

MEETING = dt.date(2021, 11, 15)


def recommendations() -> PanelRecommendations:
    return PanelRecommendations(
        panel="Cambridgeshire Police and Crime Panel",
        meeting=MEETING,
        plan_title="Police and Crime Plan 2021 - 2024",
        recommendations=[
            Recommendation(ref=1, text="Add a measure of rural crime."),  # type: ignore[arg-type]
            Recommendation(ref="2", text="Publish the performance framework."),
        ],
        endorsed=True,
        vote=Vote(in_favour=9, against=1, abstained=1, members=13),
    )


def answer(ref: str, kind: Answer = Answer.ACCEPTED) -> RecommendationResponse:
    return RecommendationResponse(ref=ref, answer=kind, reasons="Because.")


def response(*answers: RecommendationResponse, **changes: object) -> Response:
    fields: dict[str, object] = {
        "commissioner": Commissioner(name="Darryl Preston"),
        "to": recommendations(),
        "answers": answers,
        "given": MEETING + dt.timedelta(days=10),
    }
    fields.update(changes)
    return Response(**fields)  # type: ignore[arg-type]


def test_recommendation_refs_may_be_numbers_and_must_be_unique() -> None:
    recs = recommendations()
    assert recs.recommendation("1").text.startswith("Add")
    with pytest.raises(KeyError, match="'1', '2'"):
        recs.recommendation("3")
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(recs, recommendations=[*recs.recommendations, Recommendation(ref="1", text="Again.")])
    assert caught.value.path == "recommendations[2].ref"


def test_panel_report_date_not_before_meeting() -> None:
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(recommendations(), report_date=MEETING - dt.timedelta(days=1))
    assert caught.value.path == "report_date"


def test_vote_counts() -> None:
    with pytest.raises(ValidationError) as caught:
        Vote(in_favour=10, against=4, members=13)
    assert caught.value.path == "members"
    with pytest.raises(ValidationError) as caught:
        Vote(in_favour=-1)
    assert caught.value.path == "in_favour"
    with pytest.raises(ValidationError):
        Vote(in_favour=True)  # type: ignore[arg-type]


def test_complete_response_is_accepted_in_any_order() -> None:
    done = response(answer("2", Answer.NOT_ACCEPTED), answer("1"))
    assert done.answer_to("2").answer is Answer.NOT_ACCEPTED
    assert Answer.ACCEPTED_IN_PART.label == "Accepted in part"


def test_response_leaving_a_recommendation_unanswered_is_refused_naming_it() -> None:
    with pytest.raises(ValidationError) as caught:
        response(answer("1"))
    assert caught.value.path == "answers"
    assert caught.value.value == "2"
    assert "recommendation 2 is not answered" in str(caught.value)
    assert "Publish the performance framework" in str(caught.value)


def test_response_answering_twice_or_answering_nothing_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        response(answer("1"), answer("2"), answer("1"))
    assert caught.value.path == "answers[2].ref"
    with pytest.raises(ValidationError) as caught:
        response(answer("1"), answer("2"), answer("3"))
    assert caught.value.path == "answers[2].ref"
    assert "no recommendation '3'" in caught.value.reason


def test_response_dates_follow_the_meeting() -> None:
    with pytest.raises(ValidationError) as caught:
        response(answer("1"), answer("2"), given=MEETING - dt.timedelta(days=1))
    assert caught.value.path == "given"
    with pytest.raises(ValidationError) as caught:
        response(answer("1"), answer("2"), published=MEETING)
    assert caught.value.path == "published"


def test_response_reports_every_problem_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        response(given=MEETING - dt.timedelta(days=1))
    assert [p.path for p in caught.value.problems] == ["answers", "answers", "given"]


def test_reasons_are_required() -> None:
    with pytest.raises(ValidationError) as caught:
        RecommendationResponse(ref="1", answer=Answer.NOTED, reasons="")
    assert caught.value.path == "reasons"


def test_panel_report_section_keys_and_appendix_labels_unique() -> None:
    report = PanelReport(
        meeting=dt.date(2017, 2, 1), sections=[ReportSection(heading="A", key="development")]
    )
    assert report.variation is False
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(report, sections=[*report.sections, ReportSection(heading="B", key="Development")])
    assert caught.value.path == "sections[1].key"
