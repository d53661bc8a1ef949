"""The Cambridgeshire Police and Crime Panel's report on the draft Police and Crime Plan 2021 - 2024.

Usage: python examples/cambridgeshire_2021_panel_recommendations.py [OUT.docx]

The Panel's meeting, vote and recommendations are in cambridgeshire-2021-panel-recommendations.yaml;
the plan file gives the area, so the office is named as Cambridgeshire names it. pccplan writes
what the law asks of the Panel (s.28(3), s.28(7), s.29(3)) and of the Commissioner in reply.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the Panel's report to OUT.docx (default: cambridgeshire-2021-panel-recommendations.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("cambridgeshire-2021-panel-recommendations.docx")
    plan = pccplan.load(HERE / "cambridgeshire-2021.yaml", pccplan.Plan)
    recs = pccplan.load(HERE / "cambridgeshire-2021-panel-recommendations.yaml", pccplan.PanelRecommendations)
    doc = pccplan.panel_recommendations_document(recs, plan)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
