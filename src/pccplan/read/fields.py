"""Word's fields as a story is read: which runs are a field's hidden instruction, which its shown result."""

from __future__ import annotations

import re

__all__ = ["Field", "Fields"]

_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]*)"|(\S+))(.*)$', re.IGNORECASE | re.DOTALL)


class Field:
    """A field being read: its instruction so far, then, once its result shows, its code and link.

    The code and the link are worked out once, when the result starts, so that every run
    of the result shares them: a run costs the same however long the instruction is.
    """

    def __init__(self, outer: Field | None) -> None:
        self.instruction: list[str] = []
        self.showing = False
        self.code: str | None = None
        self.link: str | None = None
        self.outer = outer

    def show(self) -> None:
        """The result starts: fix the code and the innermost HYPERLINK target shown."""
        self.showing = True
        self.code = "".join(self.instruction).strip()
        self.instruction = []
        found = _HYPERLINK_FIELD.match(self.code)
        if found:
            target = found.group(1) or found.group(2) or ""
            self.link = None if target.startswith("\\") else target
        else:
            outer = self.outer
            self.link = outer.link if outer is not None and outer.showing else None


class Fields:
    """The fields open where a story is being read, innermost last.

    Word nests fields and a hostile file can open thousands without closing them, so the
    state a run needs (is it hidden in an instruction, which field shows it, which link)
    is kept up to date as fields open and close, never worked out by walking the stack.
    """

    def __init__(self) -> None:
        self.stack: list[Field] = []
        self.hiding = 0  # how many open fields are still in their instruction

    def begin(self) -> None:
        self.stack.append(Field(self.stack[-1] if self.stack else None))
        self.hiding += 1

    def separate(self) -> None:
        if self.stack and not self.stack[-1].showing:
            self.stack[-1].show()
            self.hiding -= 1

    def end(self) -> None:
        if self.stack and not self.stack.pop().showing:
            self.hiding -= 1

    def simple(self, instruction: str) -> int:
        """Open a `w:fldSimple` (its result follows at once); the depth to `close_to` after it."""
        depth = len(self.stack)
        self.begin()
        self.stack[-1].instruction.append(instruction)
        self.separate()
        return depth

    def close_to(self, depth: int) -> None:
        """Close every field opened at `depth` or deeper (a `w:fldSimple` closes what it holds)."""
        while len(self.stack) > depth:
            self.end()

    def instruct(self, text: str) -> None:
        """Add `text` to the instruction of the innermost field, if it is still in its instruction."""
        if self.stack and not self.stack[-1].showing:
            self.stack[-1].instruction.append(text)

    def state(self) -> tuple[bool, str | None, str | None]:
        """(hidden, field, link) for a run read now: inside an instruction, or shown as a result."""
        if self.hiding or not self.stack:
            return bool(self.hiding), None, None
        return False, self.stack[-1].code, self.stack[-1].link
