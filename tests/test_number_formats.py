"""Tests for Word's number formats and list styles: what each shows, and that shown then read is exact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pccplan.errors import ValidationError
from pccplan.number_formats import (
    ROMAN_MAX,
    ListStyle,
    NumberFormat,
    format_number,
    parse_number,
    style_for_depth,
)


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (3, NumberFormat.DECIMAL, "3"),
        (3, NumberFormat.LOWER_LETTER, "c"),
        (27, NumberFormat.LOWER_LETTER, "aa"),
        (28, NumberFormat.UPPER_LETTER, "BB"),
        (4, NumberFormat.LOWER_ROMAN, "iv"),
        (1994, NumberFormat.UPPER_ROMAN, "MCMXCIV"),
        (5000, NumberFormat.LOWER_ROMAN, "mmmcmxcix"),  # Word stops at 3999 too
        (3, "decimalZero", "03"),
        (12, "ordinal", "12th"),
        (22, "ordinal", "22nd"),
        (3, "none", ""),
        (3, "chineseCounting", "3"),  # a format pccplan cannot draw shows as a decimal
    ],
)
def test_what_each_format_shows(value: int, fmt: NumberFormat | str, shown: str) -> None:
    assert format_number(value, fmt) == shown


def test_letters_can_be_capped() -> None:
    assert format_number(26 * 5 + 1, NumberFormat.LOWER_LETTER, max_letters=3) == "aaa"


@pytest.mark.parametrize(
    ("style", "labels", "level_text"),
    [
        (ListStyle.DECIMAL, ["1.", "2."], "%1."),
        (ListStyle.LOWER_LETTER, ["a.", "b."], "%1."),
        (ListStyle.LOWER_LETTER_BRACKETED, ["(a)", "(b)"], "(%1)"),
        (ListStyle.LOWER_ROMAN, ["i.", "ii."], "%1."),
        (ListStyle.LOWER_ROMAN_BRACKETED, ["(i)", "(ii)"], "(%1)"),
        (ListStyle.UPPER_LETTER, ["A.", "B."], "%1."),
        (ListStyle.UPPER_ROMAN, ["I.", "II."], "%1."),
    ],
)
def test_each_list_style_labels_its_items(style: ListStyle, labels: list[str], level_text: str) -> None:
    assert [style.label(n) for n in (1, 2)] == labels
    assert style.level_text(0) == level_text
    assert ListStyle.of(style.format.value, level_text, 0) is style


def test_unstyled_lists_cycle_by_depth() -> None:
    assert [style_for_depth(d).value for d in range(4)] == ["1.", "a.", "i.", "1."]


@pytest.mark.parametrize(
    ("shown", "fmt"),
    [
        ("ab", NumberFormat.LOWER_LETTER),  # letters repeat one letter
        ("A", NumberFormat.LOWER_LETTER),
        ("iiii", NumberFormat.LOWER_ROMAN),  # not how Word writes 4
        ("IV", NumberFormat.LOWER_ROMAN),
        ("x1", NumberFormat.DECIMAL),
        ("", NumberFormat.UPPER_ROMAN),
    ],
)
def test_what_is_not_a_number_of_a_format_is_named(shown: str, fmt: NumberFormat) -> None:
    with pytest.raises(ValidationError, match=f"not a number in Word's {fmt.value} format") as caught:
        parse_number(shown, fmt)
    assert caught.value.value == shown


def test_a_label_of_another_style_is_named() -> None:
    with pytest.raises(ValidationError, match=r"not a label in the '\(a\)' style"):
        ListStyle.LOWER_LETTER_BRACKETED.number("a.")


def _limit(fmt: NumberFormat) -> int:
    return ROMAN_MAX if fmt in (NumberFormat.LOWER_ROMAN, NumberFormat.UPPER_ROMAN) else 10**6


def test_most_round_trip_cases_reach_the_assertion() -> None:
    """Counts the cases of the round trip that reached its assertion (not clipped by Roman's limit)."""
    reached: list[bool] = []

    @given(st.sampled_from(NumberFormat), st.integers(1, 10**6) | st.integers(1, ROMAN_MAX))
    def check(fmt: NumberFormat, value: int) -> None:
        reached.append(value <= _limit(fmt))
        if reached[-1]:
            assert parse_number(format_number(value, fmt), fmt) == value

    check()
    assert sum(reached) >= 0.6 * len(reached)


@given(st.sampled_from(ListStyle), st.integers(1, ROMAN_MAX))
def test_a_label_shown_then_read_is_the_same_number(style: ListStyle, value: int) -> None:
    assert style.number(style.label(value)) == value
