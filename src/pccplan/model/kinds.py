"""The one table of the documents pccplan writes, and from it the kinds of file it reads.

Each row names a document (``pccplan render --document NAME``), the composer that writes it, the
model class of its own content (a file whose ``kind:`` is the document's name), the other files
it may use, what it is and the sections it follows. The command line, the plan files
(`FILE_KINDS`, which `pccplan.files` reads), the starter files of ``pccplan new`` and the table in
docs/documents.md are all derived from `DOCUMENTS`, so a new document is one new row.

The table is in the model layer, not beside the composers, because plan files (below the
composers) must read it; so a row names its composer by its dotted name, which
`pccplan.compose.documents` resolves and calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from pccplan.model.agenda import CoverReport, PanelMinute
from pccplan.model.comments import ResponseTable
from pccplan.model.decision import DecisionNotice
from pccplan.model.form import HouseForm
from pccplan.model.letter import PanelLetter
from pccplan.model.panel import PanelRecommendations, PanelReport, Response
from pccplan.model.plan import Plan
from pccplan.model.record import RecordOfDecision

__all__ = ["DOCUMENTS", "FILE_KINDS", "DocumentKind", "document_kind", "panel_named"]


@attrs.frozen(kw_only=True)
class DocumentKind:
    """One document pccplan writes: its `name`, its `composer`, its own content and what it is.

    `composer` is the dotted name of the public composer under `pccplan.compose`
    ('panel_letter.panel_letter'). `content` is the model class of the document's own content,
    held in a file whose ``kind:`` is `name`; ``None`` for a document written from the plan
    alone (the plan itself, the timetable). `uses` are the kinds of other file it may take
    ('house-form', 'response'). `description` says what it is, to follow 'writes'; `law` the
    sections of the Police Reform and Social Responsibility Act 2011 (or rules) it follows.
    """

    name: str
    composer: str
    content: type | None
    description: str
    law: str
    uses: tuple[str, ...] = ()

    @property
    def composer_path(self) -> str:
        """The composer's full dotted name: 'pccplan.compose.panel_letter.panel_letter'."""
        return f"pccplan.compose.{self.composer}"

    @property
    def needs(self) -> tuple[str, ...]:
        """The kinds of file the document cannot be written without, beside the plan: its content's."""
        return (self.name,) if self.content is not None else ()


DOCUMENTS: tuple[DocumentKind, ...] = (
    DocumentKind(
        name="panel-report",
        composer="panel_report.panel_report_document",
        content=PanelReport,
        description="the report to the Panel on the draft plan",
        law="s.5(6)(c), s.28(3)",
        uses=("house-form",),
    ),
    DocumentKind(
        name="decision-notice",
        composer="decision_notice.decision_notice_document",
        content=DecisionNotice,
        description="the decision notice issuing or varying the plan",
        law="s.5(1)-(12)",
        uses=("response", "house-form"),
    ),
    DocumentKind(
        name="panel-recommendations",
        composer="panel_recommendations.panel_recommendations_document",
        content=PanelRecommendations,
        description="the Panel's report or recommendations on the draft",
        law="s.28(3), s.28(7), s.29(3)",
    ),
    DocumentKind(
        name="response",
        composer="response.response_document",
        content=Response,
        description="the Commissioner's response to the Panel",
        law="s.5(6)(d)-(f)",
    ),
    DocumentKind(
        name="panel-letter",
        composer="panel_letter.panel_letter_document",
        content=PanelLetter,
        description="the Panel's report on the draft, as a letter from its Chair",
        law="s.28(3), s.5(6)(d)-(f), s.29(3)",
        uses=("house-form",),
    ),
    DocumentKind(
        name="response-table",
        composer="response_table.response_table_document",
        content=ResponseTable,
        description="the Commissioner's response, comment by comment in a two-column table",
        law="s.5(6)(d)-(f)",
        uses=("house-form",),
    ),
    DocumentKind(
        name="record-of-decision",
        composer="record_of_decision.record_of_decision_document",
        content=RecordOfDecision,
        description="the full record of decision, with its approval block",
        law="s.5(1)-(12); Schedule 12A; FOIA 2000",
        uses=("house-form",),
    ),
    DocumentKind(
        name="cover-report",
        composer="cover_report.cover_report_document",
        content=CoverReport,
        description="the Panel clerk's cover report on the draft plan's agenda item",
        law="s.5(6)(c)-(f), s.28(3)",
        uses=("house-form",),
    ),
    DocumentKind(
        name="panel-minute",
        composer="panel_minute.panel_minute_document",
        content=PanelMinute,
        description="the Panel's minute of the draft plan's agenda item",
        law="s.28(3)",
        uses=("house-form",),
    ),
    DocumentKind(
        name="plan",
        composer="plan_document.plan_document",
        content=None,
        description="the plan itself",
        law="s.7(1)",
    ),
    DocumentKind(
        name="timetable",
        composer="timetable.timetable_document",
        content=None,
        description="the statutory timetable of the term",
        law="TERM-1 to PLAN-9, PREC, AR",
    ),
)
"""The documents pccplan writes, in the order the command line and the docs list them."""

FILE_KINDS: Mapping[str, type] = MappingProxyType(
    {
        "plan": Plan,
        **{d.name: d.content for d in DOCUMENTS if d.content is not None},
        "house-form": HouseForm,
    }
)
"""The kinds of object a file can hold, by the value of its ``kind`` key: the plan, each
document's own content (from `DOCUMENTS`) and a house form."""


def document_kind(name: str) -> DocumentKind:
    """The row of `DOCUMENTS` named `name`; raises `KeyError` naming the documents there are."""
    for kind in DOCUMENTS:
        if kind.name == name:
            return kind
    raise KeyError(f"no document {name!r}; there are {', '.join(d.name for d in DOCUMENTS)}")


def panel_named(content: object) -> str | None:
    """The scrutiny body a document's content names: its `panel`, or that of the report it answers.

    A response names the Panel of the report it answers (its `to`); ``None`` when the content
    names none (a record of decision, or a report to the Panel that leaves it to the area).
    """
    panel = getattr(content, "panel", None)
    if panel is None:
        panel = getattr(getattr(content, "to", None), "panel", None)
    return panel if isinstance(panel, str) else None
