"""What actually happened on the way to issuing a plan: the dated steps of s.5(6)-(12)."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from pccplan.model.classes import shared_eq_repr
from pccplan.model.validators import (
    checked_fields,
    date_value,
    each,
    optional,
    optional_date,
    optional_text,
    to_tuple,
)
from pccplan.model.validators import instance_of as _instance

__all__ = ["PlanProcess", "Review", "ReviewKind"]


class ReviewKind(enum.Enum):
    """Who looked at the draft: the Panel at a meeting, or a smaller group before or beside it."""

    PANEL_MEETING = "panel-meeting"
    """A meeting of the Panel (or, in London, the Assembly's Police and Crime Committee)."""
    WORKING_GROUP = "working-group"
    """A working group of the Panel's members."""
    REFERENCE_GROUP = "reference-group"
    """A reference group (partners or the public) consulted on the draft."""
    OTHER = "other"
    """Any other recorded review, such as an informal meeting with members; `body` names it."""

    @property
    def label(self) -> str:
        """How a document names the body that reviewed: 'the Panel', 'a working group of the Panel'."""
        return {
            "panel-meeting": "the Panel",
            "working-group": "a working group of the Panel",
            "reference-group": "a reference group",
            "other": "an informal review",
        }[self.value]


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Review:
    """One recorded review of the draft: who, on what day, and what it recorded.

    `body` names the group as the record does ('PCP working group'); `outcome` is the
    record's own words on the result (e.g. 'asked for a final draft in February'), never
    supplied by the library; `endorsed` whether it endorsed the draft (``None``: not
    recorded); `presented` whether the record says the commissioner presented the draft at
    this meeting (a document otherwise says only that the body considered it). Documents say
    only what is given here.
    """

    kind: ReviewKind = attrs.field(validator=_instance(ReviewKind))
    date: dt.date = attrs.field(validator=date_value)
    body: str | None = attrs.field(default=None, validator=optional_text)
    outcome: str | None = attrs.field(default=None, validator=optional_text)
    endorsed: bool | None = attrs.field(default=None, validator=optional(_instance(bool)))
    presented: bool = attrs.field(default=False, validator=_instance(bool))


def _by_date(value: object) -> object:
    """The reviews in date order (anything else is left for the validator to refuse)."""
    value = to_tuple(value)
    if isinstance(value, tuple) and all(isinstance(r, Review) for r in value):
        return tuple(sorted(value, key=lambda r: r.date))
    return value


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class PlanProcess:
    """The dates on which each step of issuing (or varying) a plan was taken; ``None`` = not yet.

    The order the law requires (PRSRA s.5(6)): draft prepared, chief constable consulted,
    draft sent to the Panel, Panel's report or recommendations, response given, response
    published; then the plan issued and (s.5(10)-(12)) copies sent and the plan published.
    `chief_constable_consulted` is the day consultation on the draft finished (or the day it is
    recorded). `differs_from_draft` records whether the issued plan differs from the draft, and
    `chief_constable_reconsulted` when s.5(8) consultation on the differences took place.
    `varies` is True for a variation of an existing plan rather than a new plan.

    `reviews` are every recorded review of the draft, in date order: any number of Panel
    meetings, working groups and reference groups. The older single-meeting fields still
    load: `panel_meeting` (with `panel_endorsed`) given alone becomes one Panel-meeting
    review; once reviews are given, `panel_meeting` is the last Panel meeting among them (the
    one the Panel's report follows) and `panel_endorsed` what that meeting recorded, so the
    process checker and the documents read the same record. `panel_report` is set only when a
    report (or letter) of the Panel is recorded: no document says the Panel reported otherwise.
    `response_on_office_website` is True when the record says the response at `response_url` is
    on the office's own website; otherwise a document says only that it is published at the link.
    """

    draft_prepared: dt.date | None = attrs.field(default=None, validator=optional_date)
    chief_constable_consulted: dt.date | None = attrs.field(default=None, validator=optional_date)
    draft_sent_to_panel: dt.date | None = attrs.field(default=None, validator=optional_date)
    reviews: tuple[Review, ...] = attrs.field(default=(), converter=_by_date, validator=each(Review))
    panel_meeting: dt.date | None = attrs.field(default=None, validator=optional_date)
    panel_report: dt.date | None = attrs.field(default=None, validator=optional_date)
    panel_endorsed: bool | None = attrs.field(default=None)
    panel_report_url: str | None = attrs.field(default=None, validator=optional_text)
    response_given: dt.date | None = attrs.field(default=None, validator=optional_date)
    response_published: dt.date | None = attrs.field(default=None, validator=optional_date)
    response_url: str | None = attrs.field(default=None, validator=optional_text)
    response_on_office_website: bool = attrs.field(default=False, validator=_instance(bool))
    differs_from_draft: bool | None = attrs.field(default=None)
    chief_constable_reconsulted: dt.date | None = attrs.field(default=None, validator=optional_date)
    plan_issued: dt.date | None = attrs.field(default=None, validator=optional_date)
    copies_sent: dt.date | None = attrs.field(default=None, validator=optional_date)
    plan_published: dt.date | None = attrs.field(default=None, validator=optional_date)
    varies: bool = attrs.field(default=False, validator=_instance(bool))

    def __attrs_post_init__(self) -> None:
        # One record: the single-meeting fields and the reviews are two views of it. Frozen
        # classes may set their own fields while they are being built (attrs' documented idiom).
        meetings = [r for r in self.reviews if r.kind is ReviewKind.PANEL_MEETING]
        if self.panel_meeting is not None and not any(r.date == self.panel_meeting for r in meetings):
            legacy = Review(
                kind=ReviewKind.PANEL_MEETING, date=self.panel_meeting, endorsed=self.panel_endorsed
            )
            object.__setattr__(self, "reviews", _by_date((*self.reviews, legacy)))
            meetings = [r for r in self.reviews if r.kind is ReviewKind.PANEL_MEETING]
        if meetings:
            last = meetings[-1]
            object.__setattr__(self, "panel_meeting", last.date)
            if self.panel_endorsed is None or last.endorsed is not None:
                object.__setattr__(self, "panel_endorsed", last.endorsed)

    @property
    def panel_meetings(self) -> tuple[Review, ...]:
        """The Panel's meetings on the draft, in date order."""
        return tuple(r for r in self.reviews if r.kind is ReviewKind.PANEL_MEETING)
