"""North Yorkshire's DN 09/2022: one decision issuing the Police and Crime Plan and the Fire and Rescue Plan.

Usage: python examples/north_yorkshire_2022_dn_09.py [OUT.docx]

Source (the shape and the facts, never the words):
https://www.northyorkshire-pfcc.gov.uk/decision-notices/dn-09-2022-police-and-crime-and-fire-and-rescue-plans/
north-yorkshire-2022-dn-09.yaml holds the notice's facts and marks what is invented;
north-yorkshire-form.yaml the office's form (the decision record and its signatory before the
statutory officers' advice). pccplan writes the provision the police and crime plan is issued
under itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the notice to OUT.docx (default: north-yorkshire-2022-dn-09.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("north-yorkshire-2022-dn-09.docx")
    record = pccplan.load(HERE / "north-yorkshire-2022-dn-09.yaml", pccplan.RecordOfDecision)
    form = pccplan.load_form(HERE / "north-yorkshire-form.yaml")
    doc = pccplan.record_of_decision_document(record, form=form)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
