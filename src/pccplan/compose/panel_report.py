"""The report to the Police and Crime Panel on a draft plan (or draft variation), like seed 000."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from pccplan._deprecate import Former, renamed
from pccplan.compose.arguments import expect
from pccplan.compose.build import bullets, document, link, note, numbered, para, section, title_block
from pccplan.compose.parts import (
    ACT_TITLE,
    ACT_URL,
    Office,
    attached_file,
    blocks_of,
    contact_line,
    day_month_year,
    exempt_mark,
    exempt_within,
    month_year,
    paragraph_blocks,
    reference_line,
    sentence,
)
from pccplan.compose.tree import Block, Document, Section
from pccplan.errors import StatuteError, ValidationError
from pccplan.model.area import BodyKind, Nation
from pccplan.model.document import BackgroundDocument
from pccplan.model.panel import PanelReport
from pccplan.model.plan import Plan
from pccplan.statute.plan import SPR_NOTE, plan_duty_wording, plan_power_wording, spr_note
from pccplan.statute.polls import require_poll
from pccplan.statute.process import contents_in_force
from pccplan.statute.terms import Term, term_for

__all__ = [
    "DEFAULT_TERMS_OF_REFERENCE",
    "LIBRARY_SECTIONS",
    "SPR_NOTE",
    "panel_report_document",
    "term_of",
]

LIBRARY_SECTIONS: tuple[str, ...] = (
    "purpose",
    "recommendation",
    "terms-of-reference",
    "background",
    "next-steps",
    "background-documents",
    "appendices",
)
"""Keys of the sections the library writes, in order. The caller's own sections (such as
'Development of the plan and consultation') go after 'background'; a caller section with one
of these keys replaces the library's, and `PanelReport.drop` leaves one out."""

DEFAULT_TERMS_OF_REFERENCE = (
    "To review and make a report or recommendation on the draft Plan, or draft variation, "
    "given to the {panel} by {office}."
)
"""The Panel's term of reference for a draft plan (PANEL-1, s.28(3)), when the caller gives none.

`panel` is the scrutiny body's defined term ('Panel'; in London 'Committee', LON-2, s.33(1)) and
`office` the office as a sentence names it ('the Commissioner', 'MOPAC')."""


@attrs.frozen(kw_only=True)
class _Context:
    plan: Plan
    term: Term
    report: PanelReport
    office: Office
    issued: dt.date

    @property
    def draft(self) -> str:
        return "draft variation" if self.report.variation else "draft Plan"


def _panel_report(
    plan: Plan, report: PanelReport, *, term: Term | None = None, issued: dt.date | None = None
) -> Document:
    """The report laid before the Panel on the draft `plan`, as a document tree.

    The statutory parts are written from the rules for `term`, the Commissioner's term after
    their poll (default: the term after `plan.commissioner.elected`): the duty and its deadline
    (PLAN-1), the s.7(1) elements in force on the issue day (PLAN-10), the have-regard duties
    (PLAN-3, PLAN-11, PFCC-1), the copy and publication duties (PLAN-8) and the start day,
    checked against PLAN-9. `issued` is the day the plan is expected to be issued (default:
    `plan.issued`, else the PLAN-1 deadline, else the meeting).
    `report.exempt` marks every section exempt (those with their own mark keep it): the
    public version keeps the title block and the headings, and says under each heading which
    paragraph of Schedule 12A withholds it; the full version keeps everything, marked.
    Raises `QualifyingDayError` when `report.effective_from` is a start day PLAN-9 refuses, and
    `ValidationError` naming the field when the caller's markup or section keys are wrong.
    """
    term = term or term_of(plan)
    office = Office.of(plan.area, plan.commissioner, report.meeting, report.panel)
    issue_day = issued or plan.issued or term.plan_deadline or report.meeting
    ctx = _Context(plan=plan, term=term, report=report, office=office, issued=issue_day)
    if report.effective_from is not None:
        # PLAN-9: a start day the qualifying-day rule refuses is an error, never a sentence.
        term.planning_period(issue_day, starts=report.effective_from)

    library: dict[str, Section | None] = {
        "purpose": _purpose(ctx),
        "recommendation": _recommendation(ctx),
        "terms-of-reference": _terms_of_reference(ctx),
        "background": _background(ctx),
        "next-steps": _next_steps(ctx),
        "background-documents": _background_documents(ctx),
        "appendices": _appendices(ctx),
    }
    for index, key in enumerate(report.drop):
        if key not in library:
            raise ValidationError.one(
                f"drop[{index}]",
                f"is not a section the library writes ({', '.join(LIBRARY_SECTIONS)})",
                key,
                "PanelReport",
            )
        library[key] = None
    own: list[Section] = []
    for index, mine in enumerate(report.sections):
        where = f"sections[{index}]"
        built = section(
            mine.heading,
            *blocks_of(mine.paragraphs, f"{where}.paragraphs"),
            numbered=True,
            exempt=exempt_mark(mine.exempt),
        )
        if mine.key in library:
            library[mine.key] = built
        else:
            own.append(built)

    order: list[str | None] = [*LIBRARY_SECTIONS[:4], None, *LIBRARY_SECTIONS[4:]]
    sections: list[Section] = []
    for place in order:
        if place is None:
            sections += own
        elif (built_section := library[place]) is not None:
            sections.append(built_section)
    sections += _appendix_contents(ctx)
    # An exempt report is exempt throughout: every section, the library's too, is left out of the
    # public version under its heading; only the title block, which identifies the report, stays.
    body: list[Block] = [_title_block(ctx), *(exempt_within(s, report.exempt) for s in sections)]
    return document(
        *body,
        title=_title(ctx),
        author=office.office_name,
        subject=f"Report to the {office.panel}, {day_month_year(report.meeting)}",
        date=report.meeting,
        keywords=("police and crime plan", "police and crime panel", plan.area.name),
        header=_running_title(ctx),
    )


def term_of(plan: Plan) -> Term:
    """The term of the plan's Commissioner, from the poll they were elected at (TERM-1, TERM-3).

    A poll that is not an ordinary poll is refused, naming the nearest one, unless the
    commissioner is declared elected at a by-election; a by-election too late to be held
    (within six months before an ordinary poll) is refused (`require_poll`).
    """
    commissioner = plan.commissioner
    if commissioner.elected is None:
        raise ValidationError.one(
            "commissioner.elected", "is needed to work out the term (or pass term=)", None, "Plan"
        )
    try:
        require_poll(commissioner.elected, plan.area, by_election_declared=commissioner.by_election)
    except StatuteError as error:
        raise ValidationError.one("commissioner.elected", str(error), commissioner.elected, "Plan") from None
    return term_for(commissioner.elected, plan.area)


def _title(ctx: _Context) -> str:
    if ctx.report.title:
        return ctx.report.title
    what = f"Draft variation of the {ctx.plan.title}" if ctx.report.variation else ctx.plan.title
    return f"{ctx.office.title}'s {what}"


def _running_title(ctx: _Context) -> str:
    """The report's title as a running header: short, because it repeats on every page after the first."""
    return (
        "Draft variation of the Police and Crime Plan"
        if ctx.report.variation
        else "Draft Police and Crime Plan"
    )


def _title_block(ctx: _Context) -> Block:
    lines: list[str] = [f"{ctx.office.panel}, {day_month_year(ctx.report.meeting)}"]
    if ctx.report.agenda_item:
        lines.append(f"Agenda item {ctx.report.agenda_item}")
    if ctx.report.author:
        lines.append(f"Contact: {contact_line(ctx.report.author)}")
    return title_block(_title(ctx), *lines)


def _introduced_possessive(o: Office) -> str:
    """The office at its first mention, possessive: 'Police and Crime Commissioner’s (the “Commissioner”)'."""
    if o.kind is BodyKind.MOPAC:
        return "Mayor's Office for Policing and Crime\u2019s (MOPAC)"
    return f"{o.title}\u2019s (the \u201c{o.short}\u201d)"


def _purpose(ctx: _Context) -> Section:
    o = ctx.office
    what = f"draft variation of the {ctx.plan.title}" if ctx.report.variation else f"draft {ctx.plan.title}"
    return section(
        "Purpose",
        numbered(
            f"The purpose of this report is to provide the {o.panel_introduced} with the "
            f"{_introduced_possessive(o)} {what} (the \u201cPlan\u201d)."
        ),
        numbered=True,
    )


def _recommendation(ctx: _Context) -> Section:
    return section(
        "Recommendation",
        numbered(
            f"The {ctx.office.panel_term} is recommended to review the {ctx.draft} and make a report or "
            f"recommendation on the {ctx.draft} to {ctx.office.the}."
        ),
        numbered=True,
    )


def _terms_of_reference(ctx: _Context) -> Section:
    default = DEFAULT_TERMS_OF_REFERENCE.format(panel=ctx.office.panel_term, office=ctx.office.the)
    terms = ctx.report.terms_of_reference or (default,)
    return section(
        "Terms of Reference",
        *(numbered(f"Item {index} - {term}") for index, term in enumerate(terms, start=1)),
        numbered=True,
    )


def _duty_sentence(ctx: _Context) -> str:
    o, act = ctx.office, ACT_TITLE
    who = f"Under the {act}, {o.the}"
    if ctx.report.variation or ctx.term.plan_deadline is None:
        return f"{plan_power_wording(who, varies=ctx.report.variation)}."
    # s.6: MOPAC's duty runs from the Mayor's taking office (s.3)
    return plan_duty_wording(who, day_month_year(ctx.term.plan_deadline), mayor=o.kind is BodyKind.MOPAC)


def _background(ctx: _Context) -> Section:
    o = ctx.office
    version = contents_in_force(ctx.issued)
    london = o.kind is BodyKind.MOPAC
    elements = [
        e.in_report(o.short, o.possessive, o.chief_officer, article=not london) for e in version.elements
    ]
    blocks: list[Block] = [
        numbered(
            f"{_duty_sentence(ctx)} The Plan must determine, direct and communicate {o.the}'s "
            "priorities during their period in office and set out for the planning period:"
        ),
        bullets(*elements),
        numbered(
            f"In preparing the Plan {o.the} must have regard to the relevant priorities of each "
            f"responsible authority, with these authorities having a duty to co-operate with {o.the} "
            f"for the purpose of formulating the Plan. {sentence(o.the)} must also make arrangements to "
            "obtain the views of the community, including victims of crime, on policing and ensure an "
            "efficient and effective criminal justice system."
        ),
        numbered(
            f"The Plan must achieve value for money, ensure the {o.chief_officer} fulfils their duties "
            "relating to equality and diversity and have regard to the need to safeguard and promote the "
            "welfare of children, the Strategic Policing Requirement",
            note(spr_note(london=london)),
            " and guidance or codes of practice issued by the Secretary of State.",
        ),
    ]
    if o.kind is BodyKind.PFCC:
        # The registry imports every rule module; only a fire and rescue commissioner needs it here.
        from pccplan.statute.registry import cite

        pfcc = cite("PFCC-1")
        blocks.append(
            numbered(
                f"As a {o.title}, {o.the} must also have regard to the Fire and Rescue National "
                "Framework in issuing or varying the Plan, and may issue a joint police, fire and crime "
                "plan.",
                note(f"{pfcc.text}."),
            )
        )
    return section("Background", *blocks, numbered=True)


def _next_steps(ctx: _Context) -> Section:
    o, report = ctx.office, ctx.report
    done = "varied the Plan" if report.variation else "issued the Plan"
    blocks: list[Block] = [
        numbered(
            f"By law, once {o.the} has {done}, a copy must be sent to the {o.chief_officer} and each of "
            "the Responsible Authorities that are wholly or partly within the relevant police area, and the "
            f"Plan published in any manner {o.the} determines."
        )
    ]
    timing: list[str] = []
    if report.expected_launch:
        launch = month_year(report.expected_launch)
        timing.append(f"It is anticipated {o.the} will publicly launch the Plan in {launch}.")
    if report.effective_from:
        timing.append(f"The Plan will become effective from {day_month_year(report.effective_from)}.")
    if timing:
        blocks.append(numbered(" ".join(timing)))
    if ctx.plan.area.nation is Nation.WALES:
        blocks.append(
            numbered(
                f"The Plan will be published in Welsh and English, in line with {o.the}'s Welsh "
                "Language Standards."
            )
        )
    return section("Next Steps", *blocks, numbered=True)


def _background_documents(ctx: _Context) -> Section:
    documents: list[BackgroundDocument] = list(ctx.report.background_documents)
    if not any(d.url == ACT_URL or d.title.strip().casefold() == ACT_TITLE.casefold() for d in documents):
        documents.insert(0, BackgroundDocument(title=ACT_TITLE, url=ACT_URL))
    offset = len(documents) - len(ctx.report.background_documents)
    lines = [
        reference_line(d, f"background_documents[{i - offset}]") if i >= offset else reference_line(d, "")
        for i, d in enumerate(documents)
    ]
    return section("Background Documents", *lines, numbered=True)


def _appendices(ctx: _Context) -> Section | None:
    if not ctx.report.appendices:
        return None
    lines = []
    for appendix in ctx.report.appendices:
        label = f"Appendix {appendix.label} - {appendix.title}"
        content = link(label, appendix.url) if appendix.url else label
        lines.append(para(content, numbered=True, exempt=exempt_mark(appendix.exempt)))
    return section("Appendices", *lines, numbered=True)


def _appendix_contents(ctx: _Context) -> list[Section]:
    """Each appendix with content of its own on a new page: its paragraphs, then its attached file."""
    return [
        section(
            f"Appendix {appendix.label}: {appendix.title}",
            *[
                b
                for i, p in enumerate(appendix.paragraphs)
                for b in paragraph_blocks(p, f"appendices[{n}].paragraphs[{i}]", numbered=False)
            ],
            *(
                [attached_file(appendix.label, appendix.title, appendix.file, f"appendices[{n}].file")]
                if appendix.file is not None
                else []
            ),
            new_page=True,
            exempt=exempt_mark(appendix.exempt),
        )
        for n, appendix in enumerate(ctx.report.appendices)
        if appendix.paragraphs or appendix.file is not None
    ]


def panel_report_document(
    report: PanelReport, plan: Plan, *, term: Term | None = None, issued: dt.date | None = None
) -> Document:
    """The report laid before the Panel on the draft `plan`, as a document tree.

    The public composer, in the order every composer takes: the document's content first,
    then the plan. What it writes is `panel_report`'s (which takes the plan first and stays,
    under that name, for one release): the statutory parts come from the rules for `term`.
    """
    expect("panel_report_document", ("report", report, PanelReport, False), ("plan", plan, Plan, False))
    return _panel_report(plan, report, term=term, issued=issued)


if TYPE_CHECKING:  # the former name, for type checkers; at run time `__getattr__` keeps it
    panel_report = _panel_report
__getattr__ = renamed(
    __name__,
    {
        "panel_report": Former(
            _panel_report, "panel_report_document", "which takes the report first, then the plan"
        )
    },
)
