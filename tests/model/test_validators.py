"""Every validator refuses what it should, names the field and the value, and lets good values through."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pccplan.errors import PccplanError, ValidationError
from pccplan.model import validators as v


@attrs.frozen(kw_only=True)
class Sample:
    """A class that uses every validator once."""

    name: str = attrs.field(validator=v.text)
    note: str | None = attrs.field(default=None, validator=v.optional_text)
    slug: str = attrs.field(default="a-b", validator=v.slug_text)
    link: str = attrs.field(default="https://example.gov.uk/", validator=v.url)
    day: dt.date = attrs.field(default=dt.date(2020, 1, 1), validator=v.date_value)
    maybe_day: dt.date | None = attrs.field(default=None, validator=v.optional_date)
    amount: Decimal = attrs.field(default=Decimal(0), converter=v.to_money, validator=v.money)
    items: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=v.each(str, v.text))


def refusal(**fields: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        Sample(**{"name": "ok", **fields})  # type: ignore[arg-type]
    return caught.value


@pytest.mark.parametrize("bad", ["", "   ", "\n\t"])
def test_required_text_refuses_empty(bad: str) -> None:
    error = refusal(name=bad)
    assert error.path == "name"
    assert error.value == bad
    assert str(error).startswith("Sample.name: must not be empty")


def test_required_text_refuses_non_text() -> None:
    error = refusal(name=12)
    assert (error.path, error.value, error.reason) == ("name", 12, "must be text")


@pytest.mark.parametrize(
    "char", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff", "\ud800"]
)
def test_text_refuses_characters_xml_cannot_hold(char: str) -> None:
    error = refusal(name=f"ab{char}cd")
    assert error.path == "name"
    assert f"U+{ord(char):04X} at offset 2" in error.reason


@pytest.mark.parametrize("fine", ["tab\there", "line\nbreak", "cr\r", "Welsh: Gogledd Cymru ŵŷ", "£ – ’ “”"])
def test_text_accepts_what_xml_can_hold(fine: str) -> None:
    assert Sample(name=fine).name == fine


def test_optional_text_accepts_none_but_not_empty() -> None:
    assert Sample(name="a", note=None).note is None
    assert refusal(note="").path == "note"


@pytest.mark.parametrize("bad", ["South Yorkshire", "south--yorkshire", "-a", "a-", "a_b", ""])
def test_slug_refuses_non_slugs(bad: str) -> None:
    assert refusal(slug=bad).path == "slug"


@pytest.mark.parametrize("bad", ["www.legislation.gov.uk", "ftp://x", "https://a b", "javascript:alert(1)"])
def test_url_refuses_relative_or_unsafe(bad: str) -> None:
    assert refusal(link=bad).path == "link"


def test_url_accepts_http_https_mailto() -> None:
    for good in (
        "http://a.uk",
        "https://www.legislation.gov.uk/ukpga/2011/13",
        "mailto:panel@council.gov.uk",
    ):
        assert Sample(name="a", link=good).link == good


@pytest.mark.parametrize("bad", ["2020-01-01", dt.datetime(2020, 1, 1, 12, 0), 20200101])
def test_dates_must_be_dates(bad: object) -> None:
    assert refusal(day=bad).path == "day"
    assert refusal(maybe_day=bad).path == "maybe_day"


@pytest.mark.parametrize(
    ("given_", "reason"),
    [
        (Decimal("-0.01"), "must not be negative"),
        (Decimal("1.005"), "whole pence"),
        (Decimal("NaN"), "finite"),
        (Decimal("Infinity"), "finite"),
        (1.5, "Decimal"),
        (True, "Decimal"),
        ("twelve", "Decimal"),
    ],
)
def test_money_refuses(given_: object, reason: str) -> None:
    error = refusal(amount=given_)
    assert error.path == "amount"
    assert reason in error.reason


@pytest.mark.parametrize(
    ("given_", "expected"),
    [
        (12, Decimal(12)),
        ("1,250.50", Decimal("1250.50")),
        ("£3.10", Decimal("3.10")),
        (Decimal("0.10"), Decimal("0.10")),
    ],
)
def test_money_converts_exact_inputs(given_: object, expected: Decimal) -> None:
    assert Sample(name="a", amount=given_).amount == expected  # type: ignore[arg-type]


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False))
def test_any_whole_pence_amount_is_accepted(amount: Decimal) -> None:
    assert Sample(name="a", amount=amount).amount == amount


def test_lists_become_tuples_and_members_are_checked() -> None:
    assert Sample(name="a", items=["x", "y"]).items == ("x", "y")
    error = refusal(items=["x", ""])
    assert error.path == "items[1]"
    assert error.value == ""


def test_each_refuses_wrong_member_type_and_a_bare_string() -> None:
    assert refusal(items=["x", 3]).path == "items[1]"
    assert refusal(items="xy").path == "items"


def test_check_unique_names_the_second_duplicate() -> None:
    with pytest.raises(ValidationError) as caught:
        v.check_unique(["Victims", "Offenders", " victims "], str, "themes", "name", "Plan")
    assert caught.value.path == "themes[2].name"
    assert "themes[0]" in caught.value.reason
    assert str(caught.value).startswith("Plan.themes[2].name")


def test_validation_errors_are_pccplan_errors_and_value_errors() -> None:
    error = refusal(name="")
    assert isinstance(error, PccplanError)
    assert isinstance(error, ValueError)


def test_xml_unsafe_reason() -> None:
    assert v.xml_unsafe_reason("fine") is None
    assert v.xml_unsafe_reason("a\x07") == "contains a character XML cannot hold (U+0007 at offset 1)"
