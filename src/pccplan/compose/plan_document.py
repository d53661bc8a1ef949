"""The police and crime plan itself, as the office publishes it (PRSRA s.5, s.7(1))."""

from __future__ import annotations

import datetime as dt
import re

import attrs

from pccplan.compose.arguments import expect
from pccplan.compose.build import (
    InlinePart,
    Part,
    bullets,
    document,
    emph,
    link,
    note,
    para,
    section,
    strong,
    table,
    title_block,
)
from pccplan.compose.money import MoneyStyle
from pccplan.compose.money import money as written
from pccplan.compose.panel_report import term_of
from pccplan.compose.parts import (
    ACT_TITLE,
    WELSH_AVAILABLE,
    Office,
    count_words,
    date_span,
    day_month_year,
    financial_year,
    narrative,
    plan_name,
    possessive,
    sentence,
)
from pccplan.compose.tree import Block, Document, Inline, Paragraph, Section
from pccplan.model.area import BodyKind, Nation
from pccplan.model.plan import Grant, GrantPower, Plan, Service, ServiceKind, Theme
from pccplan.statute.process import contents_in_force, missing_elements, not_set_out, wrong_powers
from pccplan.statute.registry import cite
from pccplan.statute.terms import Term

__all__ = ["plan_document", "prose"]

_BLANK_LINE = re.compile(r"\n[ \t]*\n+")


def prose(text: str, where: str) -> list[Paragraph]:
    """The caller's longer text as paragraphs: blank lines separate them; markup as in `narrative`."""
    chunks = [chunk.strip() for chunk in _BLANK_LINE.split(text) if chunk.strip()]
    return [para(*narrative(chunk, where)) for chunk in chunks]


@attrs.frozen(kw_only=True)
class _Context:
    plan: Plan
    office: Office
    term: Term | None
    issued: dt.date | None
    recorded: bool  # whether `issued` is a recorded issue day, not the deadline assumed for a draft
    money: MoneyStyle  # how amounts are written (the house form's choice)

    @property
    def short(self) -> str:
        return self.office.short


def plan_document(plan: Plan, *, term: Term | None = None, money: MoneyStyle = MoneyStyle.POUNDS) -> Document:
    """The police and crime plan as a document tree, with an appendix mapping s.7(1) to its sections.

    Cover (title, office, commissioner, planning period, issue day); the foreword (the
    caller's text); the plan on a page (one table: each theme with its aim and shared
    outcomes); the police and crime objectives and a section per theme with its aim,
    outcomes, objectives or priorities for action, and measures (s.7(1)(a)); the policing
    of the area (b); resources, with a financial table (c); how performance is reported and
    measured (d), (e); services for victims and witnesses and to reduce crime and disorder
    (ea); grants and their conditions (f). An appendix maps each element of s.7(1), in the
    text in force on the issue day (PLAN-10), to where the plan sets it out, or says that
    it does not. A section the plan has nothing for is left out.

    The planning period is the plan's own `period`, else computed (PLAN-9, s.7(3), s.7(7))
    for `term` (default: the term after `plan.commissioner.elected`; none if that is not
    recorded) from the issue day: `plan.issued`, the recorded issue in `plan.process`, else
    the PLAN-1 deadline. Amounts are written in `money` (a house form's `money`; default whole
    pounds, '£94,250,000'), right-aligned. Raises `ValidationError` naming the field whose
    markup is wrong.
    """
    expect("plan_document", ("plan", plan, Plan, False))
    if term is None and plan.commissioner.elected is not None:
        term = term_of(plan)
    recorded = plan.process.plan_issued if plan.process else None
    issued = plan.issued or recorded or (term.plan_deadline if term else None)
    on = (
        issued
        or (term.takes_office if term else None)
        or plan.commissioner.elected
        or plan.area.current.since
    )
    office = Office.of(plan.area, plan.commissioner, on)
    ctx = _Context(
        plan=plan,
        office=office,
        term=term,
        issued=issued,
        recorded=bool(plan.issued or recorded),
        money=money,
    )

    where: dict[str, list[str]] = {}
    body: list[Block] = [_cover(ctx)]
    sections: list[tuple[str | None, Section | None]] = [
        (None, _foreword(ctx)),
        ("a", _on_a_page(ctx)),
        ("a", _objectives(ctx)),
        *((("a"), _theme(theme, index)) for index, theme in enumerate(plan.themes)),
        ("b", _text_section("Policing of the Area", plan.policing, "policing")),
        ("c", _resources(ctx)),
        ("d", _performance(ctx)),
        ("ea", _services(ctx)),
        ("f", _grants(ctx)),
    ]
    for letter, built in sections:
        if built is None:
            continue
        body.append(built)
        if letter is not None:
            where.setdefault(letter, []).append(built.title)
    if plan.performance is not None:
        where.setdefault("e", []).append("How Performance is Measured and Reported")
    if any(o.measures for t in plan.themes for o in t.outcomes):
        where.setdefault("e", []).append(f"the measures of each {plan.theme_word}")
    body.append(_appendix(ctx, where))
    years = f" ({_period_label(ctx)})" if _period(ctx) else ""
    return document(
        *body,
        title=_name(ctx),
        author=office.office_name,
        subject=f"Police and crime plan of the {office.full_title}{years}",
        date=issued,
        keywords=("police and crime plan", plan.area.name),
        header=_name(ctx),
    )


# ---------------------------------------------------------------- period and cover


def _period(ctx: _Context) -> tuple[dt.date, dt.date, Inline | None] | None:
    """The planning period (start, end) and a note when its end rests on a U reading (PLAN-9A)."""
    plan = ctx.plan
    if plan.period is not None:
        return plan.period.start, plan.period.end, None
    if ctx.term is None or ctx.issued is None:
        return None
    period = ctx.term.planning_period(ctx.issued, starts=plan.starts)
    explain = None
    if period.citation.unverified:
        explain = note(f"{period.citation.text}. {period.note or period.citation.note or ''}".strip())
    return period.start, period.end, explain


def _name(ctx: _Context) -> str:
    """The plan's title as the other documents give it: a generic title takes its period's years (PLAN-9)."""
    found = _period(ctx)
    return plan_name(ctx.plan, found[0], found[1]) if found else ctx.plan.title


def _period_label(ctx: _Context) -> str:
    found = _period(ctx)
    return date_span(found[0], found[1]) if found else ""


def _cover(ctx: _Context) -> Block:
    plan, office = ctx.plan, ctx.office
    lines: list[InlinePart] = [office.full_title, plan.commissioner.name]
    found = _period(ctx)
    if found is not None:
        start, end, explain = found
        lines.append([f"Planning period: {date_span(start, end)}", *([explain] if explain else [])])
    if ctx.issued is not None:
        if ctx.recorded:
            lines.append(f"Issued: {day_month_year(ctx.issued)}")
        else:
            lines.append(f"Draft: to be issued by {day_month_year(ctx.issued)}")
    if _illustrative(plan):
        lines.append(emph("Parts of this Plan are illustrative: made up to show the shape of a plan."))
    if plan.area.nation is Nation.WALES:
        lines.append(
            f"Published in Welsh and English, in line with {possessive(office.the)} Welsh Language Standards."
        )
        lines.append(WELSH_AVAILABLE)
    return title_block(_name(ctx), *lines)


def _illustrative(plan: Plan) -> bool:
    return any(t.illustrative for t in plan.themes) or any(g.illustrative for g in plan.grants)


# ---------------------------------------------------------------- foreword and themes


def _foreword(ctx: _Context) -> Section | None:
    plan = ctx.plan
    if plan.foreword is None:
        return None
    return section(
        "Foreword",
        *prose(plan.foreword, "foreword"),
        para(strong(plan.commissioner.name), ", ", ctx.office.full_title),
        new_page=True,
    )


def _outcome_list(theme: Theme, index: int) -> Block | None:
    if not theme.outcomes:
        return None
    return bullets(
        *(
            list(narrative(o.statement, f"themes[{index}].outcomes[{n}].statement"))
            for n, o in enumerate(theme.outcomes)
        )
    )


def _on_a_page(ctx: _Context) -> Section | None:
    themes = ctx.plan.themes
    if not themes:
        return None
    rows: list[list[Part]] = []
    for index, theme in enumerate(themes):
        # One paragraph per outcome: a cell is too narrow for a list's indent.
        outcomes = [
            para(*narrative(o.statement, f"themes[{index}].outcomes[{n}].statement"))
            for n, o in enumerate(theme.outcomes)
        ]
        rows.append(
            [
                strong(theme.name),
                list(narrative(theme.aim, f"themes[{index}].aim")),
                outcomes,
            ]
        )
    word = ctx.plan.theme_word
    lead: list[Block] = [
        para(
            f"The Plan is built around {count_words(len(themes), word, _plural(word))}. Each has its own "
            "aim and a set of shared outcomes that every agency with a part to play in community safety "
            "and criminal justice works towards."
        )
    ]
    across = ctx.plan.cross_cutting_themes
    if across:
        lead += [
            para(
                f"{sentence(count_words(len(across), 'cross-cutting theme'))} "
                f"{'runs' if len(across) == 1 else 'run'} through every {word}:"
            ),
            bullets(*(list(narrative(t, f"cross_cutting_themes[{i}]")) for i, t in enumerate(across))),
        ]
    return section(
        "Plan on a Page",
        *lead,
        table(header=[sentence(word), "Aim", "Shared outcomes"], rows=rows, widths=[3, 4, 5]),
        new_page=True,
    )


def _plural(word: str) -> str:
    """'themes', 'priorities', 'pillars': the plural of the word a plan calls its themes by."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _objectives(ctx: _Context) -> Section | None:
    plan = ctx.plan
    if not plan.objectives:
        return None
    return section(
        "Police and Crime Objectives",
        para(f"{sentence(possessive(ctx.office.the))} police and crime objectives for the area are:"),
        bullets(*(list(narrative(o, f"objectives[{i}]")) for i, o in enumerate(plan.objectives))),
    )


def _theme(theme: Theme, index: int) -> Section:
    here = f"themes[{index}]"
    blocks: list[Block] = [para(strong("Aim:"), " ", *narrative(theme.aim, f"{here}.aim"))]
    if theme.illustrative:
        blocks.append(para(emph("Illustrative content: not taken from a published plan.")))
    outcomes = _outcome_list(theme, index)
    if outcomes is not None:
        blocks.append(section("Shared Outcomes", outcomes))
    if theme.objectives:
        blocks.append(
            section(
                "Objectives and Priorities for Action",
                bullets(
                    *(list(narrative(o, f"{here}.objectives[{i}]")) for i, o in enumerate(theme.objectives))
                ),
            )
        )
    rows: list[list[Part]] = []
    for n, outcome in enumerate(theme.outcomes):
        for m, measure in enumerate(outcome.measures):
            at = f"{here}.outcomes[{n}].measures[{m}]"
            name = [para(*narrative(measure.name, f"{at}.name"))]
            if measure.description:
                name.append(para(*narrative(measure.description, f"{at}.description")))
            levels = [
                para(f"{label}: ", *narrative(value, f"{at}.{field}"))
                for field, label, value in (
                    ("baseline", "Baseline", measure.baseline),
                    ("target", "Target", measure.target),
                )
                if value
            ]
            source = list(narrative(measure.source, f"{at}.source")) if measure.source else []
            statement = list(narrative(outcome.statement, f"{here}.outcomes[{n}].statement"))
            rows.append([statement, name, levels, source])
    if rows:
        blocks.append(
            section(
                "Measures",
                table(
                    header=["Outcome", "Measure", "Baseline and target", "Source"],
                    rows=rows,
                    widths=[3, 3, 3, 3],
                ),
            )
        )
    return section(theme.name, *blocks, new_page=True)


# ---------------------------------------------------------------- the other elements of s.7(1)


def _text_section(title: str, text: str | None, where: str) -> Section | None:
    if text is None:
        return None
    return section(title, *prose(text, where))


def _resources(ctx: _Context) -> Section | None:
    resources = ctx.plan.resources
    if resources is None:
        return None
    blocks: list[Block] = [*prose(resources.summary, "resources.summary")]
    if resources.lines:
        rows: list[list[Part]] = [
            [
                list(narrative(line.item, f"resources.lines[{i}].item")),
                written(line.amount, ctx.money),
                list(narrative(line.note, f"resources.lines[{i}].note")) if line.note else [],
            ]
            for i, line in enumerate(resources.lines)
        ]
        rows.append([strong("Total"), strong(written(resources.total, ctx.money)), []])
        year = resources.financial_year
        caption = (
            f"Financial resources, {financial_year(year)}" if year is not None else "Financial resources"
        )
        blocks.append(
            table(
                header=["Item", "Amount", "Note"],
                rows=rows,
                caption=caption,
                widths=[5, 3, 4],
                align=["left", "right", "left"],
            )
        )
    return section("Resources", *blocks)


def _performance(ctx: _Context) -> Section | None:
    plan = ctx.plan
    if plan.reporting is None and plan.performance is None:
        return None
    blocks: list[Block] = []
    if plan.reporting is not None:
        blocks.append(section(f"Reporting to {ctx.office.the}", *prose(plan.reporting, "reporting")))
    if plan.performance is not None:
        blocks.append(section("Measuring Performance", *prose(plan.performance, "performance")))
    return section("How Performance is Measured and Reported", *blocks)


_SERVICE_HEADINGS = {
    ServiceKind.VICTIMS_AND_WITNESSES: "Services for Victims and Witnesses",
    ServiceKind.CRIME_AND_DISORDER: "Services to Reduce Crime and Disorder",
}


def _services(ctx: _Context) -> Section | None:
    services = ctx.plan.services
    if not services:
        return None
    blocks: list[Block] = [
        para(
            f"{sentence(ctx.office.the)} provides or arranges these services under section 143 of the "
            "Anti-social Behaviour, Crime and Policing Act 2014: services that help reduce crime and "
            "disorder, and services for victims, witnesses and others affected by crime and anti-social "
            "behaviour."
        )
    ]
    for kind in (ServiceKind.VICTIMS_AND_WITNESSES, ServiceKind.CRIME_AND_DISORDER):
        chosen = [(i, s) for i, s in enumerate(services) if s.kind is kind]
        if chosen:
            blocks.append(
                section(
                    _SERVICE_HEADINGS[kind],
                    table(
                        header=["Service", "What it does", "Provided by"],
                        rows=[_service_row(s, i) for i, s in chosen],
                        widths=[3, 5, 3],
                    ),
                )
            )
    return section("Services for Victims and to Reduce Crime and Disorder", *blocks)


def _service_row(service: Service, index: int) -> list[Part]:
    here = f"services[{index}]"
    return [
        list(narrative(service.name, f"{here}.name")),
        list(narrative(service.description, f"{here}.description")) if service.description else [],
        list(narrative(service.provider, f"{here}.provider")) if service.provider else [],
    ]


def _grants(ctx: _Context) -> Section | None:
    grants = ctx.plan.grants
    if not grants:
        return None
    powers = sorted({g.power for g in grants}, key=lambda p: p.value)
    made_under = "; ".join(p.label for p in powers)
    rows = [_grant_row(g, i, ctx.money) for i, g in enumerate(grants)]
    rows.append([strong("Total"), [], strong(written(ctx.plan.grants_total, ctx.money)), []])
    return section(
        "Grants",
        para(
            f"{sentence(ctx.office.the)} will make the grants below under {made_under}, with the "
            "conditions shown."
        ),
        table(
            header=["Recipient", "Purpose", "Amount", "Conditions"],
            rows=rows,
            widths=[3, 4, 3, 4],
            align=["left", "left", "right", "left"],
        ),
    )


def _grant_row(grant: Grant, index: int, style: MoneyStyle) -> list[Part]:
    here = f"grants[{index}]"
    purpose: list[Part] = [para(*narrative(grant.purpose, f"{here}.purpose"))]
    if grant.period is not None:
        purpose.append(para(date_span(grant.period.start, grant.period.end)))
    if grant.power is GrantPower.PRSRA_S9:
        purpose.append(para(emph("A crime and disorder reduction grant (s.9 of the 2011 Act).")))
    if grant.illustrative:
        purpose.append(para(emph("Illustrative.")))
    # One paragraph per condition: a cell is too narrow for a list's indent.
    conditions: Part = [
        para(*narrative(c, f"{here}.conditions[{i}]")) for i, c in enumerate(grant.conditions)
    ] or "None"
    amount = written(grant.amount, style)
    return [list(narrative(grant.recipient, f"{here}.recipient")), purpose, amount, conditions]


# ---------------------------------------------------------------- appendix: s.7(1)


def _appendix(ctx: _Context, where: dict[str, list[str]]) -> Section:
    plan = ctx.plan
    version = contents_in_force(ctx.issued)
    missing = set(missing_elements(plan, ctx.issued))
    rows: list[list[Part]] = []
    for element in version.elements:
        # s.7(1) names the chief officer of police: in London the Commissioner of Police of the Metropolis.
        chief = "chief constable" if ctx.office.kind is not BodyKind.MOPAC else ctx.office.chief_officer
        says = element.says_for(ctx.office.the, chief)
        says = says[:1].upper() + says[1:]
        if element.letter in missing or element.letter not in where:
            place: Part = strong("Not set out in this Plan")
        else:
            place = "; ".join(dict.fromkeys(where[element.letter]))
        rows.append([f"({element.letter})", says, place])
    act = link(f"Section 7(1) of the {ACT_TITLE}", cite("PLAN-10").url)
    on = f"the text in force on {day_month_year(ctx.issued)}" if ctx.issued else "the text in force now"
    blocks: list[Block] = [
        para(
            act,
            f" says what a police and crime plan must set out for its planning period ({on}). The table "
            "shows where this Plan sets out each element.",
        ),
        table(
            header=["s.7(1)", "What the Plan must set out", "Where this Plan sets it out"],
            rows=rows,
            widths=[1, 5, 4],
        ),
    ]
    if missing:
        letters = [e.letter for e in version.elements if e.letter in missing]
        blocks.append(para(not_set_out(letters, issued=ctx.recorded)))
    blocks += [para(sentence) for sentence in wrong_powers(plan, version, subject="Plan")]
    return section("Appendix: How this Plan Meets Section 7(1)", *blocks, new_page=True)
