"""The Dyfed-Powys Police and Crime Panel's minute of its item on the draft Police and Crime Plan 2021-2025.

Usage: python examples/dyfed_powys_2021_panel_minute.py [OUT.docx]

Source (the shape and the facts, never the words):
https://democracy.carmarthenshire.gov.wales/mgAi.aspx?ID=35639
dyfed-powys-2021-panel-minute.yaml holds the minute's facts and marks what is invented. The
points raised are points, each with the Commissioner's reply where one is minuted, never
"recommendations"; pccplan cites the Panel's review under s.28(3) itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the minute to OUT.docx (default: dyfed-powys-2021-panel-minute.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("dyfed-powys-2021-panel-minute.docx")
    minute = pccplan.load(HERE / "dyfed-powys-2021-panel-minute.yaml", pccplan.PanelMinute)
    doc = pccplan.panel_minute_document(minute)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
