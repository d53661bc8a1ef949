"""The Staffordshire Police, Fire and Crime Panel's letter on the draft Police and Crime Plan 2024/28.

Usage: python examples/staffordshire_2024_panel_letter.py [OUT.docx]

Source (the shape and the facts, never the words):
https://staffordshire.gov.uk/Your-council-and-democracy/Staffordshire-PFC-panel/Responses/Commissioners-Response-to-Panel-Plan-Report-2023-24.aspx
staffordshire-2024-panel-letter.yaml holds the letter's facts and marks what is invented (the
Panel's views are illustrative); staffordshire-form.yaml is the Panel's house form (the parts in
the letter's order, the Chairman's sign-off, "the PFCC"). pccplan writes the sentences of s.28(3)
and s.5(6)(d)-(f) itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the letter to OUT.docx (default: staffordshire-2024-panel-letter.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("staffordshire-2024-panel-letter.docx")
    letter = pccplan.load(HERE / "staffordshire-2024-panel-letter.yaml", pccplan.PanelLetter)
    form = pccplan.load_form(HERE / "staffordshire-form.yaml")
    doc = pccplan.panel_letter_document(letter, form=form)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
