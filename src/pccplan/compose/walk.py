"""Generic traversal of the tree (`walk`, `query`) and the filters and views built on it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar, cast

import attrs

from pccplan.compose.tree import (
    AttachedFile,
    Block,
    BulletList,
    Cell,
    Contents,
    Document,
    Emph,
    Exempt,
    Inline,
    Letterhead,
    LineBreak,
    Link,
    ListItem,
    Metadata,
    Node,
    Note,
    OrderedList,
    Paragraph,
    Picture,
    Ref,
    Row,
    Section,
    Strong,
    Table,
    Text,
    TitleBlock,
    tree_facts,
)
from pccplan.number_formats import ListStyle, style_for_depth

__all__ = [
    "BULLET",
    "ListNumbers",
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
    "reference_texts",
    "walk",
]

N = TypeVar("N", bound=Node)
T = TypeVar("T")

_NODE_TYPES: tuple[type, ...] = (
    Document,
    AttachedFile,
    Metadata,
    Paragraph,
    Section,
    TitleBlock,
    Letterhead,
    Contents,
    BulletList,
    OrderedList,
    Table,
    Text,
    Emph,
    Strong,
    Link,
    Note,
    LineBreak,
    Ref,
    Picture,
    ListItem,
    Row,
    Cell,
    Exempt,
)

BULLET = "•"
"""How plain text shows a bullet, whatever symbol the Word numbering level draws."""


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """The names of `cls`'s fields in order: asked for once per class, not once per node visited."""
    return tuple(field.name for field in attrs.fields(cls))


def iter_nodes(node: Node) -> Iterator[Node]:
    """Every node in `node` (itself included), parents before children, in document order."""
    # Children found inline: every renderer walks every node several times, and a generator per
    # node was most of the cost. The stack holds each node's children reversed, so pops go in order.
    stack: list[Node] = [node]
    pop, push = stack.pop, stack.append
    kinds = _NODE_TYPES
    while stack:
        current = pop()
        yield current
        kids: list[Any] = []  # nodes, by the isinstance checks below
        kind: type = type(current)  # a class, whatever mypy infers of the union of node classes
        for name in _field_names(kind):
            value = getattr(current, name)
            if isinstance(value, tuple):
                kids.extend(item for item in value if isinstance(item, kinds))
            elif isinstance(value, kinds):
                kids.append(value)
        if len(kids) == 1:
            push(kids[0])
        elif kids:
            kids.reverse()
            stack.extend(kids)


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
    kind: type = type(node)  # a class, whatever mypy infers of the union of node classes
    for name in _field_names(kind):
        value = getattr(node, name)
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
                changes[name] = tuple(rebuilt)
        elif isinstance(value, _NODE_TYPES):
            result = _walk(cast(Node, value), fn)
            if isinstance(result, Sequence):
                raise TypeError(f"{type(node).__name__}.{name} holds one node; cannot splice {result!r}")
            if result is not value:
                changes[name] = result
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


_HIDDEN_TABLE = "a table not for publication"
"""What a reference to a table the public view leaves out shows: its caption may be exempt too."""


def _has_exempt(doc: Document) -> bool:
    """Whether anything in `doc` is marked exempt (most documents have nothing to hide)."""
    return Exempt in tree_facts(doc).kinds


def _hidden_labels(doc: Document) -> dict[str, bool]:
    """The labels the public view leaves out (those inside exempt sections and lists; headings
    stay), each with whether it labels a table."""
    hidden: dict[str, bool] = {}
    for node in iter_nodes(doc):
        if isinstance(node, Section | BulletList | OrderedList) and node.exempt is not None:
            inner = node.blocks if isinstance(node, Section) else node.items
            for child in inner:
                for each in iter_nodes(child):
                    label = getattr(each, "label", None)
                    if label is not None:
                        hidden[label] = isinstance(each, Table)
    return hidden


def public_view(doc: Document) -> Document:
    """The document as the public sees it: each exempt section or paragraph replaced by a notice.

    An exempt section keeps its heading (so later sections keep their numbers) and its blocks
    give way to one paragraph naming the paragraph of Schedule 12A; an exempt numbered
    paragraph stays numbered for the same reason. A list marked exempt (the bullets of an exempt
    paragraph) goes altogether: the paragraph's notice stands for both; a list marked on its own
    gives way to a notice of its own.
    """

    if not _has_exempt(doc):
        return doc  # nothing to hide: the walks below would give back `doc` itself
    hidden = _hidden_labels(doc)
    shown = reference_texts(doc) if hidden else {}

    def hide(node: Node) -> Node | tuple[Node, ...]:
        if isinstance(node, Ref) and node.target in hidden:
            # Its target is left out: a number stays (a paragraph keeps its number), a caption not.
            return Text(text=_HIDDEN_TABLE if hidden[node.target] else shown[node.target])
        if isinstance(node, BulletList | OrderedList) and node.exempt is not None:
            return ()
        if isinstance(node, Section) and node.exempt is not None:
            notice = Paragraph(content=(Text(text=_notice("section", node.exempt)),))
            return attrs.evolve(node, blocks=(notice,), exempt=None)
        if isinstance(node, Paragraph) and node.exempt is not None:
            words = (Text(text=_notice("paragraph", node.exempt)),)
            return Paragraph(content=words, numbered=node.numbered, label=node.label)
        return node

    return walk(_lone_lists(doc, public=True), hide)


def full_view(doc: Document) -> Document:
    """The whole document for members: exempt parts kept and marked 'EXEMPT: paragraph N of Schedule 12A'.

    The bullets of an exempt paragraph sit under its marker; a list marked on its own gets a
    marker line before it.
    """
    if not _has_exempt(doc):
        return doc  # nothing to mark: the walks below would give back `doc` itself

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


def ordered_label(depth: int, number: int) -> str:
    """The label of item `number` (from 1) of an ordered list nested `depth` deep (0 is outermost).

    Depth 0 counts 1., 2.; depth 1 a., b.; depth 2 i., ii.; deeper levels repeat the cycle.
    """
    return style_for_depth(depth).label(number)


class ListNumbers:
    """Where each ordered list starts, as Word counts: at its `start`, or after the list it continues.

    Lists are met in document order; a list that `continues` carries on from the last list of
    the same style at the same depth (from 1 when there is none).
    """

    def __init__(self) -> None:
        self.ends: dict[tuple[ListStyle, int], int] = {}

    def first(self, block: OrderedList, depth: int) -> int:
        """The number of `block`'s first item, `block` sitting `depth` lists deep (0 outermost)."""
        key = (block.style or style_for_depth(depth), depth)
        first = self.ends.get(key, 0) + 1 if block.continues else block.start
        self.ends[key] = first + len(block.items) - 1
        return first

    def labels(self, block: OrderedList, depth: int) -> list[str]:
        """The labels of `block`'s items in order: '(c)', '(d)'."""
        style = block.style or style_for_depth(depth)
        first = self.first(block, depth)
        return [style.label(first + index) for index in range(len(block.items))]


def reference_texts(doc: Document) -> dict[str, str]:
    """What a `Ref` to each label of `doc` shows: '4.3' (a numbered paragraph), '4' (a numbered
    section), a section's title when it has no number (an appendix), a table's caption."""
    numbers = WordNumbers()
    found: dict[str, str] = {}

    def visit(blocks: Iterable[Block]) -> None:
        for block in blocks:
            if isinstance(block, Section):
                shown = numbers.next_section().rstrip(".") if block.numbered else block.title
                if block.label is not None:
                    found[block.label] = shown
                visit(block.blocks)
            elif isinstance(block, Paragraph) and block.numbered:
                shown = numbers.next_paragraph()
                if block.label is not None:
                    found[block.label] = shown
            elif isinstance(block, Table):
                if block.label is not None and block.caption is not None:
                    found[block.label] = block.caption
                for row in ((block.header,) if block.header else ()) + block.rows:
                    for cell in row.cells:
                        visit(cell.blocks)
            elif isinstance(block, BulletList | OrderedList):
                for item in block.items:
                    visit(item.blocks)

    visit(doc.blocks)
    return found


def inline_text(
    inlines: Iterable[Inline], note_number: Callable[[Note], int], refs: Mapping[str, str] | None = None
) -> str:
    """The text of `inlines` as a reader sees it: a note shows as its number, a break as a line feed,
    a reference as what `refs` (from `reference_texts`) says it shows."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, Emph | Strong | Link):
            parts.append(inline_text(node.content, note_number, refs))
        elif isinstance(node, Note):
            parts.append(str(note_number(node)))
        elif isinstance(node, Ref):
            parts.append((refs or {}).get(node.target, node.target))
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
        self.lists = ListNumbers()
        self.notes: list[Note] = []
        self.refs: Mapping[str, str] = {}

    def note_number(self, note: Note) -> int:
        self.notes.append(note)
        return len(self.notes)

    def line(self, label: str, inlines: Iterable[Inline]) -> None:
        body = inline_text(inlines, self.note_number, self.refs)
        self.lines.append(f"{label} {body}" if label else body)

    def blocks(self, blocks: Iterable[object], depth: int) -> None:
        for block in blocks:
            self.block(block, depth)

    def block(self, block: object, depth: int) -> None:
        if isinstance(block, TitleBlock):
            if block.logo is not None:
                self.lines.append("")  # as in a letterhead: the logo stands in its own paragraph
            self.lines.append(block.title)
            self.blocks(block.lines, depth)
        elif isinstance(block, Letterhead):
            if block.logo is not None:
                self.lines.append("")  # the logo's paragraph of its own: a line with no text
            self.blocks(block.lines, depth)
        elif isinstance(block, Section):
            label = self.numbers.next_section() if block.numbered else ""
            self.lines.append(f"{label} {block.title}" if label else block.title)
            self.blocks(block.blocks, depth)
        elif isinstance(block, Paragraph):
            self.line(self.numbers.next_paragraph() if block.numbered else "", block.content)
        elif isinstance(block, BulletList | OrderedList):
            labels = self.lists.labels(block, depth) if isinstance(block, OrderedList) else None
            for index, item in enumerate(block.items):
                first = item.blocks[0]
                assert isinstance(first, Paragraph)
                self.line(labels[index] if labels else BULLET, first.content)
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
    as '•', ordered items in their style ('1.', '(a)'; unstyled by depth: '1.', 'a.', 'i.'); a
    note's reference is its number and its paragraphs follow the body, the first starting with
    that number. Call it on `exempt_view(doc)` to see what a renderer draws.
    """
    state = _PlainText()
    state.refs = reference_texts(doc)
    state.blocks(doc.blocks, 0)
    body = state.lines
    for number, note in enumerate(state.notes, start=1):
        for index, para in enumerate(note.content):
            # Notes cannot hold notes, so no number is ever asked for here.
            text = inline_text(para.content, lambda _note: 0, state.refs)
            body.append(f"{number} {text}" if index == 0 else text)
    return "\n".join(body)
