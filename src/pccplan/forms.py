"""House forms from files: the built-in form for each kind of body, starters to edit, and loading.

The built-in forms are data files in ``pccplan/data/forms/``: ``pcc`` (the Cambridgeshire seed
form, so the seed documents are written as they always were), ``pfcc``, ``mayor``, ``mopac``
and ``london-assembly`` (the Police and Crime Committee's own documents). An office writes its
own with ``pccplan form new --body pcc -o form.yaml`` and loads it with `load_form`.
"""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources
from pathlib import Path

import attrs

from pccplan.errors import ValidationError
from pccplan.files import load, loads
from pccplan.model.area import BodyKind
from pccplan.model.form import HouseForm
from pccplan.statute.calendar import FinancialYear

__all__ = ["BUILTIN_FORMS", "builtin_form", "decision_number", "default_form", "load_form", "starter_form"]

BUILTIN_FORMS: tuple[str, ...] = ("pcc", "pfcc", "mayor", "mopac", "london-assembly")
"""The names of the built-in house forms: one per kind of body, and the London Assembly's."""


def starter_form(name: str = "pcc") -> str:
    """The text of built-in form `name` (see `BUILTIN_FORMS`), commented, to copy and edit."""
    if name not in BUILTIN_FORMS:
        raise ValidationError.one("body", f"must be one of {', '.join(BUILTIN_FORMS)}", name)
    return resources.files("pccplan").joinpath("data", "forms", f"{name}.yaml").read_text(encoding="utf-8")


def builtin_form(name: str = "pcc") -> HouseForm:
    """Built-in house form `name` ('pcc', 'pfcc', 'mayor', 'mopac' or 'london-assembly')."""
    return loads(starter_form(name), HouseForm, source=f"pccplan/data/forms/{name}.yaml")


def default_form(kind: BodyKind, *, scrutiny: bool = False) -> HouseForm:
    """The built-in form for a body of `kind`; `scrutiny` asks for the scrutiny body's own form.

    Only London's scrutiny body (the London Assembly's Police and Crime Committee) has a form
    of its own; a Panel writes in its area's form.
    """
    if scrutiny and kind is BodyKind.MOPAC:
        return builtin_form("london-assembly")
    return builtin_form(kind.value)


def load_form(path: str | os.PathLike[str]) -> HouseForm:
    """The house form in a YAML or JSON file; `PlanFileError` names each field path that is wrong.

    A relative `logo.path` (and `logo.fallback`) is taken from the form file's folder.
    """
    form = load(path, HouseForm)
    if form.logo is None:
        return form
    folder = Path(path).parent
    logo = form.logo
    fallback = str(folder / logo.fallback) if logo.fallback is not None else None
    return attrs.evolve(form, logo=attrs.evolve(logo, path=str(folder / logo.path), fallback=fallback))


def decision_number(form: HouseForm, n: int, on: dt.date) -> str:
    """Decision number `n` of a decision made on day `on`, in the form's pattern: 'PCC/D/2024/16'.

    The financial year runs from 1 April. Raises `ValidationError` when the form sets no pattern.
    """
    if form.decision_number is None:
        raise ValidationError.one("decision_number", "the house form sets no decision-number pattern", None)
    year = FinancialYear.containing(on)
    return form.decision_number.format(
        n=n, year=on.year, fy=f"{year.start_year}{(year.start_year + 1) % 100:02d}", fy_short=year.label
    )
