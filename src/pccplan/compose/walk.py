"""Generic traversal of the tree (`walk`, `query`) and the filters and views built on it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, cast

import attrs

from pccplan.compose.tree import (
    Block,
    BulletList,
    Cell,
    Document,
    Emph,
    Exempt,
    Inline,
    LineBreak,
    Link,
    ListItem,
    Metadata,
    Node,
    Note,
    OrderedList,
    Paragraph,
    Picture,
    Row,
    Section,
    Strong,
    Table,
    Text,
    TitleBlock,
)

__all__ = [
    "BULLET",
    "WordNumbers",
    "exempt_view",
    "full_view",
    "inline_text",
    "iter_nodes",
    "notes",
    "ordered_label",
    "plain_text",
    "public_view",
    "query",
    "walk",
]

N = TypeVar("N", bound=Node)
T = TypeVar("T")

_NODE_TYPES: tuple[type, ...] = (
    Document,
    Metadata,
    Paragraph,
    Section,
    TitleBlock,
    BulletList,
    OrderedList,
    Table,
    Text,
    Emph,
    Strong,
    Link,
    Note,
    LineBreak,
    Picture,
    ListItem,
    Row,
    Cell,
    Exempt,
)

BULLET = "•"
"""How plain text shows a bullet, whatever symbol the Word numbering level draws."""


def _children(node: Node) -> Iterator[Node]:
    """The nodes directly inside `node`, in document order (attrs field order)."""
    for field in attrs.fields(type(node)):
        value = getattr(node, field.name)
        if isinstance(value, tuple):
            for item in value:
                if isinstance(item, _NODE_TYPES):
                    yield cast(Node, item)
        elif isinstance(value, _NODE_TYPES):
            yield cast(Node, value)


def iter_nodes(node: Node) -> Iterator[Node]:
    """Every node in `node` (itself included), parents before children, in document order."""
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(list(_children(current))))


def query(node: Node, fn: Callable[[Node], Iterable[T]]) -> list[T]:
    """Everything `fn` yields for each node of `node`, in document order (like pandoc's `query`)."""
    found: list[T] = []
    for each in iter_nodes(node):
        found.extend(fn(each))
    return found


Replacement = Node | Sequence[Node]
"""What a `walk` function returns: one node, or a sequence spliced in its place (empty removes it)."""


def _walk(node: Node, fn: Callable[[Node], Replacement]) -> Replacement:
    changes: dict[str, object] = {}
    for field in attrs.fields(type(node)):
        value = getattr(node, field.name)
        if isinstance(value, tuple):
            rebuilt: list[object] = []
            changed = False
            for item in value:
                if not isinstance(item, _NODE_TYPES):
                    rebuilt.append(item)
                    continue
                result = _walk(cast(Node, item), fn)
                if isinstance(result, Sequence):
                    rebuilt.extend(result)
                    changed = True
                else:
                    rebuilt.append(result)
                    changed = changed or result is not item
            if changed:
                changes[field.name] = tuple(rebuilt)
        elif isinstance(value, _NODE_TYPES):
            result = _walk(cast(Node, value), fn)
            if isinstance(result, Sequence):
                raise TypeError(
                    f"{type(node).__name__}.{field.name} holds one node; cannot splice {result!r}"
                )
            if result is not value:
                changes[field.name] = result
    return fn(attrs.evolve(cast(Any, node), **changes) if changes else node)


def walk(node: N, fn: Callable[[Node], Replacement]) -> N:
    """`node` rebuilt bottom-up: `fn` sees each node after its children and returns its replacement.

    Returning the node unchanged keeps it (and shares it: unchanged subtrees are not copied);
    returning a sequence splices it into the parent's list. The result has `node`'s type.
    """
    result = _walk(node, fn)
    if not isinstance(result, type(node)):
        raise TypeError(f"walk must return a {type(node).__name__} for the root, got {result!r}")
    return result


def notes(node: Node) -> list[Note]:
    """The notes in `node` in the order Word numbers them (document order)."""
    return query(node, lambda n: [n] if isinstance(n, Note) else [])


# ---------------------------------------------------------------- exempt information


def _lower_first(label: str) -> str:
    return label[:1].lower() + label[1:]


def _notice(what: str, exempt: Exempt) -> str:
    return (
        f"This {what} is not for publication: it contains exempt information under {exempt.in_full} "
        f"({_lower_first(exempt.label)})."
    )


def _marker(exempt: Exempt, *, label: bool) -> Strong:
    words = f"EXEMPT: {exempt.citation}" + (f" ({_lower_first(exempt.label)})" if label else "")
    return Strong(content=(Text(text=words),))


def _lone_lists(doc: Document, *, public: bool) -> Document:
    """`doc` with a word for each exempt list that follows no exempt paragraph.

    The bullets of an exempt paragraph carry its mark, and the paragraph's notice or marker
    speaks for them. A list marked on its own (in a tree built by hand) would otherwise vanish
    from the public view, or lose its mark in the full view, without a word: the public view
    gets a notice in its place, the full view a marker line before it.
    """

    def announce(node: Node) -> Node:
        if not isinstance(node, Document | Section | ListItem | Cell):
            return node
        blocks: list[Block] = []
        for index, block in enumerate(node.blocks):
            before = node.blocks[index - 1] if index else None
            covered = isinstance(before, Paragraph) and before.exempt is not None
            if isinstance(block, BulletList | OrderedList) and block.exempt is not None and not covered:
                if public:
                    blocks.append(Paragraph(content=(Text(text=_notice("list", block.exempt)),)))
                    continue
                blocks.append(Paragraph(content=(_marker(block.exempt, label=True),)))
            blocks.append(block)
        return attrs.evolve(node, blocks=tuple(blocks)) if blocks != list(node.blocks) else node

    return walk(doc, announce)


def public_view(doc: Document) -> Document:
    """The document as the public sees it: each exempt section or paragraph replaced by a notice.

    An exempt section keeps its heading (so later sections keep their numbers) and its blocks
    give way to one paragraph naming the paragraph of Schedule 12A; an exempt numbered
    paragraph stays numbered for the same reason. A list marked exempt (the bullets of an exempt
    paragraph) goes altogether: the paragraph's notice stands for both; a list marked on its own
    gives way to a notice of its own.
    """

    def hide(node: Node) -> Node | tuple[Node, ...]:
        if isinstance(node, BulletList | OrderedList) and node.exempt is not None:
            return ()
        if isinstance(node, Section) and node.exempt is not None:
            notice = Paragraph(content=(Text(text=_notice("section", node.exempt)),))
            return attrs.evolve(node, blocks=(notice,), exempt=None)
        if isinstance(node, Paragraph) and node.exempt is not None:
            return Paragraph(content=(Text(text=_notice("paragraph", node.exempt)),), numbered=node.numbered)
        return node

    return walk(_lone_lists(doc, public=True), hide)


def full_view(doc: Document) -> Document:
    """The whole document for members: exempt parts kept and marked 'EXEMPT: paragraph N of Schedule 12A'.

    The bullets of an exempt paragraph sit under its marker; a list marked on its own gets a
    marker line before it.
    """

    def mark(node: Node) -> Node:
        if isinstance(node, BulletList | OrderedList) and node.exempt is not None:
            return attrs.evolve(node, exempt=None)  # under its paragraph's EXEMPT marker
        if isinstance(node, Section) and node.exempt is not None:
            banner = Paragraph(content=(_marker(node.exempt, label=True),))
            return attrs.evolve(node, blocks=(banner, *node.blocks), exempt=None)
        if isinstance(node, Paragraph) and node.exempt is not None:
            marker = (_marker(node.exempt, label=False), Text(text=" "))
            return attrs.evolve(node, content=(*marker, *node.content), exempt=None)
        return node

    return walk(_lone_lists(doc, public=False), mark)


def exempt_view(doc: Document, *, public: bool = True) -> Document:
    """The tree a renderer draws: `public_view` when `public`, else `full_view` (no exempt marks remain)."""
    return public_view(doc) if public else full_view(doc)


# ---------------------------------------------------------------- numbering and plain text


class WordNumbers:
    """Section and paragraph numbers as Word's multi-level list counts them ('4.', then '4.1', '4.2').

    A numbered heading advances level 1 and restarts level 2, as Word's level restart does.
    """

    def __init__(self) -> None:
        self.section = 0
        self.paragraph = 0

    def next_section(self) -> str:
        """The number of the next numbered section: '5.'."""
        self.section += 1
        self.paragraph = 0
        return f"{self.section}."

    def next_paragraph(self) -> str:
        """The number of the next numbered paragraph in the current section: '5.3'."""
        self.paragraph += 1
        return f"{self.section}.{self.paragraph}"


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"))
_ROMAN_SMALL = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN + _ROMAN_SMALL:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letter(number: int) -> str:
    # Word's lowerLetter repeats the letter after z: 27 is 'aa', 28 'bb'.
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def ordered_label(depth: int, number: int) -> str:
    """The label of item `number` (from 1) of an ordered list nested `depth` deep (0 is outermost).

    Depth 0 counts 1., 2.; depth 1 a., b.; depth 2 i., ii.; deeper levels repeat the cycle.
    """
    kind = depth % 3
    if kind == 0:
        return f"{number}."
    if kind == 1:
        return f"{_letter(number)}."
    return f"{_roman(number)}."


def inline_text(inlines: Iterable[Inline], note_number: Callable[[Note], int]) -> str:
    """The text of `inlines` as a reader sees it: a note shows as its number, a break as a line feed."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, Emph | Strong | Link):
            parts.append(inline_text(node.content, note_number))
        elif isinstance(node, Note):
            parts.append(str(note_number(node)))
        elif isinstance(node, Picture):
            continue  # a picture shows no text; its alt text is for screen readers
        else:
            parts.append("\n")
    return "".join(parts)


class _PlainText:
    """The state of one `plain_text` run: numbering and the notes met so far."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.numbers = WordNumbers()
        self.notes: list[Note] = []

    def note_number(self, note: Note) -> int:
        self.notes.append(note)
        return len(self.notes)

    def line(self, label: str, inlines: Iterable[Inline]) -> None:
        body = inline_text(inlines, self.note_number)
        self.lines.append(f"{label} {body}" if label else body)

    def blocks(self, blocks: Iterable[object], depth: int) -> None:
        for block in blocks:
            self.block(block, depth)

    def block(self, block: object, depth: int) -> None:
        if isinstance(block, TitleBlock):
            self.lines.append(block.title)
            self.blocks(block.lines, depth)
        elif isinstance(block, Section):
            label = self.numbers.next_section() if block.numbered else ""
            self.lines.append(f"{label} {block.title}" if label else block.title)
            self.blocks(block.blocks, depth)
        elif isinstance(block, Paragraph):
            self.line(self.numbers.next_paragraph() if block.numbered else "", block.content)
        elif isinstance(block, BulletList | OrderedList):
            for index, item in enumerate(block.items, start=1):
                first = item.blocks[0]
                assert isinstance(first, Paragraph)
                label = BULLET if isinstance(block, BulletList) else ordered_label(depth, index)
                self.line(label, first.content)
                self.blocks(item.blocks[1:], depth + 1)
        elif isinstance(block, Table):
            if block.caption:
                self.lines.append(block.caption)
            all_rows = ((block.header,) if block.header else ()) + block.rows
            for row, slots in zip(all_rows, block.layout.rows, strict=True):
                for slot in slots:
                    if slot.cell is None:
                        continue  # covered by a merged cell above: Word shows nothing of its own there
                    cell = row.cells[slot.cell]
                    self.blocks(cell.blocks, 0)
                    if not cell.blocks or isinstance(cell.blocks[-1], Table):
                        self.lines.append("")  # Word ends every cell with a paragraph


def plain_text(doc: Document) -> str:
    """The text a reader of the rendered document sees, one line per paragraph, notes at the end.

    Numbers are included as Word computes them ('1. Purpose', '1.1 The purpose…'), bullets
    as '•', ordered items as '1.', 'a.', 'i.'; a note's reference is its number and its
    paragraphs follow the body, the first starting with that number. Call it on
    `exempt_view(doc)` to see what a renderer draws.
    """
    state = _PlainText()
    state.blocks(doc.blocks, 0)
    body = state.lines
    for number, note in enumerate(state.notes, start=1):
        for index, para in enumerate(note.content):
            # Notes cannot hold notes, so no number is ever asked for here.
            text = inline_text(para.content, lambda _note: 0)
            body.append(f"{number} {text}" if index == 0 else text)
    return "\n".join(body)
