"""Plan files: load and save model objects as YAML or JSON through the one converter."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar, overload

import yaml

from pccplan.atomic import write_atomic
from pccplan.errors import PlanFileError, Problem, ValidationError
from pccplan.model.agenda import CoverReport, PanelMinute
from pccplan.model.comments import ResponseTable
from pccplan.model.convert import make_converter, structure, unstructure
from pccplan.model.decision import DecisionNotice
from pccplan.model.form import HouseForm
from pccplan.model.letter import PanelLetter
from pccplan.model.panel import PanelRecommendations, PanelReport, Response
from pccplan.model.plan import Plan
from pccplan.model.record import RecordOfDecision

__all__ = ["KINDS", "Format", "dump", "dumps", "kind_of", "load", "loads"]

T = TypeVar("T")
Format = Literal["yaml", "json"]

KINDS: dict[str, type] = {
    "plan": Plan,
    "panel-report": PanelReport,
    "panel-recommendations": PanelRecommendations,
    "response": Response,
    "decision-notice": DecisionNotice,
    "house-form": HouseForm,
    "panel-letter": PanelLetter,
    "response-table": ResponseTable,
    "record-of-decision": RecordOfDecision,
    "cover-report": CoverReport,
    "panel-minute": PanelMinute,
}
"""The kinds of object a file can hold, by the value of its ``kind`` key."""


def kind_of(cls: type) -> str:
    """The ``kind`` key written for objects of class `cls`."""
    for name, known in KINDS.items():
        if known is cls:
            return name
    raise TypeError(f"{cls.__name__} is not a kind of object pccplan saves to a file")


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing duplicate keys and aliases (nothing is silently lost)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in the stubs
            raise yaml.MarkedYAMLError(
                None, None, "aliases (*name) are not allowed in plan files", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.MarkedYAMLError(None, None, f"the key {key!r} appears twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, writing multi-line text as literal blocks for readability."""


# YAML reads these as line breaks and normalises them, so text holding them is written escaped.
_YAML_BREAKS = frozenset("\r\x85\u2028\u2029")


def _represent_text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style: str | None = None
    if _YAML_BREAKS.intersection(data):
        style = '"'
    elif "\n" in data:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_text)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice")
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number pccplan accepts")


def _parse(text: str, fmt: Format, source: str) -> object:
    try:
        if fmt == "json":
            return json.loads(
                text, object_pairs_hook=_no_duplicates, parse_float=Decimal, parse_constant=_refuse_constant
            )
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise PlanFileError(
            source, [Problem(path=where, reason=f"not valid YAML: {error.problem}")]
        ) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise PlanFileError(source, [Problem(path=where, reason=f"not valid JSON: {error.msg}")]) from None
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        raise PlanFileError(source, [Problem(path="", reason=f"cannot be read: {error}")]) from None


@overload
def loads(text: str, cls: type[T], *, format: Format = "yaml", source: str = "<text>") -> T: ...
@overload
def loads(text: str, cls: None = None, *, format: Format = "yaml", source: str = "<text>") -> object: ...
def loads(
    text: str, cls: type[T] | None = None, *, format: Format = "yaml", source: str = "<text>"
) -> T | object:
    """The model object in `text` (YAML or JSON).

    The object's class is `cls` when given; otherwise the file's ``kind`` key says it
    (``plan`` when absent). Raises `PlanFileError` naming `source`, each path inside the file
    and what was expected.
    """
    data = _parse(text, format, source)
    if not isinstance(data, dict):
        raise PlanFileError(source, [Problem(path="", reason="expected a mapping of fields", value=data)])
    data = dict(data)
    kind = data.pop("kind", None)
    if kind is not None and (not isinstance(kind, str) or kind not in KINDS):
        raise PlanFileError(
            source, [Problem(path="kind", reason=f"expected one of {', '.join(KINDS)}", value=kind)]
        )
    target: type = cls or KINDS[str(kind or "plan")]
    if kind is not None and KINDS[str(kind)] is not target:
        raise PlanFileError(
            source,
            [Problem(path="kind", reason=f"this file holds a {kind}, not a {kind_of(target)}", value=kind)],
        )
    try:
        return structure(data, target, make_converter())
    except ValidationError as error:
        raise PlanFileError(source, error.problems) from None


@overload
def load(path: str | os.PathLike[str], cls: type[T]) -> T: ...
@overload
def load(path: str | os.PathLike[str], cls: None = None) -> object: ...
def load(path: str | os.PathLike[str], cls: type[T] | None = None) -> T | object:
    """The model object in a YAML (``.yaml``/``.yml``) or JSON (``.json``) file.

    See `loads`. A file that cannot be opened raises `PlanFileError` too.
    """
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PlanFileError(str(file), [Problem(path="", reason=f"cannot be opened: {error}")]) from None
    fmt: Format = "json" if file.suffix.lower() == ".json" else "yaml"
    return loads(text, cls, format=fmt, source=str(file))


def dumps(obj: object, *, format: Format = "yaml") -> str:
    """`obj` as YAML or JSON text, with its ``kind`` first; `loads` gives back an equal object."""
    data = {"kind": kind_of(type(obj)), **unstructure(obj, make_converter())}
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def dump(obj: object, path: str | os.PathLike[str]) -> Path:
    """Save `obj` to `path` (JSON for ``.json``, YAML otherwise), atomically; returns the path."""
    file = Path(path)
    fmt: Format = "json" if file.suffix.lower() == ".json" else "yaml"
    return write_atomic(file, dumps(obj, format=fmt).encode("utf-8"))
