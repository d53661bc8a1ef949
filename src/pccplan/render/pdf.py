"""The PDF renderer: the DOCX rendering, converted by LibreOffice into a tagged PDF."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from pccplan.compose.tree import Document
from pccplan.errors import MissingProgramError, RenderError
from pccplan.render.options import RenderOptions

__all__ = ["EXPORT_OPTIONS", "PROGRAMS", "TIMEOUT", "convert", "find_libreoffice", "render"]

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


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and anything it started (it runs in its own process group)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    process.communicate()  # reap it and close its pipes


def convert(docx: bytes, *, timeout: float = TIMEOUT) -> bytes:
    """The PDF LibreOffice makes of the .docx bytes `docx`, within `timeout` seconds.

    LibreOffice runs headless with a private profile in a temporary folder (so it never
    meets an officer's open LibreOffice, and two conversions never share a profile). The
    export is tagged (a screen reader finds headings, lists, tables and the reading order),
    marked PDF/UA, and shows the document title rather than the file name; the title and
    language come from the DOCX core properties and default language. PDFs are not
    byte-for-byte reproducible: LibreOffice stamps the time of conversion.
    """
    program = find_libreoffice()
    with tempfile.TemporaryDirectory(prefix="pccplan-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(docx)
        out = work / "out"
        command = [
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
            str(out),
            str(source),
        ]
        try:
            process = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                cwd=work,
                start_new_session=True,
            )
        except OSError as error:
            raise MissingProgramError(f"LibreOffice ({program}) could not be started: {error}") from error
        try:
            _stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise RenderError(f"LibreOffice took longer than {timeout:g} seconds to write the PDF") from None
        result = out / "document.pdf"
        if process.returncode != 0 or not result.exists():
            detail = " ".join(stderr.decode("utf-8", "replace").split())[-300:]
            status = process.returncode
            raise RenderError(
                f"LibreOffice could not write the PDF (exit status {status}): {detail or 'no message'}"
            )
        return result.read_bytes()


def render(doc: Document, options: RenderOptions | None = None) -> bytes:
    """The tagged PDF of `doc`: its DOCX rendering (`options` as for DOCX) converted by LibreOffice.

    Raises `MissingProgramError` when LibreOffice is not installed and `RenderError` when
    the conversion fails or takes longer than `TIMEOUT` seconds.
    """
    from pccplan.render.docx.writer import render as render_docx

    find_libreoffice()  # fail before rendering when the program is missing
    return convert(render_docx(doc, options or RenderOptions()))
