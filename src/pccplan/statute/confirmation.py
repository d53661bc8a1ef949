"""Confirming a chief constable: when the Panel's report is due (CC-1, CC-2; PRSRA Sch.8)."""

from __future__ import annotations

import datetime as dt

from pccplan.errors import StatuteError
from pccplan.model.area import Nation
from pccplan.model.sources import Confidence
from pccplan.statute.calendar import WorkingCalendar, calendar_covering
from pccplan.statute.citation import CHECKED_2026_12_01, precept_regulations, prsra
from pccplan.statute.declare import Rule, applies, renamed
from pccplan.statute.steps import DatedStep, cited_step

__all__ = ["CC_1", "CC_2", "CC_3", "report_by"]

CC_1 = Rule(
    id="CC-1",
    title="Chief constable confirmation",
    says="The Panel reports on a proposed chief constable within three weeks beginning with the day "
    "it is notified, not counting any post-election period.",
    citation=prsra(
        "Sch.8 paras 2-4",
        "schedule/8",
        Confidence.SECONDARY,
        "The post-election pause is from Sch.8 (V/S). Sch.8 paras 1-2 (the end of the confirmation "
        "process, the three weeks of para 4(6)) read on 1 December 2026; para 4 itself not found.",
        CHECKED_2026_12_01,
    ),
)
"""Rule CC-1: Chief constable confirmation."""


CC_2 = Rule(
    id="CC-2",
    title="Reserve candidate",
    says="After a veto the PCC proposes a reserve candidate; the Panel reports within three weeks, "
    "post-election period ignored, and may only recommend.",
    citation=precept_regulations("regs 9-12", 10),
)
"""Rule CC-2: Reserve candidate."""


CC_3 = Rule(
    id="CC-3",
    title="Removing a chief constable",
    says="Before calling on a chief constable to retire or resign, a scrutiny process of up to six weeks.",
    citation=prsra("Sch.8 paras 12-16", "schedule/8"),
)
"""Rule CC-3: Removing a chief constable."""


_THREE_WEEKS = 21


@applies(CC_1, CC_2)
def report_by(
    received: dt.date,
    *,
    poll: dt.date | None = None,
    accepted: dt.date | None = None,
    nation: Nation = Nation.ENGLAND,
    calendar: WorkingCalendar | None = None,
) -> DatedStep:
    """CC-1, PRSRA Sch.8 paras 2-4: the last day for the Panel's report on a proposed chief constable.

    Three weeks beginning with the day the Panel `received` the notification (receipt + 20
    days), not counting any day of a post-election period: from the `poll` of an ordinary
    election to the day the new commissioner's declaration of acceptance is made
    (`accepted`), both included. Give `poll` and `accepted` together, or neither. The same
    count serves a reserve candidate (CC-2, reg 10(5)). Returns the day as a cited step:
    `.date` is the day.
    """
    if (poll is None) != (accepted is None):
        raise StatuteError("give both the poll and the day of acceptance of office, or neither (CC-1)")
    if poll is not None and accepted is not None and accepted < poll:
        raise StatuteError(
            f"acceptance {accepted.isoformat()} is before the poll {poll.isoformat()}: "
            "no post-election period (CC-1)"
        )
    counted, day = 0, received
    while True:
        paused = poll is not None and accepted is not None and poll <= day <= accepted
        if not paused:
            counted += 1
            if counted == _THREE_WEEKS:
                break
        day += dt.timedelta(days=1)
    pause = (
        f" The post-election period {poll.isoformat()} to {accepted.isoformat()} is not counted."
        if poll and accepted
        else ""
    )
    return cited_step(
        CC_1.id,
        "Panel's confirmation hearing and report on the proposed chief constable by",
        day,
        CC_1.citation,
        calendar=calendar or calendar_covering(nation, day),
        note=f"Notification received {received.isoformat()}.{pause}",
    )


__getattr__ = renamed(__name__, {"confirmation_step": report_by})  # the old wrapper's name, deprecated
