"""West Midlands decision WMPCC 004 2014: the decision notice varying the Police and Crime Plan (s.5(4)).

Usage: python examples/west_midlands_2014_wmpcc_004.py [OUT.docx]

Source (the shape and the facts, never the words):
https://westmidlands-pcc.gov.uk/archive/wmpcc-004-2014-variations-to-police-and-crime-plan
west-midlands-2014-plan.yaml records the plan and the variation's process (the Panel's review,
its report and the response, as far as the sources say); west-midlands-2014-wmpcc-004.yaml the
decision. Both mark what is inferred and invented. pccplan writes the statutory paragraphs of a
variation: the power to vary at any time (s.5(4)), and the steps of s.5(6) for the draft variation.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the notice to OUT.docx (default: west-midlands-2014-wmpcc-004.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("west-midlands-2014-wmpcc-004.docx")
    plan = pccplan.load(HERE / "west-midlands-2014-plan.yaml", pccplan.Plan)
    notice = pccplan.load(HERE / "west-midlands-2014-wmpcc-004.yaml", pccplan.DecisionNotice)
    doc = pccplan.decision_notice_document(notice, plan)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
