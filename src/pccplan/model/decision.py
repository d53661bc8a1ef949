"""A decision notice: the public record of a Commissioner's decision, such as issuing a plan (seed 001)."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from pccplan.model.classes import shared_eq_repr
from pccplan.model.document import (
    BackgroundDocument,
    Contact,
    Exemption,
    ReportParagraph,
    paragraphs_from,
)
from pccplan.model.plan import Commissioner
from pccplan.model.validators import checked_fields, date_value, each, optional, optional_text, text, to_tuple
from pccplan.model.validators import instance_of as _instance

__all__ = ["DecisionKind", "DecisionNotice"]


class DecisionKind(enum.Enum):
    """What a decision does: the statutory paragraphs of the notice depend on it."""

    ISSUE_PLAN = "issue-plan"
    """Issue a police and crime plan (s.5(1)-(3))."""
    VARY_PLAN = "vary-plan"
    """Vary the plan in force (s.5(4))."""
    OTHER = "other"
    """Any other decision; the notice carries only the caller's text."""


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class DecisionNotice:
    """A decision record as an OPCC publishes it.

    `summary` holds the caller's own paragraphs (the local narrative: engagement, how the
    plan was shaped); for plan decisions the library adds the statutory paragraphs from the
    rules and from the plan's recorded process. `consultation` holds the caller's account of
    consulting the chief constable on the draft (s.5(6)(b)), placed after the steps the Act
    requires before issuing. `title` defaults to one computed from the
    decision kind and the plan's period ('Issuing of Police and Crime Plan 2021 - 2024').
    `declarations_of_interest` ``None`` means none declared. `further_plan` is True for a new
    plan issued under the power of s.5(3) after the plan the s.5(1) duty required was issued;
    left False, a plan issued after the PLAN-1 deadline is described as issued under the
    duty, late. `exempt` marks the notice's body
    as exempt from publication: the decision, summary, consultation, implications,
    declarations and background documents are left out of the public version, while the
    title, number, date, decision maker and contact are published (a paragraph of `summary`
    or `consultation` may instead be marked on its own).
    """

    decision: str = attrs.field(validator=text)
    date: dt.date = attrs.field(validator=date_value)
    made_by: Commissioner = attrs.field(validator=_instance(Commissioner))
    decision_kind: DecisionKind = attrs.field(
        default=DecisionKind.ISSUE_PLAN, validator=_instance(DecisionKind)
    )
    number: str | None = attrs.field(default=None, validator=optional_text)
    title: str | None = attrs.field(default=None, validator=optional_text)
    summary: tuple[ReportParagraph, ...] = attrs.field(
        default=(), converter=paragraphs_from, validator=each(ReportParagraph)
    )
    consultation: tuple[ReportParagraph, ...] = attrs.field(
        default=(), converter=paragraphs_from, validator=each(ReportParagraph)
    )
    financial_implications: str | None = attrs.field(default=None, validator=optional_text)
    legal_implications: str | None = attrs.field(default=None, validator=optional_text)
    other_implications: str | None = attrs.field(default=None, validator=optional_text)
    declarations_of_interest: str | None = attrs.field(default=None, validator=optional_text)
    background_documents: tuple[BackgroundDocument, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(BackgroundDocument)
    )
    contact: Contact | None = attrs.field(default=None, validator=optional(_instance(Contact)))
    exempt: Exemption | None = attrs.field(default=None, validator=optional(_instance(Exemption)))
    further_plan: bool = attrs.field(default=False, validator=_instance(bool))
    redline: str | None = attrs.field(default=None, validator=optional_text)
    """The file of tracked changes from the draft to the plan as issued (as ``pccplan compare``
    writes it, e.g. 'plan-changes.docx'): the notice cites it as the record of consulting the
    chief constable on the differences (PLAN-6, s.5(8); s.6(8) in London). ``None``: none cited."""
