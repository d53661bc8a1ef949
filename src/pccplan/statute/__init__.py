"""The statute rules engine: citations, calendars, elections, terms and the plan's timetable.

Every rule of the fact sheet is declared beside the function that applies it and collected
in `registry.RULES`; each module holds the small pure functions for one part of the law.
What changes with time is a `DatedValue`; `law="announced"` answers under the announced
abolition of PCCs (GOV-1). Nothing here imports `holidays`
until a working calendar is first needed.
"""

from pccplan.statute.announced import PCC_CHANGES, Law
from pccplan.statute.annual_report import annual_report_steps, earliest_annual_report
from pccplan.statute.calendar import FinancialYear, WorkingCalendar, working_calendar
from pccplan.statute.citation import Citation
from pccplan.statute.confirmation import report_by
from pccplan.statute.dated import Dated, DatedValue, LawStatus
from pccplan.statute.declare import renamed
from pccplan.statute.elections import ElectionCalendar, OrdinaryElection, default_elections
from pccplan.statute.inspection import comments_by
from pccplan.statute.mayors import MayoralArea, mayoral_area
from pccplan.statute.meetings import check_agenda, publish_by
from pccplan.statute.panel import plan_review_steps, response_by, response_due
from pccplan.statute.plan import (
    PlanningPeriod,
    QualifyingDayError,
    check_qualifying_day,
    check_start_day,
    latest_start,
    plan_by,
    plan_deadline,
    planning_period,
    require_qualifying_day,
)
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
    acceptance_deadline,
    by_election,
    term_for,
)
from pccplan.statute.timeline import Timeline, timeline

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
    "acceptance_deadline",
    "annual_report_steps",
    "by_election",
    "check_agenda",
    "check_content",
    "check_plan",
    "check_process",
    "check_qualifying_day",
    "check_start_day",
    "cite",
    "comments_by",
    "default_elections",
    "earliest_annual_report",
    "latest_start",
    "mayoral_area",
    "missing_elements",
    "plan_by",
    "plan_deadline",
    "plan_review_steps",
    "planning_period",
    "precept_timetable",
    "publish_by",
    "reference_markdown",
    "report_by",
    "require_qualifying_day",
    "response_by",
    "response_due",
    "rule",
    "rules",
    "term_for",
    "timeline",
    "veto_carried",
    "veto_threshold",
    "working_calendar",
]

__getattr__ = renamed(
    __name__,
    {"agenda_step": publish_by, "comments_step": comments_by, "confirmation_step": report_by},
)  # the old wrappers' names, deprecated: the rules return cited steps themselves
