"""Mayors' terms as per-area data: each area's election order and transfer order, with its own citation.

TERM-3 (the day PCC functions transfer), TERM-5 (a combined-authority mayor's term, from the
area's election order), TERM-6 (the Mayor of London's term, GLA Act 1999 s.2(8), which MOPAC
follows under PRSRA s.3(4)), LON-1 (what MOPAC may not hand to its Deputy Mayor, s.19(3)(b), (7))
CA-1 (what a combined-authority mayor may not hand to their deputy mayor for policing and crime,
the area's order applying s.18) and GOV-2 (new mayors without PCC functions). Sources were read on
1 December 2026 (`CHECKED_2026_12_01`); where an article's text was not found the citation is
U or S and says so.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from pccplan.errors import StatuteError
from pccplan.model.area import BodyKind, Governance, PoliceArea
from pccplan.model.classes import shared_eq_repr
from pccplan.model.sources import Confidence
from pccplan.statute.citation import CHECKED_2026_12_01, PRSRA_READ, Citation, legislation, prsra
from pccplan.statute.dated import Dated, DatedValue
from pccplan.statute.declare import Rule, applies

__all__ = [
    "CA_1",
    "DEPUTY_MAYOR_MAY_NOT",
    "GOV_2",
    "LON_1",
    "MAYORAL_AREAS",
    "MOPAC_RESERVED_FUNCTIONS",
    "NEW_MAYORS_WITHOUT_PCC_FUNCTIONS",
    "NO_FIXED_DAYS",
    "TERM_5",
    "Anchor",
    "MayoralArea",
    "MayoralTermRule",
    "NewMayor",
    "PlanFunction",
    "TermDays",
    "Transfer",
    "deputy_mayor_bar",
    "deputy_mayor_may_exercise",
    "governance_history",
    "mayoral_area",
    "new_mayor_without_pcc_functions",
]

TERM_5 = Rule(
    id="TERM-5",
    title="Combined-authority mayors' terms",
    says="A combined-authority mayor's term is set by the area's own election order, kept per area as "
    "data: in West Yorkshire it begins with the 4th day after the poll and ends with the 3rd day "
    "after the next poll; TERM-1 does not apply to mayors.",
    citation=legislation(
        "West Yorkshire Combined Authority (Election of Mayor and Functions) Order 2021",
        "art 3(4)",
        "uksi/2021/112/article/3",
        Confidence.VERIFIED,
        "Each area's order and article, with its confidence, is in pccplan.statute.mayors; the Greater "
        "Manchester (SI 2016/448 art 3(4)), South Yorkshire (SI 2016/800 art 3(4)) and York and North "
        "Yorkshire (SI 2023/1432 art 4(4)-(5)) articles were read on 1 December 2026.",
        CHECKED_2026_12_01,
    ),
    override="term_for(..., takes_office_on=, term_ends_on=)",
)
"""Rule TERM-5: Combined-authority mayors' terms."""


LON_1 = Rule(
    id="LON-1",
    title="London: MOPAC, its Deputy Mayor and the plan",
    says="MOPAC may arrange for the Deputy Mayor for Policing and Crime to exercise its functions, "
    "except those of s.19(7)(a), (e), (f), (g) and (h) (s.19(3)(b)): issuing the police and crime plan, "
    "recommending a Commissioner's appointment, representations on a Deputy Commissioner's, being "
    "consulted on senior officers' appointment or removal, and suspending or removing the Commissioner "
    "or Deputy Commissioner; nor, under s.19(3)(aa), complaints functions under Police Reform Act 2002 "
    "Part 2. The plan duty is s.6; the London Assembly's police and crime panel reviews it.",
    citation=prsra(
        "s.19(1)-(3), (7); s.6; s.32-33",
        "section/19",
        Confidence.VERIFIED,
        f"{PRSRA_READ} The Deputy Mayor may exercise s.19(7)(b)-(d), (i) and (j); no other person may "
        "exercise any s.19(7) function (s.19(3)(d)).",
        CHECKED_2026_12_01,
    ),
)
"""Rule LON-1: London: MOPAC, its Deputy Mayor and the plan."""


CA_1 = Rule(
    id="CA-1",
    title="Combined-authority mayors: the deputy mayor for policing and crime",
    says="Where a combined-authority mayor exercises PCC functions (LDEDCA 2009 s.107F), the area's order "
    "applies PRSRA s.18 with 'deputy mayor for policing and crime' for 'deputy police and crime "
    "commissioner': the Mayor may arrange for the deputy mayor to exercise PCC functions (s.18(1)(b)) "
    "but not to issue the police and crime plan (s.18(3)(b), (7)(a)), which stays with the Mayor; a "
    "variation, not listed in s.18(7), may be made by the deputy mayor.",
    citation=legislation(
        "West Yorkshire Combined Authority (Election of Mayor and Functions) Order 2021",
        "Sch 5 para 21 (PRSRA s.18 as modified)",
        "uksi/2021/112/schedule/5/paragraph/21",
        Confidence.VERIFIED,
        "Sch 5 para 21 read on 1 December 2026 (legislation.gov.uk): every 'deputy police and crime "
        "commissioner' in s.18 becomes 'deputy mayor for policing and crime'; s.18(7) keeps (a), issuing a "
        "police and crime plan. The reading of s.18(3)(b), (7)(a) is ACT-1's. The other mayoral areas' "
        "orders (SI 2017/470, SI 2024/414, SI 2023/1432) are taken to make the same modification: their "
        "articles were not read (U). LURA 2023 Sch 3 para 3(4) (read) requires the same bar for new "
        "mayors.",
        CHECKED_2026_12_01,
    ),
)
"""Rule CA-1: Combined-authority mayors: the deputy mayor for policing and crime."""


GOV_2 = Rule(
    id="GOV-2",
    title="New mayors without PCC functions",
    says="Cumbria and Cheshire and Warrington elect combined-authority mayors on 6 May 2027 without, as "
    "far as found, PCC functions: those polls are not PCC by-elections and the commissioner's term "
    "runs on.",
    citation=legislation(
        "Cheshire and Warrington Combined Authority Order 2026",
        "art 1(3)",
        "ukdsi/2026/9780348277913",
        Confidence.SECONDARY,
        "Draft order and Hansard (HL, 10 February 2026) read; the absence of a PCC transfer is U.",
        CHECKED_2026_12_01,
    ),
)
"""Rule GOV-2: New mayors without PCC functions."""


V, S, U = Confidence.VERIFIED, Confidence.SECONDARY, Confidence.UNVERIFIED
_READ = CHECKED_2026_12_01


class Anchor(enum.Enum):
    """What a mayoral term's days are counted from: the poll (combined authorities) or the declaration."""

    POLL = "poll"
    DECLARATION = "declaration"


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class TermDays:
    """The value of an entry of a term's dated table: days fixed outright for the term after one poll.

    An order that fixes a first day outright, or a reading the user gives in place of the
    rule's count (`term_for(..., takes_office_on=, term_ends_on=)`). ``None`` leaves the
    rule's day; `reason` is the note the fixed day's citation carries.
    """

    takes_office: dt.date | None = None
    term_ends: dt.date | None = None
    reason: str = "Day given by the user."


NO_FIXED_DAYS: DatedValue[TermDays] = DatedValue(name="days fixed for a term", entries=())
"""An empty table of fixed term days: every term follows its rule's count."""


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class MayoralTermRule:
    """A mayor's term: it begins `begins_after` days after the anchor and ends `ends_after` days after it.

    The anchor is the day of the poll (TERM-5: "begins with the fourth day after the day of the
    poll ... ends with the third day after the day of the poll at the next election", SI
    2021/112 art 3(4)) or the day the last successful candidate is declared returned (TERM-6,
    GLA Act 1999 s.2(8): "begin on the second day after the day on which the last of the
    successful candidates ... is declared to be returned"). Both ends are inclusive days.
    """

    begins_after: int
    ends_after: int
    anchor: Anchor
    citation: Citation
    fixed: DatedValue[TermDays] = NO_FIXED_DAYS

    def begins(self, anchor_day: dt.date) -> dt.date:
        """The first day of the term counted from `anchor_day`, unless `fixed` fixes it for that day.

        An order may fix a first day outright (SI 2023/1432 art 4(4)(a): 7 May 2024 for the
        York and North Yorkshire Mayor elected on 2 May 2024): that day is an entry of `fixed`.
        """
        entry = self.fixed.find(anchor_day)
        if entry is not None and entry.value.takes_office is not None:
            return entry.value.takes_office
        return anchor_day + dt.timedelta(days=self.begins_after)

    def ends(self, next_anchor_day: dt.date) -> dt.date:
        """The last day of the term, counted from the next election's poll or declaration."""
        return next_anchor_day + dt.timedelta(days=self.ends_after)


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Transfer:
    """TERM-3: PCC functions pass to the mayor on `first_day`, after the mayoral poll `poll`."""

    poll: dt.date
    first_day: dt.date
    citation: Citation

    def term_days(self) -> Dated[TermDays]:
        """The transfer as an entry of the fixed-days table: PCC functions from `first_day`."""
        return Dated(
            effective_from=self.poll,
            effective_to=self.poll,
            value=TermDays(
                takes_office=self.first_day, reason="First day of PCC functions fixed by the order."
            ),
            citation=self.citation,
            known_on=self.poll,
        )


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class MayoralArea:
    """A police area whose PCC functions a mayor (or MOPAC) holds: the term rule and the transfer.

    `panel_precept` is False where the policing precept is not scrutinised by a Panel under SI
    2012/2271: MOPAC's budget is part of the Greater London Authority's (GLA Act 1999 Sch.6, U).
    """

    slug: str
    office: str
    term_rule: MayoralTermRule
    transfer: Transfer | None
    occupant_rule: Citation | None = None
    panel_precept: bool = True

    def transfer_days(self) -> DatedValue[TermDays]:
        """TERM-3: the transfer's first day as the fixed-days table `term_for` reads (empty if none)."""
        if self.transfer is None:
            return NO_FIXED_DAYS
        return NO_FIXED_DAYS.with_entry(self.transfer.term_days())


# A combined-authority mayor's term (TERM-5), as the orders of this series word it: "begins with
# the fourth day after the day of the poll ... ends with the third day after the day of the poll at
# the next election" (SI 2021/112 art 3(4), read; SI 2016/783 art 3(4), read, the same words).
_CA_BEGINS, _CA_ENDS = 4, 3
# The Mayor of London (TERM-6, GLA Act 1999 s.2(8)(a)-(b), read): the second day after the day the
# last successful candidate is declared returned, both for the start and the end.
_GLA_DAYS = 2


def _first_day_fixed(poll: dt.date, day: dt.date, citation: Citation) -> DatedValue[TermDays]:
    """A fixed-days table whose one entry fixes the first day of the term after `poll` (an order's)."""
    entry = attrs.evolve(
        Transfer(poll=poll, first_day=day, citation=citation).term_days(),
        value=TermDays(takes_office=day, reason="First day fixed by the order."),
    )
    return NO_FIXED_DAYS.with_entry(entry)


def _ca_rule(citation: Citation, fixed: DatedValue[TermDays] = NO_FIXED_DAYS) -> MayoralTermRule:
    return MayoralTermRule(
        begins_after=_CA_BEGINS, ends_after=_CA_ENDS, anchor=Anchor.POLL, citation=citation, fixed=fixed
    )


MAYORAL_AREAS: tuple[MayoralArea, ...] = (
    MayoralArea(
        slug="greater-manchester",
        office="Mayor of Greater Manchester",
        term_rule=_ca_rule(
            legislation(
                "Greater Manchester Combined Authority (Election of Mayor with Police and Crime "
                "Commissioner Functions) Order 2016",
                "art 3(4)",
                "uksi/2016/448/article/3",
                V,
                "Art 3(4) read on 1 December 2026 (as made, https://legalize.dev/uk/law/uksi-2016-448): "
                "the term 'begins with the fourth day after the day of the poll' and 'ends with the third "
                "day after the day of the poll at the next election'. Art 3(3)(b): polls every fourth year "
                "after 2020 on the ordinary day of election, so 2 May 2024 (the 2020 poll was held on 6 May "
                "2021, Coronavirus Act 2020 s.60, TERM-2); the 2024 term began on Monday 6 May 2024, a bank "
                "holiday: the order has no provision moving it.",
                _READ,
            )
        ),
        transfer=Transfer(
            poll=dt.date(2017, 5, 4),
            first_day=dt.date(2017, 5, 8),
            citation=legislation(
                "Greater Manchester Combined Authority (Transfer of Police and Crime Commissioner "
                "Functions to the Mayor) Order 2017",
                "art 1(2), art 3",
                "uksi/2017/470/article/1",
                V,
                "In force on 8 May 2017 (art 1(2), read); no PCC from that day and the PCC's term "
                "continues until it (SI 2016/448 art 4(2), (4), read 1 December 2026).",
                _READ,
            ),
        ),
    ),
    MayoralArea(
        slug="west-yorkshire",
        office="Mayor of West Yorkshire",
        term_rule=_ca_rule(
            legislation(
                "West Yorkshire Combined Authority (Election of Mayor and Functions) Order 2021",
                "art 3(4)",
                "uksi/2021/112/article/3",
                V,
                None,
                _READ,
            )
        ),
        transfer=Transfer(
            poll=dt.date(2021, 5, 6),
            first_day=dt.date(2021, 5, 10),
            citation=legislation(
                "West Yorkshire Combined Authority (Election of Mayor and Functions) Order 2021",
                "art 34(2), (4)",
                "uksi/2021/112/article/34",
                V,
                "No PCC for the Area from 10 May 2021; the PCC's term continues until then.",
                _READ,
            ),
        ),
    ),
    MayoralArea(
        slug="south-yorkshire",
        office="Mayor of South Yorkshire",
        term_rule=_ca_rule(
            legislation(
                "Barnsley, Doncaster, Rotherham and Sheffield Combined Authority (Election of Mayor) "
                "Order 2016",
                "art 3 (as amended by SI 2024/414 art 3)",
                "uksi/2016/800/article/3",
                V,
                "Art 3(4) read on 1 December 2026 (https://legalize.dev/uk/law/uksi-2016-800): fourth day "
                "after the poll to the third day after the next. SI 2024/414 art 3 (read) inserted art "
                "3(5)-(6): the 2026 election held instead on 2 May 2024, then every fourth year; so the "
                "Mayor's 2024 term began on 6 May 2024, PCC functions on 7 May 2024 (SI 2024/414 art 4).",
                _READ,
            )
        ),
        transfer=Transfer(
            poll=dt.date(2024, 5, 2),
            first_day=dt.date(2024, 5, 7),
            citation=legislation(
                "South Yorkshire Mayoral Combined Authority (Election of Mayor and Transfer of Police "
                "and Crime Commissioner Functions) Order 2024",
                "art 4(2), (4)",
                "uksi/2024/414/article/4",
                V,
                "No PCC for the Area from 7 May 2024; the PCC's term continues until then. The "
                "Minister told the Lords the Mayor takes office on Tuesday 7 May (Hansard, 18 March "
                "2024, S).",
                _READ,
            ),
        ),
    ),
    MayoralArea(
        slug="north-yorkshire",
        office="Mayor of York and North Yorkshire",
        term_rule=_ca_rule(
            legislation(
                "York and North Yorkshire Combined Authority Order 2023",
                "art 4",
                "uksi/2023/1432/article/4",
                V,
                "Art 4 read on 1 December 2026 (https://legalize.dev/uk/law/uksi-2023-1432): art 4(4) "
                "fixes the first day of the 2024 term, 7 May 2024 (the transfer's first day below), and "
                "ends it with the third day after the next poll; art 4(5): later terms from the fourth day "
                "after the poll to the third day after the next.",
                _READ,
            ),
            _first_day_fixed(
                dt.date(2024, 5, 2),
                dt.date(2024, 5, 7),
                legislation(
                    "York and North Yorkshire Combined Authority Order 2023",
                    "art 4(4)(a)",
                    "uksi/2023/1432/article/4",
                    V,
                    "Art 4(4)(a) read on 1 December 2026 (https://legalize.dev/uk/law/uksi-2023-1432): the "
                    "term of the Mayor elected in 2024 begins on 7 May 2024.",
                    _READ,
                ),
            ),
        ),
        transfer=Transfer(
            poll=dt.date(2024, 5, 2),
            first_day=dt.date(2024, 5, 7),
            citation=legislation(
                "York and North Yorkshire Combined Authority Order 2023",
                "art 1(3) (arts 41(1), 42-44 in force 7 May 2024)",
                "uksi/2023/1432/article/1",
                V,
                "The PCC-function articles come into force on 7 May 2024 (art 1(3), read).",
                _READ,
            ),
        ),
    ),
    MayoralArea(
        slug="london",
        office="Mayor of London (occupant of MOPAC)",
        term_rule=MayoralTermRule(
            begins_after=_GLA_DAYS,
            ends_after=_GLA_DAYS,
            anchor=Anchor.DECLARATION,
            citation=legislation(
                "Greater London Authority Act 1999", "s.2(8)", "ukpga/1999/29/section/2", V, None, _READ
            ),
        ),
        transfer=None,
        occupant_rule=legislation(
            "Police Reform and Social Responsibility Act 2011",
            "s.3(3)-(4)",
            "ukpga/2011/13/section/3",
            V,
            "The Mayor of London is the occupant of MOPAC; the occupant's term begins and ends with "
            "the mayoral term.",
            _READ,
        ),
        panel_precept=False,
    ),
)
"""The areas whose PCC functions a mayor holds, each with its own election order and transfer order."""


@applies(TERM_5)
def mayoral_area(slug: str) -> MayoralArea | None:
    """The mayoral data for the police area `slug`, or ``None`` for a PCC or PFCC area."""
    for area in MAYORAL_AREAS:
        if area.slug == slug:
            return area
    return None


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class NewMayor:
    """GOV-2: a new combined-authority mayor in a police area, taking no PCC functions as far as found."""

    slug: str
    authority: str
    first_poll: dt.date
    takes_office: dt.date
    citation: Citation


NEW_MAYORS_WITHOUT_PCC_FUNCTIONS: tuple[NewMayor, ...] = (
    NewMayor(
        slug="cumbria",
        authority="Cumbria Combined Authority",
        first_poll=dt.date(2027, 5, 6),
        takes_office=dt.date(2027, 5, 10),
        citation=Citation(
            instrument="Cumbria Combined Authority Order 2026 (Hansard, HL Grand Committee, 10 February "
            "2026)",
            pinpoint="",
            url="https://hansard.parliament.uk/lords/2026-02-10",
            confidence=S,
            note="The Minister: inaugural mayoral elections on 6 May 2027, mayors take office on 10 May "
            "2027. No transfer of PCC functions was found (U): the Cumbria PFCC stays until the end of "
            "the term.",
            checked_on=_READ,
        ),
    ),
    NewMayor(
        slug="cheshire",
        authority="Cheshire and Warrington Combined Authority",
        first_poll=dt.date(2027, 5, 6),
        takes_office=dt.date(2027, 5, 10),
        citation=legislation(
            "Cheshire and Warrington Combined Authority Order 2026",
            "art 1(3)",
            "ukdsi/2026/9780348277913",
            S,
            "Draft order read: Part 5 (mayoral functions) comes into force on 10 May 2027; first poll "
            "6 May 2027 (Hansard, 10 February 2026, S). No transfer of PCC functions was found (U).",
            _READ,
        ),
    ),
)
"""GOV-2: new mayors in police areas whose PCC (or PFCC) functions stay with the commissioner."""


@applies(GOV_2)
def new_mayor_without_pcc_functions(slug: str, poll: dt.date) -> NewMayor | None:
    """GOV-2: the new mayor first elected on `poll` in police area `slug`, if that poll is theirs."""
    for mayor in NEW_MAYORS_WITHOUT_PCC_FUNCTIONS:
        if mayor.slug == slug and mayor.first_poll == poll:
            return mayor
    return None


def _governance_citation(area: PoliceArea, entry: Governance) -> Citation:
    """The source of one governance entry: the transfer order for a mayor, else the Act that makes it."""
    mayor = mayoral_area(area.slug)
    if entry.kind is BodyKind.MAYOR and mayor is not None and mayor.transfer is not None:
        return mayor.transfer.citation
    if entry.kind is BodyKind.MOPAC:
        return prsra("s.3", "section/3", entry.confidence, entry.source, CHECKED_2026_12_01)
    if entry.kind is BodyKind.PFCC:
        # s.6: "Schedule 1 makes provision for a person who is the police and crime commissioner for an
        # area to be the fire and rescue authority for that area" (an order under Fire and Rescue
        # Services Act 2004 s.4A; PRSRA s.66(10)); read 1 December 2026 (legalize uk/ukpga-2017-3.md).
        return legislation(
            "Policing and Crime Act 2017",
            "s.6",
            "ukpga/2017/3/section/6",
            entry.confidence,
            entry.source,
            CHECKED_2026_12_01,
        )
    return prsra("s.1", "section/1", entry.confidence, entry.source, CHECKED_2026_12_01)


def governance_history(area: PoliceArea) -> DatedValue[Governance]:
    """Who has held PCC functions in `area` (PCC, PFCC, mayor or MOPAC), as a dated value.

    One entry per `area.governance` arrangement, in force from its `since` to the day before
    the next; each cites its source (a mayor's transfer order, TERM-3; PRSRA s.3 for MOPAC;
    the Policing and Crime Act 2017 for a PFCC; PRSRA s.1 otherwise). `PoliceArea.governance_on`
    is the model's thin lookup of the same data; to record a change, give the area one more
    `Governance` (``attrs.evolve(area, governance=(*area.governance, new))``) and it becomes one
    more entry here.
    """
    entries = area.governance
    return DatedValue(
        name=f"governance of {area.name}",
        entries=tuple(
            Dated(
                effective_from=entry.since,
                effective_to=entries[i + 1].since - dt.timedelta(days=1) if i + 1 < len(entries) else None,
                value=entry,
                citation=_governance_citation(area, entry),
                known_on=entry.since,
            )
            for i, entry in enumerate(entries)
        ),
    )


MOPAC_RESERVED_FUNCTIONS: Mapping[str, str] = MappingProxyType(
    {
        "a": "issuing a police and crime plan (s.6)",
        "b": "determining police and crime objectives (s.7)",
        "c": "attending a meeting of the London Assembly's police and crime panel when required (s.29)",
        "d": "preparing an annual report to the London Assembly's police and crime panel (s.12)",
        "e": "making recommendations on the appointment of a Commissioner of Police of the Metropolis (s.42)",
        "f": "making representations on the appointment of a Deputy Commissioner (s.45)",
        "g": "being consulted on the appointment or removal of an Assistant Commissioner, a Deputy Assistant "
        "Commissioner or a Commander (ss.45-47, 49)",
        "h": "suspending the Commissioner or Deputy Commissioner, or calling on either to retire or "
        "resign (s.48)",
        "i": "appointing a local auditor (Local Audit and Accountability Act 2014 s.7)",
        "j": "deciding whether to enter into a liability limitation agreement (that Act, s.14)",
    }
)
"""LON-1: the functions listed in PRSRA s.19(7), by paragraph letter (text read 1 December 2026).

No person other than the Deputy Mayor may be arranged to exercise any of them (s.19(3)(d)).
"""

DEPUTY_MAYOR_MAY_NOT = frozenset({"a", "e", "f", "g", "h"})
"""LON-1, s.19(3)(b): the paragraphs of s.19(7) MOPAC may not arrange for the Deputy Mayor to exercise."""


@applies(LON_1)
def deputy_mayor_may_exercise(paragraph: str) -> bool:
    """LON-1, s.19(3)(b): whether MOPAC may arrange for the Deputy Mayor to exercise s.19(7)(`paragraph`).

    "But the Mayor's Office for Policing and Crime may not ... (b) arrange for the Deputy Mayor
    for Policing and Crime to exercise a function listed in subsection (7)(a), (e), (f), (g) or
    (h)". So issuing the plan ('a') stays with MOPAC, as MOPAC's decision forms show (the Deputy
    Mayor signs "Decision by" while the Mayor approves and issues the plan); determining the
    objectives ('b') may be delegated. `StatuteError` naming the letter if s.19(7) has none.
    """
    letter = paragraph.strip().strip("()").lower()
    if letter not in MOPAC_RESERVED_FUNCTIONS:
        raise StatuteError(f"s.19(7) has no paragraph {paragraph!r}: it lists (a) to (j) (LON-1)")
    return letter not in DEPUTY_MAYOR_MAY_NOT


class PlanFunction(enum.Enum):
    """What a decision on the police and crime plan does: issue a plan, or vary one."""

    ISSUE = "issue"
    VARY = "vary"


def _ca_order(slug: str) -> Citation:
    """CA-1's citation for `slug`: West Yorkshire's order as read, else the area's transfer order, U."""
    mayor = mayoral_area(slug)
    if slug == "west-yorkshire" or mayor is None or mayor.transfer is None:
        return CA_1.citation
    source = mayor.transfer.citation
    return attrs.evolve(
        source,
        pinpoint="the schedule applying PRSRA s.18",
        confidence=U,
        note="Taken to modify s.18 as West Yorkshire's order does (SI 2021/112 Sch 5 para 21); this "
        "order's article was not read.",
    )


@applies(CA_1)
def deputy_mayor_bar(kind: BodyKind, slug: str, function: PlanFunction) -> str | None:
    """CA-1 and LON-1: why a deputy mayor for policing and crime may not do `function`, or ``None``.

    In a combined-authority mayor's area (`kind` MAYOR) the area's order applies PRSRA s.18:
    issuing the plan is s.18(7)(a), which the Mayor may not arrange for the deputy mayor to
    exercise (s.18(3)(b)); in London (MOPAC) it is s.19(7)(a), barred by s.19(3)(b). Varying
    the plan is in neither list, so the deputy mayor may. For a PCC or PFCC (no deputy mayor)
    the answer is ``None``: their deputies are ACT-1's. The reason names the provision and the
    order, to stand in an error.
    """
    if function is not PlanFunction.ISSUE or kind not in (BodyKind.MAYOR, BodyKind.MOPAC):
        return None
    if kind is BodyKind.MOPAC:
        return (
            "issuing the police and crime plan is not among the functions the Deputy Mayor may exercise "
            "(Police Reform and Social Responsibility Act 2011 s.19(3)(b), (7)(a)): it stays with MOPAC, "
            "the Mayor (LON-1)"
        )
    order = _ca_order(slug)
    return (
        "issuing the police and crime plan stays with the Mayor: the Mayor may not arrange for the "
        "deputy mayor for policing and crime to exercise it (Police Reform and Social Responsibility Act "
        f"2011 s.18(3)(b), (7)(a), as applied by {order.text}) (CA-1)"
    )
