"""The precept timetable (PREC-1 to PREC-5) and the two-thirds veto threshold (Sch.5 para 4)."""

from __future__ import annotations

import datetime as dt
import math

import attrs

from pccplan.errors import StatuteError
from pccplan.model.area import Nation
from pccplan.statute.calendar import FinancialYear, WorkingCalendar, calendar_covering
from pccplan.statute.registry import cite
from pccplan.statute.steps import DatedStep

__all__ = [
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

_FIXED = "A fixed date: it does not move off a non-working day, so act by the working day before."


def _check_year(year: int) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 2012 <= year <= 9998:
        raise StatuteError(
            f"precept year {year!r} is not a year from 2012 (the year the precept year starts, e.g. 2025)"
        )
    return year


def notify_by(year: int) -> dt.date:
    """PREC-1, SI 2012/2271 reg 3: notify the Panel of the proposed precept by 1 February of `year`.

    `year` is the year the precept year starts (2025 for 2025/26): the dates fall in the
    financial year before it (reg 2, "relevant financial year").
    """
    return dt.date(_check_year(year), 2, 1)


def panel_report_by(year: int) -> dt.date:
    """PREC-2, reg 4(1): the Panel reports on the proposed precept by 8 February; a later veto lapses."""
    return dt.date(_check_year(year), 2, 8)


def revised_precept_by(year: int) -> dt.date:
    """PREC-3, reg 5: after a veto, the PCC gives the Panel a revised precept by 15 February."""
    return dt.date(_check_year(year), 2, 15)


def second_report_by(year: int) -> dt.date:
    """PREC-4, reg 6: the Panel reports on the revised precept (the second report) by 22 February."""
    return dt.date(_check_year(year), 2, 22)


def issue_before(year: int) -> dt.date:
    """PREC-5, reg 7, LGFA 1992 s.40: respond, publish the response and issue the precept before 1 March."""
    return dt.date(_check_year(year), 3, 1)


def veto_threshold(members: int) -> int:
    """PREC-2, Sch.5 para 4(5): the votes a veto needs, two-thirds of the Panel's members at the time.

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


@attrs.frozen(kw_only=True)
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
    dates = {
        "PREC-1": ("Notify the Panel of the proposed precept by", notify_by(year)),
        "PREC-2": ("Panel reports (and may veto) by", panel_report_by(year)),
        "PREC-3": ("After a veto, give the Panel a revised precept by", revised_precept_by(year)),
        "PREC-4": ("Panel's second report on the revised precept by", second_report_by(year)),
        "PREC-5": ("Respond, publish the response and issue the precept before", issue_before(year)),
    }
    cal = calendar or calendar_covering(nation, dt.date(year, 3, 1))
    steps = []
    for rule_id, (title, day) in dates.items():
        closed = not cal.is_working_day(day)
        steps.append(
            DatedStep(
                rule=rule_id,
                title=title,
                date=day,
                citation=cite(rule_id),
                non_working_day=closed,
                note=_FIXED if closed else None,
            )
        )
    return PreceptTimetable(
        precept_year=FinancialYear(start_year=year),
        notify_by=dates["PREC-1"][1],
        panel_report_by=dates["PREC-2"][1],
        revised_precept_by=dates["PREC-3"][1],
        second_report_by=dates["PREC-4"][1],
        issue_before=dates["PREC-5"][1],
        steps=tuple(steps),
    )
