"""Run a notebook's code cells in this process, as a Jupyter kernel would, and collect their outputs.

Jupyter is not needed (nor installed in CI): each cell is executed in one namespace; what it
prints becomes a ``stream`` output and the value of its last expression an ``execute_result``
with the same ``text/html`` (pccplan's preview) and ``text/plain`` (its repr) a kernel would save.
``python -m tests.notebook_outputs`` rewrites examples/quickstart.ipynb with fresh outputs.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
from pathlib import Path

from pccplan.notebook import html_for

QUICKSTART = Path(__file__).resolve().parent.parent / "examples" / "quickstart.ipynb"


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _run_cell(source: str, namespace: dict[str, object], count: int) -> list[dict[str, object]]:
    tree = ast.parse(source, filename="quickstart.ipynb")
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(tree, "quickstart.ipynb", "exec"), namespace)
        value = None
        if last is not None:
            value = eval(compile(ast.Expression(last.value), "quickstart.ipynb", "eval"), namespace)
    outputs: list[dict[str, object]] = []
    if printed.getvalue():
        outputs.append({"name": "stdout", "output_type": "stream", "text": _lines(printed.getvalue())})
    if value is not None:
        data: dict[str, object] = {"text/plain": _lines(repr(value))}
        shown = html_for(value)
        if shown is not None:
            data["text/html"] = _lines(shown)
        outputs.append(
            {"data": data, "execution_count": count, "metadata": {}, "output_type": "execute_result"}
        )
    return outputs


def fresh_run(notebook: dict[str, object]) -> tuple[dict[str, object], dict[str, object]]:
    """`notebook` with every code cell run afresh, top to bottom, its outputs replaced; and the
    namespace the cells ran in (what a user would have in the kernel afterwards)."""
    namespace: dict[str, object] = {"__name__": "__main__"}
    cells = []
    count = 0
    for cell in notebook["cells"]:  # type: ignore[attr-defined]
        if cell["cell_type"] == "code":
            count += 1
            cell = {**cell, "execution_count": count}
            cell["outputs"] = _run_cell("".join(cell["source"]), namespace, count)
        cells.append(cell)
    return {**notebook, "cells": cells}, namespace


def main() -> None:
    """Rewrite the quickstart notebook with the outputs of a fresh run (as nbformat lays it out)."""
    notebook = json.loads(QUICKSTART.read_text(encoding="utf-8"))
    ran, _ = fresh_run(notebook)
    text = json.dumps(ran, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    QUICKSTART.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
