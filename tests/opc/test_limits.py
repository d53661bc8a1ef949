"""Tests for the reader's limits."""

from __future__ import annotations

import pytest

from pccplan.errors import ValidationError
from pccplan.opc.limits import Limits


def test_defaults_are_generous_for_council_documents_and_bounded() -> None:
    limits = Limits()
    assert limits.file_bytes == 64 * 1024 * 1024
    assert limits.part_bytes <= limits.total_bytes
    assert 100 <= limits.ratio <= 1000
    assert limits.depth == 128


@pytest.mark.parametrize("value", [0, -1, True, 1.5, "10"])
def test_each_limit_is_a_positive_whole_number(value: object) -> None:
    with pytest.raises(ValidationError, match=r"Limits\.members: must be a whole number"):
        Limits(members=value)  # type: ignore[arg-type]
