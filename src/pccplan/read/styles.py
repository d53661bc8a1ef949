"""Reading the styles part and the formatting properties that styles and paragraphs share."""

from __future__ import annotations

from types import MappingProxyType

from pccplan.read.facts import RunProps, StyleFact, Styles
from pccplan.read.wordml import VAL, El, on, val, w, whole

__all__ = ["indent_of", "numbering_ref", "read_styles", "run_props"]


def run_props(rpr: El | None) -> RunProps:
    """The character formatting a `w:rPr` sets (empty when there is none)."""
    if rpr is None:
        return RunProps()
    underline = rpr.find(w("u"))
    color = rpr.find(w("color"))
    color_value: str | None = None
    if color is not None:
        color_value = color.get(VAL) or ("theme" if color.get(w("themeColor")) else None)
    highlight = val(rpr, "highlight")
    shading = rpr.find(w("shd"))
    fill = shading.get(w("fill")) if shading is not None else None
    lang = rpr.find(w("lang"))
    return RunProps(
        style=val(rpr, "rStyle"),
        bold=on(rpr.find(w("b"))),
        italic=on(rpr.find(w("i"))),
        underline=None if underline is None else underline.get(VAL, "single") != "none",
        strike=on(rpr.find(w("strike"))),
        caps=on(rpr.find(w("caps"))),
        hidden=on(rpr.find(w("vanish"))),
        color=color_value,
        size=whole(val(rpr, "sz")),
        highlight=None if highlight in (None, "none") else highlight,
        shading=None if fill in (None, "auto", "FFFFFF", "ffffff") else fill,
        vert_align=val(rpr, "vertAlign"),
        language=lang.get(VAL) if lang is not None else None,
    )


def numbering_ref(ppr: El | None) -> tuple[int | None, int | None] | None:
    """The (numId, level) of a `w:pPr`'s `w:numPr`, or ``None`` when it has none."""
    numpr = ppr.find(w("numPr")) if ppr is not None else None
    if numpr is None:
        return None
    return whole(val(numpr, "numId")), whole(val(numpr, "ilvl"))


def indent_of(ppr: El | None) -> int | None:
    """The left (start) indent a `w:pPr` sets, in twips; ``None`` when it sets none."""
    ind = ppr.find(w("ind")) if ppr is not None else None
    if ind is None:
        return None
    return whole(ind.get(w("left")) or ind.get(w("start")))


def read_styles(root: El | None) -> Styles:
    """The styles part (`word/styles.xml`) as facts; no part gives no styles."""
    if root is None:
        return Styles()
    by_id: dict[str, StyleFact] = {}
    default_paragraph = default_character = None
    for style in root.iterchildren(w("style")):
        style_id = style.get(w("styleId"))
        if not style_id:
            continue
        kind = style.get(w("type"), "paragraph")
        ppr = style.find(w("pPr"))
        outline = whole(val(ppr, "outlineLvl")) if ppr is not None else None
        by_id[style_id] = StyleFact(
            style_id=style_id,
            name=val(style, "name") or style_id,
            kind=kind,
            based_on=val(style, "basedOn"),
            outline_level=outline,
            numbering=numbering_ref(ppr),
            indent=indent_of(ppr),
            run=run_props(style.find(w("rPr"))),
        )
        if style.get(w("default")) in ("1", "true", "on"):
            if kind == "paragraph":
                default_paragraph = style_id
            elif kind == "character":
                default_character = style_id
    defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    return Styles(
        by_id=MappingProxyType(by_id),
        defaults=run_props(defaults),
        default_paragraph=default_paragraph,
        default_character=default_character,
    )
