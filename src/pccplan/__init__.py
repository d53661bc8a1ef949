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
from typing import TYPE_CHECKING

from pccplan._names import CURRENT, DEPRECATED, SUBPACKAGES

# Type checkers see these imports (run time loads each name on first use, below); `X as X`
# re-exports a name to strict checkers. One statement per module: isort would split them.
# They are the names of `_names.NAMES`, from the same modules (tests/test_public_api.py).
# isort: off
if TYPE_CHECKING:
    from pccplan.a11y import (
        A11yFinding as A11yFinding,
        A11yFindings as A11yFindings,
        check_accessibility as check_accessibility,
    )
    from pccplan.compose.compare import (
        Comparison as Comparison,
        compare_trees as compare_trees,
    )
    from pccplan.compose.cover_report import (
        cover_report as cover_report,
        cover_report_document as cover_report_document,
    )
    from pccplan.compose.decision_notice import (
        decision_notice as decision_notice,
        decision_notice_document as decision_notice_document,
        decision_title as decision_title,
    )
    from pccplan.compose.house import (
        apply_form as apply_form,
    )
    from pccplan.compose.panel_letter import (
        panel_letter as panel_letter,
        panel_letter_document as panel_letter_document,
    )
    from pccplan.compose.panel_minute import (
        panel_minute as panel_minute,
        panel_minute_document as panel_minute_document,
    )
    from pccplan.compose.panel_recommendations import (
        panel_recommendations_document as panel_recommendations_document,
    )
    from pccplan.compose.panel_report import (
        panel_report as panel_report,
        panel_report_document as panel_report_document,
        term_of as term_of,
    )
    from pccplan.compose.plan_document import (
        plan_document as plan_document,
    )
    from pccplan.compose.record_of_decision import (
        record_of_decision as record_of_decision,
        record_of_decision_document as record_of_decision_document,
    )
    from pccplan.compose.response import (
        response_document as response_document,
    )
    from pccplan.compose.response_table import (
        response_table as response_table,
        response_table_document as response_table_document,
    )
    from pccplan.compose.timetable import (
        timetable_document as timetable_document,
        timetable_table as timetable_table,
    )
    from pccplan.compose.tree import (
        Document as Document,
    )
    from pccplan.errors import (
        DocumentReadError as DocumentReadError,
        MissingProgramError as MissingProgramError,
        PccplanError as PccplanError,
        PlanFileError as PlanFileError,
        Problem as Problem,
        RenderError as RenderError,
        StatuteError as StatuteError,
        UnknownAreaError as UnknownAreaError,
        UnknownFieldError as UnknownFieldError,
        ValidationError as ValidationError,
    )
    from pccplan.examples import (
        example_panel_report as example_panel_report,
        example_plan as example_plan,
        example_report_inputs as example_report_inputs,
    )
    from pccplan.files import (
        dump as dump,
        dumps as dumps,
        load as load,
        loads as loads,
    )
    from pccplan.finding import (
        FindingLike as FindingLike,
        FindingsOf as FindingsOf,
        Severity as Severity,
    )
    from pccplan.forms import (
        BUILTIN_FORMS as BUILTIN_FORMS,
        builtin_form as builtin_form,
        decision_number as decision_number,
        load_form as load_form,
        starter_form as starter_form,
    )
    from pccplan.model.agenda import (
        Attachment as Attachment,
        CoverReport as CoverReport,
        MinutePoint as MinutePoint,
        MinuteStyle as MinuteStyle,
        PanelMinute as PanelMinute,
    )
    from pccplan.model.area import (
        AREAS as AREAS,
        BodyKind as BodyKind,
        Governance as Governance,
        Nation as Nation,
        PoliceArea as PoliceArea,
        all_areas as all_areas,
        find_area as find_area,
    )
    from pccplan.model.comments import (
        CommentGroup as CommentGroup,
        CommentReply as CommentReply,
        ResponseTable as ResponseTable,
    )
    from pccplan.model.decision import (
        DecisionKind as DecisionKind,
        DecisionNotice as DecisionNotice,
    )
    from pccplan.model.document import (
        Appendix as Appendix,
        BackgroundDocument as BackgroundDocument,
        Contact as Contact,
        Exemption as Exemption,
        ExemptionParagraph as ExemptionParagraph,
        ReportParagraph as ReportParagraph,
        ReportSection as ReportSection,
    )
    from pccplan.model.form import (
        Approval as Approval,
        DocumentForm as DocumentForm,
        FormPart as FormPart,
        HouseForm as HouseForm,
        KeyLabels as KeyLabels,
        Logo as Logo,
        MoneyStyle as MoneyStyle,
        Naming as Naming,
        SignOff as SignOff,
    )
    from pccplan.model.letter import (
        Addressee as Addressee,
        PanelLetter as PanelLetter,
    )
    from pccplan.model.panel import (
        Answer as Answer,
        PanelRecommendations as PanelRecommendations,
        PanelReport as PanelReport,
        Recommendation as Recommendation,
        RecommendationResponse as RecommendationResponse,
        Response as Response,
        Vote as Vote,
    )
    from pccplan.model.plan import (
        Commissioner as Commissioner,
        Grant as Grant,
        GrantPower as GrantPower,
        Measure as Measure,
        Outcome as Outcome,
        Period as Period,
        Plan as Plan,
        ResourceLine as ResourceLine,
        Resources as Resources,
        Service as Service,
        ServiceKind as ServiceKind,
        Theme as Theme,
    )
    from pccplan.model.process import (
        PlanProcess as PlanProcess,
        Review as Review,
        ReviewKind as ReviewKind,
    )
    from pccplan.model.record import (
        Implication as Implication,
        ImplicationKind as ImplicationKind,
        IssuedPlan as IssuedPlan,
        OfficerAdvice as OfficerAdvice,
        PlanKind as PlanKind,
        RecordAppendix as RecordAppendix,
        RecordOfDecision as RecordOfDecision,
        RecordPart as RecordPart,
        Signatory as Signatory,
        Withholding as Withholding,
    )
    from pccplan.model.sources import (
        Confidence as Confidence,
    )
    from pccplan.read import (
        Annotation as Annotation,
        Limits as Limits,
        ReadResult as ReadResult,
        ReadWarning as ReadWarning,
        TrackedChange as TrackedChange,
        read_docx as read_docx,
    )
    from pccplan.render import (
        render_document as render_document,
        save as save,
    )
    from pccplan.render.docx.redline import (
        compare as compare,
    )
    from pccplan.render.options import (
        AttachedDocument as AttachedDocument,
        RenderOptions as RenderOptions,
    )
    from pccplan.statute import (
        ByElection as ByElection,
        Citation as Citation,
        DatedStep as DatedStep,
        ElectionCalendar as ElectionCalendar,
        FinancialYear as FinancialYear,
        Finding as Finding,
        Findings as Findings,
        OrdinaryElection as OrdinaryElection,
        PlanningPeriod as PlanningPeriod,
        PreceptTimetable as PreceptTimetable,
        QualifyingDayError as QualifyingDayError,
        Term as Term,
        TermKind as TermKind,
        Timeline as Timeline,
        WorkingCalendar as WorkingCalendar,
        acceptance_by as acceptance_by,
        by_election as by_election,
        check_content as check_content,
        check_plan as check_plan,
        check_process as check_process,
        check_start_day as check_start_day,
        comments_by as comments_by,
        default_elections as default_elections,
        latest_start as latest_start,
        missing_elements as missing_elements,
        plan_by as plan_by,
        planning_period as planning_period,
        precept_timetable as precept_timetable,
        publish_by as publish_by,
        report_by as report_by,
        require_qualifying_day as require_qualifying_day,
        response_by as response_by,
        rules as rules,
        term_for as term_for,
        timeline as timeline,
        veto_threshold as veto_threshold,
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
        plan_deadline as plan_deadline,
    )
    from pccplan.statute.polls import (
        check_poll as check_poll,
        require_poll as require_poll,
    )
    from pccplan.statute.terms import (
        acceptance_deadline as acceptance_deadline,
    )
# isort: on

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
        # The module keeps the name too, and would warn naming itself: take its object silently.
        from pccplan import _deprecate  # here: `pccplan --help` loads only the names table

        _deprecate.warn(f"pccplan.{name}", f"pccplan.{former.replaced_by}", former.note, stacklevel=2)
        return _deprecate.former(former.module, name).value
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
