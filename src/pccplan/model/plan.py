"""The police and crime plan: themes, outcomes, measures, resources, services and grants (s.7(1))."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

import attrs

from pccplan.errors import UnknownAreaError, ValidationError
from pccplan.model.area import BodyKind, PoliceArea, find_area
from pccplan.model.classes import shared_eq_repr
from pccplan.model.grants import GrantPower
from pccplan.model.process import PlanProcess
from pccplan.model.validators import (
    check_unique,
    checked_fields,
    date_value,
    each,
    money,
    optional,
    optional_date,
    optional_text,
    text,
    to_money,
    to_tuple,
)
from pccplan.model.validators import instance_of as _instance

__all__ = [
    "Commissioner",
    "Grant",
    "GrantPower",
    "Measure",
    "Outcome",
    "Period",
    "Plan",
    "ResourceLine",
    "Resources",
    "Service",
    "ServiceKind",
    "Theme",
]


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Period:
    """A span of days, both ends included (e.g. a plan's planning period, or a grant's)."""

    start: dt.date = attrs.field(validator=date_value)
    end: dt.date = attrs.field(validator=date_value)

    @end.validator
    def _check_order(self, attribute: attrs.Attribute[object], value: dt.date) -> None:
        if value < self.start:
            raise ValidationError.one(
                "end", f"ends before it starts ({self.start.isoformat()})", value, "Period"
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        """How many days the period covers, both ends included."""
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        """The years it spans as plans are titled: '2021 - 2024' (a single year if it spans one)."""
        if self.start.year == self.end.year:
            return str(self.start.year)
        return f"{self.start.year} - {self.end.year}"


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Commissioner:
    """The person who holds PCC functions, styled as in their area.

    `title` is the style of the office, e.g. 'Police and Crime Commissioner' or 'Police, Fire
    and Crime Commissioner'; `area_style` is how the office names its area when that differs
    from the police area's name (e.g. 'Cambridgeshire and Peterborough'). `elected` is the day
    of the poll at which they were elected (``None``: not recorded); it fixes their term.
    `by_election` declares that poll a by-election (TERM-4): a poll that is not an ordinary
    poll is refused when a term is worked out from it unless it is declared one.
    `title` is the style as given (``None``: not given); `effective_title` is the one documents
    use: the given title, else the title the area used on the day once the commissioner is styled
    for it (a plan does this itself: `styled_for`), else the PCC's. Keeping the two apart lets the
    naming check warn of a given title that differs from the area's, and keeps files as written.
    """

    name: str = attrs.field(validator=text)
    title: str | None = attrs.field(default=None, validator=optional_text)
    area_style: str | None = attrs.field(default=None, validator=optional_text)
    elected: dt.date | None = attrs.field(default=None, validator=optional_date)
    by_election: bool = attrs.field(default=False, validator=_instance(bool))
    # The area's title on the day, set only by `styled_for`: not a field of files (init=False),
    # nor of equality (a commissioner is what was given).
    _area_title: str | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def effective_title(self) -> str:
        """The title documents use: `title` when given, else the area's on the day, else the PCC's."""
        if self.title is not None:
            return self.title
        return self._area_title or BodyKind.PCC.default_title

    def styled_for(self, area: PoliceArea, on: dt.date | None = None) -> Commissioner:
        """This commissioner with the title `area` used on day `on` as `effective_title`, if given none.

        A commissioner with no `title` takes the area's title on that day (default day:
        `elected`, else now): a PCC's, a PFCC's, a mayor's or MOPAC's; `title` stays ``None``.
        A title the caller gave is kept (the naming check warns if it differs from the area's).
        """
        if self.title is not None:
            return self
        day = on or self.elected
        governance = area.current if day is None else area.governance_on(day)
        if self._area_title == governance.title:
            return self
        styled = attrs.evolve(self)
        object.__setattr__(styled, "_area_title", governance.title)  # frozen: set once, while new
        return styled

    @classmethod
    def for_area(
        cls, name: str, area: PoliceArea, on: dt.date | None = None, *, elected: dt.date | None = None
    ) -> Commissioner:
        """A commissioner with the title that `area` uses on day `on` (default: `elected`, else now)."""
        on = on or elected
        governance = area.current if on is None else area.governance_on(on)
        return cls(name=name, title=governance.title, elected=elected)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Measure:
    """How progress towards an outcome is measured.

    `target` and `baseline` are free text because measures are often qualitative
    ('a reduction', 'above the national average'); `source` names where the data comes from.
    """

    name: str = attrs.field(validator=text)
    description: str | None = attrs.field(default=None, validator=optional_text)
    baseline: str | None = attrs.field(default=None, validator=optional_text)
    target: str | None = attrs.field(default=None, validator=optional_text)
    source: str | None = attrs.field(default=None, validator=optional_text)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Outcome:
    """A shared outcome that every agency in the area works towards, with its measures."""

    statement: str = attrs.field(validator=text)
    measures: tuple[Measure, ...] = attrs.field(default=(), converter=to_tuple, validator=each(Measure))


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Theme:
    """A strategic theme of the plan (e.g. Victims): its aim, shared outcomes and priorities.

    `objectives` are the theme's objectives or priorities for action, in the plan's order.
    """

    name: str = attrs.field(validator=text)
    aim: str = attrs.field(validator=text)
    outcomes: tuple[Outcome, ...] = attrs.field(default=(), converter=to_tuple, validator=each(Outcome))
    objectives: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=each(str, text))
    illustrative: bool = attrs.field(default=False, validator=_instance(bool))
    """True when the content is made up to show the shape (not taken from a published plan)."""


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Grant:
    """A grant the Commissioner makes (s.7(1)(f)), with its conditions.

    `amount` is in pounds (`Decimal`, whole pence); `period` is the span it funds, if set.
    """

    recipient: str = attrs.field(validator=text)
    amount: Decimal = attrs.field(converter=to_money, validator=money)
    purpose: str = attrs.field(validator=text)
    power: GrantPower = attrs.field(validator=_instance(GrantPower))
    conditions: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=each(str, text))
    period: Period | None = attrs.field(default=None, validator=optional(_instance(Period)))
    illustrative: bool = attrs.field(default=False, validator=_instance(bool))
    """True when the grant is made up to show the shape."""


class ServiceKind(enum.Enum):
    """The two kinds of service under s.143 of the 2014 Act (s.7(1)(ea))."""

    CRIME_AND_DISORDER = "crime-and-disorder"
    """Services that help reduce crime and disorder."""
    VICTIMS_AND_WITNESSES = "victims-and-witnesses"
    """Services for victims, witnesses and others affected by crime and anti-social behaviour."""


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Service:
    """A service the Commissioner provides or arranges (s.7(1)(ea))."""

    name: str = attrs.field(validator=text)
    kind: ServiceKind = attrs.field(validator=_instance(ServiceKind))
    description: str | None = attrs.field(default=None, validator=optional_text)
    provider: str | None = attrs.field(default=None, validator=optional_text)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ResourceLine:
    """One line of the financial resources table: what, how much (pounds), and a note."""

    item: str = attrs.field(validator=text)
    amount: Decimal = attrs.field(converter=to_money, validator=money)
    note: str | None = attrs.field(default=None, validator=optional_text)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Resources:
    """The financial and other resources the Commissioner provides to the chief constable (s.7(1)(c)).

    `financial_year` is the year the table is for, named by its starting year (2017 for 2017/18).
    """

    summary: str = attrs.field(validator=text)
    lines: tuple[ResourceLine, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(ResourceLine)
    )
    financial_year: int | None = attrs.field(default=None, validator=optional(_instance(int)))

    @property
    def total(self) -> Decimal:
        """The sum of the table's lines, in pounds."""
        return sum((line.amount for line in self.lines), Decimal("0"))


def _area(value: object) -> object:
    """Let the area be given by its name or slug; an unknown name is refused naming the field."""
    if not isinstance(value, str):
        return value
    try:
        return find_area(value)
    except UnknownAreaError as error:
        raise ValidationError.one("area", str(error), value, "Plan") from None


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Plan:
    """A police and crime plan (PRSRA 2011 s.5, s.7).

    The s.7(1) elements are fields: `objectives` and the themes (a), `policing` (b),
    `resources` (c), `reporting` (d), `performance` (e), `services` (ea) and `grants` (f).
    ``None`` or an empty tuple means the plan does not (yet) say it; the content check reports
    such gaps rather than refusing them, because a draft is allowed to be incomplete.
    `area` may be given as a name or slug ('cambridgeshire'). `period` is the planning period
    when the plan states one (``None``: computed from the rules, PLAN-9); `issued` is the day it
    was or will be issued; `starts` a qualifying day it names as its start. `process` records
    the steps taken before issue, when known. The issue day is one record: `issued` and
    `process.plan_issued` are the same day (either may be given; both given and different is
    refused), so the documents and the process checker read the same date.
    A commissioner with no title takes the area's on the issue day (`Commissioner.styled_for`).
    `theme_word` is what the plan calls its themes, singular ('theme'; West Yorkshire's plans say
    'priority'): the plan document writes it in its text and headings. `cross_cutting_themes`
    are the themes that run through all of them, when the plan names some (West Yorkshire 2022:
    three), shown with the plan on a page.
    """

    title: str = attrs.field(validator=text)
    area: PoliceArea = attrs.field(converter=_area, validator=_instance(PoliceArea))
    commissioner: Commissioner = attrs.field(validator=_instance(Commissioner))
    themes: tuple[Theme, ...] = attrs.field(default=(), converter=to_tuple, validator=each(Theme))
    objectives: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=each(str, text))
    policing: str | None = attrs.field(default=None, validator=optional_text)
    resources: Resources | None = attrs.field(default=None, validator=optional(_instance(Resources)))
    reporting: str | None = attrs.field(default=None, validator=optional_text)
    performance: str | None = attrs.field(default=None, validator=optional_text)
    services: tuple[Service, ...] = attrs.field(default=(), converter=to_tuple, validator=each(Service))
    grants: tuple[Grant, ...] = attrs.field(default=(), converter=to_tuple, validator=each(Grant))
    foreword: str | None = attrs.field(default=None, validator=optional_text)
    period: Period | None = attrs.field(default=None, validator=optional(_instance(Period)))
    issued: dt.date | None = attrs.field(default=None, validator=optional_date)
    starts: dt.date | None = attrs.field(default=None, validator=optional_date)
    process: PlanProcess | None = attrs.field(default=None, validator=optional(_instance(PlanProcess)))
    theme_word: str = attrs.field(default="theme", validator=text)
    cross_cutting_themes: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(str, text)
    )

    def __attrs_post_init__(self) -> None:
        check_unique(self.themes, lambda t: t.name, "themes", "name", "Plan")
        # Frozen classes may set their own fields while being built (attrs' documented idiom):
        # the issue day and the commissioner's style are normalised once, here, for every reader.
        recorded = self.process.plan_issued if self.process else None
        if self.issued is not None and recorded is not None and self.issued != recorded:
            raise ValidationError.one(
                "process.plan_issued",
                f"differs from the plan's issue day ({self.issued.isoformat()}); give the day once",
                recorded,
                "Plan",
            )
        if self.issued is None and recorded is not None:
            object.__setattr__(self, "issued", recorded)
        elif self.process is not None and recorded is None and self.issued is not None:
            object.__setattr__(self, "process", attrs.evolve(self.process, plan_issued=self.issued))
        styled = self.commissioner.styled_for(self.area, self.issued or self.commissioner.elected)
        if styled is not self.commissioner:
            object.__setattr__(self, "commissioner", styled)

    def theme(self, name: str) -> Theme:
        """The theme called `name` (any case); `KeyError` naming the themes there are if none."""
        for theme in self.themes:
            if theme.name.casefold() == name.strip().casefold():
                return theme
        raise KeyError(f"no theme {name!r}; the plan has {', '.join(t.name for t in self.themes) or 'none'}")

    @property
    def grants_total(self) -> Decimal:
        """The sum of all grants, in pounds."""
        return sum((grant.amount for grant in self.grants), Decimal("0"))
