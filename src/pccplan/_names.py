"""The table of pccplan's public names: where each lives, what kind of thing it is, and whether it stays.

`pccplan.__all__`, the lazy loading of `pccplan.__getattr__` and the page ``docs/api.md`` are
all derived from `NAMES`, and a test checks that the type checkers' imports in
``pccplan/__init__.py`` name the same things, so a public name is added (or renamed) here
once. A deprecated name has `replaced_by` set: `pccplan.<name>` still gives its object for one
release, with a `DeprecationWarning` naming the replacement, and is not in `__all__`.

This module holds strings only and imports nothing of pccplan: ``import pccplan`` reads it
without loading any layer.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal, NamedTuple

__all__ = ["CURRENT", "DEPRECATED", "NAMES", "SUBPACKAGES", "Kind", "Name"]

Kind = Literal["class", "function", "constant", "error"]
"""What a public name is: a class (or enum or protocol), a function, a constant, or an exception."""


class Name(NamedTuple):
    """One public name of pccplan: the `module` it is imported from, its `kind`, and its status.

    `replaced_by` is ``None`` for a current name; for a deprecated one it is the current name
    to use instead, and `note` says anything more a caller must change (an argument order).
    The module keeps the old name as a plain alias, so code inside pccplan, and code merged
    from elsewhere, goes on working while users are warned.
    """

    name: str
    module: str
    kind: Kind
    replaced_by: str | None = None
    note: str | None = None

    @property
    def status(self) -> Literal["current", "deprecated"]:
        """'current', or 'deprecated' (kept for one release as an alias of `replaced_by`)."""
        return "current" if self.replaced_by is None else "deprecated"


NAMES: tuple[Name, ...] = (
    # pccplan.a11y
    Name("A11yFinding", "pccplan.a11y", "class"),
    Name("A11yFindings", "pccplan.a11y", "class"),
    Name("check_accessibility", "pccplan.a11y", "function"),
    # pccplan.compose.compare
    Name("Comparison", "pccplan.compose.compare", "class"),
    Name("compare_trees", "pccplan.compose.compare", "function"),
    # pccplan.compose.cover_report
    Name("cover_report", "pccplan.compose.cover_report", "function", replaced_by="cover_report_document"),
    Name("cover_report_document", "pccplan.compose.cover_report", "function"),
    # pccplan.compose.decision_notice
    Name(
        "decision_notice",
        "pccplan.compose.decision_notice",
        "function",
        replaced_by="decision_notice_document",
        note="which takes the notice first, then the plan",
    ),
    Name("decision_notice_document", "pccplan.compose.decision_notice", "function"),
    Name("decision_title", "pccplan.compose.decision_notice", "function"),
    # pccplan.compose.house
    Name("apply_form", "pccplan.compose.house", "function"),
    # pccplan.compose.panel_letter
    Name("panel_letter", "pccplan.compose.panel_letter", "function", replaced_by="panel_letter_document"),
    Name("panel_letter_document", "pccplan.compose.panel_letter", "function"),
    # pccplan.compose.panel_minute
    Name("panel_minute", "pccplan.compose.panel_minute", "function", replaced_by="panel_minute_document"),
    Name("panel_minute_document", "pccplan.compose.panel_minute", "function"),
    # pccplan.compose.panel_recommendations
    Name("panel_recommendations_document", "pccplan.compose.panel_recommendations", "function"),
    # pccplan.compose.panel_report
    Name(
        "panel_report",
        "pccplan.compose.panel_report",
        "function",
        replaced_by="panel_report_document",
        note="which takes the report first, then the plan",
    ),
    Name("panel_report_document", "pccplan.compose.panel_report", "function"),
    Name("term_of", "pccplan.compose.panel_report", "function"),
    # pccplan.compose.plan_document
    Name("plan_document", "pccplan.compose.plan_document", "function"),
    # pccplan.compose.record_of_decision
    Name(
        "record_of_decision",
        "pccplan.compose.record_of_decision",
        "function",
        replaced_by="record_of_decision_document",
    ),
    Name("record_of_decision_document", "pccplan.compose.record_of_decision", "function"),
    # pccplan.compose.response
    Name("response_document", "pccplan.compose.response", "function"),
    # pccplan.compose.response_table
    Name(
        "response_table", "pccplan.compose.response_table", "function", replaced_by="response_table_document"
    ),
    Name("response_table_document", "pccplan.compose.response_table", "function"),
    # pccplan.compose.timetable
    Name("timetable_document", "pccplan.compose.timetable", "function"),
    Name("timetable_table", "pccplan.compose.timetable", "function"),
    # pccplan.compose.tree
    Name("Document", "pccplan.compose.tree", "class"),
    # pccplan.errors
    Name("DocumentReadError", "pccplan.errors", "error"),
    Name("MissingProgramError", "pccplan.errors", "error"),
    Name("PccplanError", "pccplan.errors", "error"),
    Name("PlanFileError", "pccplan.errors", "error"),
    Name("Problem", "pccplan.errors", "class"),
    Name("RenderError", "pccplan.errors", "error"),
    Name("StatuteError", "pccplan.errors", "error"),
    Name("UnknownAreaError", "pccplan.errors", "error"),
    Name("UnknownFieldError", "pccplan.errors", "error"),
    Name("ValidationError", "pccplan.errors", "error"),
    # pccplan.examples
    Name("example_panel_report", "pccplan.examples", "function"),
    Name("example_plan", "pccplan.examples", "function"),
    Name("example_report_inputs", "pccplan.examples", "function"),
    # pccplan.files
    Name("dump", "pccplan.files", "function"),
    Name("dumps", "pccplan.files", "function"),
    Name("load", "pccplan.files", "function"),
    Name("loads", "pccplan.files", "function"),
    # pccplan.finding
    Name("FindingLike", "pccplan.finding", "class"),
    Name("FindingsOf", "pccplan.finding", "class"),
    Name("Severity", "pccplan.finding", "class"),
    # pccplan.forms
    Name("builtin_form", "pccplan.forms", "function"),
    Name("BUILTIN_FORMS", "pccplan.forms", "constant"),
    Name("decision_number", "pccplan.forms", "function"),
    Name("load_form", "pccplan.forms", "function"),
    Name("starter_form", "pccplan.forms", "function"),
    # pccplan.model.agenda
    Name("Attachment", "pccplan.model.agenda", "class"),
    Name("CoverReport", "pccplan.model.agenda", "class"),
    Name("MinutePoint", "pccplan.model.agenda", "class"),
    Name("MinuteStyle", "pccplan.model.agenda", "class"),
    Name("PanelMinute", "pccplan.model.agenda", "class"),
    # pccplan.model.area
    Name("all_areas", "pccplan.model.area", "function"),
    Name(
        "AREAS",
        "pccplan.model.area",
        "constant",
        replaced_by="all_areas",
        note="a function, so that it can one day answer for a given day",
    ),
    Name("BodyKind", "pccplan.model.area", "class"),
    Name("find_area", "pccplan.model.area", "function"),
    Name("Governance", "pccplan.model.area", "class"),
    Name("Nation", "pccplan.model.area", "class"),
    Name("PoliceArea", "pccplan.model.area", "class"),
    # pccplan.model.comments
    Name("CommentGroup", "pccplan.model.comments", "class"),
    Name("CommentReply", "pccplan.model.comments", "class"),
    Name("ResponseTable", "pccplan.model.comments", "class"),
    # pccplan.model.decision
    Name("DecisionKind", "pccplan.model.decision", "class"),
    Name("DecisionNotice", "pccplan.model.decision", "class"),
    # pccplan.model.document
    Name("Appendix", "pccplan.model.document", "class"),
    Name("BackgroundDocument", "pccplan.model.document", "class"),
    Name("Contact", "pccplan.model.document", "class"),
    Name("Exemption", "pccplan.model.document", "class"),
    Name("ExemptionParagraph", "pccplan.model.document", "class"),
    Name("ReportParagraph", "pccplan.model.document", "class"),
    Name("ReportSection", "pccplan.model.document", "class"),
    # pccplan.model.form
    Name("Approval", "pccplan.model.form", "class"),
    Name("DocumentForm", "pccplan.model.form", "class"),
    Name("FormPart", "pccplan.model.form", "class"),
    Name("HouseForm", "pccplan.model.form", "class"),
    Name("KeyLabels", "pccplan.model.form", "class"),
    Name("Logo", "pccplan.model.form", "class"),
    Name("MoneyStyle", "pccplan.model.form", "class"),
    Name("Naming", "pccplan.model.form", "class"),
    Name("SignOff", "pccplan.model.form", "class"),
    # pccplan.model.letter
    Name("Addressee", "pccplan.model.letter", "class"),
    Name("PanelLetter", "pccplan.model.letter", "class"),
    # pccplan.model.panel
    Name("Answer", "pccplan.model.panel", "class"),
    Name("PanelRecommendations", "pccplan.model.panel", "class"),
    Name("PanelReport", "pccplan.model.panel", "class"),
    Name("Recommendation", "pccplan.model.panel", "class"),
    Name("RecommendationResponse", "pccplan.model.panel", "class"),
    Name("Response", "pccplan.model.panel", "class"),
    Name("Vote", "pccplan.model.panel", "class"),
    # pccplan.model.plan
    Name("Commissioner", "pccplan.model.plan", "class"),
    Name("Grant", "pccplan.model.plan", "class"),
    Name("GrantPower", "pccplan.model.plan", "class"),
    Name("Measure", "pccplan.model.plan", "class"),
    Name("Outcome", "pccplan.model.plan", "class"),
    Name("Period", "pccplan.model.plan", "class"),
    Name("Plan", "pccplan.model.plan", "class"),
    Name("ResourceLine", "pccplan.model.plan", "class"),
    Name("Resources", "pccplan.model.plan", "class"),
    Name("Service", "pccplan.model.plan", "class"),
    Name("ServiceKind", "pccplan.model.plan", "class"),
    Name("Theme", "pccplan.model.plan", "class"),
    # pccplan.model.process
    Name("PlanProcess", "pccplan.model.process", "class"),
    Name("Review", "pccplan.model.process", "class"),
    Name("ReviewKind", "pccplan.model.process", "class"),
    # pccplan.model.record
    Name("Implication", "pccplan.model.record", "class"),
    Name("ImplicationKind", "pccplan.model.record", "class"),
    Name("IssuedPlan", "pccplan.model.record", "class"),
    Name("OfficerAdvice", "pccplan.model.record", "class"),
    Name("PlanKind", "pccplan.model.record", "class"),
    Name("RecordAppendix", "pccplan.model.record", "class"),
    Name("RecordOfDecision", "pccplan.model.record", "class"),
    Name("RecordPart", "pccplan.model.record", "class"),
    Name("Signatory", "pccplan.model.record", "class"),
    Name("Withholding", "pccplan.model.record", "class"),
    # pccplan.model.sources
    Name("Confidence", "pccplan.model.sources", "class"),
    # pccplan.read
    Name("Annotation", "pccplan.read", "class"),
    Name("Limits", "pccplan.read", "class"),
    Name("read_docx", "pccplan.read", "function"),
    Name("ReadResult", "pccplan.read", "class"),
    Name("ReadWarning", "pccplan.read", "class"),
    Name("TrackedChange", "pccplan.read", "class"),
    # pccplan.render
    Name("render_document", "pccplan.render", "function"),
    Name("save", "pccplan.render", "function"),
    # pccplan.render.docx.redline
    Name("compare", "pccplan.render.docx.redline", "function"),
    # pccplan.render.options
    Name("AttachedDocument", "pccplan.render.options", "class"),
    Name("RenderOptions", "pccplan.render.options", "class"),
    # pccplan.statute
    Name("acceptance_by", "pccplan.statute", "function"),
    Name("by_election", "pccplan.statute", "function"),
    Name("ByElection", "pccplan.statute", "class"),
    Name("check_content", "pccplan.statute", "function"),
    Name("check_plan", "pccplan.statute", "function"),
    Name("check_process", "pccplan.statute", "function"),
    Name("check_start_day", "pccplan.statute", "function"),
    Name("Citation", "pccplan.statute", "class"),
    Name("comments_by", "pccplan.statute", "function"),
    Name("DatedStep", "pccplan.statute", "class"),
    Name("default_elections", "pccplan.statute", "function"),
    Name("ElectionCalendar", "pccplan.statute", "class"),
    Name("FinancialYear", "pccplan.statute", "class"),
    Name("Finding", "pccplan.statute", "class"),
    Name("Findings", "pccplan.statute", "class"),
    Name("latest_start", "pccplan.statute", "function"),
    Name("missing_elements", "pccplan.statute", "function"),
    Name("OrdinaryElection", "pccplan.statute", "class"),
    Name("plan_by", "pccplan.statute", "function"),
    Name("planning_period", "pccplan.statute", "function"),
    Name("PlanningPeriod", "pccplan.statute", "class"),
    Name("precept_timetable", "pccplan.statute", "function"),
    Name("PreceptTimetable", "pccplan.statute", "class"),
    Name("publish_by", "pccplan.statute", "function"),
    Name("QualifyingDayError", "pccplan.statute", "error"),
    Name("report_by", "pccplan.statute", "function"),
    Name("require_qualifying_day", "pccplan.statute", "function"),
    Name("response_by", "pccplan.statute", "function"),
    Name("rules", "pccplan.statute", "function"),
    Name("Term", "pccplan.statute", "class"),
    Name("term_for", "pccplan.statute", "function"),
    Name("TermKind", "pccplan.statute", "class"),
    Name("Timeline", "pccplan.statute", "class"),
    Name("timeline", "pccplan.statute", "function"),
    Name("veto_threshold", "pccplan.statute", "function"),
    Name("working_calendar", "pccplan.statute", "function"),
    Name("WorkingCalendar", "pccplan.statute", "class"),
    # pccplan.statute.naming
    Name("check_naming", "pccplan.statute.naming", "function"),
    # pccplan.statute.panel
    Name("response_due", "pccplan.statute.panel", "function", replaced_by="response_by"),
    # pccplan.statute.plan
    Name(
        "check_qualifying_day",
        "pccplan.statute.plan",
        "function",
        replaced_by="require_qualifying_day",
        note="check_start_day returns the same test as findings",
    ),
    Name("plan_deadline", "pccplan.statute.plan", "function", replaced_by="plan_by"),
    # pccplan.statute.polls
    Name("check_poll", "pccplan.statute.polls", "function"),
    Name("require_poll", "pccplan.statute.polls", "function"),
    # pccplan.statute.terms
    Name("acceptance_deadline", "pccplan.statute.terms", "function", replaced_by="acceptance_by"),
)
"""Every public name, current and deprecated, grouped by the module it is imported from."""

CURRENT = MappingProxyType({n.name: n for n in NAMES if n.replaced_by is None})
"""The current names by name: `__all__` is these and ``__version__``."""

DEPRECATED = MappingProxyType({n.name: n for n in NAMES if n.replaced_by is not None})
"""The deprecated names by name: each still resolves, with a `DeprecationWarning`."""

SUBPACKAGES = frozenset(
    {"a11y", "compose", "examples", "files", "model", "notebook", "read", "render", "statute"}
)
"""The parts of pccplan that `pccplan.<part>` imports on first use, like the names."""
