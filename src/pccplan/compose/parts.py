"""Pieces every document composer shares: how the office and Panel are named, dates in words,
and the caller's marked-up paragraphs turned into tree nodes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from pccplan.compose.build import bullets, inline, link, para
from pccplan.compose.tree import Block, Exempt, Inline, Paragraph
from pccplan.errors import ValidationError
from pccplan.model.area import BodyKind, PoliceArea
from pccplan.model.document import BackgroundDocument, Exemption, ReportParagraph
from pccplan.model.plan import Commissioner

__all__ = [
    "ACT_URL",
    "Office",
    "day_month_year",
    "exempt_mark",
    "month_year",
    "narrative",
    "paragraph_blocks",
    "reference_line",
]

ACT_URL = "https://www.legislation.gov.uk/ukpga/2011/13/contents"
"""The Police Reform and Social Responsibility Act 2011 on legislation.gov.uk."""

ACT_TITLE = "Police Reform and Social Responsibility Act 2011"


def day_month_year(day: dt.date) -> str:
    """'31 March 2017' (no leading zero), as council reports write dates."""
    return f"{day.day} {day:%B %Y}"


def month_year(day: dt.date) -> str:
    """'March 2017'."""
    return f"{day:%B %Y}"


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


def exempt_mark(exemption: Exemption | None) -> Exempt | None:
    """The tree's exemption mark for a model `Exemption` (its paragraph of Schedule 12A)."""
    if exemption is None:
        return None
    if exemption.reason:
        return Exempt(paragraph=exemption.paragraph.value, label=exemption.reason)
    return Exempt(paragraph=exemption.paragraph.value)


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
        blocks.append(
            bullets(*(narrative(b, f"{where}.bullets[{i}]") for i, b in enumerate(paragraph.bullets)))
        )
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


def blocks_of(paragraphs: Iterable[ReportParagraph], where: str) -> list[Block]:
    """Several caller paragraphs as blocks, each named by its index under `where`."""
    out: list[Block] = []
    for index, paragraph in enumerate(paragraphs):
        out += paragraph_blocks(paragraph, f"{where}[{index}]")
    return out
