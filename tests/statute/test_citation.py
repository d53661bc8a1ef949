"""Tests for citations."""

from __future__ import annotations

from pccplan.model.sources import Confidence
from pccplan.statute.citation import Citation, legislation, prsra


def test_prsra_links_to_legislation_gov_uk() -> None:
    citation = prsra("s.50(7)", "section/50")
    assert citation.url == "https://www.legislation.gov.uk/ukpga/2011/13/section/50"
    assert str(citation) == "Police Reform and Social Responsibility Act 2011, s.50(7)"


def test_unverified_citation_says_so_wherever_shown() -> None:
    citation = legislation("Some Act 2020", "s.1", "ukpga/2020/1/section/1", Confidence.UNVERIFIED)
    assert citation.unverified
    assert citation.text.endswith("(unverified)")


def test_noted_adds_a_note_and_can_lower_confidence() -> None:
    base = Citation(instrument="X", pinpoint="", url="https://example.org", note="First.")
    lowered = base.noted("Second.", Confidence.UNVERIFIED)
    assert lowered.note == "First. Second."
    assert lowered.confidence is Confidence.UNVERIFIED
    assert base.noted("Only.").confidence is Confidence.VERIFIED
    assert base.text == "X"
