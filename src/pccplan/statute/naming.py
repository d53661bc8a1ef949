"""Names checked against the area on the day: the Panel's name, the commissioner's title, the body kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pccplan.model.area import BodyKind, Governance
from pccplan.model.plan import Plan
from pccplan.model.sources import Confidence
from pccplan.statute.citation import CHECKED_2026_12_01, PRSRA_READ, prsra
from pccplan.statute.declare import Rule, applies
from pccplan.statute.findings import Finding, Findings, Severity

__all__ = ["NAME_1", "NAMING_RULE", "check_naming", "kind_of_title"]

_CITATION = prsra(
    "s.1(3)-(3B), s.28",
    "section/1",
    Confidence.SECONDARY,
    f"{PRSRA_READ} s.1(3)-(3B): 'the Police and Crime Commissioner for' the area, or 'the Police, Fire "
    "and Crime Commissioner for' it where the commissioner is also the fire and rescue authority. The "
    "names used are the area's registry entry for the day (model.area, S); check them against the "
    "office's own papers: real offices style themselves differently (e.g. 'Staffordshire Commissioner').",
    CHECKED_2026_12_01,
)

NAME_1 = Rule(
    id="NAME-1",
    title="Names on the day",
    says="The commissioner's title and the Panel's name are the area's on the day: 'Police and Crime "
    "Commissioner for' the area, or 'Police, Fire and Crime Commissioner for' it; a difference is a "
    "warning, never a breach.",
    citation=_CITATION,
)
"""Rule NAME-1: names checked against the area on the day (declared beside `check_naming`)."""

NAMING_RULE = NAME_1.id
"""The id the naming warnings carry: the area's arrangement on the day (its registry entry's source)."""


def kind_of_title(title: str) -> BodyKind:
    """The kind of body a title names: MOPAC, a mayor, a PFCC ('Fire' in it) or a PCC."""
    if title.startswith("Mayor's Office"):
        return BodyKind.MOPAC
    if title.startswith("Mayor"):
        return BodyKind.MAYOR
    if "Fire" in title:
        return BodyKind.PFCC
    return BodyKind.PCC


def _warn(message: str) -> Finding:
    return Finding(severity=Severity.WARNING, rule=NAMING_RULE, citation=_CITATION, message=message)


@applies(NAME_1)
def check_naming(
    plan: Plan, *, panel: str | None = None, on: dt.date | None = None, panels: Iterable[str] = ()
) -> Findings:
    """Warnings where the plan's names differ from its area's on day `on` (default: issue, else poll day).

    The commissioner's title and the kind of body it names are compared with the area's
    arrangement on the day; `panel`, when given (e.g. a report's `panel`), with the name of
    the body that scrutinises it, and so is each of `panels` (the Panels several documents
    name; one warning for each different name). Each warning names the expected value. Never a
    breach: an office may style itself its own way.
    """
    day = on or plan.issued or plan.commissioner.elected
    governance: Governance = plan.area.current if day is None else plan.area.governance_on(day)
    when = f" on {day.day} {day:%B %Y}" if day is not None else ""
    area = plan.area.name
    found: list[Finding] = []
    title = plan.commissioner.title
    # A title left out is the area's on the day (`Commissioner.styled_for`): nothing to check.
    # The expected value is the official one, s.1(3)-(3B): 'Police, Fire and Crime Commissioner
    # for Essex'; the title written without the area (which documents add) matches it too.
    style = plan.commissioner.area_style or area
    mayoral = governance.kind in (BodyKind.MAYOR, BodyKind.MOPAC)
    official = governance.title if mayoral else f"{governance.title} for {style}"
    if title is not None and kind_of_title(title) is not governance.kind:
        found.append(
            _warn(
                f"The commissioner's title '{title}' names a {kind_of_title(title).value.upper()}, but {area}"
                f"{when} had a {governance.kind.value.upper()}: expected '{official}'."
            )
        )
    elif title is not None and title not in (governance.title, official):
        found.append(_warn(f"The commissioner's title '{title}' differs from {area}'s{when}: '{official}'."))
    named = ([panel] if panel is not None else []) + list(panels)
    for name in dict.fromkeys(named):  # each different name once, in the order given
        if name.strip().casefold() != governance.panel_name.casefold():
            found.append(
                _warn(f"The Panel '{name}' differs from {area}'s{when}: expected '{governance.panel_name}'.")
            )
    return Findings(found)
