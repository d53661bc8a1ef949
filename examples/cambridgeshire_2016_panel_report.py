"""Seed 000: the report to the Cambridgeshire Police and Crime Panel on the draft plan of 2016.

Usage: python examples/cambridgeshire_2016_panel_report.py [OUT.docx]

The two files beside this script are what the office types: the plan (its themes, the
Commissioner and the poll he was elected at) and the report's local content (the meeting, the
section 5 narrative, the background documents). Every other sentence of the report, and every
statutory date in it, comes from pccplan.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the report to OUT.docx (default: cambridgeshire-2016-panel-report.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("cambridgeshire-2016-panel-report.docx")
    plan = pccplan.load(HERE / "cambridgeshire-2016.yaml", pccplan.Plan)
    inputs = pccplan.load(HERE / "cambridgeshire-2016-panel-report.yaml", pccplan.PanelReport)
    term = pccplan.term_for(plan.commissioner.elected or plan.area.current.since, plan.area)
    print(f"{plan.area.name}: takes office {term.takes_office}, plan due by {term.plan_deadline}")
    report = pccplan.panel_report_document(inputs, plan, term=term)
    pccplan.save(report, out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
