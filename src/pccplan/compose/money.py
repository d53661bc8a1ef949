"""Amounts of money as officers write them: '£94.25m' or '£94,250,000', as the house form chooses."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from pccplan.errors import ValidationError
from pccplan.model.form import MoneyStyle

__all__ = ["MoneyStyle", "money"]

_MILLION = Decimal(1_000_000)
_HUNDREDTH = Decimal("0.01")
_POUND = Decimal(1)


def money(amount: Decimal, style: MoneyStyle = MoneyStyle.POUNDS) -> str:
    """`amount` (pounds, a `Decimal`) written in `style`: the one place money becomes text.

    - ``MILLIONS``: millions to at most two places, trailing zeros dropped: '£94.25m',
      '£94.2m', '£94m' (what budget reports and plans print).
    - ``POUNDS``: whole pounds with thousands separated: '£94,250,000'. Pence are rounded
      away, so '£94,250,000.00' never appears unless asked for.
    - ``PENCE``: pounds and pence, '£94,250,000.00', for accounts that need them.

    Rounding is half up; below zero the sign comes first ('-£1.5m'). A float is refused
    (`ValidationError` naming `amount`): it cannot hold pence exactly.
    """
    if isinstance(amount, bool) or not isinstance(amount, Decimal) or not amount.is_finite():
        raise ValidationError.one("amount", "must be a finite Decimal number of pounds", amount)
    if not isinstance(style, MoneyStyle):
        raise ValidationError.one("style", "must be a MoneyStyle", style)
    sign = "-" if amount < 0 else ""
    size = abs(amount)
    if style is MoneyStyle.MILLIONS:
        millions = (size / _MILLION).quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)
        digits = f"{millions:,.2f}".rstrip("0").rstrip(".")
        return f"{sign}£{digits}m" if millions else "£0m"
    if style is MoneyStyle.POUNDS:
        whole = size.quantize(_POUND, rounding=ROUND_HALF_UP)
        return f"{sign}£{whole:,.0f}" if whole else "£0"
    pence = size.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)
    return f"{sign}£{pence:,.2f}" if pence else "£0.00"
