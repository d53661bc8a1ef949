"""A Panel's own papers on the agenda item for a draft plan: the clerk's cover report and the minute.

The cover report is the Panel's report introducing the Commissioner's draft (as distinct from
the office's report to the Panel); the minute records the item: the points members raised,
the Commissioner's replies and what the Panel resolved. Discussion points are points, not
recommendations: a minute's points are never counted or called recommendations.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from pccplan.errors import ValidationError
from pccplan.model.classes import shared_eq_repr
from pccplan.model.document import Contact, ReportParagraph, appendix_file, paragraphs_from
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
from pccplan.model.validators import instance_of as _instance

__all__ = ["Attachment", "CoverReport", "MinutePoint", "MinuteStyle", "PanelMinute"]


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Attachment:
    """A paper attached to an agenda item ('Appendix A: the draft plan'): label, title, file or page.

    `file` names a .docx, attached to the cover report on a page of its own, or a .pdf, listed
    as a separate file: a relative path, taken from the plan file's folder (`appendix_file`).
    """

    label: str = attrs.field(validator=text)
    title: str = attrs.field(validator=text)
    file: str | None = attrs.field(default=None, validator=appendix_file)
    url: str | None = attrs.field(default=None, validator=optional(url))


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class CoverReport:
    """The Panel clerk's cover report on the agenda item for the Commissioner's draft plan.

    `panel` is the Panel's name; `meeting` the meeting's date; `item` the agenda item's number.
    `plan_title` names the draft ('Police and Crime Plan 2025-2029'). `received` is the day
    the draft was given to the Panel, when recorded. `background` holds the clerk's own
    paragraphs; `recommendation` replaces the recommendation the library writes from s.28(3).
    `contact` is the contact officer (the clerk). `variation` says the draft varies a plan.
    """

    panel: str = attrs.field(validator=text)
    meeting: dt.date = attrs.field(validator=date_value)
    plan_title: str = attrs.field(validator=text)
    contact: Contact = attrs.field(validator=_instance(Contact))
    item: str | None = attrs.field(default=None, validator=optional_text)
    title: str | None = attrs.field(default=None, validator=optional_text)
    received: dt.date | None = attrs.field(default=None, validator=optional_date)
    background: tuple[ReportParagraph, ...] = attrs.field(
        default=(), converter=paragraphs_from, validator=each(ReportParagraph)
    )
    recommendation: str | None = attrs.field(default=None, validator=optional_text)
    next_steps: tuple[ReportParagraph, ...] = attrs.field(
        default=(), converter=paragraphs_from, validator=each(ReportParagraph)
    )
    attachments: tuple[Attachment, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(Attachment)
    )
    variation: bool = attrs.field(default=False, validator=_instance(bool))

    def __attrs_post_init__(self) -> None:
        check_unique(self.attachments, lambda a: a.label, "attachments", "label", "CoverReport")
        if self.received is not None and self.received > self.meeting:
            raise ValidationError.one(
                "received",
                f"is after the meeting ({self.meeting.isoformat()}): the Panel reviews a draft it has",
                self.received,
                "CoverReport",
            )


class MinuteStyle(enum.Enum):
    """How a minute numbers its points: a), b) (Dyfed-Powys); (i), (ii) (Leicestershire); 1., 2.; bullets."""

    LETTERS = "letters"
    ROMAN = "roman"
    NUMBERS = "numbers"
    BULLETS = "bullets"


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class MinutePoint:
    """A point raised on the item and, where the minute records one, the reply.

    `raised_by` names the member (``None``: the minute does not say); `reply` the reply as
    minuted and `replied_by` who gave it ('the Commissioner'); a point with no reply recorded
    is minuted without one.
    """

    point: str = attrs.field(validator=text)
    raised_by: str | None = attrs.field(default=None, validator=optional_text)
    reply: str | None = attrs.field(default=None, validator=optional_text)
    replied_by: str | None = attrs.field(default=None, validator=optional_text)

    def __attrs_post_init__(self) -> None:
        if self.replied_by is not None and self.reply is None:
            raise ValidationError.one(
                "replied_by", "names who replied, but no reply is recorded", self.replied_by, "MinutePoint"
            )


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class PanelMinute:
    """The Panel's minute of the agenda item on the draft plan.

    `number` is the minute's number ('12'); `item_title` the item's title as minuted.
    `review` says the item was the Panel's review of the draft under s.28(3) (``False``: an
    earlier look at an early draft, or an update, for which no review is claimed).
    `introduction` holds the minute's opening (who presented what); `points` the points
    raised, with replies; `resolved` what the Panel resolved, each as minuted (at least one).
    """

    panel: str = attrs.field(validator=text)
    meeting: dt.date = attrs.field(validator=date_value)
    item_title: str = attrs.field(validator=text)
    plan_title: str = attrs.field(validator=text)
    resolved: tuple[str, ...] = attrs.field(converter=to_tuple, validator=each(str, text))
    number: str | None = attrs.field(default=None, validator=optional_text)
    review: bool = attrs.field(default=True, validator=_instance(bool))
    introduction: tuple[ReportParagraph, ...] = attrs.field(
        default=(), converter=paragraphs_from, validator=each(ReportParagraph)
    )
    points: tuple[MinutePoint, ...] = attrs.field(default=(), converter=to_tuple, validator=each(MinutePoint))
    style: MinuteStyle = attrs.field(default=MinuteStyle.LETTERS, validator=_instance(MinuteStyle))
    url: str | None = attrs.field(default=None, validator=optional(url))

    @resolved.validator
    def _check_resolved(self, attribute: attrs.Attribute[object], value: tuple[str, ...]) -> None:
        if not value:
            raise ValidationError.one(
                "resolved", "a minute records what the Panel resolved (at least one)", value, "PanelMinute"
            )
