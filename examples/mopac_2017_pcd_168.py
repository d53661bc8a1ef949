"""MOPAC's decision PCD 168, issuing the Police and Crime Plan 2017-2021, on MOPAC's form.

Usage: python examples/mopac_2017_pcd_168.py [OUT.docx]

Source (the shape and the facts, never the words):
https://www.london.gov.uk/what-we-do/mayors-office-policing-and-crime-mopac/governance-and-decision-making/mopac-decisions-375
mopac-2017-pcd-168.yaml holds the decision's facts and marks what is invented. The built-in
``mopac`` house form gives the parts (sentence-case headings, "Recommendation"); the "Decision
by" line names the Deputy Mayor while the Mayor approves the issue of the plan (LON-1).
pccplan writes the provision the plan is issued under (s.6 for MOPAC) itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the decision to OUT.docx (default: mopac-2017-pcd-168.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("mopac-2017-pcd-168.docx")
    record = pccplan.load(HERE / "mopac-2017-pcd-168.yaml", pccplan.RecordOfDecision)
    doc = pccplan.record_of_decision_document(record, form=pccplan.builtin_form("mopac"))
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
