"""The rule registry, derived from the rules each module declares beside the function that applies it.

Each module of `pccplan.statute` declares its rules as `Rule` constants and marks the functions
that apply them with `applies` (see `pccplan.statute.declare`); this module collects them, in
the fact sheet's order. Nothing is resolved by name: a rule's `function` is the function itself.
"""

from __future__ import annotations

import importlib
import types
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from pccplan.model.area import find_area
from pccplan.statute import (
    announced,
    annual_report,
    calendar,
    confirmation,
    elections,
    exempt,
    foi,
    inspection,
    mayors,
    meetings,
    naming,
    panel,
    plan,
    polls,
    precept,
    process,
    terms,
)
from pccplan.statute.citation import Citation
from pccplan.statute.dated import DatedValue
from pccplan.statute.declare import Rule, applied_by

__all__ = ["MODULES", "ORDER", "RULES", "Rule", "cite", "reference_markdown", "rule", "rules"]

MODULES: tuple[types.ModuleType, ...] = (
    announced,
    annual_report,
    calendar,
    confirmation,
    elections,
    exempt,
    foi,
    inspection,
    mayors,
    meetings,
    naming,
    panel,
    plan,
    polls,
    precept,
    process,
    terms,
    # The package's attribute `timeline` is the function of that name, not its module.
    importlib.import_module("pccplan.statute.timeline"),
)
"""The modules whose declarations make the registry (every module that declares or applies a rule)."""

ORDER: tuple[str, ...] = (
    "TERM-1",
    "TERM-2",
    "TERM-2A",
    "TERM-3",
    "TERM-5",
    "TERM-6",
    "TERM-4",
    "TERM-4A",
    "POLL-1",
    "ACC-1",
    "BUS-1",
    "ACT-1",
    "PLAN-1",
    "PLAN-2",
    "PLAN-3",
    "PLAN-4",
    "PLAN-5",
    "PLAN-6",
    "PLAN-7",
    "PLAN-8",
    "PLAN-9",
    "PLAN-9A",
    "PLAN-10",
    "PLAN-11",
    "PFCC-1",
    "PANEL-1",
    "PANEL-2",
    "PANEL-3",
    "AR-1",
    "PREC-1",
    "PREC-2",
    "PREC-3",
    "PREC-4",
    "PREC-5",
    "CC-1",
    "CC-2",
    "CC-3",
    "MTG-1",
    "MTG-2",
    "MTG-3",
    "INFO-1",
    "HMI-1",
    "PUB-1",
    "FOI-1",
    "NAME-1",
    "LON-1",
    "LON-2",
    "CA-1",
    "GOV-1",
    "GOV-2",
)
"""The order of the fact sheet (``shared/statute.md``), for the reference page: ids only.

POLL-1, FOI-1 and NAME-1 are not in the fact sheet: they are the rules of `polls`, `foi` and
`naming`, declared so that the code-health tests cover them too.
"""


def _members(module: types.ModuleType) -> Iterable[object]:
    for value in vars(module).values():
        yield value
        if isinstance(value, type) and value.__module__ == module.__name__:
            yield from vars(value).values()  # methods, such as ElectionCalendar.ordinary_polls


def _collect(modules: Iterable[types.ModuleType]) -> tuple[Rule, ...]:
    """Every declared rule, each with the function marked as applying it, in the fact sheet's order."""
    declared: dict[str, Rule] = {}
    functions: dict[str, Callable[..., object]] = {}
    for module in modules:
        for value in _members(module):
            if isinstance(value, Rule):
                declared.setdefault(value.id, value)
            for applied in applied_by(value):
                declared.setdefault(applied.id, applied)
                known = functions.setdefault(applied.id, value)  # type: ignore[arg-type]
                if known is not value:
                    raise TypeError(f"rule {applied.id} is applied by two functions: {known} and {value}")
    missing = set(declared) ^ set(ORDER)
    if missing:
        raise TypeError(f"rules declared but not in ORDER, or listed but not declared: {sorted(missing)}")
    return tuple(attrs.evolve(declared[i], function=functions.get(i)) for i in ORDER)


RULES: tuple[Rule, ...] = _collect(MODULES)
"""Every rule, in the fact sheet's order. A tuple of frozen rules: nothing here can be changed."""

_BY_ID: Mapping[str, Rule] = types.MappingProxyType({r.id: r for r in RULES})


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
    lines += ["", *_versions_markdown()]
    return "\n".join(lines)


def _dated_values() -> tuple[tuple[str, DatedValue[Any]], ...]:
    return (
        ("TERM-2, TERM-2A", elections.default_elections().dated()),
        ("PLAN-10", process.S7_1_TEXT),
        ("GOV-1", announced.PCC_CHANGES),
        ("TERM-3", mayors.governance_history(find_area("west-yorkshire"))),
        ("PFCCs", mayors.governance_history(find_area("north-yorkshire"))),
    )


def _versions_markdown() -> list[str]:
    """The dated values behind the rules: each entry with its dates, status and source."""
    lines = [
        "## Versions and statuses",
        "",
        "What changes with time is kept as dated entries (`pccplan.statute.dated`): the day each takes",
        "effect (and ends), the day it became known, its status and its source. An Act that abolishes",
        "the office of PCC would be one more entry under GOV-1.",
    ]
    for rule_ids, value in _dated_values():
        lines += [
            "",
            f"### {value.name} ({rule_ids})",
            "",
            "| From | To | Known on | Status | Source |",
            "|---|---|---|---|---|",
        ]
        for entry in value.entries:
            until = entry.effective_to.isoformat() if entry.effective_to else ""
            source = f"[{_cell(entry.citation.text)}]({entry.citation.url})"
            lines.append(
                f"| {entry.effective_from.isoformat()} | {until} | {entry.known_on.isoformat()} | "
                f"{entry.status.value} | {source} |"
            )
    lines.append("")
    return lines
