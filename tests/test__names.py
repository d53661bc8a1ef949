"""The table of public names: each once, with a known kind; deprecated names point at current ones."""

from __future__ import annotations

import importlib
import typing

from pccplan._deprecate import former
from pccplan._names import CURRENT, DEPRECATED, NAMES, SUBPACKAGES, Kind, Name


def test_each_name_is_listed_once() -> None:
    names = [n.name for n in NAMES]
    assert len(names) == len(set(names))
    assert set(CURRENT) | set(DEPRECATED) == set(names)


def test_each_entry_has_a_known_kind_and_a_pccplan_module() -> None:
    kinds = set(typing.get_args(Kind))
    for entry in NAMES:
        assert entry.kind in kinds, entry
        assert entry.module.startswith("pccplan."), entry


def test_status_follows_replaced_by() -> None:
    assert Name("x", "pccplan.errors", "function").status == "current"
    assert Name("x", "pccplan.errors", "function", replaced_by="y").status == "deprecated"
    assert {n.status for n in CURRENT.values()} == {"current"}
    assert {n.status for n in DEPRECATED.values()} == {"deprecated"}


def test_a_deprecated_name_points_at_a_current_one_and_its_module_keeps_it() -> None:
    for old in DEPRECATED.values():
        assert old.replaced_by in CURRENT, old
        kept = former(old.module, old.name)  # the module keeps it (and warns itself: not asked here)
        assert (kept.use, kept.note) == (old.replaced_by, old.note), old


def test_the_subpackages_are_packages_of_pccplan() -> None:
    for part in SUBPACKAGES:
        assert importlib.import_module(f"pccplan.{part}").__name__ == f"pccplan.{part}"
