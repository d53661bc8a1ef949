"""The second half of the reader: DOCX-shaped facts in, the document tree, its text and warnings out."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from pccplan.compose.picture import EMU_PER_CM
from pccplan.compose.tree import (
    LABEL_PATTERN,
    MAX_SECTION_LEVEL,
    Block,
    BulletList,
    Cell,
    Contents,
    Document,
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
    Table,
    Text,
    TitleBlock,
)
from pccplan.compose.walk import BULLET, iter_nodes, walk
from pccplan.errors import DocumentReadError, ValidationError
from pccplan.model.validators import XML_UNSAFE
from pccplan.number_formats import ROMAN_MAX, ListStyle, format_number, style_for_depth
from pccplan.opc.limits import LABEL_CHARS, TABLE_COLUMNS, Limits
from pccplan.opc.package import Package, load, main_part, of_type
from pccplan.read.changes import tracked_changes
from pccplan.read.comments import comment_annotations
from pccplan.read.docx_parse import (
    BlockFact,
    Break,
    DocxFacts,
    Drawing,
    HyperlinkFact,
    LevelFact,
    NoteMark,
    NoteReference,
    Numbering,
    ParagraphFact,
    RunFact,
    RunProps,
    Skipped,
    StoryFact,
    TableFact,
    iter_paragraphs,
    parse_docx,
)
from pccplan.read.normal import Piece, group, normal_inlines
from pccplan.read.result import Annotation, ReadResult, ReadWarning, TrackedChange
from pccplan.read.tables import column_alignment, place_cells

__all__ = ["INTERNAL_ERROR", "read", "read_facts", "word_label"]

INTERNAL_ERROR = "could not build a document tree from it"
"""The start of the reason given when the reader's own tree building fails (a bug, never the file's)."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_URL = re.compile(r"^(https?|mailto):[^\s]+$")
_FOOTER_SUFFIX = "\tPage  of "


# ---------------------------------------------------------------- Word's list numbers


_MARKER = re.compile(r"%([1-9])")


def word_label(level: LevelFact, counts: Sequence[int], formats: Sequence[str]) -> str:
    """The label Word draws for `level`: its text with '%1'..'%9' replaced by the counters shown.

    The label is built piece by piece and cut at `LABEL_CHARS`, so its cost is bounded
    however many markers the level text holds.
    """
    if level.format == "bullet":
        return BULLET
    pieces: list[str] = []
    size = 0
    at = 0
    for marker in _MARKER.finditer(level.text):
        index = int(marker.group(1)) - 1
        fmt = "decimal" if level.legal else formats[index]
        # A lettered number repeats its letter once per 26; the repeats stop at the label's cap.
        number = format_number(counts[index], fmt, max_letters=LABEL_CHARS)
        for piece in (level.text[at : marker.start()], number):
            pieces.append(piece[: LABEL_CHARS - size])
            size += len(pieces[-1])
        at = marker.end()
        if size >= LABEL_CHARS:
            return "".join(pieces)
    pieces.append(level.text[at:][: LABEL_CHARS - size])
    return "".join(pieces)


class _Counters:
    """Word's list counters: one set per list definition, or per instance with its own start values."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.counts: dict[tuple[str, int], list[int | None]] = {}

    def level(self, num_id: int, ilvl: int) -> LevelFact | None:
        """The level definition a paragraph with (`num_id`, `ilvl`) follows, if there is one."""
        return self.numbering.levels(num_id).get(ilvl)

    def label(self, num_id: int, ilvl: int) -> str:
        """The label of the next paragraph on (`num_id`, `ilvl`), counted as Word counts."""
        instance = self.numbering.instances[num_id]
        levels = self.numbering.levels(num_id)
        own = bool(instance.starts or instance.levels)
        key = ("num", num_id) if own else ("abstract", instance.abstract_id)
        counts = self.counts.setdefault(key, [None] * 9)

        def start(k: int) -> int:
            if k in instance.starts:
                return instance.starts[k]
            found = levels.get(k)
            return found.start if found is not None else 1

        current = counts[ilvl]
        counts[ilvl] = start(ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            found = levels.get(deeper)
            restart = found.restart if found is not None else None
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                counts[deeper] = None
        shown = [c if c is not None else start(k) for k, c in enumerate(counts)]
        formats = [levels[k].format if k in levels else "decimal" for k in range(9)]
        return word_label(levels[ilvl], shown, formats)


# ---------------------------------------------------------------- building blocks


@attrs.define
class _OpenSection:
    title: str
    numbered: bool
    new_page: bool
    label: str | None = None
    blocks: list[Block] = attrs.Factory(list)


@attrs.define
class _OpenList:
    num_id: int
    level: int
    bullet: bool
    indent: int | None
    items: list[list[Block]]
    warned: bool = False
    style: ListStyle | None = None  # None: numbered by depth (1., a., i.)
    start: int = 1
    continues: bool = False
    first: int = 1  # the number of its first item, as Word counts (a continued list's follows on)


def _list_style(opened: _OpenList, builder: _Builder, level: LevelFact, label: str, depth: int) -> None:
    """Set a list's style, start and continuation from its level and its first item's `label`.

    The style is the one whose number format and level text the level has ('(%1)' in
    lowerLetter is '(a)'); the depth's own style reads as no style, so a list written unstyled
    reads back unstyled. A list whose instance and level were met before, and whose first number
    follows on from there, continues that list; otherwise it starts at its first number.
    """
    style = ListStyle.of(level.format, level.text, opened.level)
    if style is None:
        return
    try:
        first = style.number(label)
    except ValidationError:
        return  # a label the level's own text does not make (a legal number): warned by the caller
    opened.style = None if style is style_for_depth(depth) else style
    opened.first = first
    before = builder.ended.get((opened.num_id, opened.level))
    if before is not None and first == before + 1:
        opened.continues = True
    elif 1 <= first <= ROMAN_MAX:
        opened.start = first


class _Builder:
    """Blocks being gathered for one body or cell: open sections and open lists."""

    def __init__(self) -> None:
        self.root: list[Block] = []
        self.sections: list[_OpenSection] = []
        self.lists: list[_OpenList] = []
        self.ended: dict[tuple[int, int], int] = {}  # last number of each list instance and level
        self.after_title = False
        self.title_lines: dict[int, list[Paragraph]] = {}  # by the TitleBlock's place in root

    def container(self) -> list[Block]:
        return self.sections[-1].blocks if self.sections else self.root

    def add(self, block: Block) -> None:
        self.close_lists()
        self.container().append(block)
        self.after_title = False

    # lists

    def _pop_list(self) -> None:
        done = self.lists.pop()
        items = tuple(ListItem(blocks=tuple(item)) for item in done.items)
        node: Block = (
            BulletList(items=items)
            if done.bullet
            else OrderedList(items=items, style=done.style, start=done.start, continues=done.continues)
        )
        if not done.bullet:
            self.ended[(done.num_id, done.level)] = done.first + len(done.items) - 1
        if self.lists:
            self.lists[-1].items[-1].append(node)
        else:
            self.container().append(node)

    def close_lists(self) -> None:
        while self.lists:
            self._pop_list()

    def item(self, num_id: int, level: int, bullet: bool, indent: int | None, para: Paragraph) -> _OpenList:
        """Add a list item; the open list it joined (its depth is its place in `lists`)."""
        self.after_title = False
        while self.lists and self.lists[-1].level > level:
            self._pop_list()
        top = self.lists[-1] if self.lists else None
        if top is not None and top.level == level:
            if top.num_id == num_id and top.bullet == bullet:
                top.items.append([para])
                return top
            self._pop_list()
        opened = _OpenList(num_id=num_id, level=level, bullet=bullet, indent=indent, items=[[para]])
        self.lists.append(opened)
        return opened

    def list_level(self, indent: int | None) -> int | None:
        """The level of the open list a block indented by `indent` continues, if any."""
        if not self.lists:
            return None
        if indent is None:
            return self.lists[-1].level
        for open_list in reversed(self.lists):
            if open_list.indent is not None and open_list.indent <= indent:
                return open_list.level
        return None

    def continue_item(self, level: int, block: Block) -> None:
        while self.lists and self.lists[-1].level > level:
            self._pop_list()
        if self.lists:
            self.lists[-1].items[-1].append(block)
        else:
            self.add(block)

    # sections

    def _pop_section(self) -> None:
        done = self.sections.pop()
        node = Section(
            title=done.title,
            blocks=tuple(done.blocks),
            numbered=done.numbered,
            new_page=done.new_page,
            label=done.label,
        )
        self.container().append(node)

    def open_heading(self, level: int) -> tuple[int, bool]:
        """Close what a heading of `level` ends; its depth in the tree and whether a level was skipped."""
        self.close_lists()
        self.after_title = False
        depth = min(level, len(self.sections), MAX_SECTION_LEVEL - 1)
        while len(self.sections) > depth:
            self._pop_section()
        return depth, depth != level

    def push_section(self, title: str, *, numbered: bool, new_page: bool, label: str | None) -> None:
        self.sections.append(_OpenSection(title=title, numbered=numbered, new_page=new_page, label=label))

    def in_numbered_section(self) -> bool:
        return bool(self.sections) and self.sections[0].numbered

    def title(self, title: str) -> None:
        self.close_lists()
        while self.sections:
            self._pop_section()
        logo = None
        last = self.root[-1] if self.root else None
        if isinstance(last, Paragraph) and len(last.content) == 1 and isinstance(last.content[0], Picture):
            logo = last.content[0]  # a picture alone just above the title is the cover's logo
            self.root.pop()
        self.root.append(TitleBlock(title=title, logo=logo))
        self.title_lines[len(self.root) - 1] = []
        self.after_title = True

    def letterhead(self, line: Paragraph) -> bool:
        """Add a paragraph in the Letterhead style to the letter's head; ``False`` when none can hold it.

        A head is the first block only, so a Letterhead paragraph after anything else is a plain
        paragraph. A picture alone as the head's first paragraph is its logo.
        """
        if self.sections or self.lists or len(self.root) > 1:
            return False
        head = self.root[0] if self.root else None
        if head is None:
            alone = len(line.content) == 1 and isinstance(line.content[0], Picture)
            logo = line.content[0] if alone else None
            assert logo is None or isinstance(logo, Picture)
            self.root.append(Letterhead(logo=logo, lines=() if alone else (line,)))
        elif isinstance(head, Letterhead):
            self.root[0] = attrs.evolve(head, lines=(*head.lines, line))
        else:
            return False
        self.after_title = False
        return True

    def title_line(self, line: Paragraph) -> None:
        # Gathered and set once in finish: a new TitleBlock per line copies every line so far.
        self.title_lines[len(self.root) - 1].append(line)

    def finish(self) -> tuple[Block, ...]:
        self.close_lists()
        while self.sections:
            self._pop_section()
        for index, lines in self.title_lines.items():
            block = self.root[index]
            if lines and isinstance(block, TitleBlock):
                self.root[index] = attrs.evolve(block, lines=tuple(lines))
        return tuple(self.root)


# ---------------------------------------------------------------- the reader


def _valid_text(value: str | None) -> bool:
    return value is not None and bool(value.strip()) and XML_UNSAFE.search(value) is None


class _Reader:
    """One read: the facts, Word's counters, the tree's own numbering, the text and the warnings."""

    def __init__(self, facts: DocxFacts) -> None:
        self.facts = facts
        self.styles = facts.styles
        self.counters = _Counters(facts.numbering)
        self.style_props: dict[str | None, RunProps] = {}
        self.warnings: dict[str, ReadWarning] = {}
        self.lines: list[str] = []
        self.note_lines: list[str] = []
        self.notes_seen = 0
        self.notes_read: set[tuple[bool, str]] = set()  # (endnote, id) of the notes already read
        self.paragraphs = 0
        self.tables = 0
        self.context: list[str] = []
        self.sections = 0
        self.numbered_paragraphs = 0
        self.heading_lists = self._heading_lists()
        self.ref_targets = _reference_targets(facts)  # the bookmarks REF fields point at
        self.ref_shown: dict[str, str] = {}  # what each reference showed, by label

    # warnings and places

    def warn(self, where: str, message: str) -> None:
        found = self.warnings.get(message)
        if found is None:
            self.warnings[message] = ReadWarning(where=where, message=message)
        else:
            self.warnings[message] = attrs.evolve(found, count=found.count + 1)

    def where(self) -> str:
        """Where the next paragraph is: 'paragraph N' in the body, else the table or note it is in."""
        if self.context:
            return self.context[-1]
        self.paragraphs += 1
        return f"paragraph {self.paragraphs}"

    # styles

    def _chain_style(self, para: ParagraphFact) -> str | None:
        return self.styles.paragraph_style(para)

    def heading_level(self, para: ParagraphFact) -> int | None:
        """The heading level (0 for Heading 1) from the paragraph's outline level or style, if any."""
        return self.styles.heading_level(para)

    def role(self, para: ParagraphFact) -> str:
        """The paragraph's style name, lower case ('title', 'caption', 'list paragraph')."""
        return self.styles.name(self._chain_style(para))

    def numbering(self, para: ParagraphFact) -> tuple[int, int] | None:
        """The list (numId, level) a paragraph is on, from itself or its style; ``None`` when not on one."""
        num_id, level = para.numbering if para.numbering is not None else (None, None)
        if num_id is None or level is None:
            for style in self.styles.chain(self._chain_style(para)):
                if style.numbering is not None:
                    num_id = style.numbering[0] if num_id is None else num_id
                    level = style.numbering[1] if level is None else level
                if num_id is not None and level is not None:
                    break
        if not num_id or num_id not in self.facts.numbering.instances:
            return None
        level = min(max(level or 0, 0), 8)
        if self.counters.level(num_id, level) is None:
            return None
        return num_id, level

    def _heading_lists(self) -> set[int]:
        """The list definitions that number headings: their other levels number paragraphs ('4.3')."""
        found: set[int] = set()
        for block in self.facts.body:
            if isinstance(block, ParagraphFact) and self.heading_level(block) is not None:
                numbering = self.numbering(block)
                if numbering is not None:
                    found.add(self.facts.numbering.instances[numbering[0]].abstract_id)
        return found

    def run_props(self, run: RunFact) -> RunProps:
        style = run.props.style if run.props.style is not None else self.styles.default_character
        found = self.style_props.get(style)
        if found is None:
            # Once a style: its chain of base styles can be 64 deep, and every run asks.
            found = self.style_props[style] = self.styles.run_props(style)
        return run.props.over(found)

    # inlines

    def inlines(
        self, para: ParagraphFact, where: str, *, note: int | None = None
    ) -> tuple[tuple[Inline, ...], str]:
        """A paragraph's inlines in normal form and its text as Word shows it."""
        pieces: list[Piece] = []
        text: list[str] = []
        state = {"strip": False}
        field_runs: list[RunFact] = []

        ref_runs: list[RunFact] = []

        def flush_field() -> None:
            if field_runs:
                self.link(field_runs[0].link, None, field_runs, pieces, text, where, note, state)
                field_runs.clear()
            if ref_runs:
                pieces.extend(self.reference(ref_runs, text, where, note, state))
                ref_runs.clear()

        for item in para.inlines:
            if isinstance(item, RunFact) and item.link is not None:
                if ref_runs or (field_runs and field_runs[0].link != item.link):
                    flush_field()
                field_runs.append(item)
                continue
            if isinstance(item, RunFact) and _REF_FIELD.match(item.field or ""):
                if field_runs or (ref_runs and ref_runs[0].field is not item.field):
                    flush_field()
                ref_runs.append(item)
                continue
            flush_field()
            if isinstance(item, RunFact):
                self.run(item, pieces, text, where, note, state)
            elif isinstance(item, HyperlinkFact):
                self.link(item.url, item.anchor, item.runs, pieces, text, where, note, state)
            else:
                self.warn(where, f"{item.what} skipped")
        flush_field()
        return group(pieces), "".join(text)

    def reference(
        self,
        runs: Sequence[RunFact],
        text: list[str],
        where: str,
        note: int | None,
        state: dict[str, bool],
    ) -> list[Piece]:
        """The shown result of a REF field (its `runs`): a `Ref` to its bookmark's label, else its text."""
        shown: list[Piece] = []
        for run in runs:
            self.run(run, shown, text, where, note, state)
        found = _REF_FIELD.match(runs[0].field or "")
        label = _label_of(found.group(1)) if found else None
        # A title of two lines shows as two lines: its line break is part of what the field shows.
        if label is None or not shown or not all(isinstance(p.node, Text | LineBreak) for p in shown):
            return shown
        self.ref_shown.setdefault(
            label, "".join(p.node.text if isinstance(p.node, Text) else "\n" for p in shown)
        )
        return [Piece(Ref(target=label), shown[0].bold, shown[0].italic)]

    def label_of(self, para: ParagraphFact) -> str | None:
        """The label of a paragraph a REF field points at (its bookmark's name as a label), if any;
        pccplan's own '_Ref_label' bookmark names a label even when nothing left in the document
        refers to it (the references stood in parts left out of the public version)."""
        for name in para.bookmarks:
            if name in self.ref_targets or name.startswith(_OWN_TARGET):
                label = _label_of(name)
                if label is not None:
                    return label
        return None

    def link(
        self,
        url: str | None,
        anchor: str | None,
        runs: Sequence[RunFact],
        pieces: list[Piece],
        text: list[str],
        where: str,
        note: int | None,
        state: dict[str, bool],
    ) -> None:
        inner: list[Piece] = []
        ref_runs: list[RunFact] = []  # a REF field inside the link: a `Ref` inside the `Link`

        def flush_ref() -> None:
            if ref_runs:
                inner.extend(self.reference(ref_runs, text, where, note, state))
                ref_runs.clear()

        for run in runs:
            if _REF_FIELD.match(run.field or ""):
                if ref_runs and ref_runs[0].field is not run.field:
                    flush_ref()
                ref_runs.append(run)
                continue
            flush_ref()
            self.run(run, inner, text, where, note, state)
        flush_ref()
        notes = [p for p in inner if isinstance(p.node, Note)]
        shown = [p for p in inner if not isinstance(p.node, Note)]
        content = group(shown)
        if url is not None and _URL.match(url) and not XML_UNSAFE.search(url) and content:
            pieces.append(Piece(Link(content=content, url=url)))
        else:
            if content:
                if url is not None:
                    self.warn(where, "a link to something other than a web or email address kept as text")
                elif anchor is not None:
                    self.warn(where, "a link to a place in the document kept as text")
            pieces.extend(shown)
        pieces.extend(notes)

    def run(
        self,
        run: RunFact,
        pieces: list[Piece],
        text: list[str],
        where: str,
        note: int | None,
        state: dict[str, bool],
    ) -> None:
        props = self.run_props(run)
        if props.hidden:
            self.warn(where, "hidden text skipped")
            return
        bold, italic = bool(props.bold), bool(props.italic)
        for piece in run.pieces:
            if isinstance(piece, str):
                text.append(piece)
                shown = piece
                if state["strip"]:
                    state["strip"] = False
                    shown = shown[1:] if shown[:1] in (" ", "\t") else shown
                for index, line in enumerate(shown.split("\n")):
                    if index:
                        pieces.append(Piece(LineBreak(), bold, italic))
                    if line:
                        pieces.append(Piece(Text(text=line), bold, italic))
            elif isinstance(piece, NoteReference):
                if note is not None:
                    self.warn(where, "a note inside a note skipped")
                    continue
                number, made = self.note(piece, where)
                text.append(str(number))
                if made is not None:
                    pieces.append(Piece(made))
            elif isinstance(piece, NoteMark):
                text.append(str(note) if note is not None else "")
                state["strip"] = True
            elif isinstance(piece, Drawing):
                picture = self.picture(piece, where)
                if picture is not None:
                    pieces.append(Piece(picture))
            elif isinstance(piece, Skipped):
                self.warn(where, f"{piece.what} skipped")
            elif isinstance(piece, Break):
                continue

    def picture(self, drawing: Drawing, where: str) -> Picture | None:
        """The tree's picture for a drawing, or ``None`` (with a warning) when it cannot be one."""
        if drawing.image is None or drawing.width is None:
            self.warn(where, "a drawing that is not a picture in the file (a shape, chart or link) skipped")
            return None
        alt = drawing.description if (drawing.description or "").strip() else drawing.title
        alt = alt if (alt or "").strip() else None
        if not drawing.decorative and alt is None:
            self.warn(where, "a picture without alt text skipped (add alt text or mark it decorative)")
            return None
        try:
            return Picture(
                data=drawing.image,
                fallback=drawing.fallback,
                width=min(drawing.width, 50 * EMU_PER_CM),
                height=min(drawing.height or drawing.width, 50 * EMU_PER_CM),
                alt=None if drawing.decorative else alt,
                decorative=drawing.decorative,
            )
        except ValidationError as error:
            self.warn(where, f"a picture skipped: {error.problems[0].reason}")
            return None

    def note(self, ref: NoteReference, where: str) -> tuple[int, Note | None]:
        """The number of a note referenced here and the note itself (``None`` if it is missing)."""
        self.notes_seen += 1
        number = self.notes_seen
        stories = self.facts.endnotes if ref.endnote else self.facts.notes
        blocks = stories.get(ref.note_id)
        if ref.endnote:
            self.warn(where, "an endnote read as a footnote")
        if blocks is None:
            self.warn(where, f"footnote {number} points at a note the file does not hold")
            return number, None
        if (ref.endnote, ref.note_id) in self.notes_read:
            # Word gives each reference its own note; reading a shared one again for every
            # reference would copy its text once a reference, a file's few bytes each.
            self.warn(where, "a note referenced again read as its number only (its text is kept once)")
            return number, None
        self.notes_read.add((ref.endnote, ref.note_id))
        self.context.append(f"footnote {number}")
        paragraphs: list[Paragraph] = []
        for block in blocks:
            if isinstance(block, ParagraphFact):
                content, line = self.inlines(block, self.context[-1], note=number)
                paragraphs.append(Paragraph(content=content, keep_with_next=block.keep_next))
                self.note_lines.append(line)
            elif isinstance(block, TableFact):
                self.warn(self.context[-1], "a table in a footnote skipped")
            else:
                self.warn(self.context[-1], f"{block.what} skipped")
        self.context.pop()
        return number, Note(content=tuple(paragraphs) or (Paragraph(),))

    # blocks

    def line(self, label: str, text: str) -> None:
        self.lines.append(f"{label} {text}" if label else text)

    def blocks(self, facts: Sequence[BlockFact], *, flow: bool) -> tuple[Block, ...]:
        """The tree's blocks for a body (`flow`: headings open sections) or a table cell."""
        builder = _Builder()
        index = 0
        while index < len(facts):
            fact = facts[index]
            if isinstance(fact, Skipped):
                self.warn(
                    self.context[-1] if self.context else f"after paragraph {self.paragraphs}",
                    f"{fact.what} skipped",
                )
            elif isinstance(fact, TableFact):
                self.place_table(builder, fact, None, None)
            elif flow and (_generated(fact) or self._contents_heading(fact, facts, index)):
                index = self.contents(builder, facts, index)
                continue
            else:
                following = facts[index + 1] if index + 1 < len(facts) else None
                if self.role(fact) == "caption" and isinstance(following, TableFact):
                    where = self.where()
                    _content, caption = self.inlines(fact, where)
                    self.line("", caption)
                    valid = _valid_text(caption)
                    label = self.label_of(fact) if valid else None
                    self.place_table(builder, following, caption if valid else None, label)
                    index += 2
                    continue
                filler = not flow and index == len(facts) - 1 and fact.style is None and not fact.inlines
                self.paragraph(builder, fact, flow=flow, filler=filler)
            index += 1
        return builder.finish()

    def _contents_heading(self, fact: ParagraphFact, facts: Sequence[BlockFact], index: int) -> bool:
        """Whether `fact` is the heading of a table of contents (a 'TOC Heading' before its field)."""
        following = facts[index + 1] if index + 1 < len(facts) else None
        return (
            self.role(fact) == "toc heading"
            and isinstance(following, ParagraphFact)
            and _generated(following)
        )

    def contents(self, builder: _Builder, facts: Sequence[BlockFact], index: int) -> int:
        """Read a table of contents at `index` as a `Contents`: its entries are generated, not text.

        The title is its 'TOC Heading' paragraph ('Contents' when it has none); the depth is the
        field's outline levels (`\\o "1-2"`), at most 3. Returns the index after its last entry.
        """
        fact = facts[index]
        assert isinstance(fact, ParagraphFact)
        title = "Contents"
        if not _generated(fact):
            _content, title = self.inlines(fact, self.where())
            index += 1
        else:
            self.warn(self.where(), "a table of contents without a heading read as one titled 'Contents'")
        code = ""
        while index < len(facts):
            entry = facts[index]
            if not isinstance(entry, ParagraphFact) or not _generated(entry):
                break
            code = code or _toc_code(entry)
            index += 1
        levels = _TOC_LEVELS.search(code)
        depth = min(max(int(levels.group(1)), 1), 3) if levels else 3
        # Its lines are left out of the text, as `plain_text` leaves them: they repeat the headings.
        builder.add(Contents(title=title if _valid_text(title) else "Contents", depth=depth))
        return index

    def place_table(self, builder: _Builder, fact: TableFact, caption: str | None, label: str | None) -> None:
        table = self.table(fact, caption)
        if table is None:
            return
        if label is not None:
            table = attrs.evolve(table, label=label)
        level = builder.list_level(fact.indent) if fact.indent is not None else None
        if level is not None:
            builder.continue_item(level, table)
        else:
            builder.add(table)

    def paragraph(self, builder: _Builder, para: ParagraphFact, *, flow: bool, filler: bool) -> None:
        numbering = self.numbering(para)
        label = self.counters.label(*numbering) if numbering is not None else ""
        where = self.where()
        content, text = self.inlines(para, where)
        self.line(label, text)
        if filler:
            return  # Word ends every cell with a paragraph; an empty, unstyled last one is not content
        if (
            not content
            and not text
            and any(
                not isinstance(piece, str)
                for run in para.inlines
                if isinstance(run, RunFact)
                for piece in run.pieces
            )
        ):
            return  # only a page break, or pictures and the like already warned about: no paragraph
        role = self.role(para)
        keep = para.keep_next  # 'Keep with next' set on the paragraph itself, not by its style
        heading = self.heading_level(para)
        if heading is not None and role not in ("title", "subtitle"):
            if flow:
                self.heading(builder, heading, text, label, para, where)
                return
            self.warn(where, "a heading inside a table read as a paragraph")
        if role == "title" and flow and _valid_text(text) and not label:
            builder.title(text)
            return
        if role == "subtitle" and builder.after_title and not label:
            builder.title_line(Paragraph(content=content, keep_with_next=keep))
            return
        if (
            role == "letterhead"
            and flow
            and not label
            and builder.letterhead(Paragraph(content=content, keep_with_next=keep))
        ):
            return
        if numbering is not None and label:
            level = self.counters.level(*numbering)
            assert level is not None
            abstract = self.facts.numbering.instances[numbering[0]].abstract_id
            if abstract in self.heading_lists:
                expected = f"{self.sections}.{self.numbered_paragraphs + 1}"
                if flow and numbering[1] == 1 and builder.in_numbered_section() and label == expected:
                    self.numbered_paragraphs += 1
                    builder.add(
                        Paragraph(
                            content=content, numbered=True, label=self.label_of(para), keep_with_next=keep
                        )
                    )
                    return
                self.warn(where, "paragraph numbering the document tree cannot draw kept as text")
                builder.add(Paragraph(content=group([Piece(Text(text=f"{label} "))]) + content))
                return
            if level.format != "none":
                bullet = level.format == "bullet"
                # A paragraph's own indent overrides its list level's, as in Word (lists in cells).
                indent = para.indent if para.indent is not None else level.indent
                item = Paragraph(content=content, keep_with_next=keep)
                joined = builder.item(numbering[0], numbering[1], bullet, indent, item)
                if not bullet and not joined.warned:
                    depth = builder.lists.index(joined)
                    if len(joined.items) == 1:
                        _list_style(joined, builder, level, label, depth)
                    shown = joined.style or style_for_depth(depth)
                    if label != shown.label(joined.first + len(joined.items) - 1):
                        joined.warned = True
                        self.warn(where, f"a list numbered {label!r} in Word read as numbered {shown.value}")
                return
        if builder.lists and "list" in role:
            indent = para.indent
            if indent is None:
                for style in self.styles.chain(self._chain_style(para)):
                    if style.indent is not None:
                        indent = style.indent
                        break
            level_at = builder.list_level(indent)
            if level_at is not None:
                builder.continue_item(level_at, Paragraph(content=content, keep_with_next=keep))
                return
        builder.add(Paragraph(content=content, keep_with_next=keep))

    def heading(
        self, builder: _Builder, level: int, text: str, label: str, para: ParagraphFact, where: str
    ) -> None:
        if not _valid_text(text):
            self.warn(where, "an empty heading skipped")
            return
        depth, skipped = builder.open_heading(level)
        if skipped:
            self.warn(where, f"heading level {level + 1} read as level {depth + 1}")
        numbered = False
        title = text
        if label:
            if depth == 0 and label == f"{self.sections + 1}.":
                numbered = True
                self.sections += 1
                self.numbered_paragraphs = 0
            else:
                self.warn(where, "heading numbering the document tree cannot draw kept as text")
                title = f"{label} {text}"
        builder.push_section(
            title, numbered=numbered, new_page=para.page_break_before, label=self.label_of(para)
        )

    def table(self, fact: TableFact, caption: str | None) -> Table | None:
        self.tables += 1
        where = f"table {self.tables}"
        self.context.append(where)
        header: Row | None = None
        rows: list[Row] = []
        fills: list[int] = []  # grid columns each kept row fills, cells merged from above included
        placed_rows = place_cells(fact.rows)
        for index, (row, placed) in enumerate(zip(fact.rows, placed_rows, strict=True)):
            cells: list[Cell] = []
            for item in placed.cells:
                if item.column >= TABLE_COLUMNS:
                    self.warn(where, f"cells past column {TABLE_COLUMNS} skipped (Word's limit)")
                    break
                blocks = self.blocks(item.cell.blocks, flow=False) if item.cell is not None else ()
                span = min(item.column_span, TABLE_COLUMNS - item.column)
                if span < item.column_span:
                    self.warn(where, f"cells past column {TABLE_COLUMNS} skipped (Word's limit)")
                tall = item.row_span if not (index == 0 and row.header) else 1
                cells.append(Cell(blocks=blocks, column_span=span, row_span=tall))
            for _ in range(row.after):
                cells.append(Cell())
            if not cells and not placed.covered:
                continue
            filled = placed.covered + sum(c.column_span for c in cells)
            if index == 0 and row.header:
                header = Row(cells=tuple(cells))
            else:
                if row.header:
                    self.warn(where, "a second header row read as an ordinary row")
                if not cells:  # every cell merged from above: the tree has no empty rows
                    self.warn(where, "a row of merged cells only read into the row above")
                    continue
                rows.append(Row(cells=tuple(cells)))
            fills.append(filled)
        self.context.pop()
        all_rows = ([header] if header else []) + rows
        if not all_rows:
            self.warn(where, "a table with no rows skipped")
            return None
        columns = min(max(fills), TABLE_COLUMNS)
        if any(fill != columns for fill in fills):
            self.warn(where, "rows with fewer cells padded with empty cells")

        def pad(row: Row, fill: int) -> Row:
            cells = list(row.cells)
            while fill > columns and cells:  # a row past the widest kept one: drop its last cells
                fill -= cells.pop().column_span
            return Row(cells=(*cells, *(Cell() for _ in range(columns - fill))))

        widths: tuple[float, ...] | None = None
        usable = len(fact.grid) == columns and all(w > 0 for w in fact.grid)
        if usable and max(fact.grid) - min(fact.grid) > columns:
            widths = tuple(float(w) for w in fact.grid)
        padded = [pad(row, fill) for row, fill in zip(all_rows, fills, strict=True)]
        align = column_alignment(placed_rows, columns)
        has_header = header is not None
        try:
            return _table(
                padded,
                header=has_header,
                caption=caption,
                widths=widths,
                row_headers=fact.first_column,
                align=align,
            )
        except ValidationError:  # merges that do not fit the grid: read every cell on its own
            self.warn(where, "merged cells that do not fit the table read as separate cells")
        flat = [Row(cells=tuple(attrs.evolve(c, row_span=1) for c in row.cells)) for row in all_rows]
        fills = [sum(c.column_span for c in row.cells) for row in flat]
        return _table(
            [pad(row, fill) for row, fill in zip(flat, fills, strict=True)],
            header=has_header,
            caption=caption,
            widths=widths,
            row_headers=fact.first_column,
            align=align,
        )

    # the document

    def resolve_references(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        """`blocks` with each reference resolved to its target's label, or kept as the text it showed.

        A label the tree cannot hold (used twice, or on a paragraph without a number) is dropped.
        """
        seen: set[str] = set()
        kept: set[str] = set()
        for block in blocks:
            for node in iter_nodes(block):
                label = getattr(node, "label", None)
                if label is None:
                    continue
                if label not in seen and (
                    isinstance(node, Section)
                    or (isinstance(node, Paragraph) and node.numbered)
                    or (isinstance(node, Table) and node.caption is not None)
                ):
                    kept.add(label)
                seen.add(label)

        given: set[str] = set()
        replaced = [False]  # a reference inside the paragraph being rebuilt became text

        def resolve(node: Node) -> Node:
            if isinstance(node, Ref) and node.target not in kept:
                self.warn("document", "a cross-reference to something the tree cannot number kept as text")
                replaced[0] = True
                return Text(text=self.ref_shown.get(node.target) or node.target)
            if isinstance(node, Paragraph) and replaced[0]:
                replaced[0] = False
                node = attrs.evolve(node, content=normal_inlines(node.content))  # texts joined again
            if isinstance(node, Paragraph | Section | Table) and node.label is not None:
                if node.label not in kept or node.label in given:
                    return attrs.evolve(node, label=None)
                given.add(node.label)
            return node

        if not seen and not self.ref_shown:
            return blocks
        return tuple(walk(block, resolve) for block in blocks)

    def story_text(self, stories: Sequence[StoryFact]) -> str | None:
        """The text outside fields of the default header or footer, one line per paragraph."""
        story = next((s for s in stories if s.page == "default"), None)
        if story is None:
            return None
        lines = []
        for block in story.blocks:
            if isinstance(block, ParagraphFact):
                parts: list[str] = []
                for item in block.inlines:
                    runs = (
                        item.runs
                        if isinstance(item, HyperlinkFact)
                        else (item,)
                        if isinstance(item, RunFact)
                        else ()
                    )
                    for run in runs:
                        if run.field is None and not self.run_props(run).hidden:
                            parts += [p for p in run.pieces if isinstance(p, str)]
                lines.append("".join(parts))
        return "\n".join(lines)

    def metadata(self, blocks: Sequence[Block]) -> Metadata:
        core = self.facts.core
        title = core.title
        if not _valid_text(title):
            title = next((b.title for b in blocks if isinstance(b, TitleBlock)), None)
            title = title or next((b.title for b in blocks if isinstance(b, Section)), None)
            title = title or (Path(self.facts.name).stem if self.facts.name else None)
            if not _valid_text(title):
                title = "Untitled document"
            self.warn("document properties", f"no title in the document properties; read as {title!r}")
        assert title is not None
        author = core.creator if _valid_text(core.creator) else None
        if author is None:
            author = "Unknown author"
            self.warn("document properties", "no author in the document properties")
        language = core.language if _valid_text(core.language) else self.styles.defaults.language
        if not _valid_text(language):
            language = "en-GB"
            self.warn("document properties", "no language set; read as en-GB")
        assert language is not None
        keywords = tuple(w.strip() for w in (core.keywords or "").split(",") if _valid_text(w))
        created = _date(core.created)
        header = self.story_text(self.facts.headers)
        footer = self.story_text(self.facts.footers)
        if footer is not None and footer.endswith(_FOOTER_SUFFIX):
            footer = footer[: -len(_FOOTER_SUFFIX)]
        return Metadata(
            title=title,
            author=author,
            subject=core.subject if _valid_text(core.subject) else None,
            language=language,
            keywords=keywords,
            description=core.description if _valid_text(core.description) else None,
            date=created,
            header=header if _valid_text(header) and header != title else None,
            footer=footer if _valid_text(footer) else None,
            capitals=self.headings_in_capitals(),
        )

    def headings_in_capitals(self) -> bool:
        """Whether the document sets its top-level headings in capitals (its Heading 1 style's caps)."""
        heading = next((i for i, s in self.styles.by_id.items() if s.name.lower() == "heading 1"), None)
        return bool(heading is not None and self.styles.run_props(heading).caps)

    def read(self) -> ReadResult:
        blocks = self.blocks(self.facts.body, flow=True)
        if self.facts.changes:
            self.warn("document", "tracked changes read as if accepted")
        if self.facts.comments:
            self.warn("document", "comments read as annotations (ReadResult.annotations), not into the tree")
        blocks = self.resolve_references(blocks)
        meta = self.metadata(blocks)
        try:
            document = Document(meta=meta, blocks=blocks)
        except ValidationError as error:
            raise DocumentReadError(f"{self.facts.name}: {INTERNAL_ERROR} ({error})") from None
        text = "\n".join(self.lines + self.note_lines)
        return ReadResult(document=document, text=text, warnings=tuple(self.warnings.values()))


_TOC_LEVELS = re.compile(r'\\o\s+"\d+-(\d+)"')


def _field_codes(para: ParagraphFact) -> Iterator[str]:
    """The field instructions a paragraph starts inside or shows results of."""
    if para.field is not None:
        yield para.field
    for item in para.inlines:
        runs = item.runs if isinstance(item, HyperlinkFact) else (item,) if isinstance(item, RunFact) else ()
        for run in runs:
            if run.field is not None:
                yield run.field


def _toc_code(para: ParagraphFact) -> str:
    return next((c for c in _field_codes(para) if c.lstrip().upper().startswith("TOC")), "")


def _generated(para: ParagraphFact) -> bool:
    """Whether `para` is part of a table of contents' field (generated content, not text)."""
    return bool(_toc_code(para))


_REF_FIELD = re.compile(r"^\s*REF\s+(\S+)", re.IGNORECASE)


_OWN_TARGET = "_Ref_"  # how `reference_bookmark` starts the bookmark of a labelled target


def _label_of(bookmark: str) -> str | None:
    """The tree label for a bookmark: '_Ref_budget' is 'budget', Word's '_Ref123' is 'Ref123'."""
    name = bookmark.removeprefix(_OWN_TARGET) if bookmark.startswith(_OWN_TARGET) else bookmark.lstrip("_")
    return name if LABEL_PATTERN.fullmatch(name) else None


def _reference_targets(facts: DocxFacts) -> set[str]:
    """The bookmarks the REF fields of the body point at."""
    found: set[str] = set()
    for para in iter_paragraphs(facts.body):
        # A REF field may stand inside a hyperlink (a link whose text cites a paragraph).
        for code in _field_codes(para):
            match = _REF_FIELD.match(code)
            if match:
                found.add(match.group(1))
    return found


def _table(
    rows: list[Row],
    *,
    header: bool,
    caption: str | None,
    widths: tuple[float, ...] | None,
    row_headers: bool,
    align: tuple[str, ...] | None,
) -> Table:
    """A table of `rows`, the first of them the header row when `header`."""
    return Table(
        header=rows[0] if header else None,
        rows=rows[1:] if header else rows,
        caption=caption,
        widths=widths,
        row_headers=row_headers,
        align=align,
    )


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def read_facts(facts: DocxFacts) -> ReadResult:
    """The tree, text and warnings for facts already parsed by `parse_docx`."""
    return _Reader(facts).read()


def read(
    source: str | os.PathLike[str] | bytes, *, limits: Limits | None = None, name: str | None = None
) -> ReadResult:
    """Read the .docx at `source` (a path or the file's bytes) into the document tree.

    Headings (a heading style or outline level) open sections, list numbering shared with
    the headings gives numbered paragraphs ('4.3'), other list numbering gives bullet and
    ordered lists, 'Title' and 'Subtitle' paragraphs give the title block, a 'caption'
    paragraph just before a table gives its caption, footnote references give notes, and
    hyperlinks with an absolute web or email target give links. What the tree cannot hold
    (pictures, text boxes, equations, hidden text, numbering the tree does not draw) is left
    out or kept as text, and said in a warning. The tree is in the normal form of
    `pccplan.read.normal`. Raises `DocumentReadError` (naming the file and the reason) for
    a file that is not a readable .docx or passes one of `limits`.
    """
    limits = limits or Limits()
    label, data = load(source, limits, name)
    facts = parse_docx(data, limits=limits, name=label)
    result = read_facts(facts)
    if facts.changes or facts.comments:  # only then is the package opened a second time
        changes, notes = _changes_and_comments(data, label, limits)
        result = attrs.evolve(result, changes=changes, annotations=notes)
    return result


def _changes_and_comments(
    data: bytes, label: str, limits: Limits
) -> tuple[tuple[TrackedChange, ...], tuple[Annotation, ...]]:
    """The tracked changes and the comments of a package already read once (so known to be sound)."""
    package = Package(label, data, limits)
    main = main_part(package)
    body = package.xml(main).find(f"{{{_W}}}body")
    if body is None:  # parse_docx refused such a file already
        return (), ()
    comments = of_type(package.rels(main), "comments")
    notes = comment_annotations(package.xml(comments), body) if comments else ()
    footnotes = of_type(package.rels(main), "footnotes")
    return tracked_changes(body, package.xml(footnotes) if footnotes else None), notes
