"""The Commissioner's response as a numbered two-column table: each Panel comment beside its reply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pccplan._deprecate import renamed
from pccplan.compose.arguments import expect
from pccplan.compose.build import Part, document, link, para, section, strong, table, title_block
from pccplan.compose.house import arrange, office_for, panel_area, with_logo
from pccplan.compose.parts import (
    ACT_TITLE,
    Office,
    day_month_year,
    narrative,
    possessive,
    url_link,
    welsh_language,
)
from pccplan.compose.tree import Block, Document, Inline, Table
from pccplan.forms import default_form
from pccplan.model.area import BodyKind
from pccplan.model.comments import CommentGroup, ResponseTable
from pccplan.model.form import HouseForm, Naming
from pccplan.model.plan import Plan
from pccplan.statute.process import publication_duty, publication_section, response_duty

__all__ = ["UNANSWERED", "response_table_document", "response_table_title"]

UNANSWERED = "[Not yet answered: no response to this comment is recorded.]"
"""The placeholder written in place of a reply the response does not (yet) give."""


def response_table_title(response: ResponseTable, office: Office) -> str:
    """The title: the response's own, else "...'s Response to the Panel's Report on the Draft ..."."""
    if response.title:
        return response.title
    return (
        f"{possessive(office.title)} Response to the {possessive(response.panel)} Report on the Draft "
        f"{response.plan_title}"
    )


def response_table_document(
    response: ResponseTable, plan: Plan | None = None, *, form: HouseForm | None = None
) -> Document:
    """The response to the Panel (PLAN-4, s.5(6)(d)-(f)) as a numbered two-column table, as a document tree.

    Each row holds one comment of the Panel, numbered in order through the document, and the
    reply beside it, in prose; a formal verdict ('Accepted.') opens the reply only where the
    row gives one, and nothing is counted. Rows stay under their group's heading. The column
    headings, the parts and their headings come from `form`'s ``response-table`` form
    (default: the built-in form of the area's kind of body). `plan`, when given, names the
    office as its area styles it. Raises `ValidationError` naming the field whose markup is
    wrong, or when the form has no response-table form.
    """
    expect(
        "response_table_document",
        ("response", response, ResponseTable, False),
        ("plan", plan, Plan, True),
        ("form", form, HouseForm, True),
    )
    office = office_for(response.panel, response.meeting, response.commissioner, plan)
    area = plan.area if plan is not None else panel_area(response.panel, response.meeting)
    form = form or default_form(office.kind)
    shape = form.document("response-table")
    naming = form.naming
    holder, panel = naming.commissioner, naming.panel
    columns = shape.columns or (f"{Naming.start(panel.removeprefix('the '))} comment", "Response")
    title = response_table_title(response, office)
    styled = naming.office_holder or office.full_title
    signed = naming.office_holder or office.signed_as

    lines = [
        f"{response.commissioner.name}, {signed}",
        f"Given to the {response.panel} on {day_month_year(response.given)}",
    ]
    if response.published is not None:
        lines.append(f"Published on {day_month_year(response.published)}")

    duty = response_duty(
        f"the {styled} ({holder})",
        panel,
        london=office.kind is BodyKind.MOPAC,
        plan="a police and crime plan",
        first=f"the {response.panel} ({panel})",
    )
    introduction: list[Block] = [
        para(
            "Under ",
            link(f"section {office.act_section}(6) of the {ACT_TITLE}", office.plan_url),
            f", {duty.text}.",
        ),
        para(
            f"{Naming.start(panel)} reviewed the draft {response.plan_title} at its meeting on "
            f"{day_month_year(response.meeting)}. The table sets out each of "
            f"{Naming.possessive(panel)} comments, in {Naming.possessive(panel)} order, with "
            f"{Naming.possessive(holder)} response beside it."
        ),
    ]
    if response.introduction:
        introduction.append(para(*narrative(response.introduction, "introduction")))

    tables: list[Block] = []
    number = 0
    for g, group in enumerate(response.groups):
        built = _table(group, g, number, columns)
        number += len(group.rows)
        tables.append(section(group.heading, built) if group.heading else built)

    given = day_month_year(response.given)
    publication: list[Block] = [para(f"This response was given to {panel} on {given}.")]
    if any(row.reply is None for group in response.groups for row in group.rows):
        # s.5(6)(e) asks for a response to the report: a part-answered one must say it is incomplete.
        publication.insert(
            0,
            para(
                strong("This response is incomplete."),
                " The comments marked \u201cNot yet answered\u201d have no response recorded yet.",
            ),
        )
    if response.published is not None:
        where: list[Inline | str] = [
            f"{Naming.start(holder)} published it on {day_month_year(response.published)}"
        ]
        if response.url and response.on_office_website:
            where += [" on ", url_link(f"{Naming.possessive(holder)} website", response.url, "url")]
        elif response.url:
            # Whose website holds the link is not recorded: say only where it is.
            where += [" at ", url_link(response.url, response.url, "url")]
        publication.append(
            para(*where, f" ({publication_section(london=office.kind is BodyKind.MOPAC)} of the Act).")
        )
    else:
        publication.append(
            para(publication_duty(holder, what="it", london=office.kind is BodyKind.MOPAC, plan="the plan"))
        )
    if area is not None:
        publication += welsh_language(area, office, "response")

    parts: dict[str, list[Block]] = {
        "introduction": introduction,
        "table": tables,
        "publication": publication,
    }
    composed = document(
        title_block(title, *lines),
        *arrange(shape, parts),
        title=title,
        author=office.office_name,
        subject=f"Response to the {possessive(response.panel)} report on the draft {response.plan_title}",
        date=response.published or response.given,
        keywords=("response", "police and crime panel", "police and crime plan"),
        header=f"Response to the {response.panel}",
        capitals=form.capitals_for("response-table"),
    )
    return with_logo(composed, form)  # the form's logo, as apply_form adds it


if TYPE_CHECKING:  # the former name, for type checkers; at run time `__getattr__` keeps it
    response_table = response_table_document
__getattr__ = renamed(__name__, {"response_table": response_table_document})


def _table(group: CommentGroup, g: int, before: int, columns: tuple[str, ...]) -> Table:
    """One group's rows, numbered on from `before`; the first cell carries the number."""
    rows: list[list[Part]] = []
    for r, row in enumerate(group.rows):
        where = f"groups[{g}].rows[{r}]"
        reply: list[Part] = []
        if row.answer is not None:
            reply += [strong(f"{row.answer.label}."), " "]
        if row.reply is None:
            reply.append(strong(UNANSWERED))
        else:
            reply += list(narrative(row.reply, f"{where}.reply"))
        rows.append([[f"{before + r + 1}. ", *narrative(row.comment, f"{where}.comment")], reply])
    return table(header=list(columns), rows=rows, widths=[1, 1])
