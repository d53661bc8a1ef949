"""The Panel's report on a draft plan written as a letter to the Commissioner (s.28(3)).

Many Panels report in a letter from their Chair: addressee, date, salutation, a subject line,
the Panel's views in prose (comments, concerns, requests) and, only where the Panel made them,
formal recommendations, then the Chair's sign-off.
"""

from __future__ import annotations

import datetime as dt

import attrs

from pccplan.errors import ValidationError
from pccplan.model.classes import shared_eq_repr
from pccplan.model.document import ReportParagraph, paragraphs_from
from pccplan.model.panel import Recommendation
from pccplan.model.validators import (
    check_unique,
    checked_fields,
    date_value,
    each,
    optional,
    optional_date,
    optional_text,
    text,
    to_tuple,
    url,
)

__all__ = ["Addressee", "PanelLetter"]


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Addressee:
    """Whom the letter is to: a name as written on the letter ('Mr B Adams') and the address lines."""

    name: str = attrs.field(validator=text)
    lines: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=each(str, text))


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class PanelLetter:
    """A Panel's letter reporting its views on a draft plan or variation (s.28(3)).

    `meeting` is the meeting at which the Panel reviewed the draft and `date` the letter's
    date (not before it). `views` are the Panel's points in the Panel's words; `recommendations`
    only those the Panel made as formal recommendations (often none: then none is counted or
    claimed). `salutation` defaults to 'Dear' and the addressee's name; `subject` to the
    Panel, the meeting and the plan. `chair` signs the letter. `response_due` is a day the
    Panel set for a written response (s.29(3)); `minutes_url` where the minutes are.
    """

    panel: str = attrs.field(validator=text)
    meeting: dt.date = attrs.field(validator=date_value)
    date: dt.date = attrs.field(validator=date_value)
    plan_title: str = attrs.field(validator=text)
    addressee: Addressee = attrs.field(validator=attrs.validators.instance_of(Addressee))
    chair: str = attrs.field(validator=text)
    views: tuple[ReportParagraph, ...] = attrs.field(
        default=(), converter=paragraphs_from, validator=each(ReportParagraph)
    )
    recommendations: tuple[Recommendation, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(Recommendation)
    )
    salutation: str | None = attrs.field(default=None, validator=optional_text)
    subject: str | None = attrs.field(default=None, validator=optional_text)
    reference: str | None = attrs.field(default=None, validator=optional_text)
    sender: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=each(str, text))
    """Lines of the Panel's own address block at the head of the letter (``()``: none)."""
    response_due: dt.date | None = attrs.field(default=None, validator=optional_date)
    minutes_url: str | None = attrs.field(default=None, validator=optional(url))
    variation: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if self.date < self.meeting:
            raise ValidationError.one(
                "date", f"is before the meeting ({self.meeting.isoformat()})", self.date, "PanelLetter"
            )
        if self.response_due is not None and self.response_due < self.date:
            raise ValidationError.one(
                "response_due",
                f"is before the letter's date ({self.date.isoformat()})",
                self.response_due,
                "PanelLetter",
            )
        check_unique(self.recommendations, lambda r: r.ref, "recommendations", "ref", "PanelLetter")
