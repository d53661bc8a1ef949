"""The repository's shape: tests mirror the package module for module, and the layers flow one way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from tests.conftest import ROOT

SRC = ROOT / "src" / "pccplan"

# Each part of the package and its layer: a part may import only parts of a lower layer (or
# itself). Parts of one layer do not import each other: `render` and `read` both stand on the
# tree, not on each other. `__init__` (the public facade) is the one exception: it names all.
LAYER_OF = {
    "finding": -1,  # the findings family (Severity, FindingLike): under the errors, which use it
    "_names": 0,  # the table of public names: strings only, it imports nothing
    "_deprecate": 0,  # the one way former names are kept and warn: imports nothing of pccplan
    "errors": 0,
    "atomic": 0,
    "opc": 1,  # a caller's Word package opened within limits: for the reader and for templates
    "model": 1,
    "number_formats": 1,  # Word's list number formats: for the tree, the writer and the reader
    "statute": 2,
    "files": 2,
    "forms": 3,  # house forms from files: reads files and the statute's financial years
    "compose": 4,
    "render": 5,
    "read": 5,
    "a11y": 6,
    "examples": 6,
    "notebook": 6,
    "cli": 7,
    "__main__": 8,
}


# Inside `read` the modules flow one way too: WordprocessingML's names and the fact types at
# the bottom, the readers of single parts (styles, lists, stories) above them, the whole file
# (`docx_parse`) above those, and the tree built from the facts (`docx`) on top. A module may
# import only modules of a lower rank here.
READ_RANK_OF = {
    "wordml": 0,
    "facts": 0,
    "fields": 0,
    "result": 0,
    "changes": 1,
    "pictures": 1,
    "tables": 1,
    "comments": 2,
    "normal": 0,
    "tree_json": 0,
    "styles": 1,
    "numbering": 2,
    "story": 2,
    "docx_parse": 3,
    "docx": 4,
    "__init__": 5,
}


def modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py" or p.parent == SRC / "render")


def expected_test(module: Path) -> Path:
    relative = module.relative_to(SRC)
    name = "test_render.py" if relative == Path("render/__init__.py") else f"test_{relative.name}"
    return ROOT / "tests" / relative.parent / name


@pytest.mark.parametrize("module", modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_every_module_has_its_test_file(module: Path) -> None:
    relative = module.relative_to(SRC)
    assert expected_test(module).exists(), f"{relative} has no {expected_test(module).relative_to(ROOT)}"


def part_of(module: Path) -> str:
    """The part of the package `module` belongs to: its subpackage, or its own name at the top."""
    relative = module.relative_to(SRC)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def all_imports(module: Path) -> set[str]:
    """Every pccplan module `module` imports, at module level or inside a function (even lazily)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "pccplan" or name.startswith("pccplan.")}


def imported_part(name: str) -> str:
    return name.split(".")[1] if "." in name else "__init__"


PACKAGE = sorted(p for p in SRC.rglob("*.py") if p != SRC / "__init__.py")


def test_every_part_has_a_layer() -> None:
    assert {part_of(m) for m in PACKAGE} == set(LAYER_OF)


@pytest.mark.parametrize("module", PACKAGE, ids=lambda p: str(p.relative_to(SRC)))
def test_layers_import_only_downwards_even_lazily(module: Path) -> None:
    part = part_of(module)
    for imported in all_imports(module):
        other = imported_part(imported)
        if other == part:
            continue
        assert other != "__init__", f"{module.relative_to(SRC)} imports the facade ({imported})"
        assert LAYER_OF[other] < LAYER_OF[part], f"{module.relative_to(SRC)} ({part}) imports {imported}"


def test_the_import_check_sees_function_level_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from pccplan.notebook import x\n    import pccplan.render\n")
    assert all_imports(module) == {"pccplan.notebook", "pccplan.render"}


def test_rendering_knows_no_statute() -> None:
    for module in (SRC / "render").rglob("*.py"):
        assert "pccplan.statute" not in module.read_text(encoding="utf-8"), module


def test_composition_knows_no_docx() -> None:
    for module in (SRC / "compose").rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert "import docx" not in text
        assert "from docx" not in text


READ = sorted((SRC / "read").glob("*.py"))


def test_every_reader_module_has_a_rank() -> None:
    assert {m.stem for m in READ} == set(READ_RANK_OF)


@pytest.mark.parametrize("module", READ, ids=lambda p: p.stem)
def test_reader_modules_import_only_lower_ranks(module: Path) -> None:
    for imported in all_imports(module):
        if imported.startswith("pccplan.read."):
            other = imported.split(".")[2]
            assert READ_RANK_OF[other] < READ_RANK_OF[module.stem], f"read/{module.name} imports {imported}"
