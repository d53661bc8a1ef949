"""Parts shared by the documents around a plan: paragraphs, sections, contacts, links, exemptions.

Paragraph text is written in a small inline markup that officers can type in a plan file:
``[link text](https://...)`` for a link, ``^[note text]`` for a footnote, ``*emphasis*`` and
``**strong**``. The composer turns it into the document tree.
"""

from __future__ import annotations

import enum

import attrs

from pccplan._deprecate import warn
from pccplan.model.validators import checked_fields, each, optional, optional_text, to_tuple, url
from pccplan.model.validators import instance_of as _instance
from pccplan.model.validators import text as required_text

__all__ = [
    "Appendix",
    "BackgroundDocument",
    "Contact",
    "Exemption",
    "ExemptionParagraph",
    "ReportParagraph",
    "ReportSection",
    "paragraphs_from",
]


class ExemptionParagraph(enum.Enum):
    """The paragraphs of Part 1 of Schedule 12A to the Local Government Act 1972 (England).

    Only the paragraph number: the Schedule's descriptions are law and live in
    `pccplan.statute.exempt` (PUB-1), which the model may not import.
    """

    INDIVIDUAL = 1
    IDENTITY = 2
    FINANCIAL_OR_BUSINESS_AFFAIRS = 3
    LABOUR_RELATIONS = 4
    LEGAL_PRIVILEGE = 5
    NOTICES_ORDERS_DIRECTIONS = 6
    CRIME = 7


def _exemption_paragraph(value: object) -> object:
    """Let the paragraph be given by its number (3), as officers cite it."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 7:
        return ExemptionParagraph(value)
    return value


@checked_fields
@attrs.frozen(kw_only=True)
class Exemption:
    """A mark that a part is exempt from publication under a paragraph of LGA 1972 Sch.12A."""

    paragraph: ExemptionParagraph = attrs.field(
        converter=_exemption_paragraph, validator=_instance(ExemptionParagraph)
    )
    reason: str | None = attrs.field(default=None, validator=optional_text)

    @property
    def label(self) -> str:
        """Deprecated: use ``pccplan.statute.exempt.cited(exemption.paragraph)``, where the law's words live.

        Kept for one release, as the same words: the model may not import the statute (PUB-1).
        """
        warn("Exemption.label", "pccplan.statute.exempt.cited(exemption.paragraph)", stacklevel=2)
        return f"paragraph {self.paragraph.value} of Schedule 12A to the Local Government Act 1972"


@checked_fields
@attrs.frozen(kw_only=True)
class Contact:
    """Who wrote a document or can answer questions about it."""

    name: str = attrs.field(validator=required_text)
    role: str | None = attrs.field(default=None, validator=optional_text)
    organisation: str | None = attrs.field(default=None, validator=optional_text)
    phone: str | None = attrs.field(default=None, validator=optional_text)
    email: str | None = attrs.field(default=None, validator=optional_text)


@checked_fields
@attrs.frozen(kw_only=True)
class ReportParagraph:
    """A paragraph of a report: text in inline markup, optionally followed by a bullet list.

    `numbered` False makes it an unnumbered paragraph (e.g. a quotation or a link line).
    """

    text: str = attrs.field(validator=required_text)
    bullets: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=each(str, required_text))
    numbered: bool = attrs.field(default=True, validator=_instance(bool))
    exempt: Exemption | None = attrs.field(default=None, validator=optional(_instance(Exemption)))


def paragraphs_from(value: object) -> object:
    """Let a section's paragraphs be given as plain strings."""
    value = to_tuple(value)
    if isinstance(value, tuple):
        return tuple(ReportParagraph(text=v) if isinstance(v, str) else v for v in value)
    return value


@checked_fields
@attrs.frozen(kw_only=True)
class ReportSection:
    """A numbered section of a report: a heading and its paragraphs.

    `key` names the section so a caller can replace or drop one the library writes
    (e.g. ``"background"``); a section without a key is the caller's own.
    """

    heading: str = attrs.field(validator=required_text)
    paragraphs: tuple[ReportParagraph, ...] = attrs.field(
        default=(), converter=paragraphs_from, validator=each(ReportParagraph)
    )
    key: str | None = attrs.field(default=None, validator=optional_text)
    exempt: Exemption | None = attrs.field(default=None, validator=optional(_instance(Exemption)))


@checked_fields
@attrs.frozen(kw_only=True)
class BackgroundDocument:
    """A document the report relies on, listed under 'Background documents', with its link."""

    title: str = attrs.field(validator=required_text)
    url: str | None = attrs.field(default=None, validator=optional(url))
    description: str | None = attrs.field(default=None, validator=optional_text)


@checked_fields
@attrs.frozen(kw_only=True)
class Appendix:
    """An appendix: its label ('A'), title ('The draft Plan') and, optionally, its content."""

    label: str = attrs.field(validator=required_text)
    title: str = attrs.field(validator=required_text)
    paragraphs: tuple[ReportParagraph, ...] = attrs.field(
        default=(), converter=paragraphs_from, validator=each(ReportParagraph)
    )
    url: str | None = attrs.field(default=None, validator=optional(url))
    exempt: Exemption | None = attrs.field(default=None, validator=optional(_instance(Exemption)))
