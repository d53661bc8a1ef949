"""The Commissioner's response set out as a two-column table: each Panel comment beside its reply.

Panels often make comments, suggestions and requests rather than numbered recommendations;
the reply then answers in prose. A formal verdict (`Answer`) is kept only where one is given,
and no count of recommendations is ever implied.
"""

from __future__ import annotations

import datetime as dt

import attrs

from pccplan.errors import ValidationError
from pccplan.model.classes import shared_eq_repr
from pccplan.model.panel import Answer
from pccplan.model.plan import Commissioner
from pccplan.model.validators import (
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

__all__ = ["CommentGroup", "CommentReply", "ResponseTable"]


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class CommentReply:
    """One row: the Panel's comment (its words) and the reply in prose.

    `answer` is a formal verdict, given only when the Panel made a formal recommendation and
    the office answers it as one (``None``: prose only, no verdict). `reply` ``None`` says the
    comment is not yet answered: the table marks a placeholder in its place, never text.
    """

    comment: str = attrs.field(validator=text)
    reply: str | None = attrs.field(default=None, validator=optional_text)
    answer: Answer | None = attrs.field(default=None, validator=optional(_instance(Answer)))


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class CommentGroup:
    """Rows under one heading ('Objectives'); `heading` ``None`` is a group without one."""

    heading: str | None = attrs.field(default=None, validator=optional_text)
    rows: tuple[CommentReply, ...] = attrs.field(converter=to_tuple, validator=each(CommentReply))

    @rows.validator
    def _check_rows(self, attribute: attrs.Attribute[object], value: tuple[CommentReply, ...]) -> None:
        if not value:
            raise ValidationError.one("rows", "a group needs at least one comment", value, "CommentGroup")


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ResponseTable:
    """The Commissioner's response to the Panel's report, comment by comment (s.5(6)(e)-(f)).

    `meeting` is the Panel's meeting on the draft, `given` the day the response was given to
    the Panel, `published` and `url` when and where it was published. `report` is the
    Panel's report as the office names it ('Report on the Draft Police and Crime Plan').
    `on_office_website` is True when the record says the response at `url` is on the office's
    own website; otherwise the document says only that it is published at the link.
    """

    commissioner: Commissioner = attrs.field(validator=_instance(Commissioner))
    panel: str = attrs.field(validator=text)
    meeting: dt.date = attrs.field(validator=date_value)
    plan_title: str = attrs.field(validator=text)
    given: dt.date = attrs.field(validator=date_value)
    groups: tuple[CommentGroup, ...] = attrs.field(converter=to_tuple, validator=each(CommentGroup))
    title: str | None = attrs.field(default=None, validator=optional_text)
    introduction: str | None = attrs.field(default=None, validator=optional_text)
    published: dt.date | None = attrs.field(default=None, validator=optional_date)
    url: str | None = attrs.field(default=None, validator=optional(url))
    on_office_website: bool = attrs.field(default=False, validator=_instance(bool))

    def __attrs_post_init__(self) -> None:
        if not self.groups:
            raise ValidationError.one(
                "groups", "needs at least one group of comments", self.groups, "ResponseTable"
            )
        if self.given < self.meeting:
            raise ValidationError.one(
                "given",
                f"is before the Panel's meeting ({self.meeting.isoformat()})",
                self.given,
                "ResponseTable",
            )
        if self.published is not None and self.published < self.given:
            raise ValidationError.one(
                "published",
                f"is before the response was given ({self.given.isoformat()})",
                self.published,
                "ResponseTable",
            )

    @property
    def rows(self) -> tuple[CommentReply, ...]:
        """Every row, in order across the groups."""
        return tuple(row for group in self.groups for row in group.rows)
