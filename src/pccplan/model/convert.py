"""The one cattrs converter between model objects and plain data (dicts, lists, strings, numbers).

`make_converter()` gives a fresh converter every time (there is no shared one to change): a
copy of one built once per process, leaf types first, then the classes.
It is strict: unknown keys are refused, text must be text, a date an
ISO date, money a decimal amount, a list a list. Plain data from YAML (dates already parsed)
and from JSON (dates as strings) both structure. A value the file reader could not turn into
Python (a number of thousands of digits, JSON's NaN) arrives as an `Unreadable` and is refused
with its path like any other bad value.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from pccplan.errors import Problem, UnknownAreaError, ValidationError
from pccplan.model.area import PoliceArea, find_area
from pccplan.model.classes import shared_eq_repr
from pccplan.model.document import ReportParagraph
from pccplan.model.validators import close_matches

__all__ = [
    "MODEL_CLASSES",  # noqa: F822 - made on first use by the module's __getattr__
    "MODEL_NAMES",
    "Unreadable",
    "make_converter",
    "problems_from",
    "structure",
    "unstructure",
]

T = TypeVar("T")

MODEL_NAMES: tuple[str, ...] = (
    "area.Governance",
    "plan.Period",
    "plan.Commissioner",
    "plan.Measure",
    "plan.Outcome",
    "plan.Theme",
    "plan.Grant",
    "plan.Service",
    "plan.ResourceLine",
    "plan.Resources",
    "process.Review",
    "process.PlanProcess",
    "document.Exemption",
    "document.Contact",
    "document.ReportParagraph",
    "document.ReportSection",
    "document.BackgroundDocument",
    "document.Appendix",
    "plan.Plan",
    "panel.PanelReport",
    "panel.Recommendation",
    "panel.Vote",
    "panel.PanelRecommendations",
    "panel.RecommendationResponse",
    "panel.Response",
    "decision.DecisionNotice",
    # House forms and the document shapes they describe (issue 12).
    "form.Naming",
    "form.FormPart",
    "form.SignOff",
    "form.Approval",
    "form.KeyLabels",
    "form.DocumentForm",
    "form.HouseForm",
    "letter.Addressee",
    "letter.PanelLetter",
    "comments.CommentReply",
    "comments.CommentGroup",
    "comments.ResponseTable",
    # The record of decision and the Panel's agenda papers (issue 12).
    "record.Withholding",
    "record.RecordPart",
    "record.Implication",
    "record.Signatory",
    "record.OfficerAdvice",
    "record.RecordAppendix",
    "record.IssuedPlan",
    "record.RecordOfDecision",
    "agenda.Attachment",
    "agenda.CoverReport",
    "agenda.MinutePoint",
    "agenda.PanelMinute",
)
"""Every model class the converter knows, by its module under `pccplan.model` and its name, leaves
before the classes that hold them. Named, not imported: a file of one kind loads the modules of
its own classes only (`MODEL_CLASSES` imports them all)."""

_MODEL_KEYS = frozenset(f"pccplan.model.{name}" for name in MODEL_NAMES)


def _model_classes() -> tuple[type, ...]:
    """The classes of `MODEL_NAMES`, imported."""
    import importlib

    found = []
    for name in MODEL_NAMES:
        module, _, cls = name.rpartition(".")
        found.append(getattr(importlib.import_module(f"pccplan.model.{module}"), cls))
    return tuple(found)


def __getattr__(name: str) -> object:
    """`MODEL_CLASSES`: every model class the converter knows, imported when it is asked for (PEP 562)."""
    if name == "MODEL_CLASSES":
        return _model_classes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The longest decimal that survives a trip through a float unchanged (IEEE double: 15 digits).
_FLOAT_DIGITS = 15


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Unreadable:
    """A value in a file that could not become a Python value; refused wherever it is found.

    `text` is the value as the file has it (shortened when long), `reason` why it cannot be
    used (e.g. 'NaN is not a number pccplan accepts').
    """

    text: str
    reason: str


class _RefusedValueError(ValueError):
    """A leaf value the converter will not accept; the message says what was expected."""

    def __init__(self, expected: str, value: object) -> None:
        super().__init__(expected)
        self.value = value


def _refuse_unreadable(value: object) -> None:
    """Every hook starts here: a value the reader could not read is refused with its reason."""
    if isinstance(value, Unreadable):
        raise _RefusedValueError(value.reason, value.text)


def _text(value: object, _: type) -> str:
    _refuse_unreadable(value)
    if isinstance(value, str):
        return value
    raise _RefusedValueError("expected text", value)


def _bool(value: object, _: type) -> bool:
    _refuse_unreadable(value)
    if isinstance(value, bool):
        return value
    raise _RefusedValueError("expected true or false", value)


def _int(value: object, _: type) -> int:
    _refuse_unreadable(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _RefusedValueError("expected a whole number", value)


def _date(value: object, _: type) -> dt.date:
    _refuse_unreadable(value)
    if isinstance(value, dt.datetime):
        raise _RefusedValueError("expected a date without a time, e.g. 2017-03-31", value)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as error:
            if _ISO_DAY.match(value.strip()):  # the shape of a date, but no such day
                raise _RefusedValueError(f"is not a day of the calendar ({error})", value) from None
    raise _RefusedValueError("expected a date as YYYY-MM-DD, e.g. 2017-03-31", value)


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _money(value: object, _: type) -> Decimal:
    """Amounts as decimal strings or whole numbers; a float only when it is exactly what was typed."""
    _refuse_unreadable(value)
    if isinstance(value, bool):
        raise _RefusedValueError("expected an amount in pounds, e.g. '1250.00'", value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        shown = repr(value)
        digits = Decimal(shown).as_tuple().digits if value == value and abs(value) != float("inf") else ()
        if not digits or len(digits) > _FLOAT_DIGITS:
            raise _RefusedValueError(
                "expected an amount in pounds; write long amounts in quotes, e.g. '1250000.10'", value
            )
        return Decimal(shown)
    if isinstance(value, str):
        try:
            return Decimal(value.strip().replace(",", "").removeprefix("£"))
        except InvalidOperation:
            pass
    raise _RefusedValueError("expected an amount in pounds, e.g. '1250.00'", value)


def _enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    _refuse_unreadable(value)
    try:
        return cls(value)
    except (ValueError, TypeError):  # TypeError: an unhashable value such as a list
        choices = ", ".join(repr(member.value) for member in cls)
        raise _RefusedValueError(f"expected one of {choices}", value) from None


def _area(value: object, _: type) -> PoliceArea:
    _refuse_unreadable(value)
    if isinstance(value, str):
        return find_area(value)
    raise _RefusedValueError("expected the police area's name or slug, e.g. 'cambridgeshire'", value)


def make_converter() -> cattrs.Converter:
    """A new converter for every model class, in one documented order: leaf types, then classes.

    Each call returns a new copy, so hooks registered on one never reach another; the hooks
    themselves are generated once per process (`_built`), since generating them compiles
    code for every class and took most of the time of reading a small file.
    Structuring refuses unknown keys (`forbid_extra_keys`) and collects every problem
    (detailed validation); `problems_from` turns the resulting exception into `Problem`s
    with paths such as ``themes[2].outcomes[0].statement``. Unstructuring leaves out fields
    that hold their default, so files stay short and readable.
    """
    return _built().copy()


@functools.cache
def _built() -> cattrs.Converter:
    """The converter every `make_converter` copies. Never handed out, so never changed."""
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)

    # 1. Leaf types, and lists (tuples in the model).
    converter.register_structure_hook_func(_is_list_type, lambda v, t: _structure_list(converter, v, t))
    converter.register_structure_hook(str, _text)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(dt.date, _date)
    converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    converter.register_structure_hook(Decimal, _money)
    converter.register_unstructure_hook(Decimal, lambda d: f"{d:.2f}")
    converter.register_structure_hook_func(lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum)

    # 2. A police area is written as its slug when it is the registry's own.
    def unstructure_area(area: PoliceArea) -> object:
        try:
            if find_area(area.slug) == area:
                return area.slug
        except UnknownAreaError:
            pass
        return converter.unstructure_attrs_asdict(area)

    def structure_area(value: object, cls: type) -> PoliceArea:
        if isinstance(value, dict):  # made when needed: it uses the hooks of the classes below
            area: PoliceArea = _mapping_hook(converter, PoliceArea)(value, cls)
            return area
        return _area(value, cls)

    converter.register_unstructure_hook(PoliceArea, unstructure_area)
    converter.register_structure_hook(PoliceArea, structure_area)

    # 3. Model classes: each one's hooks are generated the first time it is met (`_structure_hook`),
    # because generating them compiles code for every class and a file holds only some of them.
    def is_model(target: object) -> bool:
        return isinstance(target, type) and f"{target.__module__}.{target.__qualname__}" in _MODEL_KEYS

    converter.register_structure_hook_factory(is_model, _structure_hook)
    converter.register_unstructure_hook_factory(is_model, _unstructure_hook)

    return converter


def _is_list_type(target: object) -> bool:
    return typing.get_origin(target) is tuple


def _structure_list(converter: cattrs.Converter, value: object, target: type) -> tuple[object, ...]:
    """A list in a file: each member structured, every problem kept with its ``[index]``.

    Only a list (or tuple) is a list: cattrs alone would take the characters of a string or
    the keys of a mapping as the members.
    """
    _refuse_unreadable(value)
    if not isinstance(value, list | tuple):
        raise _RefusedValueError("expected a list", value)
    member = typing.get_args(target)[0]
    hook = converter.get_structure_hook(member)
    items: list[object] = []
    found: list[Problem] = []
    for index, item in enumerate(value):
        try:
            items.append(hook(item, member))
        except Exception as error:  # cattrs raises many types; all become our Problems
            found += problems_from(error, f"[{index}]")
    if found:
        raise ValidationError(found)
    return tuple(items)


def _key_text(key: object) -> str:
    """A key that is not text, as the file wrote it: null, true, 1, 2016-05-05."""
    if key is None:
        return "null"
    if isinstance(key, bool):
        return str(key).lower()
    if isinstance(key, dt.date):
        return key.isoformat()
    return str(key)


def _unknown_keys(cls: type, value: dict[Any, Any], known: frozenset[str]) -> list[Problem]:
    """A problem for every key of `value` that is not a field of `cls`, with the close matches."""
    found = []
    for key in value:
        if not isinstance(key, str):
            shown = _key_text(key)
            reason = f"the key {shown} is not a field name: keys are field names, written as text"
            found.append(Problem(path=shown, reason=reason, value=key))
        elif key not in known:
            reason = f"is not a field of {cls.__name__}{close_matches(key, known)}"
            # A key such as '' or 'a b' is quoted, so that the path still shows where it is.
            found.append(
                Problem(path=key if key.isidentifier() else repr(key), reason=reason, value=value[key])
            )
    return found


def _mapping_hook(converter: cattrs.Converter, cls: type) -> Callable[[object, type], Any]:
    """The structure hook for a class written as a mapping: every problem in it, each with its path."""
    inner: Callable[[Any, type], object] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True
    )
    known = frozenset(field.name for field in attrs.fields(cls) if field.init)

    def structure_mapping(value: object, target: type) -> object:
        _refuse_unreadable(value)
        if not isinstance(value, dict):
            raise _RefusedValueError(f"expected a mapping with the fields of {cls.__name__}", value)
        unknown = _unknown_keys(cls, value, known)
        if not unknown:
            return inner(value, target)
        # Check the known fields too, so that one run reports every problem in the mapping.
        found: list[Problem] = []
        try:
            inner({k: v for k, v in value.items() if isinstance(k, str) and k in known}, target)
        except Exception as error:  # cattrs raises many types; all become our Problems
            found = problems_from(error)
        raise ValidationError(found + unknown)

    return structure_mapping


@functools.cache
def _structure_hook(cls: type) -> Callable[[object, type], Any]:
    """How the one built converter structures model class `cls`, generated once per process.

    A paragraph with nothing but text may be written as that text, so plan files read as prose.
    """
    structure_mapping = _mapping_hook(_built(), cls)
    if cls is not ReportParagraph:
        return structure_mapping

    def paragraph_in(value: object, target: type) -> object:
        if isinstance(value, str):
            return ReportParagraph(text=value)
        return structure_mapping(value, target)

    return paragraph_in


@functools.cache
def _unstructure_hook(cls: type) -> Callable[[Any], object]:
    """How the one built converter unstructures model class `cls`: fields at their default left out.

    A paragraph with nothing but text is written as that text.
    """
    unstructure_fields: Callable[[Any], object] = make_dict_unstructure_fn(
        cls, _built(), _cattrs_omit_if_default=True
    )
    if cls is not ReportParagraph:
        return unstructure_fields

    def paragraph_out(paragraph: ReportParagraph) -> object:
        if paragraph == ReportParagraph(text=paragraph.text):
            return paragraph.text
        return unstructure_fields(paragraph)

    return paragraph_out


def problems_from(error: BaseException, path: str = "") -> list[Problem]:
    """Every problem inside an exception raised while structuring, with its path in the data."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        found: list[Problem] = []
        with_notes, without_notes = error.group_exceptions()
        for sub in without_notes:
            found += problems_from(sub, path)
        for sub, note in with_notes:
            step = ""
            name = getattr(note, "name", None)
            index = getattr(note, "index", None)
            if name is not None:
                step = str(name)
            elif index is not None:
                step = f"[{index}]"
            found += problems_from(sub, _join(path, step))
        return found
    if isinstance(error, ValidationError):
        return [p.under(path) for p in error.problems]
    if isinstance(error, UnknownAreaError):
        return [Problem(path=path, reason=str(error), value=error.query)]
    if isinstance(error, KeyError):
        # cattrs has already put the missing field's name on the path.
        return [Problem(path=path, reason="is required but missing", value=None)]
    if isinstance(error, _RefusedValueError):
        return [Problem(path=path, reason=str(error), value=error.value)]
    return [Problem(path=path, reason=f"{type(error).__name__}: {error}", value=None)]


def _join(path: str, step: str) -> str:
    if not step:
        return path
    if step.startswith("[") or not path:
        return f"{path}{step}"
    return f"{path}.{step}"


def structure(data: object, cls: type[T], converter: cattrs.Converter | None = None) -> T:
    """Build a model object from plain data; `ValidationError` lists every problem with its path.

    Without `converter`, the one built converter is used as it is: structuring only reads its
    hooks (and fills its caches), so no copy is needed (making one costs a millisecond or more).
    """
    converter = converter or _built()
    if not isinstance(data, dict):
        raise ValidationError.one("", f"expected a mapping of fields for {cls.__name__}", data)
    try:
        return converter.structure(data, cls)
    except Exception as error:  # cattrs raises many types; all become our Problems below
        problems = problems_from(error) or [Problem(path="", reason=str(error))]
        # Paths run from the top of the data, so a class name in front of them would mislead.
        raise ValidationError([attrs.evolve(p, owner=None) for p in problems]) from error


def unstructure(obj: object, converter: cattrs.Converter | None = None) -> Any:
    """Plain data (dicts, lists, strings, numbers, booleans) for a model object."""
    return (converter or _built()).unstructure(obj)  # only read, as in `structure`
