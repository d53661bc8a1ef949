"""Announced changes to the office of PCC (GOV-1): dated entries the engine marks, or applies on request.

On 13 November 2025 the government announced that PCCs are to be abolished at the end of the
current term in May 2028, subject to primary legislation; the White Paper of 26 January 2026
repeated it. No Act has been found: current law still provides the 4 May 2028 ordinary poll
(TERM-2). The engine answers under current law and marks every date that depends on a PCC
poll in 2028 or a PCC term after May 2028 as "announced change, not yet law" (U); with
``law="announced"`` it answers as if the change were law. When an Act is passed, add one
`Dated` entry with status IN_FORCE to `PCC_CHANGES` (or pass your own with `changes=`): no code
changes.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence

import attrs

from pccplan.errors import StatuteError
from pccplan.model.classes import shared_eq_repr
from pccplan.model.sources import Confidence
from pccplan.statute.citation import CHECKED_2026_12_01, Citation
from pccplan.statute.dated import Dated, DatedValue, LawStatus
from pccplan.statute.declare import Rule, applies
from pccplan.statute.steps import DatedStep

__all__ = [
    "ANNOUNCEMENT",
    "GOV_1",
    "PCC_CHANGES",
    "WHITE_PAPER",
    "Law",
    "PccAbolition",
    "applied_change",
    "law_of",
    "mark_announced",
    "pending_change",
]


class Law(enum.Enum):
    """Which law the engine answers under: the law now in force, or the announced change as if law."""

    CURRENT = "current"
    ANNOUNCED = "announced"


def law_of(value: Law | str) -> Law:
    """`value` as a `Law` ('current' or 'announced'); `StatuteError` naming the value otherwise."""
    if isinstance(value, Law):
        return value
    try:
        return Law(value)
    except ValueError:
        raise StatuteError(f"law {value!r} is not 'current' or 'announced' (GOV-1)") from None


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class PccAbolition:
    """The value of a GOV-1 entry: the ordinary PCC poll not to be held, and when current terms end.

    `cancelled_poll` is the first ordinary poll that would no longer be held (4 May 2028);
    `terms_end` the day current PCC terms end, which is the day s.50(7) gives from that poll
    (the 6th day after it: 10 May 2028).
    """

    cancelled_poll: dt.date
    terms_end: dt.date
    summary: str


# s.50(7): a term ends on the 6th day after the poll of the next ordinary election.
_S50_7_END = dt.timedelta(days=6)
_POLL_2028 = dt.date(2028, 5, 4)  # TERM-2: the first Thursday in May 2028, computed from s.50(1)

ANNOUNCEMENT = Citation(
    instrument="Home Office, 'Police and crime commissioners to be scrapped' (13 November 2025)",
    pinpoint="",
    url="https://www.gov.uk/government/news/police-and-crime-commissioners-to-be-scrapped",
    confidence=Confidence.UNVERIFIED,
    note="An announcement of policy, not law (announced, not yet law). Read on 1 December 2026 in the "
    "release's copy dated 13 November 2025 (wired-gov.net, 'Police and crime commissioners to be "
    "scrapped'): PCCs abolished, roles absorbed by regional mayors wherever possible and elsewhere by "
    "elected council leaders, Wales's devolved arrangements to be taken into consideration, the "
    "transition 'at the end of the next electoral cycle in 2028'; the Policing Minister (Sarah Jones) "
    "announced it in the Commons that day (press reports, S). Lord Hanson's answer to HL11959 (2 December "
    "2025) adds Police and Crime Boards of council leaders with an appointed Police and Crime lead, and "
    "no mayors in Wales. The gov.uk address is inferred from the release's title. Every date resting on "
    "it is U.",
    checked_on=CHECKED_2026_12_01,
)
"""GOV-1: the 13 November 2025 announcement (gov.uk)."""

GOV_1 = Rule(
    id="GOV-1",
    title="Announced abolition of PCCs in May 2028",
    says="On 13 November 2025 the government announced that PCCs are to be abolished at the end of the "
    "current term in May 2028, subject to primary legislation; no Act has been found, so current law "
    "still provides the 4 May 2028 poll and every date depending on it is marked 'announced change, "
    "not yet law'.",
    citation=ANNOUNCEMENT,
    override="timeline(..., law='announced'); add an Act to announced.PCC_CHANGES",
)
"""Rule GOV-1: Announced abolition of PCCs in May 2028."""

WHITE_PAPER = Citation(
    instrument="Home Office, 'From local to national: a new model for policing' (White Paper, 26 January "
    "2026)",
    pinpoint="",
    url="https://www.gov.uk/government/publications/from-local-to-national-a-new-model-for-policing/"
    "from-local-to-national-a-new-model-for-policing-accessible",
    confidence=Confidence.UNVERIFIED,
    note="Published Monday 26 January 2026 (gov.uk accessible version 'Updated 27 January 2026'; its "
    "opening, the Home Secretary's foreword, was read on 1 December 2026). Its PCC proposals were read in "
    "summaries (Dyfed-Powys OPCC, Police Federation, wired-gov.net, S as policy): PCCs abolished and "
    "replaced by mayors or Police and Crime Boards by May 2028. A statement of intent: no Bill or Act "
    "yet found, so status 'announced, not yet law'.",
    checked_on=CHECKED_2026_12_01,
)
"""GOV-1: the White Paper that repeated the announcement."""

_ANNOUNCED_ON = dt.date(2025, 11, 13)  # the Home Office release and the Minister's Commons statement
_WHITE_PAPER_ON = dt.date(2026, 1, 26)  # the White Paper's publication (Monday 26 January 2026)
_SUMMARY = "PCCs abolished at the end of the current term; no ordinary PCC election in May 2028."


def _announced(citation: Citation, known_on: dt.date) -> Dated[PccAbolition]:
    value = PccAbolition(cancelled_poll=_POLL_2028, terms_end=_POLL_2028 + _S50_7_END, summary=_SUMMARY)
    return Dated(
        effective_from=_POLL_2028,
        value=value,
        citation=citation,
        known_on=known_on,
        status=LawStatus.ANNOUNCED,
    )


PCC_CHANGES: DatedValue[PccAbolition] = DatedValue(
    name="the office of PCC",
    entries=(_announced(ANNOUNCEMENT, _ANNOUNCED_ON), _announced(WHITE_PAPER, _WHITE_PAPER_ON)),
)
"""Changes to the office of PCC, as dated entries. Add an Act as one entry with status IN_FORCE."""


def _first(entries: Sequence[Dated[PccAbolition]]) -> Dated[PccAbolition] | None:
    """The entry that counts: the latest law, or the first announcement (later ones repeat it)."""
    if not entries:
        return None
    if any(e.status.is_law for e in entries):
        return max(entries, key=lambda e: e.known_on)
    return min(entries, key=lambda e: e.known_on)


def _visible(changes: DatedValue[PccAbolition], known_on: dt.date | None) -> DatedValue[PccAbolition]:
    return changes if known_on is None else changes.known_on(known_on)


def applied_change(
    law: Law | str = Law.CURRENT,
    *,
    changes: DatedValue[PccAbolition] = PCC_CHANGES,
    known_on: dt.date | None = None,
) -> Dated[PccAbolition] | None:
    """The change the engine applies: one that is law, or (with ``law="announced"``) an announced one."""
    law = law_of(law)
    seen = _visible(changes, known_on).entries
    wanted = [e for e in seen if e.status.is_law]
    if not wanted and law is Law.ANNOUNCED:
        wanted = [e for e in seen if e.status is LawStatus.ANNOUNCED]
    return _first(wanted)


def pending_change(
    law: Law | str = Law.CURRENT,
    *,
    changes: DatedValue[PccAbolition] = PCC_CHANGES,
    known_on: dt.date | None = None,
) -> Dated[PccAbolition] | None:
    """An announced change the engine does not apply but must warn of (``None`` once one is applied)."""
    if applied_change(law, changes=changes, known_on=known_on) is not None:
        return None
    return _first([e for e in _visible(changes, known_on).entries if e.status is LawStatus.ANNOUNCED])


def _warning(entry: Dated[PccAbolition]) -> str:
    return (
        f"{entry.status.value}: {entry.value.summary} ({entry.citation.instrument}). "
        "This date assumes the current law (a PCC poll in May 2028 and PCC terms after it) (GOV-1, U)."
    )


@applies(GOV_1)
def mark_announced(steps: Sequence[DatedStep], entry: Dated[PccAbolition] | None) -> tuple[DatedStep, ...]:
    """GOV-1: `steps` with every step on or after the change's day marked as resting on current law.

    Each marked step carries the entry's status ("announced change, not yet law"), a warning,
    and its citation lowered to U with a note naming the announcement.
    """
    if entry is None:
        return tuple(steps)
    marked = []
    for step in steps:
        if step.date >= entry.effective_from:
            step = attrs.evolve(
                step,
                status=entry.status,
                warning=_warning(entry),
                citation=step.citation.noted(
                    f"Announced change, not yet law: see {entry.citation.url} (GOV-1).",
                    Confidence.UNVERIFIED,
                ),
            )
        marked.append(step)
    return tuple(marked)
