"""What actually happened on the way to issuing a plan: the dated steps of s.5(6)-(12)."""

from __future__ import annotations

import datetime as dt

import attrs

from pccplan.model.validators import checked_fields, optional_date, optional_text
from pccplan.model.validators import instance_of as _instance

__all__ = ["PlanProcess"]


@checked_fields
@attrs.frozen(kw_only=True)
class PlanProcess:
    """The dates on which each step of issuing (or varying) a plan was taken; ``None`` = not yet.

    The order the law requires (PRSRA s.5(6)): draft prepared, chief constable consulted,
    draft sent to the Panel, Panel's report or recommendations, response given, response
    published; then the plan issued and (s.5(10)-(12)) copies sent and the plan published.
    `chief_constable_consulted` is the day consultation on the draft finished (or the day it is
    recorded). `differs_from_draft` records whether the issued plan differs from the draft, and
    `chief_constable_reconsulted` when s.5(8) consultation on the differences took place.
    `varies` is True for a variation of an existing plan rather than a new plan.
    """

    draft_prepared: dt.date | None = attrs.field(default=None, validator=optional_date)
    chief_constable_consulted: dt.date | None = attrs.field(default=None, validator=optional_date)
    draft_sent_to_panel: dt.date | None = attrs.field(default=None, validator=optional_date)
    panel_meeting: dt.date | None = attrs.field(default=None, validator=optional_date)
    panel_report: dt.date | None = attrs.field(default=None, validator=optional_date)
    panel_endorsed: bool | None = attrs.field(default=None)
    panel_report_url: str | None = attrs.field(default=None, validator=optional_text)
    response_given: dt.date | None = attrs.field(default=None, validator=optional_date)
    response_published: dt.date | None = attrs.field(default=None, validator=optional_date)
    response_url: str | None = attrs.field(default=None, validator=optional_text)
    differs_from_draft: bool | None = attrs.field(default=None)
    chief_constable_reconsulted: dt.date | None = attrs.field(default=None, validator=optional_date)
    plan_issued: dt.date | None = attrs.field(default=None, validator=optional_date)
    copies_sent: dt.date | None = attrs.field(default=None, validator=optional_date)
    plan_published: dt.date | None = attrs.field(default=None, validator=optional_date)
    varies: bool = attrs.field(default=False, validator=_instance(bool))
