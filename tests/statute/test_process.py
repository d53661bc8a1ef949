"""Tests for the process checker (PLAN-1, PLAN-4 to PLAN-8, PANEL-3) and the content check (PLAN-10)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from tests.conftest import ROOT

from pccplan.files import load
from pccplan.model.area import find_area
from pccplan.model.decision import DecisionKind, DecisionNotice
from pccplan.model.panel import Response
from pccplan.model.plan import Commissioner, Grant, GrantPower, Plan, Resources, Service, ServiceKind, Theme
from pccplan.model.process import PlanProcess
from pccplan.statute.process import (
    PLAN_CONTENTS,
    ContentVersion,
    Severity,
    check_content,
    check_process,
    check_review_time,
    contents_in_force,
    decision_problems,
    missing_elements,
    not_set_out,
    response_duty,
    unanswered,
    wrong_powers,
)

D = dt.date

GOOD = PlanProcess(
    draft_prepared=D(2024, 11, 1),
    chief_constable_consulted=D(2024, 11, 15),
    draft_sent_to_panel=D(2024, 12, 2),
    panel_meeting=D(2025, 1, 17),
    panel_report=D(2025, 1, 20),
    response_given=D(2025, 2, 3),
    response_published=D(2025, 2, 4),
    plan_issued=D(2025, 3, 20),
    copies_sent=D(2025, 3, 21),
    plan_published=D(2025, 3, 21),
)


def kinds(findings: tuple[object, ...]) -> list[tuple[str, str]]:
    return [(f.severity.value, f.rule) for f in findings]  # type: ignore[attr-defined]


def test_a_process_in_order_and_on_time_has_only_a_holiday_note() -> None:
    found = check_process(GOOD, deadline=D(2025, 3, 31))
    assert kinds(found) == [("note", "PLAN-5")]
    assert "Christmas Day" in found[0].message


def test_missed_31_march_is_a_breach() -> None:
    found = check_process(
        attrs.evolve(GOOD, plan_issued=D(2025, 4, 2), copies_sent=None, plan_published=None),
        deadline=D(2025, 3, 31),
    )
    assert found[0].severity is Severity.BREACH
    assert found[0].rule == "PLAN-1"
    assert "2 April 2025, after the deadline of 31 March 2025" in found[0].message


def test_unissued_plan_past_its_deadline_is_a_breach_and_before_it_a_note() -> None:
    draft = PlanProcess(draft_prepared=D(2025, 1, 1))
    assert kinds(check_process(draft, deadline=D(2025, 3, 31), today=D(2025, 4, 1))) == [("breach", "PLAN-1")]
    note = check_process(draft, deadline=D(2025, 3, 31), today=D(2025, 3, 1))
    assert kinds(note) == [("note", "PLAN-1")]
    assert "30 days" in note[0].message


def test_a_variation_has_no_deadline() -> None:
    late = attrs.evolve(GOOD, plan_issued=D(2025, 4, 2), varies=True)
    assert "PLAN-1" not in {f.rule for f in check_process(late, deadline=D(2025, 3, 31))}


def test_response_published_after_issue_is_a_breach() -> None:
    found = check_process(attrs.evolve(GOOD, response_published=D(2025, 3, 25)))
    assert ("breach", "PLAN-4") in kinds(found)
    assert any("before the response was published" in f.message for f in found)


def test_draft_sent_before_consulting_the_chief_constable_is_a_breach() -> None:
    found = check_process(attrs.evolve(GOOD, chief_constable_consulted=D(2024, 12, 5)))
    assert kinds(found)[0] == ("breach", "PLAN-4")
    assert found[0].message.startswith("The draft was sent to the Panel on 2 December 2024")


def test_short_review_window_is_a_warning_never_a_breach() -> None:
    found = check_process(attrs.evolve(GOOD, draft_sent_to_panel=D(2025, 1, 10)))
    assert kinds(found) == [("warning", "PLAN-5")]
    assert "7 days" in found[0].message
    assert "sets no number" in found[0].message


def test_review_time_over_a_holiday_is_noted() -> None:
    found = check_review_time(D(2022, 5, 30), D(2022, 6, 20))
    assert kinds(found) == [("note", "PLAN-5")]
    assert "Platinum Jubilee" in found[0].message


def test_missing_records_and_reconsultation_are_warnings() -> None:
    found = check_process(
        PlanProcess(plan_issued=D(2025, 3, 1), differs_from_draft=True), deadline=D(2025, 3, 31)
    )
    assert all(f.severity is Severity.WARNING for f in found)
    assert {"PLAN-4", "PANEL-1", "PLAN-6", "PLAN-8"} == {f.rule for f in found}


def test_reconsultation_after_issue_is_a_breach() -> None:
    found = check_process(
        attrs.evolve(GOOD, differs_from_draft=True, chief_constable_reconsulted=D(2025, 3, 22))
    )
    assert ("breach", "PLAN-6") in kinds(found)


def test_late_response_against_the_panels_period_is_a_breach() -> None:
    found = check_process(GOOD, response_days=10)
    assert ("breach", "PANEL-3") in kinds(found)
    assert not any(f.rule == "PANEL-3" for f in check_process(GOOD, response_days=14))


def test_finding_reads_as_a_sentence_with_its_rule() -> None:
    found = check_process(attrs.evolve(GOOD, plan_issued=D(2025, 4, 2)), deadline=D(2025, 3, 31))
    late = next(f for f in found if f.rule == "PLAN-1")
    assert str(late).startswith("breach: The plan was issued on 2 April 2025")
    assert "(PLAN-1, Police Reform and Social Responsibility Act 2011, s.5(1)-(2))" in str(late)
    early_copies = next(f for f in found if f.rule == "PLAN-8")
    assert early_copies.message.startswith("Copies were sent on 21 March 2025, before the plan was issued")


# -- content ---------------------------------------------------------------------------------------


def plan(**changes: object) -> Plan:
    base = Plan(
        title="Police and Crime Plan",
        area=find_area("essex"),
        commissioner=Commissioner(name="A Commissioner"),
        themes=(Theme(name="Victims", aim="Support victims"),),
        policing="Neighbourhood policing.",
        resources=Resources(summary="The budget."),
        reporting="Monthly reports.",
        performance="A performance framework.",
        services=(Service(name="Victim care", kind=ServiceKind.VICTIMS_AND_WITNESSES),),
        grants=(
            Grant(
                recipient="Community Safety Partnership",
                amount=Decimal("1000"),
                purpose="Reducing crime",
                power=GrantPower.CRIME_AND_DISORDER,
            ),
        ),
        issued=D(2021, 11, 30),
    )
    return attrs.evolve(base, **changes)


def test_a_complete_plan_lacks_nothing() -> None:
    assert missing_elements(plan()) == ()
    assert check_content(plan()) == ()


def test_missing_elements_are_named_by_letter() -> None:
    lacking = plan(policing=None, services=(), themes=())
    assert missing_elements(lacking) == ("a", "b", "ea")
    found = check_content(lacking)
    assert [f.severity for f in found] == [Severity.BREACH] * 3
    assert found[1].message == (
        "The plan does not set out s.7(1)(b): the policing of the area the chief constable is to provide."
    )


def test_a_draft_lacking_elements_gets_warnings() -> None:
    assert {f.severity for f in check_content(plan(issued=None, policing=None))} == {Severity.WARNING}


def test_a_2013_plan_uses_the_text_as_enacted() -> None:
    old = plan(
        issued=D(2013, 3, 28),
        services=(),
        grants=(
            Grant(recipient="CSP", amount=Decimal("10"), purpose="Reducing crime", power=GrantPower.PRSRA_S9),
        ),
    )
    assert missing_elements(old) == ()  # (ea) did not exist yet
    assert check_content(old) == ()
    wrong = check_content(plan(issued=D(2013, 3, 28), services=()))
    assert [f.severity for f in wrong] == [Severity.WARNING]
    assert "s.143" in wrong[0].message


def test_a_current_plan_with_s9_grants_is_warned() -> None:
    old_power = Grant(recipient="CSP", amount=Decimal("10"), purpose="x", power=GrantPower.PRSRA_S9)
    found = check_content(plan(grants=(old_power,)))
    assert [f.severity for f in found] == [Severity.WARNING]
    assert found[0].citation.unverified


def test_the_wrong_power_sentence_is_the_findings_and_the_plans() -> None:
    """s.7(1)(f): the finding and the plan's own appendix say the same sentence, from one rule."""
    old_power = Grant(recipient="CSP", amount=Decimal("10"), purpose="x", power=GrantPower.PRSRA_S9)
    made = plan(grants=(old_power,))
    (sentence,) = wrong_powers(made, contents_in_force(None))
    assert check_content(made)[0].message == sentence
    assert sentence.endswith("names in the text in force for this plan.")
    assert wrong_powers(made, contents_in_force(None), subject="Plan")[0].endswith("for this Plan.")
    assert wrong_powers(made, PLAN_CONTENTS[0]) == ()


def test_what_a_plan_says_of_the_elements_it_lacks() -> None:
    assert not_set_out(["b", "ea"], issued=True) == (
        "This Plan does not set out s.7(1)(b), (ea). An issued plan must set out every element (PLAN-10)."
    )
    assert "A draft may be incomplete" in not_set_out(["b"], issued=False)


def test_the_amendment_date_is_unverified_and_can_be_replaced() -> None:
    assert contents_in_force(None).citation.unverified
    assert contents_in_force(D(2013, 1, 1)) is PLAN_CONTENTS[0]
    moved = (PLAN_CONTENTS[0], attrs.evolve(PLAN_CONTENTS[1], since=D(2015, 1, 1)))
    assert isinstance(moved[1], ContentVersion)
    assert missing_elements(plan(issued=D(2014, 12, 1), services=()), versions=moved) == ()
    assert missing_elements(plan(issued=D(2014, 12, 1), services=())) == ("ea",)


@pytest.mark.parametrize("letter", ["a", "b", "c", "d", "e", "ea", "f"])
def test_every_current_element_is_checked(letter: str) -> None:
    assert letter in {e.letter for e in contents_in_force(None).elements}


def test_check_plan_combines_content_and_process_against_the_terms_deadline() -> None:
    import attrs

    from pccplan.examples import example_plan
    from pccplan.model.process import PlanProcess
    from pccplan.statute.process import Severity, check_plan

    plan = example_plan()  # Cambridgeshire, elected 2016-05-05: plan due by 2017-03-31 (PLAN-1)
    assert check_plan(plan).clean
    late = attrs.evolve(
        plan,
        process=PlanProcess(
            draft_prepared=dt.date(2016, 12, 1),
            chief_constable_consulted=dt.date(2016, 12, 5),
            draft_sent_to_panel=dt.date(2017, 1, 10),
            panel_meeting=dt.date(2017, 2, 1),
            panel_report=dt.date(2017, 2, 3),
            response_given=dt.date(2017, 2, 20),
            response_published=dt.date(2017, 2, 21),
            plan_issued=dt.date(2017, 4, 3),
        ),
    )
    findings = check_plan(late)
    assert findings[0].severity is Severity.BREACH
    assert findings[0].rule == "PLAN-1"
    assert "2017" in findings[0].message
    variation = attrs.evolve(late, process=attrs.evolve(late.process, varies=True))
    assert not any(f.rule == "PLAN-1" for f in check_plan(variation))


def test_check_plan_without_an_election_day_checks_order_only() -> None:
    import attrs

    from pccplan.examples import example_plan
    from pccplan.model.process import PlanProcess
    from pccplan.statute.process import check_plan

    plan = example_plan()
    unelected = attrs.evolve(
        plan,
        commissioner=attrs.evolve(plan.commissioner, elected=None),
        process=PlanProcess(draft_sent_to_panel=dt.date(2017, 2, 1), draft_prepared=dt.date(2017, 2, 5)),
    )
    rules = [f.rule for f in check_plan(unelected)]
    assert "PLAN-4" in rules
    assert "PLAN-1" not in rules


def test_s7_1_text_is_a_dated_value() -> None:
    """PLAN-10: .on(day) gives the text in force; a DatedValue may be passed wherever versions are."""
    from pccplan.statute.process import S7_1_TEXT

    assert S7_1_TEXT.on(D(2013, 1, 1)).value is PLAN_CONTENTS[0]
    assert contents_in_force(D(2013, 1, 1), S7_1_TEXT) is PLAN_CONTENTS[0]
    assert contents_in_force(D(2010, 1, 1)) is PLAN_CONTENTS[0]  # before any text: the first


# -- ACT-1 and PLAN-4: the decision that issues the plan (moved here from compose.decision_notice) --


_EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def cambs_2021() -> Plan:
    return load(_EXAMPLES / "cambridgeshire-2021.yaml", Plan)


@pytest.fixture(scope="module")
def cambs_notice() -> DecisionNotice:
    return load(_EXAMPLES / "cambridgeshire-2021-decision-notice.yaml", DecisionNotice)


def test_the_commissioners_own_decision_after_the_steps_has_no_problem(
    cambs_2021: Plan, cambs_notice: DecisionNotice
) -> None:
    assert cambs_2021.process is not None
    assert decision_problems(cambs_notice, cambs_2021, cambs_2021.process) == ()


def test_act_1_a_deputy_or_acting_commissioner_may_not_issue_the_plan(
    cambs_2021: Plan, cambs_notice: DecisionNotice
) -> None:
    """s.18(7)(a) and s.62(4): issuing the plan cannot be delegated, nor done by an acting commissioner."""
    assert cambs_2021.process is not None
    deputy = attrs.evolve(cambs_notice, made_by=Commissioner(name="A Deputy", title="Acting Commissioner"))
    (problem,) = decision_problems(deputy, cambs_2021, cambs_2021.process)
    assert problem.path == "made_by.name"
    assert "ACT-1" in problem.reason
    assert problem.value == "A Deputy"


def test_act_1_a_deputy_may_vary_the_plan_but_an_acting_commissioner_may_not(
    cambs_2021: Plan, cambs_notice: DecisionNotice
) -> None:
    """s.18(1)(b): the deputy may exercise "any function" but those of s.18(7)(a), (e), (f); (7)(a) is
    "issuing a police and crime plan", not varying it. s.62(4): an acting commissioner may not issue
    or vary a plan."""
    assert cambs_2021.process is not None
    vary = attrs.evolve(cambs_notice, decision_kind=DecisionKind.VARY_PLAN)
    deputy = Commissioner(name="A Deputy", title="Deputy Police and Crime Commissioner")
    assert decision_problems(attrs.evolve(vary, made_by=deputy), cambs_2021, cambs_2021.process) == ()
    acting = Commissioner(name="A Deputy", title="Acting Police and Crime Commissioner")
    (problem,) = decision_problems(attrs.evolve(vary, made_by=acting), cambs_2021, cambs_2021.process)
    assert "s.62(4)" in problem.reason
    assert "may vary" in problem.reason
    issuing = attrs.evolve(cambs_notice, made_by=deputy)
    (problem,) = decision_problems(issuing, cambs_2021, cambs_2021.process)
    assert "may issue" in problem.reason


def test_plan_4_a_decision_dated_before_a_step_names_each_step(
    cambs_2021: Plan, cambs_notice: DecisionNotice
) -> None:
    """s.5(6): the draft goes to the Panel, the Panel reports and the response is given before issue."""
    process = PlanProcess(panel_report=dt.date(2021, 11, 20), response_published=dt.date(2021, 12, 1))
    early = attrs.evolve(cambs_notice, date=dt.date(2021, 11, 10))
    problems = decision_problems(early, cambs_2021, process)
    assert [p.path for p in problems] == ["date", "date"]
    assert all("PLAN-4" in p.reason for p in problems)
    assert "2021-11-20" in problems[0].reason


def test_unanswered_recommendations_are_named() -> None:
    """s.5(6)(e): "give the panel a response to any report or recommendations"."""
    response = load(_EXAMPLES / "cambridgeshire-2021-response.yaml", Response)
    assert unanswered(response) == ()
    partial = attrs.evolve(response)
    # The model refuses such a response when built; force one to test the statute check alone.
    object.__setattr__(partial, "answers", response.answers[1:])
    (problem,) = unanswered(partial)
    assert problem.path == "answers"
    assert problem.value == response.answers[0].ref


def test_s7_1_elements_in_the_words_council_reports_use() -> None:
    current = contents_in_force(dt.date(2021, 6, 1))
    words = [e.in_report("Commissioner", "Commissioner's") for e in current.elements]
    assert words[0] == "the Commissioner's police and crime objectives for the area;"
    assert words[-1].startswith("any grants which the Commissioner is to make")
    enacted = contents_in_force(dt.date(2012, 11, 22))
    assert "crime and disorder reduction grants which the Mayor" in enacted.elements[-1].in_report(
        "Mayor", ""
    )


def test_a_review_recorded_after_the_issue_day_is_flagged_under_plan_4() -> None:
    from pccplan.model.process import Review, ReviewKind

    later = (
        Review(kind=ReviewKind.PANEL_MEETING, date=D(2025, 1, 17)),
        Review(kind=ReviewKind.PANEL_MEETING, date=D(2025, 4, 10)),
        Review(kind=ReviewKind.WORKING_GROUP, date=D(2025, 3, 25), body="the PCP working group"),
    )
    found = check_process(attrs.evolve(GOOD, reviews=later, panel_meeting=None))
    flagged = [f for f in found if f.rule == "PLAN-4" and "after the plan was issued" in f.message]
    assert {(f.severity, f.message[:26]) for f in flagged} == {
        (Severity.WARNING, "The PCP working group revi"),
        (Severity.BREACH, "The Panel met on the draft"),
    }
    assert all("20 March 2025" in f.message and "s.5(6)" in f.message for f in flagged)
    # Reviews on or before the issue day are not flagged.
    assert not [f for f in check_process(GOOD) if "after the plan was issued" in f.message]


def test_the_response_duty_is_worded_as_s5_6_d_to_f_and_cites_s6_in_london() -> None:
    """s.5(6)(d) "have regard to any report or recommendations made by the panel in relation to the draft"."""
    duty = response_duty("the Commissioner", "the Panel")
    assert duty.text == (
        "before issuing the plan, the Commissioner must have regard to any report or recommendations made "
        "by the Panel in relation to the draft, give the Panel a response to any such report or "
        "recommendations, and publish any such response"
    )
    assert (duty.section, duty.citation.url) == (
        "section 5(6)(d)-(f)",
        "https://www.legislation.gov.uk/ukpga/2011/13/section/5",
    )
    london = response_duty("MOPAC", "the Committee", varies=True, london=True)
    assert london.text.startswith("before varying the plan, MOPAC must")
    assert "in relation to the draft variation," in london.text
    assert (london.section, london.citation.url) == (
        "section 6(6)(d)-(f)",
        "https://www.legislation.gov.uk/ukpga/2011/13/section/6",
    )
    named = response_duty("the PCC", "the Panel", first="the Kent Police and Crime Panel (the Panel)")
    assert named.steps[0].endswith(
        "made by the Kent Police and Crime Panel (the Panel) in relation to the draft"
    )
    assert named.steps[1:] == (
        "give the Panel a response to any such report or recommendations",
        "publish any such response",
    )


def test_publication_duty_is_s5_6_f_and_s6_6_f_for_mopac() -> None:
    """PLAN-4, s.5(6)(f): before issuing or varying the plan the commissioner must "publish any such
    response"; MOPAC's duty is s.6(6)(f)."""
    from pccplan.statute.process import publication_duty, publication_section

    assert publication_duty("the Commissioner") == (
        "Section 5(6)(f) of the Act requires the Commissioner to publish this response "
        "before issuing the Plan."
    )
    assert publication_duty("MOPAC", what="it", varies=True, london=True, plan="the plan") == (
        "Section 6(6)(f) of the Act requires MOPAC to publish it before varying the plan."
    )
    assert publication_section() == "section 5(6)(f)"


def test_process_findings_for_a_london_plan_name_the_metropolitan_commissioner_and_the_committee() -> None:
    """Issue 12: in London the force head is the Commissioner of Police of the Metropolis (s.6(8))
    and the draft goes to the London Assembly's Committee (s.33): the findings say so."""
    from tests.london import london_plan

    from pccplan.statute.process import check_plan

    plan = attrs.evolve(
        london_plan(),
        issued=D(2022, 3, 24),
        process=PlanProcess(plan_issued=D(2022, 3, 24), differs_from_draft=True),
    )
    messages = [f.message for f in check_plan(plan)]
    assert any(
        "consulting the Commissioner of Police of the Metropolis on the differences" in m for m in messages
    )
    assert not any("chief constable" in m for m in messages)
    assert not any("the Panel" in m for m in messages)
    kent = attrs.evolve(
        plan, area=find_area("kent"), commissioner=Commissioner(name="M S", elected=D(2021, 5, 6))
    )
    assert any("consulting the chief constable on the differences" in m.message for m in check_plan(kent))
