"""The Panel's report or recommendations on a draft plan or variation, as the Panel publishes it (s.28(3))."""

from __future__ import annotations

from pccplan.compose.arguments import expect
from pccplan.compose.build import document, link, para, section, table, title_block
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
from pccplan.compose.tree import Block, Document, Section
from pccplan.model.area import BodyKind
from pccplan.model.panel import PanelRecommendations, Vote
from pccplan.model.plan import Plan
from pccplan.statute.process import response_duty

__all__ = ["panel_recommendations_document", "vote_sentence"]


def vote_sentence(vote: Vote, body: str = "Panel") -> str:
    """The recorded vote in words: 'The Panel agreed this report by nine votes to none, with one abstention.'

    The number of members, when recorded, follows: '; the Panel has 12 members'. `body` is the
    scrutiny body's defined term ('Committee' in London).
    """
    against = "none" if vote.against == 0 else str(vote.against)
    words = f"The {body} agreed this report by {count_words(vote.in_favour, 'vote')} to {against}"
    if vote.abstained:
        words += f", with {count_words(vote.abstained, 'abstention')}"
    if vote.members is not None:
        words += f"; the {body} has {count_words(vote.members, 'member')}"
    return words + "."


def panel_recommendations_document(recs: PanelRecommendations, plan: Plan | None = None) -> Document:
    """The Panel's report or recommendations on the draft plan (PANEL-1, s.28(3)), as a document tree.

    It says what the law asks of the Panel (s.28(3); in London the Assembly's Police and Crime
    Committee, s.33(1), LON-2) and of the commissioner in reply (s.5(6)(d)-(f); MOPAC's s.6),
    the meeting, whether the Panel endorsed the draft, the vote where one is recorded, the
    Panel's numbered recommendations (a table with a header row), the response period the
    Panel set (PANEL-3, s.29(3), cited only for a Panel) and where the Panel publishes the
    report (PANEL-2, s.28(7), likewise). `plan`, when given, names the office as the area
    styles it (a commissioner, a police, fire and crime commissioner, a mayor or MOPAC);
    without it the office is read from the Panel's name. Raises `ValidationError` naming the
    field when the caller's markup is wrong.
    """
    expect(
        "panel_recommendations_document",
        ("recs", recs, PanelRecommendations, False),
        ("plan", plan, Plan, True),
    )
    office = _office(recs, plan)
    draft = f"draft {recs.plan_title}"
    title = f"Report of the {recs.panel} on the {draft[0].upper()}{draft[1:]}"
    lines: list[str] = [f"Meeting of {day_month_year(recs.meeting)}"]
    if recs.report_date is not None and recs.report_date != recs.meeting:
        lines.append(f"Report agreed on {day_month_year(recs.report_date)}")
    if recs.chair:
        lines.append(f"Chair: {recs.chair}")
    body: list[Block] = [
        title_block(title, *lines),
        _introduction(recs, office, draft),
    ]
    if recs.summary:
        body.append(section("Summary", para(*narrative(recs.summary, "summary"))))
    body.append(_recommendations(recs, office))
    body.append(_response(recs, office))
    body.append(_publication(recs, office, plan))
    return document(
        *body,
        title=title,
        author=recs.panel,
        subject=f"Report or recommendations on the {draft} (s.28(3))",
        date=recs.report_date or recs.meeting,
        keywords=("police and crime panel", "police and crime plan", "recommendations"),
        header=f"{recs.panel}: report on the {draft}",
    )


def _office(recs: PanelRecommendations, plan: Plan | None) -> Office:
    if plan is not None:
        return Office.of(plan.area, plan.commissioner, recs.meeting, recs.panel)
    return Office.for_panel(None, recs.panel, recs.meeting)


def _reviewer(recs: PanelRecommendations, office: Office) -> str:
    """Who the Act makes review the draft: the Panel; in London the Assembly, by its Committee (LON-2)."""
    named = f"the {recs.panel} (the \u201c{office.panel_term}\u201d)"
    return f"the London Assembly, through {named}," if office.kind is BodyKind.MOPAC else named


def _introduction(recs: PanelRecommendations, office: Office, draft: str) -> Section:
    scrutiny, body = office.scrutiny, office.panel_term
    act = link(f"section {scrutiny.review_section} of the {ACT_TITLE}", scrutiny.review.url)
    blocks: list[Block] = [
        para(
            "Under ",
            act,
            f" (the \u201cAct\u201d), {_reviewer(recs, office)} must review the draft police "
            f"and crime plan, or draft variation, given to it by the {office.introduced}, and make a report "
            f"or recommendations on it to {office.the}.",
        ),
    ]
    verdict = {
        True: " and endorsed it",
        False: " and did not endorse it",
        None: "",
    }[recs.endorsed]
    blocks.append(
        para(
            f"The {body} reviewed the {draft} (the \u201cdraft Plan\u201d) at its meeting on "
            f"{day_month_year(recs.meeting)}{verdict}."
        )
    )
    if recs.vote is not None:
        blocks.append(para(vote_sentence(recs.vote, body)))
    return section("Introduction", *blocks)


def _recommendations(recs: PanelRecommendations, office: Office) -> Section:
    body, short = office.panel_term, office.the
    if not recs.recommendations:
        return section("Recommendations", para(f"The {body} makes no recommendations to {short}."))
    rows = [
        [rec.ref, list(narrative(rec.text, f"recommendations[{index}].text"))]
        for index, rec in enumerate(recs.recommendations)
    ]
    return section(
        "Recommendations",
        para(
            f"The {body} makes the following {count_words(len(recs.recommendations), 'recommendation')} "
            f"to {short}:"
        ),
        table(header=["No.", "Recommendation"], rows=rows, widths=[1, 9]),
    )


def _response(recs: PanelRecommendations, office: Office) -> Section:
    short, body, scrutiny = office.the, office.panel_term, office.scrutiny
    duty = response_duty(
        short,
        f"the {body}",
        varies=recs.variation,
        london=office.kind is BodyKind.MOPAC,
        plan="the Plan",
        draft="draft variation" if recs.variation else "draft Plan",
    )
    blocks: list[Block] = [para(f"{sentence(duty.text)} ({duty.section} of the Act).")]
    if recs.response_due is not None:
        # s.29(3) is a Panel's power (PANEL-3); no such power was found for the Assembly (LON-2).
        cited = " (section 29(3) of the Act)" if scrutiny.response_period is not None else ""
        blocks.append(
            para(f"The {body} asks for a written response by {day_month_year(recs.response_due)}{cited}.")
        )
    return section(f"{sentence(possessive(short))} Response", *blocks)


def _publication(recs: PanelRecommendations, office: Office, plan: Plan | None) -> Section:
    when = f" on {day_month_year(recs.published)}" if recs.published else ""
    body = office.panel_term
    # PANEL-2 (s.28(7)) binds a Panel; for the Assembly no publication duty was found (LON-2).
    duty = " (section 28(7) of the Act)" if office.scrutiny.publication is not None else ""
    if recs.url:
        blocks: list[Block] = [
            para(
                f"The {body} publishes this report{duty}{when} on ",
                url_link(f"the {body}\u2019s website", recs.url, "url"),
                ".",
            )
        ]
    else:
        blocks = [para(f"The {body} publishes this report{duty}{when}.")]
    area = plan.area if plan is not None else area_of_panel(recs.panel)
    if area is not None:
        blocks += welsh_language(area, office, "report")
    return section("Publication", *blocks)
