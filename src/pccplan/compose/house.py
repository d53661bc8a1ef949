"""Applying a house form: a document's parts laid out in the form's order under the form's headings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from pccplan.compose.build import section
from pccplan.compose.parts import Office, area_of_panel
from pccplan.compose.tree import Block
from pccplan.model.area import PoliceArea, all_areas
from pccplan.model.form import DocumentForm
from pccplan.model.plan import Commissioner, Plan

__all__ = ["arrange", "office_for", "panel_area"]


def panel_area(panel: str, on: dt.date) -> PoliceArea | None:
    """The area whose scrutiny body is `panel` on day `on`: by the registry's name, else by the area's name.

    The registry's name comes first, so 'London Assembly Police and Crime Committee' is London.
    """
    for area in all_areas():
        if area.governance_on(on).panel_name.casefold() == panel.strip().casefold():
            return area
    return area_of_panel(panel)


def office_for(panel: str, on: dt.date, commissioner: Commissioner | None, plan: Plan | None) -> Office:
    """How a document about `panel`'s review names the office on day `on`.

    With `plan`, the plan's area and commissioner; without it, the area found from the Panel's
    name (`panel_area`) and `commissioner` (default: the title the area used on the day).
    """
    if plan is not None:
        return Office.of(plan.area, commissioner or plan.commissioner, on, panel)
    area = panel_area(panel, on)
    if area is None:
        return Office.for_panel(commissioner, panel, on)
    return Office.of(area, commissioner or Commissioner.for_area("Commissioner", area, on), on, panel)


def arrange(form: DocumentForm, parts: Mapping[str, Sequence[Block]]) -> list[Block]:
    """The blocks of each part in the form's order; a part with a heading becomes a section.

    `parts` maps a part's key to its blocks; a part the form leaves out is not written, and a
    part with no blocks (nothing recorded for it) is written neither as text nor as a heading.
    """
    out: list[Block] = []
    for part in form.parts:
        blocks = list(parts.get(part.key, ()))
        if not blocks:
            continue
        if part.heading is None:
            out += blocks
        else:
            out.append(section(part.heading, *blocks))
    return out
