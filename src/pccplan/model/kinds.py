"""The one table of the documents pccplan writes, and from it the kinds of file it reads.

Each row names a document (``pccplan render --document NAME``), the composer that writes it, the
model class of its own content (a file whose ``kind:`` is the document's name), the other files
it may use, what it is and the sections it follows. The command line, the plan files
(`FILE_KINDS`, which `pccplan.files` reads), the starter files of ``pccplan new`` and the table in
docs/documents.md are all derived from `DOCUMENTS`, so a new document is one new row.

The table is in the model layer, not beside the composers, because plan files (below the
composers) must read it; so a row names its composer by its dotted name, which
`pccplan.compose.documents` resolves and calls. A row names its content's model class by its
dotted name too, imported the first time it is asked for: a command that writes one document
loads the classes of that document only, not of all eleven.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

import attrs

from pccplan.model.classes import shared_eq_repr

__all__ = ["DOCUMENTS", "FILE_KINDS", "DocumentKind", "document_kind", "panel_named"]


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
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
    model: str | None
    description: str
    law: str
    uses: tuple[str, ...] = ()

    @property
    def content(self) -> type | None:
        """The model class of the document's own content (`model`, imported), or ``None``."""
        return None if self.model is None else _model_class(self.model)

    @property
    def composer_path(self) -> str:
        """The composer's full dotted name: 'pccplan.compose.panel_letter.panel_letter'."""
        return f"pccplan.compose.{self.composer}"

    @property
    def needs(self) -> tuple[str, ...]:
        """The kinds of file the document cannot be written without, beside the plan: its content's."""
        return (self.name,) if self.model is not None else ()


DOCUMENTS: tuple[DocumentKind, ...] = (
    DocumentKind(
        name="panel-report",
        composer="panel_report.panel_report_document",
        model="panel.PanelReport",
        description="the report to the Panel on the draft plan",
        law="s.5(6)(c), s.28(3)",
        uses=("house-form",),
    ),
    DocumentKind(
        name="decision-notice",
        composer="decision_notice.decision_notice_document",
        model="decision.DecisionNotice",
        description="the decision notice issuing or varying the plan",
        law="s.5(1)-(12)",
        uses=("response", "house-form"),
    ),
    DocumentKind(
        name="panel-recommendations",
        composer="panel_recommendations.panel_recommendations_document",
        model="panel.PanelRecommendations",
        description="the Panel's report or recommendations on the draft",
        law="s.28(3), s.28(7), s.29(3)",
    ),
    DocumentKind(
        name="response",
        composer="response.response_document",
        model="panel.Response",
        description="the Commissioner's response to the Panel",
        law="s.5(6)(d)-(f)",
    ),
    DocumentKind(
        name="panel-letter",
        composer="panel_letter.panel_letter_document",
        model="letter.PanelLetter",
        description="the Panel's report on the draft, as a letter from its Chair",
        law="s.28(3), s.5(6)(d)-(f), s.29(3)",
        uses=("house-form",),
    ),
    DocumentKind(
        name="response-table",
        composer="response_table.response_table_document",
        model="comments.ResponseTable",
        description="the Commissioner's response, comment by comment in a two-column table",
        law="s.5(6)(d)-(f)",
        uses=("house-form",),
    ),
    DocumentKind(
        name="record-of-decision",
        composer="record_of_decision.record_of_decision_document",
        model="record.RecordOfDecision",
        description="the full record of decision, with its approval block",
        law="s.5(1)-(12); Schedule 12A; FOIA 2000",
        uses=("house-form",),
    ),
    DocumentKind(
        name="cover-report",
        composer="cover_report.cover_report_document",
        model="agenda.CoverReport",
        description="the Panel clerk's cover report on the draft plan's agenda item",
        law="s.5(6)(c)-(f), s.28(3)",
        uses=("house-form",),
    ),
    DocumentKind(
        name="panel-minute",
        composer="panel_minute.panel_minute_document",
        model="agenda.PanelMinute",
        description="the Panel's minute of the draft plan's agenda item",
        law="s.28(3)",
        uses=("house-form",),
    ),
    DocumentKind(
        name="plan",
        composer="plan_document.plan_document",
        model=None,
        description="the plan itself",
        law="s.7(1)",
    ),
    DocumentKind(
        name="timetable",
        composer="timetable.timetable_document",
        model=None,
        description="the statutory timetable of the term",
        law="TERM-1 to PLAN-9, PREC, AR",
    ),
)
"""The documents pccplan writes, in the order the command line and the docs list them."""


def _model_class(path: str) -> type:
    """The class at `path` under `pccplan.model` ('panel.PanelReport'), imported on first use."""
    module, _, name = path.rpartition(".")
    found: type = getattr(importlib.import_module(f"pccplan.model.{module}"), name)
    return found


class _FileKinds(Mapping[str, type]):
    """The kinds of file by ``kind`` key, each class imported only when it is looked up."""

    def __init__(self, paths: Mapping[str, str]) -> None:
        self._paths = dict(paths)

    def __getitem__(self, kind: str) -> type:
        return _model_class(self._paths[kind])

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __contains__(self, kind: object) -> bool:
        return kind in self._paths

    def kind_of(self, cls: type) -> str | None:
        """The kind whose class is `cls`, found by its dotted name (importing no other class)."""
        for kind, path in self._paths.items():
            module, _, name = path.rpartition(".")
            if cls.__module__ == f"pccplan.model.{module}" and cls.__qualname__ == name and self[kind] is cls:
                return kind
        return None


FILE_KINDS = _FileKinds(
    {
        "plan": "plan.Plan",
        **{d.name: d.model for d in DOCUMENTS if d.model is not None},
        "house-form": "form.HouseForm",
    }
)
"""The kinds of object a file can hold, by the value of its ``kind`` key: the plan, each
document's own content (from `DOCUMENTS`) and a house form. A read-only mapping whose classes
are imported when they are looked up."""


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
