"""Tests for the options every renderer takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from pccplan.render.options import RenderOptions


def test_public_by_default_with_the_house_style() -> None:
    options = RenderOptions()
    assert options.public is True
    assert options.template is None


def test_public_must_be_a_bool() -> None:
    with pytest.raises(TypeError):
        RenderOptions(public="no")  # type: ignore[arg-type]


def test_a_template_may_be_a_path_or_bytes() -> None:
    assert RenderOptions(template=Path("t.docx")).template == Path("t.docx")
    assert RenderOptions(template=b"PK").template == b"PK"
