"""The police-area registry: complete, faithful to the fact sheet, and easy to look up."""

from __future__ import annotations

import datetime as dt

import pytest

from pccplan.errors import UnknownAreaError, ValidationError
from pccplan.model.area import BodyKind, Governance, Nation, PoliceArea, all_areas, find_area
from pccplan.model.sources import Confidence


def test_registry_has_every_area_outside_london_plus_london() -> None:
    assert len(all_areas()) == 42  # 37 English areas outside London, 4 Welsh areas, London
    assert sum(a.nation is Nation.WALES for a in all_areas()) == 4
    assert len({a.slug for a in all_areas()}) == 42


def test_welsh_areas() -> None:
    welsh = {a.name for a in all_areas() if a.nation is Nation.WALES}
    assert welsh == {"Dyfed-Powys", "Gwent", "North Wales", "South Wales"}
    assert find_area("Gogledd Cymru").name == "North Wales"
    assert find_area("de cymru").name_cy == "De Cymru"


@pytest.mark.parametrize(
    ("slug", "since", "panel"),
    [
        ("greater-manchester", dt.date(2017, 5, 8), "Greater Manchester Police, Fire and Crime Panel"),
        ("west-yorkshire", dt.date(2021, 5, 10), "West Yorkshire Police and Crime Panel"),
        ("south-yorkshire", dt.date(2024, 5, 7), "South Yorkshire Police and Crime Panel"),
        ("north-yorkshire", dt.date(2024, 5, 7), "York and North Yorkshire Police, Fire and Crime Panel"),
    ],
)
def test_mayoral_transfer_dates_from_term_3(slug: str, since: dt.date, panel: str) -> None:
    area = find_area(slug)
    assert area.kind is BodyKind.MAYOR
    assert area.current.since == since
    assert area.panel_name == panel
    assert not area.is_mayoral(since - dt.timedelta(days=1)) or slug == "north-yorkshire"
    assert area.is_mayoral(since)


@pytest.mark.parametrize(
    ("slug", "since"),
    [
        ("essex", dt.date(2017, 10, 1)),
        ("staffordshire", dt.date(2018, 8, 1)),
        ("northamptonshire", dt.date(2019, 1, 1)),
        ("cumbria", dt.date(2023, 4, 1)),
    ],
)
def test_pfcc_dates(slug: str, since: dt.date) -> None:
    area = find_area(slug)
    assert area.kind is BodyKind.PFCC
    assert area.commissioner_title == "Police, Fire and Crime Commissioner"
    assert area.governance_on(since).kind is BodyKind.PFCC
    assert area.governance_on(since - dt.timedelta(days=1)).kind is BodyKind.PCC


def test_north_yorkshire_pfcc_day_is_marked_unverified() -> None:
    pfcc = find_area("north-yorkshire").governance_on(dt.date(2019, 1, 1))
    assert pfcc.kind is BodyKind.PFCC
    assert pfcc.confidence is Confidence.UNVERIFIED
    assert pfcc.note
    assert "November 2018" in pfcc.note


def test_london_is_mopac_reviewed_by_the_assembly() -> None:
    london = find_area("London")
    assert london.kind is BodyKind.MOPAC
    assert london.is_mayoral()
    assert london.panel_name == "London Assembly Police and Crime Committee"
    assert find_area("Metropolitan Police") is london


def test_ordinary_area_is_a_pcc_from_november_2012() -> None:
    area = find_area("Cambridgeshire")
    assert area.kind is BodyKind.PCC
    assert area.current.since == dt.date(2012, 11, 22)
    assert area.panel_name == "Cambridgeshire Police and Crime Panel"
    assert area.governance_on(dt.date(2000, 1, 1)).kind is BodyKind.PCC


@pytest.mark.parametrize(
    "query",
    ["south-yorkshire", "South Yorkshire", "SOUTH YORKSHIRE", "  south yorkshire ", "South Yorkshire Police"],
)
def test_lookup_by_slug_or_name_in_any_case(query: str) -> None:
    assert find_area(query).slug == "south-yorkshire"


def test_lookup_by_alias_and_ampersand() -> None:
    assert find_area("Cambridgeshire & Peterborough").slug == "cambridgeshire"
    assert find_area("Hampshire and Isle of Wight").slug == "hampshire"
    assert find_area("Avon & Somerset Constabulary").slug == "avon-and-somerset"


def test_unknown_area_lists_close_matches() -> None:
    with pytest.raises(UnknownAreaError) as caught:
        find_area("Cambrigeshire")
    assert caught.value.suggestions[0] == "cambridgeshire"
    assert "did you mean 'cambridgeshire'" in str(caught.value)


def test_partial_name_suggests_the_areas_it_is_part_of() -> None:
    with pytest.raises(UnknownAreaError) as caught:
        find_area("yorkshire")
    assert set(caught.value.suggestions) == {"north-yorkshire", "south-yorkshire", "west-yorkshire"}


def test_city_of_london_has_no_pcc() -> None:
    with pytest.raises(UnknownAreaError, match="City of London has no police and crime commissioner"):
        find_area("City of London")


def test_lookup_refuses_non_text() -> None:
    with pytest.raises(UnknownAreaError, match="named by text"):
        find_area(42)  # type: ignore[arg-type]


def test_area_object_passes_through() -> None:
    area = all_areas()[0]
    assert find_area(area) is area


def _governance(day: dt.date) -> Governance:
    return Governance(kind=BodyKind.PCC, since=day, panel_name="P", title="T", source="S")


def test_governance_must_be_in_date_order_and_not_empty() -> None:
    with pytest.raises(ValidationError) as caught:
        PoliceArea(
            name="X",
            slug="x",
            nation=Nation.ENGLAND,
            governance=[_governance(dt.date(2020, 1, 1)), _governance(dt.date(2019, 1, 1))],
        )
    assert caught.value.path == "governance[1].since"
    with pytest.raises(ValidationError, match="at least one"):
        PoliceArea(name="X", slug="x", nation=Nation.ENGLAND, governance=[])


def test_default_titles() -> None:
    assert BodyKind.PCC.default_title == "Police and Crime Commissioner"
    assert BodyKind.MOPAC.default_title == "Mayor's Office for Policing and Crime"


def test_pcc_and_mopac_start_days_are_the_commencement_days() -> None:
    """SI 2012/2892 art 2(a): Part 1 in force 22 November 2012; SI 2011/3019 Sch.1 (a): s.3 on 16 January
    2012."""
    assert "SI 2012/2892" in find_area("kent").current.source
    london = find_area("london").current
    assert london.since == dt.date(2012, 1, 16)
    assert london.confidence is Confidence.VERIFIED
    assert "SI 2011/3019" in london.source
