"""Benchmark: the report to the Panel (seed 000) written by pccplan, by hand with python-docx, and by docxtpl.

Usage: python benchmarks/panel_report.py [--runs N]      (needs: pip install -e '.[bench]')

All three write the same content in one run, so the figures are ratios on one machine at one
time, not absolute promises. pccplan is timed from the typed objects to the saved file
(composing the tree from the plan and the rules, rendering, writing); the other two start from
the already-flattened text, so they are not charged for working out what to say. The second
table renders a report with four times the content and prints how pccplan's time grows.
"""

from __future__ import annotations

import argparse
import gc
import statistics
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
    pccplan.save(pccplan.panel_report(plan, inputs), out)


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


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=21, help="rounds per job (default 21)")
    args = parser.parse_args(argv)

    plan = pccplan.example_plan()
    inputs = pccplan.example_report_inputs()
    lines = flatten(pccplan.panel_report(plan, inputs))
    copies = 1
    while len(flatten(pccplan.panel_report(plan, larger(inputs, copies)))) < 4 * len(lines):
        copies += 1
    big = larger(inputs, copies)
    big_lines = flatten(pccplan.panel_report(plan, big))

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = folder / "template.docx"
        make_template(template)
        jobs: dict[str, Callable[[], Any]] = {
            "pccplan": lambda: with_pccplan(plan, inputs, folder / "a.docx"),
            "python-docx by hand": lambda: by_hand(lines, folder / "b.docx"),
            "docxtpl": lambda: with_docxtpl(template, lines, folder / "c.docx"),
            "pccplan, 4x content": lambda: with_pccplan(plan, big, folder / "d.docx"),
            "by hand, 4x content": lambda: by_hand(big_lines, folder / "e.docx"),
            "docxtpl, 4x content": lambda: with_docxtpl(template, big_lines, folder / "f.docx"),
        }
        medians = median_seconds(jobs, args.runs)

    base = medians["docxtpl"]
    print(f"report to the Panel (seed 000): {len(lines)} paragraphs; 4x: {len(big_lines)}; {args.runs} runs")
    print(f"{'job':<22} {'median ms':>10} {'x docxtpl':>10}")
    for name, seconds in medians.items():
        print(f"{name:<22} {seconds * 1000:>10.1f} {seconds / base:>10.2f}")
    growth = medians["pccplan, 4x content"] / medians["pccplan"]
    print(f"pccplan vs hand python-docx: {medians['pccplan'] / medians['python-docx by hand']:.2f}")
    print(f"pccplan growth for 4x the content: {growth:.2f}x (aim: at most 4.4x)")
    for name in ("python-docx by hand", "docxtpl"):
        other = medians[f"{'by hand' if name.startswith('python') else name}, 4x content"] / medians[name]
        print(f"{name} growth for 4x the content: {other:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
