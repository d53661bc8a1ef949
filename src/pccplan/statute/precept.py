"""The precept timetable (PREC-1 to PREC-5) and the two-thirds veto threshold (Sch.5 para 4)."""

from __future__ import annotations

import datetime as dt
import math

import attrs

from pccplan.errors import StatuteError
from pccplan.model.area import Nation
from pccplan.model.classes import shared_eq_repr
from pccplan.statute.calendar import FinancialYear, WorkingCalendar, calendar_covering
from pccplan.statute.citation import CHECKED_2026_12_01, SI_2012_2271_READ, precept_regulations
from pccplan.statute.declare import Rule, applies
from pccplan.statute.steps import DatedStep, cited_step

__all__ = [
    "PREC_1",
    "PREC_2",
    "PREC_3",
    "PREC_4",
    "PREC_5",
    "PreceptTimetable",
    "issue_before",
    "notify_by",
    "panel_report_by",
    "precept_timetable",
    "revised_precept_by",
    "second_report_by",
    "veto_carried",
    "veto_threshold",
]

PREC_1 = Rule(
    id="PREC-1",
    title="Proposed precept",
    says="The PCC notifies the Panel of the proposed precept by 1 February.",
    citation=precept_regulations("reg 3", 3, checked_on=CHECKED_2026_12_01),
)
"""Rule PREC-1: Proposed precept."""


PREC_2 = Rule(
    id="PREC-2",
    title="Panel report and veto",
    says="The Panel reports by 8 February; it may veto only by two-thirds of its members at the time.",
    citation=precept_regulations(
        "reg 4; PRSRA Sch.5 para 4",
        4,
        note=f"{SI_2012_2271_READ} Sch.5 para 4(4) (read in the Act's revised text): the veto needs 'at "
        "least two-thirds of the persons who are members of the panel at the time when the decision is "
        "made'.",
        checked_on=CHECKED_2026_12_01,
    ),
)
"""Rule PREC-2: Panel report and veto."""


PREC_3 = Rule(
    id="PREC-3",
    title="Revised precept",
    says="After a veto the PCC gives the Panel a revised precept by 15 February.",
    citation=precept_regulations("reg 5", 5, checked_on=CHECKED_2026_12_01),
)
"""Rule PREC-3: Revised precept."""


PREC_4 = Rule(
    id="PREC-4",
    title="Second report",
    says="The Panel reports on the revised precept by 22 February; it may reject but not veto it.",
    citation=precept_regulations("reg 6", 6, note=SI_2012_2271_READ, checked_on=CHECKED_2026_12_01),
)
"""Rule PREC-4: Second report."""


PREC_5 = Rule(
    id="PREC-5",
    title="Issuing the precept",
    says="The PCC has regard to the second report, gives the Panel a response and publishes it by 1 March "
    "(reg 7); the precept is issued to billing authorities before 1 March (LGFA 1992 s.40(5)), though "
    "it is not invalid merely because it is issued on or after that day.",
    citation=precept_regulations(
        "reg 7; Local Government Finance Act 1992 s.40(5)",
        7,
        note=f"{SI_2012_2271_READ} LGFA 1992 s.40(5) read in the same mirror (uk/ukpga-1992-14.md).",
        checked_on=CHECKED_2026_12_01,
    ),
)
"""Rule PREC-5: Issuing the precept."""


_FIXED = "A fixed date: it does not move off a non-working day, so act by the working day before."


# (month, day) of each statutory date, in the year the precept year starts (SI 2012/2271 reg 2).
_NOTIFY = (2, 1)  # reg 3: "by 1st February"
_REPORT = (2, 8)  # reg 4(1): "by 8th February"
_REVISED = (2, 15)  # reg 5(1): "by 15th February"
_SECOND_REPORT = (2, 22)  # reg 6: by 22 February
_ISSUE_BEFORE = (3, 1)  # reg 7: respond "by 1st March"; LGFA 1992 s.40(5): issue "before 1st March"
# Accepted precept years: from 2012 (PCCs were first elected in November 2012; their first precept
# round was for 2013/14) up to 9998, so that the day after any date computed still exists in `date`.
_YEARS = (2012, 9998)


def _check_year(year: int) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not _YEARS[0] <= year <= _YEARS[1]:
        raise StatuteError(
            f"precept year {year!r} is not a year from 2012 (the year the precept year starts, e.g. 2025)"
        )
    return year


def _fixed_step(
    rule: Rule,
    title: str,
    year: int,
    month_day: tuple[int, int],
    nation: Nation,
    calendar: WorkingCalendar | None,
) -> DatedStep:
    """A fixed precept date as a cited step: it does not move off a non-working day, and says so."""
    day = dt.date(_check_year(year), *month_day)
    cal = calendar or calendar_covering(nation, day)
    closed = not cal.is_working_day(day)
    return cited_step(rule.id, title, day, rule.citation, calendar=cal, note=_FIXED if closed else None)


@applies(PREC_1)
def notify_by(
    year: int, *, nation: Nation = Nation.ENGLAND, calendar: WorkingCalendar | None = None
) -> DatedStep:
    """PREC-1, SI 2012/2271 reg 3: notify the Panel of the proposed precept by 1 February of `year`.

    `year` is the year the precept year starts (2025 for 2025/26): the dates fall in the
    financial year before it (reg 2, "relevant financial year"). Returns the day as a cited
    step, like every precept rule here: `.date` is the day.
    """
    return _fixed_step(PREC_1, "Notify the Panel of the proposed precept by", year, _NOTIFY, nation, calendar)


@applies(PREC_2)
def panel_report_by(
    year: int, *, nation: Nation = Nation.ENGLAND, calendar: WorkingCalendar | None = None
) -> DatedStep:
    """PREC-2, reg 4(1): the Panel reports on the proposed precept by 8 February; a later veto lapses."""
    return _fixed_step(PREC_2, "Panel reports (and may veto) by", year, _REPORT, nation, calendar)


@applies(PREC_3)
def revised_precept_by(
    year: int, *, nation: Nation = Nation.ENGLAND, calendar: WorkingCalendar | None = None
) -> DatedStep:
    """PREC-3, reg 5: after a veto, the PCC gives the Panel a revised precept by 15 February."""
    title = "After a veto, give the Panel a revised precept by"
    return _fixed_step(PREC_3, title, year, _REVISED, nation, calendar)


@applies(PREC_4)
def second_report_by(
    year: int, *, nation: Nation = Nation.ENGLAND, calendar: WorkingCalendar | None = None
) -> DatedStep:
    """PREC-4, reg 6: the Panel reports on the revised precept (the second report) by 22 February."""
    title = "Panel's second report on the revised precept by"
    return _fixed_step(PREC_4, title, year, _SECOND_REPORT, nation, calendar)


@applies(PREC_5)
def issue_before(
    year: int, *, nation: Nation = Nation.ENGLAND, calendar: WorkingCalendar | None = None
) -> DatedStep:
    """PREC-5: 1 March of `year` as a cited step: the response to the second report by it, the precept before.

    Reg 7: "by 1st March of the relevant financial year" the PCC has regard to the second report,
    gives the Panel a response and publishes it (so a response on 1 March is in time). LGFA 1992
    s.40(5): the precept "must be issued before 1st March ... but is not invalid merely because it
    is issued on or after that date". For 2025/26 both turn on 1 March 2025.
    """
    title = "Respond to the second report and publish the response by (issue the precept before)"
    return _fixed_step(PREC_5, title, year, _ISSUE_BEFORE, nation, calendar)


def veto_threshold(members: int) -> int:
    """PREC-2, Sch.5 para 4(4): the votes a veto needs, two-thirds of the Panel's members at the time.

    Of the membership, not of those present, rounded up: 9 of 13, 14 of 20.
    """
    if isinstance(members, bool) or not isinstance(members, int) or members < 1:
        raise StatuteError(f"a Panel of {members!r} members is not possible (PREC-2)")
    return math.ceil(2 * members / 3)


def veto_carried(votes_for: int, members: int) -> bool:
    """PREC-2: whether `votes_for` votes to veto reach two-thirds of the `members` of the Panel."""
    if not 0 <= votes_for <= members:
        raise StatuteError(f"{votes_for} votes for a veto from a Panel of {members} members (PREC-2)")
    return votes_for >= veto_threshold(members)


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class PreceptTimetable:
    """The statutory dates for the precept of `precept_year` (SI 2012/2271 regs 3-7), with cited steps.

    Every date is an "on or before" date except `issue_before` (the precept is issued before it).
    Dates do not move off non-working days; `steps` flag those that fall on one.
    """

    precept_year: FinancialYear
    notify_by: dt.date
    panel_report_by: dt.date
    revised_precept_by: dt.date
    second_report_by: dt.date
    issue_before: dt.date
    steps: tuple[DatedStep, ...]

    def to_json(self) -> dict[str, object]:
        """The command line's JSON contract for ``pccplan dates precept``."""
        return {
            "precept_year": self.precept_year.label,
            "notify_by": self.notify_by.isoformat(),
            "panel_report_by": self.panel_report_by.isoformat(),
            "revised_precept_by": self.revised_precept_by.isoformat(),
            "second_report_by": self.second_report_by.isoformat(),
            "issue_before": self.issue_before.isoformat(),
            "steps": [step.to_json() for step in self.steps],
        }


def precept_timetable(
    year: int, *, nation: Nation = Nation.ENGLAND, calendar: WorkingCalendar | None = None
) -> PreceptTimetable:
    """The precept dates for the precept year starting 1 April `year` (PREC-1 to PREC-5).

    For 2025/26: notify by 1 February 2025, Panel report by 8 February, revised precept by
    15 February, second report by 22 February, issue before 1 March 2025.
    """
    cal = calendar or calendar_covering(nation, dt.date(_check_year(year), 3, 1))
    rules = (notify_by, panel_report_by, revised_precept_by, second_report_by, issue_before)
    steps = tuple(rule(year, calendar=cal) for rule in rules)
    return PreceptTimetable(
        precept_year=FinancialYear(start_year=year),
        notify_by=steps[0].date,
        panel_report_by=steps[1].date,
        revised_precept_by=steps[2].date,
        second_report_by=steps[3].date,
        issue_before=steps[4].date,
        steps=steps,
    )
