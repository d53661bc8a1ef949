"""Tests for the Schedule 12A descriptions of exempt information (PUB-1)."""

from __future__ import annotations

import pytest

from pccplan.model.document import ExemptionParagraph
from pccplan.statute.exempt import (
    MARKED_PARAGRAPHS_WITHHELD,
    SCHEDULE_12A,
    SHORT_DESCRIPTIONS,
    cited,
    description,
    ground,
    short_description,
)
from pccplan.statute.registry import rule


def test_every_paragraph_has_its_description_and_a_short_one() -> None:
    assert len(SCHEDULE_12A) == len(SHORT_DESCRIPTIONS) == len(ExemptionParagraph) == 7
    for paragraph in ExemptionParagraph:
        assert description(paragraph) == description(paragraph.value) == SCHEDULE_12A[paragraph.value - 1]
        assert short_description(paragraph)


def test_descriptions_quote_the_schedule() -> None:
    """Sch.12A para 1: "Information relating to any individual."; para 4 ends "... under, the authority"."""
    assert description(1) == "Information relating to any individual"
    assert description(4).endswith("employees of, or office holders under, the authority")
    assert "financial or business affairs" in short_description(ExemptionParagraph(3))


@pytest.mark.parametrize("bad", [0, 8, True])
def test_a_paragraph_outside_one_to_seven_is_refused(bad: int) -> None:
    with pytest.raises(IndexError, match="paragraphs 1 to 7"):
        description(bad)


def test_the_rule_is_registered_with_its_function() -> None:
    assert rule("PUB-1").function is description
    assert rule("PUB-1").citation.checked_on is not None


def test_paragraphs_are_cited_with_their_act_once_each_in_order() -> None:
    """A document cites "paragraph 3 of Schedule 12A to the Local Government Act 1972" (PUB-1)."""
    assert cited(ExemptionParagraph(3)) == "paragraph 3 of Schedule 12A to the Local Government Act 1972"
    assert cited(3, act=False) == "paragraph 3 of Schedule 12A"
    both = [ExemptionParagraph(3), ExemptionParagraph(1), ExemptionParagraph(3)]
    assert cited(both) == "paragraphs 1 and 3 of Schedule 12A to the Local Government Act 1972"
    with pytest.raises(IndexError, match="at least one"):
        cited([])


def test_a_ground_is_the_paragraph_and_its_paraphrase() -> None:
    crime = ExemptionParagraph(7)
    assert ground(crime) == f"{cited(crime)} ({short_description(crime)})"
    assert "Schedule 12A to the Local Government Act 1972" in MARKED_PARAGRAPHS_WITHHELD
