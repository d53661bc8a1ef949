"""Tests for the PDF renderer: a tagged PDF with the title and language, through LibreOffice."""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import os
import random
import re
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import require_program

import pccplan
from pccplan.atomic import STALE_AFTER, owner
from pccplan.compose import document, numbered, para, section
from pccplan.errors import MissingProgramError, RenderError
from pccplan.render import render, save
from pccplan.render.pdf import FOLDER_PREFIX, convert, find_libreoffice, remove_stale_folders, reproducible


def pdfinfo(path: Path) -> dict[str, str]:
    output = subprocess.run(
        [require_program("pdfinfo"), str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return {
        key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())
    }


@pytest.mark.slow
def test_the_example_report_is_a_tagged_pdf_with_its_title_and_language(tmp_path: Path) -> None:
    require_program("soffice")
    report = pccplan.example_panel_report()
    path = save(report, tmp_path / "report.pdf")
    info = pdfinfo(path)
    assert info["Tagged"] == "yes"
    assert info["Title"] == report.meta.title
    assert info["Author"] == report.meta.author
    assert int(info["Pages"]) >= 2
    assert b"/Lang(en-GB)" in path.read_bytes()
    text = subprocess.run(
        [require_program("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "PURPOSE" in text  # Heading 1, set in capitals


@pytest.mark.slow
def test_a_welsh_document_carries_its_language(tmp_path: Path) -> None:
    require_program("soffice")
    doc = document(
        section("Cefndir", numbered("Mae'r Comisiynydd yn cyhoeddi cynllun."), numbered=True),
        title="Cynllun Heddlu a Throseddu",
        author="Swyddfa'r Comisiynydd",
        language="cy-GB",
    )
    data = render(doc, "pdf")
    assert isinstance(data, bytes)
    assert data.startswith(b"%PDF")
    assert b"/Lang(cy-GB)" in data
    path = tmp_path / "cynllun.pdf"
    path.write_bytes(data)
    assert pdfinfo(path)["Title"] == "Cynllun Heddlu a Throseddu"


def fake_program(folder: Path, script: str) -> None:
    """A stand-in 'soffice' on an otherwise empty PATH."""
    program = folder / "soffice"
    program.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)


def test_without_libreoffice_the_error_names_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingProgramError, match=r"LibreOffice \(the 'soffice' command\) is not installed"):
        find_libreoffice()
    with pytest.raises(MissingProgramError, match="needed to write PDF"):
        save(document(para("x"), title="T", author="A"), tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_a_failed_conversion_says_what_libreoffice_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_program(tmp_path, 'echo "Error: source file could not be loaded" >&2\nexit 1\n')
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + "/bin")
    with pytest.raises(RenderError, match=r"exit status 1\): Error: source file could not be loaded"):
        convert(b"PK")


def test_a_conversion_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_program(tmp_path, "sleep 30\n")
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + "/bin")
    with pytest.raises(RenderError, match=re.escape("took longer than 0.5 seconds")):
        convert(b"PK", timeout=0.5)


def marked(marker: str) -> dict[int, str]:
    """The running processes (not zombies) whose environment holds `marker`, with their names."""
    found: dict[int, str] = {}
    needle = f"PCCPLAN_TEST_MARK={marker}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            environ = (entry / "environ").read_bytes().split(b"\0")
            state = (entry / "stat").read_text(encoding="utf-8").rpartition(")")[2].split()[0]
            if needle in environ and state != "Z":
                found[int(entry.name)] = (entry / "comm").read_text(encoding="utf-8").strip()
    return found


def eventually(condition: Callable[[], object], within: float = 60) -> None:
    """Wait until `condition()` is true; a bound on waiting, not a claim about speed."""
    end = time.monotonic() + within
    while not condition() and time.monotonic() < end:
        time.sleep(0.05)


CONVERT = "import sys; from pccplan.render.pdf import convert; convert(sys.stdin.buffer.read())"


def start_conversion(temporary: Path, marker: str, path: str, docx: bytes) -> subprocess.Popen[bytes]:
    """A pccplan process converting `docx` with `temporary` as its temporary folder."""
    environment = {
        **os.environ,
        "TMPDIR": str(temporary),
        "PATH": path,
        "PCCPLAN_TEST_MARK": marker,
        "PCCPLAN_TEST_STARTED": str(temporary.parent / f"{marker}.started"),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", CONVERT], stdin=subprocess.PIPE, env=environment, stderr=subprocess.DEVNULL
    )
    assert process.stdin is not None
    process.stdin.write(docx)
    process.stdin.close()
    return process


# Like LibreOffice: the command (oosplash) starts another process (soffice.bin) that outlives it
# unless killed, and fills a profile folder.
LIKE_LIBREOFFICE = """sleep 300 &
mkdir -p profile/user && head -c 100000 /dev/zero > profile/user/registrymodifications.xcu
touch "$PCCPLAN_TEST_STARTED"
sleep 300
"""


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="finds processes through /proc")
def test_killing_pccplan_mid_conversion_kills_libreoffice_and_removes_its_folder(tmp_path: Path) -> None:
    programs = tmp_path / "bin"
    programs.mkdir()
    fake_program(programs, LIKE_LIBREOFFICE)
    path = str(programs) + os.pathsep + "/bin" + os.pathsep + "/usr/bin"
    outcomes: collections.Counter[str] = collections.Counter()
    draw = random.Random(3)  # where each kill lands varies; what is asserted does not
    for kill in range(8):
        how = (signal.SIGKILL, signal.SIGTERM, signal.SIGHUP, signal.SIGINT)[kill % 4]
        marker = f"{os.getpid()}-{kill}"
        temporary = tmp_path / str(kill)
        temporary.mkdir()
        started = tmp_path / f"{marker}.started"
        process = start_conversion(temporary, marker, path, b"PK")
        if kill < 4:  # while LibreOffice runs
            eventually(started.exists)
        else:  # at any moment, perhaps before LibreOffice has started
            time.sleep(draw.uniform(0, 0.5))
        running = set(marked(marker).values())
        process.send_signal(how)
        process.wait()
        eventually(lambda marker=marker: not marked(marker))  # the guard takes a moment to kill
        assert marked(marker) == {}
        if kill < 4:  # removed at once, by the guard (or by pccplan on Ctrl-C)
            eventually(lambda temporary=temporary: not list(temporary.iterdir()))
            assert list(temporary.iterdir()) == []
        remove_stale_folders(temporary)  # what the next conversion does first
        assert list(temporary.iterdir()) == []
        outcomes[f"{how.name} {'while it ran' if started.exists() else 'before it started'}"] += 1
        outcomes["with both of its processes"] += running >= {"soffice", "sleep"}
    print(dict(outcomes))
    assert sum(count for outcome, count in outcomes.items() if outcome.endswith("while it ran")) >= 4


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="finds processes through /proc")
def test_killing_pccplan_mid_conversion_leaves_no_soffice_bin_and_no_profile(tmp_path: Path) -> None:
    program = require_program("soffice")
    from pccplan.render.docx.writer import render as render_docx

    docx = render_docx(pccplan.example_panel_report())
    marker = f"{os.getpid()}-real"
    path = str(Path(program).parent) + os.pathsep + os.environ.get("PATH", "")
    process = start_conversion(tmp_path, marker, path, docx)
    eventually(lambda: "soffice.bin" in marked(marker).values())
    assert "soffice.bin" in marked(marker).values()
    assert [p.name[: len(FOLDER_PREFIX)] for p in tmp_path.iterdir()] == [FOLDER_PREFIX]
    process.send_signal(signal.SIGKILL)
    process.wait()
    eventually(lambda: not marked(marker) and not list(tmp_path.iterdir()))
    assert marked(marker) == {}
    assert list(tmp_path.iterdir()) == []  # the guard removed the profile at once


def test_a_conversion_first_removes_the_folders_of_killed_conversions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = owner().partition("-")[0]
    dead = tmp_path / f"{FOLDER_PREFIX}{host}-{dead_pid()}-abc_123"
    live = tmp_path / f"{FOLDER_PREFIX}{owner()}-abc_123"
    old_style = tmp_path / f"{FOLDER_PREFIX}k2j4_9xa"  # named before folders said whose they were
    recent_old_style = tmp_path / f"{FOLDER_PREFIX}q8w3e_1z"
    other = tmp_path / "pccplan-pdfs"
    for folder in (dead, live, old_style, recent_old_style, other):
        (folder / "profile").mkdir(parents=True)
    long_ago = time.time() - STALE_AFTER - 60
    os.utime(old_style, (long_ago, long_ago))
    (tmp_path / "bin").mkdir()
    fake_program(tmp_path / "bin", "exit 1\n")
    monkeypatch.setenv("PATH", str(tmp_path / "bin") + os.pathsep + "/bin")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(RenderError, match=r"exit status 1"):
        convert(b"PK")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (live, recent_old_style, other, tmp_path / "bin")
    )


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    return int(process.stdout)


def _converted_twice(seconds_apart: float) -> tuple[bytes, bytes]:
    docx = pccplan.render_document(pccplan.example_panel_report(), format="docx")
    first = convert(docx)
    time.sleep(seconds_apart)  # LibreOffice stamps the second: make the two stamps differ
    return first, convert(docx)


@pytest.mark.slow
def test_the_same_document_gives_the_same_pdf_dated_as_the_document() -> None:
    require_program("soffice")
    first, second = _converted_twice(1.1)
    assert first != second  # LibreOffice's own output differs: the test would prove nothing else
    report = pccplan.example_panel_report()
    date = report.meta.date
    assert date is not None
    same = reproducible(first, date)
    assert same == reproducible(second, date)
    assert len(same) == len(first)  # lengths kept: the cross-reference offsets stay right
    assert f"/CreationDate(D:{date:%Y%m%d}000000".encode() in same
    undated = reproducible(first, None)
    assert b"/CreationDate" not in undated
    assert len(undated) == len(first)


def test_the_identifier_follows_the_content_and_keeps_its_length() -> None:
    pdf = (
        b"%PDF-1.6\n1 0 obj<</CreationDate(D:20261201150855Z')>>endobj\ntrailer\n<</Size 2"
        b"\n/ID [ <8645F1E86F79C680CD054855B619D4E9>\n<8645F1E86F79C680CD054855B619D4E9> ]"
        b"\n/DocChecksum /C91304EF2756AD9DF2FE6DF39957F2CA\n>>\n%%EOF\n"
    )
    other = pdf.replace(b"Size 2", b"Size 3")
    one, two = reproducible(pdf, dt.date(2016, 11, 1)), reproducible(other, dt.date(2016, 11, 1))
    assert len(one) == len(pdf)
    assert b"(D:20161101000000Z')" in one
    ids = [re.search(rb"/ID \[ <([0-9A-F]{32})>", x).group(1) for x in (one, two)]  # type: ignore[union-attr]
    assert ids[0] != ids[1]
    assert ids[0] != b"8645F1E86F79C680CD054855B619D4E9"
    assert re.search(rb"/DocChecksum /([0-9A-F]{32})\n", one)
