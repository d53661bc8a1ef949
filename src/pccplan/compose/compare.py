"""Comparing two document trees: which paragraphs and which words changed between a draft and a final.

This is the neutral half of a redline (issue 14): it knows words and blocks, not Word. The
DOCX redline (`pccplan.render.docx.redline`) aligns the same things with the same functions
and writes each difference as a tracked change; `compare_trees` lists the differences for
people and for ``pccplan compare --json``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher
from typing import Literal

import attrs

from pccplan.compose.tree import Document
from pccplan.compose.walk import exempt_view, plain_text

__all__ = [
    "LOOK_AHEAD",
    "SIMILAR",
    "Change",
    "Comparison",
    "Span",
    "align",
    "compare_trees",
    "moves",
    "pair",
    "similarity",
    "words",
]

SIMILAR = 0.5
"""How alike (0 to 1, by words) two paragraphs must be to count as one paragraph changed.

Below it the old paragraph is shown deleted and the new one inserted, which reads better than
a paragraph whose every word is struck through and rewritten.
"""

LOOK_AHEAD = 20
"""How many new blocks past the last one paired an old block may pair with; further ones are insertions."""

_TOKEN = re.compile(r"\s+|[^\s]+")
_TRAILING = re.compile(r"^(.*?[^.,;:!?)\]\"'\u201d\u2019])([.,;:!?)\]\"'\u201d\u2019]+)$")


def words(text: str) -> tuple[str, ...]:
    """`text` cut into the units a redline marks: words, the spaces between them, closing punctuation.

    'the plan.' gives ('the', ' ', 'plan', '.'): changing a full stop to a semicolon marks
    the stop, not the word. Joined back together the pieces are `text` exactly.
    """
    out: list[str] = []
    for token in _TOKEN.findall(text):
        split = _TRAILING.match(token) if not token.isspace() else None
        if split:
            out += [split.group(1), split.group(2)]
        else:
            out.append(token)
    return tuple(out)


@attrs.frozen(kw_only=True)
class Span:
    """A stretch of an alignment: equal in both, or deleted from the old, or inserted in the new.

    `old` and `new` are half-open index ranges (start, end) into the two sequences aligned;
    a deletion's `new` range is empty, an insertion's `old` range is.
    """

    kind: Literal["equal", "deleted", "inserted"]
    old: tuple[int, int]
    new: tuple[int, int]


def align(
    old: Sequence[Hashable], new: Sequence[Hashable], *, gap: Callable[[int], bool] | None = None
) -> tuple[Span, ...]:
    """The spans that turn `old` into `new`, deletions before insertions where both happen.

    `gap(i)` says whether `old[i]` is filler (a space between words): an equal stretch of
    filler alone between two changes joins them, so 'the draft plan' to 'a final plan' marks
    'the draft' deleted and 'a final' inserted rather than two changes around one kept space.
    Deterministic: the same sequences always give the same spans.
    """
    codes = SequenceMatcher(None, list(old), list(new), autojunk=False).get_opcodes()
    merged: list[list[int]] = []  # [equal?, i1, i2, j1, j2]
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        equal = tag == "equal"
        if equal and gap is not None and 0 < index < len(codes) - 1 and all(gap(i) for i in range(i1, i2)):
            equal = False
        if merged and not merged[-1][0] and not equal:
            merged[-1][2], merged[-1][4] = i2, j2
        else:
            merged.append([int(equal), i1, i2, j1, j2])
    spans: list[Span] = []
    for same, i1, i2, j1, j2 in merged:
        if same:
            spans.append(Span(kind="equal", old=(i1, i2), new=(j1, j2)))
            continue
        if i2 > i1:
            spans.append(Span(kind="deleted", old=(i1, i2), new=(j1, j1)))
        if j2 > j1:
            spans.append(Span(kind="inserted", old=(i2, i2), new=(j1, j2)))
    return tuple(spans)


def similarity(old: str, new: str) -> float:
    """How alike two texts are by their words (spaces aside), from 0 (none in common) to 1.

    1 when one text holds all the other's words in order ('Victims' and 'Victims and
    witnesses'): a heading lengthened is one heading changed. Otherwise the share of words
    the two have in common, as difflib's ratio.
    """
    a = [w for w in words(old) if not w.isspace()]
    b = [w for w in words(new) if not w.isspace()]
    if not a or not b:
        return 1.0 if a == b else 0.0
    matched = sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    if matched == min(len(a), len(b)):
        return 1.0
    return 2 * matched / (len(a) + len(b))


def pair(
    old: Sequence[Hashable], new: Sequence[Hashable], similar: Callable[[int, int], bool]
) -> tuple[tuple[int | None, int | None], ...]:
    """Blocks of two documents matched up, in reading order: (old index, new index) for each.

    Equal blocks pair first; where the documents differ, an old block pairs with the next new
    block it is `similar` to (a changed paragraph) and the new blocks skipped on the way are
    insertions ``(None, j)``; an old block with no similar new block is a deletion ``(i, None)``.
    """
    out: list[tuple[int | None, int | None]] = []
    for span in align(old, new):
        (i1, i2), (j1, j2) = span.old, span.new
        if span.kind == "equal":
            out += zip(range(i1, i2), range(j1, j2), strict=True)
        elif span.kind == "deleted":
            # A deletion followed at once by an insertion is a replacement: pair what is alike.
            out += [(i, None) for i in range(i1, i2)]
        else:
            out += [(None, j) for j in range(j1, j2)]
    return _pair_replacements(out, similar)


def _pair_replacements(
    out: list[tuple[int | None, int | None]], similar: Callable[[int, int], bool]
) -> tuple[tuple[int | None, int | None], ...]:
    """Within each run of deletions then insertions, pair an old block with a similar new one."""
    result: list[tuple[int | None, int | None]] = []
    at = 0
    while at < len(out):
        if out[at][1] is not None:
            result.append(out[at])
            at += 1
            continue
        olds: list[int] = []
        while at < len(out) and out[at][1] is None:
            olds.append(out[at][0])  # type: ignore[arg-type]  # a deletion always has its old index
            at += 1
        news: list[int] = []
        while at < len(out) and out[at][0] is None:
            news.append(out[at][1])  # type: ignore[arg-type]
            at += 1
        taken = 0
        for i in olds:
            # Look a bounded way ahead, so a document rewritten whole costs a bounded number of
            # comparisons per paragraph, not one against every paragraph of the other.
            ahead = range(taken, min(len(news), taken + LOOK_AHEAD))
            match = next((k for k in ahead if similar(i, news[k])), None)
            if match is None:
                result.append((i, None))
                continue
            result += [(None, news[k]) for k in range(taken, match)]
            result.append((i, news[match]))
            taken = match + 1
        result += [(None, news[k]) for k in range(taken, len(news))]
    return tuple(result)


def moves(
    pairs: Sequence[tuple[int | None, int | None]],
    old: Sequence[Hashable],
    new: Sequence[Hashable],
    movable: Callable[[int], bool],
) -> tuple[tuple[tuple[int, int], ...], ...]:
    """The blocks `pair` found deleted in one place and inserted unchanged in another: moves.

    A deleted old block is moved when a block inserted in the new document is equal to it and
    neither is one of several equal blocks (a subheading every theme repeats has not moved
    when one theme goes and another comes), and `movable(old index)` allows it (an empty
    paragraph moves nowhere). Each move is a run of (old index, new index) pairs, blocks that
    sit together in both documents with nothing between them moving as one, in the order of
    the old document.
    """
    old_count, new_count = Counter(old), Counter(new)
    place = {entry: at for at, entry in enumerate(pairs)}
    inserted = {new[j]: j for i, j in pairs if i is None and j is not None}
    found: list[tuple[int, int]] = []
    for i, j in pairs:
        if i is None or j is not None or old_count[old[i]] != 1 or not movable(i):
            continue
        to = inserted.get(old[i])
        if to is not None and new_count[new[to]] == 1:
            found.append((i, to))
    groups: list[list[tuple[int, int]]] = []
    for i, j in found:
        if groups:
            last_i, last_j = groups[-1][-1]
            together = place[(i, None)] == place[(last_i, None)] + 1
            if together and j == last_j + 1 and place[(None, j)] == place[(None, last_j)] + 1:
                groups[-1].append((i, j))
                continue
        groups.append([(i, j)])
    return tuple(tuple(group) for group in groups)


@attrs.frozen(kw_only=True)
class Change:
    """One difference between two documents, as a line of text a reader sees.

    `kind` is 'inserted' (a new paragraph: `old` is ``None``), 'deleted' (`new` is ``None``),
    'changed' (a paragraph with words inserted or deleted) or 'moved' (a paragraph unchanged in
    another place: `old` and `new` are its text, listed where it now stands). `inserted` and
    `deleted` count the words the change adds and removes (spaces and punctuation on their own
    not counted; a move adds and removes none).
    """

    kind: Literal["inserted", "deleted", "changed", "moved"]
    old: str | None
    new: str | None
    inserted: int
    deleted: int

    def to_json(self) -> dict[str, object]:
        """The change as a JSON object."""
        return {
            "kind": self.kind,
            "old": self.old,
            "new": self.new,
            "inserted": self.inserted,
            "deleted": self.deleted,
        }


@attrs.frozen(kw_only=True)
class Comparison:
    """What changed from an old document to a new one: its `changes`, in reading order."""

    changes: tuple[Change, ...] = ()

    @property
    def inserted(self) -> int:
        """Words inserted, in all."""
        return sum(c.inserted for c in self.changes)

    @property
    def deleted(self) -> int:
        """Words deleted, in all."""
        return sum(c.deleted for c in self.changes)

    def summary(self) -> str:
        """'3 paragraphs changed, 1 inserted, 1 deleted; 12 words inserted, 5 deleted' (or 'no changes')."""
        if not self.changes:
            return "no changes"
        counts = {
            kind: sum(c.kind == kind for c in self.changes)
            for kind in ("changed", "inserted", "deleted", "moved")
        }
        blocks = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
        return f"paragraphs: {blocks}; words: {self.inserted} inserted, {self.deleted} deleted"


def _counted(tokens: Sequence[str]) -> int:
    """How many of `tokens` are words: spaces and punctuation on their own are not counted."""
    return sum(1 for t in tokens if any(c.isalnum() for c in t))


def _word_counts(old: Sequence[str], new: Sequence[str]) -> tuple[int, int]:
    """(words inserted, words deleted) from `old` to `new`."""
    inserted = deleted = 0
    for span in align(old, new, gap=lambda k: old[k].isspace()):
        if span.kind == "inserted":
            inserted += _counted(new[span.new[0] : span.new[1]])
        elif span.kind == "deleted":
            deleted += _counted(old[span.old[0] : span.old[1]])
    return inserted, deleted


def compare_trees(old: Document, new: Document, *, public: bool = True) -> Comparison:
    """The differences between `old` and `new`, paragraph by paragraph, as a reader sees them.

    Both trees are compared as rendered (`public` leaves exempt parts out, as the renderers
    do), one line per paragraph with its numbers, as `plain_text` gives it.
    """
    before = plain_text(exempt_view(old, public=public)).split("\n")
    after = plain_text(exempt_view(new, public=public)).split("\n")
    changes: list[Change] = []
    pairs = pair(before, after, lambda i, j: similarity(before[i], after[j]) >= SIMILAR)
    moved = {
        i: j for group in moves(pairs, before, after, lambda i: bool(before[i].strip())) for i, j in group
    }
    arrived = set(moved.values())
    for i, j in pairs:
        if i in moved:
            continue
        if i is None and j in arrived:
            changes.append(Change(kind="moved", old=after[j], new=after[j], inserted=0, deleted=0))
        elif i is not None and j is not None:
            if before[i] == after[j]:
                continue
            inserted, deleted = _word_counts(words(before[i]), words(after[j]))
            changes.append(
                Change(kind="changed", old=before[i], new=after[j], inserted=inserted, deleted=deleted)
            )
        elif i is not None:
            if before[i]:
                changes.append(
                    Change(
                        kind="deleted",
                        old=before[i],
                        new=None,
                        inserted=0,
                        deleted=_counted(words(before[i])),
                    )
                )
        elif j is not None and after[j]:
            changes.append(
                Change(kind="inserted", old=None, new=after[j], inserted=_counted(words(after[j])), deleted=0)
            )
    return Comparison(changes=tuple(changes))
