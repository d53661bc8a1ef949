"""Dated values: what the law was on a day, as known on a day, with each entry's status and source."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Generic, TypeVar

import attrs

from pccplan.errors import StatuteError
from pccplan.model.classes import shared_eq_repr
from pccplan.statute.citation import Citation

__all__ = ["Dated", "DatedValue", "LawStatus"]

T = TypeVar("T")


class LawStatus(enum.Enum):
    """How far a dated entry is law: in force, made but not yet in force, only announced, or withdrawn."""

    IN_FORCE = "in force"
    MADE_NOT_IN_FORCE = "made, not in force"
    ANNOUNCED = "announced change, not yet law"
    WITHDRAWN = "withdrawn"

    @property
    def is_law(self) -> bool:
        """True for an entry the engine applies under current law (in force, or made and commenced)."""
        return self in (LawStatus.IN_FORCE, LawStatus.MADE_NOT_IN_FORCE)


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Dated(Generic[T]):
    """One entry of a dated value: `value` has effect from `effective_from` to `effective_to` (inclusive).

    `known_on` is the day the entry became known (Royal Assent, the day an order was made,
    the day a change was announced); `status` says how far it is law; `citation` where it
    comes from. `effective_to` is ``None`` while the entry has no end.
    """

    effective_from: dt.date
    value: T
    citation: Citation
    known_on: dt.date
    status: LawStatus = LawStatus.IN_FORCE
    effective_to: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise StatuteError(
                f"dated entry ends {self.effective_to.isoformat()} before it starts "
                f"{self.effective_from.isoformat()} ({self.citation.text})"
            )

    def covers(self, day: dt.date) -> bool:
        """Whether `day` falls within the entry's effective span."""
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)


def _ordered(entries: Iterable[Dated[T]]) -> tuple[Dated[T], ...]:
    return tuple(sorted(entries, key=lambda e: (e.effective_from, e.known_on)))


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class DatedValue(Generic[T]):
    """Everything that changes with time, as one list of dated entries (`Dated`), oldest first.

    ``.on(day)`` is the entry that is law on `day` (the latest-starting one that covers it);
    ``.known_on(day)`` the same value restricted to what was known on `day`, so that
    ``value.known_on(k).on(d)`` answers "what was the law on d, as known on k". Announced and
    withdrawn entries are never law: ``.announced_on(day)`` finds an announced change that
    would cover `day`. Add an entry (an Act, an order) with `with_entry`: nothing is changed.
    """

    name: str
    entries: tuple[Dated[T], ...] = attrs.field(converter=_ordered)

    def with_entry(self, entry: Dated[T]) -> DatedValue[T]:
        """A new dated value with `entry` added."""
        return attrs.evolve(self, entries=(*self.entries, entry))

    def known_on(self, day: dt.date) -> DatedValue[T]:
        """The entries known on `day` (their `known_on` on or before it)."""
        return attrs.evolve(self, entries=tuple(e for e in self.entries if e.known_on <= day))

    def find(self, day: dt.date, *, statuses: frozenset[LawStatus] | None = None) -> Dated[T] | None:
        """The latest-starting entry covering `day` whose status is in `statuses` (default: law)."""
        wanted = statuses if statuses is not None else frozenset(s for s in LawStatus if s.is_law)
        found: Dated[T] | None = None
        for entry in self.entries:
            if entry.status in wanted and entry.covers(day):
                found = entry
        return found

    def on(self, day: dt.date) -> Dated[T]:
        """The entry that is law on `day`; `StatuteError` naming the value and day if there is none."""
        found = self.find(day)
        if found is None:
            raise StatuteError(f"{self.name}: no entry in force on {day.isoformat()}")
        return found

    def announced_on(self, day: dt.date) -> Dated[T] | None:
        """An announced change (not yet law) that would cover `day`, or ``None``."""
        return self.find(day, statuses=frozenset({LawStatus.ANNOUNCED}))
