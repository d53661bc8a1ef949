"""Checking a composer's arguments, so that a swapped or wrong argument is a typed error, not a crash.

Every composer takes its content first, then the plan (`panel_report_document(report, plan)`).
A caller who passes them the other way round, or a dict where a `PanelReport` belongs, would
otherwise meet an ``AttributeError`` deep inside composition. `expect` names the composer, the
argument, the class it wants and what it was given, and says the order when the two were swapped.
"""

from __future__ import annotations

from pccplan.errors import ValidationError

__all__ = ["expect"]


def expect(composer: str, *arguments: tuple[str, object, type, bool]) -> None:
    """Refuse any argument of `composer` that is not an instance of its class.

    Each argument is ``(name, value, cls, optional)``; an optional one may be ``None``. Raises
    `ValidationError` whose path is the argument's name and whose value is what was given; when
    a value belongs to another argument's class, the reason says the arguments were swapped.
    """
    for name, value, cls, optional in arguments:
        if isinstance(value, cls) or (optional and value is None):
            continue
        order = ", ".join(n for n, *_ in arguments)
        swapped = [n for n, _, other, _ in arguments if n != name and isinstance(value, other)]
        reason = f"{composer} takes a {cls.__name__} as {name}, not a {type(value).__name__}"
        if swapped:
            reason += f" (that is its {swapped[0]}: the arguments go in the order {order})"
        raise ValidationError.one(name, reason, value, owner=composer)
