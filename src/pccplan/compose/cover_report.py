"""The Panel clerk's cover report on the agenda item for the Commissioner's draft plan.

The Panel's own paper introducing the draft (as distinct from the office's report to the
Panel): its purpose, the background with the Panel's statutory role (PANEL-1, s.28(3); the
steps before issue, PLAN-4, s.5(6); a reasonable time to review, PLAN-5, s.5(7)), the
recommendation to the Panel, the draft attached and the contact officer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pccplan._deprecate import renamed
from pccplan.compose.arguments import expect
from pccplan.compose.build import document, link, para, title_block
from pccplan.compose.house import with_logo
from pccplan.compose.parts import (
    ACT_TITLE,
    attached_appendix,
    blocks_of,
    contact_line,
    day_month_year,
    narrative,
)
from pccplan.compose.record_of_decision import appendix_line, arrange_marked, scrutiny_form
from pccplan.compose.tree import Block, Document, Inline
from pccplan.model.agenda import CoverReport
from pccplan.model.area import BodyKind
from pccplan.model.form import HouseForm, Naming
from pccplan.model.plan import Plan
from pccplan.statute.process import response_duty

__all__ = ["cover_report_document", "cover_report_title"]


def cover_report_title(report: CoverReport) -> str:
    """The report's title: its own, else 'Draft ' and the plan's title ('Draft variation of the ...')."""
    if report.title:
        return report.title
    return f"Draft variation of the {report.plan_title}" if report.variation else f"Draft {report.plan_title}"


def cover_report_document(
    report: CoverReport, plan: Plan | None = None, *, form: HouseForm | None = None
) -> Document:
    """The clerk's cover report introducing the Commissioner's draft to the Panel, as a document tree.

    The statutory role is written from the rules: the Panel reviews the draft and reports or
    makes recommendations on it (PANEL-1, s.28(3)); the Commissioner must have regard to that
    report, respond to it and publish the response before issuing (PLAN-4, s.5(6)(d)-(f)); the
    Panel is to have a reasonable time for the review, with no number of days set (PLAN-5,
    s.5(7)). The recommendation defaults to one asking the Panel to review the draft under
    s.28(3). When `report.received` is recorded, the day the draft was received is said; nothing
    else about the process is asserted. Parts and headings come from `form`'s ``cover-report``
    form (default: the built-in form of the area's kind of body).

    In London the report is the Police and Crime Committee's: the review is the London
    Assembly's under s.33(1) (LON-2), MOPAC's steps and the reasonable time are s.6(6)-(7).
    Raises `ValidationError` naming the field whose markup is wrong.
    """
    expect(
        "cover_report_document",
        ("report", report, CoverReport, False),
        ("plan", plan, Plan, True),
        ("form", form, HouseForm, True),
    )
    office, form, shape, capitals = scrutiny_form(report.panel, report.meeting, plan, form, "cover-report")
    holder = form.naming.commissioner
    panel = form.naming.panel
    styled = form.naming.office_holder or office.full_title
    draft = cover_report_title(report)
    draft_lower = draft[:1].lower() + draft[1:]
    scrutiny = office.scrutiny
    review = link(f"section {scrutiny.review_section} of the {ACT_TITLE}", scrutiny.review.url)

    lines: list[Inline | str] = [f"{report.panel}, {day_month_year(report.meeting)}"]
    if report.item:
        lines.append(f"Agenda item {report.item}")
    lines.append(f"Report of {contact_line(report.contact)}")

    purpose: list[Block] = [
        para(
            f"To present to {panel} the {draft_lower} prepared by the {styled} ({holder}), for "
            f"{Naming.possessive(panel)} review."
        )
    ]
    if report.recommendation:
        recommendation: list[Block] = [para(*narrative(report.recommendation, "recommendation"))]
    else:
        recommendation = [
            para(
                f"That {panel} reviews the {draft_lower} and reports or makes recommendations on it to "
                f"{holder}, under ",
                review,
                ".",
            )
        ]
    background = blocks_of(report.background, "background", numbered=False)
    if report.received is not None:
        background.append(
            para(f"{Naming.start(panel)} received the {draft_lower} on {day_month_year(report.received)}.")
        )
    # s.33(1) binds the London Assembly, which reviews through its Police and Crime Committee (LON-2).
    reviewer = (
        f"The London Assembly, through {panel}," if office.kind is BodyKind.MOPAC else Naming.start(panel)
    )
    duty = response_duty(holder, panel, varies=report.variation, london=office.kind is BodyKind.MOPAC)
    role: list[Block] = [
        para(
            f"{reviewer} must review the draft and report or make recommendations on it to {holder} (",
            link(f"section {scrutiny.review_section}", scrutiny.review.url),
            f" of the Act). {Naming.start(panel)} is to be given a reasonable time for the review; the Act "
            "sets no number of days (",
            link(f"section {office.act_section}(7)", office.plan_url),
            ").",
        ),
        para(f"{Naming.start(duty.text)} (", link(duty.section, duty.citation.url), ")."),
    ]
    attachments: list[Block] = [
        appendix_line(a.label, a.title, a.file, a.url, f"attachments[{i}]")
        for i, a in enumerate(report.attachments)
    ]

    parts: dict[str, list[Block]] = {
        "purpose": purpose,
        "recommendation": recommendation,
        "background": background,
        "statutory-role": role,
        "next-steps": blocks_of(report.next_steps, "next_steps", numbered=False),
        "appendices": attachments,
        "contact": [para(contact_line(report.contact))],
    }
    composed = document(
        title_block(draft, *lines),
        *arrange_marked(shape, parts),
        *[
            s
            for i, a in enumerate(report.attachments)
            if (s := attached_appendix(a.label, a.title, a.file, f"attachments[{i}].file", None)) is not None
        ],
        title=draft,
        author=report.panel,
        subject=f"Cover report: {draft}",
        date=report.meeting,
        keywords=("police and crime panel", "police and crime plan", "cover report"),
        header=report.panel,
        capitals=capitals,
    )
    return with_logo(composed, form)  # the form's logo, as apply_form adds it


if TYPE_CHECKING:  # the former name, for type checkers; at run time `__getattr__` keeps it
    cover_report = cover_report_document
__getattr__ = renamed(__name__, {"cover_report": cover_report_document})
