"""Applying a house form: a document's parts laid out in the form's order under the form's headings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import attrs

from pccplan.compose.build import section
from pccplan.compose.parts import Office, area_of_panel
from pccplan.compose.picture import Picture
from pccplan.compose.tree import Block, Document, Section, TitleBlock
from pccplan.errors import ValidationError
from pccplan.forms import builtin_form
from pccplan.model.area import PoliceArea, all_areas
from pccplan.model.form import DocumentForm, HouseForm
from pccplan.model.plan import Commissioner, Plan

__all__ = ["apply_form", "arrange", "logo_picture", "office_for", "panel_area", "with_logo"]


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
    Raises `ValidationError` naming the Panel when its name belongs to another area than the
    plan's (a letter about another area's plan is a mistake, never a document).
    """
    area = panel_area(panel, on)
    if plan is not None:
        if area is not None and area.slug != plan.area.slug:
            raise ValidationError.one(
                "panel",
                f"is the Panel of {area.name}, but the plan is for {plan.area.name}",
                panel,
            )
        return Office.of(plan.area, commissioner or plan.commissioner, on, panel)
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


def apply_form(doc: Document, kind: str, form: HouseForm) -> Document:
    """A document the library wrote in its own shape, laid out as `form` says: order, headings, capitals.

    For the composers that do not yet read a form (the report to the Panel, the decision
    notice), the library's parts are known by the headings the library writes, which the
    built-in ``pcc`` form (the Cambridgeshire seed form) records. Each headed part moves to its
    place in `form`'s order and takes `form`'s words; blocks that follow a headed part (the
    caller's own sections, unheaded parts) move with it; a headed part `form` leaves out is
    not written (what followed it stays, after the part before it). With the ``pcc`` form the
    document comes back unchanged. A part `form` writes without a heading keeps the library's.
    """
    shape = form.document(kind)
    known = {p.heading: p.key for p in builtin_form("pcc").document(kind).parts if p.heading}
    lead: list[Block] = []
    groups: dict[str, list[Block]] = {}
    current: list[Block] = lead
    for block in doc.blocks:
        key = known.get(block.title) if isinstance(block, Section) and not block.new_page else None
        if key is None:
            current.append(block)
        elif key in shape.keys:
            current = groups.setdefault(key, [])
            current.append(block)
        # A part the form leaves out is dropped; what follows it joins the part before it.
    out = list(lead)
    for part in shape.parts:
        blocks = groups.get(part.key, [])
        if blocks and part.heading is not None and isinstance(blocks[0], Section):
            blocks = [attrs.evolve(blocks[0], title=part.heading), *blocks[1:]]
        out += blocks
    meta = attrs.evolve(doc.meta, capitals=form.capitals_for(kind))
    return with_logo(attrs.evolve(doc, meta=meta, blocks=tuple(out)), form)


def logo_picture(form: HouseForm) -> Picture | None:
    """The picture of the form's logo, read from its file; ``None`` when the form has no logo.

    Raises `ValidationError` naming `logo.path` when the file cannot be read, and the
    picture's own field when the file is not a PNG, JPEG or SVG.
    """
    logo = form.logo
    if logo is None:
        return None
    try:
        return Picture.from_file(
            logo.path, fallback=logo.fallback, width=logo.width, alt=logo.alt, decorative=logo.decorative
        )
    except OSError as error:
        raise ValidationError.one("logo.path", f"cannot be read ({error.strerror})", logo.path) from None


def with_logo(doc: Document, form: HouseForm) -> Document:
    """`doc` with the form's logo above its title block (unchanged without a logo or title block)."""
    picture = logo_picture(form)
    if picture is None or not doc.blocks or not isinstance(doc.blocks[0], TitleBlock):
        return doc
    first = attrs.evolve(doc.blocks[0], logo=picture)
    return attrs.evolve(doc, blocks=(first, *doc.blocks[1:]))
