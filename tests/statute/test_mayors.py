"""Tests for mayors' terms as per-area data (TERM-3, TERM-5, TERM-6, GOV-2)."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import StatuteError
from pccplan.model.area import BodyKind, all_areas, find_area
from pccplan.statute.mayors import (
    MAYORAL_AREAS,
    Anchor,
    deputy_mayor_may_exercise,
    governance_history,
    mayoral_area,
    new_mayor_without_pcc_functions,
)
from pccplan.statute.terms import term_for

D = dt.date


def test_west_yorkshire_rule_from_the_order_text() -> None:
    """SI 2021/112 art 3(4): "begins with the fourth day after the day of the poll" and "ends with the third
    day after the day of the poll at the next election"."""
    data = mayoral_area("west-yorkshire")
    assert data is not None
    assert data.term_rule.anchor is Anchor.POLL
    assert data.term_rule.begins(D(2021, 5, 6)) == D(2021, 5, 10)
    assert data.term_rule.ends(D(2024, 5, 2)) == D(2024, 5, 5)
    assert data.transfer is not None
    assert data.transfer.first_day == D(2021, 5, 10)


def test_london_counts_from_the_declaration() -> None:
    """GLA Act 1999 s.2(8): the second day after the day the last successful candidate is declared."""
    data = mayoral_area("london")
    assert data is not None
    assert data.term_rule.anchor is Anchor.DECLARATION
    assert data.term_rule.begins(D(2024, 5, 4)) == D(2024, 5, 6)
    assert data.occupant_rule is not None
    assert "section/3" in data.occupant_rule.url


def test_pcc_areas_have_no_mayoral_data_and_2027_mayors_take_no_pcc_functions() -> None:
    assert mayoral_area("kent") is None
    mayor = new_mayor_without_pcc_functions("cumbria", D(2027, 5, 6))
    assert mayor is not None
    assert mayor.takes_office == D(2027, 5, 10)
    assert new_mayor_without_pcc_functions("cumbria", D(2028, 5, 4)) is None


def test_governance_history_is_the_areas_governance_as_dated_entries_each_with_its_source() -> None:
    """Issue 13: areas' governance (PCC, PFCC, mayor, MOPAC) is dated-value data with citations."""
    days = [dt.date(2012, 11, 22), dt.date(2017, 5, 8), dt.date(2018, 11, 1), dt.date(2021, 5, 10)]
    days += [dt.date(2024, 5, 6), dt.date(2024, 5, 7), dt.date(2026, 12, 1)]
    checked = 0
    for area in all_areas():
        history = governance_history(area)
        for day in days:
            if day >= area.governance[0].since:
                assert history.on(day).value == area.governance_on(day), (area.slug, day)
                checked += 1
    assert checked >= 40 * len(days) - 7  # London's entry starts in 2012 too: nearly every pair is checked
    north = governance_history(find_area("north-yorkshire"))
    assert [e.value.kind for e in north.entries] == [BodyKind.PCC, BodyKind.PFCC, BodyKind.MAYOR]
    assert north.entries[1].effective_to == dt.date(2024, 5, 6)
    assert "uksi/2023/1432" in north.entries[2].citation.url
    assert "ukpga/2011/13/section/3" in governance_history(find_area("london")).entries[0].citation.url


def test_each_transfer_and_term_rule_cites_its_own_instrument_and_article() -> None:
    """Issue 13: each area's term rule is data with its instrument and article, and each transfer order
    links to its own instrument (the Yorkshire orders are not SI 2017/470, Greater Manchester's)."""
    transfers = {a.slug: a.transfer for a in MAYORAL_AREAS if a.transfer is not None}
    assert set(transfers) == {"greater-manchester", "west-yorkshire", "south-yorkshire", "north-yorkshire"}
    urls = {slug: t.citation.url for slug, t in transfers.items()}
    assert len(set(urls.values())) == len(urls)
    assert "uksi/2017/470" in urls["greater-manchester"]
    assert "uksi/2021/112" in urls["west-yorkshire"]
    assert "uksi/2024/414" in urls["south-yorkshire"]
    assert "uksi/2023/1432" in urls["north-yorkshire"]
    for area in MAYORAL_AREAS:
        for citation in (area.term_rule.citation, *([area.transfer.citation] if area.transfer else [])):
            assert citation.url.startswith("https://www.legislation.gov.uk/"), area.slug
            assert citation.pinpoint.startswith(("art", "s.")), (area.slug, citation.pinpoint)
            assert citation.checked_on is not None, area.slug
    london = mayoral_area("london")
    assert london is not None
    assert (london.term_rule.citation.instrument, london.term_rule.citation.pinpoint) == (
        "Greater London Authority Act 1999",
        "s.2(8)",
    )


def test_no_mayor_is_shown_an_s70_acceptance_day() -> None:
    """PRSRA s.70 (ACC-1) is for "a person elected as a police and crime commissioner": not for a mayor."""
    checked = 0
    for data in MAYORAL_AREAS:
        polls = [D(2024, 5, 2)] + ([data.transfer.poll] if data.transfer else [])
        for poll in polls:
            term = term_for(poll, find_area(data.slug))
            assert term.acceptance_deadline is None, (data.slug, poll)
            assert "ACC-1" not in {s.rule for s in term.steps}, (data.slug, poll)
            assert "s.70" in (term.steps[1].note or ""), (data.slug, poll)
            checked += 1
    assert checked == 9
    kent = term_for(D(2024, 5, 2), find_area("kent"))
    assert kent.acceptance_deadline is not None  # a PCC still gets the s.70 day


def test_deputy_mayor_may_not_issue_the_plan_or_act_on_senior_appointments() -> None:
    """LON-1, PRSRA s.19(3)(b): MOPAC may not "arrange for the Deputy Mayor for Policing and Crime to
    exercise a function listed in subsection (7)(a), (e), (f), (g) or (h)"; (7)(a) is "issuing a police and
    crime plan". MOPAC's Police and Crime Plan 2022-25 was issued by the Mayor, the Deputy Mayor signing
    the decision (fact sheet, LON-1)."""
    assert [p for p in "abcdefghij" if not deputy_mayor_may_exercise(p)] == ["a", "e", "f", "g", "h"]
    assert deputy_mayor_may_exercise("(b)")  # determining the police and crime objectives may be delegated
    with pytest.raises(StatuteError, match="no paragraph 'k'"):
        deputy_mayor_may_exercise("k")


def test_south_yorkshire_term_rule_from_the_order_text() -> None:
    """SI 2016/800 art 3(4) (read): the fourth day after the poll to the third day after the next."""
    data = mayoral_area("south-yorkshire")
    assert data is not None
    assert data.term_rule.citation.confidence.value == "V"
    assert data.term_rule.begins(D(2024, 5, 2)) == D(2024, 5, 6)
    assert data.transfer is not None
    assert data.transfer.first_day == D(2024, 5, 7)  # SI 2024/414 art 4(2)


def test_every_governance_entry_says_when_its_source_was_read() -> None:
    """Issue 13: every citation carries checked_on, governance history (PRSRA s.1, s.3; PCA 2017 s.6) too."""
    for area in all_areas():
        for entry in governance_history(area).entries:
            assert entry.citation.checked_on == D(2026, 12, 1), (area.slug, entry.citation.text)


def test_ca_1_a_deputy_mayor_may_vary_but_not_issue_the_plan_in_every_mayoral_area() -> None:
    from pccplan.statute.mayors import PlanFunction, deputy_mayor_bar

    for area in MAYORAL_AREAS:
        kind = BodyKind.MOPAC if area.slug == "london" else BodyKind.MAYOR
        assert deputy_mayor_bar(kind, area.slug, PlanFunction.VARY) is None
        bar = deputy_mayor_bar(kind, area.slug, PlanFunction.ISSUE)
        assert bar is not None
        assert ("s.19(3)(b)" if kind is BodyKind.MOPAC else "s.18(3)(b), (7)(a)") in bar
    # West Yorkshire's order was read; the others' are cited as unverified.
    assert "Sch 5 para 21" in str(deputy_mayor_bar(BodyKind.MAYOR, "west-yorkshire", PlanFunction.ISSUE))
    assert "(unverified)" in str(deputy_mayor_bar(BodyKind.MAYOR, "greater-manchester", PlanFunction.ISSUE))
    # A PCC's or PFCC's deputy is ACT-1's matter, not a deputy mayor's.
    assert deputy_mayor_bar(BodyKind.PCC, "kent", PlanFunction.ISSUE) is None


def test_york_and_north_yorkshire_term_rule_gives_7_may_2024() -> None:
    """SI 2023/1432 art 4(4)(a): the 2024 Mayor's term "begins on 7th May 2024": the rule says so itself."""
    data = mayoral_area("north-yorkshire")
    assert data is not None
    assert data.term_rule.begins(dt.date(2024, 5, 2)) == dt.date(2024, 5, 7)
    assert data.term_rule.fixed.on(dt.date(2024, 5, 2)).citation.text.endswith("art 4(4)(a)")
    assert data.term_rule.begins(dt.date(2028, 5, 4)) == dt.date(2028, 5, 8)  # art 4(5): the fourth day


def test_a_transfer_is_an_entry_of_the_fixed_days_table() -> None:
    """SI 2024/414 art 4(2): South Yorkshire's PCC functions pass on 7 May 2024, one fixed-days entry."""
    data = mayoral_area("south-yorkshire")
    assert data is not None
    entry = data.transfer_days().on(dt.date(2024, 5, 2))
    assert entry.value.takes_office == dt.date(2024, 5, 7)
    assert "uksi/2024/414" in (entry.citation.url or "")
