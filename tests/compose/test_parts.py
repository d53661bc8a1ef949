"""The pieces composers share: money, dates, counts, the office's naming, links and Welsh lines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pccplan.compose.parts import (
    WELSH_AVAILABLE,
    Office,
    area_of_panel,
    contact_line,
    count_words,
    date_span,
    financial_year,
    plan_years,
    possessive,
    pounds,
    url_link,
    welsh_language,
)
from pccplan.compose.tree import Link
from pccplan.errors import ValidationError
from pccplan.model.area import BodyKind, find_area
from pccplan.model.document import Contact
from pccplan.model.plan import Commissioner, Period, Plan


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("1250000"), "£1,250,000.00"),
        (Decimal("0"), "£0.00"),
        (Decimal("999.995"), "£1,000.00"),
        (Decimal("12.5"), "£12.50"),
        (Decimal("-5"), "-£5.00"),
    ],
)
def test_pounds(amount: Decimal, shown: str) -> None:
    assert pounds(amount) == shown


def test_pounds_refuses_floats() -> None:
    with pytest.raises(ValidationError, match="Decimal"):
        pounds(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        pounds(Decimal("NaN"))


@given(st.decimals(min_value=0, max_value=Decimal("1e12"), places=2, allow_nan=False, allow_infinity=False))
def test_pounds_round_trips_whole_pence(amount: Decimal) -> None:
    shown = pounds(amount)
    assert shown.startswith("£")
    assert Decimal(shown[1:].replace(",", "")) == amount


def test_counts_dates_and_years() -> None:
    assert count_words(1, "recommendation") == "one recommendation"
    assert count_words(3, "recommendation") == "three recommendations"
    assert count_words(0, "recommendation") == "no recommendations"
    assert count_words(12, "member") == "12 members"
    assert count_words(2, "body", "bodies") == "two bodies"
    assert date_span(dt.date(2022, 4, 1), dt.date(2025, 3, 31)) == "1 April 2022 to 31 March 2025"
    assert financial_year(2022) == "2022/23"
    assert financial_year(2099) == "2099/00"
    assert possessive("Commissioner") == "Commissioner\u2019s"


def test_plan_years_from_the_poll_unless_the_plan_states_its_period() -> None:
    area = find_area("cambridgeshire")
    plan = Plan(title="Plan", area=area, commissioner=Commissioner(name="A"))
    assert plan_years(plan, dt.date(2021, 11, 30), dt.date(2024, 5, 2)) == "2021 \u2013 2024"
    stated = Plan(
        title="Plan",
        area=area,
        commissioner=Commissioner(name="A"),
        period=Period(start=dt.date(2022, 4, 1), end=dt.date(2022, 12, 31)),
    )
    assert plan_years(stated, dt.date(2021, 11, 30), dt.date(2024, 5, 2)) == "2022"


def test_a_typed_title_that_names_its_place_is_not_given_the_place_again() -> None:
    essex = find_area("essex")
    typed = Commissioner(name="R", title="Police, Fire and Crime Commissioner for Essex")
    office = Office.of(essex, typed, dt.date(2021, 11, 1))
    assert office.full_title == "Police, Fire and Crime Commissioner for Essex"
    assert office.office_name == "Office of the Police, Fire and Crime Commissioner for Essex"
    untyped = Office.of(essex, Commissioner(name="R"), dt.date(2021, 11, 1))
    assert untyped.full_title == "Police, Fire and Crime Commissioner for Essex"
    assert untyped.office_name == office.office_name


def test_office_for_panel_finds_the_area_or_reads_the_title() -> None:
    essex = Office.for_panel(None, "Essex Police, Fire and Crime Panel", dt.date(2021, 11, 1))
    assert (essex.title, essex.short, essex.kind) == (
        "Police, Fire and Crime Commissioner",
        "Commissioner",
        BodyKind.PFCC,
    )
    assert essex.full_title == "Police, Fire and Crime Commissioner for Essex"
    mayor = Office.for_panel(
        Commissioner(name="M", title="Mayor of Somewhere"),
        "Somewhere Police and Crime Panel",
        dt.date(2022, 1, 1),
    )
    assert (mayor.short, mayor.kind, mayor.panel_short) == ("Mayor", BodyKind.MAYOR, "Police and Crime Panel")
    assert mayor.full_title == "Mayor of Somewhere"
    london = Office.of(find_area("london"), Commissioner(name="x"), dt.date(2021, 6, 1))
    assert london.act_section == "6"
    assert essex.act_section == "5"
    # The link follows the section: MOPAC's plan duty is s.6, not s.5 (LON-1).
    assert london.plan_url.endswith("ukpga/2011/13/section/6")
    assert essex.plan_url.endswith("ukpga/2011/13/section/5")
    assert area_of_panel("Gwent Police and Crime Panel") == find_area("gwent")
    assert area_of_panel("Nowhere Panel") is None


def test_url_link_names_the_field_of_a_bad_address() -> None:
    made = url_link("the Panel\u2019s website", "https://example.gov.uk/p", "process.panel_report_url")
    assert isinstance(made, Link)
    assert url_link("words", None, "x") == "words"
    with pytest.raises(ValidationError) as caught:
        url_link("words", "not a url", "process.panel_report_url")
    assert caught.value.path == "process.panel_report_url"


def test_welsh_lines_only_for_welsh_areas() -> None:
    office = Office.of(find_area("gwent"), Commissioner(name="x"), dt.date(2021, 6, 1))
    lines = welsh_language(find_area("gwent"), office, "Plan")
    assert len(lines) == 2
    assert welsh_language(find_area("kent"), office) == []
    assert WELSH_AVAILABLE.endswith("Gymraeg.")


def test_contact_line() -> None:
    full = Contact(
        name="Jane Smith", role="Head of Policy", organisation="OPCC", phone="01234", email="j@x.gov.uk"
    )
    assert contact_line(full) == "Jane Smith, Head of Policy, OPCC (01234 | j@x.gov.uk)"
    assert contact_line(Contact(name="Jane Smith")) == "Jane Smith"
