"""The converter: strict leaves, paths in errors, round trips for every model object."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from tests.strategies import documents

from pccplan.errors import ValidationError
from pccplan.model.area import find_area
from pccplan.model.convert import MODEL_CLASSES, Unreadable, make_converter, structure, unstructure
from pccplan.model.plan import Grant, Plan

GOOD = {
    "title": "Plan",
    "area": "essex",
    "commissioner": {"name": "Roger Hirst", "title": "Police, Fire and Crime Commissioner"},
    "themes": [{"name": "Victims", "aim": "Support"}],
}


def problems(data: object, cls: type = Plan) -> list[tuple[str, object]]:
    with pytest.raises(ValidationError) as caught:
        structure(data, cls)
    return [(p.path, p.value) for p in caught.value.problems]


def test_make_converter_is_fresh_each_time() -> None:
    assert make_converter() is not make_converter()


def test_a_hook_on_a_copy_reaches_neither_the_default_nor_other_copies() -> None:
    changed = make_converter()
    changed.register_structure_hook(Plan, lambda value, _: "a plan of my own")
    assert structure(GOOD, Plan, changed) == "a plan of my own"
    assert structure(GOOD, Plan).title == GOOD["title"]  # the default is the built one, unchanged
    assert structure(GOOD, Plan, make_converter()).title == GOOD["title"]
    assert unstructure(structure(GOOD, Plan))["title"] == GOOD["title"]


def test_area_as_slug_or_name_and_back_to_slug() -> None:
    plan = structure({**GOOD, "area": "Essex"}, Plan)
    assert plan.area == find_area("essex")
    assert unstructure(plan)["area"] == "essex"


def test_custom_area_round_trips_as_a_mapping() -> None:
    import attrs

    custom = attrs.evolve(find_area("essex"), name="Essex (test)")
    plan = structure(GOOD, Plan)
    data = unstructure(attrs.evolve(plan, area=custom))
    assert isinstance(data["area"], dict)
    assert structure(data, Plan).area == custom


def test_defaults_are_left_out_of_plain_data() -> None:
    data = unstructure(structure(GOOD, Plan))
    assert set(data) == {"title", "area", "commissioner", "themes"}


def test_nested_errors_have_full_paths_and_values() -> None:
    data = {
        **GOOD,
        "themes": [{"name": "a", "aim": "b"}, {"name": "c", "aim": "d", "outcomes": [{"statement": ""}]}],
    }
    assert problems(data) == [("themes[1].outcomes[0].statement", "")]


def test_every_problem_is_reported_at_once() -> None:
    data = {
        **GOOD,
        "area": "esex",
        "commissioner": {"name": ""},
        "issued": "2017-13-01",
        "grants": [{"recipient": "r", "amount": "1.005", "purpose": "p", "power": "x"}],
        "colour": "blue",
    }
    found = dict(problems(data))
    assert found == {
        "area": "esex",
        "commissioner.name": "",
        "issued": "2017-13-01",
        "grants[0].power": "x",
        "colour": "blue",
    }


def test_missing_field_is_named() -> None:
    assert problems({"area": "essex", "commissioner": {"name": "a"}}) == [("title", None)]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", 3),
        ("title", ["a"]),
        ("issued", dt.datetime(2017, 1, 1, 9, 0)),
        ("issued", 20170101),
        ("title", None),
    ],
)
def test_leaves_are_strict(field: str, value: object) -> None:
    assert problems({**GOOD, field: value}) == [(field, value)]


def test_booleans_and_whole_numbers_are_strict() -> None:
    theme = {"name": "a", "aim": "b", "illustrative": "yes"}
    assert problems({**GOOD, "themes": [theme]}) == [("themes[0].illustrative", "yes")]
    resources = {"summary": "s", "financial_year": "2017"}
    assert problems({**GOOD, "resources": resources}) == [("resources.financial_year", "2017")]


GRANT = {"recipient": "r", "purpose": "p", "power": "prsra-2011-s9"}


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("1250.10", Decimal("1250.10")),
        (1250, Decimal(1250)),
        (1250.1, Decimal("1250.1")),
        (Decimal("2.50"), Decimal("2.50")),
    ],
)
def test_money_from_files(amount: object, expected: Decimal) -> None:
    assert structure({**GRANT, "amount": amount}, Grant).amount == expected


@pytest.mark.parametrize("amount", [12345678901234.56, float("nan"), float("inf"), True, "lots"])
def test_money_that_would_lose_pence_is_refused(amount: object) -> None:
    with pytest.raises(ValidationError) as caught:
        structure({**GRANT, "amount": amount}, Grant)
    assert caught.value.path == "amount"


def test_non_mapping_is_refused() -> None:
    assert problems(["a"]) == [("", ["a"])]


def test_model_classes_listed_once() -> None:
    assert len(set(MODEL_CLASSES)) == len(MODEL_CLASSES)


@given(documents)
def test_every_model_object_round_trips_through_plain_data(obj: object) -> None:
    converter = make_converter()
    assert structure(unstructure(obj, converter), type(obj), converter) == obj


def test_paragraphs_may_be_plain_text_in_files() -> None:
    from pccplan.model.document import ReportParagraph, ReportSection

    data = {"heading": "H", "paragraphs": ["Plain.", {"text": "Bulleted:", "bullets": ["a"]}]}
    section = structure(data, ReportSection)
    assert section.paragraphs[0] == ReportParagraph(text="Plain.")
    assert unstructure(section)["paragraphs"] == ["Plain.", {"text": "Bulleted:", "bullets": ["a"]}]


def test_a_mapping_expected_but_text_given_says_so() -> None:
    assert problems({**GOOD, "commissioner": "Roger Hirst"}) == [("commissioner", "Roger Hirst")]
    with pytest.raises(ValidationError, match="expected a mapping with the fields of Commissioner"):
        structure({**GOOD, "commissioner": "Roger Hirst"}, Plan)


def test_keys_that_are_not_text_are_named_with_the_mapping_they_are_in() -> None:
    data = {**GOOD, "commissioner": {"name": "x", 1: "a", None: "b"}, 2.5: "c"}
    assert dict(problems(data)) == {"commissioner.1": 1, "commissioner.null": None, "2.5": 2.5}


def test_an_unknown_key_names_the_close_fields() -> None:
    with pytest.raises(
        ValidationError, match=r"themes\[0\]\.nme: is not a field of Theme; did you mean 'name'\?"
    ):
        structure({**GOOD, "themes": [{"nme": "a", "aim": "b"}]}, Plan)


def test_an_unreadable_value_is_refused_where_it_is() -> None:
    bad = Unreadable(text="NaN", reason="NaN is not a number pccplan accepts")
    data = {**GOOD, "title": bad, "themes": bad, "commissioner": bad, "issued": bad}
    found = problems(data)
    assert found == [("title", "NaN"), ("commissioner", "NaN"), ("themes", "NaN"), ("issued", "NaN")]


def test_only_a_list_is_a_list() -> None:
    assert problems({**GOOD, "objectives": "abc"}) == [("objectives", "abc")]
    assert problems({**GOOD, "themes": 5}) == [("themes", 5)]


def test_an_impossible_day_says_so() -> None:
    with pytest.raises(ValidationError, match=r"issued: is not a day of the calendar \(day is out of range"):
        structure({**GOOD, "issued": "2016-02-30"}, Plan)


def test_paths_from_data_carry_no_class_name() -> None:
    with pytest.raises(ValidationError) as caught:
        structure({**GOOD, "foreword": ""}, Plan)
    assert str(caught.value) == "foreword: must not be empty (got '')"


def test_an_area_written_out_reports_its_keys_like_any_mapping() -> None:
    found = dict(problems({**GOOD, "area": {1: "x", "nme": "y", "name": "Essex (test)"}}))
    assert found["area.1"] == 1
    assert found["area.nme"] == "y"
    assert found["area.slug"] is None
