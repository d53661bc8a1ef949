"""Tests for money as officers write it: one function, the style chosen in the house form."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from pccplan.compose.money import MoneyStyle, money
from pccplan.errors import ValidationError


@pytest.mark.parametrize(
    ("amount", "style", "shown"),
    [
        ("94250000", MoneyStyle.MILLIONS, "£94.25m"),
        ("94200000", MoneyStyle.MILLIONS, "£94.2m"),
        ("94000000", MoneyStyle.MILLIONS, "£94m"),
        ("94254999.99", MoneyStyle.MILLIONS, "£94.25m"),
        ("94255000", MoneyStyle.MILLIONS, "£94.26m"),  # half up
        ("1250000000", MoneyStyle.MILLIONS, "£1,250m"),
        ("-1500000", MoneyStyle.MILLIONS, "-£1.5m"),
        ("94250000", MoneyStyle.POUNDS, "£94,250,000"),
        ("94250000.50", MoneyStyle.POUNDS, "£94,250,001"),
        ("-5", MoneyStyle.POUNDS, "-£5"),
        ("0", MoneyStyle.POUNDS, "£0"),
        ("94250000", MoneyStyle.PENCE, "£94,250,000.00"),
        ("0.004", MoneyStyle.PENCE, "£0.00"),
    ],
)
def test_each_style_writes_amounts_as_officers_do(amount: str, style: MoneyStyle, shown: str) -> None:
    assert money(Decimal(amount), style) == shown


def test_whole_pounds_are_the_default_so_pence_never_appear_by_accident() -> None:
    assert money(Decimal("94250000.00")) == "£94,250,000"


@pytest.mark.parametrize("amount", [94250000.0, 5, "5", True, Decimal("NaN"), Decimal("Infinity")])
def test_only_a_finite_decimal_is_money(amount: object) -> None:
    with pytest.raises(ValidationError, match="amount"):
        money(amount)  # type: ignore[arg-type]


def test_the_style_must_be_a_money_style() -> None:
    with pytest.raises(ValidationError, match="style"):
        money(Decimal(1), "millions")  # type: ignore[arg-type]


def test_no_style_but_pence_ever_shows_pence() -> None:
    reached: list[Decimal] = []

    @settings(max_examples=200)
    @given(st.decimals(min_value=-(10**12), max_value=10**12, places=2))
    def check(amount: Decimal) -> None:
        event("negative" if amount < 0 else "not negative")
        for style in (MoneyStyle.MILLIONS, MoneyStyle.POUNDS):
            shown = money(amount, style)
            assert not shown.endswith(".00")
            assert shown.lstrip("-").startswith("£")
        reached.append(amount)

    check()
    assert len(reached) >= 150  # most generated amounts reached the assertions
