"""HMICFRS reports: when the PCC's published comments are due (HMI-1, Police Act 1996 s.55(5A)-(5B))."""

from __future__ import annotations

import datetime as dt

from pccplan._deprecate import Former, renamed
from pccplan.model.area import Nation
from pccplan.model.sources import Confidence
from pccplan.statute.calendar import WorkingCalendar, calendar_covering, within_days_beginning_with
from pccplan.statute.citation import CHECKED_2026_12_01, legislation
from pccplan.statute.declare import Rule, applies
from pccplan.statute.steps import DatedStep, cited_step

__all__ = [
    "HMI_1",
    "INFO_1",
    "comments_by",
]

INFO_1 = Rule(
    id="INFO-1",
    title="Specified information",
    says="Publish budget and precept information, grants, spending over £500 and, from 31 May 2021, a "
    "statement on national policing priorities and the latest PEEL report.",
    citation=legislation(
        "Elected Local Policing Bodies (Specified Information) Order 2011",
        "",
        "uksi/2011/3050",
        Confidence.SECONDARY,
        "Sch. para 3(f)-(g) as amended by SI 2012/2479 art 4 read (S: the Order itself was not found).",
        CHECKED_2026_12_01,
    ),
)
"""Rule INFO-1: Specified information."""


HMI_1 = Rule(
    id="HMI-1",
    title="Comments on HMICFRS reports",
    says="The PCC publishes comments on an HMICFRS report within 56 days beginning with the day it is "
    "published.",
    citation=legislation(
        "Police Act 1996",
        "s.55(5A)-(5B)",
        "ukpga/1996/16/section/55",
        note="Read as inserted by the Policing and Crime Act 2017 s.37(2).",
        checked_on=CHECKED_2026_12_01,
    ),
)
"""Rule HMI-1: Comments on HMICFRS reports."""


_COMMENT_DAYS = 56  # Police Act 1996 s.55(5A): within 56 days beginning with the day of publication


@applies(HMI_1)
def comments_by(
    published: dt.date, *, nation: Nation = Nation.ENGLAND, calendar: WorkingCalendar | None = None
) -> DatedStep:
    """HMI-1, Police Act 1996 s.55(5A)-(5B): comments within 56 days beginning with the report's publication.

    The publication day counts, so the last day is publication + 55 days. It does not move
    off a non-working day. Returns the day as a cited step: `.date` is the day.
    """
    day = within_days_beginning_with(published, _COMMENT_DAYS)
    return cited_step(
        HMI_1.id,
        "Publish comments on the HMICFRS report, with the action on each recommendation, by",
        day,
        HMI_1.citation,
        calendar=calendar or calendar_covering(nation, day),
        note=f"Report published {published.isoformat()}.",
    )


# The old wrapper's name, deprecated: the rule returns the cited step itself.
__getattr__ = renamed(
    __name__, {"comments_step": Former(comments_by, "comments_by", "which returns the cited step itself")}
)
