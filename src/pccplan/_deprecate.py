"""Former names kept for one release: one warning text, and one way for a module to keep them.

A module that renamed something ends with ``__getattr__ = renamed(__name__, {...})`` (a PEP 562
module ``__getattr__``): the old name is no longer an attribute of the module, so every use,
``module.old`` or ``from module import old``, goes through it and warns with
`DeprecationWarning`, pointing at the caller's line and naming the replacement. Type checkers
still see the old name through an ``if TYPE_CHECKING:`` assignment beside it.

This module imports nothing of pccplan, so every layer can use it.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import NamedTuple

__all__ = ["Former", "former", "message", "renamed", "warn"]


class Former(NamedTuple):
    """An old name's object, the name to use instead (in the same module) and anything else that changed.

    `value` is what the old name still gives: for a plain rename the new object itself; for a
    composer whose arguments changed order, the old function. `note` (a phrase such as 'which
    takes the report first, then the plan') is added to the warning in brackets.
    """

    value: object
    use: str
    note: str | None = None


_KEPT: dict[str, Mapping[str, Former]] = {}
"""Each module's former names, as `renamed` registered them, so `former` can read one silently."""


def message(old: str, use: str, note: str | None = None) -> str:
    """The one text of every deprecation: '<old> is deprecated and goes in the next release: use <new>'."""
    extra = f" ({note})" if note else ""
    return f"{old} is deprecated and goes in the next release: use {use}{extra}"


def warn(old: str, use: str, note: str | None = None, *, stacklevel: int = 1) -> None:
    """Warn with `DeprecationWarning` that `old` is deprecated in favour of `use`.

    `stacklevel` counts as `warnings.warn` counts it from the caller of `warn`: 1 is the line
    that called `warn`, 2 that line's caller (the user's code, for a ``__getattr__``).

    ``from package import old`` looks the name up twice: importlib first asks whether the
    package has it (to know whether to import a submodule of that name), then the import
    takes it. Only the second is the user's use, so the first does not warn: one import, one
    warning.
    """
    asking = sys._getframe(stacklevel).f_code
    if asking.co_name == "_handle_fromlist" and "importlib" in asking.co_filename:
        return
    warnings.warn(message(old, use, note), DeprecationWarning, stacklevel=stacklevel + 1)


def renamed(module: str, names: Mapping[str, Former | Callable[..., object]]) -> Callable[[str], object]:
    """A module `__getattr__` (PEP 562) that keeps the old names of `module`, each warning on every use.

    `names` maps each old name to its `Former`, or, for a plain rename, to the new function
    itself (the replacement is then that function's own name). Any other name raises
    `AttributeError`, as a module without a ``__getattr__`` would.
    """
    table: Mapping[str, Former] = MappingProxyType(
        {
            old: kept if isinstance(kept, Former) else Former(kept, kept.__name__)
            for old, kept in names.items()
        }
    )
    _KEPT[module] = table

    def lookup(name: str) -> object:
        kept = table.get(name)
        if kept is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        warn(f"{module}.{name}", f"{module}.{kept.use}", kept.note, stacklevel=2)
        return kept.value

    return lookup


def former(module: str, name: str) -> Former:
    """The `Former` that `module` keeps under `name`, without warning (for a package that warns itself).

    Imports `module` first, so that its `renamed` table is registered.
    """
    importlib.import_module(module)
    return _KEPT[module][name]
