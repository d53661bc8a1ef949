"""HTML previews for notebooks: each object shown as a small document tree rendered to HTML.

The previews are registered with IPython's HTML display formatter (`enable`), so the model,
the rules and the tree know nothing of them: no lower layer imports this module, even lazily.
Importing pccplan in IPython or Jupyter calls `enable` for the running shell; elsewhere
``%load_ext pccplan.notebook`` or ``pccplan.notebook.enable(shell)`` does it by hand.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pccplan.compose.build import bullets, document, para, section, strong, table
from pccplan.compose.parts import day_month_year
from pccplan.compose.tree import Block, Document
from pccplan.model.plan import Plan, Theme
from pccplan.render.html import preview

if TYPE_CHECKING:  # by name only at run time: see PREVIEWS
    from pccplan.statute.terms import Term
    from pccplan.statute.timeline import Timeline

__all__ = [
    "PREVIEWS",
    "document_html",
    "enable",
    "findings_html",
    "html_for",
    "load_ipython_extension",
    "plan_html",
    "steps_html",
    "theme_html",
]


def _html(blocks: Sequence[Block], title: str) -> str:
    return preview(document(*blocks, title=title, author="pccplan"))


def document_html(doc: Document) -> str:
    """A faithful preview of a composed document (numbering and footnotes included), with its style."""
    return preview(doc)


def _list_or_none(items: Sequence[str], none: str) -> Block | str:
    """One item as text, several as a bulleted list, none as `none`: a cell that reads as a list."""
    if not items:
        return none
    return items[0] if len(items) == 1 else bullets(*items)


def _theme_blocks(theme: Theme) -> list[Block]:
    blocks: list[Block] = [para(strong("Aim: "), theme.aim)]
    if theme.outcomes:
        rows = [
            [outcome.statement, _list_or_none([m.name for m in outcome.measures], "(none yet)")]
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

    who = f"{plan.commissioner.name}, {plan.commissioner.effective_title}, {plan.area.name}"
    blocks: list[Block] = [para(strong(plan.title)), para(who)]
    if plan.themes:
        rows = [[t.name, t.aim, _list_or_none([o.statement for o in t.outcomes], "")] for t in plan.themes]
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
    from pccplan.statute.findings import Finding

    rows = [
        [f.severity.value, f.rule, f.message, f.citation.text] for f in findings if isinstance(f, Finding)
    ]
    if not rows:
        return _html([para("No findings.")], "Findings")
    return _html([table(header=["Severity", "Rule", "Finding", "Source"], rows=rows)], "Findings")


def _term_html(term: Term) -> str:
    where = term.area.name if term.area else "an ordinary PCC area"
    return steps_html(term.steps, f"Term after the poll of {day_month_year(term.poll)} in {where}")


def _timeline_html(timeline: Timeline) -> str:
    return steps_html(timeline.steps, f"Timeline after the poll of {day_month_year(timeline.term.poll)}")


PREVIEWS: tuple[tuple[str, str, Callable[[Any], str]], ...] = (
    ("pccplan.compose.tree", "Document", document_html),
    ("pccplan.model.plan", "Plan", plan_html),
    ("pccplan.model.plan", "Theme", theme_html),
    ("pccplan.statute.terms", "Term", _term_html),
    ("pccplan.statute.timeline", "Timeline", _timeline_html),
    ("pccplan.statute.findings", "Finding", lambda finding: findings_html([finding])),
    ("pccplan.statute.findings", "Findings", findings_html),
)
"""Each previewed class, by module and name, and the function that shows it as HTML.

By name, so that registering the previews imports neither the rules nor the classes: IPython
looks a class up by name the first time an object of it is shown.
"""


def html_for(obj: object) -> str | None:
    """The HTML preview of `obj` as a notebook shows it, or None when pccplan has none for its type.

    Looks along the class's bases, as IPython's formatter does, so a subclass is shown as its base.
    """
    for cls in type(obj).__mro__:
        for module, name, show in PREVIEWS:
            if cls.__module__ == module and cls.__qualname__ == name:
                return show(obj)
    return None


def enable(shell: Any = None) -> bool:
    """Show pccplan's objects as HTML previews in `shell` (default: the running IPython, if any).

    Registers each of `PREVIEWS` with the shell's ``text/html`` display formatter. Returns True
    when it registered them, False when there is no IPython shell (a plain Python process).
    Calling it again registers the same functions again, which changes nothing.
    """
    if shell is None:
        ipython = sys.modules.get("IPython")  # never imported here: only a shell that is running
        shell = ipython.get_ipython() if ipython is not None else None
        if shell is None:
            return False
    formatter = shell.display_formatter.formatters["text/html"]
    for module, name, show in PREVIEWS:
        formatter.for_type_by_name(module, name, show)
    return True


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext pccplan.notebook``: register the previews with this IPython shell (`enable`)."""
    enable(ipython)
