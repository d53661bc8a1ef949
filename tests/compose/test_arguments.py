"""A composer given a wrong or swapped argument refuses it, naming the argument, not crashing inside."""

from __future__ import annotations

import pytest

import pccplan
from pccplan.compose.arguments import expect
from pccplan.errors import ValidationError
from pccplan.examples import example_plan, example_report_inputs
from pccplan.model.panel import PanelReport
from pccplan.model.plan import Plan


def test_swapped_content_and_plan_are_named_with_the_order() -> None:
    plan, report = example_plan(), example_report_inputs()
    with pytest.raises(ValidationError) as caught:
        pccplan.panel_report_document(plan, report)  # type: ignore[arg-type]
    assert caught.value.path == "report"
    assert caught.value.value is plan
    assert caught.value.reason == (
        "panel_report_document takes a PanelReport as report, not a Plan "
        "(that is its plan: the arguments go in the order report, plan)"
    )


@pytest.mark.parametrize(
    "composer",
    [
        "cover_report_document",
        "decision_notice_document",
        "panel_letter_document",
        "panel_minute_document",
        "panel_recommendations_document",
        "panel_report_document",
        "record_of_decision_document",
        "response_document",
        "response_table_document",
    ],
)
def test_every_composer_refuses_a_dict_as_its_content(composer: str) -> None:
    with pytest.raises(ValidationError) as caught:
        getattr(pccplan, composer)({"title": "x"}, example_plan())
    assert caught.value.value == {"title": "x"}
    assert caught.value.reason.startswith(f"{composer} takes a ")
    assert caught.value.reason.endswith(" not a dict")


@pytest.mark.parametrize(("composer", "wants"), [("plan_document", "Plan"), ("timetable_document", "Term")])
def test_the_composers_of_one_argument_refuse_a_wrong_one(composer: str, wants: str) -> None:
    with pytest.raises(ValidationError) as caught:
        getattr(pccplan, composer)(example_report_inputs())
    assert caught.value.reason == f"{composer} takes a {wants} as {caught.value.path}, not a PanelReport"


def test_an_optional_argument_may_be_none_and_a_right_one_passes() -> None:
    report = example_report_inputs()
    expect("f", ("report", report, PanelReport, False), ("plan", None, Plan, True))
    with pytest.raises(ValidationError, match="f takes a Plan as plan, not a NoneType"):
        expect("f", ("report", report, PanelReport, False), ("plan", None, Plan, False))
