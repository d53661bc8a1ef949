"""The repository's shape: tests mirror the package module for module, and the layers flow one way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from tests.conftest import ROOT

SRC = ROOT / "src" / "pccplan"

# Modules whose behaviour is tested through another module's tests, with where.
TESTED_ELSEWHERE = {
    "__main__.py": "tests/test_cli.py",
}

# Lower layers must not import higher ones at module level (a lazy import in a method, such
# as a notebook preview, is allowed: it runs only when asked).
LAYERS = ("model", "statute", "compose", "render")


def modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py" or p.parent == SRC / "render")


def expected_test(module: Path) -> Path:
    relative = module.relative_to(SRC)
    name = "test_render.py" if relative == Path("render/__init__.py") else f"test_{relative.name}"
    return ROOT / "tests" / relative.parent / name


@pytest.mark.parametrize("module", modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_every_module_has_its_test_file(module: Path) -> None:
    relative = str(module.relative_to(SRC))
    if relative in TESTED_ELSEWHERE:
        assert (ROOT / TESTED_ELSEWHERE[relative]).exists()
        return
    assert expected_test(module).exists(), f"{relative} has no {expected_test(module).relative_to(ROOT)}"


def top_level_imports(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:  # module level only
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_layers_import_only_downwards(layer: str) -> None:
    higher = LAYERS[LAYERS.index(layer) + 1 :]
    for module in (SRC / layer).rglob("*.py"):
        for imported in top_level_imports(module):
            for other in higher:
                assert not imported.startswith(f"pccplan.{other}"), (
                    f"{module.relative_to(SRC)} imports {imported}"
                )


def test_rendering_knows_no_statute() -> None:
    for module in (SRC / "render").rglob("*.py"):
        assert "pccplan.statute" not in module.read_text(encoding="utf-8"), module


def test_composition_knows_no_docx() -> None:
    for module in (SRC / "compose").rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert "import docx" not in text
        assert "from docx" not in text
