"""Tests for the house styles."""

from __future__ import annotations

from pccplan.render.docx.styles import HOUSE_STYLES, Role, text_width


def test_parents_come_before_children_and_every_role_has_a_style() -> None:
    seen: set[str] = set()
    for spec in HOUSE_STYLES:
        if spec.based_on:
            assert spec.based_on in seen, spec.name
        seen.add(spec.name)
    roles = [v for k, v in vars(Role).items() if k.isupper()]
    for role in roles:
        for name in role if isinstance(role, tuple) else (role,):
            assert name in seen, name


def test_no_house_text_style_is_below_nine_point() -> None:
    # pccplan's accessibility checker flags text below 9pt (docs/accessibility.md).
    assert all(spec.size is None or spec.size >= 9 for spec in HOUSE_STYLES)


def test_text_width_never_goes_below_an_inch() -> None:
    assert text_width(11906, 1440, 1440) == 9026
    assert text_width(1000, 900, 900) == 1440
