"""The statutory timetable of a term: every dated, cited step from the poll to the end of the term."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pccplan.compose.arguments import expect
from pccplan.compose.build import Part, bullets, document, emph, link, para, section, table, title_block
from pccplan.compose.parts import count_words, date_span, day_month_year
from pccplan.compose.tree import Block, Document, Table
from pccplan.model.area import BodyKind
from pccplan.statute.plan import plan_duty_wording, plan_power_wording
from pccplan.statute.steps import DatedStep
from pccplan.statute.terms import Term, TermKind
from pccplan.statute.timeline import Timeline, timeline

__all__ = ["timetable_document", "timetable_steps", "timetable_table"]

_KIND = {
    TermKind.ORDINARY: "elected at an ordinary election",
    TermKind.MAYORAL: "a mayor exercising PCC functions under a transfer order",
    TermKind.BY_ELECTION: "elected at a by-election",
}


def timetable_steps(
    term: Term,
    *,
    issued: dt.date | None = None,
    meeting: dt.date | None = None,
    response_days: int | None = None,
) -> tuple[Timeline, tuple[DatedStep, ...]]:
    """The timeline of `term` and its steps in date order, the term's own steps kept as given.

    The steps are the term's (TERM-1 to TERM-4, ACC-1, PLAN-1), the planning period of a plan
    issued on `issued` (PLAN-9; default the plan deadline), the first precept (PREC-1 to
    PREC-5), the first annual report (AR-1) and, when `meeting` is the Panel meeting on the
    draft, the review steps (PLAN-4, PLAN-8, MTG-1/MTG-2, PANEL-1 to PANEL-3). A term whose
    dates were overridden keeps its own dates; the other steps come from `timeline`.
    """
    declared = term.takes_office if term.kind is TermKind.BY_ELECTION else None
    line = timeline(
        term.poll,
        term.area,
        issued=issued,
        meeting=meeting,
        response_days=response_days,
        elections=term.elections,
        declared=declared,
    )
    computed = set(line.term.steps)
    merged = [*term.steps, *(s for s in line.steps if s not in computed)]
    ordered = sorted(enumerate(merged), key=lambda pair: (pair[1].date, pair[0]))
    return line, tuple(step for _, step in ordered)


def _row(step: DatedStep) -> list[Part]:
    what: list[Part] = [para(step.title)]
    if step.note:
        what.append(para(emph(step.note)))
    when: list[Part] = [para(day_month_year(step.date))]
    if step.non_working_day:
        day = f"A {step.date:%A}" if step.date.weekday() >= 5 else "A bank holiday"
        when.append(para(emph(f"{day}: not a working day")))
    return [step.rule, what, when, [para(link(step.citation.text, step.citation.url))]]


def timetable_table(
    term: Term,
    *,
    issued: dt.date | None = None,
    meeting: dt.date | None = None,
    response_days: int | None = None,
) -> Table:
    """Every dated step of `term` as a table with a header row: rule, what, by when, source.

    See `timetable_steps` for what the steps are. The source is the step's citation, linked
    to legislation.gov.uk, marked '(unverified)' where the rule is U; a note under a step
    explains an assumption or a soft target, and a day that is not a working day is said to
    be one (fixed statutory dates do not move).
    """
    _line, steps = timetable_steps(term, issued=issued, meeting=meeting, response_days=response_days)
    return _table(steps)


def _kind(term: Term) -> str:
    """How the term began, in words; in London the Mayor occupies MOPAC (s.3), under no transfer order."""
    if term.area is not None and term.area.governance_on(term.takes_office).kind is BodyKind.MOPAC:
        return "the Mayor of London, the occupant of the Mayor's Office for Policing and Crime"
    return _KIND[term.kind]


def _place(term: Term) -> tuple[str, str]:
    """The office's title and the area's name ('Police and Crime Commissioner', 'for Kent')."""
    if term.area is None:
        return "Police and Crime Commissioner", "an ordinary police area"
    governance = term.area.governance_on(term.takes_office)
    if governance.kind in (BodyKind.MAYOR, BodyKind.MOPAC):
        return governance.title, term.area.name
    return f"{governance.title} for {term.area.name}", term.area.name


def timetable_document(
    term: Term,
    *,
    issued: dt.date | None = None,
    meeting: dt.date | None = None,
    response_days: int | None = None,
) -> Document:
    """The statutory timetable of `term` as a document: the term's facts, then `timetable_table`.

    The facts: how the term began (TERM-1, TERM-3 or TERM-4), when office starts and ends,
    the next ordinary poll (TERM-2), the declaration of acceptance deadline (ACC-1), the
    plan deadline (PLAN-1, or none after a by-election: PLAN-2) and the planning period of
    a plan issued on `issued` (PLAN-9, with its U reading said when it rests on one).
    """
    expect("timetable_document", ("term", term, Term, False))
    line, steps = timetable_steps(term, issued=issued, meeting=meeting, response_days=response_days)
    office, area = _place(term)
    years = f"{term.takes_office.year} \u2013 {term.term_ends.year}"
    title = f"Statutory Timetable of the Term {years}: {office}"
    facts: list[Part] = [
        f"Poll: {day_month_year(term.poll)} ({_kind(term)}).",
        f"In office: {date_span(term.takes_office, term.term_ends)}; the next ordinary poll is on "
        f"{day_month_year(term.next_poll)}.",
    ]
    if term.acceptance_deadline is not None:  # None for a mayor: s.70 does not apply (statute.terms)
        deadline = day_month_year(term.acceptance_deadline)
        facts.append(f"Declaration of acceptance of office made and delivered by {deadline}.")
    if term.plan_deadline is not None:
        mopac = term.area is not None and term.area.governance_on(term.takes_office).kind is BodyKind.MOPAC
        deadline = day_month_year(term.plan_deadline)
        facts.append(plan_duty_wording(f"The {office}", deadline, mayor=mopac, plan="police and crime plan"))
    else:
        power = plan_power_wording(f"The {office}", varies=False, plan="police and crime plan", short="plan")
        facts.append(f"The poll creates no duty to issue a plan: {power[0].lower()}{power[1:]}.")
    if line.period is not None:
        period = line.period
        sentence = (
            f"A plan issued on {day_month_year(period.issued)} has effect from "
            f"{date_span(period.start, period.end)} (the planning period)."
        )
        if period.citation.unverified:
            why = period.note or period.citation.note
            sentence += f" This end day rests on an unverified reading (PLAN-9A). {why}"
        facts.append(sentence)
    unverified = sum(1 for s in steps if s.unverified)
    closing: list[Block] = [
        para(
            "Dates are inclusive. A date fixed by statute (such as 31 March, or the precept dates) does not "
            "move when it falls on a day that is not a working day: take the step earlier. Working days "
            f"exclude weekends and bank holidays in {term.nation.value.capitalize()}."
        ),
        para(
            f"{count_words(unverified, 'step').capitalize()} rest on a reading marked "
            "\u201cunverified\u201d in its source; check it, or override it, before relying on it."
            if unverified
            else "Every step rests on a provision whose text was read or on an official secondary source."
        ),
        para("Not legal advice."),
    ]
    return document(
        title_block(title, f"{area}: poll of {day_month_year(term.poll)}"),
        section("The Term", bullets(*facts)),
        section("Dated Steps", _table(steps)),
        section("How to Read this Timetable", *closing),
        title=title,
        author=office if office.startswith("Mayor's Office") else f"Office of the {office}",
        subject=f"Statutory timetable of the term after the poll of {day_month_year(term.poll)}",
        date=term.poll,
        keywords=("statutory timetable", "police and crime commissioner", area),
        header=f"Statutory timetable: {office}",
    )


def _table(steps: Sequence[DatedStep]) -> Table:
    return table(
        header=["Rule", "What", "By when", "Source"],
        rows=[_row(step) for step in steps],
        caption="Every dated step of the term, in date order",
        widths=[3, 6, 3, 5],
    )
