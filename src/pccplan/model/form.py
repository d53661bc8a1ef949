"""House forms: how an office writes its documents (parts and their order, headings, naming, numbers).

A house form is data an office keeps in a YAML file beside its plan (``pccplan form new``, then
edit). It gives each document's structure; the reference .docx still gives the look, and the
statute still gives the law's sentences and dates. `FORM_PARTS` lists, for each kind of
document a form can describe, the parts a composer knows, so a misspelt part is refused with
the parts allowed and the closest match.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from pccplan.errors import Problem, ValidationError
from pccplan.model.area import BodyKind
from pccplan.model.classes import shared_eq_repr
from pccplan.model.validators import (
    check_unique,
    checked_fields,
    each,
    optional,
    optional_text,
    text,
    to_tuple,
)
from pccplan.model.validators import instance_of as _instance

__all__ = [
    "DECISION_NUMBER_FIELDS",
    "FORM_PARTS",
    "REQUIRED_PARTS",
    "Approval",
    "DocumentForm",
    "FormPart",
    "HouseForm",
    "KeyLabels",
    "Logo",
    "MoneyStyle",
    "Naming",
    "SignOff",
]

FORM_PARTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "panel-report": (
            "purpose",
            "recommendation",
            "terms-of-reference",
            "background",
            "next-steps",
            "background-documents",
            "appendices",
        ),
        "decision-notice": (
            "decision",
            "record",
            "summary",
            "implications",
            "publication",
            "background-documents",
            "contact",
        ),
        "panel-letter": (
            "sender",
            "reference",
            "date",
            "addressee",
            "salutation",
            "subject",
            "introduction",
            "views",
            "recommendations",
            "response",
            "sign-off",
        ),
        "response-table": ("introduction", "table", "publication"),
        "record-of-decision": (
            "key-information",
            "executive-summary",
            "decision",
            "approval",
            "background",
            "supporting-report",
            "implications",
            "consultation",
            "declarations",
            "public-access",
            "advice",
            "appendices",
            "contact",
        ),
        "cover-report": (
            "purpose",
            "recommendation",
            "background",
            "statutory-role",
            "next-steps",
            "appendices",
            "contact",
        ),
        "panel-minute": ("introduction", "points", "resolution"),
    }
)
"""For each kind of document a house form can describe, the parts its composer writes."""

REQUIRED_PARTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "panel-report": ("purpose", "background"),
        "decision-notice": ("decision", "summary"),
        "panel-letter": ("addressee", "salutation", "introduction", "sign-off"),
        "response-table": ("introduction", "table"),
        "record-of-decision": ("decision", "approval", "public-access"),
        "cover-report": ("purpose", "recommendation", "statutory-role"),
        "panel-minute": ("points", "resolution"),
    }
)
"""The parts a form may not leave out: those that carry the law's sentences, or make the shape."""

DECISION_NUMBER_FIELDS: Mapping[str, str] = MappingProxyType(
    {
        "n": "the decision's running number (write {n:03} for 007)",
        "year": "the calendar year of the decision (2024)",
        "fy": "the financial year written as one number (202425, for 2024/25)",
        "fy_short": "the financial year as budgets write it (2024/25)",
    }
)
"""The fields a decision-number pattern may use, and what each stands for."""


class MoneyStyle(enum.Enum):
    """How an office writes amounts of money (see `pccplan.compose.money.money`)."""

    MILLIONS = "millions"
    """'£94.25m': millions to at most two places, as budget reports print them."""
    POUNDS = "pounds"
    """'£94,250,000': whole pounds."""
    PENCE = "pence"
    """'£94,250,000.00': pounds and pence, for accounts."""


def _choices(value: object, allowed: tuple[str, ...]) -> str:
    import difflib  # here, not at the top: only a bad value needs close matches

    close = difflib.get_close_matches(str(value), allowed, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"must be one of {', '.join(allowed)}{hint}"


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Naming:
    """How the office writes names in running text.

    `commissioner` is the office holder as the text calls them, article included ('the
    Commissioner', 'the PCC', 'the PFCC', 'the Mayor', 'MOPAC'); `panel` the scrutiny body
    ('the Panel', 'the Committee'). `office_holder` is the holder's full style where the office
    writes it its own way ('Staffordshire Commissioner for Police, Fire & Rescue and Crime');
    ``None`` takes the style of the area on the day ('Police and Crime Commissioner for Kent').
    """

    commissioner: str = attrs.field(default="the Commissioner", validator=text)
    panel: str = attrs.field(default="the Panel", validator=text)
    office_holder: str | None = attrs.field(default=None, validator=optional_text)

    @staticmethod
    def start(phrase: str) -> str:
        """`phrase` as the start of a sentence: 'the PCC' -> 'The PCC' (the rest unchanged)."""
        return phrase[:1].upper() + phrase[1:]

    @staticmethod
    def possessive(phrase: str) -> str:
        """'the Commissioner' -> 'the Commissioner’s' (the typographic apostrophe the documents use)."""
        return f"{phrase}\u2019s"


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class FormPart:
    """One part of a document in the form's order: its `key` and its heading's words.

    `heading` ``None`` writes the part without a heading (a letter's salutation, say).
    """

    key: str = attrs.field(validator=text)
    heading: str | None = attrs.field(default=None, validator=optional_text)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class SignOff:
    """How a letter is signed off: the valediction and the signatory's role ('Chair', 'Chairman')."""

    valediction: str = attrs.field(default="Yours sincerely", validator=text)
    role: str = attrs.field(default="Chair", validator=text)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Approval:
    """An approval block: the words the decision maker signs, and the lines filled in under them.

    `lines` are the labels of the lines under the statement, in order ('Signature', 'Date
    signed').
    """

    statement: str = attrs.field(validator=text)
    lines: tuple[str, ...] = attrs.field(
        default=("Signature", "Name", "Title", "Date signed"), converter=to_tuple, validator=each(str, text)
    )


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class KeyLabels:
    """The labels of a record of decision's key information, in the office's words.

    MOPAC's form labels the reference 'Reference code' (london.gov.uk, MOPAC decisions); the
    defaults are the library's.
    """

    reference: str = attrs.field(default="Reference", validator=text)
    date: str = attrs.field(default="Date of decision", validator=text)
    decision_by: str = attrs.field(default="Decision by", validator=text)
    date_signed: str = attrs.field(default="Date signed", validator=text)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class DocumentForm:
    """The form of one kind of document: its parts in order, and its own settings.

    `kind` is one of `FORM_PARTS`; `capitals` overrides the house form's (``None``: as the
    house form); `columns` are a response table's two column headings; `sign_off` a letter's;
    `approval` a record of decision's approval block and `key_labels` the labels of its key
    information (``None``: the library's).
    """

    kind: str = attrs.field(validator=text)
    parts: tuple[FormPart, ...] = attrs.field(converter=to_tuple, validator=each(FormPart))
    capitals: bool | None = attrs.field(default=None, validator=optional(_instance(bool)))
    columns: tuple[str, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_tuple), validator=optional(each(str, text))
    )
    sign_off: SignOff | None = attrs.field(default=None, validator=optional(_instance(SignOff)))
    approval: Approval | None = attrs.field(default=None, validator=optional(_instance(Approval)))
    key_labels: KeyLabels | None = attrs.field(default=None, validator=optional(_instance(KeyLabels)))

    def __attrs_post_init__(self) -> None:
        kinds = tuple(FORM_PARTS)
        if self.kind not in FORM_PARTS:
            raise ValidationError.one("kind", _choices(self.kind, kinds), self.kind, "DocumentForm")
        allowed = FORM_PARTS[self.kind]
        problems = [
            Problem(
                path=f"parts[{i}].key", reason=_choices(p.key, allowed), value=p.key, owner="DocumentForm"
            )
            for i, p in enumerate(self.parts)
            if p.key not in allowed
        ]
        keys = [p.key for p in self.parts]
        problems += [
            Problem(
                path="parts",
                reason=f"a {self.kind} needs its {key!r} part (it carries the law or makes the shape)",
                value=keys,
                owner="DocumentForm",
            )
            for key in REQUIRED_PARTS[self.kind]
            if key not in keys
        ]
        if problems:
            raise ValidationError(problems)
        check_unique(self.parts, lambda p: p.key, "parts", "key", "DocumentForm")
        if self.columns is not None and len(self.columns) != 2:
            raise ValidationError.one(
                "columns", "must give two headings (the Panel's column, then the reply's)", self.columns
            )

    @property
    def keys(self) -> tuple[str, ...]:
        """The parts' keys, in the form's order."""
        return tuple(p.key for p in self.parts)

    def part(self, key: str) -> FormPart | None:
        """The part `key`, or ``None`` when the form leaves it out."""
        return next((p for p in self.parts if p.key == key), None)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Logo:
    """The office's logo on the cover of its documents (above the title block).

    `path` is the image file (PNG, JPEG, or SVG with a PNG `fallback`), relative to the house
    form's file when the form is loaded from one; `width` is its width on the page ('3cm',
    '30mm'), the height following the image's proportions. `alt` is its alternative text
    (usually the office's name: 'Office of the Police and Crime Commissioner for Kent');
    a logo that repeats a name printed beside it is marked `decorative` instead. One of the
    two is required.
    """

    path: str = attrs.field(validator=text)
    alt: str | None = attrs.field(default=None, validator=optional_text)
    decorative: bool = attrs.field(default=False, validator=_instance(bool))
    width: str = attrs.field(default="3cm", validator=text)
    fallback: str | None = attrs.field(default=None, validator=optional_text)

    def __attrs_post_init__(self) -> None:
        if self.decorative and self.alt is not None:
            raise ValidationError.one(
                "decorative", "a decorative logo has no alt text; drop alt or decorative", self.alt, "Logo"
            )
        if not self.decorative and self.alt is None:
            raise ValidationError.one(
                "alt", "a logo needs alt text (the office's name), or decorative: true", None, "Logo"
            )


def _check_pattern(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A decision-number pattern may use only the named fields, with no attribute or index look-ups."""
    if value is None:
        return
    text(instance, attribute, value)
    assert isinstance(value, str)
    allowed = tuple(DECISION_NUMBER_FIELDS)
    try:
        import string  # here, not at the top: only a house form's own wording is parsed

        fields = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
    except ValueError as error:
        raise ValidationError.one(attribute.name, f"is not a pattern: {error}", value, "HouseForm") from None
    for name in fields:
        if name not in DECISION_NUMBER_FIELDS:
            raise ValidationError.one(
                attribute.name,
                f"uses {{{name}}}; a pattern's fields {_choices(name, allowed)}",
                value,
                "HouseForm",
            )
    try:
        value.format(n=1, year=2024, fy="202425", fy_short="2024/25")
    except (ValueError, TypeError) as error:
        raise ValidationError.one(
            attribute.name, f"cannot be filled in: {error}", value, "HouseForm"
        ) from None


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class HouseForm:
    """How one office writes its documents: naming, headings, numbers, and each document's form.

    `name` says whose form it is; `body` the kind of policing body it is written for;
    `capitals` whether headings are set in capitals (each document may override it);
    `decision_number` the pattern of decision numbers, such as ``PCC/D/{year}/{n}`` (fields:
    `DECISION_NUMBER_FIELDS`; ``None``: the office does not number decisions). `documents`
    holds at most one form per kind of document. `logo` is the office's logo for the cover
    of its documents (``None``: none); `money` how amounts are written ('millions': '£94.25m';
    'pounds', the default: '£94,250,000'; 'pence': '£94,250,000.00').
    """

    name: str = attrs.field(validator=text)
    body: BodyKind = attrs.field(validator=_instance(BodyKind))
    naming: Naming = attrs.field(factory=Naming, validator=_instance(Naming))
    capitals: bool = attrs.field(default=True, validator=_instance(bool))
    decision_number: str | None = attrs.field(default=None, validator=_check_pattern)
    documents: tuple[DocumentForm, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(DocumentForm)
    )
    logo: Logo | None = attrs.field(default=None, validator=optional(_instance(Logo)))
    money: MoneyStyle = attrs.field(default=MoneyStyle.POUNDS, validator=_instance(MoneyStyle))

    def __attrs_post_init__(self) -> None:
        check_unique(self.documents, lambda d: d.kind, "documents", "kind", "HouseForm")

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of document this form describes."""
        return tuple(d.kind for d in self.documents)

    def document(self, kind: str) -> DocumentForm:
        """The form of document `kind`; `ValidationError` naming the kinds the form has if it has none."""
        for found in self.documents:
            if found.kind == kind:
                return found
        raise ValidationError.one(
            "documents",
            f"the house form {self.name!r} has no {kind!r} form (it has {', '.join(self.kinds) or 'none'})",
            kind,
            "HouseForm",
        )

    def capitals_for(self, kind: str) -> bool:
        """Whether document `kind` sets its headings in capitals (its own setting, else the form's)."""
        own = self.document(kind).capitals
        return self.capitals if own is None else own
