"""Pieces every document composer shares: how the office and Panel are named, dates in words,
and the caller's marked-up paragraphs turned into tree nodes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import PurePath
from typing import TypeVar

import attrs

from pccplan.compose.build import bullets, inline, link, para
from pccplan.compose.money import MoneyStyle, money
from pccplan.compose.tree import AttachedFile, Block, Exempt, Inline, Link, Note, Paragraph, Section
from pccplan.compose.walk import iter_nodes
from pccplan.errors import DocumentReadError, UnknownAreaError, ValidationError
from pccplan.model.area import BodyKind, Nation, PoliceArea, find_area
from pccplan.model.document import BackgroundDocument, Contact, Exemption, ReportParagraph
from pccplan.model.form import Naming
from pccplan.model.plan import Commissioner, Plan
from pccplan.statute.panel import Scrutiny, scrutiny_for

__all__ = [
    "ACT_URL",
    "GENERIC_PLAN_TITLES",
    "WELSH_AVAILABLE",
    "Office",
    "area_of_panel",
    "attached_appendix",
    "attached_file",
    "contact_line",
    "count_words",
    "date_span",
    "day_month_year",
    "exempt_mark",
    "exempt_within",
    "financial_year",
    "month_year",
    "narrative",
    "office_term",
    "panel_term",
    "paragraph_blocks",
    "plan_name",
    "plan_years",
    "possessive",
    "pounds",
    "reference_line",
    "sentence",
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


def pounds(amount: Decimal) -> str:
    """An amount of money in pounds and pence: '£1,250,000.00' ('-£5.00' below zero).

    Rounded to whole pence, half up. Only `Decimal` is accepted: a float cannot hold pence
    exactly. It is `pccplan.compose.money.money` in the ``PENCE`` style; documents write
    money in the house form's style with `money` itself.
    """
    return money(amount, MoneyStyle.PENCE)


_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def count_words(count: int, noun: str, plural: str | None = None) -> str:
    """'three recommendations', 'one recommendation', '12 recommendations' (words up to nine)."""
    number = _SMALL[count] if 0 <= count < len(_SMALL) else str(count)
    return f"{number} {noun if count == 1 else (plural or noun + 's')}"


# The words of names in running text have one implementation, `Naming`'s (the house form's naming,
# in the model, which the composers and the forms both read): these are its two helpers by the
# names the composers have always used.
possessive = Naming.possessive
"""'Commissioner’s': the name with the typographic apostrophe the documents use."""


def plan_years(plan: Plan, period_start: dt.date, period_end: dt.date) -> str:
    """The years a plan is titled by: '2024 \u2013 2029', those of its planning period (PLAN-9).

    `period_start` and `period_end` are the computed planning period (a plan issued in 2024/25
    runs to 31 March 2029); the plan's own `period`, when set, overrides both. Never the
    term's years: real plans run past the term (West Mercia 2024-2029, Gwent 2025-2029).
    """
    if plan.period is not None:
        first, last = plan.period.start.year, plan.period.end.year
    else:
        first, last = period_start.year, period_end.year
    return str(first) if first == last else f"{first} \u2013 {last}"


GENERIC_PLAN_TITLES = ("police and crime plan", "police, fire and crime plan", "the police and crime plan")
"""Titles that are a kind of document rather than a plan's own name: they take the period's years."""


def plan_name(plan: Plan, period_start: dt.date, period_end: dt.date) -> str:
    """The plan as a document names it: its own title ('Building a Safer London', 'Police and
    Crime Plan 2021 - 2024'), or a generic title with its planning period's years added."""
    if plan.title.strip().casefold() in GENERIC_PLAN_TITLES:
        return f"{plan.title.strip()} {plan_years(plan, period_start, period_end)}"
    # A spaced hyphen between years is set as the en dash documents print ('2021 – 2024').
    return re.sub(r"\b(\d{4}) - (\d{2,4})\b", "\\1 \u2013 \\2", plan.title)


sentence = Naming.start
"""`words` with a capital first letter, as it opens a sentence ('the Commissioner' -> 'The ...')."""


_LQ, _RQ = "\u201c", "\u201d"

_SHORT = {BodyKind.MAYOR: "Mayor", BodyKind.MOPAC: "MOPAC"}
"""The defined term for the body that holds the plan duties, when it is not 'Commissioner'."""


def office_term(kind: BodyKind) -> str:
    """How the library names a body of `kind` in running text: 'the Commissioner', 'the Mayor', 'MOPAC'."""
    short = _SHORT.get(kind, "Commissioner")
    return short if kind is BodyKind.MOPAC else f"the {short}"


def panel_term(kind: BodyKind) -> str:
    """How the library names the scrutiny body in running text: 'the Panel'; in London 'the Committee'."""
    return "the Committee" if kind is BodyKind.MOPAC else "the Panel"


_METROPOLIS = "Commissioner of Police of the Metropolis"
"""The head of the Metropolitan Police Service (Police Act 1996 s.9A): London's force head."""


@attrs.frozen(kw_only=True)
class Office:
    """How a document names the office holder, their office and the Panel, for an area on a day.

    The one place every composer reads its names from. `short` is the defined term for the
    body that holds the plan duties ('Commissioner', 'Mayor', 'MOPAC'); `style` the area as
    the office styles it ('Cambridgeshire and Peterborough'); `panel` the scrutiny body's full
    name and `panel_short` its generic name ('Police and Crime Panel'); `panel_term` its
    defined term ('Panel'; in London 'Committee', the London Assembly's Police and Crime
    Committee, s.32-33); `chief_officer` the head of the force ('Chief Constable'; in London the
    Commissioner of Police of the Metropolis).
    """

    title: str
    short: str
    style: str
    panel: str
    panel_short: str
    kind: BodyKind
    panel_term: str = "Panel"
    chief_officer: str = "Chief Constable"
    deputy: str | None = None
    """The title of a deputy mayor who acts for the body ('Deputy Mayor for Policing and Crime': in
    London under s.19, LON-1; for a combined-authority mayor under the area's order), or ``None``."""

    @classmethod
    def of(
        cls, area: PoliceArea, commissioner: Commissioner, on: dt.date, panel: str | None = None
    ) -> Office:
        """The naming in force in `area` on day `on`; `panel` overrides the Panel's name.

        A commissioner left with the PCC's default title takes the area's title on the day
        (`Commissioner.styled_for`): a PFCC's, a mayor's, MOPAC's.
        """
        governance = area.governance_on(on)
        holder = commissioner.styled_for(area, on)
        # A deputy mayor acts for the body but does not hold it: the body keeps its own title.
        mayoral = governance.kind in (BodyKind.MAYOR, BodyKind.MOPAC)
        deputy = (
            holder.effective_title
            if mayoral and holder.effective_title.casefold().startswith("deputy mayor")
            else None
        )
        panel_name = panel or governance.panel_name
        generic = panel_name.removeprefix(area.name).strip()
        london = governance.kind is BodyKind.MOPAC
        if london:
            generic = "Police and Crime Committee"
        return cls(
            title=governance.title if deputy else holder.effective_title,
            short=_SHORT.get(governance.kind, "Commissioner"),
            style=holder.area_style or area.name,
            panel=panel_name,
            panel_short=generic or panel_name,
            kind=governance.kind,
            panel_term="Committee" if london else "Panel",
            chief_officer=_METROPOLIS if london else "Chief Constable",
            deputy=deputy,
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
        return f"Office of the {self.full_title}"

    @property
    def full_title(self) -> str:
        """'Police and Crime Commissioner for Cambridgeshire and Peterborough' ('Mayor of West Yorkshire')."""
        if self.kind in (BodyKind.MAYOR, BodyKind.MOPAC) or self.names_its_place:
            return self.title
        return f"{self.title} for {self.style}"

    @property
    def names_its_place(self) -> bool:
        """Whether `title` already ends with a place ('... Commissioner for Essex'), as a typed title may.

        Such a title is the full title as given: adding the area again would read '... for Essex for
        Essex'. The naming check warns where the place it names is not the area's.
        """
        return " for " in self.title

    @property
    def signed_as(self) -> str:
        """The title a document is given under: the deputy mayor's, when one acts, else `full_title`."""
        return self.deputy or self.full_title

    @property
    def introduced(self) -> str:
        """The body at its first mention, with its defined term, to follow 'the' or 'The'.

        'Police and Crime Commissioner (the “Commissioner”)'; in London "Mayor's Office for
        Policing and Crime (MOPAC)", never a defined term like 'the “Mayor's Office”'.
        """
        if self.kind is BodyKind.MOPAC:
            return "Mayor's Office for Policing and Crime (MOPAC)"
        return f"{self.title} (the {_LQ}{self.short}{_RQ})"

    @property
    def the(self) -> str:
        """The defined term as it stands in a sentence: 'the Commissioner', 'the Mayor', 'MOPAC'."""
        return self.short if self.kind is BodyKind.MOPAC else f"the {self.short}"

    @property
    def the_possessive(self) -> str:
        """The defined term in the possessive, in a sentence: 'the Commissioner’s', 'MOPAC’s'."""
        return possessive(self.the)

    @property
    def holder(self) -> str:
        """Who holds the office in person: 'the Commissioner'; for MOPAC its occupant, 'the Mayor' (s.3)."""
        return "the Mayor" if self.kind is BodyKind.MOPAC else self.the

    @property
    def panel_introduced(self) -> str:
        """The scrutiny body at its first mention, to follow 'the': 'Police and Crime Panel (the “Panel”)';
        in London "London Assembly's Police and Crime Committee (the “Committee”)"."""
        if self.kind is not BodyKind.MOPAC:
            return f"{self.panel_short} (the {_LQ}{self.panel_term}{_RQ})"
        name = self.panel
        if name.startswith("London Assembly "):
            name = "London Assembly\u2019s " + name.removeprefix("London Assembly ")
        return f"{name} (the {_LQ}{self.panel_term}{_RQ})"

    @property
    def scrutiny(self) -> Scrutiny:
        """Who reviews the draft and under which sections (LON-2): the Panel, or in London the Assembly."""
        return scrutiny_for(self.kind)

    @property
    def act_section(self) -> str:
        """The section of the 2011 Act under which the body issues its plan: '6' for MOPAC, else '5'."""
        return str(self.scrutiny.section)

    @property
    def plan_url(self) -> str:
        """The legislation.gov.uk address of that section (s.5, or s.6 for MOPAC)."""
        return self.scrutiny.plan.url

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
        title = holder.effective_title
        if title.startswith("Mayor's Office"):
            kind = BodyKind.MOPAC
        elif title.startswith("Mayor"):
            kind = BodyKind.MAYOR
        elif "Fire" in title:
            kind = BodyKind.PFCC
        else:
            kind = BodyKind.PCC
        generic = next((g for g in _GENERIC_PANELS if panel.endswith(g)), panel)
        london = kind is BodyKind.MOPAC
        return cls(
            title=title,
            short=_SHORT.get(kind, "Commissioner"),
            style=holder.area_style or _without_generic(panel) or panel,
            panel=panel,
            panel_short=generic,
            kind=kind,
            panel_term="Committee" if london else "Panel",
            chief_officer=_METROPOLIS if london else "Chief Constable",
        )


_GENERIC_PANELS = ("Police, Fire and Crime Panel", "Police and Crime Panel", "Police and Crime Committee")


def _without_generic(panel: str) -> str:
    for generic in _GENERIC_PANELS:
        panel = panel.removesuffix(generic).strip()
    return panel


def area_of_panel(panel: str) -> PoliceArea | None:
    """The police area a Panel's name belongs to ('Gwent Police and Crime Panel' is Gwent), if any."""
    name = _without_generic(panel)
    # 'London Assembly Police and Crime Committee': the Assembly is London's scrutiny body (s.32-33).
    name = name.removesuffix("Assembly").strip() if name.endswith(" Assembly") else name
    try:
        return find_area(name)
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
    if document.url and any(isinstance(n, Note | Link) for part in title for n in iter_nodes(part)):
        # The title becomes the link's text, and a link holds neither a footnote nor a link.
        raise ValidationError.one(
            f"{where}.title.markup",
            "a title given a url becomes a link, which cannot hold a footnote or another link",
            document.title,
        )
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


def attached_file(label: str, title: str, file: str, where: str) -> AttachedFile:
    """The tree's node for appendix `label`'s Word file `file` (the model field at `where`).

    The file is checked now, as the reader checks a file it reads (`pccplan.opc.check_package`),
    so a missing, unreadable or damaged file, or one that is not a Word document, is refused
    naming the field and the path before any renderer starts writing.
    """
    from pccplan.opc.package import check_package

    try:
        check_package(file, name=file)
    except DocumentReadError as error:
        reason = str(error).removeprefix(f"{file}: ")
        name = PurePath(file).name  # the value shown may be shortened: the reason names the file
        raise ValidationError.one(where, f"cannot be attached: {name}: {reason}", file) from None
    return AttachedFile(label=label, title=title, path=file)


def attached_appendix(
    label: str, title: str, file: str | None, where: str, exempt: Exempt | None
) -> Section | None:
    """Appendix `label` on a page of its own, holding its Word `file` (``None`` unless a .docx).

    A record's or a cover report's appendix may name a .pdf too: that cannot go inside a Word
    document, so it stays listed as a separate file (`appendix_line`) and gets no page here.
    """
    if file is None or not file.lower().endswith(".docx"):
        return None
    node = attached_file(label, title, file, where)
    return Section(title=f"Appendix {label}: {title}", blocks=(node,), new_page=True, exempt=exempt)
