"""HTML previews for notebooks: each object shown as a small document tree rendered to HTML.

The model and statute classes call these from their `_repr_html_` methods, importing this
module only when a notebook asks, so neither layer depends on the renderers at import time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pccplan.compose.build import bullets, document, para, section, strong, table
from pccplan.compose.parts import day_month_year
from pccplan.compose.tree import Block, Document
from pccplan.model.plan import Plan, Theme
from pccplan.render.html import fragment

__all__ = ["document_html", "findings_html", "plan_html", "steps_html", "theme_html"]


def _html(blocks: Sequence[Block], title: str) -> str:
    return fragment(document(*blocks, title=title, author="pccplan"))


def document_html(doc: Document) -> str:
    """A faithful preview of a composed document (numbering and footnotes included)."""
    return f'<div class="pccplan-document" lang="{doc.meta.language}">\n{fragment(doc)}</div>\n'


def _theme_blocks(theme: Theme) -> list[Block]:
    blocks: list[Block] = [para(strong("Aim: "), theme.aim)]
    if theme.outcomes:
        rows = [
            [outcome.statement, "; ".join(m.name for m in outcome.measures) or "(none yet)"]
            for outcome in theme.outcomes
        ]
        blocks.append(table(header=["Shared outcome", "Measures"], rows=rows))
    if theme.objectives:
        blocks += [para(strong("Objectives and priorities for action")), bullets(*theme.objectives)]
    return blocks


def theme_html(theme: Theme) -> str:
    """A theme: its aim, a table of its shared outcomes and measures, and its priorities."""
    return _html([section(theme.name, *_theme_blocks(theme))], theme.name)


def plan_html(plan: Plan) -> str:
    """A plan on a page: who and where, each theme with its aim and outcomes, and what s.7(1) lacks."""
    from pccplan.statute.process import contents_in_force, missing_elements

    who = f"{plan.commissioner.name}, {plan.commissioner.title}, {plan.area.name}"
    blocks: list[Block] = [para(strong(plan.title)), para(who)]
    if plan.themes:
        rows = [[t.name, t.aim, "; ".join(o.statement for o in t.outcomes)] for t in plan.themes]
        blocks.append(table(header=["Theme", "Aim", "Shared outcomes"], rows=rows, caption="Plan on a page"))
    missing = missing_elements(plan)
    if missing:
        says = {e.letter: e.says for e in contents_in_force(plan.issued).elements}
        blocks.append(para(strong("Not yet set out (s.7(1)): ")))
        blocks.append(bullets(*(f"({letter}) {says[letter]}" for letter in missing)))
    else:
        blocks.append(para("Sets out every element s.7(1) requires."))
    return _html(blocks, plan.title)


def steps_html(steps: Iterable[object], title: str) -> str:
    """A table of dated steps (rule, what, by when, source), flagging non-working and unverified days."""
    from pccplan.statute.steps import DatedStep

    rows = []
    for step in steps:
        if not isinstance(step, DatedStep):
            continue
        flags = [
            f
            for f, on in (("not a working day", step.non_working_day), ("unverified", step.unverified))
            if on
        ]
        when = day_month_year(step.date) + (f" ({', '.join(flags)})" if flags else "")
        rows.append([step.rule, step.title, when, step.citation.text])
    return _html([table(header=["Rule", "What", "By when", "Source"], rows=rows, caption=title)], title)


def findings_html(findings: Iterable[object]) -> str:
    """Checker findings as a table: severity, rule, what was found, source."""
    from pccplan.statute.process import Finding

    rows = [
        [f.severity.value, f.rule, f.message, f.citation.text] for f in findings if isinstance(f, Finding)
    ]
    if not rows:
        return _html([para("No findings.")], "Findings")
    return _html([table(header=["Severity", "Rule", "Finding", "Source"], rows=rows)], "Findings")
