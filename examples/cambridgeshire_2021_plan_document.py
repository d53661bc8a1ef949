"""The Cambridgeshire and Peterborough Police and Crime Plan 2021 - 2024 as a Word document.

Usage: python examples/cambridgeshire_2021_plan_document.py [OUT.docx]

Everything comes from cambridgeshire-2021.yaml (whose content is illustrative where the file says
so). pccplan computes the planning period from the poll and the issue day (PLAN-9), lays out the
plan on a page, a section per theme, resources, grants and services, and adds an appendix
mapping each element of s.7(1) to where the plan meets it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the plan to OUT.docx (default: cambridgeshire-2021-plan.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("cambridgeshire-2021-plan.docx")
    plan = pccplan.load(HERE / "cambridgeshire-2021.yaml", pccplan.Plan)
    missing = pccplan.missing_elements(plan)
    print(f"s.7(1) elements the plan does not set out: {', '.join(missing) or 'none'}")
    doc = pccplan.plan_document(plan)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
