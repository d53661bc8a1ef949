"""Field validators and converters for the model: each refuses a bad value naming the field."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import attrs

from pccplan.errors import Problem, UnknownFieldError, ValidationError

__all__ = [
    "EARLIEST_DATE",
    "LARGEST_AMOUNT",
    "LATEST_DATE",
    "XML_UNSAFE",
    "at_least",
    "check_unique",
    "checked_fields",
    "close_matches",
    "date_range_reason",
    "date_value",
    "each",
    "enum_choices",
    "instance_of",
    "money",
    "optional",
    "optional_date",
    "optional_text",
    "slug_text",
    "text",
    "to_money",
    "to_tuple",
    "url",
    "xml_safe",
]

T = TypeVar("T")
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

# Characters that XML 1.0 cannot carry at all (a .docx is XML): C0 controls other than tab,
# line feed and carriage return, lone surrogates, and the two non-characters U+FFFE/U+FFFF.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

EARLIEST_DATE = dt.date(1900, 1, 1)
"""The earliest day a model object may hold.

Nothing in the law here reaches before 2011; the margin keeps every rule that counts back
(months, days, financial years) far from Python's year 1.
"""

LATEST_DATE = dt.date(2999, 12, 31)
"""The latest day a model object may hold.

The rules count forward at most a few years from a date the model holds (the next ordinary
poll four years on, then the plan deadline, the precept timetable and the bank holidays of the
financial year after), so from any day up to here every computation stays inside Python's dates
(they end with 9999) and the bank-holiday calendar. A later day in a plan is a typing slip.
"""

LARGEST_AMOUNT = Decimal(10) ** 12
"""Amounts of money must be less than this (one million million pounds).

The largest police budget (the Metropolitan Police's) is about four thousand million pounds;
the bound keeps every amount, sum and rounding to pence well inside `Decimal`'s default
28 digits, so no arithmetic on money can fail.
"""

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^(https?|mailto):[^\s]+$")


def _fail(instance: object, attribute: attrs.Attribute[Any], reason: str, value: object) -> None:
    raise ValidationError(
        [Problem(path=attribute.name, reason=reason, value=value, owner=type(instance).__name__)]
    )


def xml_unsafe_reason(value: str) -> str | None:
    """Why `value` cannot go into XML, or ``None`` when it can."""
    bad = XML_UNSAFE.search(value)
    if bad is None:
        return None
    return f"contains a character XML cannot hold (U+{ord(bad.group()):04X} at offset {bad.start()})"


def xml_safe(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a non-string, or a string holding characters that XML 1.0 cannot carry."""
    if not isinstance(value, str):
        _fail(instance, attribute, "must be text", value)
        return
    reason = xml_unsafe_reason(value)
    if reason:
        _fail(instance, attribute, reason, value)


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Required text: a string that is not empty or only white space, and that XML can hold."""
    xml_safe(instance, attribute, value)
    if isinstance(value, str) and not value.strip():
        _fail(instance, attribute, "must not be empty", value)


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Text that may be ``None`` (not given) but, when given, is valid required text."""
    if value is not None:
        text(instance, attribute, value)


def slug_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A slug: lower-case letters and digits in groups joined by single hyphens."""
    if not isinstance(value, str) or not _SLUG.match(value):
        _fail(instance, attribute, "must be a slug such as 'south-yorkshire'", value)


def url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An absolute http(s) or mailto URL with no spaces."""
    xml_safe(instance, attribute, value)
    if not isinstance(value, str) or not _URL.match(value):
        _fail(instance, attribute, "must be an absolute http(s) or mailto URL", value)


def date_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A `datetime.date` (not a `datetime`, not a string)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        _fail(instance, attribute, "must be a date (datetime.date)", value)
    elif not EARLIEST_DATE <= value <= LATEST_DATE:
        _fail(instance, attribute, date_range_reason(), value)


def date_range_reason() -> str:
    """Why a date outside `EARLIEST_DATE` .. `LATEST_DATE` is refused, as an error says it."""
    return (
        f"must be between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}"
        " (the years the rules can compute)"
    )


def optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A date or ``None``."""
    if value is not None:
        date_value(instance, attribute, value)


def to_money(value: object) -> object:
    """Turn an int or a decimal string into `Decimal` pounds; leave anything else for `money`.

    Floats are not converted here: a float cannot hold pence exactly, so `money` refuses
    it. (Plan files are read through the converter, which accepts a float only when it
    is exactly the decimal the author wrote.)
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.strip().replace(",", "").removeprefix("£"))
        except InvalidOperation:
            return value
    return value


def money(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An amount of money in pounds: a finite, non-negative `Decimal` with whole pence."""
    if not isinstance(value, Decimal):
        _fail(
            instance,
            attribute,
            "must be an amount in pounds as a Decimal, e.g. Decimal('1250.00')",
            value,
        )
        return
    if not value.is_finite():
        _fail(instance, attribute, "must be a finite amount", value)
    elif abs(value) >= LARGEST_AMOUNT:
        # Checked before the rounding below, which fails on a number this long.
        _fail(instance, attribute, f"must be less than {LARGEST_AMOUNT:,} pounds", value)
    elif value < 0:
        _fail(instance, attribute, "must not be negative", value)
    elif value != value.quantize(Decimal("0.01")):
        _fail(instance, attribute, "must be in whole pence (at most two decimal places)", value)


def to_tuple(value: object) -> object:
    """Turn a list (or any non-string iterable) into a tuple, so frozen objects stay immutable."""
    if isinstance(value, tuple | str | bytes | dict):
        return value
    if isinstance(value, Iterable):
        return tuple(value)
    return value


def each(member: type | tuple[type, ...], member_check: Validator | None = None) -> Validator:
    """A validator for a tuple whose every member is an instance of `member`."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            _fail(instance, attribute, "must be a list", value)
            return
        for index, item in enumerate(value):
            if not isinstance(item, member):
                kinds = (member,) if isinstance(member, type) else member
                raise ValidationError.one(
                    f"{attribute.name}[{index}]",
                    "must be " + " or ".join(_a(k.__name__) for k in kinds),
                    item,
                    type(instance).__name__,
                )
            if member_check is not None:
                try:
                    member_check(instance, attribute, item)
                except ValidationError as error:
                    raise ValidationError(
                        [attrs.evolve(p, path=f"{attribute.name}[{index}]") for p in error.problems]
                    ) from None

    return check


def instance_of(*kinds: type) -> Validator:
    """A value of one of `kinds` (a bool is not accepted as an int)."""
    if len(kinds) == 1 and issubclass(kinds[0], enum.Enum):
        reason = f"must be {enum_choices(kinds[0])}"
    else:
        reason = "must be " + " or ".join(_a(k.__name__) for k in kinds)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            _fail(instance, attribute, reason, value)

    return check


def _a(name: str) -> str:
    """A class name with its article, as a sentence says it: 'a Theme', 'an Exemption'."""
    return f"an {name}" if name[:1] in "AEIOU" else f"a {name}"


def enum_choices(cls: type[enum.Enum]) -> str:
    """Every member of an enumeration, as an error lists them.

    'one of Answer.ACCEPTED, Answer.NOTED (in a plan file 'accepted', 'noted')': the names
    for Python, the values for files.
    """
    names = ", ".join(f"{cls.__name__}.{m.name}" for m in cls)
    values = ", ".join(repr(m.value) for m in cls)
    return f"one of {names} (in a plan file {values})"


def at_least(minimum: int) -> Validator:
    """A whole number no smaller than `minimum`."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            _fail(instance, attribute, "must be a whole number", value)
        elif value < minimum:
            _fail(instance, attribute, f"must be at least {minimum}", value)

    return check


def optional(check: Validator) -> Validator:
    """Let ``None`` through `check`."""

    def run(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return run


def check_unique(items: Iterable[T], key: Callable[[T], str], field: str, what: str, owner: str) -> None:
    """Refuse two items whose keys are equal ignoring case and surrounding space.

    `field` names the tuple (``themes``), `what` the member field (``name``); the path of
    the error points at the second of the two.
    """
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        k = key(item).strip().casefold()
        if k in seen:
            raise ValidationError.one(
                f"{field}[{index}].{what}",
                f"duplicate {what}, the same as {field}[{seen[k]}]",
                key(item),
                owner,
            )
        seen[k] = index


def close_matches(name: str, known: Iterable[str]) -> str:
    """' did you mean 'aim'?' for the known names close to `name`, or '' when none is close."""
    import difflib  # here, not at the top: only a bad value needs close matches

    found = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    if not found:
        return ""
    return "; did you mean " + " or ".join(repr(f) for f in found) + "?"


C = TypeVar("C", bound=type)


def checked_fields(cls: C) -> C:
    """Refuse unknown and missing keyword arguments to an attrs class as `ValidationError`s.

    Put above ``@attrs.frozen``. Without it Python's own ``TypeError`` ('unexpected keyword
    argument') names no class and suggests nothing; with it an unknown keyword raises
    `UnknownFieldError` naming the field and the close matches among the class's fields, and a
    missing required field reads as it does from a plan file ('is required but missing').
    Keyword names are the fields' init names (attrs strips a leading underscore).
    """
    fields = attrs.fields(cls)
    names = frozenset(f.alias for f in fields if f.init)
    required = tuple(f.alias for f in fields if f.init and f.default is attrs.NOTHING)
    original: Callable[..., None] = vars(cls)["__init__"]  # the one attrs wrote

    @functools.wraps(original)
    def init(self: object, *args: object, **kwargs: object) -> None:
        owner = cls.__name__
        if args:  # keyword-only, as Python's own TypeError says
            original(self, *args, **kwargs)
        unknown = [k for k in kwargs if k not in names]
        if unknown:
            raise UnknownFieldError(
                [
                    Problem(
                        path=key,
                        reason=f"is not a field{close_matches(key, names)}",
                        value=kwargs[key],
                        owner=owner,
                    )
                    for key in unknown
                ]
            )
        missing = [k for k in required if k not in kwargs]
        if missing:
            raise ValidationError(
                [Problem(path=k, reason="is required but missing", owner=owner) for k in missing]
            )
        original(self, **kwargs)

    cls.__init__ = init  # type: ignore[misc]  # the wrapper keeps the generated signature
    return cls
