"""Former names: each warns once, where it is used, naming its replacement; no current name ever warns."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
import warnings

import pytest

from pccplan._deprecate import Former, former, message, renamed, warn
from pccplan._names import DEPRECATED

REORDERED = {"panel_report", "decision_notice"}
"""Former composers whose replacement takes its arguments in the one composer order: not the same object."""

STEPS = [
    ("pccplan.statute.meetings", "agenda_step", "publish_by"),
    ("pccplan.statute.inspection", "comments_step", "comments_by"),
    ("pccplan.statute.confirmation", "confirmation_step", "report_by"),
]
"""The old ``*_step`` wrappers: kept in their modules and the statute package, not at the top level."""

IN_STATUTE = ["response_due", "plan_deadline", "check_qualifying_day", "acceptance_deadline"]
"""Former names of the top-level table that the statute package re-exported, and so still keeps."""

ALIASES: list[tuple[str, str, str]] = [
    *((n.module, n.name, str(n.replaced_by)) for n in DEPRECATED.values()),
    *STEPS,
    *(("pccplan.statute", old, new) for _, old, new in STEPS),
    *(("pccplan.statute", old, str(DEPRECATED[old].replaced_by)) for old in IN_STATUTE),
    *(("pccplan", n.name, str(n.replaced_by)) for n in DEPRECATED.values()),
]
"""Every former name, as (module, old, new): each module of the table, the statute package, pccplan."""


def ids(alias: tuple[str, str, str]) -> str:
    return f"{alias[0]}.{alias[1]}"


def same_thing(module: str, old: str, value: object, new: object) -> None:
    """The old name gives the new object (or, for a constant turned function, what it returns)."""
    if old in REORDERED:  # the old function: the same parameters, content and plan swapped
        assert inspect.isfunction(value)
        assert value is not new
        assert callable(new)
        before = list(inspect.signature(value).parameters)
        after = list(inspect.signature(new).parameters)
        assert before[:2] == after[1::-1], (module, old)
        assert before[2:] == after[2:], (module, old)
    else:
        assert value is new or (callable(new) and value is new()), (module, old)


@pytest.mark.parametrize("alias", ALIASES, ids=ids)
def test_each_former_name_warns_once_at_the_caller_naming_its_replacement(
    alias: tuple[str, str, str],
) -> None:
    module, old, new = alias
    where = importlib.import_module(module)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = getattr(where, old)
    assert [w.category for w in caught] == [DeprecationWarning]
    text = str(caught[0].message)
    assert text.startswith(f"{module}.{old} is deprecated and goes in the next release: use {module}.{new}")
    assert caught[0].filename == __file__  # the caller's line, not pccplan's
    same_thing(module, old, value, getattr(where, new))


@pytest.mark.parametrize("alias", ALIASES, ids=ids)
def test_importing_a_former_name_warns_once_at_the_import(alias: tuple[str, str, str]) -> None:
    module, old, _ = alias
    code = compile(f"from {module} import {old}", "caller.py", "exec")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(code, {})
    assert [(w.category, w.filename, w.lineno) for w in caught] == [(DeprecationWarning, "caller.py", 1)]


def test_a_former_name_warns_on_every_use() -> None:
    from pccplan.compose import panel_letter

    for _ in range(2):
        with pytest.warns(DeprecationWarning, match="panel_letter_document"):
            panel_letter.panel_letter  # type: ignore[attr-defined]  # noqa: B018


def test_the_table_and_the_modules_name_the_same_replacement() -> None:
    for old in DEPRECATED.values():
        kept = former(old.module, old.name)
        assert (kept.use, kept.note) == (old.replaced_by, old.note), old.name


def test_former_names_are_not_in_any_all() -> None:
    for module, old, _ in ALIASES:
        assert old not in getattr(importlib.import_module(module), "__all__", ()), (module, old)


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    from pccplan.compose import panel_letter

    with pytest.raises(
        AttributeError, match=r"'pccplan\.compose\.panel_letter' has no attribute 'panel_lettre'"
    ):
        panel_letter.panel_lettre  # type: ignore[attr-defined]  # noqa: B018


def test_one_text_for_every_deprecation() -> None:
    assert message("m.old", "m.new") == "m.old is deprecated and goes in the next release: use m.new"
    assert message("m.old", "m.new", "which takes x first").endswith("use m.new (which takes x first)")


def test_renamed_takes_a_function_or_a_former() -> None:
    def new() -> None:
        """A replacement."""

    lookup = renamed("tests.fake", {"old": new, "older": Former(42, "new", "a note")})
    with pytest.warns(DeprecationWarning, match=r"tests\.fake\.old is deprecated.*use tests\.fake\.new$"):
        assert lookup("old") is new
    with pytest.warns(DeprecationWarning, match=r"use tests\.fake\.new \(a note\)"):
        assert lookup("older") == 42
    with pytest.raises(AttributeError, match=r"'tests\.fake' has no attribute 'x'"):
        lookup("x")


def test_warn_points_at_the_line_it_is_told() -> None:
    def library() -> None:
        warn("lib.old", "lib.new", stacklevel=2)

    with pytest.warns(DeprecationWarning, match="use lib.new") as caught:
        library()
    assert caught[0].filename == __file__


CURRENT_NAMES_DO_NOT_WARN = """
import importlib, pkgutil, pccplan
for name in pccplan.__all__:
    getattr(pccplan, name)
for info in pkgutil.walk_packages(pccplan.__path__, "pccplan."):
    try:
        module = importlib.import_module(info.name)
    except ImportError as error:  # an optional program or package (IPython) that is not installed
        print("skipped", info.name, error)
        continue
    for name in getattr(module, "__all__", ()):
        getattr(module, name)
    exec(f"from {info.name} import *", {})
print("ok")
"""


def test_current_names_never_warn() -> None:
    """Every name of pccplan and of each of its modules' ``__all__``, star imports included."""
    done = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-c", CURRENT_NAMES_DO_NOT_WARN],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("ok\n")


def test_every_deprecation_of_pccplan_goes_through_this_module() -> None:
    """One text and one stack level everywhere: no other module warns of a deprecation itself."""
    from tests.conftest import ROOT

    own = ROOT / "src" / "pccplan" / "_deprecate.py"
    for path in (ROOT / "src" / "pccplan").rglob("*.py"):
        if path != own:
            assert "warnings.warn(" not in path.read_text(encoding="utf-8"), path
