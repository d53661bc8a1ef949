"""The reader's DOCX-shaped facts: paragraphs, runs, tables, styles, lists and properties as Word keeps them.

Nothing here knows the document tree; `pccplan.read.docx` turns these facts into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TypeAlias

import attrs

__all__ = [
    "AbstractNumbering",
    "BlockFact",
    "Break",
    "CellFact",
    "CoreProperties",
    "DocxFacts",
    "Drawing",
    "HyperlinkFact",
    "InlineFact",
    "LevelFact",
    "NoteMark",
    "NoteReference",
    "Numbering",
    "NumberingInstance",
    "ParagraphFact",
    "RowFact",
    "RunFact",
    "RunPiece",
    "RunProps",
    "Skipped",
    "StoryFact",
    "StyleFact",
    "Styles",
    "TableFact",
    "iter_paragraphs",
]

_HEADING_NAME = re.compile(r"^heading ([1-9])$")


@attrs.frozen(kw_only=True)
class RunProps:
    """Character formatting set on a run or a style; ``None`` means not set here (inherited).

    `size` is in half-points (Word's `w:sz`: 24 is 12pt); `color` is a hex colour such as
    'C00000', or 'auto'; `style` is a character style id.
    """

    style: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    strike: bool | None = None
    caps: bool | None = None
    hidden: bool | None = None
    color: str | None = None
    size: int | None = None
    highlight: str | None = None
    shading: str | None = None
    vert_align: str | None = None
    language: str | None = None

    def over(self, base: RunProps) -> RunProps:
        """These properties laid over `base`: each one set here wins, the rest come from `base`."""
        changes = {
            field.name: getattr(self, field.name)
            for field in attrs.fields(RunProps)
            if getattr(self, field.name) is not None
        }
        return attrs.evolve(base, **changes) if changes else base


@attrs.frozen(kw_only=True)
class Break:
    """A page or column break inside a run (line breaks are '\\n' in the run's text)."""

    kind: str


@attrs.frozen(kw_only=True)
class NoteReference:
    """A footnote (or endnote) reference in the text: the number a reader sees, pointing at a note."""

    note_id: str
    endnote: bool = False


@attrs.frozen(kw_only=True)
class NoteMark:
    """The note's own number at the start of a footnote or endnote (`w:footnoteRef`)."""

    endnote: bool = False


@attrs.frozen(kw_only=True)
class Drawing:
    """A picture or other drawing: its name and alternative text (`wp:docPr` or VML `alt`).

    `decorative` is Word's 'Mark as decorative' (no alt text needed). `image` holds the
    picture's bytes (an SVG's, with its PNG `fallback`), `width` and `height` its size in
    EMU; ``None`` when the file does not hold them (a VML shape, a linked picture).
    """

    name: str | None = None
    description: str | None = None
    title: str | None = None
    decorative: bool = False
    image: bytes | None = attrs.field(default=None, repr=False)
    fallback: bytes | None = attrs.field(default=None, repr=False)
    width: int | None = None
    height: int | None = None


@attrs.frozen(kw_only=True)
class Skipped:
    """Something in the file the reader does not turn into text: what it is ('text box', 'equation')."""

    what: str


RunPiece: TypeAlias = str | Break | NoteReference | NoteMark | Drawing | Skipped
"""One thing inside a run: text (tabs as '\\t', line breaks as '\\n'), a break, a note, a drawing."""


@attrs.frozen(kw_only=True)
class RunFact:
    """A run: its own formatting and what it holds.

    `field` is the instruction of the innermost field whose shown result this run is part of
    ('PAGE', 'HYPERLINK "https://…"'), ``None`` outside fields; runs holding a field's
    instruction are not kept. `link` is the target of a HYPERLINK field the run is shown in.
    """

    props: RunProps
    pieces: tuple[RunPiece, ...]
    field: str | None = None
    link: str | None = None


@attrs.frozen(kw_only=True)
class HyperlinkFact:
    """A `w:hyperlink`: its external target (`url`, from the relationship) or in-document `anchor`."""

    url: str | None
    anchor: str | None
    runs: tuple[RunFact, ...]


InlineFact: TypeAlias = RunFact | HyperlinkFact | Skipped
"""What a paragraph holds, in order."""


@attrs.frozen(kw_only=True)
class ParagraphFact:
    """A `w:p` with the paragraph properties set on it directly (``None``: from its style).

    `numbering` is the (numId, level) of `w:numPr`; numId 0 switches a style's numbering
    off. `indent` is the left indent in twips; `section_break` says the paragraph ends a
    section of the page layout (it holds a `w:sectPr`); `bookmarks` names the bookmarks that
    start in it (what REF fields and internal links point at); `field` is the instruction of
    the field whose result the paragraph starts inside (a table of contents' entries), ``None``
    outside fields.
    """

    style: str | None
    numbering: tuple[int | None, int | None] | None
    outline_level: int | None
    page_break_before: bool
    indent: int | None
    alignment: str | None
    inlines: tuple[InlineFact, ...]
    section_break: bool = False
    bookmarks: tuple[str, ...] = ()
    field: str | None = None
    keep_next: bool = False
    """Word's 'Keep with next' set on the paragraph itself (a style's own is not counted)."""


@attrs.frozen(kw_only=True)
class CellFact:
    """A table cell: its blocks, how many grid columns it spans, and its vertical merge."""

    blocks: tuple[BlockFact, ...]
    span: int = 1
    merge: str | None = None


@attrs.frozen(kw_only=True)
class RowFact:
    """A table row; `header` is Word's 'Repeat as header row at the top of each page' (`w:tblHeader`)."""

    cells: tuple[CellFact, ...]
    header: bool = False
    before: int = 0
    after: int = 0


@attrs.frozen(kw_only=True)
class TableFact:
    """A `w:tbl`: style, alt text (`caption` is `w:tblCaption`, the alt-text title), indent, grid, rows."""

    style: str | None
    caption: str | None
    description: str | None
    indent: int | None
    first_row: bool
    grid: tuple[int, ...]
    rows: tuple[RowFact, ...]
    first_column: bool = False


BlockFact: TypeAlias = ParagraphFact | TableFact | Skipped
"""What a body, a cell, a note, a header or a footer holds, in order."""


@attrs.frozen(kw_only=True)
class StoryFact:
    """A header or footer: which pages it is for ('default', 'first', 'even') and its blocks."""

    page: str
    blocks: tuple[BlockFact, ...]


@attrs.frozen(kw_only=True)
class StyleFact:
    """One style: id, name, kind, the style it is based on, and what it sets."""

    style_id: str
    name: str
    kind: str
    based_on: str | None
    outline_level: int | None
    numbering: tuple[int | None, int | None] | None
    indent: int | None
    run: RunProps


@attrs.frozen(kw_only=True)
class Styles:
    """The styles part: styles by id, the document's default run formatting and default styles."""

    by_id: Mapping[str, StyleFact] = attrs.field(factory=lambda: MappingProxyType({}))
    defaults: RunProps = RunProps()
    default_paragraph: str | None = None
    default_character: str | None = None

    def chain(self, style_id: str | None) -> list[StyleFact]:
        """`style_id`'s style then the styles it is based on, nearest first (loops cut)."""
        out: list[StyleFact] = []
        seen: set[str] = set()
        current = style_id
        while current is not None and current not in seen and len(out) < 64:
            seen.add(current)
            style = self.by_id.get(current)
            if style is None:
                break
            out.append(style)
            current = style.based_on
        return out

    def name(self, style_id: str | None) -> str:
        """The lower-cased name of a style ('heading 1'), or '' when there is no such style."""
        style = self.by_id.get(style_id) if style_id is not None else None
        return style.name.lower() if style is not None else ""

    def run_props(self, style_id: str | None) -> RunProps:
        """The run formatting a style gives, with what its base styles give underneath."""
        props = RunProps()
        for style in reversed(self.chain(style_id)):
            props = style.run.over(props)
        return props

    def paragraph_style(self, para: ParagraphFact) -> str | None:
        """The id of the style a paragraph is in: its own, else the document's default paragraph style."""
        return para.style if para.style is not None else self.default_paragraph

    def heading_level(self, para: ParagraphFact) -> int | None:
        """A paragraph's heading level (0 for Heading 1) from its outline level or style; ``None``: not one.

        Outline level 9 is Word's 'Body Text'. A style named 'heading N' counts even without
        an outline level, as Word's own built-in headings do.
        """
        if para.outline_level is not None:
            return para.outline_level if 0 <= para.outline_level <= 8 else None
        for style in self.chain(self.paragraph_style(para)):
            if style.outline_level is not None:
                return style.outline_level if 0 <= style.outline_level <= 8 else None
            named = _HEADING_NAME.match(style.name.lower())
            if named:
                return int(named.group(1)) - 1
        return None

    def effective(self, run: RunFact, para: ParagraphFact) -> RunProps:
        """A run's formatting as shown: its own, then its character style, paragraph style, defaults."""
        char_style = run.props.style if run.props.style is not None else self.default_character
        base = self.run_props(self.paragraph_style(para)).over(self.defaults)
        return run.props.over(self.run_props(char_style).over(base))


@attrs.frozen(kw_only=True)
class LevelFact:
    """One level of a list definition: format ('decimal', 'bullet'), text ('%1.%2'), start, indent."""

    level: int
    format: str = "decimal"
    text: str = ""
    start: int = 1
    indent: int | None = None
    restart: int | None = None
    legal: bool = False


@attrs.frozen(kw_only=True)
class AbstractNumbering:
    """A list definition (`w:abstractNum`) by level; `style_link` names a numbering style it follows."""

    abstract_id: int
    levels: Mapping[int, LevelFact]
    style_link: str | None = None


@attrs.frozen(kw_only=True)
class NumberingInstance:
    """A list instance (`w:num`): its definition, per-level start overrides and redefined levels."""

    num_id: int
    abstract_id: int
    starts: Mapping[int, int]
    levels: Mapping[int, LevelFact]


@attrs.frozen(kw_only=True)
class Numbering:
    """The numbering part: list instances and their definitions."""

    instances: Mapping[int, NumberingInstance] = attrs.field(factory=lambda: MappingProxyType({}))
    abstracts: Mapping[int, AbstractNumbering] = attrs.field(factory=lambda: MappingProxyType({}))

    def levels(self, num_id: int) -> Mapping[int, LevelFact]:
        """The levels of list instance `num_id` (its own redefinitions over its definition's)."""
        instance = self.instances.get(num_id)
        if instance is None:
            return MappingProxyType({})
        abstract = self.abstracts.get(instance.abstract_id)
        levels = dict(abstract.levels) if abstract is not None else {}
        levels.update(instance.levels)
        return levels


@attrs.frozen(kw_only=True)
class CoreProperties:
    """The document properties Word shows under File > Info (`docProps/core.xml`), as written."""

    title: str | None = None
    subject: str | None = None
    creator: str | None = None
    keywords: str | None = None
    description: str | None = None
    language: str | None = None
    created: str | None = None
    modified: str | None = None


@attrs.frozen(kw_only=True)
class DocxFacts:
    """Everything the reader took from one .docx, shaped as WordprocessingML shapes it.

    `notes` holds footnotes and `endnotes` endnotes by id (separators left out); `headers`
    and `footers` are those of the document's last section; `changes` counts tracked
    insertions and deletions and `comments` the comments.
    """

    name: str
    core: CoreProperties
    styles: Styles
    numbering: Numbering
    body: tuple[BlockFact, ...]
    notes: Mapping[str, tuple[BlockFact, ...]]
    endnotes: Mapping[str, tuple[BlockFact, ...]]
    headers: tuple[StoryFact, ...]
    footers: tuple[StoryFact, ...]
    changes: int = 0
    comments: int = 0


def iter_paragraphs(blocks: Iterable[BlockFact]) -> Iterator[ParagraphFact]:
    """Every paragraph in `blocks`, in order, those in table cells included."""
    for block in blocks:
        if isinstance(block, ParagraphFact):
            yield block
        elif isinstance(block, TableFact):
            for row in block.rows:
                for cell in row.cells:
                    yield from iter_paragraphs(cell.blocks)
