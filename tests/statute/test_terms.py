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
from pccplan.statute.dated import Dated
from pccplan.statute.elections import default_elections
from pccplan.statute.registry import cite, rule
from pccplan.statute.terms import (
    NO_FIXED_DAYS,
    TermDays,
    TermKind,
    acceptance_by,
    by_election,
    fixed_term_days,
    postponed_by_election,
    takes_office,
    term_ends,
    term_for,
)

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
    assert term.steps[1].citation.url.startswith("https://www.legislation.gov.uk/uksi/20")
    assert term.acceptance_deadline is None  # s.70 applies to a person elected as PCC, not to a mayor
    assert "ACC-1" not in [s.rule for s in term.steps]
    assert term.new_plan_required


def test_later_mayoral_terms_follow_the_election_order_and_can_be_overridden() -> None:
    """TERM-5: "begins with the fourth day after the day of the poll ... ends with the third day after the
    day of the poll at the next election" (the orders of the series, e.g. SI 2021/112 art 3(4))."""
    area = find_area("greater-manchester")
    term = term_for(D(2021, 5, 6), area)
    assert (term.takes_office, term.term_ends) == (D(2021, 5, 10), D(2024, 5, 5))
    assert term.steps[1].rule == "TERM-5"
    assert "uksi/2016/448" in term.steps[1].citation.url
    assert term.steps[1].citation.confidence is Confidence.VERIFIED  # SI 2016/448 art 3(4), read
    fixed = term_for(D(2021, 5, 6), area, takes_office_on=D(2021, 5, 10), term_ends_on=D(2024, 5, 6))
    assert (fixed.takes_office, fixed.term_ends) == (D(2021, 5, 10), D(2024, 5, 6))


def test_the_override_keywords_are_one_entry_of_the_fixed_days_table() -> None:
    """The keywords only add an entry: passing the same entry as a table gives the same term."""
    table = fixed_term_days(D(2021, 5, 6), takes_office_on=D(2021, 5, 14), term_ends_on=D(2024, 5, 9))
    (entry,) = table.entries
    assert (entry.effective_from, entry.effective_to) == (D(2021, 5, 6), D(2021, 5, 6))
    assert entry.value == TermDays(takes_office=D(2021, 5, 14), term_ends=D(2024, 5, 9))
    assert "given by the user" in (entry.citation.note or "")
    by_keyword = term_for(D(2021, 5, 6), takes_office_on=D(2021, 5, 14), term_ends_on=D(2024, 5, 9))
    by_table = term_for(D(2021, 5, 6), fixed_days=table)
    assert by_keyword == by_table
    assert (by_table.takes_office, by_table.term_ends) == (D(2021, 5, 14), D(2024, 5, 9))
    assert "Day given by the user." in (by_table.steps[1].citation.note or "")
    assert fixed_term_days(D(2021, 5, 6)) is NO_FIXED_DAYS  # no keywords, no entry


def test_a_fixed_day_from_an_order_is_an_entry_with_its_own_reason() -> None:
    """An order that fixes a first day outright is an entry of the same table, for its poll only."""
    order = Dated(
        effective_from=D(2024, 5, 2),
        effective_to=D(2024, 5, 2),
        value=TermDays(takes_office=D(2024, 5, 7), reason="First day fixed by the order."),
        citation=cite("TERM-3"),
        known_on=D(2024, 3, 18),
    )
    table = NO_FIXED_DAYS.with_entry(order)
    term = term_for(D(2024, 5, 2), fixed_days=table)
    assert term.takes_office == D(2024, 5, 7)
    assert "First day fixed by the order." in (term.steps[1].citation.note or "")
    assert term_for(D(2021, 5, 6), fixed_days=table).takes_office == D(2021, 5, 13)  # another poll: the rule


def test_term_1_rules_return_their_days_as_cited_steps() -> None:
    """TERM-1, s.50(7): "the seventh day after" the poll; "the sixth day after" the next poll."""
    start, end = takes_office(D(2024, 5, 2)), term_ends(D(2028, 5, 4))
    assert (start.rule, start.date, start.title) == ("TERM-1", D(2024, 5, 9), "Takes office")
    assert (end.rule, end.date) == ("TERM-1", D(2028, 5, 10))
    assert start.citation == cite("TERM-1")


def test_the_model_records_pcc_areas_from_the_term_1_day_of_the_first_poll() -> None:
    """model/area.py holds Part 1's commencement (SI 2012/2892 art 2(a)) as data, not TERM-1 itself.

    The two agree: the first PCCs took office on the 7th day after the 15 November 2012 poll.
    """
    first = takes_office(next(default_elections().ordinary_polls()).poll).date
    pcc_areas = [a for a in all_areas() if a.governance[0].kind is BodyKind.PCC]
    assert pcc_areas
    assert {a.governance[0].since for a in pcc_areas} == {first}


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
    step = acceptance_by(poll)
    assert (step.rule, step.date) == ("ACC-1", deadline)


def test_acceptance_deadline_moves_to_the_next_business_day() -> None:
    # A by-election poll on 5 August 2024: two months beginning with 6 August end on Saturday 5 October.
    assert acceptance_by(D(2024, 8, 3)).date == D(2024, 10, 3)
    assert acceptance_by(D(2024, 8, 4)).date == D(2024, 10, 4)
    assert acceptance_by(D(2024, 8, 5)).date == D(2024, 10, 7)  # ends Saturday 5th: moves to Monday


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


def test_west_yorkshire_2021_poll_term_from_10_may_to_3rd_day_after_next_poll() -> None:
    """SI 2021/112 art 3(4): the term "begins with the fourth day after the day of the poll" (6 May 2021)."""
    term = term_for(D(2021, 5, 6), find_area("west-yorkshire"))
    assert (term.takes_office, term.term_ends) == (D(2021, 5, 10), D(2024, 5, 5))
    assert term.steps[0].rule == "TERM-5"
    assert "uksi/2021/112/article/34" in term.steps[1].citation.url


def test_greater_manchester_2024_term_begins_on_the_4th_day_a_bank_holiday() -> None:
    """GM 2024: 2 May poll + 4 days = Monday 6 May 2024 (Early May bank holiday); no order moves it."""
    term = term_for(D(2024, 5, 2), find_area("greater-manchester"))
    assert term.takes_office == D(2024, 5, 6)
    assert term.steps[1].non_working_day
    assert "bank holiday" in (term.steps[1].citation.note or "")


def test_south_yorkshire_mayor_holds_pcc_functions_from_7_may_after_the_order() -> None:
    """SI 2024/414 art 4(2): "There is to be no police and crime commissioner for the Area from 7th May
    2024"."""
    term = term_for(D(2024, 5, 2), find_area("south-yorkshire"))
    assert term.takes_office == D(2024, 5, 7)
    assert "2024-05-06" in (term.steps[1].note or "")  # the mayoral term itself begins the day before


def test_mayor_of_london_term_counts_from_the_declaration() -> None:
    """GLA Act 1999 s.2(8)(a): "begin on the second day after the day on which the last of the successful
    candidates ... is declared to be returned": poll 2 May 2024, declared 4 May, term from 6 May."""
    london = find_area("london")
    term = term_for(D(2024, 5, 2), london, declared=D(2024, 5, 4))
    assert term.takes_office == D(2024, 5, 6)
    assert term.steps[1].rule == "TERM-6"
    assert "ukpga/1999/29/section/2" in term.steps[1].citation.url
    assert "MOPAC" in (term.steps[1].citation.note or "")
    assert term.acceptance_deadline is None
    guessed = term_for(D(2024, 5, 2), london)
    assert "assumed" in (guessed.steps[1].note or "")


def test_new_2027_mayors_are_not_pcc_by_elections() -> None:
    """GOV-2: Cumbria and Cheshire and Warrington elect mayors on 6 May 2027 without PCC functions."""
    for name in ("cumbria", "cheshire"):
        with pytest.raises(StatuteError, match="takes no PCC functions"):
            term_for(D(2027, 5, 6), find_area(name))


def test_pcc_vacancy_in_september_2020_is_filled_on_6_may_2021() -> None:
    """TERM-4A, SI 2020/395 reg 10: by-elections due 16 March 2020 to 5 May 2021 held on 6 May 2021."""
    result = by_election(D(2020, 9, 15))
    assert result.required
    assert result.postponed
    assert result.acting_commissioner
    assert result.poll_by == D(2021, 5, 6)
    assert result.citation.url.endswith("uksi/2020/395/regulation/10")
    assert "acting commissioner" in (result.note or "")
    assert not by_election(D(2019, 1, 10)).postponed  # TERM-4 outside the period is unchanged


def test_2024_term_under_current_law_warns_of_the_2028_announcement() -> None:
    """GOV-1: current law still gives the 4 May 2028 poll; dates resting on it are 'announced change'."""
    term = term_for(D(2024, 5, 2))
    assert term.term_ends == D(2028, 5, 10)
    assert term.status.value == "announced change, not yet law"
    marked = [s for s in term.steps if s.status.value != "in force"]
    assert [s.date for s in marked] == [D(2028, 5, 4), D(2028, 5, 10)]
    assert all(s.citation.confidence is Confidence.UNVERIFIED and s.warning for s in marked)
    assert term.warnings


def test_announced_scenario_has_no_2028_pcc_poll() -> None:
    term = term_for(D(2024, 5, 2), law="announced")
    assert term.term_ends == D(2028, 5, 10)  # the day s.50(7) gives
    assert term.steps[-2].rule == "GOV-1"
    with pytest.raises(StatuteError, match="no PCC poll on 2028-05-04"):
        term_for(D(2028, 5, 4), law="announced")
    with pytest.raises(StatuteError, match="'current' or 'announced'"):
        term_for(D(2024, 5, 2), law="maybe")


def test_london_2012_term_runs_to_the_2016_mayoral_poll_not_the_november_pcc_poll() -> None:
    term = term_for(D(2012, 5, 3), find_area("london"), declared=D(2012, 5, 4))
    assert term.takes_office == D(2012, 5, 6)
    assert term.next_poll == D(2016, 5, 5)


def test_by_election_before_2028_warns_that_its_end_rests_on_current_law() -> None:
    result = by_election(D(2025, 6, 2))
    assert result.term_ends == D(2028, 5, 10)
    assert result.status.value == "announced change, not yet law"
    assert result.warning
    assert by_election(D(2025, 6, 2), law="announced").warning is None


def test_the_model_pcc_start_agrees_with_term_1() -> None:
    """The model records Part 1's commencement (SI 2012/2892); TERM-1 gives that day from the 2012 poll."""
    assert find_area("kent").governance[0].since == term_for(D(2012, 11, 15)).takes_office


def test_every_by_election_due_in_the_postponement_period_is_held_on_6_may_2021() -> None:
    """TERM-4A (property): a poll that "would otherwise be required to be held" from 16 March 2020 to
    5 May 2021 is held on 6 May 2021; outside that period TERM-4's 35 business days stand."""
    from hypothesis import given, settings

    from pccplan.statute.calendar import working_calendar

    cal = working_calendar(Nation.ENGLAND)
    reached = {"examples": 0, "postponed": 0}

    @settings(max_examples=150, deadline=None)
    @given(vacancy=st.dates(min_value=D(2020, 2, 1), max_value=D(2020, 11, 5)))
    def check(vacancy: dt.date) -> None:
        reached["examples"] += 1
        result = by_election(vacancy)
        due = cal.add_business_days(vacancy, 35)
        assert result.required  # more than six months before the 6 May 2021 ordinary poll
        if D(2020, 3, 16) <= due <= D(2021, 5, 5):
            assert result.postponed
            assert result.acting_commissioner
            assert result.poll_by == D(2021, 5, 6)
            reached["postponed"] += 1
        else:
            assert result.poll_by == due

    check()
    assert reached["postponed"] >= 0.8 * reached["examples"]


def test_the_2020_21_postponement_is_its_own_rule_beside_term_4() -> None:
    """TERM-4A is applied by its own function, the exception placed beside TERM-4's `by_election`."""
    assert rule("TERM-4A").function is postponed_by_election
    assert rule("TERM-4").function is by_election
    assert postponed_by_election(D(2020, 3, 16)) == D(2021, 5, 6)
    assert postponed_by_election(D(2021, 5, 5)) == D(2021, 5, 6)
    assert postponed_by_election(D(2020, 3, 15)) is None
    assert postponed_by_election(D(2021, 5, 6)) is None


def test_a_vacancy_on_the_day_six_months_before_the_poll_still_needs_a_by_election() -> None:
    """TERM-4, s.51(7): no election if the vacancy occurs "within the period of six months ending with the
    day of the poll at the next ordinary election". For the 2 May 2024 poll that period begins on
    3 November 2023, so a vacancy on 2 November 2023 is outside it (a by-election is held)."""
    assert by_election(D(2023, 11, 2)).required
    assert not by_election(D(2023, 11, 3)).required


def test_greater_manchester_2024_term_from_the_election_order() -> None:
    """SI 2016/448 art 3(4): the term "begins with the fourth day after the day of the poll" and "ends with
    the third day after the day of the poll at the next election": poll 2 May 2024, office from Monday
    6 May 2024 (the Early May bank holiday: the order does not move it), to 7 May 2028."""
    term = term_for(D(2024, 5, 2), find_area("greater-manchester"))
    assert (term.takes_office, term.term_ends) == (D(2024, 5, 6), D(2028, 5, 7))
    assert "uksi/2016/448/article/3" in term.steps[1].citation.url


def test_york_and_north_yorkshire_first_term_begins_on_the_day_the_order_fixes() -> None:
    """SI 2023/1432 art 4(4)(a): the 2024 term "begins with 7th May 2024" (not the 4th day after the
    2 May poll); art 4(4)(b): it ends with the third day after the next poll."""
    term = term_for(D(2024, 5, 2), find_area("north-yorkshire"))
    assert (term.takes_office, term.term_ends) == (D(2024, 5, 7), D(2028, 5, 7))


def test_a_term_reads_in_one_line_naming_its_area_dates_and_law() -> None:
    term = term_for(D(2016, 5, 5), find_area("cambridgeshire"))
    assert repr(term) == (
        "<Term cambridgeshire: ordinary poll 2016-05-05, in office 2016-05-12 to 2021-05-12, "
        "plan by 2017-03-31, 6 steps, law current>"
    )
    after_by_election = term_for(D(2014, 8, 21), find_area("west-midlands"))  # after Bob Jones died
    assert ", no plan duty," in repr(after_by_election)
