"""Parts shared by the documents around a plan: paragraphs, sections, contacts, links, exemptions.

Paragraph text is written in a small inline markup that officers can type in a plan file:
``[link text](https://...)`` for a link, ``^[note text]`` for a footnote, ``*emphasis*`` and
``**strong**``. The composer turns it into the document tree.
"""

from __future__ import annotations

import enum
import os
import re
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TypeVar

import attrs

from pccplan._deprecate import warn
from pccplan.errors import Problem, ValidationError
from pccplan.model.classes import shared_eq_repr
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
    "appendix_file",
    "attached_docx",
    "paragraphs_from",
    "with_files_from",
]

T = TypeVar("T")

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")  # 'https:', 'file:' (one letter is a Windows drive)


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
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
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
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Contact:
    """Who wrote a document or can answer questions about it."""

    name: str = attrs.field(validator=required_text)
    role: str | None = attrs.field(default=None, validator=optional_text)
    organisation: str | None = attrs.field(default=None, validator=optional_text)
    phone: str | None = attrs.field(default=None, validator=optional_text)
    email: str | None = attrs.field(default=None, validator=optional_text)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
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
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
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
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class BackgroundDocument:
    """A document the report relies on, listed under 'Background documents', with its link."""

    title: str = attrs.field(validator=required_text)
    url: str | None = attrs.field(default=None, validator=optional(url))
    description: str | None = attrs.field(default=None, validator=optional_text)


def attached_docx(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None``, or a relative path to a Word file to attach: 'appendix-a.docx', 'papers/draft.docx'.

    Relative, so a plan file names its appendices the same on every officer's machine: from a
    file, the path is taken from the file's folder (`with_files_from`); in Python, from the
    current folder. Not a URL, and ending '.docx' (a .pdf or .doc cannot be attached).
    """
    _check_file(instance, attribute, value, (".docx",))


def appendix_file(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None``, or a relative path to an appendix's file: a .docx (attached) or a .pdf (listed).

    As `attached_docx`, but a .pdf is taken too: it cannot go inside a Word document, so it is
    listed as a separate file.
    """
    _check_file(instance, attribute, value, (".docx", ".pdf"))


def _check_file(
    instance: object, attribute: attrs.Attribute[Any], value: object, suffixes: tuple[str, ...]
) -> None:
    if value is None:
        return
    optional_text(instance, attribute, value)
    assert isinstance(value, str)
    owner = type(instance).__name__
    windows = PureWindowsPath(value)
    if PurePosixPath(value).is_absolute() or windows.is_absolute() or windows.drive or windows.root:
        reason = "must be a relative path (from the plan file's folder), not an absolute one"
        raise ValidationError.one(attribute.name, reason, value, owner)
    if _SCHEME.match(value):
        raise ValidationError.one(attribute.name, "must be a path to a file, not a URL", value, owner)
    if not value.lower().endswith(suffixes):
        kinds = " or ".join(suffixes)
        raise ValidationError.one(attribute.name, f"must name a {kinds} file", value, owner)


def with_files_from(obj: T, folder: str | os.PathLike[str]) -> T:
    """`obj` with every appendix `file` it holds taken from `folder` (a plan file's own folder).

    The path stays relative, now to the current folder ('plans/appendix-a.docx'), as a path
    given in Python is. Raises `ValidationError` naming the field when that cannot be (on
    Windows, a folder on another drive).
    """
    return _resolved(obj, os.fspath(folder), "")  # type: ignore[no-any-return]


def _resolved(value: Any, folder: str, path: str) -> Any:
    if isinstance(value, tuple):
        items = tuple(_resolved(v, folder, f"{path}[{i}]") for i, v in enumerate(value))
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if not attrs.has(type(value)):
        return value
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(value)):
        if not field.init:
            continue
        item = getattr(value, field.name)
        here = f"{path}.{field.name}" if path else field.name
        if field.validator in (attached_docx, appendix_file) and isinstance(item, str):
            try:
                changes[field.name] = os.path.relpath(os.path.join(folder, item))
            except ValueError as error:  # Windows: another drive has no relative path
                reason = f"cannot be named from the current folder ({error})"
                raise ValidationError([Problem(path=here, reason=reason, value=item)]) from None
        elif isinstance(item, tuple) or attrs.has(type(item)):
            resolved = _resolved(item, folder, here)
            if resolved is not item:  # the same object back when nothing under it names a file
                changes[field.name] = resolved
    return attrs.evolve(value, **changes) if changes else value


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Appendix:
    """An appendix: its label ('A'), title ('The draft Plan') and, optionally, its content.

    `file` names a Word document (.docx) to attach as the appendix, its own styles and lists
    kept: a relative path, taken from the plan file's folder (see `attached_docx`). The Word
    output holds it under the appendix's heading; Markdown and HTML say it is a separate file.
    """

    label: str = attrs.field(validator=required_text)
    title: str = attrs.field(validator=required_text)
    paragraphs: tuple[ReportParagraph, ...] = attrs.field(
        default=(), converter=paragraphs_from, validator=each(ReportParagraph)
    )
    url: str | None = attrs.field(default=None, validator=optional(url))
    exempt: Exemption | None = attrs.field(default=None, validator=optional(_instance(Exemption)))
    file: str | None = attrs.field(default=None, validator=attached_docx)
