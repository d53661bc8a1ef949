"""The shared comparison, hash and repr behave as the ones attrs generates."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pccplan.model.classes import shared_eq_repr


def _fields() -> dict[str, Any]:
    """One set of fields of each kind: compared and shown, left out of both, an eq key and a repr callable."""
    return {
        "name": attrs.field(),
        "size": attrs.field(default=0),
        "note": attrs.field(default="", eq=False, repr=False),
        "code": attrs.field(default="a", eq=str.casefold, repr=lambda v: f"<{v}>"),
    }


Generated: Any = attrs.make_class("Generated", _fields(), kw_only=True, frozen=True)
Shared: Any = shared_eq_repr(
    attrs.make_class("Shared", _fields(), kw_only=True, frozen=True, eq=False, repr=False)
)


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Other:
    name: str


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Holder:
    items: list[object]


values = st.fixed_dictionaries(
    {
        "name": st.text(max_size=3),
        "size": st.integers(-2, 2),
        "note": st.text(max_size=2),
        "code": st.sampled_from("aAb"),
    }
)


@given(values, values)
def test_equality_and_repr_are_attrs_own(one: dict[str, object], two: dict[str, object]) -> None:
    shared, generated = Shared(**one), Generated(**one)
    assert repr(shared) == repr(generated).replace("Generated(", "Shared(", 1)
    assert (Shared(**one) == Shared(**two)) is (Generated(**one) == Generated(**two))
    if Shared(**one) == Shared(**two):
        assert hash(Shared(**one)) == hash(Shared(**two))
    assert hash(shared) == hash(Shared(**one))


def test_another_class_is_never_equal_and_hashes_apart() -> None:
    assert Shared(name="x") != Other(name="x")
    assert Shared(name="x").__eq__(Other(name="x")) is NotImplemented
    assert len({Shared(name="x"), Shared(name="x"), Other(name="x")}) == 2


def test_repr_of_an_object_inside_itself_is_dots() -> None:
    holder = Holder(items=[])
    holder.items.append(holder)
    assert repr(holder) == "Holder(items=[...])"


def test_a_list_field_is_unhashable_as_with_attrs() -> None:
    with pytest.raises(TypeError):
        hash(Holder(items=[]))


def test_a_method_of_the_class_body_is_kept() -> None:
    @shared_eq_repr
    @attrs.frozen(kw_only=True, eq=False, repr=False)
    class Own:
        name: str

        def __repr__(self) -> str:
            return "own"

    assert repr(Own(name="x")) == "own"
    assert Own(name="x") == Own(name="x")
