"""The FOI Act's Part II exemptions as data: section numbers, headings, citations."""

from __future__ import annotations

import pytest

from pccplan.errors import ValidationError
from pccplan.model.sources import Confidence
from pccplan.statute.foi import FOI_EXEMPTIONS, foi_exemption


def test_the_sections_of_part_ii_without_section_25() -> None:
    assert sorted(FOI_EXEMPTIONS) == [n for n in range(21, 45) if n != 25]
    assert FOI_EXEMPTIONS[31] == "Law enforcement"
    assert FOI_EXEMPTIONS[43] == "Commercial interests"


def test_an_exemption_cites_its_section() -> None:
    found = foi_exemption(40)
    assert found.label == "section 40 of the Freedom of Information Act 2000 (personal information)"
    assert found.citation.url == "https://www.legislation.gov.uk/ukpga/2000/36/section/40"
    assert found.citation.confidence is Confidence.SECONDARY


@pytest.mark.parametrize(
    ("section", "words"), [(25, "supplements the certificates"), (45, "not an exemption")]
)
def test_a_section_that_is_not_a_ground_is_refused(section: int, words: str) -> None:
    with pytest.raises(ValidationError, match=f"foi_section.*{words}.*21, 22"):
        foi_exemption(section)


def test_foi_exemptions_are_a_declared_rule() -> None:
    """FOI-1: the Part II exemptions are a rule of the registry, with a citation of the Act's own URL."""
    from pccplan.statute.foi import FOI_1
    from pccplan.statute.registry import rule

    assert rule("FOI-1") == FOI_1
    assert rule("FOI-1").function is foi_exemption
    assert rule("FOI-1").citation.url.startswith("https://www.legislation.gov.uk/ukpga/2000/36/")
