"""The statutory timetable of a term, as a table and as a document, for several areas and years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.conftest import docx_part, pandoc_text
from tests.london import MEETING, METROPOLIS, POLL

from pccplan.compose.timetable import timetable_document, timetable_steps, timetable_table
from pccplan.compose.tree import Document, Link, Table
from pccplan.compose.walk import iter_nodes, plain_text
from pccplan.model.area import find_area
from pccplan.render import render
from pccplan.statute.terms import term_for

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def cells(doc_or_table: Document | Table) -> list[list[str]]:
    table = (
        doc_or_table
        if isinstance(doc_or_table, Table)
        else next(n for n in iter_nodes(doc_or_table) if isinstance(n, Table))
    )
    meta = timetable_document(term_for(dt.date(2021, 5, 6))).meta
    return [
        [plain_text(Document(meta=meta, blocks=c.blocks)) for c in row.cells]
        for row in ((table.header,) if table.header else ()) + table.rows
    ]


def first_by_rule(rows: list[list[str]]) -> dict[str, list[str]]:
    """The first row of each rule (TERM-1 appears twice: taking office, then the term's end)."""
    found: dict[str, list[str]] = {}
    for row in rows[1:]:
        found.setdefault(row[0], row)
    return found


def test_cambridgeshire_2021_with_the_panel_meeting() -> None:
    term = term_for(dt.date(2021, 5, 6), find_area("cambridgeshire"))
    table = timetable_table(term, issued=dt.date(2021, 11, 30), meeting=dt.date(2021, 11, 15))
    rows = cells(table)
    assert rows[0] == ["Rule", "What", "By when", "Source"]
    assert table.header is not None
    rules = [r[0] for r in rows[1:]]
    assert rules[:3] == ["TERM-2", "TERM-1", "ACC-1"]
    for rule in ("PLAN-1", "PLAN-4", "PLAN-8", "PLAN-9", "PANEL-1", "PANEL-2", "MTG-1", "PREC-1", "AR-1"):
        assert rule in rules
    by_rule = first_by_rule(rows)
    assert by_rule["PLAN-1"][2] == "31 March 2022"
    assert by_rule["TERM-1"][2] == "13 May 2021"
    assert by_rule["MTG-1"][2] == "5 November 2021"
    assert "Police Reform and Social Responsibility Act 2011, s.5(1)-(2)" in by_rule["PLAN-1"][3]
    days = [s.date for s in timetable_steps(term, issued=dt.date(2021, 11, 30))[1]]
    assert days == sorted(days)
    links = [n.url for n in iter_nodes(table) if isinstance(n, Link)]
    assert all(url.startswith("https://") for url in links)
    assert "https://www.legislation.gov.uk/ukpga/2011/13/section/5" in links


def test_document_and_docx_header_row() -> None:
    term = term_for(dt.date(2021, 5, 6), find_area("cambridgeshire"))
    doc = timetable_document(term, meeting=dt.date(2021, 11, 15))
    body = plain_text(doc)
    assert doc.meta.title == (
        "Statutory Timetable of the Term 2021 \u2013 2024: Police and Crime Commissioner for Cambridgeshire"
    )
    assert "In office: 13 May 2021 to 8 May 2024; the next ordinary poll is on 2 May 2024." in body
    assert (
        "has a statutory duty to issue a police and crime plan as soon as practicable after taking office "
        "\u2013 specifically before the end of the financial year in which they are elected (31 March 2022)."
    ) in body
    assert "A plan issued on 31 March 2022 has effect from 31 March 2022 to 31 March 2025" in body
    data = render(doc, "docx")
    assert isinstance(data, bytes)
    assert "<w:tblHeader/>" in docx_part(data)
    assert render(timetable_document(term, meeting=dt.date(2021, 11, 15)), "docx") == data


def test_cambridgeshire_2016_says_where_it_rests_on_an_unverified_reading() -> None:
    doc = timetable_document(term_for(dt.date(2016, 5, 5), find_area("cambridgeshire")))
    body = plain_text(doc)
    assert "has effect from 31 March 2017 to 31 March 2021" in body
    assert "rests on an unverified reading (PLAN-9A)" in body
    assert "In office: 12 May 2016 to 12 May 2021" in body
    assert "(unverified)" in body
    assert "rest on a reading marked \u201cunverified\u201d" in body


def test_pfcc_area_and_non_working_days() -> None:
    term = term_for(dt.date(2021, 5, 6), find_area("essex"))
    doc = timetable_document(term)
    assert doc.meta.title.endswith("Police, Fire and Crime Commissioner for Essex")
    # The precept for 2022/23: 1 February 2022 is a Tuesday; 2025's would be a Saturday.
    later = term_for(dt.date(2024, 5, 2), find_area("essex"))
    rows = first_by_rule(cells(timetable_table(later)))
    assert rows["PREC-1"][2] == "1 February 2025\nA Saturday: not a working day"


def test_mayoral_term_starts_on_the_transfer_order_day() -> None:
    term = term_for(dt.date(2021, 5, 6), find_area("west-yorkshire"))
    doc = timetable_document(term)
    body = plain_text(doc)
    assert doc.meta.title.endswith(": Mayor of West Yorkshire")
    assert "(a mayor exercising PCC functions under a transfer order)" in body
    assert "In office: 10 May 2021 to" in body
    rows = first_by_rule(cells(doc))
    assert rows["TERM-3"][2] == "10 May 2021"


def test_welsh_area_uses_the_welsh_agenda_rule() -> None:
    term = term_for(dt.date(2021, 5, 6), find_area("south-wales"))
    doc = timetable_document(term, meeting=dt.date(2021, 11, 15))
    rules = [r[0] for r in cells(doc)[1:]]
    assert "MTG-2" in rules
    assert "MTG-1" not in rules
    assert "bank holidays in Wales" in plain_text(doc)


def test_by_election_term_has_no_plan_duty() -> None:
    term = term_for(dt.date(2022, 7, 7), find_area("kent"), declared=dt.date(2022, 7, 8))
    doc = timetable_document(term)
    body = plain_text(doc)
    assert "(elected at a by-election)" in body
    assert "creates no duty to issue a plan" in body
    assert "PLAN-1" not in [r[0] for r in cells(doc)[1:]]
    assert "In office: 8 July 2022 to 8 May 2024" in body


def test_an_overridden_term_keeps_its_own_dates() -> None:
    term = term_for(dt.date(2021, 5, 6), find_area("kent"), takes_office_on=dt.date(2021, 5, 14))
    rows = first_by_rule(cells(timetable_table(term)))
    assert rows["TERM-1"][2] == "14 May 2021"
    assert "In office: 14 May 2021" in plain_text(timetable_document(term))


@pytest.mark.slow
def test_pandoc_reads_the_timetable(tmp_path: Path) -> None:
    doc = timetable_document(term_for(dt.date(2021, 5, 6)))
    text = pandoc_text(render(doc, "docx"), tmp_path, "--columns=300")
    assert "ACC-1" in text
    assert "31 March 2022" in text


def test_a_london_timetable_has_the_assemblys_review_under_s33_and_no_transfer_order() -> None:
    doc = timetable_document(term_for(POLL, find_area("london")), meeting=MEETING)
    body = plain_text(doc)
    assert "the Mayor of London, the occupant of the Mayor's Office for Policing and Crime" in body
    assert "transfer order" not in body
    assert "London Assembly meeting (Police and Crime Committee)" in body
    assert "s.33(1)" in body
    assert f"send copies to the {METROPOLIS}" in body
    assert "chief constable" not in body.casefold()
    assert "Police and Crime Panel" not in body
    assert doc.meta.author == "Mayor's Office for Policing and Crime"
