"""Police areas of England and Wales, who holds PCC functions in each, and look-up by name."""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import TYPE_CHECKING

import attrs

from pccplan._deprecate import Former, renamed
from pccplan.errors import UnknownAreaError, ValidationError
from pccplan.model.classes import shared_eq_repr
from pccplan.model.sources import Confidence
from pccplan.model.validators import check_unique, checked_fields, date_value, each, slug_text, text, to_tuple
from pccplan.model.validators import instance_of as _instance

__all__ = [
    "BodyKind",
    "Governance",
    "Nation",
    "PoliceArea",
    "all_areas",
    "find_area",
]


class Nation(enum.Enum):
    """The nation a police area lies in: the law of meetings and language differs."""

    ENGLAND = "england"
    WALES = "wales"


class BodyKind(enum.Enum):
    """The kind of elected local policing body that holds the PCC's functions in an area."""

    PCC = "pcc"
    """A police and crime commissioner (PRSRA s.1)."""
    PFCC = "pfcc"
    """A police, fire and crime commissioner: a PCC who also governs the fire and rescue service."""
    MAYOR = "mayor"
    """A combined-authority mayor exercising PCC functions under a transfer order."""
    MOPAC = "mopac"
    """The Mayor's Office for Policing and Crime, London (PRSRA s.3)."""

    @property
    def default_title(self) -> str:
        """How the office holder is usually styled."""
        return {
            "pcc": "Police and Crime Commissioner",
            "pfcc": "Police, Fire and Crime Commissioner",
            "mayor": "Mayor",
            "mopac": "Mayor's Office for Policing and Crime",
        }[self.value]


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Governance:
    """Who held PCC functions in an area from a given day, with the source for that fact.

    `since` is the first day the arrangement had effect (inclusive). `panel_name` follows
    the usual style of the body that scrutinises it; check it against the Panel's own
    papers. `confidence` is U where the day is not verified (then `note` says what is).
    """

    kind: BodyKind = attrs.field(validator=_instance(BodyKind))
    since: dt.date = attrs.field(validator=date_value)
    panel_name: str = attrs.field(validator=text)
    title: str = attrs.field(validator=text)
    source: str = attrs.field(validator=text)
    confidence: Confidence = attrs.field(default=Confidence.SECONDARY, validator=_instance(Confidence))
    note: str | None = attrs.field(default=None)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class PoliceArea:
    """A police area (Police Act 1996 s.1 and Sch.1) and the history of its governance.

    `governance` is in date order; the last entry is the arrangement in force now.
    `aliases` are other names officers use (e.g. "Cambridgeshire and Peterborough").
    `name_cy` is the Welsh name of a Welsh area.
    """

    name: str = attrs.field(validator=text)
    slug: str = attrs.field(validator=slug_text)
    nation: Nation = attrs.field(validator=_instance(Nation))
    governance: tuple[Governance, ...] = attrs.field(converter=to_tuple, validator=each(Governance))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=each(str, text))
    name_cy: str | None = attrs.field(default=None)

    @governance.validator
    def _check_governance(self, attribute: attrs.Attribute[object], value: tuple[Governance, ...]) -> None:
        if not value:
            raise ValidationError.one("governance", "needs at least one entry", value, "PoliceArea")
        for index in range(1, len(value)):
            if value[index].since <= value[index - 1].since:
                raise ValidationError.one(
                    f"governance[{index}].since",
                    "entries must be in date order",
                    value[index].since,
                    "PoliceArea",
                )

    @property
    def current(self) -> Governance:
        """The arrangement in force now (the last entry)."""
        return self.governance[-1]

    @property
    def kind(self) -> BodyKind:
        """The kind of body that holds PCC functions now."""
        return self.current.kind

    @property
    def panel_name(self) -> str:
        """The name of the body that scrutinises it now, e.g. 'Essex Police, Fire and Crime Panel'."""
        return self.current.panel_name

    @property
    def commissioner_title(self) -> str:
        """How the office holder is styled now, e.g. 'Police, Fire and Crime Commissioner'."""
        return self.current.title

    def governance_on(self, day: dt.date) -> Governance:
        """The arrangement in force on `day` (the first entry for days before any entry)."""
        found = self.governance[0]
        for entry in self.governance:
            if entry.since <= day:
                found = entry
        return found

    def is_mayoral(self, day: dt.date | None = None) -> bool:
        """Whether a mayor (or MOPAC) holds PCC functions on `day` (default: now)."""
        kind = self.kind if day is None else self.governance_on(day).kind
        return kind in (BodyKind.MAYOR, BodyKind.MOPAC)


# -- the registry -------------------------------------------------------------------------------

# Part 1 of PRSRA 2011 (PCCs) came into force on 22 November 2012: SI 2012/2892 art 2(a), read on
# 1 December 2026. (It is also the TERM-1 day after the first poll; statute's tests check the two agree,
# but the model records the commencement, which is data, not the rule.)
_PCC_START = dt.date(2012, 11, 22)
_PCC_SOURCE = (
    "Police Reform and Social Responsibility Act 2011 s.1; Part 1 in force 22 November 2012 "
    "(SI 2012/2892 art 2(a))"
)


def _pcc(name: str) -> Governance:
    return Governance(
        kind=BodyKind.PCC,
        since=_PCC_START,
        panel_name=f"{name} Police and Crime Panel",
        title=BodyKind.PCC.default_title,
        source=_PCC_SOURCE,
        confidence=Confidence.VERIFIED,
    )


def _pfcc(
    name: str,
    since: dt.date,
    source: str,
    confidence: Confidence = Confidence.SECONDARY,
    note: str | None = None,
) -> Governance:
    return Governance(
        kind=BodyKind.PFCC,
        since=since,
        panel_name=f"{name} Police, Fire and Crime Panel",
        title=BodyKind.PFCC.default_title,
        source=source,
        confidence=confidence,
        note=note,
    )


def _mayor(panel: str, title: str, since: dt.date, source: str) -> Governance:
    return Governance(kind=BodyKind.MAYOR, since=since, panel_name=panel, title=title, source=source)


def _area(
    name: str,
    *more: Governance,
    slug: str | None = None,
    nation: Nation = Nation.ENGLAND,
    aliases: tuple[str, ...] = (),
    name_cy: str | None = None,
) -> PoliceArea:
    return PoliceArea(
        name=name,
        slug=slug or _slugify(name),
        nation=nation,
        governance=(_pcc(name), *more),
        aliases=aliases,
        name_cy=name_cy,
    )


def _slugify(name: str) -> str:
    """'Devon and Cornwall' -> 'devon-and-cornwall'; '&' reads as 'and'."""
    name = name.casefold().replace("&", " and ").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")


_AREAS: tuple[PoliceArea, ...] = (
    _area("Avon and Somerset"),
    _area("Bedfordshire"),
    _area("Cambridgeshire", aliases=("Cambridgeshire and Peterborough",)),
    _area("Cheshire"),
    _area("Cleveland"),
    _area("Cumbria", _pfcc("Cumbria", dt.date(2023, 4, 1), "Cumbria fire governance transfer (S)")),
    _area("Derbyshire"),
    _area("Devon and Cornwall", aliases=("Devon, Cornwall and the Isles of Scilly",)),
    _area("Dorset"),
    _area("Durham"),
    _area("Essex", _pfcc("Essex", dt.date(2017, 10, 1), "Essex fire governance transfer (S)")),
    _area("Gloucestershire"),
    _area(
        "Greater Manchester",
        _mayor(
            "Greater Manchester Police, Fire and Crime Panel",
            "Mayor of Greater Manchester",
            dt.date(2017, 5, 8),
            "SI 2017/470 (Greater Manchester transfer order)",
        ),
    ),
    _area("Hampshire", aliases=("Hampshire and Isle of Wight", "Hampshire and the Isle of Wight")),
    _area("Hertfordshire"),
    _area("Humberside"),
    _area("Kent"),
    _area("Lancashire"),
    _area("Leicestershire"),
    _area("Lincolnshire"),
    _area("Merseyside"),
    _area("Norfolk"),
    _area(
        "North Yorkshire",
        _pfcc(
            "North Yorkshire",
            dt.date(2018, 11, 1),
            "North Yorkshire fire governance transfer (S: month; U: day)",
            Confidence.UNVERIFIED,
            "The transfer took effect in November 2018; the day is unverified, so the 1st is used.",
        ),
        _mayor(
            "York and North Yorkshire Police, Fire and Crime Panel",
            "Mayor of York and North Yorkshire",
            dt.date(2024, 5, 7),
            "SI 2023/1432 (York and North Yorkshire transfer order)",
        ),
        aliases=("York and North Yorkshire",),
    ),
    _area(
        "Northamptonshire",
        _pfcc("Northamptonshire", dt.date(2019, 1, 1), "Northamptonshire fire governance transfer (S)"),
    ),
    _area("Northumbria"),
    _area("Nottinghamshire"),
    _area(
        "South Yorkshire",
        _mayor(
            "South Yorkshire Police and Crime Panel",
            "Mayor of South Yorkshire",
            dt.date(2024, 5, 7),
            "SI 2024/414 (South Yorkshire transfer order)",
        ),
    ),
    _area(
        "Staffordshire",
        _pfcc("Staffordshire", dt.date(2018, 8, 1), "Staffordshire fire governance transfer (S)"),
    ),
    _area("Suffolk"),
    _area("Surrey"),
    _area("Sussex"),
    _area("Thames Valley"),
    _area("Warwickshire"),
    _area("West Mercia"),
    _area("West Midlands"),
    _area(
        "West Yorkshire",
        _mayor(
            "West Yorkshire Police and Crime Panel",
            "Mayor of West Yorkshire",
            dt.date(2021, 5, 10),
            "SI 2021/112 (West Yorkshire transfer order)",
        ),
    ),
    _area("Wiltshire", aliases=("Wiltshire and Swindon",)),
    _area("Dyfed-Powys", nation=Nation.WALES, name_cy="Dyfed-Powys"),
    _area("Gwent", nation=Nation.WALES, name_cy="Gwent"),
    _area("North Wales", nation=Nation.WALES, name_cy="Gogledd Cymru", aliases=("Gogledd Cymru",)),
    _area("South Wales", nation=Nation.WALES, name_cy="De Cymru", aliases=("De Cymru",)),
    PoliceArea(
        name="London",
        slug="london",
        nation=Nation.ENGLAND,
        governance=(
            Governance(
                kind=BodyKind.MOPAC,
                since=dt.date(2012, 1, 16),
                panel_name="London Assembly Police and Crime Committee",
                title=BodyKind.MOPAC.default_title,
                source=(
                    "Police Reform and Social Responsibility Act 2011 s.3 (in force 16 January 2012, "
                    "SI 2011/3019); s.33 (review by the London Assembly)"
                ),
                confidence=Confidence.VERIFIED,
                note="s.3 came into force on 16 January 2012 (SI 2011/3019 art 3 and Sch.1 para (a), read "
                "1 December 2026).",
            ),
        ),
        aliases=("Metropolitan Police District", "Metropolitan", "MOPAC", "Met"),
    ),
)
"""Every police area of England and Wales outside London, plus London (MOPAC).

The City of London is not here: it has no PCC (its police authority is the Common Council).
"""

check_unique(_AREAS, lambda a: a.slug, "AREAS", "slug", "registry")

_NO_PCC = frozenset({"city-of-london", "city-of-london-police"})


def all_areas() -> tuple[PoliceArea, ...]:
    """Every police area in the registry, in alphabetical order within each nation, London last."""
    return _AREAS


def _keys(area: PoliceArea) -> set[str]:
    return {area.slug, _slugify(area.name), *(_slugify(alias) for alias in area.aliases)} | (
        {_slugify(area.name_cy)} if area.name_cy else set()
    )


def find_area(query: str | PoliceArea) -> PoliceArea:
    """The police area named by a slug, name or alias, in any case ('south-yorkshire', 'South Yorkshire').

    Raises `UnknownAreaError` listing the closest matches when nothing matches.
    """
    if isinstance(query, PoliceArea):
        return query
    if not isinstance(query, str):
        raise UnknownAreaError(repr(query), (), f"a police area is named by text, not {type(query).__name__}")
    key = _slugify(query).removesuffix("-police").removesuffix("-constabulary")
    for area in _AREAS:
        if key in _keys(area):
            return area
    if key in _NO_PCC:
        raise UnknownAreaError(
            query,
            (),
            "the City of London has no police and crime commissioner "
            "(its police authority is the Common Council of the City of London)",
        )
    candidates = {k: area.slug for area in _AREAS for k in _keys(area)}
    import difflib  # here, not at the top: only a bad value needs close matches

    close = difflib.get_close_matches(key, list(candidates), n=3, cutoff=0.6)
    suggestions = list(dict.fromkeys(candidates[c] for c in close))
    if not suggestions:
        suggestions = [a.slug for a in _AREAS if key and (key in a.slug or a.slug in key)][:3]
    raise UnknownAreaError(query, suggestions)


if TYPE_CHECKING:  # the former name, for type checkers; at run time `__getattr__` keeps it
    AREAS = _AREAS
__getattr__ = renamed(
    __name__,
    {"AREAS": Former(_AREAS, "all_areas", "a function, so that it can one day answer for a given day")},
)
