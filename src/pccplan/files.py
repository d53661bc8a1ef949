"""Plan files: load and save model objects as YAML or JSON through the one converter.

Reading is strict and total: whatever a file holds, `load` returns a model object or raises
`PlanFileError` naming the file and each problem (a field path and the value, or a line and
column where the text itself is at fault), never another exception.
"""

from __future__ import annotations

import codecs
import json
import json.decoder
import json.scanner
import os
import re
import stat
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar, overload

import cattrs
import yaml

from pccplan.atomic import write_atomic
from pccplan.errors import PlanFileError, Problem, ValidationError
from pccplan.model.convert import Unreadable, structure, unstructure
from pccplan.model.kinds import FILE_KINDS

__all__ = ["KINDS", "MAX_FILE_SIZE", "Format", "dump", "dumps", "kind_of", "load", "loads"]

T = TypeVar("T")
Format = Literal["yaml", "json"]

KINDS: Mapping[str, type] = FILE_KINDS  # its classes are imported as they are looked up
"""The kinds of object a file can hold, by the value of its ``kind`` key (from the table of documents,
`pccplan.model.kinds.DOCUMENTS`)."""

MAX_FILE_SIZE = 2 * 1024 * 1024
"""The largest plan file `load` reads, in bytes (2 MiB); `loads` takes as many characters.

A plan file is typed by people: the Cambridgeshire example is 6 KB and a long plan with every
theme, grant and service written out is well under 200 KB, so 2 MiB is ten times any real
plan. Reading YAML costs about forty times the file in memory, so the limit keeps a mistaken
or hostile file (a 10 MB plan took 14 s and 400 MB) from costing more than a second or so.
"""

# Mappings and lists nested deeper are refused with their line: the deepest plan file nests about
# eight levels, and the parsers recurse once or twice a level (so the limit keeps them far from
# Python's recursion limit, instead of catching a RecursionError from wherever it struck).
_DEEPEST = 40
_TOO_DEEP = f"mappings and lists are nested more than {_DEEPEST} deep"

# Longer whole numbers are refused with their field rather than converted: Python itself refuses
# more than 4300 digits (a guard against slow conversion), and no field needs twenty.
_LONGEST_NUMBER = 100


def kind_of(cls: type) -> str:
    """The ``kind`` key written for objects of class `cls`."""
    found = FILE_KINDS.kind_of(cls)
    if found is not None:
        return found
    raise TypeError(f"{cls.__name__} is not a kind of object pccplan saves to a file")


def _shortened(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def _long_number(text: str) -> Unreadable:
    return Unreadable(
        text=_shortened(text),
        reason=f"a number of {len(text)} digits is longer than any field takes ({_LONGEST_NUMBER} at most)",
    )


_TEXT_TAG = "tag:yaml.org,2002:str"  # !!str: the one tag allowed, since it only says 'this is text'


class _Strict:
    """PyYAML's safe loading, refusing duplicate keys, aliases and tags (nothing is silently lost).

    It also leaves to the converter, which names the field, what PyYAML would refuse with no
    field: a date that is no day of the calendar (2016-02-30) stays text, as does a number with
    no digits ('0x_'), a number too long to read becomes an `Unreadable`, and control characters
    reach the text fields' own check. The one tag allowed is ``!!str``. Mixed into the two
    loaders below, which differ only in what scans and parses the text.
    """

    _depth: int  # how many mappings and lists the node being composed is inside

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[misc]
        except (ValueError, OverflowError):  # the shape of a date, but no such day
            return node.value

    def construct_yaml_int(self, node: Any) -> Any:
        if len(node.value) > _LONGEST_NUMBER:
            return _long_number(node.value)
        try:
            return super().construct_yaml_int(node)  # type: ignore[misc]
        except ValueError:  # the shape of a number but no digits ('0b_', '0x_'): text, like a bad date
            return node.value

    def compose_node(self, parent: Any, index: Any) -> Any:
        this: Any = self
        event: Any = this.peek_event()
        if this.check_event(yaml.AliasEvent):
            raise yaml.MarkedYAMLError(
                None, None, "aliases (*name) are not allowed in plan files", event.start_mark
            )
        if getattr(event, "tag", None) not in (None, _TEXT_TAG):
            # A tag chooses the Python type, and PyYAML's own constructors fail on bad values
            # with KeyError or TypeError and no place (!!bool maybe, !!set [a], !!int ''); a plan
            # file never needs one.
            raise yaml.MarkedYAMLError(
                None, None, f"tags ({event.tag}) are not allowed in plan files", event.start_mark
            )
        self._depth += 1
        try:
            if self._depth > _DEEPEST:
                raise yaml.MarkedYAMLError(None, None, _TOO_DEEP, event.start_mark)
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        this: Any = self
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = this.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:  # a list or a mapping as a key ('? [a]'): no dict can hold it
                raise yaml.MarkedYAMLError(
                    None, None, "a key must be a field name, not a list or a mapping", key_node.start_mark
                ) from None
            if key in seen:
                raise yaml.MarkedYAMLError(None, None, f"the key {key!r} appears twice", key_node.start_mark)
            seen.add(key)
        found: dict[Any, Any] = super().construct_mapping(node, deep=deep)  # type: ignore[misc]
        return found


class _StrictLoader(_Strict, yaml.SafeLoader):
    """The strict loader on PyYAML's own Python reader, scanner and parser: it words every error."""

    def __init__(self, stream: str) -> None:
        self._depth = 0
        super().__init__(stream)

    def check_printable(self, data: str) -> None:
        # YAML refuses control characters before parsing, naming only a character offset. Let them
        # through to the model, whose text check names the field and the value; but not NUL, which
        # PyYAML's scanner takes as the end of the file (the rest would be silently lost).
        where = data.find("\0")
        if where >= 0:
            raise yaml.reader.ReaderError(self.name, where, 0, "unicode", "NUL (U+0000) is not allowed")


# libyaml's scanner and parser, when PyYAML was built with it (`yaml.__with_libyaml__`).
_C_PARSER: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)

if _C_PARSER is not None:

    class _FastLoader(
        _Strict,
        yaml.composer.Composer,
        _C_PARSER,  # type: ignore[misc]  # libyaml's parser is untyped
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        """The strict loader with libyaml scanning and parsing: the same nodes, many times faster.

        Only the scanning and parsing are libyaml's; composing (with the checks above),
        resolving and constructing are PyYAML's Python, as in `_StrictLoader`. A text it cannot
        load is loaded again by `_StrictLoader`, so an error reads as it always has.
        """

        def __init__(self, stream: str) -> None:
            self._depth = 0
            _C_PARSER.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


# What PyYAML's reader would refuse before parsing (`Reader.NON_PRINTABLE`): `_StrictLoader` passes
# such characters on to the model's text checks, which libyaml cannot be told to do.
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _load_yaml(text: str) -> object:
    """The YAML `text` loaded strictly: by libyaml when it is there and the text is all printable."""
    if _C_PARSER is not None and _NON_PRINTABLE.search(text) is None:
        try:
            return yaml.load(text, Loader=_FastLoader)
        except Exception:  # loaded again below, which raises the error as PyYAML words it
            pass
    return yaml.load(text, Loader=_StrictLoader)


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
for _loader in (_StrictLoader, *((_FastLoader,) if _C_PARSER is not None else ())):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _loader.construct_yaml_timestamp)
    _loader.add_constructor("tag:yaml.org,2002:int", _loader.construct_yaml_int)


def _line_and_column(text: str, offset: int) -> str:
    """'line 3, column 7' for a character offset into `text`, both counted from 1."""
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)  # rfind gives -1 on the first line
    return f"line {line}, column {column}"


# The standard library's pure-Python JSON parts, which its type stubs do not list.
_JSON_OBJECT: Any = json.decoder.JSONObject  # type: ignore[attr-defined]
_SCAN_STRING: Any = json.decoder.scanstring  # type: ignore[attr-defined]
_MAKE_SCANNER: Any = json.scanner.py_make_scanner  # type: ignore[attr-defined]
_JSON_ARRAY: Any = json.decoder.JSONArray  # type: ignore[attr-defined]


def _skip_space(text: str, at: int) -> int:
    """The offset of the first character at or after `at` that is not JSON white space."""
    while at < len(text) and text[at] in " \t\n\r":
        at += 1
    return at


class _TooDeepError(ValueError):
    """A JSON object or array nested deeper than `_DEEPEST`; `offset` is where it starts."""

    def __init__(self, offset: int) -> None:
        super().__init__(_TOO_DEEP)
        self.offset = offset


class _DuplicateKeyError(ValueError):
    """A JSON object with a key twice; `offset` is where the second one starts."""

    def __init__(self, key: str, offset: int) -> None:
        super().__init__(f"the key {key!r} appears twice")
        self.offset = offset


def _json_object(
    s_and_end: tuple[str, int], strict: bool, scan_once: Any, hook: Any, pairs_hook: Any, memo: Any = None
) -> tuple[dict[str, Any], int]:
    """The standard library's JSON object parser, refusing a key that appears twice, with its place."""
    pairs, end = _JSON_OBJECT(s_and_end, strict, scan_once, hook, list, memo)
    if len({key for key, _ in pairs}) == len(pairs):
        return dict(pairs), end
    # Rare: walk the object again to find where the second key starts (the parser keeps no places).
    text, at = s_and_end
    seen: set[str] = set()
    while True:
        at = _skip_space(text, at)
        key, after = _SCAN_STRING(text, at + 1, strict)
        if key in seen:
            raise _DuplicateKeyError(key, at)
        seen.add(key)
        at = _skip_space(text, after) + 1  # past the colon
        at = _skip_space(text, at)
        _, at = scan_once(text, at)
        at = _skip_space(text, at) + 1  # past the comma


class _JSONDecoder(json.JSONDecoder):
    """The standard decoder, keeping what it cannot use as `Unreadable` values for the converter.

    NaN and Infinity and numbers too long to read become `Unreadable`, control characters in
    strings are let through to the text fields' own check (both then refused naming the field),
    amounts with a fraction are read as exact decimals, and a key twice is refused with its line.
    """

    def __init__(self) -> None:
        super().__init__(
            parse_float=Decimal,
            parse_int=self._whole_number,
            parse_constant=lambda name: Unreadable(
                text=name, reason=f"{name} is not a number pccplan accepts"
            ),
            strict=False,
        )
        self._depth = 0  # how many objects and arrays the parser is inside
        self.parse_object = self._nested(_json_object)
        self.parse_array = self._nested(_JSON_ARRAY)
        self.scan_once = _MAKE_SCANNER(self)  # the C scanner ignores parse_object and parse_array

    def _nested(self, parse: Any) -> Any:
        """`parse` (an object's or an array's parser), refusing one nested deeper than `_DEEPEST`."""

        def run(s_and_end: tuple[str, int], *args: Any) -> Any:
            self._depth += 1
            try:
                if self._depth > _DEEPEST:
                    raise _TooDeepError(s_and_end[1] - 1)
                return parse(s_and_end, *args)
            finally:
                self._depth -= 1

        return run

    @staticmethod
    def _whole_number(text: str) -> int | Unreadable:
        return _long_number(text) if len(text.lstrip("-")) > _LONGEST_NUMBER else int(text)


def _parse(text: str, fmt: Format, source: str) -> object:
    if len(text) > MAX_FILE_SIZE:
        raise PlanFileError(
            source,
            [
                Problem(
                    path="",
                    reason=f"is longer than the {MAX_FILE_SIZE:,} characters a plan file may have",
                    value=len(text),
                )
            ],
        )
    text = text.removeprefix("\ufeff")  # a byte-order mark says the file is UTF-8; it is not content
    try:
        if fmt == "json":
            return _JSONDecoder().decode(text)
        return _load_yaml(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise PlanFileError(
            source, [Problem(path=where, reason=f"not valid YAML: {error.problem}")]
        ) from None
    except yaml.reader.ReaderError as error:
        where = _line_and_column(text, error.position)
        raise PlanFileError(source, [Problem(path=where, reason=f"not valid YAML: {error.reason}")]) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise PlanFileError(source, [Problem(path=where, reason=f"not valid JSON: {error.msg}")]) from None
    except (_DuplicateKeyError, _TooDeepError) as error:
        where = _line_and_column(text, error.offset)
        raise PlanFileError(source, [Problem(path=where, reason=f"not valid JSON: {error}")]) from None
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        raise PlanFileError(source, [Problem(path="", reason=f"cannot be read: {error}")]) from None


@overload
def loads(
    text: str,
    cls: type[T],
    *,
    format: Format = "yaml",
    source: str = "<text>",
    converter: cattrs.Converter | None = None,
) -> T: ...
@overload
def loads(
    text: str,
    cls: None = None,
    *,
    format: Format = "yaml",
    source: str = "<text>",
    converter: cattrs.Converter | None = None,
) -> object: ...
def loads(
    text: str,
    cls: type[T] | None = None,
    *,
    format: Format = "yaml",
    source: str = "<text>",
    converter: cattrs.Converter | None = None,
) -> T | object:
    """The model object in `text` (YAML or JSON).

    The object's class is `cls` when given; otherwise the file's ``kind`` key says it
    (``plan`` when absent). Raises `PlanFileError` naming `source`, each path inside the file
    and what was expected. `converter` is one from `make_converter`, with hooks of your own
    registered, say; by default the converter all of them copy is used as it is.
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
        return structure(data, target, converter)
    except ValidationError as error:
        raise PlanFileError(source, error.problems) from None


@overload
def load(path: str | os.PathLike[str], cls: type[T]) -> T: ...
@overload
def load(path: str | os.PathLike[str], cls: None = None) -> object: ...
def load(path: str | os.PathLike[str], cls: type[T] | None = None) -> T | object:
    """The model object in a YAML (``.yaml``/``.yml``) or JSON (``.json``) file.

    See `loads`. A file that cannot be opened raises `PlanFileError` too. An appendix's `file`
    is taken from this file's folder (`pccplan.model.document.with_files_from`).
    """
    file = Path(path)
    fmt: Format = "json" if file.suffix.lower() == ".json" else "yaml"
    obj = loads(_read(file), cls, format=fmt, source=str(file))
    from pccplan.model.document import with_files_from

    try:  # an appendix's file is named from the plan file's own folder
        return with_files_from(obj, file.parent)
    except ValidationError as error:
        raise PlanFileError(str(file), error.problems) from None


_NOT_A_FILE = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def _refuse_unless_regular(file: Path, mode: int, size: int) -> None:
    if not stat.S_ISREG(mode):
        kind = _NOT_A_FILE.get(stat.S_IFMT(mode), "not a regular file")
        raise PlanFileError(
            str(file), [Problem(path="", reason=f"cannot be opened: it is {kind}, not a file")]
        )
    if size > MAX_FILE_SIZE:
        reason = f"is larger than the {MAX_FILE_SIZE:,} bytes a plan file may have"
        raise PlanFileError(str(file), [Problem(path="", reason=reason, value=size)])


def _read(file: Path) -> str:
    """The text of `file`: a regular file of at most `MAX_FILE_SIZE` bytes of UTF-8.

    Anything else is checked before it is opened, so a pipe or a device cannot block the read;
    it is opened without blocking and checked again, in case it changed in between.
    """
    try:
        info = os.stat(file)
        _refuse_unless_regular(file, info.st_mode, info.st_size)
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            _refuse_unless_regular(file, info.st_mode, info.st_size)
            data = handle.read(MAX_FILE_SIZE + 1)
    except OSError as error:
        reason = f"cannot be opened: {error.strerror or error}"
        raise PlanFileError(str(file), [Problem(path="", reason=reason)]) from None
    _refuse_unless_regular(file, stat.S_IFREG, len(data))  # it grew while it was read
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        reason = (
            f"is not UTF-8 text: the byte 0x{data[error.start]:02X} cannot be read (save the file as UTF-8)"
        )
        raise PlanFileError(
            str(file), [Problem(path=f"line {line}, column {column}", reason=reason)]
        ) from None


def dumps(obj: object, *, format: Format = "yaml") -> str:
    """`obj` as YAML or JSON text, with its ``kind`` first; `loads` gives back an equal object."""
    data = {"kind": kind_of(type(obj)), **unstructure(obj)}
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def dump(obj: object, path: str | os.PathLike[str], *, format: Format | None = None) -> Path:
    """Save `obj` to `path` atomically, as `format` ('yaml' or 'json'); returns the path.

    Without `format` the suffix says it: JSON for ``.json``, YAML otherwise (as `save` takes
    a document's format from its suffix). A file that cannot be written (a missing folder, a
    read-only folder, a full disk) raises `PlanFileError` naming it and why; nothing is left
    behind.
    """
    file = Path(path)
    fmt: Format = format or ("json" if file.suffix.lower() == ".json" else "yaml")
    data = dumps(obj, format=fmt).encode("utf-8")
    try:
        return write_atomic(file, data)
    except OSError as error:
        reason = f"cannot write the file: {error.strerror or error}"
        raise PlanFileError(str(file), [Problem(path="", reason=reason)]) from error
