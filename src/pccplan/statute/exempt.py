"""Exempt information: the paragraphs of Part 1 of Schedule 12A to the Local Government Act 1972 (PUB-1)."""

from __future__ import annotations

from collections.abc import Iterable

from pccplan.model.document import ExemptionParagraph
from pccplan.model.sources import Confidence
from pccplan.statute.citation import CHECKED_2026_12_01, legislation
from pccplan.statute.declare import Rule, applies

__all__ = [
    "MARKED_PARAGRAPHS_WITHHELD",
    "PUB_1",
    "SCHEDULE_12A",
    "SHORT_DESCRIPTIONS",
    "cited",
    "description",
    "ground",
    "short_description",
]

PUB_1 = Rule(
    id="PUB-1",
    title="Exempt information",
    says="A part of a Panel or decision paper may be withheld from publication only as exempt information "
    "of a description in Part 1 of Schedule 12A (England), cited by its paragraph number (1 to 7).",
    citation=legislation(
        "Local Government Act 1972",
        "Sch.12A Part 1 (applied to Panels by SI 2012/2734)",
        "ukpga/1972/70/schedule/12A",
        Confidence.VERIFIED,
        "Paragraphs 1 to 5 read on 1 December 2026 (text as at 21 April 2022); paragraphs 6 and 7 are "
        "shortened from memory (U), and the public interest test of Part 2 is not applied here.",
        CHECKED_2026_12_01,
    ),
)
"""Rule PUB-1: Exempt information."""

SCHEDULE_12A: tuple[str, ...] = (
    "Information relating to any individual",
    "Information which is likely to reveal the identity of an individual",
    "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information)",
    "Information relating to any consultations or negotiations, or contemplated consultations or "
    "negotiations, in connection with any labour relations matter arising between the authority or a "
    "Minister of the Crown and employees of, or office holders under, the authority",
    "Information in respect of which a claim to legal professional privilege could be maintained "
    "in legal proceedings",
    "Information which reveals that the authority proposes to give a notice or make an order or direction",
    "Information relating to any action taken or to be taken in connection with the prevention, "
    "investigation or prosecution of crime",
)
"""The seven descriptions of exempt information in Part 1 of Schedule 12A, indexed by paragraph minus one
(PUB-1): paragraphs 1 to 5 in the Schedule's words, 6 and 7 shortened."""

SHORT_DESCRIPTIONS: tuple[str, ...] = (
    "information relating to any individual",
    "information likely to reveal the identity of an individual",
    "information relating to the financial or business affairs of any particular person",
    "information relating to consultations or negotiations on labour relations matters",
    "information subject to legal professional privilege",
    "information about a proposed notice, order or direction",
    "information relating to the prevention, investigation or prosecution of crime",
)
"""Short paraphrases of the seven paragraphs, for a notice's brackets; indexed like `SCHEDULE_12A`."""


@applies(PUB_1)
def description(paragraph: ExemptionParagraph | int) -> str:
    """PUB-1, LGA 1972 Sch.12A Part 1: the Schedule's description of `paragraph` (1 to 7).

    "Information relating to any individual" (para 1). `IndexError` for a number outside 1 to 7.
    """
    number = paragraph.value if isinstance(paragraph, ExemptionParagraph) else paragraph
    if isinstance(number, bool) or not 1 <= number <= len(SCHEDULE_12A):
        raise IndexError(f"Schedule 12A Part 1 has paragraphs 1 to 7, not {number!r}")
    return SCHEDULE_12A[number - 1]


def short_description(paragraph: ExemptionParagraph) -> str:
    """A short paraphrase of `paragraph`'s description (PUB-1), as a decision notice prints it."""
    return SHORT_DESCRIPTIONS[paragraph.value - 1]


_ACT = "the Local Government Act 1972"  # the Act Schedule 12A belongs to (PUB-1)


def _number(paragraph: ExemptionParagraph | int) -> int:
    return paragraph.value if isinstance(paragraph, ExemptionParagraph) else paragraph


def cited(
    paragraphs: ExemptionParagraph | int | Iterable[ExemptionParagraph | int], *, act: bool = True
) -> str:
    """PUB-1: how a document cites paragraphs of Schedule 12A, with its Act unless `act` is False.

    One paragraph: 'paragraph 3 of Schedule 12A to the Local Government Act 1972'.
    Several paragraphs are cited once each, in order: 'paragraphs 1 and 3 of Schedule 12A ...'.
    `act` False leaves out the Act ('paragraph 3 of Schedule 12A'), as a mark in the text does.
    """
    given = [paragraphs] if isinstance(paragraphs, ExemptionParagraph | int) else list(paragraphs)
    numbers = sorted({_number(p) for p in given})
    if not numbers:
        raise IndexError("cite at least one paragraph of Schedule 12A")
    which = "paragraphs" if len(numbers) > 1 else "paragraph"
    named = " and ".join(str(n) for n in numbers)
    words = f"{which} {named} of Schedule 12A"
    return f"{words} to {_ACT}" if act else words


def ground(paragraph: ExemptionParagraph) -> str:
    """PUB-1: the ground a part is withheld on, as a record prints it: the paragraph, then its paraphrase."""
    return f"{cited(paragraph)} ({short_description(paragraph)})"


MARKED_PARAGRAPHS_WITHHELD = (
    f"Paragraphs marked in the text are withheld under the paragraph of Schedule 12A to {_ACT} named "
    "with each."
)
"""PUB-1: the sentence a record prints when paragraphs in its text are marked exempt."""
