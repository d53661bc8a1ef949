"""The London Assembly Police and Crime Committee's letter on the Mayor's draft Police and Crime Plan 2022-25.

Usage: python examples/london_assembly_2022_panel_letter.py [OUT.docx]

Source (the shape and the facts, never the words):
https://london.gov.uk/who-we-are/what-london-assembly-does/london-assembly-publications/assembly-response-mayors-crime-plan
london-assembly-2022-panel-letter.yaml holds the letter's facts and marks what is invented (the
dates, the wording). The built-in ``london-assembly`` house form gives the parts and the Chair's
sign-off; pccplan writes the law's sentences itself: the Assembly's review under s.33(1)
(LON-2) and MOPAC's steps under s.6(6)(d)-(f), with no Panel's s.29(3) period.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the letter to OUT.docx (default: london-assembly-2022-panel-letter.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("london-assembly-2022-panel-letter.docx")
    letter = pccplan.load(HERE / "london-assembly-2022-panel-letter.yaml", pccplan.PanelLetter)
    doc = pccplan.panel_letter_document(letter, form=pccplan.builtin_form("london-assembly"))
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
