"""The PDF renderer: the DOCX rendering, converted by LibreOffice into a tagged PDF."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

from pccplan.atomic import abandoned, owner
from pccplan.compose.tree import Document
from pccplan.errors import MissingProgramError, RenderError
from pccplan.render.options import RenderOptions

__all__ = [
    "EXPORT_OPTIONS",
    "FOLDER_PREFIX",
    "PROGRAMS",
    "TIMEOUT",
    "convert",
    "find_libreoffice",
    "remove_stale_folders",
    "render",
    "reproducible",
]

PROGRAMS = ("soffice", "libreoffice")
"""The names LibreOffice's command is installed under, tried in this order."""

TIMEOUT = 180
"""Seconds a conversion may take before LibreOffice is stopped."""

EXPORT_OPTIONS = (
    ("UseTaggedPDF", True),
    ("PDFUACompliance", True),
    ("DisplayPDFDocumentTitle", True),
    ("ExportBookmarks", True),
)
"""The writer_pdf_Export settings pccplan asks for (LibreOffice 7.4 and later read them as JSON)."""


def find_libreoffice() -> str:
    """The path of LibreOffice's command; `MissingProgramError` naming it when it is not installed."""
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    raise MissingProgramError(
        "LibreOffice (the 'soffice' command) is not installed; it is needed to write PDF. "
        "Install LibreOffice, or write .docx and save it as PDF from Word"
    )


def _filter() -> str:
    settings = {
        name: {"type": "boolean", "value": "true" if value else "false"} for name, value in EXPORT_OPTIONS
    }
    return "pdf:writer_pdf_Export:" + json.dumps(settings, separators=(",", ":"))


# The guard: a small Python program between pccplan and LibreOffice. It starts LibreOffice in a
# process group of its own and reads its standard input, a pipe from pccplan, until the pipe
# closes: pccplan closes it to stop the conversion, and the kernel closes it when pccplan dies in
# any way, SIGKILL included (which no signal handler or `finally` sees). The guard then kills the
# whole group (soffice is a script that runs oosplash, which starts and restarts soffice.bin, all
# in that group) and, if pccplan is gone, removes the conversion's folder. A parent-death signal
# (prctl) would reach only the first process, not soffice.bin.
_GUARD = """
import os, shutil, signal, subprocess, sys, threading

folder, command = sys.argv[1], sys.argv[2:]
parent = os.getppid()
lock = threading.Lock()
ended = False
closed = threading.Event()
try:
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, process_group=0)
except OSError as error:
    print(error, file=sys.stderr)
    sys.exit(127)


def kill():
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def watch():
    while os.read(0, 4096):  # unbuffered: a buffered reader's lock would stall the exit
        pass
    closed.set()
    with lock:
        if not ended:  # until reaped, the child's zombie keeps its group id from reuse
            kill()


threading.Thread(target=watch, daemon=True).start()
if hasattr(os, "waitid"):
    os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # ended, not yet reaped
    with lock:
        kill()  # anything the child left running in its group
        ended = True
    status = child.wait()
else:  # no waitid (older macOS): no last kill, and a moment in which a kill may come late
    status = child.wait()
    with lock:
        ended = True
if closed.is_set() or os.getppid() != parent:
    shutil.rmtree(folder, ignore_errors=True)
os._exit(status if status >= 0 else 128 - status)  # not waiting for the reading thread
"""

_NOT_STARTED = 127
"""The guard's exit status when LibreOffice could not be started (the shell's for 'not found')."""

FOLDER_PREFIX = "pccplan-pdf-"
"""The start of the name of each conversion's temporary folder (then `owner` and a random part)."""

# Current names say whose the folder is; names without an owner come from versions before that.
_FOLDER = re.compile(rf"{FOLDER_PREFIX}(?:(?P<host>[0-9a-f]{{8}})-(?P<pid>[0-9]+)-)?[a-z0-9_]+")


def remove_stale_folders(temporary: str | os.PathLike[str] | None = None) -> list[Path]:
    """Remove the folders of conversions whose process has ended; returns the folders removed.

    `temporary` is the folder to look in (None: the system's temporary folder). Only this
    user's folders named by pccplan are touched, and only once their process is gone (or
    they are older than `pccplan.atomic.STALE_AFTER` seconds, which no conversion with the
    default `TIMEOUT` lasts). A conversion runs this before it starts, so a killed run's
    profile (13 MB) does not stay for good.
    """
    top = Path(tempfile.gettempdir() if temporary is None else temporary)
    removed: list[Path] = []
    with contextlib.suppress(OSError), os.scandir(top) as entries:
        for entry in entries:
            if entry.name.startswith(FOLDER_PREFIX):
                with contextlib.suppress(OSError):
                    if abandoned(entry.name, entry.stat(follow_symlinks=False), _FOLDER, stat.S_ISDIR):
                        shutil.rmtree(entry.path)
                        removed.append(Path(entry.path))
    return removed


def _command(program: str, work: Path) -> list[str]:
    """The LibreOffice command that converts ``work/document.docx`` into ``work/out``."""
    return [
        program,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nodefault",
        "--nolockcheck",
        "--convert-to",
        _filter(),
        "--outdir",
        str(work / "out"),
        str(work / "document.docx"),
    ]


def _run(command: list[str], work: Path, timeout: float) -> int:
    """Run `command` under the guard in `work`, within `timeout` seconds; its exit status.

    Whatever happens here (a timeout, Ctrl-C, an exception, this process being killed),
    LibreOffice and everything it started are killed before, or as, this returns.
    """
    python = sys.executable or "python3"
    with (work / "messages").open("wb") as messages:
        try:
            guard = subprocess.Popen(
                [python, "-I", "-c", _GUARD, str(work), *command],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=messages,
                cwd=work,
                start_new_session=True,  # a Ctrl-C in the terminal reaches pccplan, not the guard
            )
        except OSError as error:
            raise MissingProgramError(
                f"LibreOffice could not be started (through {python}): {error}"
            ) from error
    assert guard.stdin is not None  # stdin=PIPE
    try:
        return guard.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RenderError(f"LibreOffice took longer than {timeout:g} seconds to write the PDF") from None
    finally:
        guard.stdin.close()  # tells the guard to stop LibreOffice, if it is still running
        guard.wait()


def convert(docx: bytes, *, timeout: float = TIMEOUT) -> bytes:
    """The PDF LibreOffice makes of the .docx bytes `docx`, within `timeout` seconds.

    LibreOffice runs headless with a private profile in a temporary folder (so it never
    meets an officer's open LibreOffice, and two conversions never share a profile). The
    export is tagged (a screen reader finds headings, lists, tables and the reading order),
    marked PDF/UA, and shows the document title rather than the file name; the title and
    language come from the DOCX core properties and default language. The PDF is as
    LibreOffice wrote it, with the time it stamps: `render` makes it reproducible.

    LibreOffice dies with this process, however it ends (even by SIGKILL), and its folder
    is removed: at once, or else by the next conversion (`remove_stale_folders`).
    """
    program = find_libreoffice()
    remove_stale_folders()
    work = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{owner()}-"))
    try:
        (work / "document.docx").write_bytes(docx)
        status = _run(_command(program, work), work, timeout)
        said = (work / "messages").read_bytes().decode("utf-8", "replace")
        detail = " ".join(said.split())[-300:]
        if status == _NOT_STARTED:
            raise MissingProgramError(f"LibreOffice ({program}) could not be started: {detail}")
        result = work / "out" / "document.pdf"
        if status != 0 or not result.exists():
            raise RenderError(
                f"LibreOffice could not write the PDF (exit status {status}): {detail or 'no message'}"
            )
        return result.read_bytes()
    finally:
        shutil.rmtree(work, ignore_errors=True)


# What LibreOffice writes that changes from one conversion to the next: the time of conversion in
# the document information (and in XMP metadata, which other versions add), and the file
# identifier and checksum derived from it. Each is replaced by a value of the same length, so
# the cross-reference table's byte offsets stay right.
_STAMPS = re.compile(rb"/(?:CreationDate|ModDate)\(D:(\d{14})[^)]*\)|<xmp:\w*Date>([^<]*)</xmp:\w*Date>")
_IDS = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)|(/DocChecksum\s*/)([0-9A-Fa-f]+)")


def reproducible(pdf: bytes, date: dt.date | None) -> bytes:
    """`pdf` with LibreOffice's time of conversion replaced, so the same document gives the same bytes.

    The creation and modification stamps become `date` at midnight UTC, as the DOCX core
    properties say; with no `date` they are blanked (spaces: the PDF then carries no date,
    never 'now'). The file identifier and checksum become a digest of the result, so they
    still tell two different documents apart. Every replacement keeps its length.
    """

    def stamp(match: re.Match[bytes]) -> bytes:
        whole, info, xmp = match.group(0), match.group(1), match.group(2)
        if date is None:  # no date: the entry (or the XMP value) becomes spaces
            return b" " * len(whole) if info is not None else whole.replace(xmp, b" " * len(xmp), 1)
        if info is not None:
            return whole.replace(info, date.strftime("%Y%m%d000000").encode(), 1)
        iso = f"{date.isoformat()}T00:00:00Z".encode()
        return whole.replace(xmp, iso[: len(xmp)].ljust(len(xmp)), 1)

    dated = _STAMPS.sub(stamp, pdf)
    digest = hashlib.md5(_IDS.sub(lambda m: b"", dated), usedforsecurity=False).hexdigest().upper().encode()

    def identify(match: re.Match[bytes]) -> bytes:
        def fill(value: bytes) -> bytes:
            return (digest * (len(value) // len(digest) + 1))[: len(value)]

        if match.group(1) is not None:
            parts = match.groups()[:5]
            return parts[0] + fill(parts[1]) + parts[2] + fill(parts[3]) + parts[4]
        return match.group(6) + fill(match.group(7))

    return _IDS.sub(identify, dated)


def render(doc: Document, options: RenderOptions | None = None) -> bytes:
    """The tagged PDF of `doc`: its DOCX rendering (`options` as for DOCX) converted by LibreOffice.

    The same document gives the same bytes (`reproducible`: the PDF is dated as the document's
    `Metadata.date`, or not at all). Raises `MissingProgramError` when LibreOffice is not
    installed and `RenderError` when the conversion fails or takes longer than `TIMEOUT` seconds.
    """
    from pccplan.render.docx.writer import render as render_docx

    find_libreoffice()  # fail before rendering when the program is missing
    return reproducible(convert(render_docx(doc, options or RenderOptions())), doc.meta.date)
