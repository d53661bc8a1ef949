"""The Mayor of West Yorkshire's first Police and Crime Plan (2022): a combined-authority mayor's plan.

Usage: python examples/west_yorkshire_2022_plan.py [OUT.docx]

Source (the shape and the facts, never the words):
https://www.westyorks-ca.gov.uk/policing-and-crime-news/mayor-launches-first-police-and-crime-plan/
west-yorkshire-2022-plan.yaml holds the plan's facts and marks what is inferred and invented.
pccplan names the Mayor and the Police and Crime Panel from the area's arrangement on the day,
works out the plan's deadline (31 March 2022, the end of the financial year in which the Mayor
took office) and its planning period, and writes the appendix mapping s.7(1) to the plan.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the plan to OUT.docx (default: west-yorkshire-2022-plan.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("west-yorkshire-2022-plan.docx")
    plan = pccplan.load(HERE / "west-yorkshire-2022-plan.yaml", pccplan.Plan)
    doc = pccplan.plan_document(plan)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
