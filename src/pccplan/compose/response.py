"""The Commissioner's Response to the Panel's report or recommendations on a draft plan (s.5(6)(e)-(f))."""

from __future__ import annotations

from pccplan.compose.arguments import expect
from pccplan.compose.build import Part, document, emph, link, para, section, strong, table, title_block
from pccplan.compose.parts import (
    ACT_TITLE,
    Office,
    area_of_panel,
    count_words,
    day_month_year,
    narrative,
    possessive,
    sentence,
    url_link,
    welsh_language,
)
from pccplan.compose.tree import Block, Document, Inline, Section
from pccplan.errors import ValidationError
from pccplan.model.area import BodyKind, PoliceArea
from pccplan.model.panel import Answer, RecommendationResponse, Response
from pccplan.model.plan import Plan
from pccplan.statute.panel import response_late
from pccplan.statute.process import publication_duty, publication_section, response_duty, unanswered

__all__ = ["check_complete", "response_document"]


def check_complete(response: Response) -> None:
    """Refuse a response that does not answer each of the Panel's recommendations exactly once.

    `Response` already refuses this when it is built; the composer checks again so that no
    document is ever written from an incomplete answer (s.5(6)(e) asks for a response to the
    report or recommendations). Raises `ValidationError` naming each recommendation left
    unanswered.
    """
    problems = unanswered(response)
    if problems:
        raise ValidationError(list(problems))


def response_document(response: Response, plan: Plan | None = None) -> Document:
    """The commissioner's response to the Panel (PLAN-4, s.5(6)(d)-(f)), as a document tree.

    It opens with what the law requires (have regard to the Panel's report, give the Panel a
    response, publish it: s.5(6)(d)-(f)) and the Panel's review (s.28(3)); then a summary
    table with a header row (each recommendation and its decision: accepted, accepted in
    part, not accepted or noted), and for each recommendation, in the Panel's order, the
    decision, the reasons, and the action with its owner and date. It ends with when the
    response was given, against any period the Panel set (PANEL-3, s.29(3)), and where it is
    published (s.5(6)(f)). `plan`, when given, names the office as the area styles it.
    Raises `ValidationError` naming the recommendation a response leaves unanswered, or the
    field whose markup is wrong.
    """
    expect("response_document", ("response", response, Response, False), ("plan", plan, Plan, True))
    check_complete(response)
    recs = response.to
    area: PoliceArea | None
    if plan is not None:
        office = Office.of(plan.area, response.commissioner, recs.meeting, recs.panel)
        area = plan.area
    else:
        office = Office.for_panel(response.commissioner, recs.panel, recs.meeting)
        area = area_of_panel(recs.panel)
    draft = "Draft Variation of the" if recs.variation else "Draft"
    title = (
        f"{possessive(office.title)} Response to the {possessive(recs.panel)} Report on the {draft} "
        f"{recs.plan_title}"
    )
    lines = [
        f"{response.commissioner.name}, {office.signed_as}",
        f"Given to the {office.panel_term} on {day_month_year(response.given)}",
    ]
    if response.published is not None:
        lines.append(f"Published on {day_month_year(response.published)}")
    body: list[Block] = [title_block(title, *lines), _introduction(response, office)]
    if recs.recommendations:
        body.append(_summary(response))
        body.append(_answers(response, office))
    body.append(_publication(response, office))
    if area is not None:
        body += welsh_language(area, office, "response")
    return document(
        *body,
        title=title,
        author=office.office_name,
        subject=f"Response to the {possessive(recs.panel)} report on the draft {recs.plan_title} (s.5(6)(e))",
        date=response.published or response.given,
        keywords=("response", "police and crime panel", "police and crime plan"),
        header=f"{possessive(office.short)} Response to the {office.panel_short}",
    )


def _introduction(response: Response, office: Office) -> Section:
    recs, panel = response.to, office.panel_term
    act = link(f"section {office.act_section}(6) of the {ACT_TITLE}", office.plan_url)
    # A variation is varied, not issued (s.5(4)); the steps before it are the same.
    duty = response_duty(
        f"the {office.introduced}",
        f"the {panel}",
        varies=recs.variation,
        london=office.kind is BodyKind.MOPAC,
        plan="the police and crime plan" if recs.variation else "a police and crime plan",
        first=f"the {recs.panel} (the \u201c{panel}\u201d)",
    )
    blocks: list[Block] = [para("Under ", act, f" (the \u201cAct\u201d), {duty.text}.")]
    verdict = {True: ", endorsed it", False: ", did not endorse it", None: ""}[recs.endorsed]
    # Only what the Panel's record holds: a count of recommendations only when it made some.
    made = (
        f" and made {count_words(len(recs.recommendations), 'recommendation')}"
        if recs.recommendations
        else ""
    )
    what = f"draft variation of the {recs.plan_title}" if recs.variation else f"draft {recs.plan_title}"
    blocks.append(
        para(
            f"The {panel} reviewed the {what} at its meeting on {day_month_year(recs.meeting)}"
            f"{verdict}{made}."
        )
    )
    if response.introduction:
        blocks.append(para(*narrative(response.introduction, "introduction")))
    return section("Introduction", *blocks)


def _ordered(response: Response) -> list[tuple[int, RecommendationResponse]]:
    """Each answer with the index of its recommendation, in the order the Panel made them."""
    by_ref = {a.ref: a for a in response.answers}
    return [(i, by_ref[rec.ref]) for i, rec in enumerate(response.to.recommendations)]


def _summary(response: Response) -> Section:
    rows: list[list[Part]] = []
    for index, answer in _ordered(response):
        rec = response.to.recommendations[index]
        rows.append(
            [rec.ref, list(narrative(rec.text, f"to.recommendations[{index}].text")), answer.answer.label]
        )
    tally = [
        count_words(sum(1 for a in response.answers if a.answer is kind), "recommendation")
        + f" {kind.label.lower()}"
        for kind in Answer
        if any(a.answer is kind for a in response.answers)
    ]
    return section(
        "Summary of the Response",
        para(_join(tally).capitalize() + "."),
        table(header=["No.", "Recommendation", "Decision"], rows=rows, widths=[1, 7, 2]),
    )


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _answers(response: Response, office: Office) -> Section:
    blocks: list[Block] = []
    for index, answer in _ordered(response):
        rec = response.to.recommendations[index]
        where = f"answers[{response.answers.index(answer)}]"
        parts: list[Block] = [
            para(emph(*narrative(rec.text, f"to.recommendations[{index}].text"))),
            _field("Decision:", (answer.answer.label,)),
            _field("Reasons:", narrative(answer.reasons, f"{where}.reasons")),
        ]
        if answer.action:
            parts.append(_field("Action:", narrative(answer.action, f"{where}.action")))
        if answer.owner:
            parts.append(_field("Owner:", narrative(answer.owner, f"{where}.owner")))
        if answer.due:
            parts.append(_field("By:", (day_month_year(answer.due),)))
        blocks.append(section(f"Recommendation {rec.ref}", *parts))
    return section(f"{sentence(office.the_possessive)} Response to Each Recommendation", *blocks)


def _field(label: str, value: tuple[Inline | str, ...]) -> Block:
    # The space stays outside the bold: Markdown does not close '**' after a space.
    return para(strong(label), " ", *value)


def _period(office: Office) -> str:
    """The citation of the power to set a response period: s.29(3) for a Panel (PANEL-3), none for London."""
    return " (section 29(3) of the Act)" if office.scrutiny.response_period is not None else ""


def _publication(response: Response, office: Office) -> Section:
    recs = response.to
    given = day_month_year(response.given)
    blocks: list[Block] = []
    if recs.response_due is not None:
        due = day_month_year(recs.response_due)
        late = response_late(response.given, recs.response_due)
        blocks.append(
            para(
                f"The {office.panel_term} asked for a written response by {due}{_period(office)}. "
                f"This response was given to the {office.panel_term} on {given}"
                + (", after that date." if late else ".")
            )
        )
    else:
        blocks.append(para(f"This response was given to the {office.panel_term} on {given}."))
    if response.published is not None:
        where: list[Inline | str] = [
            f"{sentence(office.the)} published this response on {day_month_year(response.published)}"
        ]
        if response.url and response.on_office_website:
            where += [" on ", url_link(f"{office.the_possessive} website", response.url, "url")]
        elif response.url:
            # Whose website holds the link is not recorded: say only where it is.
            where += [" at ", url_link(response.url, response.url, "url")]
        blocks.append(
            para(
                *where,
                f", as {publication_section(london=office.kind is BodyKind.MOPAC)} of the Act requires.",
            )
        )
    else:
        blocks.append(
            para(publication_duty(office.the, varies=recs.variation, london=office.kind is BodyKind.MOPAC))
        )
    return section("Giving and Publishing the Response", *blocks)
