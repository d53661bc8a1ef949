"""Pieces every document composer shares: how the office and Panel are named, dates in words,
and the caller's marked-up paragraphs turned into tree nodes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

import attrs

from pccplan.compose.build import bullets, inline, link, para
from pccplan.compose.tree import Block, Exempt, Inline, Link, Paragraph, Section
from pccplan.errors import UnknownAreaError, ValidationError
from pccplan.model.area import BodyKind, Nation, PoliceArea, find_area
from pccplan.model.document import BackgroundDocument, Contact, Exemption, ReportParagraph
from pccplan.model.plan import Commissioner, Plan

__all__ = [
    "ACT_URL",
    "WELSH_AVAILABLE",
    "Office",
    "area_of_panel",
    "contact_line",
    "count_words",
    "date_span",
    "day_month_year",
    "exempt_mark",
    "exempt_within",
    "financial_year",
    "month_year",
    "narrative",
    "paragraph_blocks",
    "plan_years",
    "possessive",
    "pounds",
    "reference_line",
    "url_link",
    "welsh_language",
]

_Markable = TypeVar("_Markable", Paragraph, Section)
"""What a whole-document exemption marks: the sections and loose paragraphs of the body."""

ACT_URL = "https://www.legislation.gov.uk/ukpga/2011/13/contents"
"""The Police Reform and Social Responsibility Act 2011 on legislation.gov.uk."""

ACT_TITLE = "Police Reform and Social Responsibility Act 2011"


def day_month_year(day: dt.date) -> str:
    """'31 March 2017' (no leading zero), as council reports write dates."""
    return f"{day.day} {day:%B %Y}"


def month_year(day: dt.date) -> str:
    """'March 2017'."""
    return f"{day:%B %Y}"


def date_span(start: dt.date, end: dt.date) -> str:
    """'1 April 2022 to 31 March 2025' (both days included)."""
    return f"{day_month_year(start)} to {day_month_year(end)}"


def financial_year(start_year: int) -> str:
    """The financial year that starts on 1 April of `start_year`, as budgets name it: '2022/23'."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


_PENNY = Decimal("0.01")


def pounds(amount: Decimal) -> str:
    """An amount of money in pounds as documents print it: '£1,250,000.00' ('-£5.00' below zero).

    Rounded to whole pence, half up. Only `Decimal` is accepted: a float cannot hold pence exactly.
    """
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise ValidationError.one("amount", "must be a finite Decimal number of pounds", amount)
    pence = amount.quantize(_PENNY, rounding=ROUND_HALF_UP)
    sign = "-" if pence < 0 else ""
    return f"{sign}£{abs(pence):,.2f}"


_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def count_words(count: int, noun: str, plural: str | None = None) -> str:
    """'three recommendations', 'one recommendation', '12 recommendations' (words up to nine)."""
    number = _SMALL[count] if 0 <= count < len(_SMALL) else str(count)
    return f"{number} {noun if count == 1 else (plural or noun + 's')}"


def possessive(name: str) -> str:
    """'Commissioner’s': the name with the typographic apostrophe the documents use."""
    return f"{name}\u2019s"


def plan_years(plan: Plan, issued: dt.date, expected_poll: dt.date) -> str:
    """The years a plan is titled by: '2021 – 2024' (issue year – year of the next expected poll).

    `expected_poll` is the next ordinary election expected on the issue day (PLAN-9, s.7(7));
    the plan's own `period`, when set, overrides both years.
    """
    if plan.period is not None:
        first, last = plan.period.start.year, plan.period.end.year
    else:
        first, last = issued.year, expected_poll.year
    return str(first) if first == last else f"{first} \u2013 {last}"


@attrs.frozen(kw_only=True)
class Office:
    """How a document names the office holder, their office and the Panel, for an area on a day.

    `short` is the defined term used throughout ('Commissioner', 'Mayor'); `style` the area as
    the office styles it ('Cambridgeshire and Peterborough'); `panel` the body's full name and
    `panel_short` its generic name ('Police and Crime Panel').
    """

    title: str
    short: str
    style: str
    panel: str
    panel_short: str
    kind: BodyKind

    @classmethod
    def of(
        cls, area: PoliceArea, commissioner: Commissioner, on: dt.date, panel: str | None = None
    ) -> Office:
        """The naming in force in `area` on day `on`; `panel` overrides the Panel's name."""
        governance = area.governance_on(on)
        panel_name = panel or governance.panel_name
        short = {BodyKind.MAYOR: "Mayor", BodyKind.MOPAC: "Mayor's Office"}.get(
            governance.kind, "Commissioner"
        )
        generic = panel_name.removeprefix(area.name).strip()
        if governance.kind is BodyKind.MOPAC:
            generic = "Police and Crime Committee"
        return cls(
            title=commissioner.title,
            short=short,
            style=commissioner.area_style or area.name,
            panel=panel_name,
            panel_short=generic or panel_name,
            kind=governance.kind,
        )

    @property
    def possessive(self) -> str:
        """'Commissioner's' (the defined term in the possessive)."""
        return f"{self.short}'s"

    @property
    def office_name(self) -> str:
        """'Office of the Police and Crime Commissioner for Cambridgeshire and Peterborough'."""
        if self.kind is BodyKind.MOPAC:
            return "Mayor's Office for Policing and Crime"
        if self.kind is BodyKind.MAYOR:
            return f"Office of the {self.title}"
        return f"Office of the {self.title} for {self.style}"

    @property
    def full_title(self) -> str:
        """'Police and Crime Commissioner for Cambridgeshire and Peterborough' ('Mayor of West Yorkshire')."""
        if self.kind in (BodyKind.MAYOR, BodyKind.MOPAC):
            return self.title
        return f"{self.title} for {self.style}"

    @property
    def act_section(self) -> str:
        """The section of the 2011 Act under which the body issues its plan: '6' for MOPAC, else '5'."""
        return "6" if self.kind is BodyKind.MOPAC else "5"

    @classmethod
    def for_panel(cls, commissioner: Commissioner | None, panel: str, on: dt.date) -> Office:
        """The naming for a document that knows the Panel's name but not the plan's area.

        The area is looked up from the Panel's name ('Essex Police, Fire and Crime Panel' is
        Essex); when no area matches, the kind of office is read from the commissioner's title.
        `commissioner` ``None`` takes the title the area used on day `on` (or the PCC's).
        """
        area = area_of_panel(panel)
        if area is not None:
            holder = commissioner or Commissioner.for_area("Commissioner", area, on)
            return cls.of(area, holder, on, panel)
        holder = commissioner or Commissioner(name="Commissioner")
        title = holder.title
        if title.startswith("Mayor's Office"):
            kind = BodyKind.MOPAC
        elif title.startswith("Mayor"):
            kind = BodyKind.MAYOR
        elif "Fire" in title:
            kind = BodyKind.PFCC
        else:
            kind = BodyKind.PCC
        generic = next((g for g in _GENERIC_PANELS if panel.endswith(g)), panel)
        return cls(
            title=title,
            short={BodyKind.MAYOR: "Mayor", BodyKind.MOPAC: "Mayor's Office"}.get(kind, "Commissioner"),
            style=holder.area_style or _without_generic(panel) or panel,
            panel=panel,
            panel_short=generic,
            kind=kind,
        )


_GENERIC_PANELS = ("Police, Fire and Crime Panel", "Police and Crime Panel", "Police and Crime Committee")


def _without_generic(panel: str) -> str:
    for generic in _GENERIC_PANELS:
        panel = panel.removesuffix(generic).strip()
    return panel


def area_of_panel(panel: str) -> PoliceArea | None:
    """The police area a Panel's name belongs to ('Gwent Police and Crime Panel' is Gwent), if any."""
    try:
        return find_area(_without_generic(panel))
    except UnknownAreaError:
        return None


WELSH_AVAILABLE = "Mae\u2019r ddogfen hon ar gael yn Gymraeg."
"""'This document is available in Welsh', as Welsh public bodies print it on English documents."""


def welsh_language(area: PoliceArea, office: Office, what: str = "document") -> list[Paragraph]:
    """For a Welsh area, the lines on the Welsh Language Standards (Welsh Language (Wales) Measure 2011).

    An English area gets none. `what` names the document ('Plan', 'response').
    """
    if area.nation is not Nation.WALES:
        return []
    return [
        para(
            f"This {what} is published in Welsh and English, in line with the {possessive(office.short)} "
            "Welsh Language Standards (Welsh Language (Wales) Measure 2011)."
        ),
        para(WELSH_AVAILABLE),
    ]


def url_link(words: str, url: str | None, where: str) -> Inline | str:
    """`words` as a link to `url` (or as plain words when there is no URL).

    The URL comes from a field that may not have been checked as a link (e.g. a process
    record); a bad one is refused naming `where`.
    """
    if url is None:
        return words
    try:
        return Link(content=inline(words), url=url.strip())
    except ValidationError:
        raise ValidationError.one(where, "must be an absolute http(s) address", url) from None


def contact_line(contact: Contact) -> str:
    """'Jane Smith, Head of Policy, OPCC (01234 567890 | jane@example.gov.uk)'."""
    who = ", ".join(x for x in (contact.name, contact.role, contact.organisation) if x)
    reach = " | ".join(x for x in (contact.phone, contact.email) if x)
    return who + (f" ({reach})" if reach else "")


def exempt_mark(exemption: Exemption | None) -> Exempt | None:
    """The tree's exemption mark for a model `Exemption` (its paragraph of Schedule 12A)."""
    if exemption is None:
        return None
    if exemption.reason:
        return Exempt(paragraph=exemption.paragraph.value, label=exemption.reason)
    return Exempt(paragraph=exemption.paragraph.value)


def exempt_within(block: _Markable, whole: Exemption | None) -> _Markable:
    """`block` marked exempt under `whole`, the exemption of the whole document, unless it has its own mark.

    A part's own mark is kept because it is the more precise (its own paragraph of Schedule 12A
    or reason); either way the public view leaves the part out. ``None`` leaves `block` as it is.
    """
    if whole is None or block.exempt is not None:
        return block
    return attrs.evolve(block, exempt=exempt_mark(whole))


def narrative(markup: str, where: str) -> tuple[Inline, ...]:
    """The caller's marked-up text as inlines; a markup error names the field it came from."""
    try:
        return inline(markup)
    except ValidationError as error:
        raise error.under(where) from None


def paragraph_blocks(paragraph: ReportParagraph, where: str, *, numbered: bool | None = None) -> list[Block]:
    """A caller's paragraph (and its bullets) as blocks; `numbered` overrides the paragraph's own flag."""
    number = paragraph.numbered if numbered is None else numbered
    blocks: list[Block] = [
        para(
            narrative(paragraph.text, f"{where}.text"), numbered=number, exempt=exempt_mark(paragraph.exempt)
        )
    ]
    if paragraph.bullets:
        listed = bullets(*(narrative(b, f"{where}.bullets[{i}]") for i, b in enumerate(paragraph.bullets)))
        # The bullets are part of the paragraph: exempt with it, and left out of the public view with it.
        blocks.append(attrs.evolve(listed, exempt=exempt_mark(paragraph.exempt)))
    return blocks


def reference_line(document: BackgroundDocument, where: str, *, numbered: bool = True) -> Paragraph:
    """A background document as a paragraph: its title as a link (when it has a URL) and its description."""
    title = narrative(document.title, f"{where}.title")
    parts: list[Inline | tuple[Inline, ...] | str] = [
        link(list(title), document.url) if document.url else title
    ]
    if document.description:
        parts += [", ", narrative(document.description, f"{where}.description")]
    return para(*parts, numbered=numbered)


def blocks_of(
    paragraphs: Iterable[ReportParagraph], where: str, *, numbered: bool | None = None
) -> list[Block]:
    """Several caller paragraphs as blocks, each named by its index under `where`.

    `numbered` overrides each paragraph's own flag (``False`` in a document without numbered
    sections).
    """
    out: list[Block] = []
    for index, paragraph in enumerate(paragraphs):
        out += paragraph_blocks(paragraph, f"{where}[{index}]", numbered=numbered)
    return out
