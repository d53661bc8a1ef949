"""Every validator refuses what it should, names the field and the value, and lets good values through."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pccplan.errors import PccplanError, UnknownFieldError, ValidationError
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


@given(st.decimals(min_value=0, max_value=Decimal(10**12) - Decimal("0.01"), places=2, allow_nan=False))
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


@pytest.mark.parametrize(
    "day", [dt.date(1899, 12, 31), dt.date(3000, 1, 1), dt.date(9999, 12, 31), dt.date.min]
)
def test_a_date_outside_the_years_the_rules_compute_is_refused(day: dt.date) -> None:
    error = refusal(day=day)
    assert (error.path, error.value) == ("day", day)
    assert "must be between 1900-01-01 and 2999-12-31" in error.reason
    assert refusal(maybe_day=day).path == "maybe_day"


@pytest.mark.parametrize("day", [v.EARLIEST_DATE, v.LATEST_DATE])
def test_the_first_and_last_days_are_accepted(day: dt.date) -> None:
    assert Sample(name="a", day=day).day == day


@pytest.mark.parametrize("amount", [Decimal("1e30"), Decimal("1e12"), Decimal("-1e40"), "1e30"])
def test_an_amount_too_large_for_pence_arithmetic_is_refused(amount: object) -> None:
    error = refusal(amount=amount)
    assert error.path == "amount"
    assert error.reason == "must be less than 1,000,000,000,000 pounds"


def test_an_enumeration_error_lists_the_values() -> None:
    from pccplan.model.panel import Answer, RecommendationResponse

    with pytest.raises(ValidationError) as caught:
        RecommendationResponse(ref="1", answer="accepted", reasons="r")  # type: ignore[arg-type]
    assert "must be a Answer" not in str(caught.value)
    assert caught.value.reason == (
        "must be one of Answer.ACCEPTED, Answer.ACCEPTED_IN_PART, Answer.NOT_ACCEPTED, Answer.NOTED"
        " (in a plan file 'accepted', 'accepted-in-part', 'not-accepted', 'noted')"
    )
    assert RecommendationResponse(ref="1", answer=Answer.NOTED, reasons="r").answer is Answer.NOTED


def test_a_member_of_the_wrong_class_is_named_with_its_article() -> None:
    error = refusal(items=["a", 3])
    assert error.reason == "must be a str"


def test_close_matches() -> None:
    assert v.close_matches("nme", ["name", "aim"]) == "; did you mean 'name'?"
    assert v.close_matches("zzz", ["name", "aim"]) == ""


def _every_model_class() -> list[type]:
    from pccplan.model.area import PoliceArea
    from pccplan.model.convert import MODEL_CLASSES

    return [*MODEL_CLASSES, PoliceArea]


@pytest.mark.parametrize("cls", _every_model_class(), ids=lambda c: c.__name__)
def test_every_model_class_refuses_an_unknown_keyword_naming_it(cls: type) -> None:
    first = attrs.fields(cls)[0].name
    with pytest.raises(UnknownFieldError) as caught:
        cls(**{first + "s": "x"})
    problem = caught.value.problems[0]
    assert (problem.where, problem.value) == (f"{cls.__name__}.{first}s", "x")
    assert problem.reason.startswith(f"is not a field; did you mean {first!r}")


def test_a_missing_keyword_is_named_like_a_missing_key_in_a_file() -> None:
    from pccplan.model.plan import Theme

    with pytest.raises(ValidationError, match=r"^Theme\.aim: is required but missing"):
        Theme(name="x")  # type: ignore[call-arg]


def test_positional_arguments_are_still_python_s_type_error() -> None:
    from pccplan.model.plan import Theme

    with pytest.raises(TypeError, match="positional"):
        Theme("x", "y")  # type: ignore[misc]


def test_checked_fields_keeps_the_signature_and_evolve() -> None:
    import inspect

    from pccplan.model.plan import Theme

    assert "aim" in inspect.signature(Theme).parameters
    theme = Theme(name="a", aim="b")
    assert attrs.evolve(theme, aim="c").aim == "c"
    with pytest.raises(UnknownFieldError):
        attrs.evolve(theme, aims="c")
