"""Pictures in the document tree: the image, its size on the page, and its alternative text."""

from __future__ import annotations

import base64
import re
import struct
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

import attrs

from pccplan.errors import ValidationError
from pccplan.model.validators import optional_text

__all__ = ["EMU_PER_CM", "Picture", "image_format", "length", "pixel_size"]

EMU_PER_CM = 360_000
"""English Metric Units in a centimetre: Word measures drawings in EMU (914,400 to the inch)."""

_LARGEST = 50 * EMU_PER_CM  # wider or taller than any page: a mistake, not a picture

ImageFormat = Literal["png", "jpeg", "svg"]

_PNG = b"\x89PNG\r\n\x1a\n"
_SVG = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]", re.DOTALL)
_LENGTH = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(cm|mm|emu)?\s*$")


def image_format(data: bytes) -> ImageFormat | None:
    """The format of image bytes from their first bytes ('png', 'jpeg', 'svg'), ``None`` if none of these."""
    if data.startswith(_PNG):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if _SVG.match(data[:4096]):
        return "svg"
    return None


def pixel_size(data: bytes) -> tuple[int, int] | None:
    """The (width, height) in pixels of PNG or JPEG bytes, ``None`` when the header does not say."""
    if data.startswith(_PNG) and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return (width, height) if width and height else None
    if data.startswith(b"\xff\xd8"):
        at = 2
        while at + 9 < len(data):
            if data[at] != 0xFF:
                return None
            marker = data[at + 1]
            size = struct.unpack(">H", data[at + 2 : at + 4])[0]
            # SOF0-SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[at + 5 : at + 9])
                return (width, height) if width and height else None
            at += 2 + size
    return None


def length(value: object) -> object:
    """A length in EMU from an int (EMU already) or a string such as '4cm', '35mm' or '914400emu'.

    Anything else is returned unchanged for the validator to refuse with the field's name.
    """
    if isinstance(value, str):
        found = _LENGTH.match(value)
        if found is None:
            return value
        try:
            number = Decimal(found[1])
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimal numbers
            return value
        unit = found[2] or "emu"
        scale = {"cm": EMU_PER_CM, "mm": EMU_PER_CM // 10, "emu": 1}[unit]
        return int((number * scale).to_integral_value())
    return value


def _check_length(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.name == "height":
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= _LARGEST:
        raise ValidationError.one(
            attribute.name,
            "must be a length up to 50cm: EMU as a whole number, or a string such as '4cm' or '35mm'",
            value,
            "Picture",
        )


def _one_line(value: object) -> object:
    """Alternative text as one line: a screen reader reads it as one, and Word's box holds one."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _bytes(value: object) -> object:
    return bytes(value) if isinstance(value, bytearray | memoryview) else value


@attrs.frozen(kw_only=True)
class Picture:
    """A picture in a line of text: PNG, JPEG, or SVG with a PNG `fallback`, and its alternative text.

    `data` holds the image's bytes; its format is found from them. `width` and `height` are
    its size on the page in EMU (`EMU_PER_CM` to the centimetre; strings such as '4cm' are
    converted); `height` ``None`` keeps the image's own proportions (a PNG's or JPEG's pixel
    size, an SVG's fallback's). `alt` is what a screen reader says instead of the picture
    (one line: runs of white space become one space);
    a picture that adds nothing to the text (a border, the office's logo beside its name in
    text) is marked `decorative` instead, and then has no `alt`. One of the two is required:
    a picture with neither is refused, naming `alt`. An SVG needs a PNG `fallback`, which
    programs that cannot draw SVG (Word 2013 and older, LibreOffice's PDF export of some
    files) show instead.
    """

    data: bytes = attrs.field(converter=_bytes, repr=lambda data: f"<{len(data)} bytes>")
    width: int = attrs.field(converter=length, validator=_check_length)
    height: int | None = attrs.field(default=None, converter=length, validator=_check_length)
    alt: str | None = attrs.field(default=None, converter=_one_line, validator=optional_text)
    decorative: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    fallback: bytes | None = attrs.field(
        default=None, converter=_bytes, repr=lambda data: "None" if data is None else f"<{len(data)} bytes>"
    )

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.data, bytes) or image_format(self.data) is None:
            shown = self.data[:16] if isinstance(self.data, bytes) else self.data
            raise ValidationError.one(
                "data", "must be the bytes of a PNG, JPEG or SVG image", shown, "Picture"
            )
        if self.format == "svg":
            if not isinstance(self.fallback, bytes) or image_format(self.fallback) != "png":
                raise ValidationError.one(
                    "fallback", "an SVG picture needs a PNG fallback for programs that cannot draw SVG",
                    None if self.fallback is None else self.fallback[:16], "Picture",
                )  # fmt: skip
        elif self.fallback is not None:
            raise ValidationError.one(
                "fallback", "only an SVG picture takes a fallback", self.format, "Picture"
            )
        if self.decorative and self.alt is not None:
            raise ValidationError.one(
                "decorative", "a decorative picture has no alternative text; drop alt or decorative",
                self.alt, "Picture",
            )  # fmt: skip
        if not self.decorative and self.alt is None:
            raise ValidationError.one(
                "alt", "a picture needs alternative text, or decorative=True if it adds nothing to the text",
                None, "Picture",
            )  # fmt: skip
        if self.height is None and self.size[1] > _LARGEST:
            # A tall, narrow image kept in proportion would run off any page (and past what the
            # model accepts as a height): say so when it is built, not when it is written.
            raise ValidationError.one(
                "height", f"in the image's proportions this width makes it {self.size[1] / EMU_PER_CM:.1f}cm "
                "tall, over 50cm: give a smaller width, or a height", None, "Picture",
            )  # fmt: skip

    @classmethod
    def from_file(cls, path: str | Path, **fields: Any) -> Picture:
        """A picture of the image file at `path` (and `fallback`, a path too, for an SVG)."""
        fallback = fields.pop("fallback", None)
        return cls(
            data=Path(path).read_bytes(),
            fallback=Path(fallback).read_bytes() if fallback is not None else None,
            **fields,
        )

    @property
    def format(self) -> ImageFormat:
        """The image's format: 'png', 'jpeg' or 'svg'."""
        found = image_format(self.data)
        assert found is not None  # checked when built
        return found

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) on the page in EMU, the height from the image's proportions when not given."""
        if self.height is not None:
            return self.width, self.height
        pixels = pixel_size(self.fallback if self.fallback is not None else self.data)
        if pixels is None:
            return self.width, self.width  # no size in the file: square, the least surprising guess
        return self.width, max(1, round(self.width * pixels[1] / pixels[0]))

    @property
    def media_type(self) -> str:
        """The image's media type: 'image/png', 'image/jpeg' or 'image/svg+xml'."""
        return {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}[self.format]

    @property
    def data_uri(self) -> str:
        """The image as a `data:` URI, for HTML and Markdown, which hold no image files."""
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"

    @property
    def pixels(self) -> tuple[int, int]:
        """(width, height) on screen in CSS pixels (96 to the inch, 9,525 EMU each)."""
        width, height = self.size
        return max(1, round(width / 9525)), max(1, round(height / 9525))

    @property
    def text(self) -> str:
        """What the picture says as text: its alternative text, or '' for a decorative picture."""
        return self.alt or ""
