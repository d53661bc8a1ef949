"""Opening a caller's Word package safely: the limits, and the zip, parts and XML read within them.

`Limits` and `check_package` are loaded on first use (PEP 562), so that writing a document,
which needs only `pccplan.opc.parts`, does not load the reader's checks.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pccplan.opc.limits import Limits as Limits
    from pccplan.opc.package import check_package as check_package

__all__ = ["Limits", "check_package"]

_MODULES = {"Limits": "pccplan.opc.limits", "check_package": "pccplan.opc.package"}


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
