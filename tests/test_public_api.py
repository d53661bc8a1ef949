"""The public namespace: one table of names, from which `__all__`, the lazy loading and the types agree."""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys

import pytest
from tests.conftest import ROOT

import pccplan
from pccplan._deprecate import former
from pccplan._names import CURRENT, DEPRECATED, NAMES, Name

REORDERED = {"panel_report", "decision_notice"}
"""Former composers whose replacement takes its arguments in the one composer order: not the same object."""


def typed_imports() -> dict[str, str]:
    """Each name the `TYPE_CHECKING` block of ``__init__.py`` imports, and the module it names."""
    tree = ast.parse((ROOT / "src" / "pccplan" / "__init__.py").read_text(encoding="utf-8"))
    typed: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for inner in node.body:
                assert isinstance(inner, ast.ImportFrom)
                for alias in inner.names:
                    assert alias.asname == alias.name, f"{alias.name}: re-export it as itself (X as X)"
                    typed[alias.name] = str(inner.module)
    return typed


def test_the_table_lists_each_name_once() -> None:
    names = [n.name for n in NAMES]
    assert len(names) == len(set(names))


def test_all_is_the_current_names_of_the_table() -> None:
    assert sorted(pccplan.__all__) == sorted(["__version__", *CURRENT])
    assert not set(pccplan.__all__) & set(DEPRECATED)


def test_the_typed_imports_are_the_table() -> None:
    assert typed_imports() == {n.name: n.module for n in NAMES}


def test_every_current_name_resolves_from_its_module_with_its_kind_and_a_docstring() -> None:
    for entry in CURRENT.values():
        value = getattr(pccplan, entry.name)
        assert value is getattr(importlib.import_module(entry.module), entry.name), entry.name
        if entry.kind in ("error", "class"):
            assert isinstance(value, type), entry.name
            assert issubclass(value, Exception) == (entry.kind == "error"), entry.name
        elif entry.kind == "function":
            assert inspect.isfunction(value), entry.name
        else:
            assert not callable(value), entry.name
        if entry.kind != "constant":
            assert value.__doc__, entry.name


@pytest.mark.parametrize("old", DEPRECATED.values(), ids=lambda n: n.name)
def test_each_deprecated_name_warns_naming_its_replacement_and_gives_the_same_object(old: Name) -> None:
    assert old.replaced_by in CURRENT, f"{old.name} points at {old.replaced_by}, not a current name"
    with pytest.warns(
        DeprecationWarning, match=rf"pccplan\.{old.name} is deprecated.*pccplan\.{old.replaced_by}"
    ):
        value = getattr(pccplan, old.name)
    assert value is former(old.module, old.name).value  # the module's own, which warns in its own name
    if old.name not in REORDERED:  # a rename: the very object of the new name (or what it returns)
        new = getattr(pccplan, str(old.replaced_by))
        assert value is new or (callable(new) and value is new())


def test_a_deprecated_name_warns_every_time_it_is_used() -> None:
    for _ in range(2):
        with pytest.warns(DeprecationWarning, match="plan_by"):
            pccplan.plan_deadline  # type: ignore[attr-defined]  # noqa: B018


def test_composers_that_change_argument_order_write_the_same_document() -> None:
    from pccplan.examples import example_plan, example_report_inputs

    plan, report = example_plan(), example_report_inputs()
    with pytest.warns(DeprecationWarning, match="report first, then the plan"):
        former = pccplan.panel_report  # type: ignore[attr-defined]
    assert former(plan, report) == pccplan.panel_report_document(report, plan)


def test_import_is_cheap_and_loads_no_layer_until_asked() -> None:
    prefixes = ("pccplan.", "docx", "holidays", "yaml", "cattrs")
    code = f"import sys, pccplan; print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert not [
        m
        for m in eval(loaded)
        if m.startswith(("pccplan.model", "pccplan.statute", "docx", "holidays", "yaml", "cattrs"))
    ]


def test_render_is_the_package_and_render_document_the_function() -> None:
    import pccplan.render.docx.writer

    assert inspect.ismodule(pccplan.render)
    assert pccplan.render_document is pccplan.render.render_document


def test_calling_the_render_package_as_the_former_function_warns_and_renders() -> None:
    from pccplan.compose import document, para

    doc = document(para("x"), title="T", author="A")
    with pytest.warns(DeprecationWarning, match=r"pccplan\.render_document"):
        text = pccplan.render(doc, "markdown")  # type: ignore[operator]
    assert text == pccplan.render_document(doc, format="markdown")


def test_subpackages_and_unknown_names() -> None:
    assert pccplan.statute.term_for is pccplan.term_for  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="no attribute 'Plna'"):
        pccplan.Plna  # type: ignore[attr-defined]  # noqa: B018
    assert "Plan" in dir(pccplan)
    assert "plan_deadline" not in dir(pccplan)
