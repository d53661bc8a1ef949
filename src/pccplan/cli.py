"""The ``pccplan`` command line: parse the arguments, call the library, print a table or JSON.

Each subcommand is a small function registered in one table (`COMMANDS`, and `DATES` for
``pccplan dates ...``), so adding one means writing its function and adding a row. With
``--json`` nothing but one JSON object goes to stdout, with stable keys and ISO 8601 dates.
A bad argument prints one line on stderr and exits with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

# Each subcommand imports what it needs when it runs, and the parser configures only the
# subcommand asked for: `pccplan --help` loads no rules, and `pccplan timeline` no renderer.
# The two records below are named tuples, not attrs classes, and the errors are imported when
# one is raised, so that `pccplan --help` does not load attrs (half its time).
if TYPE_CHECKING:
    from pathlib import Path

    from pccplan.compose.tree import Document
    from pccplan.model.kinds import DocumentKind
    from pccplan.render.options import AttachedDocument
    from pccplan.statute.steps import DatedStep

__all__ = ["COMMANDS", "DATES", "FORM", "Command", "Output", "main"]

PROG = "pccplan"


class _UsageError(Exception):
    """A bad command line: shown as one line, exit status 2."""


def _columns() -> int:
    """The terminal's width in columns, as `shutil.get_terminal_size` gives it (80 when unknown).

    Written out here because argparse makes a help formatter for every argument it adds, and
    its formatter imports shutil for this, with the compression modules shutil loads: a few
    milliseconds of every command, for a number only ``--help`` and a usage line print.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no stdout, or not a terminal
        return 80


class _Formatter(argparse.HelpFormatter):
    """argparse's own help formatter, given the terminal's width as it would find it (`_columns`)."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(
            prog, indent_increment, max_help_position, _columns() - 2 if width is None else width
        )


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of printing usage and exiting, so `main` owns the output."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)  # the subcommands' parsers are made here too
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


class Output(NamedTuple):
    """What a subcommand produced: `data` for ``--json``, `text` for people, and the exit `status`.

    `warnings` go to stderr, one line each, when the output is `text` (with ``--json`` they
    are part of `data`). `status` is 0 when all is well; ``pccplan a11y`` uses 1 for findings.
    """

    data: dict[str, object]
    text: str
    status: int = 0
    warnings: tuple[str, ...] = ()


class Command(NamedTuple):
    """A subcommand: its `name`, one-line `help`, how it adds its arguments and what it runs.

    A group such as ``pccplan dates`` has no `run` and no `configure`, only `subcommands`.
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None] | None = None
    run: Callable[[argparse.Namespace], Output] | None = None
    subcommands: tuple[Command, ...] = ()


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
    parser.add_argument(
        "--declared", type=_date, help="for a by-election or London: the day the result was declared"
    )
    parser.add_argument(
        "--law",
        choices=("current", "announced"),
        default="current",
        help="answer under current law (default; dates resting on the announced 2028 abolition of PCCs "
        "are marked) or as announced (no PCC poll in 2028)",
    )


def _run_timeline(args: argparse.Namespace) -> Output:
    from pccplan.model.area import find_area
    from pccplan.statute.timeline import timeline

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
        law=args.law,
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
    warnings = tuple(f"warning: {w}" for w in found.warnings)  # GOV-1: stderr, one line each
    return Output(data=data, text=text, warnings=warnings)


# -- pccplan dates ... --------------------------------------------------------------------------


def _configure_precept(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=_year, required=True, help="the year the precept year starts (2025)")


def _run_precept(args: argparse.Namespace) -> Output:
    from pccplan.statute.precept import precept_timetable

    found = precept_timetable(args.year)
    return Output(
        data=found.to_json(), text=f"Precept for {found.precept_year.label}\n\n" + _steps_table(found.steps)
    )


def _configure_agenda(parser: argparse.ArgumentParser) -> None:
    from pccplan.model.area import Nation

    parser.add_argument("--meeting", type=_date, required=True, help="the day of the Panel meeting")
    parser.add_argument("--nation", choices=[n.value for n in Nation], default=Nation.ENGLAND.value)
    parser.add_argument("--clear-days", type=_positive, help="override the number of clear days")
    parser.add_argument(
        "--calendar-days", action="store_true", help="count calendar, not working, clear days"
    )


def _run_agenda(args: argparse.Namespace) -> Output:
    from pccplan.model.area import Nation
    from pccplan.statute.meetings import publish_by

    nation = Nation(args.nation)
    step = publish_by(args.meeting, nation, clear_days=args.clear_days, working_days=not args.calendar_days)
    data: dict[str, object] = {
        "meeting": args.meeting.isoformat(),
        "nation": nation.value,
        "working_days": not args.calendar_days,
    }
    return _step_output("publish_by", step, data)


def _configure_hmicfrs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--published", type=_date, required=True, help="the day the report was published")


def _run_hmicfrs(args: argparse.Namespace) -> Output:
    from pccplan.statute.inspection import comments_by

    step = comments_by(args.published)
    return _step_output("comments_by", step, {"published": args.published.isoformat()})


def _configure_confirmation(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--received", type=_date, required=True, help="the day the Panel was notified")
    parser.add_argument("--poll", type=_date, help="an ordinary poll whose post-election period intervenes")
    parser.add_argument("--accepted", type=_date, help="the day the new PCC's acceptance of office was made")


def _run_confirmation(args: argparse.Namespace) -> Output:
    from pccplan.statute.confirmation import report_by

    step = report_by(args.received, poll=args.poll, accepted=args.accepted)
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


# -- pccplan text, pccplan a11y ----------------------------------------------------------------


def _configure_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a Word document (.docx)")


def _run_text(args: argparse.Namespace) -> Output:
    from pccplan.read import read_docx, tree_as_json

    result = read_docx(args.file)
    data: dict[str, object] = {
        "file": args.file,
        "document": tree_as_json(result.document),
        "warnings": result.warnings.to_json(),
    }
    return Output(data=data, text=result.text, warnings=tuple(f"warning: {w}" for w in result.warnings))


def _run_a11y(args: argparse.Namespace) -> Output:
    from pccplan.a11y import check_accessibility

    findings = check_accessibility(args.file)
    data: dict[str, object] = {
        "file": args.file,
        "passed": not findings,
        "findings": findings.to_json(),
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


def _summary(doc: Document) -> str:
    """'7 sections, 18 numbered paragraphs, 1 table': what a written document holds."""
    from pccplan.compose.tree import Paragraph, Section, Table
    from pccplan.compose.walk import iter_nodes

    nodes = list(iter_nodes(doc))
    counts = (
        (sum(isinstance(n, Section) for n in nodes), "section"),
        (sum(isinstance(n, Paragraph) and n.numbered for n in nodes), "numbered paragraph"),
        (sum(isinstance(n, Table) for n in nodes), "table"),
    )
    return ", ".join(f"{n} {what}{'s' if n != 1 else ''}" for n, what in counts if n)


def _configure_output(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument(
        "-o", "--out", help=f"the file to write (default: {default}.docx); .md, .html or .pdf by its suffix"
    )
    parser.add_argument("--pdf", action="store_true", help="write a tagged PDF (needs LibreOffice)")
    parser.add_argument("--template", help="your own reference .docx: its styles, page set-up, header, logo")
    parser.add_argument(
        "--full", action="store_true", help="keep exempt parts, marked (for members; not for publication)"
    )


def _write(
    doc: Document,
    args: argparse.Namespace,
    default: str,
    what: str,
    appendices: Sequence[AttachedDocument] = (),
) -> Output:
    from pccplan.render import RenderOptions, save

    out = args.out or (f"{default}.pdf" if args.pdf else f"{default}.docx")
    options = RenderOptions(
        public=not args.full,
        template=args.template,
        appendices=appendices,
    )
    written = save(doc, out, format="pdf" if args.pdf else None, options=options)
    summary = _summary(doc)
    data: dict[str, object] = {
        "written": str(written),
        "document": default,
        "title": doc.meta.title,
        "public": not args.full,
        "bytes": written.stat().st_size,
        "summary": summary,
    }
    return Output(data=data, text=f"wrote {written}: {what}, {summary}")


# -- pccplan example ----------------------------------------------------------------------------


def _configure_example(parser: argparse.ArgumentParser) -> None:
    _configure_output(parser, "panel-report")


def _run_example(args: argparse.Namespace) -> Output:
    from pccplan.examples import example_panel_report

    what = "the report to the Cambridgeshire Police and Crime Panel on the draft plan of 2016"
    return _write(example_panel_report(), args, "panel-report", what)


# -- pccplan new --------------------------------------------------------------------------------


def _configure_new(parser: argparse.ArgumentParser) -> None:
    from pccplan.examples import STARTERS

    parser.add_argument("file", help="the file to write, e.g. plan.yaml")
    parser.add_argument(
        "--kind", choices=STARTERS, default="plan", help="what the file describes (default: plan)"
    )
    parser.add_argument("--force", action="store_true", help="replace the file if it exists")


def _write_new(command: str, file: str, text: str, *, force: bool) -> Path:
    """Write a starter file `text` to `file`, refusing to replace one unless `force` is set."""
    from pathlib import Path

    from pccplan.atomic import write_atomic
    from pccplan.errors import PlanFileError, Problem

    target = Path(file)
    if target.exists() and not force:
        raise _UsageError(f"{PROG} {command}: {target} exists already; pass --force to replace it")
    try:
        return write_atomic(target, text.encode("utf-8"))
    except OSError as error:  # a missing or read-only folder, a full disk: one line, exit 2
        raise PlanFileError(
            str(target), [Problem(path="", reason=f"cannot write the file: {error.strerror}")]
        ) from error


def _run_new(args: argparse.Namespace) -> Output:
    from pccplan.examples import starter

    target = _write_new("new", args.file, starter(args.kind), force=args.force)
    data: dict[str, object] = {"written": str(target), "kind": args.kind}
    follow = (
        f"pccplan check {target}"
        if args.kind == "plan"
        else f"pccplan render PLAN.yaml --document {args.kind} --with {target}"
    )
    return Output(data=data, text=f"wrote {target}: a starter {args.kind} file; fill it in, then: {follow}")


def _configure_with(parser: argparse.ArgumentParser, what: str) -> None:
    """``--with FILE``, repeatable: the files beside the plan (`args.inputs`)."""
    parser.add_argument(
        "--with", dest="inputs", action="append", default=[], metavar="FILE", help=f"{what}: repeat as needed"
    )


# -- pccplan check ------------------------------------------------------------------------------


def _configure_check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", help="the plan file (YAML or JSON)")
    parser.add_argument(
        "--today", type=_date, help="check an unissued plan against its deadline as on this day"
    )
    _configure_with(parser, "a document's content file, whose Panel name is checked against the area too")


def _run_check(args: argparse.Namespace) -> Output:
    from pccplan.files import load
    from pccplan.model.kinds import panel_named
    from pccplan.model.plan import Plan
    from pccplan.statute.naming import check_naming
    from pccplan.statute.process import Findings, Severity, check_plan

    plan = load(args.plan, Plan)
    panels = [name for name in (panel_named(load(path)) for path in args.inputs) if name is not None]
    # The law's findings, then the naming warnings (title, body kind and Panel against the area on the day).
    findings = Findings((*check_plan(plan, today=args.today), *check_naming(plan, panels=panels)))
    count = {s: sum(f.severity is s for f in findings) for s in Severity}
    data: dict[str, object] = {
        "file": args.plan,
        "passed": count[Severity.BREACH] == 0,
        "breaches": count[Severity.BREACH],
        "warnings": count[Severity.WARNING],
        "notes": count[Severity.NOTE],
        "findings": findings.to_json(),
    }
    head = (
        f"{args.plan}: {count[Severity.BREACH]} breach(es), {count[Severity.WARNING]} warning(s), "
        f"{count[Severity.NOTE]} note(s)"
    )
    rows = [("Severity", "Rule", "Finding", "Source")]
    rows += [(f.severity.value, f.rule, f.message, f.citation.text) for f in findings]
    text = head if not findings else head + "\n\n" + _table(rows)
    return Output(data=data, text=text, status=1 if count[Severity.BREACH] else 0)


# -- pccplan render -----------------------------------------------------------------------------


def _configure_render(parser: argparse.ArgumentParser) -> None:
    from pccplan.model.kinds import DOCUMENTS

    parser.add_argument("plan", help="the plan file (YAML or JSON)")
    parser.add_argument(
        "--document", required=True, choices=[d.name for d in DOCUMENTS], help="which document to write"
    )
    _configure_with(parser, "a file of the document's own content (its kind says which)")
    _configure_output(parser, "DOCUMENT")
    parser.add_argument(
        "--attach",
        action="append",
        default=[],
        metavar="LABEL=FILE.docx",
        help="attach a further Word file after the body as 'Appendix LABEL': repeat as needed "
        "(appendices the content file names are attached without it)",
    )


def _run_render(args: argparse.Namespace) -> Output:
    from pccplan.compose.documents import compose_document
    from pccplan.files import load
    from pccplan.model.kinds import document_kind
    from pccplan.model.plan import Plan

    document = document_kind(args.document)
    plan = load(args.plan, Plan)
    doc = compose_document(document.name, plan, _given(args, document, "render"))
    return _write(doc, args, document.name, document.description, appendices=_attached(args.attach, doc))


def _attached(given: Sequence[str], doc: Document) -> list[AttachedDocument]:
    """The ``--attach LABEL=FILE.docx`` appendices, refusing a label the document attaches already."""
    from pathlib import Path

    from pccplan.compose.tree import AttachedFile
    from pccplan.compose.walk import iter_nodes
    from pccplan.render.options import AttachedDocument

    taken = {n.label for n in iter_nodes(doc) if isinstance(n, AttachedFile)}
    out: list[AttachedDocument] = []
    for value in given:
        label, _, file = value.partition("=")
        label, file = label.strip(), file.strip()
        if not label or not file.lower().endswith(".docx"):
            raise _UsageError(f"{PROG} render: --attach {value}: give LABEL=FILE.docx, e.g. B=budget.docx")
        if label in taken:
            raise _UsageError(
                f"{PROG} render: --attach {value}: the document attaches Appendix {label} already"
            )
        taken.add(label)
        out.append(AttachedDocument(title=f"Appendix {label}", source=Path(file)))
    return out


def _given(args: argparse.Namespace, document: DocumentKind, command: str) -> dict[str, object]:
    """The `--with` files of a command, by kind, checked against what `document` needs and may use."""
    from pccplan.examples import STARTERS
    from pccplan.files import kind_of, load

    given: dict[str, object] = {}
    for path in args.inputs:
        obj = load(path)
        kind = kind_of(type(obj))
        if kind not in document.needs + document.uses:
            uses = ", ".join(document.needs + document.uses) or "no other file"
            raise _UsageError(
                f"{PROG} {command}: {path} holds a {kind}; --document {document.name} uses {uses}"
            )
        given[kind] = obj
    for kind in document.needs:
        if kind not in given:
            hint = f"; 'pccplan new FILE --kind {kind}' writes a starter" if kind in STARTERS else ""
            needs = f"--document {document.name} needs a file of kind {kind}"
            raise _UsageError(f"{PROG} {command}: {needs} (add --with FILE{hint})")
    return given


# -- pccplan compare ----------------------------------------------------------------------------


def _configure_compare(parser: argparse.ArgumentParser) -> None:
    from pccplan.model.kinds import DOCUMENTS

    parser.add_argument("old", help="the draft: a plan file (YAML or JSON) or a Word document (.docx)")
    parser.add_argument("new", help="the final: a plan file or a Word document, as the draft is")
    parser.add_argument(
        "--document",
        default="plan",
        choices=[d.name for d in DOCUMENTS],
        help="which document to compose from each plan file (default: plan)",
    )
    parser.add_argument(
        "--with", dest="inputs", action="append", default=[], metavar="FILE", help="as for render"
    )
    parser.add_argument("--author", help="who made the changes (default: the new document's author)")
    parser.add_argument(
        "--date",
        type=_date,
        help="the day of the changes (default: the new plan's issue day or document date)",
    )
    parser.add_argument(
        "-o", "--out", default="changes.docx", help="the file to write (default: changes.docx)"
    )
    parser.add_argument(
        "--full", action="store_true", help="keep exempt parts, marked (for members; not for publication)"
    )


def _compared(path: str, args: argparse.Namespace) -> tuple[Document, dt.date | None]:
    """The tree of one side of a comparison and its date: read from a .docx, or composed from a plan."""
    if path.lower().endswith(".docx"):
        from pccplan.read import read_docx

        doc = read_docx(path).document
        return doc, doc.meta.date
    from pccplan.compose.documents import compose_document
    from pccplan.files import load
    from pccplan.model.kinds import document_kind
    from pccplan.model.plan import Plan

    document = document_kind(args.document)
    plan = load(path, Plan)
    return compose_document(document.name, plan, _given(args, document, "compare")), plan.issued


def _run_compare(args: argparse.Namespace) -> Output:
    from pccplan.atomic import write_atomic
    from pccplan.compose.compare import compare_trees
    from pccplan.render.docx.redline import compare
    from pccplan.render.options import RenderOptions

    old, _ = _compared(args.old, args)
    new, new_date = _compared(args.new, args)
    date = args.date or new_date
    if date is None:
        raise _UsageError(
            f"{PROG} compare: {args.new} records no date for the changes; give --date YYYY-MM-DD"
        )
    author = args.author or new.meta.author
    options = RenderOptions(public=not args.full)
    written = write_atomic(args.out, compare(old, new, author=author, date=date, options=options))
    comparison = compare_trees(old, new, public=not args.full)
    data: dict[str, object] = {
        "written": str(written),
        "author": author,
        "date": date.isoformat(),
        "public": not args.full,
        "bytes": written.stat().st_size,
        "summary": comparison.summary(),
        "changes": [c.to_json() for c in comparison.changes],
    }
    what = f"{args.new} against {args.old} as tracked changes by {author}"
    return Output(data=data, text=f"wrote {written}: {what}; {comparison.summary()}")


# -- pccplan form ... ---------------------------------------------------------------------------


def _configure_form_new(parser: argparse.ArgumentParser) -> None:
    from pccplan.forms import BUILTIN_FORMS

    parser.add_argument(
        "--body", choices=BUILTIN_FORMS, default="pcc", help="the kind of body whose form to start from"
    )
    parser.add_argument("-o", "--out", default="form.yaml", help="the file to write (default: form.yaml)")
    parser.add_argument("--force", action="store_true", help="replace the file if it exists")


def _run_form_new(args: argparse.Namespace) -> Output:
    from pccplan.forms import starter_form

    target = _write_new("form new", args.out, starter_form(args.body), force=args.force)
    data: dict[str, object] = {"written": str(target), "body": args.body}
    follow = f"pccplan render PLAN.yaml --document DOCUMENT --with FILE --with {target}"
    return Output(
        data=data, text=f"wrote {target}: the built-in {args.body} house form; edit it, then: {follow}"
    )


def _configure_form_check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a house form file (YAML or JSON)")


def _run_form_check(args: argparse.Namespace) -> Output:
    from pccplan.forms import load_form

    form = load_form(args.file)
    documents = {d.kind: list(d.keys) for d in form.documents}
    data: dict[str, object] = {
        "file": args.file,
        "name": form.name,
        "body": form.body.value,
        "documents": documents,
    }
    rows = [("Document", "Parts, in order")] + [(kind, ", ".join(keys)) for kind, keys in documents.items()]
    head = (
        f"{args.file}: the house form {form.name!r} ({form.body.value}), naming {form.naming.commissioner!r}"
    )
    return Output(data=data, text=head + "\n\n" + _table(rows))


FORM: tuple[Command, ...] = (
    Command(
        name="new",
        help="write a built-in house form (parts, headings, naming) to edit as your office's own",
        configure=_configure_form_new,
        run=_run_form_new,
    ),
    Command(
        name="check",
        help="load a house form and list its documents' parts; exit 2 naming each field that is wrong",
        configure=_configure_form_check,
        run=_run_form_check,
    ),
)
"""The ``pccplan form`` subcommands: one row each."""


COMMANDS: tuple[Command, ...] = (
    Command(
        name="timeline",
        help="a term's statutory timeline, from the poll",
        configure=_configure_timeline,
        run=_run_timeline,
    ),
    Command(name="dates", help="one statutory date", subcommands=DATES),
    Command(name="form", help="house forms: how your office writes its documents", subcommands=FORM),
    Command(
        name="example",
        help="write the built-in example: the report to the Panel on the Cambridgeshire plan of 2016",
        configure=_configure_example,
        run=_run_example,
    ),
    Command(
        name="new",
        help="write a commented starter plan file (or panel-report file) that loads as it is",
        configure=_configure_new,
        run=_run_new,
    ),
    Command(
        name="check",
        help="check a plan file against s.7(1) and, where it records the process, s.5; exit 1 on a breach",
        configure=_configure_check,
        run=_run_check,
    ),
    Command(
        name="render",
        help="write a document from a plan file: panel-report, decision-notice, response, plan, ...",
        configure=_configure_render,
        run=_run_render,
    ),
    Command(
        name="compare",
        help="a Word document of the changes from a draft to a final, as tracked changes (s.5(8))",
        configure=_configure_compare,
        run=_run_compare,
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


def _subcommands(
    parser: argparse.ArgumentParser, commands: Sequence[Command], dest: str, argv: Sequence[str] | None
) -> None:
    """Add `commands` to `parser`, configuring only those named in `argv` (all when it is None).

    Configuring a subcommand can import what its options list (such as the nations), so the
    others are left as a name and a help line: enough for ``--help`` and for a bad choice.
    """
    sub = parser.add_subparsers(
        dest=dest, required=True, metavar="{" + ",".join(c.name for c in commands) + "}"
    )
    for command in commands:
        child = sub.add_parser(command.name, help=command.help, description=command.help)
        if argv is not None and command.name not in argv:
            continue
        if command.subcommands:
            _subcommands(child, command.subcommands, "which", argv)
        if command.configure is not None:
            command.configure(child)
        if command.run is not None:
            child.add_argument("--json", action="store_true", help="print one JSON object, nothing else")
            child.set_defaults(run=command.run)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser for the subcommands in `COMMANDS`: all of them, or those `argv` names."""
    parser = _Parser(prog=PROG, description="Police and crime plans and the statutory timetable.")
    _subcommands(parser, COMMANDS, "command", argv)
    return parser


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def main(argv: list[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit status.

    0: done; 1: ``pccplan check`` found a breach or ``pccplan a11y`` a fault; 2: a bad argument,
    a date the law refuses, or a file that cannot be read or written (one line on stderr).
    """
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
        output: Output = args.run(args)
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    except _UsageError as error:
        print(_one_line(error), file=sys.stderr)
        return 2
    except Exception as error:
        from pccplan.errors import PccplanError

        if isinstance(error, PccplanError | ValueError | OverflowError):
            print(f"{PROG}: error: {_one_line(error)}", file=sys.stderr)
            return 2
        if isinstance(error, OSError):  # a file the library did not name itself: say which and why
            print(f"{PROG}: error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
            return 2
        raise
    try:
        if not args.json:
            for warning in output.warnings:
                print(f"{PROG}: {' '.join(warning.split())}", file=sys.stderr)
        if args.json:
            import json  # here: a date command without --json need not load it

            print(json.dumps(output.data, indent=2, ensure_ascii=False))
        else:
            print(output.text)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (e.g. ``head``) stopped reading: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # as the Python docs advise
    return output.status
