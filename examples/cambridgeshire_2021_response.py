"""The Commissioner's response to the Cambridgeshire Police and Crime Panel on the draft Police and Crime Plan 2021 - 2024.

Usage: python examples/cambridgeshire_2021_response.py [OUT.docx]

cambridgeshire-2021-response.yaml holds the Panel's recommendations and the Commissioner's answer
to each (decision, reasons, action, owner, date). pccplan refuses a response that leaves a
recommendation unanswered, and writes what s.5(6)(d)-(f) and s.29(3) require around the answers.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the response to OUT.docx (default: cambridgeshire-2021-response.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("cambridgeshire-2021-response.docx")
    plan = pccplan.load(HERE / "cambridgeshire-2021.yaml", pccplan.Plan)
    response = pccplan.load(HERE / "cambridgeshire-2021-response.yaml", pccplan.Response)
    doc = pccplan.response_document(response, plan)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
