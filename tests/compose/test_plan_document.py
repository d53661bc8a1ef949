"""The plan itself: cover, plan on a page, themes, resources, grants, services and the s.7(1) appendix."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from tests.conftest import docx_part, pandoc_text
from tests.london import METROPOLIS, assert_london, london_plan
from tests.strategies import attempt, field_at, plans, renderable_plans, run_counted, tree_text

from pccplan.compose.plan_document import plan_document, prose
from pccplan.compose.tree import Document, Note, Paragraph, Section, Table, Text
from pccplan.compose.walk import iter_nodes, plain_text
from pccplan.errors import StatuteError, ValidationError
from pccplan.files import load
from pccplan.model.area import find_area
from pccplan.model.plan import (
    Commissioner,
    Grant,
    GrantPower,
    Outcome,
    Plan,
    ResourceLine,
    Resources,
    Theme,
)
from pccplan.render import render
from pccplan.statute.terms import term_for

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def cambs() -> Plan:
    return load(EXAMPLES / "cambridgeshire-2021.yaml", Plan)


def bare(area: str, name: str, poll: dt.date, **fields: object) -> Plan:
    place = find_area(area)
    return Plan(
        title="Police and Crime Plan",
        area=place,
        commissioner=Commissioner.for_area(name, place, poll + dt.timedelta(days=7), elected=poll),
        themes=[Theme(name="Victims", aim="Support victims", outcomes=[Outcome(statement="Victims cope.")])],
        **fields,  # type: ignore[arg-type]
    )


def headings(doc: Document) -> list[str]:
    return [b.title for b in doc.blocks if isinstance(b, Section)]


def appendix_rows(doc: Document) -> dict[str, str]:
    appendix = [b for b in doc.blocks if isinstance(b, Section)][-1]
    [table] = [n for n in iter_nodes(appendix) if isinstance(n, Table)]
    rows = {}
    for row in table.rows:
        texts = [plain_text(Document(meta=doc.meta, blocks=cell.blocks)) for cell in row.cells]
        rows[texts[0]] = texts[2]
    return rows


def test_cambridgeshire_2021_has_every_part(cambs: Plan) -> None:
    doc = plan_document(cambs)
    assert headings(doc) == [
        "Foreword",
        "Plan on a Page",
        "Police and Crime Objectives",
        "Victims",
        "Offenders",
        "Communities",
        "Ethical Policing",
        "Policing of the Area",
        "Resources",
        "How Performance is Measured and Reported",
        "Services for Victims and to Reduce Crime and Disorder",
        "Grants",
        "Appendix: How this Plan Meets Section 7(1)",
    ]
    body = plain_text(doc)
    assert body.splitlines()[:5] == [
        "Police and Crime Plan 2021 \u2013 2024",  # the plan's own title, set as the notice sets it
        "Police and Crime Commissioner for Cambridgeshire and Peterborough",
        "Darryl Preston",
        "Planning period: 30 November 2021 to 31 March 2025",
        "Issued: 30 November 2021",
    ]
    assert "Parts of this Plan are illustrative" in body
    assert "£169,875,000" in body  # the resources total, in whole pounds: no '.00' by accident
    assert "£1,250,000" in body
    assert "£1,700,000" in body  # the grants total
    assert ".00" not in body
    assert "Financial resources, 2022/23" in body
    assert "Baseline: 2020/21 survey" in body
    assert set(appendix_rows(doc).values()) >= {"Grants", "Resources", "Policing of the Area"}
    assert "Not set out in this Plan" not in body
    assert doc.meta.date == dt.date(2021, 11, 30)
    assert (
        doc.meta.author == "Office of the Police and Crime Commissioner for Cambridgeshire and Peterborough"
    )


def test_plan_on_a_page_is_one_table_with_a_row_per_theme(cambs: Plan) -> None:
    doc = plan_document(cambs)
    page = next(b for b in doc.blocks if isinstance(b, Section) and b.title == "Plan on a Page")
    [table] = [n for n in iter_nodes(page) if isinstance(n, Table)]
    assert table.header is not None
    assert [plain_text(Document(meta=doc.meta, blocks=c.blocks)) for c in table.header.cells] == [
        "Theme",
        "Aim",
        "Shared outcomes",
    ]
    assert len(table.rows) == len(cambs.themes)


def test_every_table_has_a_marked_header_row_and_the_docx_repeats_it(cambs: Plan) -> None:
    doc = plan_document(cambs)
    tables = [n for n in iter_nodes(doc) if isinstance(n, Table)]
    assert len(tables) >= 6
    assert all(t.header is not None for t in tables)
    data = render(doc, "docx")
    assert isinstance(data, bytes)
    xml = docx_part(data)
    assert xml.count("<w:tblHeader/>") == len(tables)
    assert render(plan_document(cambs), "docx") == data


def test_missing_elements_are_named_in_the_appendix() -> None:
    plan = bare("kent", "Matthew Scott", dt.date(2021, 5, 6))
    doc = plan_document(plan)
    rows = appendix_rows(doc)
    assert rows["(a)"] == "Plan on a Page; Victims"
    for letter in ("(b)", "(c)", "(d)", "(e)", "(ea)", "(f)"):
        assert rows[letter] == "Not set out in this Plan"
    body = plain_text(doc)
    assert "This Plan does not set out s.7(1)(b), (c), (d), (e), (ea), (f)." in body
    assert "A draft may be incomplete" in body
    assert "Draft: to be issued by 31 March 2022" in body
    assert "Issued:" not in body
    assert "Resources" not in headings(doc)
    issued = attrs.evolve(plan, issued=dt.date(2022, 3, 1), policing="Neighbourhood policing.")
    body = plain_text(plan_document(issued))
    assert (
        "This Plan does not set out s.7(1)(c), (d), (e), (ea), (f). An issued plan must set out every" in body
    )
    assert appendix_rows(plan_document(issued))["(b)"] == "Policing of the Area"


def test_a_2013_plan_uses_the_text_as_enacted_and_flags_the_wrong_grant_power() -> None:
    grant = Grant(
        recipient="Kent CSPs",
        amount=Decimal("100000"),
        purpose="Crime reduction.",
        power=GrantPower.VICTIMS_AND_WITNESSES,
    )
    plan = bare("kent", "Ann Barnes", dt.date(2012, 11, 15), grants=[grant], issued=dt.date(2013, 3, 28))
    doc = plan_document(plan)
    rows = appendix_rows(doc)
    assert "(ea)" not in rows
    assert rows["(f)"] == "Grants"
    assert "which is not the power s.7(1)(f) names in the text in force for this Plan" in plain_text(doc)
    assert "Planning period: 28 March 2013 to 31 March 2017" in plain_text(doc)


def test_cambridgeshire_2016_period_rests_on_a_reading_the_document_footnotes() -> None:
    plan = bare("cambridgeshire", "Jason Ablewhite", dt.date(2016, 5, 5), starts=dt.date(2017, 4, 1))
    doc = plan_document(plan)
    assert "Planning period: 1 April 2017 to 31 March 2021" in plain_text(doc)
    notes = [n for n in iter_nodes(doc) if isinstance(n, Note)]
    assert len(notes) == 1
    assert "(unverified)" in plain_text(doc)


def test_pfcc_area() -> None:
    plan = bare(
        "essex",
        "Roger Hirst",
        dt.date(2021, 5, 6),
        resources=Resources(summary="Money.", lines=[ResourceLine(item="Grant", amount=Decimal("1250000"))]),
        reporting="Monthly board.",
    )
    doc = plan_document(plan)
    body = plain_text(doc)
    assert "Police, Fire and Crime Commissioner for Essex" in body
    assert "Reporting to the Commissioner" in body
    assert "£1,250,000" in body
    assert appendix_rows(doc)["(d)"] == "How Performance is Measured and Reported"
    assert "Financial resources" in body


def test_mayoral_area() -> None:
    plan = bare("greater-manchester", "Andy Burnham", dt.date(2021, 5, 6), objectives=["Keep people safe."])
    doc = plan_document(plan)
    body = plain_text(doc)
    assert body.splitlines()[1] == "Mayor of Greater Manchester"
    assert "The Mayor\u2019s police and crime objectives for the area are:" in body
    assert doc.meta.author == "Office of the Mayor of Greater Manchester"


def test_welsh_area() -> None:
    body = plain_text(plan_document(bare("north-wales", "Andy Dunbobbin", dt.date(2021, 5, 6))))
    assert (
        "Published in Welsh and English, in line with the Commissioner\u2019s Welsh Language Standards."
        in body
    )
    assert "Mae\u2019r ddogfen hon ar gael yn Gymraeg." in body


def test_without_a_recorded_election_the_plan_still_renders() -> None:
    place = find_area("kent")
    plan = Plan(title="Plan", area=place, commissioner=Commissioner(name="A Person"))
    doc = plan_document(plan)
    assert "Planning period" not in plain_text(doc)
    assert headings(doc) == ["Appendix: How this Plan Meets Section 7(1)"]


def test_prose_splits_on_blank_lines_and_markup_errors_name_the_field(cambs: Plan) -> None:
    paragraphs = prose("One line\nwith a break.\n\n  \nTwo.", "foreword")
    assert len(paragraphs) == 2
    # Inside a paragraph a line feed stays a line break, as the inline markup reads it.
    assert "".join(n.text for n in paragraphs[0].content if isinstance(n, Text)) == "One line\nwith a break."
    bad = attrs.evolve(cambs, themes=[attrs.evolve(cambs.themes[0], objectives=["ok", "bad *markup"])])
    with pytest.raises(ValidationError) as caught:
        plan_document(bad)
    assert caught.value.path.startswith("themes[0].objectives[1]")


def test_term_can_be_given(cambs: Plan) -> None:
    term = term_for(dt.date(2021, 5, 6), cambs.area)
    assert plan_document(cambs, term=term) == plan_document(cambs)


@pytest.mark.slow
def test_pandoc_reads_the_plan(tmp_path: Path, cambs: Plan) -> None:
    text = pandoc_text(render(plan_document(cambs), "docx"), tmp_path)
    assert "Plan on a Page" in text
    assert "1,700,000" in text  # pandoc may wrap the cell after the pound sign


def test_any_valid_plan_composes_with_a_section_per_theme_and_renders() -> None:
    def check(plan: Plan) -> bool:
        doc = plan_document(plan)
        assert doc.meta.title == tree_text(plan.title)
        shown = headings(doc)
        positions = [shown.index(tree_text(theme.name)) for theme in plan.themes]
        assert positions == sorted(positions)  # each theme has its section, in the plan's order
        assert render(doc, "markdown")
        return True

    # every drawn plan is valid: none may be refused
    run_counted(check, at_least=1.0, plan=renderable_plans())


def test_any_plan_composes_or_is_refused_naming_the_field_and_value() -> None:
    def check(plan: Plan) -> bool:
        result = attempt(lambda: plan_document(plan))
        if isinstance(result, ValidationError):  # markup, or a poll: the path leads to the value refused
            path = result.path.removeprefix("Plan.")
            assert path.endswith(".markup") or path == "commissioner.elected", result
            assert field_at(plan, path.removesuffix(".markup")) == result.value
        elif isinstance(result, StatuteError):  # a poll, issue or start day the rules refuse: it says which
            recorded = plan.process.plan_issued if plan.process else None
            days = [
                d.isoformat() for d in (plan.commissioner.elected, plan.issued, recorded, plan.starts) if d
            ]
            assert any(day in str(result) for day in days), result
        else:
            assert isinstance(result, Document)
            assert result.meta.title == tree_text(plan.title)
        return True

    run_counted(check, plan=plans)


def test_a_london_plan_names_mopac_and_the_metropolitan_commissioner() -> None:
    doc = plan_document(london_plan())
    assert_london(doc, f"policing of the area the {METROPOLIS} is to provide", "resources MOPAC will provide")
    assert doc.meta.author == "Mayor's Office for Policing and Crime"


def test_a_plan_that_calls_its_themes_priorities_is_written_in_its_words() -> None:
    # West Yorkshire 2022 (real-documents #23): four priorities and three cross-cutting themes.
    plan = bare(
        "west-yorkshire",
        "Tracy Brabin",
        dt.date(2021, 5, 6),
        theme_word="priority",
        cross_cutting_themes=["Safety of women and girls", "Early intervention and *prevention*"],
    )
    doc = plan_document(plan)
    text = plain_text(doc)
    assert "The Plan is built around one priority." in text
    assert "Two cross-cutting themes run through every priority:" in text
    assert "Early intervention and prevention" in text
    first_table = next(n for n in iter_nodes(doc) if isinstance(n, Table))
    assert first_table.header.cells[0].blocks == (Paragraph(content=(Text(text="Priority"),)),)
    assert "the measures of each priority" not in text  # no measures here
    assert "theme" not in text.split("Appendix")[0].replace("cross-cutting theme", "").casefold()


def test_the_plural_of_a_plans_theme_word() -> None:
    plans_of = {
        w: bare("kent", "M S", dt.date(2021, 5, 6), theme_word=w) for w in ("pillar", "priority", "key")
    }
    said = {w: plain_text(plan_document(p)) for w, p in plans_of.items()}
    assert "built around one pillar." in said["pillar"]
    two = attrs.evolve(
        plans_of["priority"], themes=[*plans_of["priority"].themes, Theme(name="Places", aim="Safer places")]
    )
    assert "built around two priorities." in plain_text(plan_document(two))
    keys = attrs.evolve(plans_of["key"], themes=two.themes)
    assert "built around two keys." in plain_text(plan_document(keys))


def test_a_markup_error_in_a_cross_cutting_theme_names_the_field() -> None:
    plan = bare("kent", "M S", dt.date(2021, 5, 6), cross_cutting_themes=["Bad [link](ftp://x)"])
    with pytest.raises(ValidationError, match=r"cross_cutting_themes\[0\]"):
        plan_document(plan)


def test_a_generic_title_takes_its_planning_periods_years_and_an_own_title_is_kept() -> None:
    plan = attrs.evolve(bare("kent", "Matthew Scott", dt.date(2021, 5, 6)), issued=dt.date(2022, 3, 1))
    doc = plan_document(plan)
    assert doc.meta.title == "Police and Crime Plan 2022 \u2013 2025"
    assert plain_text(doc).splitlines()[0] == "Police and Crime Plan 2022 \u2013 2025"
    named = plan_document(attrs.evolve(plan, title="Making Kent Safer"))
    assert named.meta.title == "Making Kent Safer"
