"""West Mercia's record of decision PCC/D/2024/16, issuing the Police and Crime Plan 2024-2029.

Usage: python examples/west_mercia_2024_record_of_decision.py [OUT.docx]

Source (the shape and the facts, never the words):
https://westmercia-pcc.gov.uk/key-information/decision-making/record-of-decision-police-and-crime-plan-2024-2029
west-mercia-2024-record-of-decision.yaml holds the record's facts and marks what is invented;
west-mercia-form.yaml is the office's house form (headings in capitals, the approval block
before the supporting report). pccplan writes the provision the plan is issued under itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the record to OUT.docx (default: west-mercia-2024-record-of-decision.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("west-mercia-2024-record-of-decision.docx")
    record = pccplan.load(HERE / "west-mercia-2024-record-of-decision.yaml", pccplan.RecordOfDecision)
    form = pccplan.load_form(HERE / "west-mercia-form.yaml")
    doc = pccplan.record_of_decision_document(record, form=form)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
