"""The neutral document tree: one closed set of frozen nodes that every renderer reads."""

from __future__ import annotations

import datetime as dt
import functools
import re
import weakref
from typing import Any, TypeAlias, get_args

import attrs

from pccplan.compose.grid import Layout, layout
from pccplan.compose.picture import Picture
from pccplan.errors import Problem, ValidationError
from pccplan.model.classes import shared_eq_repr
from pccplan.model.validators import optional_date, optional_text, text, to_tuple, url, xml_safe
from pccplan.number_formats import ROMAN_MAX, ListStyle
from pccplan.statute.exempt import SCHEDULE_12A  # PUB-1: the law's words live in statute
from pccplan.statute.exempt import cited as exempt_cited
from pccplan.statute.foi import FOI_ACT, FOI_EXEMPTIONS, foi_exemption

__all__ = [
    "SCHEDULE_12A",
    "AttachedFile",
    "Block",
    "BulletList",
    "Cell",
    "Contents",
    "Document",
    "Emph",
    "Exempt",
    "Inline",
    "Letterhead",
    "LineBreak",
    "Link",
    "ListItem",
    "Metadata",
    "Node",
    "Note",
    "OrderedList",
    "Paragraph",
    "Picture",
    "Ref",
    "Row",
    "Section",
    "Strong",
    "Table",
    "Text",
    "TitleBlock",
    "TreeFacts",
    "tree_facts",
]

# Deepest section nesting: level 1 is a top-level section, 2 and 3 its sub-headings.
MAX_SECTION_LEVEL = 3


def _normalise_newlines(value: object) -> object:
    """Carriage returns (from pasted Windows text) become line feeds, so every renderer sees one kind."""
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _members(kinds: Any) -> Any:
    """A validator for a tuple of nodes whose allowed classes are looked up when it runs.

    `kinds` is a zero-argument function so that node classes may refer to classes defined
    later in this module (inlines hold notes, notes hold paragraphs).
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        owner = type(instance).__name__
        if not isinstance(value, tuple):
            raise ValidationError.one(attribute.name, "must be a list", value, owner)
        allowed: tuple[type, ...] = kinds()
        for index, item in enumerate(value):
            if not isinstance(item, allowed):
                names = " or ".join(k.__name__ for k in allowed)
                raise ValidationError.one(f"{attribute.name}[{index}]", f"must be a {names}", item, owner)

    return check


LABEL_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,34}")
"""A label a `Ref` can point at: at most 35 characters, so that its bookmark ('_Ref_' and the
label) stays within the 40 characters Word allows a bookmark's name (longer ones Word cuts)."""


def _label(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A label a `Ref` can point at: a letter then up to 34 letters, digits or '_' (a Word bookmark)."""
    if value is None and attribute.name == "label":
        return
    if not isinstance(value, str) or not LABEL_PATTERN.fullmatch(value):
        reason = "must be a letter then up to 34 letters, digits or underscores (35 characters at most)"
        raise ValidationError.one(attribute.name, reason, value, type(instance).__name__)


def _non_empty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, tuple) and not value:
        raise ValidationError.one(attribute.name, "must not be empty", value, type(instance).__name__)


def _inline_kinds() -> tuple[type, ...]:
    return (Text, Emph, Strong, Link, Note, LineBreak, Ref, Picture)


def _block_kinds() -> tuple[type, ...]:
    return _BLOCK_KINDS  # defined below the classes; a field's validator asks only when it runs


def _inlines() -> Any:
    return attrs.field(default=(), converter=to_tuple, validator=_members(_inline_kinds))


def _blocks(*, non_empty: bool = False) -> Any:
    if non_empty:
        return attrs.field(converter=to_tuple, validator=[_members(_block_kinds), _non_empty])
    return attrs.field(default=(), converter=to_tuple, validator=_members(_block_kinds))


# ---------------------------------------------------------------- markers


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Exempt:
    """A mark that a part is exempt information: under a paragraph of Schedule 12A to the LGA 1972,
    or under a section of Part II of the Freedom of Information Act 2000.

    `paragraph` is the paragraph number of Part 1 of the Schedule (1 to 7); `foi_section`, given
    instead, the section of the 2000 Act (21 to 44, see `pccplan.statute.foi`). `label` says
    what the information is, and defaults to the Schedule's description or the section's heading.
    """

    paragraph: int | None = attrs.field(default=None)
    foi_section: int | None = attrs.field(default=None)
    label: str = attrs.field(validator=text)

    @paragraph.validator
    def _check_paragraph(self, attribute: attrs.Attribute[int | None], value: object) -> None:
        if self.foi_section is not None:
            if value is not None:
                raise ValidationError.one(
                    "paragraph",
                    "give a paragraph of Schedule 12A or an FOI section, not both",
                    value,
                    "Exempt",
                )
            foi_exemption(self.foi_section)  # names the sections allowed when it is not one
            return
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= len(SCHEDULE_12A):
            raise ValidationError.one("paragraph", "must be a paragraph number from 1 to 7", value, "Exempt")

    @label.default
    def _default_label(self) -> str:
        # Runs before the validators, so an invalid number must not fail here first.
        if self.foi_section is not None and self.foi_section in FOI_EXEMPTIONS:
            return FOI_EXEMPTIONS[self.foi_section]
        valid = isinstance(self.paragraph, int) and 1 <= self.paragraph <= len(SCHEDULE_12A)
        return SCHEDULE_12A[self.paragraph - 1] if valid and self.paragraph else "exempt information"

    @property
    def citation(self) -> str:
        """How the exemption is cited: 'paragraph 3 of Schedule 12A' ('section 43 of the FOI Act 2000')."""
        if self.foi_section is not None:
            return f"section {self.foi_section} of the {FOI_ACT}"
        return exempt_cited(self.paragraph or 0, act=False)

    @property
    def in_full(self) -> str:
        """The citation with its Act: 'paragraph 3 of Schedule 12A to the Local Government Act 1972'."""
        if self.foi_section is not None:
            return self.citation
        return exempt_cited(self.paragraph or 0)


# ---------------------------------------------------------------- inlines


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Text:
    """Literal text; a line feed inside it is a line break."""

    text: str = attrs.field(converter=_normalise_newlines, validator=xml_safe)


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Emph:
    """Emphasised (italic) inlines."""

    content: tuple[Inline, ...] = _inlines()


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Strong:
    """Strongly emphasised (bold) inlines."""

    content: tuple[Inline, ...] = _inlines()


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Link:
    """A hyperlink: the inlines a reader sees and the absolute URL it goes to."""

    content: tuple[Inline, ...] = attrs.field(
        converter=to_tuple, validator=[_members(_inline_kinds), _non_empty]
    )
    url: str = attrs.field(validator=url)


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Note:
    """A footnote: its reference sits here, its paragraphs at the foot of the page."""

    content: tuple[Paragraph, ...] = attrs.field(
        converter=to_tuple, validator=[_members(lambda: (Paragraph,)), _non_empty]
    )


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class LineBreak:
    """A line break inside a paragraph."""


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Ref:
    """A cross-reference to the numbered paragraph, section or table whose `label` is `target`.

    It shows the target's number ('4.3' for a paragraph, '4' for a section), or, for a section
    without a number (an appendix) its title and for a table its caption; the words around it
    ('see paragraph ') are the text's own.
    """

    target: str = attrs.field(validator=_label)


Inline: TypeAlias = Text | Emph | Strong | Link | Note | LineBreak | Ref | Picture
"""Anything that sits inside a line of text."""


# ---------------------------------------------------------------- blocks


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Paragraph:
    """A paragraph of inlines; `numbered` ones carry the section's next number ('4.3')."""

    content: tuple[Inline, ...] = _inlines()
    numbered: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    exempt: Exempt | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Exempt))
    )
    label: str | None = attrs.field(default=None, validator=_label)
    """What a `Ref` names this paragraph by (only a numbered paragraph can be referred to)."""
    keep_with_next: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    """Kept on the same page as the block after it (Word's 'Keep with next'): a letter's
    'Yours sincerely' with the name under it, never the one at a page's foot and the other over."""


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Section:
    """A heading and the blocks under it; nested sections are sub-headings (levels 2 and 3).

    Only top-level sections may be `numbered` ('4. BACKGROUND'); `new_page` starts the heading on
    a new page (appendices).
    """

    title: str = attrs.field(converter=_normalise_newlines, validator=text)
    blocks: tuple[Block, ...] = _blocks()
    numbered: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    new_page: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    exempt: Exempt | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Exempt))
    )
    label: str | None = attrs.field(default=None, validator=_label)
    """What a `Ref` names this section by."""


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class TitleBlock:
    """A report's title (set in bold capitals) and optional lines under it (meeting, date, contact).

    `logo` is the office's logo, shown above the title (from the house form's `logo`).
    """

    title: str = attrs.field(converter=_normalise_newlines, validator=text)
    lines: tuple[Paragraph, ...] = attrs.field(
        converter=to_tuple, default=(), validator=_members(lambda: (Paragraph,))
    )
    logo: Picture | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Picture))
    )


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Letterhead:
    """The head of a letter: the sender's logo at the top, then its lines (name and address, reference, date).

    A letter has no title, so this is where the house form's `logo` goes. `lines` are the
    paragraphs of the sender's block in the order the letter shows them; nothing is added
    to them. A letterhead is the document's first block, and holds a logo, a line or both.
    """

    lines: tuple[Paragraph, ...] = attrs.field(
        converter=to_tuple, default=(), validator=_members(lambda: (Paragraph,))
    )
    logo: Picture | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Picture))
    )

    def __attrs_post_init__(self) -> None:
        if not self.lines and self.logo is None:
            reason = "a letterhead needs a logo or a line"
            raise ValidationError.one("lines", reason, self.lines, "Letterhead")


def _contents_depth(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or value not in (1, 2, 3):
        raise ValidationError.one(attribute.name, "must be 1, 2 or 3", value, type(instance).__name__)


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Contents:
    """A table of contents: the headings of the document's sections, down to `depth`, made by the renderer.

    Nothing is typed in: the entries are the sections' own titles and numbers. `depth` 1 lists
    top-level sections only, 2 their subsections too, 3 one level further (Word's TOC \\o "1-3").
    """

    title: str = attrs.field(default="Contents", converter=_normalise_newlines, validator=text)
    depth: int = attrs.field(default=2, validator=_contents_depth)


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ListItem:
    """One item of a list: its first block is a paragraph (the item's text), then any further blocks."""

    blocks: tuple[Block, ...] = _blocks(non_empty=True)

    @blocks.validator
    def _check_first(self, attribute: attrs.Attribute[Any], value: tuple[Block, ...]) -> None:
        if value and not isinstance(value[0], Paragraph):
            raise ValidationError.one(
                "blocks[0]", "must be a Paragraph (the item's text)", value[0], "ListItem"
            )


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class BulletList:
    """A bulleted list."""

    items: tuple[ListItem, ...] = attrs.field(
        converter=to_tuple, validator=[_members(lambda: (ListItem,)), _non_empty]
    )
    exempt: Exempt | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Exempt))
    )
    """Set when the list belongs to an exempt paragraph: the public view leaves it out with it."""


def _list_start(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= ROMAN_MAX:
        raise ValidationError.one(
            attribute.name, f"must be a whole number from 1 to {ROMAN_MAX}", value, "OrderedList"
        )


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class OrderedList:
    """A numbered list: '1.', '(a)', 'a.', '(i)', 'i.', 'A.' or 'I.' labels, from `start`.

    `style` ``None`` numbers by depth: 1, 2, 3 at the top, a, b, c when nested, i, ii, iii below
    that. `continues` carries on the numbering of the previous ordered list of the same style
    and depth (Word's 'Continue numbering'; `start` is then left at 1); otherwise the list
    starts again at `start` (Word's 'Restart at').
    """

    items: tuple[ListItem, ...] = attrs.field(
        converter=to_tuple, validator=[_members(lambda: (ListItem,)), _non_empty]
    )
    style: ListStyle | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(ListStyle))
    )
    start: int = attrs.field(default=1, validator=_list_start)
    continues: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    @continues.validator
    def _check_continues(self, attribute: attrs.Attribute[bool], value: bool) -> None:
        if value and self.start != 1:
            raise ValidationError.one(
                "start", "a list that continues the previous one takes its start from it", self.start,
                "OrderedList",
            )  # fmt: skip

    exempt: Exempt | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Exempt))
    )
    """Set when the list belongs to an exempt paragraph: the public view leaves it out with it."""


def _span(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 63:
        raise ValidationError.one(attribute.name, "must be a whole number from 1 to 63", value, "Cell")


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Cell:
    """One table cell: its blocks (none makes an empty cell) and the columns and rows it spans.

    A cell spanning several rows is listed in its top row only; the rows below it have one
    cell fewer at its place (see `pccplan.compose.grid`). Word writes the spans as
    `w:gridSpan` and `w:vMerge`, HTML as `colspan` and `rowspan`.
    """

    blocks: tuple[Block, ...] = _blocks()
    column_span: int = attrs.field(default=1, validator=_span)
    row_span: int = attrs.field(default=1, validator=_span)


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Row:
    """One table row."""

    cells: tuple[Cell, ...] = attrs.field(
        converter=to_tuple, validator=[_members(lambda: (Cell,)), _non_empty]
    )


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Table:
    """A table: optional caption, optional header row (repeated on each page), body rows.

    `widths` are the columns' relative widths (any positive numbers; they are scaled to the
    text width), or ``None`` for equal columns. `row_headers` makes each row's first cell the
    heading of its row (a screen reader announces it with every cell of the row). `align`
    gives each column's alignment ('left', 'right', 'center'), ``None`` for all left:
    number and money columns are set 'right' so their digits line up.
    """

    header: Row | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Row))
    )
    rows: tuple[Row, ...] = attrs.field(converter=to_tuple, validator=_members(lambda: (Row,)))
    caption: str | None = attrs.field(default=None, converter=_normalise_newlines, validator=optional_text)
    widths: tuple[float, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_tuple)
    )
    label: str | None = attrs.field(default=None, validator=_label)
    """What a `Ref` names this table by (the table needs a caption: that is what a reference shows)."""
    row_headers: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    align: tuple[str, ...] | None = attrs.field(default=None, converter=attrs.converters.optional(to_tuple))

    def __attrs_post_init__(self) -> None:
        all_rows = ((self.header,) if self.header else ()) + self.rows
        if not all_rows:
            raise ValidationError.one("rows", "a table needs at least one row", self.rows, "Table")
        if self.header and any(cell.row_span > 1 for cell in self.header.cells):
            raise ValidationError.one("header", "a header cell cannot span rows", self.header, "Table")
        shape = self.layout
        for path, reason in shape.problems:
            index = int(path[1 : path.index("]")])
            name = "header" if self.header and index == 0 else f"rows[{index - bool(self.header)}]"
            # The value shown is the row's spans, (columns, rows) per cell: what decides the shape.
            spans = [(c.column_span, c.row_span) for c in all_rows[index].cells]
            raise ValidationError.one(f"{name}{path[path.index(']') + 1 :]}", reason, spans, "Table")
        columns = shape.columns
        if self.align is not None:
            if len(self.align) != columns:
                raise ValidationError.one(
                    "align", f"has {len(self.align)} alignments for {columns} columns", self.align, "Table"
                )
            for index, value in enumerate(self.align):
                if value not in ("left", "right", "center"):
                    raise ValidationError.one(
                        f"align[{index}]", "must be 'left', 'right' or 'center'", value, "Table"
                    )
        if self.widths is not None:
            if len(self.widths) != columns:
                raise ValidationError.one(
                    "widths", f"has {len(self.widths)} widths for {columns} columns", self.widths, "Table"
                )
            for index, width in enumerate(self.widths):
                if (
                    isinstance(width, bool)
                    or not isinstance(width, int | float)
                    or not 0 < width < float("inf")
                ):
                    raise ValidationError.one(f"widths[{index}]", "must be a positive number", width, "Table")

    @property
    def layout(self) -> Layout:
        """Where each row's cells sit on the grid, header row first (see `pccplan.compose.grid`)."""
        all_rows = ((self.header,) if self.header else ()) + self.rows
        return layout([[(c.column_span, c.row_span) for c in row.cells] for row in all_rows])

    @property
    def columns(self) -> int:
        """How many grid columns the table has (a merged cell covers several)."""
        return sum(c.column_span for c in (self.header or self.rows[0]).cells)

    @property
    def fractions(self) -> tuple[float, ...]:
        """Each column's share of the table width; the shares add up to 1."""
        widths = self.widths or (1.0,) * self.columns
        total = float(sum(widths))
        return tuple(w / total for w in widths)


def _docx_path(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    text(instance, attribute, value)
    assert isinstance(value, str)
    if not value.lower().endswith(".docx"):
        raise ValidationError.one(attribute.name, "must name a .docx file", value, type(instance).__name__)


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class AttachedFile:
    """A Word document attached where it stands: appendix `label` ('A'), its `title`, and the `path`
    of the .docx (relative to the current folder, or absolute).

    The DOCX renderer puts the document's own body here, its styles and lists kept apart from
    the host's; a renderer that cannot embed it says that the appendix is a separate file.
    It stands in the body or a section (usually the appendix's own), not in a list or table.
    """

    label: str = attrs.field(validator=text)
    title: str = attrs.field(converter=_normalise_newlines, validator=text)
    path: str = attrs.field(validator=_docx_path)


Block: TypeAlias = (
    Paragraph | Section | TitleBlock | Letterhead | BulletList | OrderedList | Table | Contents | AttachedFile
)
"""Anything that stacks down the page."""

# The classes of `Block`, which a field of blocks accepts and names in its errors.
_BLOCK_KINDS: tuple[type, ...] = get_args(Block)


# ---------------------------------------------------------------- document


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Metadata:
    """Facts about the document as a whole: properties, language, running header and footer.

    `author` is the office that issues the document (e.g. 'Office of the Police and Crime
    Commissioner for Cambridgeshire and Peterborough'). `date` (e.g. the meeting date) stamps
    the file's created and modified times; ``None`` leaves them out, never 'now'. `header`
    is the running header text (``None``: the title); `footer` is text shown before
    'Page N of M' (``None``: page numbers only). `capitals` shows the title and top-level
    headings in capitals, as committee reports are set (styled, not typed, so the words stay as
    written for screen readers); decision notices and web pages are set without.
    """

    title: str = attrs.field(converter=_normalise_newlines, validator=text)
    author: str = attrs.field(validator=text)
    subject: str | None = attrs.field(default=None, validator=optional_text)
    language: str = attrs.field(default="en-GB", validator=text)
    keywords: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    description: str | None = attrs.field(default=None, validator=optional_text)
    date: dt.date | None = attrs.field(default=None, validator=optional_date)
    header: str | None = attrs.field(default=None, validator=optional_text)
    footer: str | None = attrs.field(default=None, validator=optional_text)
    capitals: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))

    @keywords.validator
    def _check_keywords(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise ValidationError.one("keywords", "must be a list", value, "Metadata")
        for index, word in enumerate(value):
            try:
                text(self, attribute, word)
            except ValidationError as error:
                raise ValidationError(
                    [attrs.evolve(p, path=f"keywords[{index}]") for p in error.problems]
                ) from None

    @property
    def header_text(self) -> str:
        """The running header: `header` when given, else the title."""
        return self.header if self.header is not None else self.title


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Document:
    """A whole document: its metadata and its blocks, checked for sound structure when built."""

    meta: Metadata = attrs.field(validator=attrs.validators.instance_of(Metadata))
    blocks: tuple[Block, ...] = _blocks()

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for index, block in enumerate(self.blocks):
            _check_block(block, f"blocks[{index}]", _TOP, problems)
        facts = _check_references(self, problems)
        if problems:
            raise ValidationError([attrs.evolve(p, owner="Document") for p in problems])
        _remember(self, facts)


Node: TypeAlias = Document | Metadata | Block | Inline | ListItem | Row | Cell | Exempt
"""Any node of the tree."""


# ---------------------------------------------------------------- structure checks


@shared_eq_repr
@attrs.frozen(eq=False, repr=False)
class _Place:
    """Where a block sits, for the structure rules: section depth and what it is inside."""

    depth: int  # 0 at top level, n inside a level-n section
    in_numbered: bool  # inside a numbered top-level section
    in_flow: bool  # directly in the body or a section (not in a list, table or note)


_TOP = _Place(0, False, True)


def _check_block(block: Block, path: str, place: _Place, problems: list[Problem]) -> None:
    """Add to `problems` each structure rule `block` breaks where it sits."""
    if isinstance(block, TitleBlock):
        if place.depth or not place.in_flow:
            problems.append(
                Problem(path=path, reason="a title block must be at the top level", value=block.title)
            )
        for index, line in enumerate(block.lines):
            _check_block(line, f"{path}.lines[{index}]", _Place(0, False, False), problems)
    elif isinstance(block, Letterhead):
        if path != "blocks[0]":  # readers know a letterhead by its place: the head of the page
            problems.append(Problem(path=path, reason="a letterhead must be the first block", value=None))
        for index, line in enumerate(block.lines):
            _check_block(line, f"{path}.lines[{index}]", _Place(0, False, False), problems)
    elif isinstance(block, Section):
        if not place.in_flow:
            problems.append(
                Problem(path=path, reason="a section cannot sit in a list, table or note", value=block.title)
            )
        elif place.depth >= MAX_SECTION_LEVEL:
            problems.append(
                Problem(
                    path=path, reason=f"sections nest at most {MAX_SECTION_LEVEL} deep", value=block.title
                )
            )
        if block.numbered and place.depth:
            problems.append(
                Problem(path=f"{path}.numbered", reason="only top-level sections can be numbered", value=True)
            )
        inner = _Place(
            place.depth + 1, place.in_numbered or (block.numbered and not place.depth), place.in_flow
        )
        for index, child in enumerate(block.blocks):
            _check_block(child, f"{path}.blocks[{index}]", inner, problems)
    elif isinstance(block, Paragraph):
        if block.numbered and not (place.in_numbered and place.in_flow):
            problems.append(
                Problem(
                    path=f"{path}.numbered",
                    reason="numbered paragraphs must sit directly in a numbered section",
                    value=True,
                )
            )
        _check_inlines(block.content, f"{path}.content", problems, in_link=False, in_note=False)
    elif isinstance(block, BulletList | OrderedList):
        nested = _Place(place.depth, place.in_numbered, False)
        for index, item in enumerate(block.items):
            for sub, child in enumerate(item.blocks):
                _check_block(child, f"{path}.items[{index}].blocks[{sub}]", nested, problems)
    elif isinstance(block, AttachedFile):
        if not place.in_flow:
            reason = "an attached file stands in the body or a section, not in a list, table or note"
            problems.append(Problem(path=path, reason=reason, value=block.path))
    elif isinstance(block, Table):
        nested = _Place(place.depth, place.in_numbered, False)
        rows = ((("header", block.header),) if block.header else ()) + tuple(
            (f"rows[{i}]", row) for i, row in enumerate(block.rows)
        )
        for name, row in rows:
            for col, cell in enumerate(row.cells):
                for sub, child in enumerate(cell.blocks):
                    _check_block(child, f"{path}.{name}.cells[{col}].blocks[{sub}]", nested, problems)


def _check_inlines(
    inlines: tuple[Inline, ...], path: str, problems: list[Problem], *, in_link: bool, in_note: bool
) -> None:
    """Links cannot hold links or notes; notes cannot hold notes."""
    for index, node in enumerate(inlines):
        if isinstance(node, Text):  # most inlines: nothing to check, no path to format
            continue
        here = f"{path}[{index}]"
        if isinstance(node, Link):
            if in_link:
                problems.append(Problem(path=here, reason="a link cannot contain a link", value=node.url))
            _check_inlines(node.content, f"{here}.content", problems, in_link=True, in_note=in_note)
        elif isinstance(node, Note):
            if in_link or in_note:
                problems.append(
                    Problem(path=here, reason="a note cannot sit in a link or another note", value=None)
                )
            for sub, para in enumerate(node.content):
                if para.numbered:
                    problems.append(
                        Problem(
                            path=f"{here}.content[{sub}].numbered",
                            reason="a note's paragraphs are not numbered",
                            value=True,
                        )
                    )
                _check_inlines(
                    para.content, f"{here}.content[{sub}].content", problems, in_link=False, in_note=True
                )
        elif isinstance(node, Emph | Strong):
            _check_inlines(node.content, f"{here}.content", problems, in_link=in_link, in_note=in_note)


# What a field holds that cannot hold a label or a reference: asked first, as the cheapest test.
_PLAIN_VALUES = (str, bool, int, float, Text)

# The names a field's annotation may use and still hold no node (a flag, a count, a label, a style).
_PLAIN_NAMES = frozenset({"str", "bool", "int", "float", "bytes", "None", "tuple", "dt.date", "ListStyle"})


@functools.cache
def _node_fields(cls: type) -> tuple[str, ...]:
    """The names of `cls`'s fields that may hold nodes, in order: the others (flags, numbers,
    labels) are not looked at by the walk below. A field whose annotation names anything but
    plain types is looked at."""
    fields: tuple[attrs.Attribute[Any], ...] = cls.__attrs_attrs__  # type: ignore[attr-defined]
    return tuple(
        field.name
        for field in fields
        if not isinstance(field.type, str)
        or not set(re.findall(r"[A-Za-z_][\w.]*", field.type)) <= _PLAIN_NAMES
    )


def _labelled(
    node: Any, path: str, labels: list[tuple[str, str]], refs: list[tuple[str, str]], kinds: set[type]
) -> None:
    """Gather the labels under `node` ((label, path)) and its references ((path, target)), in order,
    and the classes of the nodes it holds other than text (`kinds`)."""
    # Run on every document built, over every node: only the fields that may hold nodes are read,
    # a path is formatted only for a node that is looked into, and text (most of the nodes,
    # holding nothing) is passed over.
    plain = _PLAIN_VALUES
    node_kind: type = type(node)  # a class, whatever mypy infers of `Any`
    for name in _node_fields(node_kind):
        value = getattr(node, name)
        many = isinstance(value, tuple)
        for index, item in enumerate(value if many else (value,)):
            if item is None or isinstance(item, plain):
                continue
            kind = type(item)
            if not attrs.has(kind):
                continue
            kinds.add(kind)
            here = f"{path}{name}[{index}]" if many else f"{path}{name}"
            if isinstance(item, Ref):
                refs.append((f"{here}.target", item.target))
            elif not isinstance(item, Exempt | Metadata):
                label = getattr(item, "label", None)
                if label is not None:
                    labels.append((label, here))
                if kind is Paragraph and item.exempt is None and all(type(c) is Text for c in item.content):
                    continue  # most paragraphs: plain text, nothing under it to gather
                _labelled(item, f"{here}.", labels, refs, kinds)


def _check_references(doc: Document, problems: list[Problem]) -> TreeFacts:
    """Every label is used once, on something a reference can show; every reference names a label.

    The walk that finds them also finds what `tree_facts` tells of `doc`.
    """
    labels: list[tuple[str, str]] = []
    refs: list[tuple[str, str]] = []
    kinds: set[type] = set()
    _labelled(doc, "", labels, refs, kinds)
    known: dict[str, str] = {}
    numbered: set[str] = set()
    for name, path in labels:
        node = _at(doc, path)
        if isinstance(node, Paragraph | Section) and node.numbered:
            numbered.add(name)
        if name in known:
            problems.append(Problem(path=f"{path}.label", reason="is used twice", value=name))
        elif isinstance(node, Paragraph) and not node.numbered:
            reason = "only a numbered paragraph can be referred to"
            problems.append(Problem(path=f"{path}.label", reason=reason, value=name))
        elif isinstance(node, Table) and node.caption is None:
            reason = "a table referred to needs a caption (what the reference shows)"
            problems.append(Problem(path=f"{path}.label", reason=reason, value=name))
        known.setdefault(name, path)
    for path, target in refs:
        if target not in known:
            reason = "names no paragraph, section or table of this document"
            problems.append(Problem(path=path, reason=reason, value=target))
    return TreeFacts(kinds=frozenset(kinds), numbered_labels=frozenset(numbered))


@shared_eq_repr
@attrs.frozen(eq=False, repr=False)
class TreeFacts:
    """What a document holds that renderers ask before they start: the classes of its nodes other
    than text (`kinds`: is anything `Exempt`, is there a `Note`, a `Ref`, a `Contents`?) and the
    labels of its numbered paragraphs and sections (a reference to one shows its number)."""

    kinds: frozenset[type]
    numbered_labels: frozenset[str]


# Each document's facts, found by the check it gets when built, by the document's id while it lives:
# asking them again would walk every node of the tree once more (a tenth of a render).
_FACTS: dict[int, TreeFacts] = {}


def _remember(doc: Document, facts: TreeFacts) -> None:
    key = id(doc)
    _FACTS[key] = facts
    weakref.finalize(doc, _FACTS.pop, key, None)


def tree_facts(doc: Document) -> TreeFacts:
    """What `doc` holds that renderers ask before they start (see `TreeFacts`).

    Found once, when `doc` is built; a document made without its `__init__` (unpickled, say) is
    walked now.
    """
    found = _FACTS.get(id(doc))
    if found is None:
        found = _check_references(doc, [])
        _remember(doc, found)
    return found


def _at(doc: Document, path: str) -> Any:
    """The node at `path` ('blocks[2].blocks[0]') in `doc`."""
    node: Any = doc
    for name, index in re.findall(r"(\w+)(?:\[(\d+)\])?", path):
        node = getattr(node, name)
        if index:
            node = node[int(index)]
    return node
