"""The one cattrs converter between model objects and plain data (dicts, lists, strings, numbers).

`make_converter()` builds a fresh converter every time (there is no global one): leaf types
first, then the classes. It is strict: unknown keys are refused, text must be text, a date an
ISO date, money a decimal amount. Plain data from YAML (dates already parsed) and from JSON
(dates as strings) both structure.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from pccplan.errors import Problem, UnknownAreaError, ValidationError
from pccplan.model.area import Governance, PoliceArea, find_area
from pccplan.model.comments import CommentGroup, CommentReply, ResponseTable
from pccplan.model.decision import DecisionNotice
from pccplan.model.document import (
    Appendix,
    BackgroundDocument,
    Contact,
    Exemption,
    ReportParagraph,
    ReportSection,
)
from pccplan.model.form import Approval, DocumentForm, FormPart, HouseForm, Naming, SignOff
from pccplan.model.letter import Addressee, PanelLetter
from pccplan.model.panel import (
    PanelRecommendations,
    PanelReport,
    Recommendation,
    RecommendationResponse,
    Response,
    Vote,
)
from pccplan.model.plan import (
    Commissioner,
    Grant,
    Measure,
    Outcome,
    Period,
    Plan,
    ResourceLine,
    Resources,
    Service,
    Theme,
)
from pccplan.model.process import PlanProcess, Review

__all__ = ["MODEL_CLASSES", "make_converter", "problems_from", "structure", "unstructure"]

T = TypeVar("T")

MODEL_CLASSES: tuple[type, ...] = (
    Governance,
    Period,
    Commissioner,
    Measure,
    Outcome,
    Theme,
    Grant,
    Service,
    ResourceLine,
    Resources,
    Review,
    PlanProcess,
    Exemption,
    Contact,
    ReportParagraph,
    ReportSection,
    BackgroundDocument,
    Appendix,
    Plan,
    PanelReport,
    Recommendation,
    Vote,
    PanelRecommendations,
    RecommendationResponse,
    Response,
    DecisionNotice,
    # House forms and the document shapes they describe (issue 12).
    Naming,
    FormPart,
    SignOff,
    Approval,
    DocumentForm,
    HouseForm,
    Addressee,
    PanelLetter,
    CommentReply,
    CommentGroup,
    ResponseTable,
)
"""Every model class the converter knows, leaves before the classes that hold them."""

# The longest decimal that survives a trip through a float unchanged (IEEE double: 15 digits).
_FLOAT_DIGITS = 15


class _RefusedValueError(ValueError):
    """A leaf value the converter will not accept; the message says what was expected."""

    def __init__(self, expected: str, value: object) -> None:
        super().__init__(expected)
        self.value = value


def _text(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    raise _RefusedValueError("expected text", value)


def _bool(value: object, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise _RefusedValueError("expected true or false", value)


def _int(value: object, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _RefusedValueError("expected a whole number", value)


def _date(value: object, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        raise _RefusedValueError("expected a date without a time, e.g. 2017-03-31", value)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _RefusedValueError("expected a date as YYYY-MM-DD, e.g. 2017-03-31", value)


def _money(value: object, _: type) -> Decimal:
    """Amounts as decimal strings or whole numbers; a float only when it is exactly what was typed."""
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
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(member.value) for member in cls)
        raise _RefusedValueError(f"expected one of {choices}", value) from None


def _area(value: object, _: type) -> PoliceArea:
    if isinstance(value, str):
        return find_area(value)
    raise _RefusedValueError("expected the police area's name or slug, e.g. 'cambridgeshire'", value)


def make_converter() -> cattrs.Converter:
    """A new converter for every model class, in one documented order: leaf types, then classes.

    Structuring refuses unknown keys (`forbid_extra_keys`) and collects every problem
    (detailed validation); `problems_from` turns the resulting exception into `Problem`s
    with paths such as ``themes[2].outcomes[0].statement``. Unstructuring leaves out fields
    that hold their default, so files stay short and readable.
    """
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)

    # 1. Leaf types.
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
        if isinstance(value, dict):
            return _structure_class(converter, PoliceArea, value)
        return _area(value, cls)

    converter.register_unstructure_hook(PoliceArea, unstructure_area)
    converter.register_structure_hook(PoliceArea, structure_area)

    # 3. Model classes, leaves first.
    for cls in MODEL_CLASSES:
        _register(converter, cls)

    return converter


def _register(converter: cattrs.Converter, cls: type) -> None:
    inner: Callable[[Any, type], object] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True
    )

    def structure_mapping(value: object, target: type) -> object:
        if not isinstance(value, dict):
            raise _RefusedValueError(f"expected a mapping with the fields of {cls.__name__}", value)
        return inner(value, target)

    converter.register_structure_hook(cls, structure_mapping)
    converter.register_unstructure_hook(
        cls, make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
    )
    if cls is ReportParagraph:
        _register_paragraph_as_text(converter)


def _register_paragraph_as_text(converter: cattrs.Converter) -> None:
    """A paragraph with nothing but text is written as that text, so plan files read as prose.

    Registered straight after `ReportParagraph` itself, before the classes that hold paragraphs
    generate their hooks (they capture the hook in force when they are made).
    """
    structure_paragraph = converter.get_structure_hook(ReportParagraph)
    unstructure_paragraph = converter.get_unstructure_hook(ReportParagraph)

    def paragraph_in(value: object, cls: type) -> ReportParagraph:
        if isinstance(value, str):
            return ReportParagraph(text=value)
        result: ReportParagraph = structure_paragraph(value, cls)
        return result

    def paragraph_out(paragraph: ReportParagraph) -> object:
        if paragraph == ReportParagraph(text=paragraph.text):
            return paragraph.text
        return unstructure_paragraph(paragraph)

    converter.register_structure_hook(ReportParagraph, paragraph_in)
    converter.register_unstructure_hook(ReportParagraph, paragraph_out)


def _structure_class(converter: cattrs.Converter, cls: type[T], value: dict[str, Any]) -> T:
    hook: Callable[[Any, type[T]], T] = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)
    return hook(value, cls)


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
    if isinstance(error, ForbiddenExtraKeysError):
        return [
            Problem(path=_join(path, key), reason="is not a field here (check the spelling)", value=key)
            for key in sorted(error.extra_fields)
        ]
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
    """Build a model object from plain data; `ValidationError` lists every problem with its path."""
    converter = converter or make_converter()
    if not isinstance(data, dict):
        raise ValidationError.one("", f"expected a mapping of fields for {cls.__name__}", data)
    try:
        return converter.structure(data, cls)
    except Exception as error:  # cattrs raises many types; all become our Problems below
        raise ValidationError(problems_from(error) or [Problem(path="", reason=str(error))]) from error


def unstructure(obj: object, converter: cattrs.Converter | None = None) -> Any:
    """Plain data (dicts, lists, strings, numbers, booleans) for a model object."""
    return (converter or make_converter()).unstructure(obj)
