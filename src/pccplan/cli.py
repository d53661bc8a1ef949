"""The ``pccplan`` command line: parse the arguments, call the library, print a table or JSON.

Each subcommand is a small function registered in one table (`COMMANDS`, and `DATES` for
``pccplan dates ...``), so adding one means writing its function and adding a row. With
``--json`` nothing but one JSON object goes to stdout, with stable keys and ISO 8601 dates.
A bad argument prints one line on stderr and exits with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

import attrs

from pccplan.errors import PccplanError
from pccplan.model.area import Nation, find_area
from pccplan.statute.confirmation import confirmation_step
from pccplan.statute.inspection import comments_step
from pccplan.statute.meetings import agenda_step
from pccplan.statute.precept import precept_timetable
from pccplan.statute.steps import DatedStep
from pccplan.statute.timeline import timeline

__all__ = ["COMMANDS", "DATES", "Command", "Output", "main"]

PROG = "pccplan"


class _UsageError(Exception):
    """A bad command line: shown as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of printing usage and exiting, so `main` owns the output."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


@attrs.frozen(kw_only=True)
class Output:
    """What a subcommand produced: `data` for ``--json``, `text` for people, and the exit `status`.

    `warnings` go to stderr, one line each, when the output is `text` (with ``--json`` they
    are part of `data`). `status` is 0 when all is well; ``pccplan a11y`` uses 1 for findings.
    """

    data: dict[str, object]
    text: str
    status: int = 0
    warnings: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Command:
    """A subcommand: its `name`, one-line `help`, how it adds its arguments and what it runs."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], Output] | None = None


def _date(text: str) -> dt.date:
    try:
        if len(text) != 10:
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def _year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year such as 2025: {text!r}") from None


def _table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def _flags(step: DatedStep) -> str:
    flags = []
    if step.non_working_day:
        flags.append("non-working day")
    if step.unverified:
        flags.append("UNVERIFIED")
    return ", ".join(flags)


def _steps_table(steps: Sequence[DatedStep]) -> str:
    rows = [("Date", "Rule", "Step", "Source", "Conf.", "Note")]
    rows += [
        (
            s.date.strftime("%a %d %b %Y"),
            s.rule,
            s.title,
            s.citation.text,
            s.citation.confidence.value,
            _flags(s),
        )
        for s in steps
    ]
    return _table(rows)


def _step_output(key: str, step: DatedStep, data: dict[str, object]) -> Output:
    data = {**data, key: step.date.isoformat(), "step": step.to_json()}
    note = f" ({_flags(step)})" if _flags(step) else ""
    text = (
        f"{step.title} {step.date.strftime('%A %d %B %Y')}{note}\n{step.citation.text} <{step.citation.url}>"
    )
    if step.note:
        text += f"\n{step.note}"
    return Output(data=data, text=text)


# -- pccplan timeline ---------------------------------------------------------------------------


def _configure_timeline(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--poll", type=_date, required=True, help="the day of the poll, YYYY-MM-DD")
    parser.add_argument("--area", help="a police area, by slug or name (default: an ordinary PCC area)")
    parser.add_argument(
        "--issued", type=_date, help="the day the plan is issued (default: the plan deadline)"
    )
    parser.add_argument("--starts", type=_date, help="a qualifying day the plan names as its start")
    parser.add_argument("--period-end", type=_date, help="override the planning period's end (PLAN-9A is U)")
    parser.add_argument("--meeting", type=_date, help="the Panel meeting that reviews the draft plan")
    parser.add_argument("--response-days", type=_positive, help="the period the Panel sets for a response")
    parser.add_argument("--declared", type=_date, help="for a by-election: the day the result was declared")


def _run_timeline(args: argparse.Namespace) -> Output:
    area = find_area(args.area) if args.area else None
    found = timeline(
        args.poll,
        area,
        issued=args.issued,
        starts=args.starts,
        end=args.period_end,
        meeting=args.meeting,
        response_days=args.response_days,
        declared=args.declared,
    )
    data = found.to_json()
    head = [
        ("Area", str(data["area_name"])),
        ("Poll", f"{data['poll']} ({data['kind']})"),
        ("Takes office", str(data["takes_office"])),
        ("Term ends", str(data["term_ends"])),
        ("Plan deadline", str(data["plan_deadline"] or "none (no new plan required)")),
        ("Planning period", f"{data['plan_period_start']} to {data['plan_period_end']}"),
        ("Latest start", str(data["latest_start"])),
    ]
    text = _table(head) + "\n\n" + _steps_table(found.steps)
    if found.period and found.period.note:
        text += f"\n\n{found.period.note}"
    return Output(data=data, text=text)


# -- pccplan dates ... --------------------------------------------------------------------------


def _configure_precept(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=_year, required=True, help="the year the precept year starts (2025)")


def _run_precept(args: argparse.Namespace) -> Output:
    found = precept_timetable(args.year)
    return Output(
        data=found.to_json(), text=f"Precept for {found.precept_year.label}\n\n" + _steps_table(found.steps)
    )


def _configure_agenda(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--meeting", type=_date, required=True, help="the day of the Panel meeting")
    parser.add_argument("--nation", choices=[n.value for n in Nation], default=Nation.ENGLAND.value)
    parser.add_argument("--clear-days", type=_positive, help="override the number of clear days")
    parser.add_argument(
        "--calendar-days", action="store_true", help="count calendar, not working, clear days"
    )


def _run_agenda(args: argparse.Namespace) -> Output:
    nation = Nation(args.nation)
    step = agenda_step(args.meeting, nation, clear_days=args.clear_days, working_days=not args.calendar_days)
    data: dict[str, object] = {
        "meeting": args.meeting.isoformat(),
        "nation": nation.value,
        "working_days": not args.calendar_days,
    }
    return _step_output("publish_by", step, data)


def _configure_hmicfrs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--published", type=_date, required=True, help="the day the report was published")


def _run_hmicfrs(args: argparse.Namespace) -> Output:
    step = comments_step(args.published)
    return _step_output("comments_by", step, {"published": args.published.isoformat()})


def _configure_confirmation(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--received", type=_date, required=True, help="the day the Panel was notified")
    parser.add_argument("--poll", type=_date, help="an ordinary poll whose post-election period intervenes")
    parser.add_argument("--accepted", type=_date, help="the day the new PCC's acceptance of office was made")


def _run_confirmation(args: argparse.Namespace) -> Output:
    step = confirmation_step(args.received, poll=args.poll, accepted=args.accepted)
    data: dict[str, object] = {
        "received": args.received.isoformat(),
        "poll": args.poll.isoformat() if args.poll else None,
        "accepted": args.accepted.isoformat() if args.accepted else None,
    }
    return _step_output("report_by", step, data)


DATES: tuple[Command, ...] = (
    Command(
        name="precept",
        help="the precept dates (PREC-1 to PREC-5)",
        configure=_configure_precept,
        run=_run_precept,
    ),
    Command(
        name="agenda",
        help="when a Panel agenda must be published (MTG-1, MTG-2)",
        configure=_configure_agenda,
        run=_run_agenda,
    ),
    Command(
        name="hmicfrs",
        help="when comments on an HMICFRS report are due (HMI-1)",
        configure=_configure_hmicfrs,
        run=_run_hmicfrs,
    ),
    Command(
        name="confirmation",
        help="when the Panel reports on a proposed chief constable (CC-1)",
        configure=_configure_confirmation,
        run=_run_confirmation,
    ),
)
"""The ``pccplan dates`` subcommands: one row each."""


# -- pccplan text, pccplan a11y, pccplan report -----------------------------------------------


def _configure_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a Word document (.docx)")


def _run_text(args: argparse.Namespace) -> Output:
    from pccplan.read import read_docx, tree_as_json

    result = read_docx(args.file)
    data: dict[str, object] = {
        "file": args.file,
        "document": tree_as_json(result.document),
        "warnings": [w.to_json() for w in result.warnings],
    }
    return Output(data=data, text=result.text, warnings=tuple(f"warning: {w}" for w in result.warnings))


def _run_a11y(args: argparse.Namespace) -> Output:
    from pccplan.a11y import check_accessibility

    findings = check_accessibility(args.file)
    data: dict[str, object] = {
        "file": args.file,
        "passed": not findings,
        "findings": [f.to_json() for f in findings],
    }
    if not findings:
        text = f"{args.file}: no accessibility findings"
    else:
        lines = [f"{args.file}: {len(findings)} accessibility finding{'s' if len(findings) > 1 else ''}"]
        for finding in findings:
            quote = f' "{finding.quote}"' if finding.quote else ""
            lines.append(f"- {finding.where}{quote}: {finding.problem} (WCAG 2.1 {finding.criterion})")
            lines.append(f"  Fix: {finding.fix}")
        text = "\n".join(lines)
    return Output(data=data, text=text, status=1 if findings else 0)


def _configure_report(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", help="the plan file (YAML or JSON)")
    parser.add_argument("inputs", help="the report's own content: meeting, narrative, links (YAML or JSON)")
    parser.add_argument("-o", "--out", help="where to write it (default: panel-report.docx, or .pdf)")
    parser.add_argument("--pdf", action="store_true", help="write a tagged PDF (needs LibreOffice)")
    parser.add_argument(
        "--full", action="store_true", help="keep exempt parts, marked (for members; not for publication)"
    )


def _run_report(args: argparse.Namespace) -> Output:
    from pccplan.compose.panel_report import panel_report
    from pccplan.files import load
    from pccplan.model.panel import PanelReport
    from pccplan.model.plan import Plan
    from pccplan.render import RenderOptions, save

    plan = load(args.plan, Plan)
    inputs = load(args.inputs, PanelReport)
    doc = panel_report(plan, inputs)
    out = args.out or ("panel-report.pdf" if args.pdf else "panel-report.docx")
    written = save(doc, out, RenderOptions(public=not args.full), format="pdf" if args.pdf else None)
    data: dict[str, object] = {"written": str(written), "public": not args.full, "title": doc.meta.title}
    return Output(data=data, text=f"wrote {written}")


def _configure_dates(parser: argparse.ArgumentParser) -> None:
    _subcommands(parser, DATES, "which")


COMMANDS: tuple[Command, ...] = (
    Command(
        name="timeline",
        help="a term's statutory timeline, from the poll",
        configure=_configure_timeline,
        run=_run_timeline,
    ),
    Command(name="dates", help="one statutory date", configure=_configure_dates),
    Command(
        name="report",
        help="write the report to the Panel on a draft plan (.docx, or a tagged PDF with --pdf)",
        configure=_configure_report,
        run=_run_report,
    ),
    Command(
        name="text",
        help="the text of a Word document as a reader sees it, numbers included (--json: its tree)",
        configure=_configure_file,
        run=_run_text,
    ),
    Command(
        name="a11y",
        help="check a Word document for accessibility (WCAG 2.1 AA); exit status 1 on findings",
        configure=_configure_file,
        run=_run_a11y,
    ),
)
"""The top-level subcommands: one row each; a row with no `run` holds subcommands of its own."""


def _subcommands(parser: argparse.ArgumentParser, commands: Sequence[Command], dest: str) -> None:
    sub = parser.add_subparsers(
        dest=dest, required=True, metavar="{" + ",".join(c.name for c in commands) + "}"
    )
    for command in commands:
        child = sub.add_parser(command.name, help=command.help, description=command.help)
        command.configure(child)
        if command.run is not None:
            child.add_argument("--json", action="store_true", help="print one JSON object, nothing else")
            child.set_defaults(run=command.run)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand in `COMMANDS`."""
    parser = _Parser(prog=PROG, description="Police and crime plans and the statutory timetable.")
    _subcommands(parser, COMMANDS, "command")
    return parser


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def main(argv: list[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit status.

    0: done; 1: ``pccplan a11y`` found something; 2: a bad argument, a date the law refuses, or
    a file that cannot be read or written (one line on stderr).
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        output: Output = args.run(args)
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    except _UsageError as error:
        print(_one_line(error), file=sys.stderr)
        return 2
    except (PccplanError, ValueError, OverflowError) as error:
        print(f"{PROG}: error: {_one_line(error)}", file=sys.stderr)
        return 2
    try:
        if not args.json:
            for warning in output.warnings:
                print(f"{PROG}: {' '.join(warning.split())}", file=sys.stderr)
        print(json.dumps(output.data, indent=2, ensure_ascii=False) if args.json else output.text)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (e.g. ``head``) stopped reading: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # as the Python docs advise
    return output.status
