"""pccplan: police and crime plans as typed objects, their statutory timetable, and their documents.

The flow runs one way: the model (`Plan`, `PanelReport`, ...) and the statute rules
(`term_for`, `planning_period`, ...) feed composers (`panel_report`) that build a neutral
document tree, which renderers write as DOCX, Markdown, HTML or PDF (`render`, `save`); the
reader turns a .docx back into the tree (`read_docx`) and the checker finds accessibility
faults (`check_accessibility`). Plan files are YAML or JSON (`load`, `dump`). Importing
pccplan loads neither `holidays` nor `docx`, nor the model and rules: each is imported the first
time it is needed.
"""

from __future__ import annotations

import importlib
import sys
from types import MappingProxyType
from typing import TYPE_CHECKING

# `render` and `save` are functions, but `pccplan.render` is also a subpackage, and the first
# import of a subpackage rebinds the package attribute of that name to the module. Importing
# the subpackage here, before binding the functions, keeps `pccplan.render` the function.
import pccplan.render  # noqa: F401 - see above: bound before the functions
from pccplan.errors import (
    DocumentReadError,
    MissingProgramError,
    PccplanError,
    PlanFileError,
    Problem,
    RenderError,
    StatuteError,
    UnknownAreaError,
    ValidationError,
)
from pccplan.render import render, save

if TYPE_CHECKING:  # what type checkers and editors see; at run time the names load on first use
    from pccplan.a11y import (
        A11yFinding,
        check_accessibility,
    )
    from pccplan.compose.cover_report import (
        cover_report,
    )
    from pccplan.compose.decision_notice import (
        decision_notice,
        decision_title,
    )
    from pccplan.compose.house import (
        apply_form,
    )
    from pccplan.compose.panel_letter import (
        panel_letter,
    )
    from pccplan.compose.panel_minute import (
        panel_minute,
    )
    from pccplan.compose.panel_recommendations import (
        panel_recommendations_document,
    )
    from pccplan.compose.panel_report import (
        panel_report,
        term_of,
    )
    from pccplan.compose.plan_document import (
        plan_document,
    )
    from pccplan.compose.record_of_decision import (
        record_of_decision,
    )
    from pccplan.compose.response import (
        response_document,
    )
    from pccplan.compose.response_table import (
        response_table,
    )
    from pccplan.compose.timetable import (
        timetable_document,
        timetable_table,
    )
    from pccplan.compose.tree import (
        Document,
    )
    from pccplan.examples import (
        example_panel_report,
        example_plan,
        example_report_inputs,
    )
    from pccplan.files import (
        dump,
        dumps,
        load,
        loads,
    )
    from pccplan.forms import (
        BUILTIN_FORMS,
        builtin_form,
        decision_number,
        load_form,
        starter_form,
    )
    from pccplan.model.agenda import (
        Attachment,
        CoverReport,
        MinutePoint,
        MinuteStyle,
        PanelMinute,
    )
    from pccplan.model.area import (
        AREAS,
        BodyKind,
        Governance,
        Nation,
        PoliceArea,
        all_areas,
        find_area,
    )
    from pccplan.model.comments import (
        CommentGroup,
        CommentReply,
        ResponseTable,
    )
    from pccplan.model.decision import (
        DecisionKind,
        DecisionNotice,
    )
    from pccplan.model.document import (
        Appendix,
        BackgroundDocument,
        Contact,
        Exemption,
        ExemptionParagraph,
        ReportParagraph,
        ReportSection,
    )
    from pccplan.model.form import (
        Approval,
        DocumentForm,
        FormPart,
        HouseForm,
        Logo,
        MoneyStyle,
        Naming,
        SignOff,
    )
    from pccplan.model.letter import (
        Addressee,
        PanelLetter,
    )
    from pccplan.model.panel import (
        Answer,
        PanelRecommendations,
        PanelReport,
        Recommendation,
        RecommendationResponse,
        Response,
        Vote,
    )
    from pccplan.model.plan import (
        Commissioner,
        Grant,
        GrantPower,
        Measure,
        Outcome,
        Period,
        Plan,
        ResourceLine,
        Resources,
        Service,
        ServiceKind,
        Theme,
    )
    from pccplan.model.process import (
        PlanProcess,
    )
    from pccplan.model.record import (
        Implication,
        ImplicationKind,
        IssuedPlan,
        OfficerAdvice,
        PlanKind,
        RecordAppendix,
        RecordOfDecision,
        RecordPart,
        Signatory,
        Withholding,
    )
    from pccplan.model.sources import (
        Confidence,
    )
    from pccplan.read import (
        Limits,
        ReadResult,
        ReadWarning,
        read_docx,
    )
    from pccplan.render.options import (
        AttachedDocument,
        RenderOptions,
    )
    from pccplan.statute import (
        ByElection,
        Citation,
        DatedStep,
        ElectionCalendar,
        FinancialYear,
        Finding,
        Findings,
        OrdinaryElection,
        PlanningPeriod,
        PreceptTimetable,
        QualifyingDayError,
        Severity,
        Term,
        TermKind,
        Timeline,
        WorkingCalendar,
        acceptance_deadline,
        by_election,
        check_content,
        check_plan,
        check_process,
        check_qualifying_day,
        comments_by,
        default_elections,
        latest_start,
        missing_elements,
        plan_deadline,
        planning_period,
        precept_timetable,
        publish_by,
        report_by,
        response_due,
        rules,
        term_for,
        timeline,
        veto_threshold,
        working_calendar,
    )

__version__ = "0.1.0"

_LAZY = MappingProxyType(
    {
        "A11yFinding": "pccplan.a11y",
        "check_accessibility": "pccplan.a11y",
        "Limits": "pccplan.read",
        "ReadResult": "pccplan.read",
        "ReadWarning": "pccplan.read",
        "read_docx": "pccplan.read",
        "decision_notice": "pccplan.compose.decision_notice",
        "decision_title": "pccplan.compose.decision_notice",
        "panel_recommendations_document": "pccplan.compose.panel_recommendations",
        "panel_report": "pccplan.compose.panel_report",
        "term_of": "pccplan.compose.panel_report",
        "plan_document": "pccplan.compose.plan_document",
        "response_document": "pccplan.compose.response",
        "timetable_document": "pccplan.compose.timetable",
        "timetable_table": "pccplan.compose.timetable",
        "Document": "pccplan.compose.tree",
        "example_panel_report": "pccplan.examples",
        "example_plan": "pccplan.examples",
        "example_report_inputs": "pccplan.examples",
        "dump": "pccplan.files",
        "dumps": "pccplan.files",
        "load": "pccplan.files",
        "loads": "pccplan.files",
        "AREAS": "pccplan.model.area",
        "BodyKind": "pccplan.model.area",
        "Governance": "pccplan.model.area",
        "Nation": "pccplan.model.area",
        "PoliceArea": "pccplan.model.area",
        "all_areas": "pccplan.model.area",
        "find_area": "pccplan.model.area",
        "DecisionKind": "pccplan.model.decision",
        "DecisionNotice": "pccplan.model.decision",
        "Appendix": "pccplan.model.document",
        "BackgroundDocument": "pccplan.model.document",
        "Contact": "pccplan.model.document",
        "Exemption": "pccplan.model.document",
        "ExemptionParagraph": "pccplan.model.document",
        "ReportParagraph": "pccplan.model.document",
        "ReportSection": "pccplan.model.document",
        "Answer": "pccplan.model.panel",
        "PanelRecommendations": "pccplan.model.panel",
        "PanelReport": "pccplan.model.panel",
        "Recommendation": "pccplan.model.panel",
        "RecommendationResponse": "pccplan.model.panel",
        "Response": "pccplan.model.panel",
        "Vote": "pccplan.model.panel",
        "Commissioner": "pccplan.model.plan",
        "Grant": "pccplan.model.plan",
        "GrantPower": "pccplan.model.plan",
        "Measure": "pccplan.model.plan",
        "Outcome": "pccplan.model.plan",
        "Period": "pccplan.model.plan",
        "Plan": "pccplan.model.plan",
        "ResourceLine": "pccplan.model.plan",
        "Resources": "pccplan.model.plan",
        "Service": "pccplan.model.plan",
        "ServiceKind": "pccplan.model.plan",
        "Theme": "pccplan.model.plan",
        "PlanProcess": "pccplan.model.process",
        "Confidence": "pccplan.model.sources",
        "RenderOptions": "pccplan.render.options",
        "AttachedDocument": "pccplan.render.options",
        "ByElection": "pccplan.statute",
        "Citation": "pccplan.statute",
        "DatedStep": "pccplan.statute",
        "ElectionCalendar": "pccplan.statute",
        "FinancialYear": "pccplan.statute",
        "Finding": "pccplan.statute",
        "Findings": "pccplan.statute",
        "OrdinaryElection": "pccplan.statute",
        "PlanningPeriod": "pccplan.statute",
        "PreceptTimetable": "pccplan.statute",
        "QualifyingDayError": "pccplan.statute",
        "Severity": "pccplan.statute",
        "Term": "pccplan.statute",
        "TermKind": "pccplan.statute",
        "Timeline": "pccplan.statute",
        "WorkingCalendar": "pccplan.statute",
        "acceptance_deadline": "pccplan.statute",
        "by_election": "pccplan.statute",
        "check_content": "pccplan.statute",
        "check_plan": "pccplan.statute",
        "check_process": "pccplan.statute",
        "check_qualifying_day": "pccplan.statute",
        "comments_by": "pccplan.statute",
        "default_elections": "pccplan.statute",
        "latest_start": "pccplan.statute",
        "missing_elements": "pccplan.statute",
        "plan_deadline": "pccplan.statute",
        "planning_period": "pccplan.statute",
        "precept_timetable": "pccplan.statute",
        "publish_by": "pccplan.statute",
        "report_by": "pccplan.statute",
        "response_due": "pccplan.statute",
        "rules": "pccplan.statute",
        "term_for": "pccplan.statute",
        "timeline": "pccplan.statute",
        "veto_threshold": "pccplan.statute",
        "working_calendar": "pccplan.statute",
        "panel_letter": "pccplan.compose.panel_letter",
        "cover_report": "pccplan.compose.cover_report",
        "panel_minute": "pccplan.compose.panel_minute",
        "record_of_decision": "pccplan.compose.record_of_decision",
        "Attachment": "pccplan.model.agenda",
        "CoverReport": "pccplan.model.agenda",
        "MinutePoint": "pccplan.model.agenda",
        "MinuteStyle": "pccplan.model.agenda",
        "PanelMinute": "pccplan.model.agenda",
        "Implication": "pccplan.model.record",
        "ImplicationKind": "pccplan.model.record",
        "IssuedPlan": "pccplan.model.record",
        "OfficerAdvice": "pccplan.model.record",
        "PlanKind": "pccplan.model.record",
        "RecordAppendix": "pccplan.model.record",
        "RecordOfDecision": "pccplan.model.record",
        "RecordPart": "pccplan.model.record",
        "Signatory": "pccplan.model.record",
        "Withholding": "pccplan.model.record",
        "apply_form": "pccplan.compose.house",
        "response_table": "pccplan.compose.response_table",
        "BUILTIN_FORMS": "pccplan.forms",
        "builtin_form": "pccplan.forms",
        "decision_number": "pccplan.forms",
        "load_form": "pccplan.forms",
        "starter_form": "pccplan.forms",
        "CommentGroup": "pccplan.model.comments",
        "CommentReply": "pccplan.model.comments",
        "ResponseTable": "pccplan.model.comments",
        "Approval": "pccplan.model.form",
        "DocumentForm": "pccplan.model.form",
        "FormPart": "pccplan.model.form",
        "HouseForm": "pccplan.model.form",
        "Logo": "pccplan.model.form",
        "MoneyStyle": "pccplan.model.form",
        "Naming": "pccplan.model.form",
        "SignOff": "pccplan.model.form",
        "Addressee": "pccplan.model.letter",
        "PanelLetter": "pccplan.model.letter",
    }
)
"""Where each public name lives; `__getattr__` imports its module the first time it is used."""

_SUBPACKAGES = frozenset(
    {"a11y", "compose", "examples", "files", "model", "notebook", "read", "render", "statute"}
)


def __getattr__(name: str) -> object:
    """Load a public name (or a subpackage) the first time it is asked for (PEP 562).

    Importing pccplan stays cheap: the model, the rules and the renderers build many classes
    at import time, and a script that only looks up a date need not pay for the renderers.
    """
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # later look-ups find it directly, without this function
        return value
    if name in _SUBPACKAGES:
        return importlib.import_module(f"pccplan.{name}")
    raise AttributeError(f"module 'pccplan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "AREAS",
    "BUILTIN_FORMS",
    "A11yFinding",
    "Addressee",
    "Answer",
    "Appendix",
    "Approval",
    "AttachedDocument",
    "Attachment",
    "BackgroundDocument",
    "BodyKind",
    "ByElection",
    "Citation",
    "CommentGroup",
    "CommentReply",
    "Commissioner",
    "Confidence",
    "Contact",
    "CoverReport",
    "DatedStep",
    "DecisionKind",
    "DecisionNotice",
    "Document",
    "DocumentForm",
    "DocumentReadError",
    "ElectionCalendar",
    "Exemption",
    "ExemptionParagraph",
    "FinancialYear",
    "Finding",
    "Findings",
    "FormPart",
    "Governance",
    "Grant",
    "GrantPower",
    "HouseForm",
    "Implication",
    "ImplicationKind",
    "IssuedPlan",
    "Limits",
    "Logo",
    "Measure",
    "MinutePoint",
    "MinuteStyle",
    "MissingProgramError",
    "MoneyStyle",
    "Naming",
    "Nation",
    "OfficerAdvice",
    "OrdinaryElection",
    "Outcome",
    "PanelLetter",
    "PanelMinute",
    "PanelRecommendations",
    "PanelReport",
    "PccplanError",
    "Period",
    "Plan",
    "PlanFileError",
    "PlanKind",
    "PlanProcess",
    "PlanningPeriod",
    "PoliceArea",
    "PreceptTimetable",
    "Problem",
    "QualifyingDayError",
    "ReadResult",
    "ReadWarning",
    "Recommendation",
    "RecommendationResponse",
    "RecordAppendix",
    "RecordOfDecision",
    "RecordPart",
    "RenderError",
    "RenderOptions",
    "ReportParagraph",
    "ReportSection",
    "ResourceLine",
    "Resources",
    "Response",
    "ResponseTable",
    "Service",
    "ServiceKind",
    "Severity",
    "SignOff",
    "Signatory",
    "StatuteError",
    "Term",
    "TermKind",
    "Theme",
    "Timeline",
    "UnknownAreaError",
    "ValidationError",
    "Vote",
    "Withholding",
    "WorkingCalendar",
    "__version__",
    "acceptance_deadline",
    "all_areas",
    "apply_form",
    "builtin_form",
    "by_election",
    "check_accessibility",
    "check_content",
    "check_plan",
    "check_process",
    "check_qualifying_day",
    "comments_by",
    "cover_report",
    "decision_notice",
    "decision_number",
    "decision_title",
    "default_elections",
    "dump",
    "dumps",
    "example_panel_report",
    "example_plan",
    "example_report_inputs",
    "find_area",
    "latest_start",
    "load",
    "load_form",
    "loads",
    "missing_elements",
    "panel_letter",
    "panel_minute",
    "panel_recommendations_document",
    "panel_report",
    "plan_deadline",
    "plan_document",
    "planning_period",
    "precept_timetable",
    "publish_by",
    "read_docx",
    "record_of_decision",
    "render",
    "report_by",
    "response_document",
    "response_due",
    "response_table",
    "rules",
    "save",
    "starter_form",
    "term_for",
    "term_of",
    "timeline",
    "timetable_document",
    "timetable_table",
    "veto_threshold",
    "working_calendar",
]


def _show_in_notebooks() -> None:
    """In IPython or Jupyter, register the HTML previews with the running shell (`notebook.enable`).

    Only when IPython is already imported (a kernel or shell runs it before the user's code), so a
    script or the command line pays nothing, and the model and rules never know about previews.
    """
    if "IPython" in sys.modules:
        from pccplan.notebook import enable

        enable()


_show_in_notebooks()
