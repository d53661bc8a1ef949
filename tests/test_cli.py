"""Tests for the command line: its JSON contract, its tables and its one-line errors (in-process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import ROOT, docx_part

from pccplan.cli import COMMANDS, DATES, main
from pccplan.examples import STARTERS
from pccplan.model.kinds import DOCUMENTS

TIMELINE_KEYS = {
    "area",
    "poll",
    "takes_office",
    "term_ends",
    "plan_deadline",
    "plan_period_end",
    "latest_start",
    "new_plan_required",
    "steps",
}
STEP_KEYS = {"rule", "title", "date", "citation", "url", "confidence"}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main([*argv, "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def run_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert "Traceback" not in err
    return err


def test_timeline_2016_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "timeline", "--poll", "2016-05-05")
    assert set(data) >= TIMELINE_KEYS
    assert data["area"] is None
    assert (data["takes_office"], data["term_ends"], data["plan_deadline"]) == (
        "2016-05-12",
        "2021-05-12",
        "2017-03-31",
    )
    assert (data["plan_period_end"], data["latest_start"]) == ("2021-03-31", "2017-04-01")
    assert data["plan_period_confidence"] == "U"
    assert data["new_plan_required"] is True
    steps = data["steps"]
    assert isinstance(steps, list)
    assert all(set(step) >= STEP_KEYS for step in steps)
    dates = [step["date"] for step in steps]
    assert dates == sorted(dates)


def test_timeline_area_by_name_any_case(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "timeline", "--poll", "2024-05-02", "--area", "SOUTH YORKSHIRE")
    assert (data["area"], data["takes_office"], data["kind"]) == ("south-yorkshire", "2024-05-07", "mayoral")


def test_timeline_issued_early_changes_nothing_but_the_start(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "timeline", "--poll", "2021-05-06", "--issued", "2021-11-30")
    assert (data["plan_period_start"], data["plan_period_end"]) == ("2021-11-30", "2025-03-31")


def test_timeline_with_a_meeting_adds_the_review_steps(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys, "timeline", "--poll", "2024-05-02", "--meeting", "2025-01-17", "--response-days", "14"
    )
    rules = {step["rule"] for step in data["steps"]}  # type: ignore[attr-defined]
    assert {"MTG-1", "PANEL-1", "PANEL-3", "PLAN-8"} <= rules


def test_timeline_by_election_has_no_plan_deadline(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "timeline", "--poll", "2019-02-28")
    assert data["kind"] == "by-election"
    assert (data["plan_deadline"], data["new_plan_required"], data["plan_period_end"]) == (None, False, None)


def test_timeline_table_without_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--poll", "2016-05-05"]) == 0
    out = capsys.readouterr().out
    assert "Takes office     2016-05-12" in out
    assert "UNVERIFIED" in out
    assert "non-working day" in out


def test_dates_precept(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "dates", "precept", "--year", "2025")
    assert {
        k: data[k] for k in ("notify_by", "panel_report_by", "revised_precept_by", "second_report_by")
    } == {
        "notify_by": "2025-02-01",
        "panel_report_by": "2025-02-08",
        "revised_precept_by": "2025-02-15",
        "second_report_by": "2025-02-22",
    }
    assert data["issue_before"] == "2025-03-01"


@pytest.mark.parametrize(("nation", "expected"), [("england", "2024-05-09"), ("wales", "2024-05-13")])
def test_dates_agenda(capsys: pytest.CaptureFixture[str], nation: str, expected: str) -> None:
    data = run_json(capsys, "dates", "agenda", "--meeting", "2024-05-17", "--nation", nation)
    assert data["publish_by"] == expected


def test_dates_agenda_calendar_days(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "dates", "agenda", "--meeting", "2024-05-17", "--calendar-days")
    assert data["publish_by"] == "2024-05-11"
    assert data["step"]["non_working_day"] is True  # type: ignore[index]


def test_dates_hmicfrs(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "dates", "hmicfrs", "--published", "2024-01-01")["comments_by"] == "2024-02-25"


def test_dates_confirmation(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "dates", "confirmation", "--received", "2024-06-03")["report_by"] == "2024-06-23"
    data = run_json(
        capsys,
        "dates",
        "confirmation",
        "--received",
        "2024-04-20",
        "--poll",
        "2024-05-02",
        "--accepted",
        "2024-05-09",
    )
    assert data["report_by"] == "2024-05-18"


def test_dates_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dates", "agenda", "--meeting", "2024-05-17"]) == 0
    assert "Thursday 09 May 2024" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["timeline", "--poll", "2024-13-01"], "not a date in the form YYYY-MM-DD: '2024-13-01'"),
        (["timeline", "--poll", "2024-05-02", "--area", "south yorks"], "did you mean 'south-yorkshire'"),
        (
            ["timeline", "--poll", "2024-05-02", "--area", "City of London"],
            "has no police and crime commissioner",
        ),
        (["timeline", "--poll", "2016-05-05", "--starts", "2017-04-02"], "not a qualifying day (PLAN-9"),
        (
            ["timeline", "--poll", "2016-05-05", "--issued", "2016-05-06"],
            "before the commissioner takes office",
        ),
        (["timeline", "--poll", "2010-05-06"], "before the first PCC election"),
        (["timeline"], "the following arguments are required: --poll"),
        ([], "the following arguments are required"),
        (["dates"], "the following arguments are required"),
        (["dates", "precept", "--year", "twenty"], "not a year"),
        (["dates", "precept", "--year", "1999"], "precept year 1999"),
        (
            ["dates", "agenda", "--meeting", "2024-05-17", "--nation", "scotland"],
            "invalid choice: 'scotland'",
        ),
        (["dates", "confirmation", "--received", "2024-04-20", "--poll", "2024-05-02"], "or neither (CC-1)"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert message in run_error(capsys, *argv)


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "timeline" in capsys.readouterr().out


def test_every_command_is_in_one_table() -> None:
    assert [c.name for c in COMMANDS] == [
        "timeline",
        "dates",
        "form",
        "example",
        "new",
        "check",
        "render",
        "compare",
        "text",
        "a11y",
    ]
    assert [c.name for c in DATES] == ["precept", "agenda", "hmicfrs", "confirmation"]


# ---------------------------------------------------------------- pccplan text, a11y, report


def _write_docx(path: Path, doc: object) -> Path:
    from pccplan.render import save

    return save(doc, path)  # type: ignore[arg-type]


def _report_tree() -> object:
    from pccplan.compose import document, numbered, section, table

    return document(
        section("Purpose", numbered("To present the plan."), numbered=True),
        section("Money", table(rows=[["Policing", "£1"], ["Grants", "£2"]]), numbered=True),
        title="Report",
        author="Office",
    )


def test_text_prints_what_a_reader_sees_numbers_included(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write_docx(tmp_path / "report.docx", _report_tree())
    assert main(["text", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == "1. Purpose\n1.1 To present the plan.\n2. Money\nPolicing\n£1\nGrants\n£2\n"
    assert err == ""


def test_text_json_is_the_tree_and_nothing_else(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _write_docx(tmp_path / "report.docx", _report_tree())
    data = run_json(capsys, "text", str(path))
    assert data["file"] == str(path)
    assert data["warnings"] == []
    document = data["document"]
    assert isinstance(document, dict)
    assert document["type"] == "Document"
    assert [b["title"] for b in document["blocks"]] == ["Purpose", "Money"]


def test_text_warns_on_stderr_about_what_it_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.read.wordfiles import python_docx_document

    path = tmp_path / "colleague.docx"
    path.write_bytes(python_docx_document())
    assert main(["text", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "• Anti-social behaviour" in out
    assert "pccplan: warning: paragraph 12: a picture without alt text skipped" in err


def test_a11y_exit_status_is_0_when_clean_and_1_on_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import pccplan

    clean = _write_docx(tmp_path / "clean.docx", pccplan.example_panel_report())
    assert main(["a11y", str(clean)]) == 0
    assert capsys.readouterr().out == f"{clean}: no accessibility findings\n"
    faulty = _write_docx(tmp_path / "faulty.docx", _report_tree())
    assert main(["a11y", str(faulty)]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == f"{faulty}: 1 accessibility finding"
    assert lines[1].startswith('- table 1 "Policing": this table has no header row (WCAG 2.1 1.3.1')
    assert lines[2].startswith("  Fix: Click in the first row")


def test_a11y_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    faulty = _write_docx(tmp_path / "faulty.docx", _report_tree())
    assert main(["a11y", str(faulty), "--json"]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    data = json.loads(out)
    assert data["passed"] is False
    (finding,) = data["findings"]
    # The family's keys first (pccplan.finding), then the accessibility finding's own.
    assert list(finding) == [
        "code",
        "severity",
        "message",
        "where",
        "rule",
        "criterion",
        "quote",
        "problem",
        "fix",
    ]
    assert finding["rule"] == finding["code"] == "table-header"


@pytest.mark.parametrize("command", ["text", "a11y"])
def test_a_file_that_is_not_a_docx_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    bad = tmp_path / "notes.docx"
    bad.write_text("not a Word file", encoding="utf-8")
    err = run_error(capsys, command, str(bad))
    assert err.startswith(f"pccplan: error: {bad}: not a .docx")
    err = run_error(capsys, command, str(tmp_path / "missing.docx"))
    assert "cannot read the file" in err


def _plan_files() -> tuple[str, str]:
    from tests.conftest import ROOT

    return (
        str(ROOT / "examples" / "cambridgeshire-2016.yaml"),
        str(ROOT / "examples" / "cambridgeshire-2016-panel-report.yaml"),
    )


def test_render_panel_report_writes_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan, inputs = _plan_files()
    out = tmp_path / "report.docx"
    data = run_json(capsys, "render", plan, "--document", "panel-report", "--with", inputs, "--out", str(out))
    assert data["written"] == str(out)
    assert data["document"] == "panel-report"
    assert data["public"] is True
    assert data["summary"] == "7 sections, 18 numbered paragraphs"
    assert out.read_bytes()[:2] == b"PK"


def test_render_pdf_without_libreoffice_names_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, inputs = _plan_files()
    monkeypatch.setenv("PATH", str(tmp_path))
    err = run_error(
        capsys,
        "render",
        plan,
        "--document",
        "panel-report",
        "--with",
        inputs,
        "--pdf",
        "-o",
        str(tmp_path / "r.pdf"),
    )
    assert "LibreOffice (the 'soffice' command) is not installed" in err
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.slow
def test_render_pdf_is_tagged(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.conftest import require_program

    require_program("soffice")
    plan, inputs = _plan_files()
    argv = ["render", plan, "--document", "panel-report", "--with", inputs, "--pdf", "--full"]
    assert main([*argv, "--out", str(tmp_path / "r.pdf")]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {tmp_path / 'r.pdf'}: the report to the Panel")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_render_with_a_bad_plan_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "plan.yaml"
    bad.write_text("title: [unclosed", encoding="utf-8")
    _plan, inputs = _plan_files()
    err = run_error(capsys, "render", str(bad), "--document", "panel-report", "--with", inputs)
    assert str(bad) in err


# ---------------------------------------------------------------- pccplan example, new, check, render

EXAMPLES = ROOT / "examples"


def test_example_writes_the_built_in_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["example"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith("wrote panel-report.docx: the report to the Cambridgeshire Police and Crime Panel")
    assert out.rstrip().endswith("7 sections, 18 numbered paragraphs")
    assert (tmp_path / "panel-report.docx").read_bytes()[:2] == b"PK"
    data = run_json(capsys, "example", "-o", "report.html")
    assert data["written"] == "report.html"
    assert "<title>" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_new_writes_a_starter_that_checks_and_refuses_to_overwrite(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    assert main(["new", str(plan)]) == 0
    assert f"pccplan check {plan}" in capsys.readouterr().out
    err = run_error(capsys, "new", str(plan))
    assert "exists already; pass --force" in err
    assert main(["new", str(plan), "--force", "--kind", "panel-report"]) == 0
    assert "kind: panel-report" in plan.read_text(encoding="utf-8")


def test_check_a_starter_plan_is_warnings_only_exit_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    assert main(["new", str(plan)]) == 0
    capsys.readouterr()
    data = run_json(capsys, "check", str(plan))
    assert data["passed"] is True
    assert (data["breaches"], data["warnings"]) == (0, 6)
    finding = data["findings"][0]  # type: ignore[index]
    assert list(finding) == ["code", "severity", "message", "where", "rule", "citation", "url", "confidence"]


def starter_in(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, area: str, title: str | None = None
) -> Path:
    """The `pccplan new` starter plan moved to `area` (and given `title`), its output swallowed."""
    plan = tmp_path / "plan.yaml"
    assert main(["new", str(plan)]) == 0
    text = plan.read_text(encoding="utf-8").replace("area: Cambridgeshire", f"area: {area}")
    if title is not None:
        text = text.replace("title: Police and Crime Commissioner", f"title: {title}")
    plan.write_text(text, "utf-8")
    capsys.readouterr()
    return plan


def naming_warnings(data: dict[str, object]) -> list[str]:
    findings = data["findings"]
    assert isinstance(findings, list)
    return [f["message"] for f in findings if f["rule"] == "NAME-1"]


@pytest.mark.parametrize(
    ("area", "title", "expected"),
    [
        # Another kind of body: a PFCC's title in an area with a PCC, a PCC's in a mayor's area.
        (
            "Cambridgeshire",
            "Police, Fire and Crime Commissioner",
            "'Police, Fire and Crime Commissioner' names a PFCC, but Cambridgeshire on 2 May 2024 had a "
            "PCC: expected 'Police and Crime Commissioner for Cambridgeshire'.",
        ),
        (
            "West Yorkshire",
            "Police, Fire and Crime Commissioner",
            "names a PFCC, but West Yorkshire on 2 May 2024 had a MAYOR: expected 'Mayor of West Yorkshire'.",
        ),
        # The right kind of body, styled otherwise than the area on the day.
        (
            "Staffordshire",
            "Staffordshire Commissioner for Police, Fire & Rescue and Crime",
            "'Staffordshire Commissioner for Police, Fire & Rescue and Crime' differs from Staffordshire's "
            "on 2 May 2024: 'Police, Fire and Crime Commissioner for Staffordshire'.",
        ),
        # Bug: a PCC's title typed in a PFCC area was taken for the default and silently restyled.
        (
            "Essex",
            "Police and Crime Commissioner",
            "'Police and Crime Commissioner' names a PCC, but Essex on 2 May 2024 had a PFCC: expected "
            "'Police, Fire and Crime Commissioner for Essex'.",
        ),
    ],
)
def test_check_warns_of_a_title_or_body_kind_the_area_did_not_have_on_the_day(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, area: str, title: str, expected: str
) -> None:
    plan = starter_in(capsys, tmp_path, area, title)
    data = run_json(capsys, "check", str(plan))
    assert data["passed"] is True  # a warning, never a breach: an office may style itself its own way
    [warning] = naming_warnings(data)
    assert expected in warning
    assert main(["check", str(plan)]) == 0
    out, err = capsys.readouterr()
    assert "warning   NAME-1" in out
    assert err == ""


@pytest.mark.parametrize(
    ("area", "resources", "reporting"),
    [
        (
            "West Yorkshire",
            "the financial and other resources the Mayor will provide to the chief constable",
            "how the chief constable will report to the Mayor on the provision of policing",
        ),
        (
            "London",
            "the financial and other resources MOPAC will provide to the Commissioner of Police of the "
            "Metropolis",
            "how the Commissioner of Police of the Metropolis will report to MOPAC on the provision of "
            "policing",
        ),
    ],
)
def test_check_names_the_office_the_area_had_in_its_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, area: str, resources: str, reporting: str
) -> None:
    """Issue 12: a mayor's or MOPAC's plan is not a PCC's, and the findings must not say so."""
    data = run_json(capsys, "check", str(starter_in(capsys, tmp_path, area)))
    findings = data["findings"]
    assert isinstance(findings, list)
    messages = [f["message"] for f in findings if f["rule"] == "PLAN-10"]
    assert f"The plan does not set out s.7(1)(c): {resources}." in messages
    assert f"The plan does not set out s.7(1)(d): {reporting}." in messages
    assert not any("PCC" in message for message in messages)


def test_check_of_a_pfcc_plan_with_no_title_is_silent_and_a_dump_adds_none(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    assert main(["new", str(plan)]) == 0
    text = plan.read_text(encoding="utf-8").replace("area: Cambridgeshire", "area: Essex")
    plan.write_text(text.replace("  title: Police and Crime Commissioner\n", ""), "utf-8")
    capsys.readouterr()
    assert naming_warnings(run_json(capsys, "check", str(plan))) == []


def test_check_with_a_document_warns_of_a_panel_name_the_area_did_not_have(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = str(EXAMPLES / "cambridgeshire-2021.yaml")
    assert naming_warnings(run_json(capsys, "check", plan)) == []
    minute, letter = tmp_path / "minute.yaml", EXAMPLES / "staffordshire-2024-panel-letter.yaml"
    assert main(["new", str(minute), "--kind", "panel-minute"]) == 0
    capsys.readouterr()
    # The starter names the Panel rightly; another area's letter does not, nor does a misspelt name.
    assert naming_warnings(run_json(capsys, "check", plan, "--with", str(minute))) == []
    text = minute.read_text(encoding="utf-8")
    minute.write_text(text.replace("Cambridgeshire Police and Crime Panel", "Cambs Police and Crime Panel"))
    found = naming_warnings(
        run_json(capsys, "check", plan, "--with", str(letter), "--with", str(minute), "--with", str(letter))
    )
    expected = (
        "differs from Cambridgeshire's on 30 November 2021: expected 'Cambridgeshire Police and Crime Panel'."
    )
    assert found == [
        f"The Panel 'Staffordshire Police, Fire and Crime Panel' {expected}",
        f"The Panel 'Cambs Police and Crime Panel' {expected}",
    ]


def test_check_with_a_response_checks_the_panel_of_the_report_it_answers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    response = tmp_path / "response.yaml"
    assert main(["new", str(response), "--kind", "response"]) == 0
    capsys.readouterr()
    text = response.read_text(encoding="utf-8")
    response.write_text(text.replace("panel: Cambridgeshire", "panel: Essex"), encoding="utf-8")
    found = naming_warnings(
        run_json(capsys, "check", str(EXAMPLES / "cambridgeshire-2021.yaml"), "--with", str(response))
    )
    assert found == [
        "The Panel 'Essex Police and Crime Panel' differs from Cambridgeshire's on 30 November 2021: "
        "expected 'Cambridgeshire Police and Crime Panel'."
    ]


def test_check_a_breach_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = (EXAMPLES / "cambridgeshire-2016.yaml").read_text(encoding="utf-8")
    late = tmp_path / "late.yaml"
    late.write_text(
        text + "process:\n  draft_sent_to_panel: 2017-02-01\n  plan_issued: 2017-04-03\n", "utf-8"
    )
    assert main(["check", str(late)]) == 1
    out, _ = capsys.readouterr()
    assert "breach" in out
    assert "PLAN-1" in out
    assert main(["check", str(late), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] is False


def test_check_bad_file_names_file_and_field(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "plan.yaml"
    bad.write_text("title: x\narea: Esex\ncommissioner: {name: A}\n", encoding="utf-8")
    err = run_error(capsys, "check", str(bad))
    assert str(bad) in err
    assert "area: no police area matches 'Esex'" in err


@pytest.mark.parametrize(
    ("document", "inputs", "summary"),
    [
        (
            "decision-notice",
            ["cambridgeshire-2021-decision-notice.yaml", "cambridgeshire-2021-response.yaml"],
            "section",
        ),
        ("panel-recommendations", ["cambridgeshire-2021-panel-recommendations.yaml"], "table"),
        ("response", ["cambridgeshire-2021-response.yaml"], "section"),
        ("plan", [], "table"),
        ("timetable", [], "table"),
    ],
)
def test_render_every_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, document: str, inputs: list[str], summary: str
) -> None:
    out = tmp_path / f"{document}.docx"
    withs = [arg for name in inputs for arg in ("--with", str(EXAMPLES / name))]
    plan = str(EXAMPLES / "cambridgeshire-2021.yaml")
    data = run_json(capsys, "render", plan, "--document", document, *withs, "-o", str(out))
    assert data["document"] == document
    assert summary in str(data["summary"])
    assert out.read_bytes()[:2] == b"PK"


def test_render_says_what_file_a_document_needs(capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(EXAMPLES / "cambridgeshire-2021.yaml")
    err = run_error(capsys, "render", plan, "--document", "response")
    assert "--document response needs a file of kind response (add --with FILE;" in err
    err = run_error(capsys, "render", plan, "--document", "panel-report")
    assert "'pccplan new FILE --kind panel-report' writes a starter" in err
    wrong = str(EXAMPLES / "cambridgeshire-2021-response.yaml")
    err = run_error(capsys, "render", plan, "--document", "plan", "--with", wrong)
    assert "holds a response; --document plan uses no other file" in err


@pytest.mark.parametrize("kind", [d.name for d in DOCUMENTS if d.content is not None])
def test_new_writes_a_starter_for_each_document_that_renders_with_the_starter_plan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    plan, content, out = tmp_path / "plan.yaml", tmp_path / f"{kind}.yaml", tmp_path / f"{kind}.docx"
    assert main(["new", str(plan)]) == 0
    assert main(["new", str(content), "--kind", kind]) == 0
    said = capsys.readouterr().out
    follow = f"pccplan render PLAN.yaml --document {kind} --with {content}"
    assert f"a starter {kind} file; fill it in, then: {follow}" in said
    assert f"pccplan render plan.yaml --document {kind} --with this-file.yaml" in content.read_text("utf-8")
    data = run_json(capsys, "render", str(plan), "--document", kind, "--with", str(content), "-o", str(out))
    assert data["document"] == kind
    assert out.read_bytes()[:2] == b"PK"


def test_the_documents_render_writes_are_the_table_of_documents(capsys: pytest.CaptureFixture[str]) -> None:
    # Newer versions of argparse quote each choice and older ones do not: compare without quotes.
    err = run_error(capsys, "render", "plan.yaml", "--document", "budget").replace("'", "")
    assert f"(choose from {', '.join(d.name for d in DOCUMENTS)})" in err
    err = run_error(capsys, "new", "x.yaml", "--kind", "budget").replace("'", "")
    assert f"(choose from {', '.join(STARTERS)})" in err


def test_render_with_a_template(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import docx

    template = tmp_path / "corporate.docx"
    corporate = docx.Document()
    corporate.styles["Heading 1"].font.name = "Georgia"
    corporate.save(str(template))
    plan = str(EXAMPLES / "cambridgeshire-2021.yaml")
    out = tmp_path / "plan.docx"
    run_json(capsys, "render", plan, "--document", "plan", "--template", str(template), "-o", str(out))
    import zipfile

    assert "Georgia" in zipfile.ZipFile(out).read("word/styles.xml").decode()


def test_every_command_has_useful_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("example", "new", "check", "render"):
        assert main([command, "--help"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("usage: pccplan " + command)
        assert "--json" in out


def test_timeline_2028_prints_a_warning_line_and_json_status(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 13 (GOV-1): dates resting on the announced abolition of PCCs are marked."""
    assert main(["timeline", "--poll", "2028-05-04"]) == 0
    captured = capsys.readouterr()
    assert "warning: announced change, not yet law" in captured.err
    data = run_json(capsys, "timeline", "--poll", "2028-05-04")
    assert data["status"] == "announced change, not yet law"
    assert data["warnings"]


def test_timeline_law_announced(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "timeline", "--poll", "2024-05-02", "--law", "announced")
    assert (data["law"], data["term_ends"]) == ("announced", "2028-05-10")
    assert main(["timeline", "--poll", "2028-05-04", "--law", "announced"]) == 2
    assert "no PCC poll on 2028-05-04" in capsys.readouterr().err


# ---------------------------------------------------------------- pccplan form, and the new shapes


def test_form_new_writes_a_built_in_form_and_refuses_to_overwrite(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from pccplan.forms import load_form

    out = tmp_path / "form.yaml"
    data = run_json(capsys, "form", "new", "--body", "pfcc", "-o", str(out))
    assert data == {"written": str(out), "body": "pfcc"}
    assert load_form(out).naming.commissioner == "the PFCC"
    assert main(["form", "new", "--body", "pfcc", "-o", str(out)]) == 2
    assert "exists already" in capsys.readouterr().err
    assert main(["form", "new", "--body", "police-authority"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_render_the_letter_and_the_table_with_a_house_form(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.conftest import ROOT

    plan = str(ROOT / "examples" / "cambridgeshire-2021.yaml")
    letter = tmp_path / "letter.yaml"
    staffs = (ROOT / "examples" / "staffordshire-2024-panel-letter.yaml").read_text(encoding="utf-8")
    letter.write_text(staffs.replace("Staffordshire", "Cambridgeshire"), encoding="utf-8")
    form = str(ROOT / "examples" / "staffordshire-form.yaml")
    out = tmp_path / "letter.docx"
    data = run_json(
        capsys,
        "render",
        plan,
        "--document",
        "panel-letter",
        "--with",
        str(letter),
        "--with",
        form,
        "--out",
        str(out),
    )
    assert data["document"] == "panel-letter"
    assert out.read_bytes()[:2] == b"PK"
    table = tmp_path / "table.yaml"
    wm = (ROOT / "examples" / "west-mercia-2013-response-table.yaml").read_text(encoding="utf-8")
    table.write_text(wm.replace("West Mercia Police", "Cambridgeshire Police"), encoding="utf-8")
    out = tmp_path / "table.docx"
    data = run_json(
        capsys, "render", plan, "--document", "response-table", "--with", str(table), "--out", str(out)
    )
    assert data["summary"].endswith("2 tables")
    assert main(["render", plan, "--document", "panel-letter", "--with", str(table)]) == 2
    assert "uses panel-letter, house-form" in capsys.readouterr().err


def test_render_the_report_in_an_offices_form(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from pccplan.forms import starter_form
    from pccplan.read import read_docx

    plan, inputs = _plan_files()
    form = tmp_path / "form.yaml"
    form.write_text(
        starter_form("pcc").replace("heading: Next Steps", "heading: What Happens Next"), encoding="utf-8"
    )
    out = tmp_path / "report.docx"
    argv = ["render", plan, "--document", "panel-report", "--with", inputs, "--with", str(form)]
    assert run_json(capsys, *argv, "--out", str(out))["summary"] == "7 sections, 18 numbered paragraphs"
    assert "What Happens Next" in read_docx(out).text


def test_a_letter_from_another_areas_panel_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import ROOT

    plan = str(ROOT / "examples" / "cambridgeshire-2021.yaml")
    letter = str(ROOT / "examples" / "staffordshire-2024-panel-letter.yaml")
    err = run_error(capsys, "render", plan, "--document", "panel-letter", "--with", letter)
    assert "is the Panel of Staffordshire, but the plan is for Cambridgeshire" in err


def test_form_check_lists_the_parts_and_names_a_bad_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from pccplan.forms import starter_form

    good = tmp_path / "form.yaml"
    good.write_text(starter_form("mopac"), encoding="utf-8")
    data = run_json(capsys, "form", "check", str(good))
    assert data["body"] == "mopac"
    assert data["documents"]["response-table"] == ["introduction", "table", "publication"]
    assert main(["form", "check", str(good)]) == 0
    assert "naming 'MOPAC'" in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text(starter_form("pcc").replace("key: views", "key: view"), encoding="utf-8")
    err = run_error(capsys, "form", "check", str(bad))
    assert "documents[2].parts[7].key: must be one of" in err
    assert "did you mean 'views'?" in err


def modules_imported_by(*argv: str) -> set[str]:
    """The modules a whole ``python -m pccplan ...`` process imports (from ``-X importtime``)."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pccplan", *argv],
        capture_output=True,
        text=True,
        check=True,
    )
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}


def test_help_imports_no_model_rules_composers_or_renderers() -> None:
    loaded = modules_imported_by("--help")
    assert "pccplan.cli" in loaded
    for part in (
        "pccplan.model",
        "pccplan.statute",
        "pccplan.compose",
        "pccplan.examples",
        "holidays",
        "docx",
    ):
        assert not {m for m in loaded if m == part or m.startswith(part + ".")}, part


def test_a_date_command_imports_no_composer_reader_or_docx() -> None:
    loaded = modules_imported_by("timeline", "--poll", "2016-05-05", "--json")
    assert "pccplan.statute.timeline" in loaded
    for part in ("pccplan.compose", "pccplan.read", "pccplan.render.docx", "pccplan.examples", "docx"):
        assert not {m for m in loaded if m == part or m.startswith(part + ".")}, part
    # The rules date the steps; the plan's classes are for checking a plan (issue 15).
    assert not {"pccplan.model.plan", "pccplan.model.process"} & loaded
    assert "shutil" not in loaded


def test_new_into_a_missing_folder_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "plan.yaml"
    err = run_error(capsys, "new", str(target))
    assert f"{target}: 1 problem(s) cannot write the file: No such file or directory" in err


def test_check_a_date_beyond_the_rules_names_file_and_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (EXAMPLES / "cambridgeshire-2016.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "plan.yaml"
    bad.write_text(text.replace("elected: 2016-05-05", "elected: 9999-12-31"), encoding="utf-8")
    err = run_error(capsys, "check", str(bad))
    assert str(bad) in err
    assert "commissioner.elected: must be between 1900-01-01 and 2999-12-31" in err


# -- pccplan compare ----------------------------------------------------------------------------


def _draft_and_final(folder: Path) -> tuple[Path, Path]:
    draft = folder / "draft.yaml"
    assert main(["new", str(draft)]) == 0
    final = folder / "final.yaml"
    final.write_text(
        draft.read_text(encoding="utf-8").replace("- name: Victims", "- name: Victims and witnesses")
    )
    return draft, final


def test_compare_two_plan_files_writes_the_tracked_changes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    draft, final = _draft_and_final(tmp_path)
    capsys.readouterr()
    out = tmp_path / "changes.docx"
    data = run_json(
        capsys, "compare", str(draft), str(final), "-o", str(out), "--date", "2021-04-01", "--author", "OPCC"
    )
    assert data["written"] == str(out)
    assert data["author"] == "OPCC"
    assert data["date"] == "2021-04-01"
    assert data["summary"] == "paragraphs: 3 changed; words: 6 inserted, 0 deleted"
    assert {
        "kind": "changed",
        "old": "Victims",
        "new": "Victims and witnesses",
        "inserted": 2,
        "deleted": 0,
    } in data["changes"]  # type: ignore[operator]
    document = docx_part(out.read_bytes())
    assert 'w:author="OPCC" w:date="2021-04-01T00:00:00Z"' in document
    assert "and witnesses" in document


def test_compare_two_word_documents(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old = _write_docx(tmp_path / "old.docx", _report_tree())
    new = _write_docx(tmp_path / "new.docx", _report_tree())
    capsys.readouterr()
    data = run_json(
        capsys, "compare", str(old), str(new), "-o", str(tmp_path / "c.docx"), "--date", "2017-02-01"
    )
    assert data["summary"] == "no changes"


def test_compare_without_a_date_names_the_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    draft, final = _draft_and_final(tmp_path)
    capsys.readouterr()
    err = run_error(capsys, "compare", str(draft), str(final), "-o", str(tmp_path / "c.docx"))
    assert "records no date for the changes; give --date YYYY-MM-DD" in err


# ---------------------------------------------------------------- render: attached appendices


def _report_with_appendix(folder: Path) -> tuple[str, str]:
    """A plan and a report file in `folder`, the report naming draft-plan.docx (beside it) as Appendix A."""
    from pccplan.compose import document, para
    from pccplan.render.docx.writer import render

    plan, inputs = _plan_files()
    folder.mkdir()
    (folder / "draft-plan.docx").write_bytes(
        render(document(para("The draft designed elsewhere."), title="Draft", author="OPCC"))
    )
    report = Path(inputs).read_text("utf-8")
    report += "appendices:\n  - label: A\n    title: The draft Plan\n    file: draft-plan.docx\n"
    (folder / "report.yaml").write_text(report, "utf-8")
    return plan, str(folder / "report.yaml")


def test_render_attaches_the_appendices_a_report_names_and_those_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pccplan.compose import document, para
    from pccplan.render.docx.writer import render

    plan, report = _report_with_appendix(tmp_path / "papers")
    monkeypatch.chdir(tmp_path)  # the report's file is found from the report's folder, not from here
    Path("budget.docx").write_bytes(render(document(para("The budget in full."), title="B", author="O")))
    argv = ["render", plan, "--document", "panel-report", "--with", report, "--attach", "B=budget.docx"]
    data = run_json(capsys, *argv, "--out", "report.docx")
    body = docx_part(Path("report.docx").read_bytes())
    assert body.index("Appendix A: The draft Plan") < body.index("The draft designed elsewhere.")
    assert (
        body.index("The draft designed elsewhere.")
        < body.index(">Appendix B<")
        < body.index("The budget in full.")
    )
    assert data["written"] == "report.docx"
    run_json(capsys, *argv, "--out", "report.md")
    markdown = Path("report.md").read_text("utf-8")
    assert "Appendix A is a separate Word file, not shown here:* [draft-plan.docx]" in markdown
    assert "## Appendix B" in markdown


@pytest.mark.parametrize(
    ("attach", "message"),
    [
        ("B=missing.docx", "missing.docx: not a usable Word .docx appendix"),
        ("B=budget.pdf", "--attach B=budget.pdf: give LABEL=FILE.docx"),
        ("A=other.docx", "--attach A=other.docx: the document attaches Appendix A already"),
    ],
)
def test_render_refuses_an_appendix_it_cannot_attach_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, attach: str, message: str
) -> None:
    plan, report = _report_with_appendix(tmp_path / "papers")
    out = tmp_path / "report.docx"
    err = run_error(
        capsys,
        "render",
        plan,
        "--document",
        "panel-report",
        "--with",
        report,
        "--attach",
        attach,
        "-o",
        str(out),
    )
    assert message in err
    assert list(tmp_path.iterdir()) == [tmp_path / "papers"]  # no report.docx, no temporary file


def test_render_refuses_a_missing_appendix_file_naming_the_field_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan, report = _report_with_appendix(tmp_path / "papers")
    (tmp_path / "papers" / "draft-plan.docx").unlink()
    out = tmp_path / "report.docx"
    err = run_error(capsys, "render", plan, "--document", "panel-report", "--with", report, "-o", str(out))
    assert "appendices[0].file: cannot be attached: draft-plan.docx: cannot read the file" in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["papers"]


# ---------------------------------------------------------------- what each command imports

_DATA = ROOT / "src" / "pccplan" / "data"


def _imported_by(argv: list[str], tmp_path: Path) -> set[str]:
    """The top-level packages and pccplan modules loaded by running the command `argv` in a fresh Python."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pccplan.cli import main\n"
        f"status = main({argv!r})\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    return set(done.stdout.split("\n")[-2].split())


def _packages(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@pytest.mark.parametrize(
    ("argv", "absent"),
    [
        (["example", "-o", "report.docx"], {"docx", "holidays", "socket", "secrets", "dateutil"}),
        (
            [
                "render",
                str(_DATA / "cambridgeshire-2016.yaml"),
                "--document",
                "panel-report",
                "--with",
                str(_DATA / "cambridgeshire-2016-panel-report.yaml"),
                "-o",
                "report.docx",
            ],
            {"docx", "holidays", "socket", "secrets", "dateutil"},
        ),
        (
            ["timeline", "--poll", "2016-05-05"],
            {"docx", "cattrs", "yaml", "lxml", "holidays", "dateutil", "shutil", "json"},
        ),
    ],
    ids=["example", "render", "timeline"],
)
def test_a_command_does_not_import_what_it_does_not_use(
    argv: list[str], absent: set[str], tmp_path: Path
) -> None:
    loaded = _imported_by(argv, tmp_path)
    assert not (loaded | _packages(loaded)) & absent
    # A report to the Panel needs the classes of its own content and of the plan, not of the
    # other documents' (issue 15): the table of documents names them, imported on use.
    others = {"agenda", "comments", "letter", "record"}
    assert not {f"pccplan.model.{name}" for name in others} & loaded


def test_help_imports_no_rules_no_model_and_not_attrs(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pccplan.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split("\n")[-2].split())
    assert {m for m in loaded if m.startswith("pccplan")} == {"pccplan", "pccplan._names", "pccplan.cli"}
    assert not _packages(loaded) & {"attr", "attrs", "yaml", "cattrs", "lxml", "docx", "dateutil"}
    assert "shutil" not in loaded  # argparse's formatter is given the width (`_columns`)


@pytest.mark.parametrize("columns", ["", "0", "abc", "57", "200"])
def test_the_help_width_is_shutils_terminal_width(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from pccplan.cli import _columns

    monkeypatch.setenv("COLUMNS", columns)
    assert _columns() == shutil.get_terminal_size().columns


def test_help_wraps_at_the_terminal_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["timeline", "--help"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 58 < max(len(line) for line in lines) + 10
