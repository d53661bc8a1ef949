"""The V/S/U confidence scale of the statute fact sheet."""

from pccplan.model.sources import Confidence


def test_confidence_values_and_labels() -> None:
    assert [c.value for c in Confidence] == ["V", "S", "U"]
    assert Confidence("U").label == "unverified"
    assert Confidence.VERIFIED.label == "verified"
    assert Confidence.SECONDARY.label == "secondary source"
