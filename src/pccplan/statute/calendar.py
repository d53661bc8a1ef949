"""Financial years, working days and clear days for England and for Wales, and day-counting rules."""

from __future__ import annotations

import datetime as dt
import functools
import types
from collections.abc import Iterable, Mapping

import attrs

from pccplan.errors import StatuteError
from pccplan.model.area import Nation
from pccplan.model.classes import shared_eq_repr
from pccplan.statute.bank_holidays import PROCLAIMED, Proclaimed, bank_holidays
from pccplan.statute.citation import CHECKED_2026_12_01, PRSRA_READ, prsra
from pccplan.statute.declare import Rule, applies

__all__ = [
    "BUS_1",
    "DEFAULT_YEARS",
    "FinancialYear",
    "WorkingCalendar",
    "calendar_covering",
    "first_thursday_in_may",
    "months_beginning_with",
    "within_days_beginning_with",
    "working_calendar",
]

BUS_1 = Rule(
    id="BUS-1",
    title="Business days",
    says="Where the day, or the last day, for anything under s.50, s.51 or s.70 is not a business day, it "
    "moves to the first business day after it; not business days: Saturdays, Sundays, Christmas Eve, "
    "Christmas Day, Good Friday, bank holidays and days of public thanksgiving or mourning.",
    citation=prsra("s.73(1)-(2), (5)", "section/73", note=PRSRA_READ, checked_on=CHECKED_2026_12_01),
)
"""Rule BUS-1: Business days."""


DEFAULT_YEARS = (2010, 2070)
"""The years (inclusive) a default calendar covers: every PCC poll so far and the property tests' span."""


_FY_FIRST_MONTH = 4  # a financial year runs from 1 April (the fact sheet's FY; LGFA 1992 s.1)
_SATURDAY = 5  # date.weekday(): Monday is 0, so 5 and 6 are the weekend
_CHRISTMAS_EVE = (12, 24)  # PRSRA s.73(5): "Christmas Eve" is not a business day
_CALENDARS_KEPT = 16  # calendars cached: two nations, a few spans each; a cache, not a rule


@attrs.frozen(kw_only=True, order=True)
class FinancialYear:
    """A financial year, 1 April to 31 March, named by the year it starts in.

    ``FinancialYear(start_year=2016)`` runs from 2016-04-01 to 2017-03-31 (both inclusive).
    """

    start_year: int

    @classmethod
    def containing(cls, day: dt.date) -> FinancialYear:
        """The financial year that `day` falls in."""
        return cls(start_year=day.year if day.month >= _FY_FIRST_MONTH else day.year - 1)

    @property
    def start(self) -> dt.date:
        """1 April of `start_year`."""
        return dt.date(self.start_year, 4, 1)

    @property
    def end(self) -> dt.date:
        """31 March of the following year: the last day of the financial year."""
        return dt.date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        """The year as officers write it: '2016/17'."""
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    def next(self) -> FinancialYear:
        """The financial year after this one."""
        return FinancialYear(start_year=self.start_year + 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label


def within_days_beginning_with(day: dt.date, days: int) -> dt.date:
    """The last day of a period of `days` days beginning with `day` (which counts): ``day + (days - 1)``."""
    if days < 1:
        raise StatuteError(f"a period of {days} days beginning with {day.isoformat()} is empty")
    return day + dt.timedelta(days=days - 1)


def months_beginning_with(day: dt.date, months: int) -> dt.date:
    """The last day of a period of `months` calendar months beginning with `day`.

    The corresponding-date rule: the period ends the day before the same day-of-month
    `months` later; where that month has no such day, on its last day (a period of two months
    beginning with 31 December ends on the last day of February). The rule is settled case law
    but not in the fact sheet (U).
    """
    later = _months_later(day, months)
    if later.day != day.day:  # no corresponding date: clamped to the month's end
        return later
    return later - dt.timedelta(days=1)


def _months_later(day: dt.date, months: int) -> dt.date:
    """`day` moved by `months` calendar months, clamped to the month's last day (31 Jan + 1: 28/29 Feb).

    As dateutil's ``day + relativedelta(months=months)``, without importing dateutil for it (a
    few milliseconds of every command that dates a step).
    """
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    first_of_next = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return dt.date(year, month, min(day.day, (first_of_next - dt.timedelta(days=1)).day))


def first_thursday_in_may(year: int) -> dt.date:
    """The first Thursday in May of `year`, the day of ordinary polls since 2016 (PRSRA s.50(1))."""
    first = dt.date(year, 5, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7)  # Monday is 0, Thursday 3


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class WorkingCalendar:
    """Working days in England or in Wales over a span of years.

    Working days exclude Saturdays, Sundays and the days in `holidays` (Banking and Financial
    Dealings Act 1971 Sch.1, proclaimed and substitute days, Good Friday, Christmas Day: see
    `pccplan.statute.bank_holidays`). Build one with `working_calendar`, which caches it per
    nation and span. Asking about a day outside `first_year`..`last_year` raises
    `StatuteError`, because the answer would be silently wrong.
    """

    nation: Nation
    first_year: int
    last_year: int
    holidays: Mapping[dt.date, str] = attrs.field(repr=False, eq=False)

    def _check(self, day: dt.date) -> None:
        if not self.first_year <= day.year <= self.last_year:
            raise StatuteError(
                f"{day.isoformat()} is outside the working calendar for {self.nation.value} "
                f"({self.first_year}-{self.last_year}); build one with working_calendar(nation, first, last)"
            )

    def holiday(self, day: dt.date) -> str | None:
        """The name of the bank holiday on `day`, or ``None``."""
        self._check(day)
        return self.holidays.get(day)

    def is_working_day(self, day: dt.date) -> bool:
        """True unless `day` is a Saturday, Sunday or bank holiday."""
        self._check(day)
        return day.weekday() < _SATURDAY and day not in self.holidays

    def is_business_day(self, day: dt.date) -> bool:
        """A business day for PRSRA s.73(1)-(2) (BUS-1): a working day that is not Christmas Eve.

        Days of public thanksgiving or mourning count only where the calendar lists them as
        bank holidays (such as 19 September 2022).
        """
        return self.is_working_day(day) and (day.month, day.day) != _CHRISTMAS_EVE

    @applies(BUS_1)
    def next_business_day(self, day: dt.date) -> dt.date:
        """`day` itself if a business day, else the next business day (BUS-1, s.73(1)-(2))."""
        while not self.is_business_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_business_days(self, day: dt.date, count: int) -> dt.date:
        """The `count`-th business day after `day`, non-business days disregarded (s.73(4))."""
        while count > 0:
            day += dt.timedelta(days=1)
            if self.is_business_day(day):
                count -= 1
        return day

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day strictly before `day`."""
        day -= dt.timedelta(days=1)
        while not self.is_working_day(day):
            day -= dt.timedelta(days=1)
        return day

    def working_days_between(self, first: dt.date, last: dt.date) -> int:
        """How many working days lie strictly between `first` and `last` (both excluded)."""
        count = 0
        day = first + dt.timedelta(days=1)
        while day < last:
            count += self.is_working_day(day)
            day += dt.timedelta(days=1)
        return count

    def holidays_between(self, first: dt.date, last: dt.date) -> tuple[tuple[dt.date, str], ...]:
        """The bank holidays from `first` to `last`, both included, in date order."""
        self._check(first)
        self._check(last)
        return tuple(sorted((d, n) for d, n in self.holidays.items() if first <= d <= last))

    def publish_before(self, meeting: dt.date, clear_days: int) -> dt.date:
        """The latest working day that leaves `clear_days` clear working days before `meeting`.

        Neither the day of publication nor the day of the meeting counts. A meeting on Friday
        17th with five clear days: clear days Fri 10, Mon 13 to Thu 16, so publish by Thu 9th.
        """
        day = meeting
        for _ in range(clear_days):
            day = self.previous_working_day(day)
        return self.previous_working_day(day)


def working_calendar(
    nation: Nation = Nation.ENGLAND,
    first_year: int = DEFAULT_YEARS[0],
    last_year: int = DEFAULT_YEARS[1],
    extra: Iterable[Proclaimed] = (),
) -> WorkingCalendar:
    """The working calendar of `nation` for `first_year`..`last_year`, built once and then reused.

    Bank holidays come from `pccplan.statute.bank_holidays` (the 1971 Act's Sch.1, the days
    proclaimed every year, and `PROCLAIMED`); England and Wales have the same ones. `extra`
    adds days proclaimed since (or moves a usual day, with `Proclaimed.instead_of`).
    """
    if first_year > last_year:
        raise StatuteError(f"a calendar from {first_year} to {last_year} is empty")
    return _build(nation, first_year, last_year, tuple(extra))


@functools.lru_cache(maxsize=_CALENDARS_KEPT)
def _build(nation: Nation, first_year: int, last_year: int, extra: tuple[Proclaimed, ...]) -> WorkingCalendar:
    """Build a calendar (cached on the normalised arguments, so each is built once)."""
    table: dict[dt.date, str] = {}
    for year in range(first_year, last_year + 1):
        table.update(bank_holidays(year, (*PROCLAIMED, *extra)))
    return WorkingCalendar(
        nation=nation, first_year=first_year, last_year=last_year, holidays=types.MappingProxyType(table)
    )


def calendar_covering(nation: Nation, *days: dt.date) -> WorkingCalendar:
    """A working calendar of `nation` that covers every one of `days`.

    The default span (`DEFAULT_YEARS`) when it is enough, so most callers share one calendar;
    otherwise a calendar for the years needed, also built once and cached.
    """
    first, last = DEFAULT_YEARS
    years = [d.year for d in days]
    if years and (min(years) < first or max(years) > last):
        first, last = min(min(years), first), max(max(years), last)
    return working_calendar(nation, first, last)
