"""Reading the numbering part: list definitions (`w:abstractNum`) and instances (`w:num`)."""

from __future__ import annotations

from types import MappingProxyType

import attrs

from pccplan.opc.limits import LEVEL_TEXT_CHARS, LIST_START_MAX
from pccplan.read.facts import AbstractNumbering, LevelFact, Numbering, NumberingInstance
from pccplan.read.styles import indent_of
from pccplan.read.wordml import VAL, El, on, val, w, whole

__all__ = ["read_numbering"]


def _start(value: int | None) -> int:
    """A list level's start value: 1 when it is missing or outside 0..`LIST_START_MAX`."""
    return value if value is not None and 0 <= value <= LIST_START_MAX else 1


def _level(lvl: El) -> LevelFact | None:
    """One `w:lvl`; ``None`` for a level outside 0..8, which Word would not use."""
    level = whole(lvl.get(w("ilvl")))
    if level is None or not 0 <= level <= 8:
        return None
    text = lvl.find(w("lvlText"))
    start = whole(val(lvl, "start"))
    return LevelFact(
        level=level,
        format=val(lvl, "numFmt") or "decimal",
        text=text.get(VAL, "")[:LEVEL_TEXT_CHARS] if text is not None else "",
        start=_start(start),
        indent=indent_of(lvl.find(w("pPr"))),
        restart=whole(val(lvl, "lvlRestart")),
        legal=bool(on(lvl.find(w("isLgl")))),
    )


def read_numbering(root: El | None) -> Numbering:
    """The numbering part (`word/numbering.xml`): list definitions and instances; no part gives none."""
    if root is None:
        return Numbering()
    abstracts: dict[int, AbstractNumbering] = {}
    for element in root.iterchildren(w("abstractNum")):
        abstract_id = whole(element.get(w("abstractNumId")))
        if abstract_id is None:
            continue
        levels = {lvl.level: lvl for e in element.iterchildren(w("lvl")) if (lvl := _level(e)) is not None}
        abstracts[abstract_id] = AbstractNumbering(
            abstract_id=abstract_id,
            levels=MappingProxyType(levels),
            style_link=val(element, "numStyleLink"),
        )
    instances: dict[int, NumberingInstance] = {}
    for element in root.iterchildren(w("num")):
        num_id, abstract_id = whole(element.get(w("numId"))), whole(val(element, "abstractNumId"))
        if num_id is None or abstract_id is None:
            continue
        starts: dict[int, int] = {}
        redefined: dict[int, LevelFact] = {}
        for override in element.iterchildren(w("lvlOverride")):
            level = whole(override.get(w("ilvl")))
            if level is None or not 0 <= level <= 8:
                continue
            start = whole(val(override, "startOverride"))
            if start is not None and 0 <= start <= LIST_START_MAX:
                starts[level] = start
            redefinition = override.find(w("lvl"))
            if redefinition is not None and (fact := _level(redefinition)) is not None:
                redefined[level] = attrs.evolve(fact, level=level)
        instances[num_id] = NumberingInstance(
            num_id=num_id,
            abstract_id=abstract_id,
            starts=MappingProxyType(starts),
            levels=MappingProxyType(redefined),
        )
    return Numbering(instances=MappingProxyType(instances), abstracts=MappingProxyType(abstracts))
