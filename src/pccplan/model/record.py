"""A record of decision: the full form offices use to record a decision, with its approval block.

The parts are those offices publish: executive summary, the decision (or proposal),
background, supporting report, implications (financial, legal, equality, risk, data
protection), consultation, declarations of interest, public access, officers' advice with
their sign-offs, the approval block and the appendices. Which parts appear, in what order and
under what headings is the house form's (`pccplan.model.form`); the record holds only what the
office wrote and who signed.

A part may be withheld from publication on a `Withholding` ground: a paragraph of Schedule 12A
to the Local Government Act 1972, or a section of Part II of the Freedom of Information Act
2000 (the composer checks the section against `pccplan.statute.foi`).
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from pccplan.errors import UnknownAreaError, ValidationError
from pccplan.model.area import PoliceArea, find_area
from pccplan.model.classes import shared_eq_repr
from pccplan.model.document import (
    Contact,
    ExemptionParagraph,
    ReportParagraph,
    appendix_file,
    paragraphs_from,
)
from pccplan.model.validators import (
    check_unique,
    checked_fields,
    date_value,
    each,
    optional,
    optional_date,
    optional_text,
    text,
    to_tuple,
    url,
)
from pccplan.model.validators import instance_of as _instance

__all__ = [
    "APPENDIX_SUFFIXES",
    "Implication",
    "ImplicationKind",
    "IssuedPlan",
    "OfficerAdvice",
    "PlanKind",
    "RecordAppendix",
    "RecordOfDecision",
    "RecordPart",
    "Signatory",
    "Withholding",
]

APPENDIX_SUFFIXES: tuple[str, ...] = (".docx", ".pdf")
"""The kinds of file an appendix may name: a .docx is attached, a .pdf listed as a separate file."""


def _paragraph_number(value: object) -> object:
    """Let the Schedule 12A paragraph be given by its number (3), as officers cite it."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 7:
        return ExemptionParagraph(value)
    return value


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Withholding:
    """Why a part is withheld from the public version: one ground, and optionally the office's reason.

    Give exactly one of `paragraph` (of Part 1 of Schedule 12A to the Local Government Act
    1972, 1-7) and `foi_section` (a section of Part II of the Freedom of Information Act 2000,
    e.g. 31 or 43).
    """

    paragraph: ExemptionParagraph | None = attrs.field(
        default=None, converter=_paragraph_number, validator=optional(_instance(ExemptionParagraph))
    )
    foi_section: int | None = attrs.field(default=None, validator=optional(_instance(int)))
    reason: str | None = attrs.field(default=None, validator=optional_text)

    def __attrs_post_init__(self) -> None:
        if (self.paragraph is None) == (self.foi_section is None):
            raise ValidationError.one(
                "paragraph",
                "give exactly one ground: a paragraph of Schedule 12A (paragraph) or a section of the "
                "Freedom of Information Act 2000 (foi_section)",
                {"paragraph": self.paragraph, "foi_section": self.foi_section},
                "Withholding",
            )


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class RecordPart:
    """A part of the record in the office's words: its paragraphs, and a ground if it is withheld.

    `heading` overrides the form's heading for this record only.
    """

    paragraphs: tuple[ReportParagraph, ...] = attrs.field(
        converter=paragraphs_from, validator=each(ReportParagraph)
    )
    heading: str | None = attrs.field(default=None, validator=optional_text)
    exempt: Withholding | None = attrs.field(default=None, validator=optional(_instance(Withholding)))


def _part(value: object) -> object:
    """Let a part be given as its paragraphs alone (a string or a list)."""
    if isinstance(value, str | list | tuple):
        return RecordPart(paragraphs=[value] if isinstance(value, str) else value)
    return value


class ImplicationKind(enum.Enum):
    """The implications a record of decision considers, in the order offices list them."""

    FINANCIAL = "financial"
    LEGAL = "legal"
    EQUALITY = "equality"
    RISK = "risk"
    DATA_PROTECTION = "data-protection"

    @property
    def heading(self) -> str:
        """'Financial implications' (the sub-heading a record writes by default)."""
        words = {"data-protection": "Data protection"}.get(self.value, self.value.capitalize())
        return f"{words} implications"


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Implication:
    """One kind of implication, in the office's words; `heading` overrides the default sub-heading."""

    kind: ImplicationKind = attrs.field(validator=_instance(ImplicationKind))
    paragraphs: tuple[ReportParagraph, ...] = attrs.field(
        converter=paragraphs_from, validator=each(ReportParagraph)
    )
    heading: str | None = attrs.field(default=None, validator=optional_text)
    exempt: Withholding | None = attrs.field(default=None, validator=optional(_instance(Withholding)))


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Signatory:
    """Who signs (or took) the decision: name, title as written, and the date signed (``None``: blank)."""

    name: str = attrs.field(validator=text)
    title: str = attrs.field(validator=text)
    date: dt.date | None = attrs.field(default=None, validator=optional_date)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class OfficerAdvice:
    """A statutory officer's advice and sign-off: the role ('Chief Finance Officer'), who and when.

    `statement` is the words the officer signs, as the office writes them (``None``: the
    sign-off lines only; pccplan writes no advice of its own).
    """

    role: str = attrs.field(validator=text)
    name: str = attrs.field(validator=text)
    title: str | None = attrs.field(default=None, validator=optional_text)
    date: dt.date | None = attrs.field(default=None, validator=optional_date)
    statement: str | None = attrs.field(default=None, validator=optional_text)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class RecordAppendix:
    """An appendix listed on the record: label ('A'), title, and the file or page where it is.

    `file` names a .docx, attached to the record on a page of its own, or a .pdf, listed as a
    separate file: a relative path, taken from the plan file's folder (`appendix_file`).
    """

    label: str = attrs.field(validator=text)
    title: str = attrs.field(validator=text)
    file: str | None = attrs.field(default=None, validator=appendix_file)
    url: str | None = attrs.field(default=None, validator=optional(url))
    exempt: Withholding | None = attrs.field(default=None, validator=optional(_instance(Withholding)))


class PlanKind(enum.Enum):
    """The kind of plan a decision issues: a PFCC may issue both in one decision."""

    POLICE_AND_CRIME = "police-and-crime"
    """A police and crime plan (PRSRA 2011 s.5; MOPAC s.6)."""
    FIRE_AND_RESCUE = "fire-and-rescue"
    """A fire and rescue plan (a PFCC's, under the Fire and Rescue National Framework)."""


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class IssuedPlan:
    """A plan the decision issues: its kind and title as published."""

    kind: PlanKind = attrs.field(validator=_instance(PlanKind))
    title: str = attrs.field(validator=text)


def _area(value: object) -> object:
    try:
        return find_area(value)  # type: ignore[arg-type]  # a wrong type is refused below
    except UnknownAreaError as error:
        raise ValidationError.one("area", str(error), value, "RecordOfDecision") from None


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class RecordOfDecision:
    """A record of decision as an office publishes it, with its approval block.

    `area` names the police area (name or slug). `title` is the decision's title as written;
    `number` its reference ('PCC/D/2024/16'). `decision` is the decision or proposal in the
    office's words. `decision_by` is who took the decision ('Decision by' on MOPAC's forms, the
    Deputy Mayor); `approval` who signs the approval block (in London the Mayor, where the
    function stays with him). `issues` lists the plans the decision issues, if any (a PFCC's
    one decision may issue the Police and Crime Plan and the Fire and Rescue Plan together).
    `declarations` is what was declared (``None``: nothing recorded, and the part is not
    written). `exempt` withholds the whole body from the public version; each part may be
    withheld on its own ground.
    """

    area: PoliceArea = attrs.field(converter=_area, validator=_instance(PoliceArea))
    title: str = attrs.field(validator=text)
    date: dt.date = attrs.field(validator=date_value)
    decision: RecordPart = attrs.field(converter=_part, validator=_instance(RecordPart))
    approval: Signatory = attrs.field(validator=_instance(Signatory))
    number: str | None = attrs.field(default=None, validator=optional_text)
    decision_by: Signatory | None = attrs.field(default=None, validator=optional(_instance(Signatory)))
    issues: tuple[IssuedPlan, ...] = attrs.field(default=(), converter=to_tuple, validator=each(IssuedPlan))
    executive_summary: RecordPart | None = attrs.field(
        default=None, converter=attrs.converters.optional(_part), validator=optional(_instance(RecordPart))
    )
    background: RecordPart | None = attrs.field(
        default=None, converter=attrs.converters.optional(_part), validator=optional(_instance(RecordPart))
    )
    supporting_report: RecordPart | None = attrs.field(
        default=None, converter=attrs.converters.optional(_part), validator=optional(_instance(RecordPart))
    )
    implications: tuple[Implication, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(Implication)
    )
    consultation: RecordPart | None = attrs.field(
        default=None, converter=attrs.converters.optional(_part), validator=optional(_instance(RecordPart))
    )
    declarations: str | None = attrs.field(default=None, validator=optional_text)
    advice: tuple[OfficerAdvice, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(OfficerAdvice)
    )
    appendices: tuple[RecordAppendix, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(RecordAppendix)
    )
    contact: Contact | None = attrs.field(default=None, validator=optional(_instance(Contact)))
    exempt: Withholding | None = attrs.field(default=None, validator=optional(_instance(Withholding)))

    def __attrs_post_init__(self) -> None:
        check_unique(self.implications, lambda i: i.kind.value, "implications", "kind", "RecordOfDecision")
        check_unique(self.appendices, lambda a: a.label, "appendices", "label", "RecordOfDecision")
        check_unique(self.issues, lambda p: p.kind.value, "issues", "kind", "RecordOfDecision")
        if self.approval.date is not None and self.approval.date < self.date:
            raise ValidationError.one(
                "approval.date",
                f"is before the decision's date ({self.date.isoformat()})",
                self.approval.date,
                "RecordOfDecision",
            )
