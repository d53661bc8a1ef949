"""Seed 000: the report to the Cambridgeshire Police and Crime Panel on the draft plan of 2016.

Usage: python examples/cambridgeshire_2016_panel_report.py [OUT.docx]

Everything here is what an officer types: the plan file, the poll, the meeting, the section 5
narrative and the background documents. Every other sentence, and every statutory date, comes
from pccplan. The meeting date is illustrative (the seed does not give it).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from pccplan import BackgroundDocument, PanelReport, Plan, ReportSection, load, panel_report, save, term_for

HERE = Path(__file__).resolve().parent

plan = load(HERE / "cambridgeshire-2016.yaml", Plan)
term = term_for(dt.date(2016, 5, 5), plan.area)

development = ReportSection(
    heading="Development of the Plan and Consultation",
    key="development",
    paragraphs=[
        "The Commissioner has built his Plan around an overarching \u2018Plan on a Page\u2019 strategic summary. "
        "The Plan is structured around four key strategic themes: Victims, Offenders, Communities, and "
        "Transformation. Each theme has its own aim and has a framework through a series of shared outcomes "
        "to enable all agencies with a part to play in community safety and criminal justice, to strategically "
        "direct the future delivery of services through these common goals. Each theme is supported by a "
        "second page that sets out the key objectives and priorities for action. The Business Intelligence "
        "Information section shows how the delivery of the Plan will be monitored.",
        "The Commissioner has stated that the Plan would not be developed in isolation but would be shaped by "
        "the views of the Panel, police, partners and the public. A significant amount of engagement has "
        "taken place with the public, Cambridgeshire Constabulary (the \u201cConstabulary\u201d) and our "
        "strategic partners to inform the final Plan.",
        "In preparing the Plan the Commissioner was keen to understand the views of the public. Since his "
        "election in May 2016, the Commissioner has spent a considerable amount of time talking to members of "
        "the public at police contact points, surgeries, community meetings and while shadowing officers and "
        "staff on patrol. In addition the Commissioner undertook a survey to ask the public what was important "
        "to them regarding crime and policing. Over 3,500 people responded and these views have been used to "
        "help shape the priorities.",
        "It is important that the Plan aligns with the operational priorities which are developed by the Chief "
        "Constable and his senior management team. A number of sessions have taken place jointly between the "
        "Office of the Police and Crime Commissioner and the Constabulary to make sure that both organisations "
        "planning processes are working together.",
        "The Commissioner recognised that all partners need to be clear of the collective responsibility for "
        "certain actions, yet also their responsibility for leading on direct action or dealing with the "
        "underlying causes that can lead to offending or becoming a victim. This includes for example the "
        "health service effectively supporting people in mental health crisis, or local authorities dealing "
        "with deprivation. The draft Plan has been shared with strategic partners and their viewpoints taken "
        "on board.",
        "The Panel has been kept informed and involved as the Plan has developed. The Panel received a report "
        "(\u2018Developing a Police and Crime Plan (Community Safety and Criminal Justice) for "
        "Cambridgeshire\u2019) to their meeting on the 7 September 2016. The Panel has made a series of "
        "comments and suggestions on the Plan, which the Commissioner noted.",
        "Overall, in delivering the Plan and ensuring best value for Cambridgeshire, it was recognised that it "
        "was critical to get the balance right between the demands and challenges of policing and the finite "
        "resource available.",
        "The draft Plan is attached at Appendix A.",
    ],
)

report = PanelReport(
    meeting=dt.date(2017, 2, 1),  # illustrative
    sections=[development],
    background_documents=[
        BackgroundDocument(
            title="\u2018Developing a Police and Crime Plan (Community Safety and Criminal Justice) for "
            "Cambridgeshire\u2019, Agenda Item 6, Cambridgeshire Police and Crime Panel, 7th September 2016",
            url="http://democracy.peterborough.gov.uk/ieListMeetings.aspx?CommitteeId=543",
        ),
    ],
    expected_launch=dt.date(2017, 3, 1),
    effective_from=dt.date(2017, 4, 1),
)


def main(argv: list[str]) -> int:
    """Write the report to OUT.docx (default: cambridgeshire-2016-panel-report.docx)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("cambridgeshire-2016-panel-report.docx")
    doc = panel_report(plan, term, report)
    save(doc, out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
