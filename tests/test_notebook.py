"""Notebook previews: every object an officer looks at in a notebook shows as HTML that reads well."""

from __future__ import annotations

import datetime as dt
import html
import importlib
import json
import sys
import types
from html.parser import HTMLParser
from typing import Any

import attrs
import pytest
from tests.conftest import ROOT
from tests.notebook_outputs import QUICKSTART, fresh_run

import pccplan
from pccplan.notebook import (
    PREVIEWS,
    document_html,
    enable,
    findings_html,
    html_for,
    load_ipython_extension,
    plan_html,
    steps_html,
    theme_html,
)


class _Text(HTMLParser):
    """The text a reader sees in a piece of HTML when no stylesheet applies (style elements dropped)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if not self.in_style:
            self.parts.append(data)


def unstyled_text(shown: str) -> str:
    parser = _Text()
    parser.feed(shown)
    return "".join(parser.parts)


def test_every_preview_names_a_real_class() -> None:
    for module, name, _ in PREVIEWS:
        cls = getattr(importlib.import_module(module), name)
        assert (cls.__module__, cls.__qualname__) == (module, name)


def test_plan_shows_a_plan_on_a_page_and_what_s7_lacks() -> None:
    plan = pccplan.example_plan()
    shown = html_for(plan)
    assert shown == plan_html(plan)
    assert "<caption>Plan on a page</caption>" in shown
    assert '<th scope="col"><p>Theme</p></th>' in shown
    assert "Sets out every element s.7(1) requires." in shown
    bare = html_for(attrs.evolve(plan, policing=None, grants=()))
    assert bare is not None
    assert "(b) the policing of the area the chief constable is to provide" in bare
    assert "(f) the grants" in bare


def test_a_plans_outcomes_are_a_list_not_a_joined_line() -> None:
    plan = pccplan.example_plan()
    shown = plan_html(plan)
    several = next(t for t in plan.themes if len(t.outcomes) > 1)
    first, second = (html.escape(o.statement, quote=False) for o in several.outcomes[:2])
    assert f"<li><p>{first}</p></li><li><p>{second}</p></li>" in shown
    assert f"{first}; " not in shown


def test_theme_shows_outcomes_and_measures() -> None:
    theme = pccplan.example_plan().theme("Victims")
    shown = html_for(theme)
    assert shown == theme_html(theme)
    assert "Victim satisfaction with the service received" in shown
    assert "Objectives and priorities for action" in shown


def test_term_and_timeline_show_their_dated_steps() -> None:
    term = pccplan.term_for(dt.date(2016, 5, 5), pccplan.find_area("cambridgeshire"))
    shown = html_for(term)
    assert shown is not None
    assert "31 March 2017" in shown
    assert "PLAN-1" in shown
    assert "Term after the poll of 5 May 2016 in Cambridgeshire" in shown
    timeline = html_for(pccplan.timeline(dt.date(2016, 5, 5), pccplan.find_area("cambridgeshire")))
    assert timeline is not None
    assert "unverified" in timeline  # the 2016 planning period rests on a U reading


def test_findings_show_as_a_table_or_say_none() -> None:
    plan = attrs.evolve(pccplan.example_plan(), policing=None)
    findings = pccplan.check_content(plan)
    assert isinstance(findings, pccplan.Findings)
    assert not findings.clean
    assert "PLAN-10" in str(html_for(findings))
    assert html_for(findings[0]) == findings_html([findings[0]])
    assert "No findings." in findings_html([])


def test_objects_without_a_preview_get_none() -> None:
    assert html_for(object()) is None
    assert html_for(pccplan.example_plan().area) is None


def test_steps_html_escapes_and_skips_non_steps() -> None:
    assert "<td>" not in steps_html([object()], "x & y")
    assert html.escape("x & y") in steps_html([], "x & y")


def test_document_preview_keeps_numbers_notes_and_language() -> None:
    doc = pccplan.example_panel_report()
    shown = html_for(doc)
    assert shown == document_html(doc)
    assert shown.startswith('<div class="pccplan-document" lang="en-GB">')
    assert "4.3" in shown
    assert "The Strategic Policing Requirement (SPR) sets out" in shown
    assert 'href="https://www.legislation.gov.uk/ukpga/2011/13/contents"' in shown


def test_a_preview_reads_apart_even_without_its_stylesheet() -> None:
    text = unstyled_text(document_html(pccplan.example_panel_report()))
    assert "1.1 The purpose of this report" in text
    assert "2.1 The Panel is recommended" in text
    assert "1.1The" not in text


def test_a_preview_carries_its_own_style_scoped_to_itself() -> None:
    for shown in (document_html(pccplan.example_panel_report()), plan_html(pccplan.example_plan())):
        style = shown.split("<style>\n", 1)[1].split("\n</style>", 1)[0]
        rules = style.splitlines()
        assert ".pccplan-document .number { display: inline-block; min-width: 3em; }" in rules
        for rule in rules:  # nothing outside the preview's own <div> is restyled
            selectors = rule.split("{", 1)[0].split(",")
            assert all(s.strip().startswith(".pccplan-document") for s in selectors), rule


class _Formatter:
    """IPython's display formatter, as far as `enable` uses it: it records what is registered."""

    def __init__(self) -> None:
        self.by_name: dict[tuple[str, str], Any] = {}

    def for_type_by_name(self, module: str, name: str, func: Any) -> None:
        self.by_name[(module, name)] = func


def _shell(formatter: object | None = None) -> Any:
    """A stand-in for an IPython shell: only the display formatters `enable` registers with."""
    formatter = formatter or _Formatter()
    return types.SimpleNamespace(display_formatter=types.SimpleNamespace(formatters={"text/html": formatter}))


def test_enable_registers_every_preview_with_the_shell() -> None:
    shell = _shell()
    assert enable(shell)
    registered = shell.display_formatter.formatters["text/html"].by_name
    assert set(registered) == {(m, n) for m, n, _ in PREVIEWS}
    plan = pccplan.example_plan()
    assert registered[("pccplan.model.plan", "Plan")](plan) == plan_html(plan)


def test_load_ext_registers_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    shell = _shell()
    load_ipython_extension(shell)
    assert len(shell.display_formatter.formatters["text/html"].by_name) == len(PREVIEWS)


def test_enable_without_a_running_shell_does_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "IPython", raising=False)
    assert not enable()
    idle = types.ModuleType("IPython")
    idle.get_ipython = lambda: None  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", idle)
    assert not enable()


def test_importing_pccplan_in_a_running_shell_registers_the_previews(monkeypatch: pytest.MonkeyPatch) -> None:
    shell = _shell()
    running = types.ModuleType("IPython")
    running.get_ipython = lambda: shell  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", running)
    importlib.reload(pccplan)  # what `import pccplan` runs in a kernel's first cell
    assert len(shell.display_formatter.formatters["text/html"].by_name) == len(PREVIEWS)


def test_a_real_ipython_formatter_shows_the_preview() -> None:
    formatters = pytest.importorskip("IPython.core.formatters")
    formatter = formatters.HTMLFormatter()
    shell = _shell(formatter)
    assert enable(shell)
    plan = pccplan.example_plan()
    assert formatter(plan) == plan_html(plan)
    findings = pccplan.check_content(attrs.evolve(plan, policing=None))
    assert formatter(findings) == findings_html(findings)  # a tuple subclass, found by its name


def test_no_lower_layer_defines_a_notebook_hook() -> None:
    for part in ("model", "statute", "compose", "render", "read"):
        for module in (ROOT / "src" / "pccplan" / part).rglob("*.py"):
            assert "_repr_html_" not in module.read_text(encoding="utf-8"), module


def test_the_saved_notebook_shows_what_a_fresh_run_shows() -> None:
    saved = json.loads(QUICKSTART.read_text(encoding="utf-8"))
    assert saved["nbformat"] == 4
    ran, namespace = fresh_run(saved)
    code = [c for c in saved["cells"] if c["cell_type"] == "code"]
    assert len(code) >= 4
    assert all(c["outputs"] for c in code), "saved without outputs: run python -m tests.notebook_outputs"
    assert ran == saved, "the saved outputs are stale: run python -m tests.notebook_outputs"
    assert isinstance(namespace["report"], pccplan.Document)
    assert str(namespace["written"]).endswith("panel-report.docx")
    results = [o for c in code for o in c["outputs"] if o["output_type"] == "execute_result"]
    # every code cell ends by showing an object that has a preview
    assert len(code) == sum("text/html" in o["data"] for o in results)
