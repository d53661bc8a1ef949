"""The two-column response (s.5(6)(d)-(f)): the West Mercia table's facts, numbering, no forced verdict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from tests.london import COMMITTEE, MEETING, assert_london, london_plan

from pccplan.compose.response_table import response_table_document
from pccplan.compose.tree import Document, Link, Section, Table
from pccplan.compose.walk import iter_nodes, plain_text
from pccplan.errors import ValidationError
from pccplan.files import load
from pccplan.forms import builtin_form, load_form
from pccplan.model.comments import CommentGroup, CommentReply, ResponseTable
from pccplan.model.panel import Answer
from pccplan.model.plan import Commissioner, Plan
from pccplan.statute.registry import cite

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SOURCE = "https://studylib.net/doc/8622733/pcp-report13_03_13"


@pytest.fixture(scope="module")
def west_mercia() -> ResponseTable:
    return load(EXAMPLES / "west-mercia-2013-response-table.yaml", ResponseTable)


@pytest.fixture(scope="module")
def wm_doc(west_mercia: ResponseTable) -> Document:
    return response_table_document(west_mercia, form=load_form(EXAMPLES / "west-mercia-form.yaml"))


def cell_text(doc: Document, table: Table, row: int, col: int) -> str:
    return plain_text(attrs.evolve(doc, blocks=table.rows[row].cells[col].blocks)).strip()


def tables(doc: Document) -> list[Table]:
    return [n for n in iter_nodes(doc) if isinstance(n, Table)]


def test_the_example_names_its_source_and_marks_what_is_invented() -> None:
    for name in (
        "west_mercia_2013_response_table.py",
        "west-mercia-2013-response-table.yaml",
        "west-mercia-form.yaml",
    ):
        assert SOURCE in (EXAMPLES / name).read_text(encoding="utf-8"), name
    assert "INVENTED" in (EXAMPLES / "west-mercia-2013-response-table.yaml").read_text(encoding="utf-8")


def test_two_columns_headed_as_the_house_form_says(wm_doc: Document) -> None:
    for table in tables(wm_doc):
        assert table.columns == 2
        assert table.header is not None
        assert [plain_text(attrs.evolve(wm_doc, blocks=c.blocks)).strip() for c in table.header.cells] == [
            "PCP Comment",
            "PCC Response",
        ]


def test_rows_are_numbered_on_through_the_groups_under_their_headings(wm_doc: Document) -> None:
    groups = [
        s
        for s in iter_nodes(wm_doc)
        if isinstance(s, Section) and any(isinstance(b, Table) for b in s.blocks)
    ]
    assert [g.title for g in groups] == ["1. Objectives", "2. Resources"]
    numbers = [cell_text(wm_doc, t, r, 0).split(".")[0] for t in tables(wm_doc) for r in range(len(t.rows))]
    assert numbers == ["1", "2", "3"]
    assert cell_text(wm_doc, tables(wm_doc)[0], 0, 0).startswith("1. The Panel suggests")


def test_prose_replies_carry_no_verdict_and_nothing_is_counted(wm_doc: Document) -> None:
    body = plain_text(wm_doc)
    for word in (
        "Accepted",
        "Noted",
        "Not accepted",
        "made three",
        "three recommendations",
        "3 recommendations",
    ):
        assert word not in body
    assert cell_text(wm_doc, tables(wm_doc)[0], 0, 1).startswith("The objectives in the revised draft")


def test_parts_titles_names_and_dates(wm_doc: Document) -> None:
    body = plain_text(wm_doc)
    assert wm_doc.meta.title == (
        "West Mercia Police and Crime Panel Report on the Draft Police and Crime Plan – Police and Crime "
        "Commissioner's Response"
    )
    assert "Bill Longmore, Police and Crime Commissioner for West Mercia" in body
    assert "the Police and Crime Commissioner for West Mercia (the PCC)" in body
    assert "at its meeting on 13 March 2013" in body
    assert "This response was given to the Panel on 13 March 2013." in body
    assert "requires the PCC to publish it before issuing the plan" in body
    tops = [b.title for b in wm_doc.blocks if isinstance(b, Section)]
    assert tops == ["Introduction", "1. Objectives", "2. Resources", "Publication"]
    assert {n.url for n in iter_nodes(wm_doc) if isinstance(n, Link)} == {cite("PLAN-4").url}


def test_a_verdict_opens_the_reply_only_where_given(west_mercia: ResponseTable) -> None:
    row = CommentReply(
        comment="Recommendation: publish measures.", reply="They are published.", answer=Answer.ACCEPTED
    )
    doc = response_table_document(attrs.evolve(west_mercia, groups=(CommentGroup(rows=(row,)),)))
    table = tables(doc)[0]
    assert cell_text(doc, table, 0, 1) == "Accepted. They are published."


def test_the_built_in_form_gives_the_columns_and_the_table_heading(west_mercia: ResponseTable) -> None:
    doc = response_table_document(west_mercia)
    table = tables(doc)[0]
    assert table.header is not None
    assert [plain_text(attrs.evolve(doc, blocks=c.blocks)).strip() for c in table.header.cells] == [
        "Panel comment",
        "Commissioner's response",
    ]
    assert doc.meta.capitals is True
    mayor = attrs.evolve(
        west_mercia,
        panel="West Yorkshire Police and Crime Panel",
        commissioner=Commissioner(name="A Mayor", title="Mayor of West Yorkshire"),
        meeting=dt.date(2022, 1, 10),
        given=dt.date(2022, 1, 20),
    )
    header = tables(response_table_document(mayor))[0].header
    assert header is not None
    assert "Mayor's response" in plain_text(attrs.evolve(doc, blocks=header.cells[1].blocks))


def test_a_published_response_says_where_and_under_which_section(west_mercia: ResponseTable) -> None:
    published = attrs.evolve(
        west_mercia, published=dt.date(2013, 3, 20), url="https://www.example.gov.uk/response"
    )
    body = plain_text(response_table_document(published, form=load_form(EXAMPLES / "west-mercia-form.yaml")))
    assert (
        "The PCC published it on 20 March 2013 at https://www.example.gov.uk/response "
        "(section 5(6)(f) of the Act)."
    ) in body


def test_the_office_website_is_named_only_when_recorded(west_mercia: ResponseTable) -> None:
    """Issue 12: a set url alone does not record whose website holds the response."""
    url = "https://www.example.gov.uk/response"
    published = attrs.evolve(west_mercia, published=dt.date(2013, 3, 20), url=url)
    form = load_form(EXAMPLES / "west-mercia-form.yaml")
    assert "website" not in plain_text(response_table_document(published, form=form))
    on_site = attrs.evolve(published, on_office_website=True)
    assert "published it on 20 March 2013 on the PCC\u2019s website (section" in plain_text(
        response_table_document(on_site, form=form)
    )


def test_on_office_website_must_be_a_bool(west_mercia: ResponseTable) -> None:
    with pytest.raises(ValidationError, match="on_office_website"):
        attrs.evolve(west_mercia, on_office_website="yes")


def test_a_welsh_area_adds_the_language_lines(west_mercia: ResponseTable) -> None:
    gwent = attrs.evolve(west_mercia, panel="Gwent Police and Crime Panel")
    assert "Mae\u2019r ddogfen hon ar gael yn Gymraeg." in plain_text(response_table_document(gwent))


def test_with_a_plan_the_office_is_named_as_the_area_styles_it(west_mercia: ResponseTable) -> None:
    plan = load(EXAMPLES / "cambridgeshire-2021.yaml", Plan)
    cambs = attrs.evolve(
        west_mercia,
        panel="Cambridgeshire Police and Crime Panel",
        commissioner=plan.commissioner,
        meeting=dt.date(2021, 11, 15),
        given=dt.date(2021, 11, 22),
    )
    assert "Police and Crime Commissioner for Cambridgeshire and Peterborough" in plain_text(
        response_table_document(cambs, plan)
    )


def test_bad_markup_names_its_row(west_mercia: ResponseTable) -> None:
    bad = CommentReply(comment="fine", reply="an [unclosed link")
    with pytest.raises(ValidationError, match=r"groups\[0\]\.rows\[0\]\.reply"):
        response_table_document(attrs.evolve(west_mercia, groups=(CommentGroup(rows=(bad,)),)))


def test_a_form_without_a_response_table_is_refused(west_mercia: ResponseTable) -> None:
    with pytest.raises(ValidationError, match="has no 'response-table' form"):
        response_table_document(west_mercia, form=builtin_form("london-assembly"))


def test_rows_are_numbered_one_to_n_whatever_the_grouping(west_mercia: ResponseTable) -> None:
    from hypothesis import event, given, settings
    from hypothesis import strategies as st

    reached = 0

    @settings(max_examples=30)
    @given(
        sizes=st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=4), headed=st.booleans()
    )
    def check(sizes: list[int], headed: bool) -> None:
        nonlocal reached
        groups = tuple(
            CommentGroup(
                heading=f"Group {g}" if headed else None,
                rows=tuple(CommentReply(comment=f"Point {g}.{r}", reply="Reply.") for r in range(size)),
            )
            for g, size in enumerate(sizes)
        )
        doc = response_table_document(attrs.evolve(west_mercia, groups=groups))
        numbers = [cell_text(doc, t, r, 0).split(".")[0] for t in tables(doc) for r in range(len(t.rows))]
        event(f"{len(sizes)} groups")
        assert numbers == [str(n) for n in range(1, sum(sizes) + 1)]
        assert len(tables(doc)) == len(sizes)
        reached += 1

    check()
    assert reached >= 25


def test_a_comment_not_yet_answered_gets_a_marked_placeholder_never_text(west_mercia: ResponseTable) -> None:
    from pccplan.compose.response_table import UNANSWERED

    group = west_mercia.groups[0]
    rows = (attrs.evolve(group.rows[0], reply=None, answer=None), *group.rows[1:])
    part = attrs.evolve(west_mercia, groups=(attrs.evolve(group, rows=rows), *west_mercia.groups[1:]))
    doc = response_table_document(part, form=load_form(EXAMPLES / "west-mercia-form.yaml"))
    table = next(n for n in iter_nodes(doc) if isinstance(n, Table))
    assert cell_text(doc, table, 0, 1) == UNANSWERED
    assert "This response is incomplete." in plain_text(doc)
    assert "This response is incomplete." not in plain_text(
        response_table_document(west_mercia, form=load_form(EXAMPLES / "west-mercia-form.yaml"))
    )


def test_mopacs_two_column_response_to_the_committee_cites_s6() -> None:
    plan = london_plan()
    response = ResponseTable(
        commissioner=plan.commissioner,
        panel=COMMITTEE,
        meeting=MEETING,
        plan_title="Police and Crime Plan 2022-25",
        given=dt.date(2022, 3, 23),
        groups=[CommentGroup(rows=[CommentReply(comment="More on drugs.", reply="Agreed.")])],
    )
    doc = response_table_document(response, plan)
    assert_london(
        doc,
        "Under section 6(6) of the Police Reform and Social Responsibility Act 2011",
        "the Mayor's Office for Policing and Crime (MOPAC) must have regard",
        "Committee comment",
        "Section 6(6)(f) of the Act requires MOPAC to publish it",
    )
