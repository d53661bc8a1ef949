"""The rule registry: every rule of the statute fact sheet with its id, what it says and its citation."""

from __future__ import annotations

import importlib
from collections.abc import Callable

import attrs

from pccplan.model.sources import Confidence
from pccplan.statute.announced import ANNOUNCEMENT
from pccplan.statute.citation import CHECKED_2026_12_01, Citation, legislation, prsra

__all__ = ["RULES", "Rule", "cite", "reference_markdown", "rule", "rules"]

V, S, U = Confidence.VERIFIED, Confidence.SECONDARY, Confidence.UNVERIFIED
_READ = CHECKED_2026_12_01


@attrs.frozen(kw_only=True)
class Rule:
    """One rule of the fact sheet (``shared/statute.md``).

    `id` is the fact sheet's id ('PLAN-1'); `title` a few words; `says` one plain sentence of
    what the law requires; `citation` its source and confidence. `function` is the dotted name
    of the pure function that applies it (``None`` for rules with no date or check to compute,
    such as a duty to have regard). `override` names how a user replaces a U reading (a
    parameter or object), and is set for every U rule.
    """

    id: str
    title: str
    says: str
    citation: Citation
    function: str | None = None
    override: str | None = None

    @property
    def confidence(self) -> Confidence:
        """How sure the rule is: the confidence of its citation."""
        return self.citation.confidence

    def resolve(self) -> Callable[..., object] | None:
        """The function that applies the rule, imported on demand (``None`` if it has none)."""
        if self.function is None:
            return None
        parts = self.function.split(".")
        for cut in range(len(parts) - 1, 0, -1):  # the longest importable prefix, then attributes
            try:
                found: object = importlib.import_module(".".join(parts[:cut]))
            except ModuleNotFoundError:
                continue
            for name in parts[cut:]:
                found = getattr(found, name)
            if not callable(found):
                raise TypeError(f"{self.function} (rule {self.id}) is not callable")
            return found
        raise ModuleNotFoundError(self.function)


_P = "pccplan.statute."
_REGS = "Police and Crime Panels (Precepts and Chief Constable Appointments) Regulations 2012"


def _regs(pinpoint: str, number: int, confidence: Confidence = V) -> Citation:
    return legislation(_REGS, pinpoint, f"uksi/2012/2271/regulation/{number}", confidence)


RULES: tuple[Rule, ...] = (
    Rule(
        id="TERM-1",
        title="Term of office",
        says="A PCC elected at an ordinary election takes office on the 7th day after the poll; the term "
        "ends on the 6th day after the poll of the next ordinary election.",
        citation=prsra("s.50(7)", "section/50"),
        function=_P + "terms.takes_office",
    ),
    Rule(
        id="TERM-2",
        title="Ordinary elections",
        says="Ordinary elections were held on 15 November 2012, then every fourth year on the first Thursday "
        "in May.",
        citation=prsra(
            "s.50(1)-(3)", "section/50", S, "As amended by the Wales Act 2017 s.8 (amendment: S)."
        ),
        function=_P + "elections.ElectionCalendar.ordinary_polls",
    ),
    Rule(
        id="TERM-2A",
        title="2020 poll postponed to 2021",
        says="The 2020 ordinary election was held on 6 May 2021; the postponement is ignored in fixing the "
        "years of later ordinary elections (the next was May 2024). Known from Royal Assent, 25 March 2020.",
        citation=legislation(
            "Coronavirus Act 2020",
            "s.60(12)-(13)",
            "ukpga/2020/7/section/60",
            V,
            "Royal Assent on 25 March 2020 (S).",
        ),
        function=_P + "elections.postponed_2020",
    ),
    Rule(
        id="TERM-3",
        title="Mayors with PCC functions",
        says="A mayor who exercises PCC functions holds them from the day the area's transfer order fixes "
        "(Greater Manchester 8 May 2017, West Yorkshire 10 May 2021, South Yorkshire and York and North "
        "Yorkshire 7 May 2024), not from the TERM-1 day.",
        citation=legislation(
            "Local Democracy, Economic Development and Construction Act 2009",
            "s.107F",
            "ukpga/2009/20/section/107F",
            S,
            "The power to transfer PCC functions to a mayor; each area's own order is cited with its own "
            "address in pccplan.statute.mayors (SI 2017/470, SI 2021/112, SI 2024/414, SI 2023/1432).",
            _READ,
        ),
        function=_P + "terms.term_for",
        override="term_for(..., takes_office_on=, term_ends_on=)",
    ),
    Rule(
        id="TERM-5",
        title="Combined-authority mayors' terms",
        says="A combined-authority mayor's term is set by the area's own election order, kept per area as "
        "data: in West Yorkshire it begins with the 4th day after the poll and ends with the 3rd day "
        "after the next poll; TERM-1 does not apply to mayors.",
        citation=legislation(
            "West Yorkshire Combined Authority (Election of Mayor and Functions) Order 2021",
            "art 3(4)",
            "uksi/2021/112/article/3",
            V,
            "Each area's order and article, with its confidence, is in pccplan.statute.mayors: South "
            "Yorkshire's and York and North Yorkshire's articles were not read (U).",
            _READ,
        ),
        function=_P + "mayors.mayoral_area",
        override="term_for(..., takes_office_on=, term_ends_on=)",
    ),
    Rule(
        id="TERM-6",
        title="The Mayor of London's term, and MOPAC",
        says="The Mayor of London's term begins on the second day after the day the last successful "
        "candidate at the ordinary election is declared returned, and ends on the second day after that "
        "day at the next; MOPAC's occupant follows the mayoral term (PRSRA s.3(4)).",
        citation=legislation(
            "Greater London Authority Act 1999",
            "s.2(8)",
            "ukpga/1999/29/section/2",
            V,
            "Counted from the declaration, not the poll: pass declared= (the next declaration is "
            "estimated as the same number of days after its poll, U).",
            _READ,
        ),
        function=_P + "terms.term_for",
        override="term_for(..., declared=, term_ends_on=)",
    ),
    Rule(
        id="TERM-4",
        title="By-elections",
        says="A vacancy is filled by a by-election polled within 35 days after it is declared (non-business "
        "days disregarded), none within 6 months before an ordinary election (S); the by-elected PCC "
        "serves from declaration until the term would have ended after the last ordinary election.",
        citation=prsra(
            "s.51, s.73(4)", "section/51", V, "The 6-month exception is from a secondary source (S)."
        ),
        function=_P + "terms.by_election",
        override="by_election(..., no_election_within=)",
    ),
    Rule(
        id="TERM-4A",
        title="By-elections postponed to 6 May 2021",
        says="A PCC by-election whose poll would fall to be held between 16 March 2020 and 5 May 2021 was "
        "held on 6 May 2021 instead; an acting commissioner (s.62) served meanwhile.",
        citation=legislation(
            "Local Government and Police and Crime Commissioner (Coronavirus) (Postponement of Elections "
            "and Referendums) (England and Wales) Regulations 2020",
            "reg 10 (made under Coronavirus Act 2020 s.61)",
            "uksi/2020/395/regulation/10",
            S,
            "Coronavirus Act 2020 s.61(2)(a), (3)(g) read (V): the power covers PCC vacancy elections "
            "polled from 16 March 2020 to 5 May 2021. Reg 10's text was not found; its effect is from the "
            "Regulations' Explanatory Note (S). In force 7 April 2020.",
            _READ,
        ),
        function=_P + "terms.by_election",
    ),
    Rule(
        id="ACC-1",
        title="Declaration of acceptance",
        says="The declaration of acceptance of office must be made and delivered within two months beginning "
        "with the day after the election, or the office falls vacant.",
        citation=prsra("s.70(2)", "section/70"),
        function=_P + "terms.acceptance_deadline",
    ),
    Rule(
        id="BUS-1",
        title="Business days",
        says="Where the last day for anything under s.50, s.51 or s.70 is not a business day, it moves to "
        "the next business day.",
        citation=prsra("s.73(1)-(2)", "section/73"),
        function=_P + "calendar.WorkingCalendar.next_business_day",
    ),
    Rule(
        id="ACT-1",
        title="Acting commissioners",
        says="An acting commissioner may not issue or vary a plan, and issuing a plan cannot be delegated.",
        citation=prsra("s.62(4); s.18(7)(a)", "section/62"),
    ),
    Rule(
        id="PLAN-1",
        title="Plan after an ordinary election",
        says="In the financial year of an ordinary election the PCC must issue a plan as soon as practicable "
        "after taking office, and by the 31 March that ends that year.",
        citation=prsra("s.5(1)-(2)", "section/5"),
        function=_P + "plan.plan_deadline",
    ),
    Rule(
        id="PLAN-2",
        title="New plan or variation at any time",
        says="A PCC may issue a new plan or vary the plan at any time; a by-election does not create the "
        "PLAN-1 duty.",
        citation=prsra("s.5(3)-(4)", "section/5"),
        function=_P + "plan.new_plan_required",
    ),
    Rule(
        id="PLAN-3",
        title="Strategic Policing Requirement",
        says="In issuing or varying a plan, have regard to the Strategic Policing Requirement.",
        citation=prsra("s.5(5)", "section/5"),
    ),
    Rule(
        id="PLAN-4",
        title="Steps before issue",
        says="Before issuing or varying, in order: prepare a draft, consulting the chief constable; send it "
        "to the Panel; have regard to its report; give the Panel a response; publish the response.",
        citation=prsra("s.5(6)", "section/5"),
        function=_P + "process.check_process",
    ),
    Rule(
        id="PLAN-5",
        title="Time for the Panel's review",
        says="The Panel must be given a reasonable amount of time to review the draft; no number of days is "
        "set.",
        citation=prsra("s.5(7)", "section/5"),
        function=_P + "process.check_review_time",
    ),
    Rule(
        id="PLAN-6",
        title="Differences from the draft",
        says="If the plan as issued differs from the draft, consult the chief constable again on the "
        "differences before issuing.",
        citation=prsra("s.5(8)", "section/5"),
        function=_P + "process.check_process",
    ),
    Rule(
        id="PLAN-7",
        title="Keep the plan under review",
        says="Keep the plan under review, in particular after the Panel's report on the annual report and "
        "changes to the Strategic Policing Requirement.",
        citation=prsra("s.5(9)", "section/5"),
    ),
    Rule(
        id="PLAN-8",
        title="Copies and publication",
        says="After issuing a plan or variation, send copies to the chief constable and each responsible "
        "authority, and publish it.",
        citation=prsra("s.5(10)-(12)", "section/5"),
        function=_P + "process.check_process",
    ),
    Rule(
        id="PLAN-9",
        title="Planning period",
        says="A plan has effect from its issue day (or a qualifying day it names) to the end of the "
        "financial year of the next ordinary election expected after issue.",
        citation=prsra("s.7(3), s.7(7)", "section/7"),
        function=_P + "plan.planning_period",
    ),
    Rule(
        id="PLAN-9A",
        title="'Expected' read at the issue day",
        says="The next election 'expected' is the one expected on the day the plan is issued: a plan issued "
        "before 25 March 2020 expected the May 2020 poll.",
        citation=prsra(
            "s.7(7)",
            "section/7",
            U,
            "An interpretation: no instrument adjusted planning periods for the 2020 postponement.",
        ),
        function=_P + "plan.planning_period",
        override="planning_period(..., end=)",
    ),
    Rule(
        id="PLAN-10",
        title="Contents of the plan",
        says="The plan sets out the objectives, the policing to be provided, the resources, reporting, "
        "performance measures, s.143 services and grants (the text in force on the issue day).",
        citation=prsra(
            "s.7(1)",
            "section/7",
            V,
            "The provision that replaced s.9 grants by s.143 grants, and its start day, are unverified (U).",
        ),
        function=_P + "process.check_content",
        override="check_content(..., versions=)",
    ),
    Rule(
        id="PLAN-11",
        title="Partners and the public",
        says="Have regard to responsible authorities' priorities, co-operate with them and with criminal "
        "justice bodies, and obtain the views of the public and victims before issuing the plan.",
        citation=prsra(
            "s.10; s.14", "section/10", V, "The s.14 duty on public views is from a secondary source (S)."
        ),
    ),
    Rule(
        id="PFCC-1",
        title="Police, fire and crime commissioners",
        says="A PFCC also has regard to the Fire and Rescue National Framework and may issue a joint police, "
        "fire and crime plan.",
        citation=prsra("s.5(5A)-(5E)", "section/5"),
    ),
    Rule(
        id="PANEL-1",
        title="Panel reviews the draft",
        says="The Panel must review the draft plan or variation and report or make recommendations on it.",
        citation=prsra("s.28(3)", "section/28"),
        function=_P + "panel.plan_review_steps",
    ),
    Rule(
        id="PANEL-2",
        title="Panel publishes its reports",
        says="The Panel publishes its reports and recommendations.",
        citation=prsra("s.28(7)", "section/28"),
        function=_P + "panel.plan_review_steps",
    ),
    Rule(
        id="PANEL-3",
        title="Response within the Panel's period",
        says="The Panel may require a written response within a period it sets; there is no default period.",
        citation=prsra("s.29(3)", "section/29"),
        function=_P + "panel.response_due",
    ),
    Rule(
        id="AR-1",
        title="Annual report",
        says="For each financial year the PCC reports on progress against the plan, sends the report to the "
        "Panel, attends its public meeting, responds to its report and publishes the annual report.",
        citation=prsra("s.12; s.28(4)", "section/12"),
        function=_P + "annual_report.annual_report_steps",
    ),
    Rule(
        id="PREC-1",
        title="Proposed precept",
        says="The PCC notifies the Panel of the proposed precept by 1 February.",
        citation=_regs("reg 3", 3),
        function=_P + "precept.notify_by",
    ),
    Rule(
        id="PREC-2",
        title="Panel report and veto",
        says="The Panel reports by 8 February; it may veto only by two-thirds of its members at the time.",
        citation=_regs("reg 4; PRSRA Sch.5 para 4", 4),
        function=_P + "precept.panel_report_by",
    ),
    Rule(
        id="PREC-3",
        title="Revised precept",
        says="After a veto the PCC gives the Panel a revised precept by 15 February.",
        citation=_regs("reg 5", 5),
        function=_P + "precept.revised_precept_by",
    ),
    Rule(
        id="PREC-4",
        title="Second report",
        says="The Panel reports on the revised precept by 22 February; it may reject but not veto it.",
        citation=_regs("reg 6", 6),
        function=_P + "precept.second_report_by",
    ),
    Rule(
        id="PREC-5",
        title="Issuing the precept",
        says="The PCC responds to the second report and publishes the response, and issues the precept to "
        "billing authorities before 1 March.",
        citation=_regs("reg 7; Local Government Finance Act 1992 s.40", 7),
        function=_P + "precept.issue_before",
    ),
    Rule(
        id="CC-1",
        title="Chief constable confirmation",
        says="The Panel reports on a proposed chief constable within three weeks beginning with the day "
        "it is notified, not counting any post-election period.",
        citation=prsra("Sch.8 paras 2-4", "schedule/8", S, "The post-election pause is from Sch.8 (V/S)."),
        function=_P + "confirmation.report_by",
    ),
    Rule(
        id="CC-2",
        title="Reserve candidate",
        says="After a veto the PCC proposes a reserve candidate; the Panel reports within three weeks, "
        "post-election period ignored, and may only recommend.",
        citation=_regs("regs 9-12", 10),
        function=_P + "confirmation.report_by",
    ),
    Rule(
        id="CC-3",
        title="Removing a chief constable",
        says="Before calling on a chief constable to retire or resign, a scrutiny process of up to six "
        "weeks.",
        citation=prsra("Sch.8 paras 12-16", "schedule/8"),
    ),
    Rule(
        id="MTG-1",
        title="Agenda publication (England)",
        says="Agenda and reports for a Panel meeting in England are open to inspection at least five clear "
        "working days before it.",
        citation=legislation(
            "Local Government Act 1972",
            "s.100B (applied by SI 2012/2734)",
            "ukpga/1972/70/section/100B",
            S,
            "'Clear days' read as working days after R v Swansea CC ex p Elitestone (1993) (S).",
        ),
        function=_P + "meetings.publish_by",
    ),
    Rule(
        id="MTG-2",
        title="Agenda publication (Wales)",
        says="In Wales, at least three clear days before the meeting, published electronically.",
        citation=legislation(
            "Local Government Act 1972",
            "s.100BA(1), (3) (applied by SI 2012/2734 Sch. para 25)",
            "ukpga/1972/70/section/100BA",
            V,
            "Its commencement date is unverified (U): for a meeting before it, pass clear_days=5.",
        ),
        function=_P + "meetings.publish_by",
        override="publish_by(..., clear_days=, working_days=)",
    ),
    Rule(
        id="MTG-3",
        title="Short notice and urgent items",
        says="A meeting convened at shorter notice has its papers open from the time it is convened "
        "(s.100B(3)); an item may be considered as urgent, by reason of special circumstances specified "
        "in the minutes (s.100B(4)(b)). Lawful routes, not breaches of MTG-1: say what must be minuted.",
        citation=legislation(
            "Local Government Act 1972",
            "s.100B(3), (4)(b) (applied by SI 2012/2734)",
            "ukpga/1972/70/section/100B",
            U,
            "The text of s.100B was not found (U); the same words were read in SI 2012/2089 reg 6 and "
            "WSI 2021/1349 reg 18(3), (6), and council agendas cite s.100B(4)(b) for urgent items (S).",
            _READ,
        ),
        function=_P + "meetings.check_agenda",
        override="check_agenda(..., convened=, urgent=)",
    ),
    Rule(
        id="INFO-1",
        title="Specified information",
        says="Publish budget and precept information, grants, spending over £500 and, from 31 May 2021, a "
        "statement on national policing priorities and the latest PEEL report.",
        citation=legislation(
            "Elected Local Policing Bodies (Specified Information) Order 2011", "", "uksi/2011/3050", S
        ),
    ),
    Rule(
        id="HMI-1",
        title="Comments on HMICFRS reports",
        says="The PCC publishes comments on an HMICFRS report within 56 days beginning with the day it is "
        "published.",
        citation=legislation("Police Act 1996", "s.55(5A)-(5B)", "ukpga/1996/16/section/55"),
        function=_P + "inspection.comments_by",
    ),
    Rule(
        id="LON-1",
        title="London: MOPAC, its Deputy Mayor and the plan",
        says="MOPAC may arrange for the Deputy Mayor for Policing and Crime to exercise its functions, "
        "except those listed in s.19(7) to which s.19(3)(b) refers (in the Bill, s.19(7)(a) was issuing "
        "the plan); the plan duty is s.6 and the London Assembly's Police and Crime Committee reviews it.",
        citation=prsra(
            "s.19(1)-(3), (7); s.6; s.32-33",
            "section/19",
            U,
            "s.19(1)-(6) as enacted read (V); the list in s.19(7) was not read, so which functions the "
            "Deputy Mayor may not exercise is unverified (U).",
            _READ,
        ),
    ),
    Rule(
        id="GOV-1",
        title="Announced abolition of PCCs in May 2028",
        says="On 13 November 2025 the government announced that PCCs are to be abolished at the end of the "
        "current term in May 2028, subject to primary legislation; no Act has been found, so current law "
        "still provides the 4 May 2028 poll and every date depending on it is marked 'announced change, "
        "not yet law'.",
        citation=ANNOUNCEMENT,
        function=_P + "announced.mark_announced",
        override="timeline(..., law='announced'); add an Act to announced.PCC_CHANGES",
    ),
    Rule(
        id="GOV-2",
        title="New mayors without PCC functions",
        says="Cumbria and Cheshire and Warrington elect combined-authority mayors on 6 May 2027 without, as "
        "far as found, PCC functions: those polls are not PCC by-elections and the commissioner's term "
        "runs on.",
        citation=legislation(
            "Cheshire and Warrington Combined Authority Order 2026",
            "art 1(3)",
            "ukdsi/2026/9780348277913",
            S,
            "Draft order and Hansard (HL, 10 February 2026) read; the absence of a PCC transfer is U.",
            _READ,
        ),
        function=_P + "mayors.new_mayor_without_pcc_functions",
    ),
)
"""Every rule, in the fact sheet's order. A tuple of frozen rules: nothing here can be changed."""

_BY_ID = {r.id: r for r in RULES}


def rules() -> tuple[Rule, ...]:
    """Every registered rule, in the fact sheet's order."""
    return RULES


def rule(rule_id: str) -> Rule:
    """The rule with id `rule_id` (e.g. 'PLAN-1'); `KeyError` naming the id if there is none."""
    try:
        return _BY_ID[rule_id.upper()]
    except KeyError:
        raise KeyError(f"no rule {rule_id!r} in the registry") from None


def cite(rule_id: str) -> Citation:
    """The citation of rule `rule_id`."""
    return rule(rule_id).citation


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def reference_markdown() -> str:
    """The rule reference page, ``docs/statute.md``, generated from the registry."""
    lines = [
        "# The rules pccplan knows",
        "",
        "Generated from `pccplan.statute.registry.RULES` by `reference_markdown()`; do not edit by hand.",
        "Confidence: **V** the text of the provision was read; **S** an official secondary source;",
        "**U** unverified (memory or inference): rules marked U say how to override them. Not legal advice.",
        "",
        "| Rule | What it says | Source | Confidence |",
        "|---|---|---|---|",
    ]
    for r in RULES:
        source = f"[{_cell(r.citation.text)}]({r.citation.url})"
        if r.citation.note:
            source += f" {_cell(r.citation.note)}"
        says = _cell(r.says)
        if r.override:
            says += f" Override: `{r.override}`."
        lines.append(f"| {r.id} {_cell(r.title)} | {says} | {source} | {r.confidence.value} |")
    lines.append("")
    return "\n".join(lines)
