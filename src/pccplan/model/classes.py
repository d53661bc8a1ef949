"""Comparison, hashing and repr shared by the frozen model and statute classes, instead of generated.

attrs writes and compiles the source of ``__eq__``, ``__hash__`` and ``__repr__`` for every
class it builds; compiling that source was about a third of the cost of creating a class, and
creating classes a quarter of the time of a ``pccplan`` command (issue 15). `shared_eq_repr`
gives a class built with ``@attrs.frozen(kw_only=True, eq=False, repr=False)`` the same three
methods, written once here and driven by the class's fields, so that only ``__init__`` is
generated. They behave as attrs' own: the same fields take part (a field's ``eq``, ``hash``
and ``repr`` settings, ``eq`` keys and ``repr`` callables included), objects of different
classes are not equal, and the repr reads ``Plan(title='...', ...)`` with ``...`` for an object
inside itself. As attrs' hash, the hash differs from one process to the next.
"""

from __future__ import annotations

import functools
import operator
import reprlib
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

import attrs

__all__ = ["shared_eq_repr"]

C = TypeVar("C", bound=type)


class _Plan(NamedTuple):
    """What the shared methods read of one class: its compared values, hash salt and shown fields."""

    values: Callable[[Any], tuple[object, ...]]
    hashed: Callable[[Any], tuple[object, ...]]
    salt: int
    shown: tuple[tuple[str, Callable[[object], str]], ...]


def _getter(fields: list[attrs.Attribute[Any]]) -> Callable[[Any], tuple[object, ...]]:
    """A function giving the values of `fields` of an object as one tuple (their ``eq`` keys applied)."""
    names = [f.name for f in fields]
    keys = [getattr(f, "eq_key", None) for f in fields]  # not in attrs' type stubs
    if any(key is not None for key in keys):

        def keyed(obj: Any) -> tuple[object, ...]:
            return tuple(
                getattr(obj, name) if key is None else key(getattr(obj, name))
                for name, key in zip(names, keys, strict=True)
            )

        return keyed
    if not names:
        return lambda _: ()
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    getter: Callable[[Any], tuple[object, ...]] = operator.attrgetter(*names)
    return getter


@functools.cache
def _plan(cls: type) -> _Plan:
    fields = list(attrs.fields(cls))
    compared = [f for f in fields if f.eq]
    hashed = [f for f in fields if f.hash is True or (f.hash is None and f.eq)]
    shown = tuple((f.name, repr if f.repr is True else f.repr) for f in fields if f.repr)
    salt = hash(f"<pccplan shared hash {cls.__module__}.{cls.__qualname__}>")
    return _Plan(values=_getter(compared), hashed=_getter(hashed), salt=salt, shown=shown)


def _plan_of(obj: object) -> _Plan:
    cls: Any = obj.__class__
    return _plan(cls)


def _eq(self: object, other: object) -> object:  # a bool, or NotImplemented
    if other.__class__ is not self.__class__:
        return NotImplemented
    values = _plan_of(self).values
    same: bool = values(self) == values(other)
    return same


def _hash(self: object) -> int:
    plan = _plan_of(self)
    return hash((plan.salt, *plan.hashed(self)))


@reprlib.recursive_repr()  # an object inside itself shows as `...`, as in attrs' repr
def _repr(self: object) -> str:
    name = self.__class__.__qualname__.rsplit(">.", 1)[-1]
    shown = ", ".join(f"{field}={show(getattr(self, field))}" for field, show in _plan_of(self).shown)
    return f"{name}({shown})"


def shared_eq_repr(cls: C) -> C:
    """Give a class made with ``eq=False, repr=False`` the ``__eq__``, ``__hash__`` and ``__repr__`` of attrs.

    Put directly above ``@attrs.frozen(kw_only=True, eq=False, repr=False)``. A method the class
    body defines itself is kept, as attrs keeps it.
    """
    own = vars(cls)
    if "__eq__" not in own:
        cls.__eq__ = _eq  # type: ignore[assignment]
    if "__hash__" not in own:
        cls.__hash__ = _hash  # type: ignore[assignment]
    if "__repr__" not in own:
        cls.__repr__ = _repr  # type: ignore[assignment]
    return cls
