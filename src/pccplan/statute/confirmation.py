"""Chief constables: when the Panel's report on an appointment, or recommendation on a removal, is due.

CC-1 and CC-2 (PRSRA Sch.8 Part 1; SI 2012/2271 regs 9-12): three weeks for the confirmation
report. CC-3 (Sch.8 Part 2): six weeks for the recommendation on calling for retirement or
resignation. Both leave out any post-election period (Sch.8 paras 4(9)-(10), 15(7)-(8)).
"""

from __future__ import annotations

import datetime as dt

from pccplan._deprecate import Former, renamed
from pccplan.errors import StatuteError
from pccplan.model.area import Nation
from pccplan.model.sources import Confidence
from pccplan.statute.calendar import WorkingCalendar, calendar_covering
from pccplan.statute.citation import (
    CHECKED_2026_12_01,
    PRSRA_READ,
    SI_2012_2271_READ,
    precept_regulations,
    prsra,
)
from pccplan.statute.declare import Rule, applies
from pccplan.statute.steps import DatedStep, cited_step

__all__ = ["CC_1", "CC_2", "CC_3", "removal_recommendation_by", "report_by"]

CC_1 = Rule(
    id="CC-1",
    title="Chief constable confirmation",
    says="The Panel reports on a proposed chief constable within three weeks beginning with the day "
    "it is notified, not counting any post-election period.",
    citation=prsra(
        "Sch.8 paras 2-5",
        "schedule/8",
        Confidence.VERIFIED,
        f"{PRSRA_READ} Para 4(6): 'within the period of three weeks beginning with the day on which the "
        "panel receives the notification'; para 4(9)-(10): any post-election period (from the poll to the "
        "day the declaration of acceptance is delivered) is ignored; para 5(4): a veto needs two-thirds of "
        "the members.",
        CHECKED_2026_12_01,
    ),
)
"""Rule CC-1: Chief constable confirmation."""


CC_2 = Rule(
    id="CC-2",
    title="Reserve candidate",
    says="After a veto the PCC proposes a reserve candidate; the Panel reports within three weeks, "
    "post-election period ignored, and may only recommend.",
    citation=precept_regulations(
        "regs 9-12",
        10,
        note=f"{SI_2012_2271_READ} Reg 10(1), (5): three weeks beginning with receipt of the reg 9(2) "
        "notification, post-election period ignored; reg 12(2)-(3): another reserve candidate may follow.",
        checked_on=CHECKED_2026_12_01,
    ),
)
"""Rule CC-2: Reserve candidate."""


CC_3 = Rule(
    id="CC-3",
    title="Removing a chief constable",
    says="Before calling on a chief constable to retire or resign, the PCC gives reasons and hears "
    "representations (para 13), then notifies the Panel (para 14), which holds a private scrutiny hearing "
    "and recommends within six weeks of receiving that notification, post-election period ignored "
    "(para 15).",
    citation=prsra(
        "Sch.8 paras 12-16",
        "schedule/8",
        note=f"{PRSRA_READ} Para 15(3): the recommendation is given 'before the end of the period of six "
        "weeks beginning with the day on which the panel receives the notification under paragraph 14'.",
        checked_on=CHECKED_2026_12_01,
    ),
)
"""Rule CC-3: Removing a chief constable."""


_THREE_WEEKS = 21  # Sch.8 para 4(6), SI 2012/2271 reg 10(1): "three weeks beginning with" receipt
_SIX_WEEKS = 42  # Sch.8 para 15(3): "six weeks beginning with the day on which the panel receives" it


def _last_day(
    received: dt.date, days: int, poll: dt.date | None, accepted: dt.date | None, rule: str
) -> dt.date:
    """The last of `days` days beginning with `received`, post-election days (poll to `accepted`) left out."""
    if (poll is None) != (accepted is None):
        raise StatuteError(f"give both the poll and the day of acceptance of office, or neither ({rule})")
    if poll is not None and accepted is not None and accepted < poll:
        raise StatuteError(
            f"acceptance {accepted.isoformat()} is before the poll {poll.isoformat()}: "
            f"no post-election period ({rule})"
        )
    counted, day = 0, received
    while True:
        paused = poll is not None and accepted is not None and poll <= day <= accepted
        if not paused:
            counted += 1
            if counted == days:
                return day
        day += dt.timedelta(days=1)


def _cited(
    rule: Rule,
    title: str,
    received: dt.date,
    days: int,
    poll: dt.date | None,
    accepted: dt.date | None,
    nation: Nation,
    calendar: WorkingCalendar | None,
) -> DatedStep:
    """The last day of a Sch.8 period of `days` days as a step citing `rule`."""
    day = _last_day(received, days, poll, accepted, rule.id)
    pause = (
        f" The post-election period {poll.isoformat()} to {accepted.isoformat()} is not counted."
        if poll and accepted
        else ""
    )
    return cited_step(
        rule.id,
        title,
        day,
        rule.citation,
        calendar=calendar or calendar_covering(nation, day),
        note=f"Notification received {received.isoformat()}.{pause}",
    )


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
    election to the day the new commissioner's declaration of acceptance is delivered
    (`accepted`), both included (para 4(10)). Give `poll` and `accepted` together, or neither.
    The same count serves a reserve candidate (CC-2, reg 10(5)). Returns the day as a cited
    step: `.date` is the day.
    """
    return _cited(
        CC_1,
        "Panel's confirmation hearing and report on the proposed chief constable by",
        received,
        _THREE_WEEKS,
        poll,
        accepted,
        nation,
        calendar,
    )


@applies(CC_3)
def removal_recommendation_by(
    received: dt.date,
    *,
    poll: dt.date | None = None,
    accepted: dt.date | None = None,
    nation: Nation = Nation.ENGLAND,
    calendar: WorkingCalendar | None = None,
) -> DatedStep:
    """CC-3, PRSRA Sch.8 para 15: the last day for the Panel's recommendation on a proposed removal.

    "Before the end of the period of six weeks beginning with the day on which the panel
    receives the notification under paragraph 14" (para 15(3)): receipt + 41 days, any
    post-election period (`poll` to `accepted`, para 15(7)-(8)) left out. The PCC may not call
    for retirement or resignation before the end of the scrutiny process (para 12): this day
    passing without a recommendation, or the PCC notifying the Panel of its decision on one.
    Returns the day as a cited step: `.date` is the day.
    """
    return _cited(
        CC_3,
        "Panel's recommendation on the proposed removal of the chief constable by",
        received,
        _SIX_WEEKS,
        poll,
        accepted,
        nation,
        calendar,
    )


# The old wrapper's name, deprecated: the rule returns the cited step itself.
__getattr__ = renamed(
    __name__, {"confirmation_step": Former(report_by, "report_by", "which returns the cited step itself")}
)
