"""The annual report (AR-1, PRSRA s.12, s.28(4)): no fixed dates, only an order after 31 March."""

from __future__ import annotations

import datetime as dt

from pccplan.statute.calendar import FinancialYear
from pccplan.statute.citation import CHECKED_2026_12_01, prsra
from pccplan.statute.declare import Rule, applies
from pccplan.statute.steps import DatedStep

__all__ = ["AR_1", "annual_report_steps", "earliest_annual_report"]

AR_1 = Rule(
    id="AR-1",
    title="Annual report",
    says="For each financial year the PCC reports on progress against the plan, sends the report to the "
    "Panel, attends its public meeting, responds to its report and publishes the annual report.",
    citation=prsra("s.12; s.28(4)", "section/12", checked_on=CHECKED_2026_12_01),
)
"""Rule AR-1: Annual report."""


def earliest_annual_report(year: FinancialYear, *, body: str = "Panel") -> DatedStep:
    """AR-1, s.12(1): the first day a report can cover the whole of financial year `year` (the 1 April after).

    s.12(1): the commissioner "must produce a report (an 'annual report') ... in respect of each
    financial year", so the report on 2024/25 can be sent from 1 April 2025. Returns the day as
    a cited step: `.date` is the day. `body` names the scrutiny body in the title.
    """
    return DatedStep(
        rule=AR_1.id,
        title=f"Annual report for {year.label}: produce and send to the {body} from",
        date=year.end + dt.timedelta(days=1),
        citation=AR_1.citation,
        note="As soon as practicable after the year ends; no fixed date.",
    )


@applies(AR_1)
def annual_report_steps(year: FinancialYear, *, body: str = "Panel") -> tuple[DatedStep, ...]:
    """AR-1, s.12 and s.28(4): the annual report for `year` as cited steps.

    Only the first step has a statutory anchor (after 31 March); the rest are "as soon as
    practicable", so they carry the same date and a note. Panels usually meet in June or July.
    `body` names the scrutiny body: 'London Assembly' for MOPAC (s.32-33).
    """
    first = earliest_annual_report(year, body=body)
    start, citation = first.date, first.citation
    return (
        first,
        DatedStep(
            rule="AR-1",
            title=f"{body}'s public meeting on the {year.label} annual report, from",
            date=start,
            citation=citation,
            note="As soon as practicable; panels usually meet in June or July. The PCC attends and answers "
            "questions; the Panel reports; the PCC responds and publishes the response and the report. "
            "Review the plan in the light of the Panel's report (PLAN-7, s.5(9)).",
        ),
    )
