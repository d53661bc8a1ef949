"""The Sussex Police and Crime Panel clerk's cover report on the full draft Police and Crime Plan 2024/28.

Usage: python examples/sussex_2025_cover_report.py [OUT.docx]

Source (the facts, never the words):
https://westsussex.moderngov.co.uk/ieListDocuments.aspx?MId=3739
sussex-2025-cover-report.yaml holds the item's facts and marks what is invented. pccplan writes
the Panel's statutory role (s.28(3), s.5(6)(d)-(f), s.5(7)) and the recommendation itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the cover report to OUT.docx (default: sussex-2025-cover-report.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("sussex-2025-cover-report.docx")
    report = pccplan.load(HERE / "sussex-2025-cover-report.yaml", pccplan.CoverReport)
    doc = pccplan.cover_report_document(report)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
