"""The built-in example: the Cambridgeshire plan of 2016 and the report on it to the Panel (seed 000)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pccplan.model.kinds import DOCUMENTS

# The loader and the composers are imported by the functions that use them, so that the command
# line can list `STARTERS` (and `pccplan new` write one) without loading them.
if TYPE_CHECKING:
    from pccplan.compose.tree import Document
    from pccplan.model.panel import PanelReport
    from pccplan.model.plan import Plan

__all__ = ["STARTERS", "example_panel_report", "example_plan", "example_report_inputs", "starter"]

_PLAN = "cambridgeshire-2016.yaml"
_REPORT = "cambridgeshire-2016-panel-report.yaml"


def _data(name: str) -> str:
    # Read beside this module when pccplan is installed as files (importlib.resources costs a
    # command several milliseconds of imports); through importlib.resources from a zip.
    path = Path(__file__).with_name("data") / name
    if path.is_file():
        return path.read_text(encoding="utf-8")
    from importlib import resources

    return resources.files("pccplan").joinpath("data", name).read_text(encoding="utf-8")


def example_plan() -> Plan:
    """The draft Police and Crime Plan for Cambridgeshire and Peterborough after the 2016 poll.

    Parts the seed does not give are marked illustrative in the file.
    """
    from pccplan.files import loads
    from pccplan.model.plan import Plan

    return loads(_data(_PLAN), Plan, source=f"pccplan/data/{_PLAN}")


def example_report_inputs() -> PanelReport:
    """What the office typed for the report to the Panel on that plan: the meeting, narrative, links."""
    from pccplan.files import loads
    from pccplan.model.panel import PanelReport

    return loads(_data(_REPORT), PanelReport, source=f"pccplan/data/{_REPORT}")


def example_panel_report() -> Document:
    """The report to the Cambridgeshire Police and Crime Panel on the draft plan, as a document tree."""
    from pccplan.compose.panel_report import panel_report_document

    return panel_report_document(example_report_inputs(), example_plan())


STARTERS: tuple[str, ...] = ("plan", *(d.name for d in DOCUMENTS if d.model is not None))
"""The kinds of file `starter` can write: the plan, and each document's own content (from the table
of documents, `pccplan.model.kinds.DOCUMENTS`). A house form has its own: ``pccplan form new``."""


def starter(kind: str = "plan") -> str:
    """The text of a commented starter file of `kind` (one of `STARTERS`) that loads as it is."""
    if kind not in STARTERS:
        raise ValueError(f"no starter file for {kind!r}; there are {', '.join(STARTERS)}")
    return _data(f"starter-{kind}.yaml")
