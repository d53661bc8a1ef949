"""The statutory timetable of the Cambridgeshire Commissioner's term after the poll of 6 May 2021.

Usage: python examples/cambridgeshire_2021_timetable.py [OUT.docx]

The poll and the area come from cambridgeshire-2021.yaml, and so do the Panel meeting on the draft
plan and the issue day; every date in the timetable is computed from the rules, each with its rule
id and a link to its source.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the timetable to OUT.docx (default: cambridgeshire-2021-timetable.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("cambridgeshire-2021-timetable.docx")
    plan = pccplan.load(HERE / "cambridgeshire-2021.yaml", pccplan.Plan)
    term = pccplan.term_of(plan)
    meeting = plan.process.panel_meeting if plan.process else None
    doc = pccplan.timetable_document(term, issued=plan.issued, meeting=meeting)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
