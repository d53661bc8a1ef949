"""pccplan: police and crime plans as typed objects, their statutory timetable, and their documents.

The flow runs one way: the model (`Plan`, `PanelReport`, ...) and the statute rules
(`term_for`, `planning_period`, ...) feed composers (`panel_report_document`) that build a
neutral document tree, which renderers write as DOCX, Markdown, HTML or PDF
(`render_document`, `save`); the reader turns a .docx back into the tree (`read_docx`) and the
checker finds accessibility faults (`check_accessibility`). Plan files are YAML or JSON
(`load`, `dump`). Importing pccplan loads neither `holidays` nor `docx`, nor the model and
rules: each is imported the first time it is needed.

Every public name is listed once, in `pccplan._names.NAMES`; `__all__` and the lazy loading
below are derived from it (``docs/dev/api.md`` gives the naming rules).
"""

from __future__ import annotations

import importlib
import sys
import warnings
from typing import TYPE_CHECKING

from pccplan._names import CURRENT, DEPRECATED, SUBPACKAGES

if (
    TYPE_CHECKING
):  # what type checkers see: `X as X` re-exports each (the names of `_names.NAMES`, a test checks)
    from pccplan.a11y import (
        A11yFinding as A11yFinding,
    )
    from pccplan.a11y import (
        A11yFindings as A11yFindings,
    )
    from pccplan.a11y import (
        check_accessibility as check_accessibility,
    )
    from pccplan.compose.cover_report import (
        cover_report as cover_report,
    )
    from pccplan.compose.cover_report import (
        cover_report_document as cover_report_document,
    )
    from pccplan.compose.decision_notice import (
        decision_notice as decision_notice,
    )
    from pccplan.compose.decision_notice import (
        decision_notice_document as decision_notice_document,
    )
    from pccplan.compose.decision_notice import (
        decision_title as decision_title,
    )
    from pccplan.compose.house import (
        apply_form as apply_form,
    )
    from pccplan.compose.panel_letter import (
        panel_letter as panel_letter,
    )
    from pccplan.compose.panel_letter import (
        panel_letter_document as panel_letter_document,
    )
    from pccplan.compose.panel_minute import (
        panel_minute as panel_minute,
    )
    from pccplan.compose.panel_minute import (
        panel_minute_document as panel_minute_document,
    )
    from pccplan.compose.panel_recommendations import (
        panel_recommendations_document as panel_recommendations_document,
    )
    from pccplan.compose.panel_report import (
        panel_report as panel_report,
    )
    from pccplan.compose.panel_report import (
        panel_report_document as panel_report_document,
    )
    from pccplan.compose.panel_report import (
        term_of as term_of,
    )
    from pccplan.compose.plan_document import (
        plan_document as plan_document,
    )
    from pccplan.compose.record_of_decision import (
        record_of_decision as record_of_decision,
    )
    from pccplan.compose.record_of_decision import (
        record_of_decision_document as record_of_decision_document,
    )
    from pccplan.compose.response import (
        response_document as response_document,
    )
    from pccplan.compose.response_table import (
        response_table as response_table,
    )
    from pccplan.compose.response_table import (
        response_table_document as response_table_document,
    )
    from pccplan.compose.timetable import (
        timetable_document as timetable_document,
    )
    from pccplan.compose.timetable import (
        timetable_table as timetable_table,
    )
    from pccplan.compose.tree import (
        Document as Document,
    )
    from pccplan.errors import (
        DocumentReadError as DocumentReadError,
    )
    from pccplan.errors import (
        MissingProgramError as MissingProgramError,
    )
    from pccplan.errors import (
        PccplanError as PccplanError,
    )
    from pccplan.errors import (
        PlanFileError as PlanFileError,
    )
    from pccplan.errors import (
        Problem as Problem,
    )
    from pccplan.errors import (
        RenderError as RenderError,
    )
    from pccplan.errors import (
        StatuteError as StatuteError,
    )
    from pccplan.errors import (
        UnknownAreaError as UnknownAreaError,
    )
    from pccplan.errors import (
        UnknownFieldError as UnknownFieldError,
    )
    from pccplan.errors import (
        ValidationError as ValidationError,
    )
    from pccplan.examples import (
        example_panel_report as example_panel_report,
    )
    from pccplan.examples import (
        example_plan as example_plan,
    )
    from pccplan.examples import (
        example_report_inputs as example_report_inputs,
    )
    from pccplan.files import (
        dump as dump,
    )
    from pccplan.files import (
        dumps as dumps,
    )
    from pccplan.files import (
        load as load,
    )
    from pccplan.files import (
        loads as loads,
    )
    from pccplan.finding import (
        FindingLike as FindingLike,
    )
    from pccplan.finding import (
        FindingsOf as FindingsOf,
    )
    from pccplan.finding import (
        Severity as Severity,
    )
    from pccplan.forms import (
        BUILTIN_FORMS as BUILTIN_FORMS,
    )
    from pccplan.forms import (
        builtin_form as builtin_form,
    )
    from pccplan.forms import (
        decision_number as decision_number,
    )
    from pccplan.forms import (
        load_form as load_form,
    )
    from pccplan.forms import (
        starter_form as starter_form,
    )
    from pccplan.model.agenda import (
        Attachment as Attachment,
    )
    from pccplan.model.agenda import (
        CoverReport as CoverReport,
    )
    from pccplan.model.agenda import (
        MinutePoint as MinutePoint,
    )
    from pccplan.model.agenda import (
        MinuteStyle as MinuteStyle,
    )
    from pccplan.model.agenda import (
        PanelMinute as PanelMinute,
    )
    from pccplan.model.area import (
        AREAS as AREAS,
    )
    from pccplan.model.area import (
        BodyKind as BodyKind,
    )
    from pccplan.model.area import (
        Governance as Governance,
    )
    from pccplan.model.area import (
        Nation as Nation,
    )
    from pccplan.model.area import (
        PoliceArea as PoliceArea,
    )
    from pccplan.model.area import (
        all_areas as all_areas,
    )
    from pccplan.model.area import (
        find_area as find_area,
    )
    from pccplan.model.comments import (
        CommentGroup as CommentGroup,
    )
    from pccplan.model.comments import (
        CommentReply as CommentReply,
    )
    from pccplan.model.comments import (
        ResponseTable as ResponseTable,
    )
    from pccplan.model.decision import (
        DecisionKind as DecisionKind,
    )
    from pccplan.model.decision import (
        DecisionNotice as DecisionNotice,
    )
    from pccplan.model.document import (
        Appendix as Appendix,
    )
    from pccplan.model.document import (
        BackgroundDocument as BackgroundDocument,
    )
    from pccplan.model.document import (
        Contact as Contact,
    )
    from pccplan.model.document import (
        Exemption as Exemption,
    )
    from pccplan.model.document import (
        ExemptionParagraph as ExemptionParagraph,
    )
    from pccplan.model.document import (
        ReportParagraph as ReportParagraph,
    )
    from pccplan.model.document import (
        ReportSection as ReportSection,
    )
    from pccplan.model.form import (
        Approval as Approval,
    )
    from pccplan.model.form import (
        DocumentForm as DocumentForm,
    )
    from pccplan.model.form import (
        FormPart as FormPart,
    )
    from pccplan.model.form import (
        HouseForm as HouseForm,
    )
    from pccplan.model.form import (
        Naming as Naming,
    )
    from pccplan.model.form import (
        SignOff as SignOff,
    )
    from pccplan.model.letter import (
        Addressee as Addressee,
    )
    from pccplan.model.letter import (
        PanelLetter as PanelLetter,
    )
    from pccplan.model.panel import (
        Answer as Answer,
    )
    from pccplan.model.panel import (
        PanelRecommendations as PanelRecommendations,
    )
    from pccplan.model.panel import (
        PanelReport as PanelReport,
    )
    from pccplan.model.panel import (
        Recommendation as Recommendation,
    )
    from pccplan.model.panel import (
        RecommendationResponse as RecommendationResponse,
    )
    from pccplan.model.panel import (
        Response as Response,
    )
    from pccplan.model.panel import (
        Vote as Vote,
    )
    from pccplan.model.plan import (
        Commissioner as Commissioner,
    )
    from pccplan.model.plan import (
        Grant as Grant,
    )
    from pccplan.model.plan import (
        GrantPower as GrantPower,
    )
    from pccplan.model.plan import (
        Measure as Measure,
    )
    from pccplan.model.plan import (
        Outcome as Outcome,
    )
    from pccplan.model.plan import (
        Period as Period,
    )
    from pccplan.model.plan import (
        Plan as Plan,
    )
    from pccplan.model.plan import (
        ResourceLine as ResourceLine,
    )
    from pccplan.model.plan import (
        Resources as Resources,
    )
    from pccplan.model.plan import (
        Service as Service,
    )
    from pccplan.model.plan import (
        ServiceKind as ServiceKind,
    )
    from pccplan.model.plan import (
        Theme as Theme,
    )
    from pccplan.model.process import (
        PlanProcess as PlanProcess,
    )
    from pccplan.model.process import (
        Review as Review,
    )
    from pccplan.model.process import (
        ReviewKind as ReviewKind,
    )
    from pccplan.model.record import (
        Implication as Implication,
    )
    from pccplan.model.record import (
        ImplicationKind as ImplicationKind,
    )
    from pccplan.model.record import (
        IssuedPlan as IssuedPlan,
    )
    from pccplan.model.record import (
        OfficerAdvice as OfficerAdvice,
    )
    from pccplan.model.record import (
        PlanKind as PlanKind,
    )
    from pccplan.model.record import (
        RecordAppendix as RecordAppendix,
    )
    from pccplan.model.record import (
        RecordOfDecision as RecordOfDecision,
    )
    from pccplan.model.record import (
        RecordPart as RecordPart,
    )
    from pccplan.model.record import (
        Signatory as Signatory,
    )
    from pccplan.model.record import (
        Withholding as Withholding,
    )
    from pccplan.model.sources import (
        Confidence as Confidence,
    )
    from pccplan.read import (
        Limits as Limits,
    )
    from pccplan.read import (
        ReadResult as ReadResult,
    )
    from pccplan.read import (
        ReadWarning as ReadWarning,
    )
    from pccplan.read import (
        read_docx as read_docx,
    )
    from pccplan.render import (
        render_document as render_document,
    )
    from pccplan.render import (
        save as save,
    )
    from pccplan.render.options import (
        RenderOptions as RenderOptions,
    )
    from pccplan.statute import (
        ByElection as ByElection,
    )
    from pccplan.statute import (
        Citation as Citation,
    )
    from pccplan.statute import (
        DatedStep as DatedStep,
    )
    from pccplan.statute import (
        ElectionCalendar as ElectionCalendar,
    )
    from pccplan.statute import (
        FinancialYear as FinancialYear,
    )
    from pccplan.statute import (
        Finding as Finding,
    )
    from pccplan.statute import (
        Findings as Findings,
    )
    from pccplan.statute import (
        OrdinaryElection as OrdinaryElection,
    )
    from pccplan.statute import (
        PlanningPeriod as PlanningPeriod,
    )
    from pccplan.statute import (
        PreceptTimetable as PreceptTimetable,
    )
    from pccplan.statute import (
        QualifyingDayError as QualifyingDayError,
    )
    from pccplan.statute import (
        Term as Term,
    )
    from pccplan.statute import (
        TermKind as TermKind,
    )
    from pccplan.statute import (
        Timeline as Timeline,
    )
    from pccplan.statute import (
        WorkingCalendar as WorkingCalendar,
    )
    from pccplan.statute import (
        acceptance_by as acceptance_by,
    )
    from pccplan.statute import (
        by_election as by_election,
    )
    from pccplan.statute import (
        check_content as check_content,
    )
    from pccplan.statute import (
        check_plan as check_plan,
    )
    from pccplan.statute import (
        check_process as check_process,
    )
    from pccplan.statute import (
        check_start_day as check_start_day,
    )
    from pccplan.statute import (
        comments_by as comments_by,
    )
    from pccplan.statute import (
        default_elections as default_elections,
    )
    from pccplan.statute import (
        latest_start as latest_start,
    )
    from pccplan.statute import (
        missing_elements as missing_elements,
    )
    from pccplan.statute import (
        plan_by as plan_by,
    )
    from pccplan.statute import (
        planning_period as planning_period,
    )
    from pccplan.statute import (
        precept_timetable as precept_timetable,
    )
    from pccplan.statute import (
        publish_by as publish_by,
    )
    from pccplan.statute import (
        report_by as report_by,
    )
    from pccplan.statute import (
        require_qualifying_day as require_qualifying_day,
    )
    from pccplan.statute import (
        response_by as response_by,
    )
    from pccplan.statute import (
        rules as rules,
    )
    from pccplan.statute import (
        term_for as term_for,
    )
    from pccplan.statute import (
        timeline as timeline,
    )
    from pccplan.statute import (
        veto_threshold as veto_threshold,
    )
    from pccplan.statute import (
        working_calendar as working_calendar,
    )
    from pccplan.statute.naming import (
        check_naming as check_naming,
    )
    from pccplan.statute.panel import (
        response_due as response_due,
    )
    from pccplan.statute.plan import (
        check_qualifying_day as check_qualifying_day,
    )
    from pccplan.statute.plan import (
        plan_deadline as plan_deadline,
    )
    from pccplan.statute.polls import (
        check_poll as check_poll,
    )
    from pccplan.statute.polls import (
        require_poll as require_poll,
    )
    from pccplan.statute.terms import (
        acceptance_deadline as acceptance_deadline,
    )

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """Load a public name (or a subpackage) the first time it is asked for (PEP 562).

    Importing pccplan stays cheap: the model, the rules and the renderers build many classes
    at import time, and a script that only looks up a date need not pay for the renderers. A
    deprecated name gives the same object as before and warns, naming its replacement.
    """
    current = CURRENT.get(name)
    if current is not None:
        value = getattr(importlib.import_module(current.module), name)
        globals()[name] = value  # later look-ups find it directly, without this function
        return value
    former = DEPRECATED.get(name)
    if former is not None:  # not cached, so that every use warns
        note = f" ({former.note})" if former.note else ""
        warnings.warn(
            f"pccplan.{name} is deprecated and goes in the next release: "
            f"use pccplan.{former.replaced_by}{note}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(former.module), name)
    if name in SUBPACKAGES:
        return importlib.import_module(f"pccplan.{name}")
    raise AttributeError(f"module 'pccplan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = ["__version__", *sorted(CURRENT)]  # derived from the table (tests/test_public_api.py)


def _show_in_notebooks() -> None:
    """In IPython or Jupyter, register the HTML previews with the running shell (`notebook.enable`).

    Only when IPython is already imported (a kernel or shell runs it before the user's code), so a
    script or the command line pays nothing, and the model and rules never know about previews.
    """
    if "IPython" in sys.modules:
        from pccplan.notebook import enable

        enable()


_show_in_notebooks()
