"""Suffolk's first Police and Crime Plan (2012/13), with its crime and disorder reduction grants (s.9).

Usage: python examples/suffolk_2013_plan.py [OUT.docx]

Source (the shape and the facts, never the words):
https://suffolk-pcc.gov.uk/news/pcc-confirms-community-safety-funds-across-county
suffolk-2013-plan.yaml holds the plan's facts and marks what is inferred and invented.
pccplan reads s.7(1) as enacted for a plan issued in 2013, so element (f) is the crime and
disorder reduction grants under s.9 (and there is no element (ea)); it works out the planning
period from the issue day and writes the grants table with its total.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the plan to OUT.docx (default: suffolk-2013-plan.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("suffolk-2013-plan.docx")
    plan = pccplan.load(HERE / "suffolk-2013-plan.yaml", pccplan.Plan)
    print(f"grants under s.9: £{plan.grants_total:,.2f}")
    doc = pccplan.plan_document(plan)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
