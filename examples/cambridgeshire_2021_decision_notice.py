"""Seed 001: the decision notice issuing the Cambridgeshire and Peterborough Police and Crime Plan 2021 - 2024.

Usage: python examples/cambridgeshire_2021_decision_notice.py [OUT.docx]

The plan file records the Commissioner, the poll he was elected at and the steps taken before
issue (the Panel meeting, its endorsement, where the Panel's report and the response are
published); the notice file holds the decision and the office's own narrative; the response
file says how the Panel's recommendations were answered. pccplan computes the title's years
and writes every statutory sentence of the decision summary.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the notice to OUT.docx (default: cambridgeshire-2021-decision-notice.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("cambridgeshire-2021-decision-notice.docx")
    plan = pccplan.load(HERE / "cambridgeshire-2021.yaml", pccplan.Plan)
    notice = pccplan.load(HERE / "cambridgeshire-2021-decision-notice.yaml", pccplan.DecisionNotice)
    response = pccplan.load(HERE / "cambridgeshire-2021-response.yaml", pccplan.Response)
    doc = pccplan.decision_notice_document(notice, plan, response=response)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
