"""Bank holidays in England and Wales: the Banking and Financial Dealings Act 1971 and proclaimed days.

pccplan's own rule, so that a working calendar needs no third-party package at run time
(importing `holidays` and its country modules cost about a third of a second per command).
Wales has the same bank holidays as England (Sch.1 para 1 names "England and Wales" together).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from pccplan.errors import StatuteError
from pccplan.model.classes import shared_eq_repr
from pccplan.statute.citation import CHECKED_2026_12_01, Citation, Confidence, legislation

__all__ = [
    "FIRST_YEAR",
    "PROCLAIMED",
    "Proclaimed",
    "bank_holidays",
    "easter_sunday",
]

FIRST_YEAR = 1971
"""The first year the rule covers: the Act received Royal Assent on 16 December 1971."""

_ACT = "Banking and Financial Dealings Act 1971"
_SCHEDULE = legislation(
    _ACT,
    "Sch.1 para 1",
    "ukpga/1971/80/schedule/1",
    note="Easter Monday, the last Mondays in May and August, 26 December if not a Sunday, and "
    "27 December when 25 or 26 December is a Sunday.",
    checked_on=CHECKED_2026_12_01,
)
_MOVED = legislation(
    _ACT,
    "s.1(2)",
    "ukpga/1971/80/section/1",
    note="A day in Sch.1 may be replaced by proclamation in the special circumstances of a year.",
    checked_on=CHECKED_2026_12_01,
)
_APPOINTED = legislation(
    _ACT,
    "s.1(3)",
    "ukpga/1971/80/section/1",
    Confidence.SECONDARY,
    note="Special days appointed by proclamation. New Year's Day (since 1974), the first Monday in "
    "May (since 1978) and substitute days are proclaimed every year (e.g. The Gazette, proclamation "
    "of 24 June 1998 appointing 28 December 1998, 1 January and 3 May 1999).",
    checked_on=CHECKED_2026_12_01,
)
_NEW_YEAR_SINCE = 1974
_EARLY_MAY_SINCE = 1978
_MONDAY, _SATURDAY = 0, 5


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Proclaimed:
    """A day proclaimed a bank holiday in England and Wales, perhaps in place of a usual one.

    `instead_of` is the usual day it replaces that year (s.1(2)), or ``None`` for an added day
    (s.1(3)). A user may pass further proclaimed days to `bank_holidays` or `working_calendar`.
    """

    day: dt.date
    name: str
    instead_of: dt.date | None = None
    citation: Citation | None = None


def _one_off(day: dt.date, name: str, instead_of: dt.date | None = None, source: str = "") -> Proclaimed:
    base = _MOVED if instead_of else _APPOINTED
    note = source or "Date as the holidays package and gov.uk list it; the proclamation was not read."
    confidence = Confidence.SECONDARY if source else Confidence.UNVERIFIED
    return Proclaimed(day=day, name=name, instead_of=instead_of, citation=base.noted(note, confidence))


D = dt.date
PROCLAIMED: tuple[Proclaimed, ...] = (
    _one_off(D(1977, 6, 7), "Silver Jubilee of Elizabeth II"),
    _one_off(D(1981, 7, 29), "Wedding of Charles and Diana"),
    _one_off(D(1995, 5, 8), "Early May bank holiday (VE Day)", D(1995, 5, 1)),
    _one_off(D(1999, 12, 31), "Millennium celebrations"),
    _one_off(D(2002, 6, 3), "Golden Jubilee of Elizabeth II"),
    _one_off(D(2002, 6, 4), "Spring bank holiday", D(2002, 5, 27)),
    _one_off(D(2011, 4, 29), "Wedding of William and Catherine"),
    _one_off(D(2012, 6, 4), "Spring bank holiday", D(2012, 5, 28)),
    _one_off(D(2012, 6, 5), "Diamond Jubilee of Elizabeth II"),
    _one_off(
        D(2020, 5, 8),
        "Early May bank holiday (VE Day)",
        D(2020, 5, 4),
        "Moved from Monday 4 May as announced by the Business Secretary in June 2019.",
    ),
    _one_off(
        D(2022, 6, 2),
        "Spring bank holiday",
        D(2022, 5, 30),
        "Moved from 30 May for the Platinum Jubilee weekend (government announcement, 2021).",
    ),
    _one_off(
        D(2022, 6, 3),
        "Platinum Jubilee bank holiday",
        source="Added for the Platinum Jubilee weekend (government announcement, 2021).",
    ),
    _one_off(D(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
    _one_off(D(2023, 5, 8), "Coronation of Charles III"),
)
"""The proclaimed one-off and moved days since 1971, each with its source and confidence."""
del D


def easter_sunday(year: int) -> dt.date:
    """Easter Day in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _monday_on_or_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(_MONDAY - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> dt.date:
    last = dt.date(year, month, 31)  # May and August both have 31 days
    return last - dt.timedelta(days=(last.weekday() - _MONDAY) % 7)


def bank_holidays(year: int, proclaimed: Iterable[Proclaimed] = PROCLAIMED) -> dict[dt.date, str]:
    """The days of `year` that are not working days in England and Wales for their holidays, by name.

    Good Friday and Christmas Day (holidays at common law), the Sch.1 days, the days proclaimed
    every year (New Year's Day, the first Monday in May) with substitute days for those that
    fall at a weekend, then `proclaimed` (`PROCLAIMED` by default), which may move a usual day.
    Christmas Day and Boxing Day are listed even on a weekend, as people name them.
    """
    if year < FIRST_YEAR:
        raise StatuteError(f"bank holidays before {FIRST_YEAR} (the 1971 Act) are not known: {year}")
    easter = easter_sunday(year)
    days: dict[dt.date, str] = {
        easter - dt.timedelta(days=2): "Good Friday",
        easter + dt.timedelta(days=1): "Easter Monday",
        _last_monday(year, 5): "Spring bank holiday",
        _last_monday(year, 8): "Summer bank holiday",
    }
    if year >= _NEW_YEAR_SINCE:
        new_year = dt.date(year, 1, 1)
        days[new_year] = "New Year's Day"
        if new_year.weekday() >= _SATURDAY:
            days[_monday_on_or_after(new_year)] = "New Year's Day (substitute day)"
    if year >= _EARLY_MAY_SINCE:
        days[_monday_on_or_after(dt.date(year, 5, 1))] = "Early May bank holiday"
    for day, name in ((dt.date(year, 12, 25), "Christmas Day"), (dt.date(year, 12, 26), "Boxing Day")):
        days[day] = name
    for day, name in ((dt.date(year, 12, 25), "Christmas Day"), (dt.date(year, 12, 26), "Boxing Day")):
        if day.weekday() >= _SATURDAY:  # Sch.1's 27 December, or a proclaimed 28 December
            substitute = day + dt.timedelta(days=1)
            while substitute.weekday() >= _SATURDAY or substitute in days:
                substitute += dt.timedelta(days=1)
            days[substitute] = f"{name} (substitute day)"
    for each in proclaimed:
        if each.day.year != year:
            continue
        if each.instead_of is not None:
            days.pop(each.instead_of, None)
        days[each.day] = each.name
    return days
