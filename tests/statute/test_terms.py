"""Tests for terms of office (TERM-1, TERM-3, TERM-4), acceptance (ACC-1) and business days (BUS-1)."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from pccplan.errors import StatuteError
from pccplan.model.area import BodyKind, Nation, all_areas, find_area
from pccplan.model.sources import Confidence
from pccplan.statute.elections import default_elections
from pccplan.statute.terms import TermKind, acceptance_deadline, by_election, term_for

D = dt.date


@pytest.mark.parametrize(
    ("poll", "office", "deadline", "ends"),
    [
        (D(2012, 11, 15), D(2012, 11, 22), D(2013, 3, 31), D(2016, 5, 11)),
        (D(2016, 5, 5), D(2016, 5, 12), D(2017, 3, 31), D(2021, 5, 12)),
        (D(2021, 5, 6), D(2021, 5, 13), D(2022, 3, 31), D(2024, 5, 8)),
    ],
)
def test_worked_checks_terms(poll: dt.date, office: dt.date, deadline: dt.date, ends: dt.date) -> None:
    term = term_for(poll)
    assert (term.takes_office, term.plan_deadline, term.term_ends) == (office, deadline, ends)
    assert term.kind is TermKind.ORDINARY
    assert term.new_plan_required


def test_2016_term_runs_to_may_2021_while_its_plan_ran_to_march_2021() -> None:
    term = term_for(D(2016, 5, 5))
    assert term.term_ends == D(2021, 5, 12)
    assert term.planning_period().end == D(2021, 3, 31)


def test_term_planning_period_refuses_issue_before_taking_office() -> None:
    with pytest.raises(StatuteError, match="before the commissioner takes office"):
        term_for(D(2024, 5, 2)).planning_period(D(2024, 5, 3))


def test_term_planning_period_qualifying_day() -> None:
    term = term_for(D(2016, 5, 5))
    assert term.planning_period(starts=D(2017, 4, 1)).start == D(2017, 4, 1)
    with pytest.raises(StatuteError, match="2017-04-02"):
        term.planning_period(starts=D(2017, 4, 2))


def test_steps_carry_citations_and_non_working_days() -> None:
    term = term_for(D(2021, 5, 6))
    rules = [s.rule for s in term.steps]
    assert rules == ["TERM-2", "TERM-1", "ACC-1", "PLAN-1", "TERM-2", "TERM-1"]
    assert all(s.citation.url.startswith("https://www.legislation.gov.uk/") for s in term.steps)
    deadline = next(s for s in term.steps if s.rule == "PLAN-1")
    assert deadline.date == D(2022, 3, 31)
    assert not deadline.non_working_day
    march_2013 = next(s for s in term_for(D(2012, 11, 15)).steps if s.rule == "PLAN-1")
    assert march_2013.non_working_day  # Easter Sunday 2013: the date does not move


@pytest.mark.parametrize(
    ("area", "poll", "office"),
    [
        ("greater-manchester", D(2017, 5, 4), D(2017, 5, 8)),
        ("West Yorkshire", D(2021, 5, 6), D(2021, 5, 10)),
        ("south-yorkshire", D(2024, 5, 2), D(2024, 5, 7)),
        ("York and North Yorkshire", D(2024, 5, 2), D(2024, 5, 7)),
    ],
)
def test_mayors_take_office_on_their_transfer_order_day(area: str, poll: dt.date, office: dt.date) -> None:
    term = term_for(poll, find_area(area))
    assert term.kind is TermKind.MAYORAL
    assert term.takes_office == office
    assert term.steps[1].rule == "TERM-3"
    assert term.steps[1].citation.instrument.startswith("SI 20")
    assert term.new_plan_required


def test_later_mayoral_terms_are_marked_unverified_and_can_be_overridden() -> None:
    area = find_area("greater-manchester")
    term = term_for(D(2021, 5, 6), area)
    assert term.steps[1].citation.confidence is Confidence.UNVERIFIED
    fixed = term_for(D(2021, 5, 6), area, takes_office_on=D(2021, 5, 10), term_ends_on=D(2024, 5, 6))
    assert (fixed.takes_office, fixed.term_ends) == (D(2021, 5, 10), D(2024, 5, 6))


def test_override_ending_before_start_is_refused() -> None:
    with pytest.raises(StatuteError, match="ends before it starts"):
        term_for(D(2021, 5, 6), term_ends_on=D(2021, 5, 1))


def test_by_elected_term_begins_on_declaration_and_ends_with_the_ordinary_term() -> None:
    term = term_for(D(2019, 2, 28), declared=D(2019, 3, 1))
    assert term.kind is TermKind.BY_ELECTION
    assert term.takes_office == D(2019, 3, 1)
    assert term.term_ends == D(2021, 5, 12)
    assert term.plan_deadline is None
    assert not term.new_plan_required
    with pytest.raises(StatuteError, match="no deadline"):
        term.planning_period()
    assert term.planning_period(D(2019, 6, 1)).end == D(2021, 3, 31)


def test_by_election_poll_within_35_business_days() -> None:
    result = by_election(D(2019, 1, 10))
    assert result.required
    assert result.poll_by == D(2019, 2, 28)
    assert result.term_ends == D(2021, 5, 12)


def test_by_election_over_easter_disregards_non_business_days() -> None:
    # Vacancy Friday 1 April 2022: weekends, Good Friday, Easter Monday and 2 May are not counted,
    # so the 35th business day after it is Wednesday 25 May (a calendar count would give 6 May).
    assert by_election(D(2022, 4, 1)).poll_by == D(2022, 5, 25)


def test_no_by_election_within_six_months_of_an_ordinary_poll() -> None:
    assert not by_election(D(2023, 11, 3)).required
    assert by_election(D(2023, 11, 1)).required
    assert by_election(D(2023, 11, 3)).poll_by is None
    assert by_election(D(2023, 11, 3), no_election_within=relativedelta(months=3)).required


@pytest.mark.parametrize(
    ("poll", "deadline"),
    [(D(2024, 5, 2), D(2024, 7, 2)), (D(2016, 5, 5), D(2016, 7, 5)), (D(2021, 5, 6), D(2021, 7, 6))],
)
def test_acceptance_deadline(poll: dt.date, deadline: dt.date) -> None:
    assert acceptance_deadline(poll) == deadline


def test_acceptance_deadline_moves_to_the_next_business_day() -> None:
    # A by-election poll on 5 August 2024: two months beginning with 6 August end on Saturday 5 October.
    assert acceptance_deadline(D(2024, 8, 3)) == D(2024, 10, 3)
    assert acceptance_deadline(D(2024, 8, 4)) == D(2024, 10, 4)
    assert acceptance_deadline(D(2024, 8, 5)) == D(2024, 10, 7)  # ends Saturday 5th: moves to Monday


_ORDINARY_AREAS = [a for a in all_areas() if a.kind in (BodyKind.PCC, BodyKind.PFCC)]


@given(
    poll=st.sampled_from([e.poll for e in default_elections().between(D(2012, 1, 1), D(2060, 12, 31))]),
    area=st.sampled_from([None, *_ORDINARY_AREAS]),
)
def test_outside_mayoral_areas_a_term_starts_7_days_after_its_poll(poll: dt.date, area: object) -> None:
    term = term_for(poll, area)  # type: ignore[arg-type]
    assert term.takes_office == poll + dt.timedelta(days=7)
    assert term.plan_deadline is not None
    assert term.plan_deadline > term.takes_office
    assert (term.plan_deadline.month, term.plan_deadline.day) == (3, 31)
    assert term.plan_deadline.year == term.takes_office.year + (1 if term.takes_office.month >= 4 else 0)
    assert term.term_ends == term.next_poll + dt.timedelta(days=6)
    assert term.nation is (area.nation if area else Nation.ENGLAND)  # type: ignore[attr-defined]
