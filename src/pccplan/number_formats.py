"""Word's number formats (`w:numFmt`) and the list styles built on them: '1.', 'a.', '(a)', 'i.', '(i)', 'A.'.

One module says how 3 shows as 'c' or 'iii' and how 'c' or 'iii' reads back as 3: the DOCX
writer takes its list levels from here, the reader its labels, and the tree's plain text, the
Markdown and the HTML their markers, so the four agree.
"""

from __future__ import annotations

import enum
import re

from pccplan.errors import ValidationError

__all__ = [
    "ROMAN_MAX",
    "ListStyle",
    "NumberFormat",
    "format_number",
    "parse_number",
    "style_for_depth",
]

ROMAN_MAX = 3999
"""The largest number Roman numerals show; Word shows larger ones as this too."""


class NumberFormat(enum.Enum):
    """A Word number format, by its `w:numFmt` value."""

    DECIMAL = "decimal"
    LOWER_LETTER = "lowerLetter"
    UPPER_LETTER = "upperLetter"
    LOWER_ROMAN = "lowerRoman"
    UPPER_ROMAN = "upperRoman"


_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
    (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_ROMAN_SHAPE = re.compile(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def format_number(value: int, fmt: NumberFormat | str, *, max_letters: int | None = None) -> str:
    """`value` as Word shows it in number format `fmt` (a `NumberFormat` or any `w:numFmt` value).

    Letters repeat once per 26, as Word's do: 27 is 'aa', 28 'bb'; `max_letters` caps how many
    are shown (``None``: no cap). Roman numerals stop at `ROMAN_MAX`. Besides the five formats
    of `NumberFormat`, Word's 'decimalZero' ('03'), 'ordinal' ('3rd') and 'none' ('') are
    shown; any other format shows as a decimal, as pccplan cannot draw it.
    """
    fmt = fmt.value if isinstance(fmt, NumberFormat) else fmt
    if fmt in ("lowerLetter", "upperLetter"):
        repeats = (value - 1) // 26 + 1
        if max_letters is not None:
            repeats = min(repeats, max_letters)
        letters = chr(ord("a") + (value - 1) % 26) * repeats if value > 0 else ""
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        shown = _roman(min(value, ROMAN_MAX))
        return shown.upper() if fmt == "upperRoman" else shown
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        return f"{value}{suffix}"
    if fmt == "none":
        return ""
    return str(value)


def parse_number(shown: str, fmt: NumberFormat) -> int:
    """The number `shown` stands for in format `fmt`: 'c' is 3 in lowerLetter, 'iv' 4 in lowerRoman.

    Raises `ValidationError` naming `shown` when it is not a number of that format (letters
    must all be the same letter; Roman numerals must be written as `format_number` writes them).
    """
    text = shown.strip()
    lower = fmt in (NumberFormat.LOWER_LETTER, NumberFormat.LOWER_ROMAN)
    cased = text.isascii() and text.isalpha() and text.islower() == lower
    if fmt is NumberFormat.DECIMAL and re.fullmatch(r"\d{1,9}", text):
        return int(text)
    lettered = fmt in (NumberFormat.LOWER_LETTER, NumberFormat.UPPER_LETTER)
    if lettered and cased and text == text[0] * len(text):
        return (len(text) - 1) * 26 + ord(text[0].lower()) - ord("a") + 1
    if not lettered and fmt is not NumberFormat.DECIMAL and cased:
        rest = text.lower()
        if _ROMAN_SHAPE.fullmatch(rest):
            value = 0
            for number, letters in _ROMAN:
                while rest.startswith(letters):
                    value += number
                    rest = rest[len(letters) :]
            return value
    raise ValidationError.one("number", f"is not a number in Word's {fmt.value} format", shown)


class ListStyle(enum.Enum):
    """How an ordered list's items are labelled, named by how its first item shows: '(a)', 'i.'.

    Each is a Word number format and the text around it (Word's `w:lvlText`, '(%1)' for '(a)').
    """

    DECIMAL = "1."
    LOWER_LETTER = "a."
    LOWER_LETTER_BRACKETED = "(a)"
    LOWER_ROMAN = "i."
    LOWER_ROMAN_BRACKETED = "(i)"
    UPPER_LETTER = "A."
    UPPER_ROMAN = "I."

    @property
    def format(self) -> NumberFormat:
        """The Word number format of the labels."""
        return _FORMATS[self.value.strip("().")]

    @property
    def bracketed(self) -> bool:
        """Whether the number is in brackets ('(a)') rather than followed by a full stop ('a.')."""
        return self.value.startswith("(")

    def level_text(self, level: int) -> str:
        """Word's `w:lvlText` for a list level `level` (0 to 8) in this style: '(%1)', '%2.'."""
        marker = f"%{level + 1}"
        return f"({marker})" if self.bracketed else f"{marker}."

    def label(self, number: int) -> str:
        """The label of item `number`: '(c)' for 3 in '(a)' style."""
        shown = format_number(number, self.format)
        return f"({shown})" if self.bracketed else f"{shown}."

    def number(self, label: str) -> int:
        """The number a label in this style stands for: 3 for '(c)'; `ValidationError` if it is not one."""
        text = label.strip()
        inner = text[1:-1] if self.bracketed and text[:1] == "(" and text[-1:] == ")" else None
        if not self.bracketed and text.endswith("."):
            inner = text[:-1]
        if inner is None:
            raise ValidationError.one("label", f"is not a label in the {self.value!r} style", label)
        return parse_number(inner, self.format)

    @classmethod
    def of(cls, fmt: str, level_text: str, level: int) -> ListStyle | None:
        """The style of format `fmt` whose `w:lvlText` at `level` is `level_text` (``None``: none is)."""
        for style in cls:
            if style.format.value == fmt and style.level_text(level) == level_text:
                return style
        return None


_FORMATS = {
    "1": NumberFormat.DECIMAL,
    "a": NumberFormat.LOWER_LETTER,
    "A": NumberFormat.UPPER_LETTER,
    "i": NumberFormat.LOWER_ROMAN,
    "I": NumberFormat.UPPER_ROMAN,
}


def style_for_depth(depth: int) -> ListStyle:
    """The style of an ordered list with no style of its own, nested `depth` deep (0 outermost).

    1., 2. at the top; a., b. inside; i., ii. below that; deeper levels repeat the cycle.
    """
    return (ListStyle.DECIMAL, ListStyle.LOWER_LETTER, ListStyle.LOWER_ROMAN)[depth % 3]
