"""The statute rules engine: citations, calendars, elections, terms and the plan's timetable.

Every rule of the fact sheet is declared beside the function that applies it and collected
in `registry.RULES`; each module holds the small pure functions for one part of the law.
What changes with time is a `DatedValue`; `law="announced"` answers under the announced
abolition of PCCs (GOV-1). Nothing here imports `holidays`
until a working calendar is first needed.
"""

import importlib
import sys
import types
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what type checkers see; at run time each name loads with its module, on first use
    from pccplan.statute.announced import PCC_CHANGES, Law
    from pccplan.statute.annual_report import annual_report_steps, earliest_annual_report
    from pccplan.statute.calendar import FinancialYear, WorkingCalendar, working_calendar
    from pccplan.statute.citation import Citation
    from pccplan.statute.confirmation import report_by
    from pccplan.statute.dated import Dated, DatedValue, LawStatus
    from pccplan.statute.elections import ElectionCalendar, OrdinaryElection, default_elections
    from pccplan.statute.inspection import comments_by
    from pccplan.statute.mayors import MayoralArea, mayoral_area
    from pccplan.statute.meetings import check_agenda, publish_by
    from pccplan.statute.panel import plan_review_steps, response_by
    from pccplan.statute.panel import response_due as response_due  # deprecated
    from pccplan.statute.plan import (
        PlanningPeriod,
        QualifyingDayError,
        check_start_day,
        latest_start,
        plan_by,
        planning_period,
        require_qualifying_day,
    )
    from pccplan.statute.plan import check_qualifying_day as check_qualifying_day  # deprecated
    from pccplan.statute.plan import plan_deadline as plan_deadline  # deprecated
    from pccplan.statute.precept import PreceptTimetable, precept_timetable, veto_carried, veto_threshold
    from pccplan.statute.process import (
        Finding,
        Findings,
        Severity,
        check_content,
        check_plan,
        check_process,
        missing_elements,
    )
    from pccplan.statute.registry import Rule, cite, reference_markdown, rule, rules
    from pccplan.statute.steps import DatedStep
    from pccplan.statute.terms import (
        ByElection,
        Term,
        TermKind,
        acceptance_by,
        by_election,
        term_for,
    )
    from pccplan.statute.terms import acceptance_deadline as acceptance_deadline  # deprecated
    from pccplan.statute.timeline import Timeline, timeline

_LAZY = MappingProxyType(
    {
        "PCC_CHANGES": "pccplan.statute.announced",
        "Law": "pccplan.statute.announced",
        "annual_report_steps": "pccplan.statute.annual_report",
        "earliest_annual_report": "pccplan.statute.annual_report",
        "FinancialYear": "pccplan.statute.calendar",
        "WorkingCalendar": "pccplan.statute.calendar",
        "working_calendar": "pccplan.statute.calendar",
        "Citation": "pccplan.statute.citation",
        "report_by": "pccplan.statute.confirmation",
        "Dated": "pccplan.statute.dated",
        "DatedValue": "pccplan.statute.dated",
        "LawStatus": "pccplan.statute.dated",
        "ElectionCalendar": "pccplan.statute.elections",
        "OrdinaryElection": "pccplan.statute.elections",
        "default_elections": "pccplan.statute.elections",
        "comments_by": "pccplan.statute.inspection",
        "MayoralArea": "pccplan.statute.mayors",
        "mayoral_area": "pccplan.statute.mayors",
        "check_agenda": "pccplan.statute.meetings",
        "publish_by": "pccplan.statute.meetings",
        "plan_review_steps": "pccplan.statute.panel",
        "response_by": "pccplan.statute.panel",
        "PlanningPeriod": "pccplan.statute.plan",
        "QualifyingDayError": "pccplan.statute.plan",
        "check_start_day": "pccplan.statute.plan",
        "latest_start": "pccplan.statute.plan",
        "plan_by": "pccplan.statute.plan",
        "planning_period": "pccplan.statute.plan",
        "require_qualifying_day": "pccplan.statute.plan",
        "PreceptTimetable": "pccplan.statute.precept",
        "precept_timetable": "pccplan.statute.precept",
        "veto_carried": "pccplan.statute.precept",
        "veto_threshold": "pccplan.statute.precept",
        "Finding": "pccplan.statute.process",
        "Findings": "pccplan.statute.process",
        "Severity": "pccplan.statute.process",
        "check_content": "pccplan.statute.process",
        "check_plan": "pccplan.statute.process",
        "check_process": "pccplan.statute.process",
        "missing_elements": "pccplan.statute.process",
        "Rule": "pccplan.statute.registry",
        "cite": "pccplan.statute.registry",
        "reference_markdown": "pccplan.statute.registry",
        "rule": "pccplan.statute.registry",
        "rules": "pccplan.statute.registry",
        "DatedStep": "pccplan.statute.steps",
        "ByElection": "pccplan.statute.terms",
        "Term": "pccplan.statute.terms",
        "TermKind": "pccplan.statute.terms",
        "acceptance_by": "pccplan.statute.terms",
        "by_election": "pccplan.statute.terms",
        "term_for": "pccplan.statute.terms",
        "Timeline": "pccplan.statute.timeline",
        "timeline": "pccplan.statute.timeline",
    }
)
"""Where each public name lives: importing one rule module (``statute.exempt``) loads no other."""

_RENAMED = MappingProxyType(
    {
        "agenda_step": "pccplan.statute.meetings",
        "comments_step": "pccplan.statute.inspection",
        "confirmation_step": "pccplan.statute.confirmation",
        "response_due": "pccplan.statute.panel",
        "check_qualifying_day": "pccplan.statute.plan",
        "plan_deadline": "pccplan.statute.plan",
        "acceptance_deadline": "pccplan.statute.terms",
    }
)
"""Former names, deprecated, and the module that keeps each (with its replacement, `pccplan._deprecate`)."""


def __getattr__(name: str) -> object:
    """Load a public name the first time it is asked for (PEP 562), so a caller pays only for its part."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in _RENAMED:  # the module keeps it; warn here, naming the package, at the caller's line
        from pccplan._deprecate import former, warn

        kept = former(_RENAMED[name], name)
        warn(f"{__name__}.{name}", f"{__name__}.{kept.use}", kept.note, stacklevel=2)
        return kept.value
    raise AttributeError(f"module 'pccplan.statute' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


class _Package(types.ModuleType):
    """This package, whose `timeline` stays the function when the submodule of that name is imported.

    Importing ``pccplan.statute.timeline`` binds the submodule to the package's attribute of the
    same name; when everything was imported eagerly the function was bound after it and won.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "timeline" and isinstance(value, types.ModuleType):
            value = value.timeline
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "PCC_CHANGES",
    "ByElection",
    "Citation",
    "Dated",
    "DatedStep",
    "DatedValue",
    "ElectionCalendar",
    "FinancialYear",
    "Finding",
    "Findings",
    "Law",
    "LawStatus",
    "MayoralArea",
    "OrdinaryElection",
    "PlanningPeriod",
    "PreceptTimetable",
    "QualifyingDayError",
    "Rule",
    "Severity",
    "Term",
    "TermKind",
    "Timeline",
    "WorkingCalendar",
    "acceptance_by",
    "annual_report_steps",
    "by_election",
    "check_agenda",
    "check_content",
    "check_plan",
    "check_process",
    "check_start_day",
    "cite",
    "comments_by",
    "default_elections",
    "earliest_annual_report",
    "latest_start",
    "mayoral_area",
    "missing_elements",
    "plan_by",
    "plan_review_steps",
    "planning_period",
    "precept_timetable",
    "publish_by",
    "reference_markdown",
    "report_by",
    "require_qualifying_day",
    "response_by",
    "rule",
    "rules",
    "term_for",
    "timeline",
    "veto_carried",
    "veto_threshold",
    "working_calendar",
]
