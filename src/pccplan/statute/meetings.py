"""When a Panel meeting's agenda must be published: five clear working days in England, three in Wales."""

from __future__ import annotations

import datetime as dt

from pccplan._deprecate import Former, renamed
from pccplan.model.area import Nation
from pccplan.model.sources import Confidence
from pccplan.statute.calendar import WorkingCalendar, calendar_covering
from pccplan.statute.citation import CHECKED_2026_12_01, LGA_1972_READ, legislation
from pccplan.statute.dated import Dated, DatedValue
from pccplan.statute.declare import Rule, applies
from pccplan.statute.findings import Finding, Findings, Severity
from pccplan.statute.steps import DatedStep, cited_step

__all__ = [
    "CLEAR_DAYS",
    "MTG_1",
    "MTG_2",
    "MTG_3",
    "WELSH_CLEAR_DAYS",
    "check_agenda",
    "publish_by",
]

MTG_1 = Rule(
    id="MTG-1",
    title="Agenda publication (England)",
    says="Agenda and reports for a Panel meeting in England are open to inspection at least five clear "
    "working days before it.",
    citation=legislation(
        "Local Government Act 1972",
        "s.100B(1), (3) (applied by SI 2012/2734)",
        "ukpga/1972/70/section/100B",
        Confidence.VERIFIED,
        f"{LGA_1972_READ} s.100B(3): open to inspection 'at least five clear days before the meeting'. "
        "'Clear days' read as working days after R v Swansea CC ex p Elitestone (1993) (S); the "
        "application to Panels by SI 2012/2734 is from its own text as cited before (S).",
        CHECKED_2026_12_01,
    ),
)
"""Rule MTG-1: Agenda publication (England)."""


MTG_2 = Rule(
    id="MTG-2",
    title="Agenda publication (Wales)",
    says="In Wales, at least three clear days before the meeting, published electronically.",
    citation=legislation(
        "Local Government Act 1972",
        "s.100BA(1), (3) (applied by SI 2012/2734 Sch. para 25)",
        "ukpga/1972/70/section/100BA",
        Confidence.VERIFIED,
        "Read as inserted by the Local Government and Elections (Wales) Act 2021 Sch.4 para 7, in force "
        "1 May 2021 (WELSH_CLEAR_DAYS): before it a Welsh meeting had five clear days, as in England.",
        CHECKED_2026_12_01,
    ),
    override="publish_by(..., clear_days=, working_days=)",
)
"""Rule MTG-2: Agenda publication (Wales)."""


MTG_3 = Rule(
    id="MTG-3",
    title="Short notice and urgent items",
    says="A meeting convened at shorter notice has its papers open from the time it is convened "
    "(s.100B(3)); an item may be considered as urgent, by reason of special circumstances specified "
    "in the minutes (s.100B(4)(b)). Lawful routes, not breaches of MTG-1: say what must be minuted.",
    citation=legislation(
        "Local Government Act 1972",
        "s.100B(3)(a), (4) (applied by SI 2012/2734)",
        "ukpga/1972/70/section/100B",
        Confidence.VERIFIED,
        f"{LGA_1972_READ} s.100B(3)(a): at shorter notice the papers are open 'from the time the meeting "
        "is convened'; s.100B(4): an item may be considered only if so open, or (b) the chairman is of the "
        "opinion that it is urgent 'by reason of special circumstances, which shall be specified in the "
        "minutes'. An item added to a published agenda (s.100B(3)(b)) still needs (4)(a) or (4)(b).",
        CHECKED_2026_12_01,
    ),
    override="check_agenda(..., convened=, urgent=)",
)
"""Rule MTG-3: Short notice and urgent items."""


CLEAR_DAYS = {Nation.ENGLAND: 5, Nation.WALES: 3}
"""Clear days before a Panel meeting: MTG-1 (England, LGA 1972 s.100B) and MTG-2 (Wales, s.100BA)."""


_WELSH_COMMENCEMENT = dt.date(2021, 5, 1)
"""Sch.4 to the Local Government and Elections (Wales) Act 2021 in force (Commencement No. 3 Order 2021)."""

WELSH_CLEAR_DAYS: DatedValue[int] = DatedValue(
    name="clear days before a Welsh Panel meeting (MTG-2)",
    entries=(
        Dated(
            # s.100B itself, inserted by the Local Government (Access to Information) Act 1985 (S).
            effective_from=dt.date(1986, 4, 1),
            effective_to=_WELSH_COMMENCEMENT - dt.timedelta(days=1),
            value=CLEAR_DAYS[Nation.ENGLAND],
            citation=MTG_1.citation.noted("In Wales before s.100BA took effect on 1 May 2021."),
            known_on=dt.date(1985, 7, 16),
        ),
        Dated(
            effective_from=_WELSH_COMMENCEMENT,
            value=CLEAR_DAYS[Nation.WALES],
            citation=MTG_2.citation.noted(
                "Commencement: the Local Government and Elections (Wales) Act 2021 (Commencement No. 3 and "
                "Transitional Provision) (Wales) Order 2021 brings Schedule 4 into force on 1 May 2021, as "
                "the Welsh Government's written statement of 22 March 2021 says "
                "(https://www.gov.wales/written-statement-implementation-local-government-and-elections-"
                "wales-act-2021-22-march-2021, read 1 December 2026); the Order's own text and number were "
                "not found (S).",
                Confidence.SECONDARY,
            ),
            known_on=dt.date(2021, 3, 22),
        ),
    ),
)
"""MTG-2 as a dated value: five clear days in Wales until 30 April 2021, three (s.100BA) from 1 May 2021."""


@applies(MTG_1, MTG_2)
def publish_by(
    meeting: dt.date,
    nation: Nation = Nation.ENGLAND,
    *,
    clear_days: int | None = None,
    working_days: bool = True,
    calendar: WorkingCalendar | None = None,
) -> DatedStep:
    """MTG-1/MTG-2: the last day to publish the agenda and reports for a Panel meeting on `meeting`.

    England: at least five clear days before (LGA 1972 s.100B, S); Wales: three (s.100BA, V)
    from 1 May 2021, five before (`WELSH_CLEAR_DAYS`, commencement S). Clear days exclude
    the day of publication and the day of the meeting. They are read as working days (R v
    Swansea CC ex p Elitestone, S), and the publication day is itself a working day: a
    meeting on Friday 17 May 2024 needs publication by Thursday 9 May. Pass
    `working_days=False` for calendar clear days, or `clear_days` to use another number.
    Returns the day as a cited step (rule MTG-1 in England, MTG-2 in Wales): `.date` is the day.
    """
    rule = MTG_1 if nation is Nation.ENGLAND else MTG_2
    citation = rule.citation
    count = CLEAR_DAYS[nation] if clear_days is None else clear_days
    if nation is Nation.WALES and clear_days is None:
        welsh = WELSH_CLEAR_DAYS.on(meeting)
        count, citation = welsh.value, welsh.citation
    cal = calendar or calendar_covering(nation, meeting)
    day = cal.publish_before(meeting, count) if working_days else meeting - dt.timedelta(days=count + 1)
    kind = "working" if working_days else "calendar"
    return cited_step(
        rule.id,
        f"Publish the agenda and reports ({count} clear {kind} days) by",
        day,
        citation,
        calendar=cal,
        note=f"For the meeting on {meeting.isoformat()}.",
    )


def _fmt(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@applies(MTG_3)
def check_agenda(
    meeting: dt.date,
    published: dt.date,
    nation: Nation = Nation.ENGLAND,
    *,
    convened: dt.date | None = None,
    urgent: bool = False,
    clear_days: int | None = None,
    working_days: bool = True,
    calendar: WorkingCalendar | None = None,
) -> Findings:
    """MTG-1/MTG-2 with MTG-3: whether papers published on `published` were in time for `meeting`.

    In time (by `publish_by`): nothing found. Late, but the meeting was `convened` at shorter
    notice (after the last day for publication) and the papers were open from the time it was
    convened: a lawful route, LGA 1972 s.100B(3)(a) ("where the meeting is convened at shorter
    notice, the copies of the agenda and reports shall be open to inspection from the time the
    meeting is convened"), reported as a note; s.100B asks nothing to be minuted for it. Late
    and the item taken as `urgent`: s.100B(4)(b) ("by reason of special circumstances, which
    shall be specified in the minutes, the chairman of the meeting is of the opinion that the
    item should be considered at the meeting as a matter of urgency"), a note of what the
    minutes must say. Otherwise a breach of MTG-1 (MTG-2 in Wales). Text read 1 December 2026.
    """
    cal = calendar or calendar_covering(nation, meeting, published)
    due = publish_by(meeting, nation, clear_days=clear_days, working_days=working_days, calendar=cal).date
    rule = MTG_1 if nation is Nation.ENGLAND else MTG_2
    if published <= due:
        return Findings()

    def note(message: str) -> Finding:
        return Finding(severity=Severity.NOTE, rule="MTG-3", citation=MTG_3.citation, message=message)

    found: list[Finding] = []
    if convened is not None and convened > due and published <= convened:
        found.append(
            note(
                f"The meeting of {_fmt(meeting)} was convened at shorter notice on {_fmt(convened)}, "
                f"after the last day for the full notice ({_fmt(due)}); the papers were open to "
                "inspection from the time it was convened, which s.100B(3)(a) allows. Nothing must be "
                "minuted for this route; recording when and why it was convened at short notice is good "
                "practice.",
            )
        )
    elif urgent:
        found.append(
            note(
                f"The item was not open to inspection by {_fmt(due)}, but was taken as urgent: "
                "s.100B(4)(b) allows it where the chair is of the opinion that it should be considered as "
                "a matter of urgency by reason of special circumstances. The minutes must specify those "
                "special circumstances.",
            )
        )
    else:
        found.append(
            Finding(
                severity=Severity.BREACH,
                rule=rule.id,
                citation=rule.citation,
                message=f"The papers were published on {_fmt(published)}, after {_fmt(due)}, the last day "
                f"for the meeting of {_fmt(meeting)}; no short-notice convening or urgency is recorded "
                "(MTG-3).",
            )
        )
    return Findings(found)


# The old wrapper's name, deprecated: the rule returns the cited step itself.
__getattr__ = renamed(
    __name__, {"agenda_step": Former(publish_by, "publish_by", "which returns the cited step itself")}
)
