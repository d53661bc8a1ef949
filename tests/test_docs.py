"""The console examples in docs/ run as written: each command, its exit status and its output."""

from __future__ import annotations

import itertools
import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from tests.conftest import ROOT

from pccplan.cli import main

PAGES = sorted((ROOT / "docs").glob("*.md"))
BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def examples(page: Path) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each '$ ' line of the page's console blocks."""
    found: list[tuple[str, list[str]]] = []
    for block in BLOCK.findall(page.read_text(encoding="utf-8")):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found:
                found[-1][1].append(line)
    return found


def test_the_cli_page_has_examples() -> None:
    assert len(examples(ROOT / "docs" / "cli.md")) >= 6


@pytest.mark.parametrize("page", [p for p in PAGES if examples(p)], ids=lambda p: p.name)
def test_console_examples_run_as_written(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples", symlinks=False)
    monkeypatch.chdir(tmp_path)
    for command, expected in examples(page):
        words = shlex.split(command)
        assert words[0] == "pccplan", command
        status = main(words[1:])
        out, _ = capsys.readouterr()
        wanted_status = 0
        if expected and expected[0].startswith("[exit "):
            wanted_status = int(expected[0][6:-1])
            expected = expected[1:]
        assert status == wanted_status, command
        if expected and expected[0].startswith("[json] "):
            subset = json.loads(expected[0][7:])
            data = json.loads(out)
            assert {k: data[k] for k in subset} == subset, command
        elif expected:
            assert [line.rstrip() for line in out.splitlines()] == expected, command


# ---------------------------------------------------------------- the API reference page

API_PAGE = ROOT / "docs" / "api.md"

GROUPS = (
    ("Plans and areas", "pccplan.model"),
    (
        "Documents' own content",
        "pccplan.model.panel pccplan.model.decision pccplan.model.document pccplan.model.letter "
        "pccplan.model.comments pccplan.model.record pccplan.model.agenda",
    ),
    ("House forms", "pccplan.model.form pccplan.forms"),
    ("Plan files", "pccplan.files"),
    ("The statute: dates, terms and checks", "pccplan.statute"),
    ("Composing documents", "pccplan.compose pccplan.examples"),
    ("Rendering, reading and checking files", "pccplan.render pccplan.read pccplan.a11y"),
    ("Findings and errors", "pccplan.finding pccplan.errors"),
)


def attribute_doc(module: str, name: str) -> str:
    """The docstring written under a module-level assignment `name = ...` (PEP 257 attribute docstring)."""
    import ast
    import importlib

    source = Path(str(importlib.import_module(module).__file__)).read_text(encoding="utf-8")
    body = ast.parse(source).body
    for node, after in itertools.pairwise(body):
        targets = [node.target] if isinstance(node, ast.AnnAssign) else getattr(node, "targets", [])
        named = any(isinstance(t, ast.Name) and t.id == name for t in targets)
        if named and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
            return str(after.value.value).strip()
    return ""


def api_reference() -> str:
    """docs/api.md: each name in `pccplan._names`, grouped by layer, with its docstring's first line."""
    import importlib
    import inspect

    from pccplan._names import CURRENT, DEPRECATED

    placed: dict[str, list[str]] = {title: [] for title, _ in GROUPS}
    for entry in sorted(CURRENT.values(), key=lambda n: n.name.casefold()):
        value = getattr(importlib.import_module(entry.module), entry.name)
        title = next(
            (
                t
                for t, prefixes in reversed(GROUPS)
                if any(entry.module.startswith(p) for p in prefixes.split())
            ),
            GROUPS[0][0],
        )
        doc = (
            attribute_doc(entry.module, entry.name)
            if entry.kind == "constant"
            else inspect.getdoc(value) or ""
        )
        summary = doc.splitlines()[0] if doc else ""
        placed[title].append(f"| `pccplan.{entry.name}` | {summary.replace('|', '/')} |")
    former = [
        f"| `pccplan.{n.name}` | `pccplan.{n.replaced_by}`{f' ({n.note})' if n.note else ''} |"
        for n in sorted(DEPRECATED.values(), key=lambda n: n.name.casefold())
    ]
    lines = [
        "# API reference",
        "",
        "Every public name of `pccplan`, by layer, with the first line of its docstring (see each",
        "name's `help()` for the rest). This page is generated from the code; a test fails when",
        "they differ (`python -m tests.test_docs` writes it again).",
        "",
        "```python",
        ">>> import pccplan",
        ">>> pccplan.find_area('gwent').nation",
        "<Nation.WALES: 'wales'>",
        "",
        "```",
    ]
    for title, _ in GROUPS:
        if placed[title]:
            lines += ["", f"## {title}", "", "| Name | What it is |", "|---|---|", *placed[title]]
    lines += [
        "",
        "## Deprecated names",
        "",
        "Each still works for this release and warns (`DeprecationWarning`); the next release removes it.",
        "The module each came from keeps it too, and warns the same way, naming the module's new name:",
        "`from pccplan.compose.panel_report import panel_report` points at `panel_report_document`.",
        "`pccplan.render` is the package of renderers: calling it as the function it was warns and",
        "forwards to `pccplan.render_document`, and `save` takes `format` and `options` by keyword.",
        "",
        "| Former name | Use instead |",
        "|---|---|",
        *former,
    ]
    return "\n".join(lines) + "\n"


def test_api_page_lists_every_public_name() -> None:
    assert API_PAGE.read_text(encoding="utf-8") == api_reference(), "run: python -m tests.test_docs"


# ---------------------------------------------------------------- the table of documents

DOCUMENTS_PAGE = ROOT / "docs" / "documents.md"
CLI_PAGE = ROOT / "docs" / "cli.md"
TABLE_START = "<!-- generated from pccplan.model.kinds.DOCUMENTS: python -m tests.test_docs writes it -->\n"
TABLE_END = "\n<!-- end of the generated table -->"
CHOICES = re.compile(r"`--document` is one of .*?\.(?= The plan file)", re.S)


def documents_table() -> str:
    """The table of documents in docs/documents.md, from `pccplan.model.kinds.DOCUMENTS`."""
    from pccplan.model.kinds import DOCUMENTS

    def code(names: tuple[str, ...]) -> str:
        return ", ".join(f"`{n}`" for n in names) or "(the plan alone)"

    lines = [
        "| Document | `--document` | Composer | Its own content | May also use | The law |",
        "|---|---|---|---|---|---|",
    ]
    for d in DOCUMENTS:
        content = f"`{d.content.__name__}` (`kind: {d.name}`)" if d.content else "(the plan alone)"
        lines.append(
            f"| {d.description[:1].upper()}{d.description[1:]} | `{d.name}` | `{d.composer_path}` "
            f"| {content} | {code(d.uses) if d.uses else '-'} | {d.law} |"
        )
    return "\n".join(lines)


def document_choices() -> str:
    """The sentence of docs/cli.md that lists the documents ``pccplan render --document`` writes."""
    from pccplan.model.kinds import DOCUMENTS

    names = [f"`{d.name}`" for d in DOCUMENTS]
    return f"`--document` is one of {', '.join(names[:-1])} and {names[-1]}."


def with_documents_table(page: str) -> str:
    start = page.index(TABLE_START) + len(TABLE_START)
    return page[:start] + documents_table() + page[page.index(TABLE_END, start) :]


def test_the_documents_page_has_the_table_of_documents() -> None:
    page = DOCUMENTS_PAGE.read_text(encoding="utf-8")
    assert page == with_documents_table(page), "run: python -m tests.test_docs"


def test_the_cli_page_lists_the_documents_of_the_table() -> None:
    page = CLI_PAGE.read_text(encoding="utf-8")
    found = CHOICES.search(page)
    assert found is not None
    assert found.group(0) == document_choices(), "run: python -m tests.test_docs"


if __name__ == "__main__":
    API_PAGE.write_text(api_reference(), encoding="utf-8")
    print(f"wrote {API_PAGE}")
    DOCUMENTS_PAGE.write_text(
        with_documents_table(DOCUMENTS_PAGE.read_text(encoding="utf-8")), encoding="utf-8"
    )
    print(f"wrote {DOCUMENTS_PAGE}")
    CLI_PAGE.write_text(
        CHOICES.sub(document_choices(), CLI_PAGE.read_text(encoding="utf-8")), encoding="utf-8"
    )
    print(f"wrote {CLI_PAGE}")
