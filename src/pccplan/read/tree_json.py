"""The document tree as JSON data: each node an object with its kind and its fields."""

from __future__ import annotations

import base64
import datetime as dt
import enum
from typing import Any, cast

import attrs

__all__ = ["to_json"]


def to_json(node: object) -> Any:
    """`node` (any tree node, or a tuple of them) as JSON-ready data.

    A node is an object whose "type" is its class name ('Section', 'Text') followed by its
    fields in their declared order; tuples become lists, dates ISO 8601 strings, a list
    style its label ('(a)'), and fields left at ``None`` stay as null, so every node of a kind
    has the same keys. Bytes (a picture's image) become a ``data:`` URI.
    """
    if isinstance(node, bytes):
        return f"data:;base64,{base64.b64encode(node).decode('ascii')}"
    if isinstance(node, tuple | list):
        return [to_json(item) for item in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    if isinstance(node, enum.Enum):
        return node.value  # a list style as it shows: '(a)'

    if attrs.has(type(node)):
        out: dict[str, Any] = {"type": type(node).__name__}
        for field in attrs.fields(cast(Any, type(node))):
            out[field.name] = to_json(getattr(node, field.name))
        return out
    return node
