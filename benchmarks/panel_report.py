"""Benchmark: the report to the Panel (seed 000) written by pccplan, by hand with python-docx, and by docxtpl.

Usage: python benchmarks/panel_report.py [--runs N] [--no-processes | --only-processes]
(needs: pip install -e '.[bench]')

Inside Python, all three write the same content at 1x, 4x and 16x the seed's paragraphs, in
one run, so the figures are ratios on one machine at one time, not absolute promises. pccplan
is timed from the typed objects to the saved file (composing the tree from the plan and the
rules, rendering, writing); the other two start from the already-flattened text, so they are
not charged for working out what to say.

As whole processes, ``pccplan example``, ``pccplan render`` (the same report from its files),
``pccplan timeline`` and ``pccplan --help`` are compared with ``pandoc`` writing the same
report from Markdown: with hyperfine when it is installed, else by timing each command over
the runs here. Only ratios are printed: seconds say more about the machine than the program.
The children may write bytecode (PYTHONDONTWRITEBYTECODE is dropped for them), as an installed
pccplan has it; the first, warm-up run of each command writes it.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import pccplan
from pccplan.compose.tree import BulletList, Document, Paragraph, Section, TitleBlock
from pccplan.compose.walk import inline_text


@attrs.frozen
class Line:
    """One paragraph of the flattened report: its kind ('title', 'heading', 'para', 'bullet') and text."""

    kind: str
    text: str


def flatten(doc: Document) -> list[Line]:
    """The report as the plain lines hand-written code and a template would be given."""
    lines: list[Line] = []

    def text_of(p: Paragraph) -> str:
        return inline_text(p.content, lambda _: 1)

    for block in doc.blocks:
        if isinstance(block, TitleBlock):
            lines.append(Line("title", block.title))
            lines += [Line("para", text_of(p)) for p in block.lines]
        elif isinstance(block, Section):
            lines.append(Line("heading", block.title))
            for inner in block.blocks:
                if isinstance(inner, Paragraph):
                    lines.append(Line("para", text_of(inner)))
                elif isinstance(inner, BulletList):
                    lines += [
                        Line("bullet", text_of(item.blocks[0]))
                        for item in inner.items
                        if isinstance(item.blocks[0], Paragraph)
                    ]
    return lines


def larger(inputs: pccplan.PanelReport, times: int) -> pccplan.PanelReport:
    """The report with its narrative sections and background documents repeated `times` times."""
    sections = [
        attrs.evolve(section, heading=f"{section.heading} ({copy + 1})", key=None)
        for copy in range(times)
        for section in inputs.sections
    ]
    documents = [
        attrs.evolve(d, title=f"{d.title} ({copy + 1})")
        for copy in range(times)
        for d in inputs.background_documents
    ]
    return attrs.evolve(inputs, sections=sections, background_documents=documents)


def with_pccplan(plan: pccplan.Plan, inputs: pccplan.PanelReport, out: Path) -> None:
    """Typed objects -> tree (rules applied) -> DOCX -> file."""
    pccplan.save(pccplan.panel_report_document(inputs, plan), out)


def by_hand(lines: list[Line], out: Path) -> None:
    """What an officer's script would do with python-docx's default template and its proxies."""
    import docx

    document = docx.Document()
    for line in lines:
        if line.kind == "title":
            document.add_paragraph(line.text, style="Title")
        elif line.kind == "heading":
            document.add_paragraph(line.text, style="Heading 1")
        elif line.kind == "bullet":
            document.add_paragraph(line.text, style="List Bullet")
        else:
            document.add_paragraph(line.text, style="List Number")
    document.save(str(out))


def make_template(path: Path) -> None:
    """A docxtpl template with one paragraph per kind of line, looped by Jinja."""
    import docx

    document = docx.Document()
    document.add_paragraph("{%p for line in lines %}")
    document.add_paragraph("{%p if line.kind == 'title' %}")
    document.add_paragraph("{{ line.text }}", style="Title")
    document.add_paragraph("{%p elif line.kind == 'heading' %}")
    document.add_paragraph("{{ line.text }}", style="Heading 1")
    document.add_paragraph("{%p elif line.kind == 'bullet' %}")
    document.add_paragraph("{{ line.text }}", style="List Bullet")
    document.add_paragraph("{%p else %}")
    document.add_paragraph("{{ line.text }}", style="List Number")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    document.save(str(path))


def with_docxtpl(template: Path, lines: list[Line], out: Path) -> None:
    """docxtpl rendering the Jinja template with the lines."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(template))
    document.render({"lines": [{"kind": line.kind, "text": line.text} for line in lines]})
    document.save(str(out))


def median_seconds(jobs: dict[str, Callable[[], None]], runs: int) -> dict[str, float]:
    """The median time of each job over `runs` rounds, the jobs interleaved within each round."""
    for job in jobs.values():  # warm up: imports, caches, the first calendar
        job()
    samples: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(runs):
        for name, job in jobs.items():
            gc.collect()
            start = time.perf_counter()
            job()
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


SIZES = (1, 4, 16)
"""The content sizes compared, as multiples of the seed's paragraphs."""


def sized_inputs(
    plan: pccplan.Plan, inputs: pccplan.PanelReport
) -> dict[int, tuple[pccplan.PanelReport, list[Line]]]:
    """For each of `SIZES`: a report with at least that many times the seed's paragraphs, and its lines."""
    base = len(flatten(pccplan.panel_report_document(inputs, plan)))
    found: dict[int, tuple[pccplan.PanelReport, list[Line]]] = {}
    copies = 1
    for size in SIZES:
        while len(flatten(pccplan.panel_report_document(larger(inputs, copies), plan))) < size * base:
            copies += 1
        report = larger(inputs, copies) if size > 1 else inputs
        found[size] = (report, flatten(pccplan.panel_report_document(report, plan)))
    return found


def in_process(runs: int) -> None:
    """pccplan against hand-written python-docx and docxtpl at each size, as ratios."""
    plan = pccplan.example_plan()
    sized = sized_inputs(plan, pccplan.example_report_inputs())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = folder / "template.docx"
        make_template(template)
        jobs: dict[str, Callable[[], Any]] = {}
        for size, (report, lines) in sized.items():
            jobs[f"pccplan {size}x"] = lambda r=report, n=size: with_pccplan(plan, r, folder / f"a{n}.docx")
            jobs[f"by hand {size}x"] = lambda ls=lines, n=size: by_hand(ls, folder / f"b{n}.docx")
            jobs[f"docxtpl {size}x"] = lambda ls=lines, n=size: with_docxtpl(
                template, ls, folder / f"c{n}.docx"
            )
        medians = median_seconds(jobs, runs)

    sizes = ", ".join(f"{size}x: {len(lines)}" for size, (_, lines) in sized.items())
    print(f"report to the Panel (seed 000), paragraphs {sizes}; {runs} runs; medians as ratios")
    print(f"{'content':<8} {'pccplan / docxtpl (aim <= 0.5)':>31} {'pccplan / hand python-docx':>27}")
    for size in SIZES:
        ours = medians[f"pccplan {size}x"]
        versus_docxtpl = ours / medians[f"docxtpl {size}x"]
        print(f"{size}x{'':<6} {versus_docxtpl:>31.2f} {ours / medians[f'by hand {size}x']:>27.2f}")
    for name in ("pccplan", "by hand", "docxtpl"):
        grows = [f"{size}x: {medians[f'{name} {size}x'] / medians[f'{name} 1x']:.2f}" for size in SIZES[1:]]
        print(f"{name} time for more content, relative to its 1x: {'  '.join(grows)}")


def _pccplan_command() -> list[str]:
    """The installed ``pccplan`` script beside this Python, else ``python -m pccplan``."""
    script = Path(sys.executable).with_name("pccplan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pccplan"]


def _seconds_by_hand(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, float]:
    """The median wall time of each command over `runs`, interleaved, after one warm-up run each."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs + 1):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values[1:]) for name, values in samples.items()}


def _seconds_with_hyperfine(
    hyperfine: str, commands: dict[str, list[str]], runs: int, env: dict[str, str], folder: Path
) -> dict[str, float]:
    """The median wall time of each command as hyperfine measures it (no shell, one warm-up run).

    Each command is given to hyperfine as one string that it splits on spaces (``-N``), so the
    paths here must have none: they are in a temporary folder and the installed package.
    """
    out = folder / "hyperfine.json"
    if any(" " in part for c in commands.values() for part in c):
        return _seconds_by_hand(commands, runs, env)
    quoted = [" ".join(c) for c in commands.values()]
    subprocess.run(
        [hyperfine, "-N", "--warmup", "1", "--runs", str(runs), "--export-json", str(out), *quoted],
        env=env,
        check=True,
        capture_output=True,
    )
    results = json.loads(out.read_text(encoding="utf-8"))["results"]
    return {name: float(r["median"]) for name, r in zip(commands, results, strict=True)}


def whole_process(runs: int) -> None:
    """pccplan's commands as whole processes against pandoc on the same report, as ratios."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("whole process: pandoc is not installed; skipped")
        return
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # The children run the pccplan this script imported (a worktree's src, say), whatever the
    # installed script beside this Python would find first, and from any working directory.
    here = str(Path(pccplan.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join([here, *filter(None, [os.environ.get("PYTHONPATH")])])
    data = Path(pccplan.__file__).parent / "data"
    cli = _pccplan_command()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        markdown = folder / "report.md"
        markdown.write_text(str(pccplan.render_document(pccplan.example_panel_report(), format="markdown")), encoding="utf-8")
        commands = {
            "pandoc": [pandoc, str(markdown), "-o", str(folder / "pandoc.docx")],
            "pccplan example": [*cli, "example", "-o", str(folder / "example.docx")],
            "pccplan render": [
                *cli,
                "render",
                str(data / "cambridgeshire-2016.yaml"),
                "--document",
                "panel-report",
                "--with",
                str(data / "cambridgeshire-2016-panel-report.yaml"),
                "-o",
                str(folder / "render.docx"),
            ],
            "pccplan timeline": [*cli, "timeline", "--poll", "2016-05-05"],
            "pccplan --help": [*cli, "--help"],
        }
        hyperfine = shutil.which("hyperfine")
        if hyperfine:
            seconds = _seconds_with_hyperfine(hyperfine, commands, runs, env, folder)
        else:
            seconds = _seconds_by_hand(commands, runs, env)
    how = "hyperfine" if hyperfine else "timed here"
    print(f"whole process ({how}, {runs} runs), median wall time as a multiple of pandoc's:")
    for name, value in seconds.items():
        if name != "pandoc":
            aim = "<= 1.5" if name in ("pccplan example", "pccplan render") else "well under 1.5"
            print(f"  {name:<18} {value / seconds['pandoc']:>6.2f}x   (aim {aim})")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print ratios: inside Python at each size, then as whole processes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=21, help="rounds per job (default 21)")
    parser.add_argument("--no-processes", action="store_true", help="skip the whole-process comparison")
    parser.add_argument(
        "--only-processes", action="store_true", help="skip the comparison inside Python (the slow part)"
    )
    args = parser.parse_args(argv)
    if not args.only_processes:
        in_process(args.runs)
    if not args.no_processes:
        whole_process(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
