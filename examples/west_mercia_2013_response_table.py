"""The West Mercia Police and Crime Commissioner's response to the Panel, as a two-column table (2013).

Usage: python examples/west_mercia_2013_response_table.py [OUT.docx]

Source (the shape and the facts, never the words): https://studylib.net/doc/8622733/pcp-report13_03_13
west-mercia-2013-response-table.yaml holds the rows, grouped under numbered headings, and marks
what is invented (every comment and reply is illustrative); west-mercia-form.yaml gives the
columns "PCP Comment" | "PCC Response" and "the PCC". Replies are prose: no verdict is forced and
nothing is counted. pccplan writes the s.5(6)(d)-(f) sentences itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pccplan

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Write the response to OUT.docx (default: west-mercia-2013-response-table.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("west-mercia-2013-response-table.docx")
    response = pccplan.load(HERE / "west-mercia-2013-response-table.yaml", pccplan.ResponseTable)
    form = pccplan.load_form(HERE / "west-mercia-form.yaml")
    doc = pccplan.response_table_document(response, form=form)
    pccplan.save(doc, out)
    print(f"{doc.meta.title}: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
