"""WordprocessingML's names and the small readers of its attribute values, shared by the reader's modules."""

from __future__ import annotations

import re
from typing import TypeAlias

from lxml import etree

__all__ = [
    "DECORATIVE",
    "MC",
    "VAL",
    "WP",
    "El",
    "M",
    "O",
    "R",
    "V",
    "W",
    "alternative",
    "hex_value",
    "on",
    "on_value",
    "text_of",
    "val",
    "w",
    "whole",
]

El: TypeAlias = etree._Element
"""A parsed XML element."""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The WordprocessingML namespace (transitional)."""
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
"""The namespace of relationship ids (`r:id`)."""
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
"""DrawingML's namespace for pictures placed in text (`wp:docPr`)."""
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
"""Markup compatibility (`mc:AlternateContent`)."""
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
"""Office Math (equations)."""
V = "urn:schemas-microsoft-com:vml"
"""VML, the older drawing markup."""
O = "urn:schemas-microsoft-com:office:office"  # noqa: E741 (the prefix Word uses)
"""VML's Office extensions (`o:title`)."""
DECORATIVE = "http://schemas.microsoft.com/office/drawing/2017/decorative"
"""Word's 'Mark as decorative' extension."""


def w(local: str) -> str:
    """The Clark name of WordprocessingML element or attribute `local` ('{…/main}p')."""
    return f"{{{W}}}{local}"


VAL = w("val")
"""The `w:val` attribute most properties keep their value in."""


def whole(value: str | None) -> int | None:
    """A whole number from an attribute, or ``None`` when it is missing or not a number."""
    if value is None:
        return None
    value = value.strip()
    if not re.fullmatch(r"[+-]?\d{1,9}", value):
        # Word writes some measures with units or fractions ('720.0', '1in'); the leading number is enough.
        found = re.match(r"[+-]?\d{1,9}", value)
        return int(found.group()) if found else None
    return int(value)


def on(element: El | None) -> bool | None:
    """A WordprocessingML on/off property: ``None`` when absent, else its value (no value is on)."""
    if element is None:
        return None
    return element.get(VAL, "true").strip().lower() not in ("0", "false", "off", "none")


def val(parent: El, local: str) -> str | None:
    """The `w:val` of `parent`'s child `local`, or ``None`` when there is no such child."""
    child = parent.find(w(local))
    return child.get(VAL) if child is not None else None


def text_of(element: El | None) -> str | None:
    """An element's text content ('' becomes ``None``)."""
    if element is None:
        return None
    value = "".join(str(piece) for piece in element.itertext())
    return value or None


def on_value(value: str | None) -> bool | None:
    """An on/off attribute value ('0', 'false' and 'off' are off); ``None`` when absent."""
    if value is None:
        return None
    return value.strip().lower() not in ("0", "false", "off")


def hex_value(value: str | None) -> int:
    """A hexadecimal attribute value (`w:tblLook`'s flags); 0 when missing or not hexadecimal."""
    try:
        return int(value or "0", 16)
    except ValueError:
        return 0


def alternative(element: El) -> El | None:
    """The branch of `mc:AlternateContent` to read: the first `mc:Choice`, else `mc:Fallback`."""
    chosen = element.find(f"{{{MC}}}Choice")
    return chosen if chosen is not None else element.find(f"{{{MC}}}Fallback")
