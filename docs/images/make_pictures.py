"""Make the first-page pictures in docs/images from the examples (needs LibreOffice and poppler).

Usage: python docs/images/make_pictures.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent.parent / "examples"
PICTURES = {
    "panel-report": "cambridgeshire_2016_panel_report.py",
    "decision-notice": "cambridgeshire_2021_decision_notice.py",
    "panel-recommendations": "cambridgeshire_2021_panel_recommendations.py",
    "response": "cambridgeshire_2021_response.py",
    "plan": "cambridgeshire_2021_plan_document.py",
    "timetable": "cambridgeshire_2021_timetable.py",
    "panel-letter": "staffordshire_2024_panel_letter.py",
    "response-table": "west_mercia_2013_response_table.py",
}


def main() -> int:
    """Write docs/images/<kind>.png, the first page of each example document at 60 dpi."""
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        sys.exit("needs soffice (libreoffice-writer-nogui) and pdftoppm (poppler-utils)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, script in PICTURES.items():
            docx = folder / f"{name}.docx"
            subprocess.run(
                [sys.executable, str(EXAMPLES / script), str(docx)], check=True, capture_output=True
            )
            profile = (folder / "profile").as_uri()
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder),
                    str(docx),
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(folder / f"{name}.pdf"),
                    str(HERE / name),
                ],
                check=True,
            )
            print(f"wrote {HERE / name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
