"""The public namespace: every name in __all__ resolves, lazily, and the typed imports agree."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest
from tests.conftest import ROOT

import pccplan


def test_every_public_name_resolves_and_has_a_docstring() -> None:
    for name in pccplan.__all__:
        value = getattr(pccplan, name)
        if name != "__version__" and (callable(value) or isinstance(value, type)):
            assert value.__doc__, name


def test_lazy_table_and_typed_imports_name_the_same_things() -> None:
    tree = ast.parse((ROOT / "src" / "pccplan" / "__init__.py").read_text(encoding="utf-8"))
    typed: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for inner in node.body:
                assert isinstance(inner, ast.ImportFrom)
                typed.update({alias.name: str(inner.module) for alias in inner.names})
    assert typed == dict(pccplan._LAZY)
    eager = {
        "DocumentReadError",
        "MissingProgramError",
        "PccplanError",
        "PlanFileError",
        "Problem",
        "render",
        "save",
    }
    assert set(pccplan.__all__) - {"__version__"} == set(typed) | eager | {
        "RenderError",
        "StatuteError",
        "UnknownAreaError",
        "ValidationError",
    }


def test_import_is_cheap_and_loads_no_layer_until_asked() -> None:
    prefixes = ("pccplan.", "docx", "holidays", "yaml", "cattrs")
    code = f"import sys, pccplan; print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert not [
        m
        for m in eval(loaded)
        if m.startswith(("pccplan.model", "pccplan.statute", "docx", "holidays", "yaml", "cattrs"))
    ]


def test_render_stays_the_function_after_the_subpackage_is_used() -> None:
    import pccplan.render.docx.writer

    assert callable(pccplan.render)
    assert pccplan.render.__module__ == "pccplan.render"


def test_subpackages_and_unknown_names() -> None:
    assert pccplan.statute.term_for is pccplan.term_for  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="no attribute 'Plna'"):
        pccplan.Plna  # type: ignore[attr-defined]  # noqa: B018
    assert "Plan" in dir(pccplan)
