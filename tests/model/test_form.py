"""House forms: parts checked against what each composer writes, headings, naming, number patterns."""

from __future__ import annotations

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from pccplan.errors import ValidationError
from pccplan.model.area import BodyKind
from pccplan.model.form import (
    FORM_PARTS,
    REQUIRED_PARTS,
    DocumentForm,
    FormPart,
    HouseForm,
    Naming,
)


def letter_form(*keys: str) -> DocumentForm:
    return DocumentForm(kind="panel-letter", parts=[FormPart(key=k) for k in keys])


REQUIRED_LETTER = REQUIRED_PARTS["panel-letter"]


def test_a_misspelt_part_is_refused_with_the_parts_allowed_and_the_closest() -> None:
    with pytest.raises(
        ValidationError, match=r"parts\[4\]\.key: must be one of sender, .*did you mean 'views'"
    ) as info:
        letter_form(*REQUIRED_LETTER, "view")
    assert info.value.value == "view"


def test_a_required_part_cannot_be_left_out() -> None:
    with pytest.raises(ValidationError, match="a panel-letter needs its 'introduction' part"):
        letter_form("addressee", "salutation", "sign-off")


def test_an_unknown_kind_of_document_lists_the_kinds() -> None:
    with pytest.raises(
        ValidationError,
        match=r"kind: must be one of panel-report, decision-notice, .*did you mean 'panel-letter'",
    ):
        DocumentForm(kind="panel-leter", parts=[])


def test_a_part_may_appear_once() -> None:
    with pytest.raises(ValidationError, match=r"parts\[4\]\.key: duplicate key"):
        letter_form(*REQUIRED_LETTER, "salutation")


def test_a_response_table_has_two_columns() -> None:
    parts = [FormPart(key="introduction"), FormPart(key="table")]
    with pytest.raises(ValidationError, match="columns: must give two headings"):
        DocumentForm(kind="response-table", parts=parts, columns=["Comment"])
    assert DocumentForm(kind="response-table", parts=parts, columns=["A", "B"]).columns == ("A", "B")


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (
            "{yr}/{n}",
            r"uses \{yr\}; a pattern's fields must be one of n, year, fy, fy_short \(did you mean 'year'\?\)",
        ),
        ("{n.real}", r"uses \{n.real\}"),
        ("{n", "is not a pattern"),
        ("{n:q}", "cannot be filled in"),
    ],
)
def test_a_decision_number_pattern_uses_only_its_fields(pattern: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        HouseForm(name="Office", body=BodyKind.PCC, decision_number=pattern)


def test_a_form_names_the_kinds_it_has_when_asked_for_another() -> None:
    form = HouseForm(name="Office", body=BodyKind.PCC, documents=[letter_form(*REQUIRED_LETTER)])
    assert form.kinds == ("panel-letter",)
    with pytest.raises(ValidationError, match="has no 'response-table' form \\(it has panel-letter\\)"):
        form.document("response-table")


def test_a_document_may_set_its_own_capitals() -> None:
    own = DocumentForm(kind="panel-letter", parts=[FormPart(key=k) for k in REQUIRED_LETTER], capitals=False)
    form = HouseForm(name="Office", body=BodyKind.PCC, capitals=True, documents=[own])
    assert form.capitals_for("panel-letter") is False
    inherit = HouseForm(
        name="Office", body=BodyKind.PCC, capitals=True, documents=[letter_form(*REQUIRED_LETTER)]
    )
    assert inherit.capitals_for("panel-letter") is True


def test_two_forms_of_one_kind_are_refused() -> None:
    with pytest.raises(ValidationError, match=r"documents\[1\]\.kind: duplicate kind"):
        HouseForm(
            name="Office",
            body=BodyKind.PCC,
            documents=[letter_form(*REQUIRED_LETTER), letter_form(*REQUIRED_LETTER)],
        )


def test_naming_starts_sentences_and_makes_possessives() -> None:
    assert Naming.start("the PFCC") == "The PFCC"
    assert Naming.start("MOPAC") == "MOPAC"
    assert Naming.possessive("the Mayor") == "the Mayor\u2019s"
    with pytest.raises(ValidationError, match=r"Naming.commissioner: must not be empty"):
        Naming(commissioner=" ")


def test_a_part_knows_its_place() -> None:
    form = letter_form("sign-off", *REQUIRED_LETTER[:-1])
    assert form.keys[0] == "sign-off"
    assert form.part("views") is None
    assert form.part("salutation") == FormPart(key="salutation")


def test_any_order_of_allowed_parts_with_the_required_ones_is_a_form() -> None:
    reached = 0

    @settings(max_examples=60)
    @given(data=st.data(), kind=st.sampled_from(sorted(FORM_PARTS)))
    def check(data: st.DataObject, kind: str) -> None:
        nonlocal reached
        optional = [k for k in FORM_PARTS[kind] if k not in REQUIRED_PARTS[kind]]
        chosen = data.draw(st.lists(st.sampled_from(optional), unique=True)) if optional else []
        keys = data.draw(st.permutations([*REQUIRED_PARTS[kind], *chosen]))
        form = DocumentForm(kind=kind, parts=[FormPart(key=k) for k in keys])
        event(f"kind {kind}")
        assert form.keys == tuple(keys)
        reached += 1

    check()
    assert reached >= 50  # every drawn case reaches the assertion: nothing is filtered away


def test_a_logo_needs_alt_text_or_the_decorative_mark() -> None:
    import pytest

    from pccplan.errors import ValidationError
    from pccplan.model.form import Logo

    with pytest.raises(ValidationError, match=r"Logo\.alt: a logo needs alt text"):
        Logo(path="logo.png")
    with pytest.raises(ValidationError, match=r"Logo\.decorative"):
        Logo(path="logo.png", alt="Office", decorative=True)
    assert Logo(path="logo.png", decorative=True).alt is None


def test_the_house_form_chooses_how_money_is_written() -> None:
    from pccplan.files import loads
    from pccplan.forms import starter_form
    from pccplan.model.form import HouseForm, MoneyStyle

    form = loads(starter_form("pcc") + "money: millions\n", HouseForm, source="form.yaml")
    assert form.money is MoneyStyle.MILLIONS
    assert loads(starter_form("pcc"), HouseForm, source="form.yaml").money is MoneyStyle.POUNDS
