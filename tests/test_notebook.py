"""Notebook previews: every object an officer looks at in a notebook shows as HTML."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

import attrs
from tests.conftest import ROOT

import pccplan
from pccplan.notebook import document_html, findings_html, plan_html, steps_html, theme_html


def test_plan_shows_a_plan_on_a_page_and_what_s7_lacks() -> None:
    plan = pccplan.example_plan()
    shown = plan._repr_html_()
    assert shown == plan_html(plan)
    assert "<caption>Plan on a page</caption>" in shown
    assert '<th scope="col"><p>Theme</p></th>' in shown
    assert "Sets out every element s.7(1) requires." in shown
    bare = attrs.evolve(plan, policing=None, grants=())
    assert "(b) the policing of the area the chief constable is to provide" in bare._repr_html_()
    assert "(f) the grants" in bare._repr_html_()


def test_theme_shows_outcomes_and_measures() -> None:
    theme = pccplan.example_plan().theme("Victims")
    shown = theme._repr_html_()
    assert shown == theme_html(theme)
    assert "Victim satisfaction with the service received" in shown
    assert "Objectives and priorities for action" in shown


def test_term_and_timeline_show_their_dated_steps() -> None:
    term = pccplan.term_for(dt.date(2016, 5, 5), pccplan.find_area("cambridgeshire"))
    shown = term._repr_html_()
    assert "31 March 2017" in shown
    assert "PLAN-1" in shown
    assert "Term after the poll of 05 May 2016 in Cambridgeshire" in shown
    timeline = pccplan.timeline(dt.date(2016, 5, 5), pccplan.find_area("cambridgeshire"))
    assert "unverified" in timeline._repr_html_()  # the 2016 planning period rests on a U reading


def test_findings_show_as_a_table_or_say_none() -> None:
    plan = attrs.evolve(pccplan.example_plan(), policing=None)
    findings = pccplan.check_content(plan)
    assert isinstance(findings, pccplan.Findings)
    assert not findings.clean
    assert "PLAN-10" in findings._repr_html_()
    assert findings[0]._repr_html_() == findings_html([findings[0]])
    assert "No findings." in findings_html([])


def test_steps_html_escapes_and_skips_non_steps() -> None:
    assert "<td>" not in steps_html([object()], "x & y")
    assert html.escape("x & y") in steps_html([], "x & y")


def test_document_preview_keeps_numbers_notes_and_language() -> None:
    doc = pccplan.example_panel_report()
    shown = doc._repr_html_()
    assert shown == document_html(doc)
    assert shown.startswith('<div class="pccplan-document" lang="en-GB">')
    assert "4.3" in shown
    assert "The Strategic Policing Requirement (SPR) sets out" in shown
    assert 'href="https://www.legislation.gov.uk/ukpga/2011/13/contents"' in shown


def test_example_notebook_runs_top_to_bottom() -> None:
    notebook = json.loads((ROOT / "examples" / "quickstart.ipynb").read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    namespace: dict[str, object] = {"__name__": "__notebook__"}
    cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert len(cells) >= 4
    for cell in cells:
        exec(compile("".join(cell["source"]), "quickstart.ipynb", "exec"), namespace)
    assert isinstance(namespace["report"], pccplan.Document)
    assert Path(str(namespace["written"])).name == "panel-report.docx"
