"""Tests for pictures in the tree: formats, sizes, and the alt text or decorative mark they need."""

from __future__ import annotations

import pytest
from tests.tree_strategies import JPEG, SVG, png_bytes

from pccplan.compose.picture import EMU_PER_CM, Picture, image_format, length, pixel_size
from pccplan.errors import ValidationError


def test_formats_are_known_from_the_bytes() -> None:
    assert image_format(png_bytes()) == "png"
    assert image_format(JPEG) == "jpeg"
    assert image_format(b'<?xml version="1.0"?>\n<!-- logo -->\n' + SVG) == "svg"
    assert image_format(b"GIF89a") is None


def test_sizes_are_read_from_png_and_jpeg_headers() -> None:
    assert pixel_size(png_bytes(40, 20)) == (40, 20)
    assert pixel_size(JPEG) == (4, 2)
    assert pixel_size(SVG) is None


@pytest.mark.parametrize(
    ("value", "emu"), [("4cm", 4 * EMU_PER_CM), ("35mm", 1_260_000), ("2.5 cm", 900_000)]
)
def test_lengths_are_given_in_cm_mm_or_emu(value: str, emu: int) -> None:
    assert length(value) == emu
    assert Picture(data=png_bytes(), width=value, alt="x").width == emu


def test_the_height_follows_the_image_when_not_given() -> None:
    assert Picture(data=png_bytes(40, 20), width="4cm", alt="Logo").size == (1_440_000, 720_000)
    svg = Picture(data=SVG, fallback=png_bytes(4, 1), width=400_000, decorative=True)
    assert svg.size == (400_000, 100_000)
    assert Picture(data=png_bytes(), width=10, height=30, alt="x").size == (10, 30)


def test_a_picture_with_neither_alt_text_nor_decorative_mark_is_refused_naming_alt() -> None:
    with pytest.raises(ValidationError, match=r"Picture\.alt: a picture needs alternative text"):
        Picture(data=png_bytes(), width="3cm")


def test_blank_alt_text_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"Picture\.alt"):
        Picture(data=png_bytes(), width="3cm", alt="  ")


def test_a_decorative_picture_takes_no_alt_text() -> None:
    with pytest.raises(ValidationError, match=r"Picture\.decorative"):
        Picture(data=png_bytes(), width="3cm", alt="Logo", decorative=True)
    assert Picture(data=png_bytes(), width="3cm", decorative=True).text == ""


def test_an_svg_needs_a_png_fallback() -> None:
    with pytest.raises(ValidationError, match=r"Picture\.fallback"):
        Picture(data=SVG, width="3cm", alt="Logo")
    with pytest.raises(ValidationError, match=r"Picture\.fallback"):
        Picture(data=SVG, fallback=JPEG, width="3cm", alt="Logo")
    with pytest.raises(ValidationError, match=r"Picture\.fallback"):
        Picture(data=png_bytes(), fallback=png_bytes(), width="3cm", alt="Logo")


@pytest.mark.parametrize("width", [0, -5, "4 inches", 51 * EMU_PER_CM, 2.5, True])
def test_a_width_that_is_not_a_length_on_a_page_is_refused(width: object) -> None:
    with pytest.raises(ValidationError, match=r"Picture\.width"):
        Picture(data=png_bytes(), width=width, alt="x")


def test_bytes_that_are_not_an_image_are_refused_naming_data() -> None:
    with pytest.raises(ValidationError, match=r"Picture\.data: must be the bytes of a PNG, JPEG or SVG"):
        Picture(data=b"GIF89a....", width="3cm", alt="x")


def test_a_picture_is_read_from_a_file_and_shows_short_in_its_repr(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    (tmp_path / "logo.png").write_bytes(png_bytes(8, 8))
    picture = Picture.from_file(tmp_path / "logo.png", width="2cm", alt="Office logo")
    assert picture.format == "png"
    assert picture.media_type == "image/png"
    assert picture.data_uri.startswith("data:image/png;base64,iVBOR")
    assert "bytes>" in repr(picture)
    assert picture.pixels == (76, 76)


def test_a_width_that_makes_a_narrow_image_over_50cm_tall_is_refused_naming_height() -> None:
    # Found by the normal-form property: 1 x 6 pixels at 8.3cm wide is 50.0cm tall in proportion.
    with pytest.raises(ValidationError) as caught:
        Picture(data=png_bytes(1, 6), width=3_000_001, decorative=True)
    assert caught.value.path == "height"
    assert "makes it 50.0cm tall, over 50cm" in caught.value.reason
    assert Picture(data=png_bytes(1, 6), width=3_000_000, decorative=True).size == (3_000_000, 18_000_000)
    assert Picture(data=png_bytes(1, 6), width=3_000_001, height="10cm", decorative=True).height == 3_600_000
