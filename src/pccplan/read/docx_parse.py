"""Opening a .docx safely and reading its parts into DOCX-shaped facts, within fixed limits."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TypeAlias

import attrs
from lxml import etree

from pccplan.opc.limits import LEVEL_TEXT_CHARS, LIST_START_MAX, Limits
from pccplan.opc.package import (
    Package,
    Rel,
    check_package,
    load,
    main_part,
    of_type,
)

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
    "check_package",
    "iter_paragraphs",
    "parse_docx",
]

El: TypeAlias = etree._Element

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_V = "urn:schemas-microsoft-com:vml"
_O = "urn:schemas-microsoft-com:office:office"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"

_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

_HEADING_NAME = re.compile(r"^heading ([1-9])$")


def _w(local: str) -> str:
    return f"{{{W}}}{local}"


_VAL = _w("val")


# ---------------------------------------------------------------- facts


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
    section of the page layout (it holds a `w:sectPr`).
    """

    style: str | None
    numbering: tuple[int | None, int | None] | None
    outline_level: int | None
    page_break_before: bool
    indent: int | None
    alignment: str | None
    inlines: tuple[InlineFact, ...]
    section_break: bool = False


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


# ---------------------------------------------------------------- small readers


def _int(value: str | None) -> int | None:
    """A whole number from an attribute, or ``None`` when it is missing or not a number."""
    if value is None:
        return None
    value = value.strip()
    if not re.fullmatch(r"[+-]?\d{1,9}", value):
        # Word writes some measures with units or fractions ('720.0', '1in'); the leading number is enough.
        found = re.match(r"[+-]?\d{1,9}", value)
        return int(found.group()) if found else None
    return int(value)


def _on(element: El | None) -> bool | None:
    """A WordprocessingML on/off property: ``None`` when absent, else its value (no value is on)."""
    if element is None:
        return None
    return element.get(_VAL, "true").strip().lower() not in ("0", "false", "off", "none")


def _val(parent: El, local: str) -> str | None:
    child = parent.find(_w(local))
    return child.get(_VAL) if child is not None else None


def _text(element: El | None) -> str | None:
    """An element's text content ('' becomes ``None``)."""
    if element is None:
        return None
    value = "".join(str(piece) for piece in element.itertext())
    return value or None


# ---------------------------------------------------------------- the zip


# ---------------------------------------------------------------- properties, styles, numbering


def _run_props(rpr: El | None) -> RunProps:
    if rpr is None:
        return RunProps()
    underline = rpr.find(_w("u"))
    color = rpr.find(_w("color"))
    color_value: str | None = None
    if color is not None:
        color_value = color.get(_VAL) or ("theme" if color.get(_w("themeColor")) else None)
    highlight = _val(rpr, "highlight")
    shading = rpr.find(_w("shd"))
    fill = shading.get(_w("fill")) if shading is not None else None
    lang = rpr.find(_w("lang"))
    return RunProps(
        style=_val(rpr, "rStyle"),
        bold=_on(rpr.find(_w("b"))),
        italic=_on(rpr.find(_w("i"))),
        underline=None if underline is None else underline.get(_VAL, "single") != "none",
        strike=_on(rpr.find(_w("strike"))),
        caps=_on(rpr.find(_w("caps"))),
        hidden=_on(rpr.find(_w("vanish"))),
        color=color_value,
        size=_int(_val(rpr, "sz")),
        highlight=None if highlight in (None, "none") else highlight,
        shading=None if fill in (None, "auto", "FFFFFF", "ffffff") else fill,
        vert_align=_val(rpr, "vertAlign"),
        language=lang.get(_VAL) if lang is not None else None,
    )


def _numbering_ref(ppr: El | None) -> tuple[int | None, int | None] | None:
    numpr = ppr.find(_w("numPr")) if ppr is not None else None
    if numpr is None:
        return None
    return _int(_val(numpr, "numId")), _int(_val(numpr, "ilvl"))


def _indent(ppr: El | None) -> int | None:
    ind = ppr.find(_w("ind")) if ppr is not None else None
    if ind is None:
        return None
    return _int(ind.get(_w("left")) or ind.get(_w("start")))


def _styles(root: El | None) -> Styles:
    if root is None:
        return Styles()
    by_id: dict[str, StyleFact] = {}
    default_paragraph = default_character = None
    for style in root.iterchildren(_w("style")):
        style_id = style.get(_w("styleId"))
        if not style_id:
            continue
        kind = style.get(_w("type"), "paragraph")
        ppr = style.find(_w("pPr"))
        outline = _int(_val(ppr, "outlineLvl")) if ppr is not None else None
        by_id[style_id] = StyleFact(
            style_id=style_id,
            name=_val(style, "name") or style_id,
            kind=kind,
            based_on=_val(style, "basedOn"),
            outline_level=outline,
            numbering=_numbering_ref(ppr),
            indent=_indent(ppr),
            run=_run_props(style.find(_w("rPr"))),
        )
        if style.get(_w("default")) in ("1", "true", "on"):
            if kind == "paragraph":
                default_paragraph = style_id
            elif kind == "character":
                default_character = style_id
    defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    return Styles(
        by_id=MappingProxyType(by_id),
        defaults=_run_props(defaults),
        default_paragraph=default_paragraph,
        default_character=default_character,
    )


def _start(value: int | None) -> int:
    """A list level's start value: 1 when it is missing or outside 0..`LIST_START_MAX`."""
    return value if value is not None and 0 <= value <= LIST_START_MAX else 1


def _level(lvl: El) -> LevelFact | None:
    level = _int(lvl.get(_w("ilvl")))
    if level is None or not 0 <= level <= 8:
        return None
    text = lvl.find(_w("lvlText"))
    start = _int(_val(lvl, "start"))
    return LevelFact(
        level=level,
        format=_val(lvl, "numFmt") or "decimal",
        text=text.get(_VAL, "")[:LEVEL_TEXT_CHARS] if text is not None else "",
        start=_start(start),
        indent=_indent(lvl.find(_w("pPr"))),
        restart=_int(_val(lvl, "lvlRestart")),
        legal=bool(_on(lvl.find(_w("isLgl")))),
    )


def _numbering(root: El | None) -> Numbering:
    if root is None:
        return Numbering()
    abstracts: dict[int, AbstractNumbering] = {}
    for element in root.iterchildren(_w("abstractNum")):
        abstract_id = _int(element.get(_w("abstractNumId")))
        if abstract_id is None:
            continue
        levels = {lvl.level: lvl for e in element.iterchildren(_w("lvl")) if (lvl := _level(e)) is not None}
        abstracts[abstract_id] = AbstractNumbering(
            abstract_id=abstract_id,
            levels=MappingProxyType(levels),
            style_link=_val(element, "numStyleLink"),
        )
    instances: dict[int, NumberingInstance] = {}
    for element in root.iterchildren(_w("num")):
        num_id, abstract_id = _int(element.get(_w("numId"))), _int(_val(element, "abstractNumId"))
        if num_id is None or abstract_id is None:
            continue
        starts: dict[int, int] = {}
        redefined: dict[int, LevelFact] = {}
        for override in element.iterchildren(_w("lvlOverride")):
            level = _int(override.get(_w("ilvl")))
            if level is None or not 0 <= level <= 8:
                continue
            start = _int(_val(override, "startOverride"))
            if start is not None and 0 <= start <= LIST_START_MAX:
                starts[level] = start
            redefinition = override.find(_w("lvl"))
            if redefinition is not None and (fact := _level(redefinition)) is not None:
                redefined[level] = attrs.evolve(fact, level=level)
        instances[num_id] = NumberingInstance(
            num_id=num_id,
            abstract_id=abstract_id,
            starts=MappingProxyType(starts),
            levels=MappingProxyType(redefined),
        )
    return Numbering(instances=MappingProxyType(instances), abstracts=MappingProxyType(abstracts))


def _core(root: El | None) -> CoreProperties:
    if root is None:
        return CoreProperties()

    def get(ns: str, local: str) -> str | None:
        return _text(root.find(f"{{{ns}}}{local}"))

    return CoreProperties(
        title=get(_DC, "title"),
        subject=get(_DC, "subject"),
        creator=get(_DC, "creator"),
        keywords=get(_CP, "keywords"),
        description=get(_DC, "description"),
        language=get(_DC, "language"),
        created=get(_DCTERMS, "created"),
        modified=get(_DCTERMS, "modified"),
    )


# ---------------------------------------------------------------- stories: paragraphs, runs, tables

_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]*)"|(\S+))(.*)$', re.IGNORECASE | re.DOTALL)
_CONTAINERS = frozenset(
    _w(n) for n in ("ins", "moveTo", "smartTag", "customXml", "dir", "bdo", "sdtContent", "fldSimple")
)
_DELETED = frozenset(_w(n) for n in ("del", "moveFrom"))
_IGNORED = frozenset(
    _w(n)
    for n in (
        "pPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "commentRangeStart",
        "commentRangeEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
        "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr", "lastRenderedPageBreak",
    )
)  # fmt: skip


class _Field:
    """A field being read: its instruction so far, then, once its result shows, its code and link.

    The code and the link are worked out once, when the result starts, so that every run
    of the result shares them: a run costs the same however long the instruction is.
    """

    def __init__(self, outer: _Field | None) -> None:
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


class _Fields:
    """The fields open where a story is being read, innermost last.

    Word nests fields and a hostile file can open thousands without closing them, so the
    state a run needs (is it hidden in an instruction, which field shows it, which link)
    is kept up to date as fields open and close, never worked out by walking the stack.
    """

    def __init__(self) -> None:
        self.stack: list[_Field] = []
        self.hiding = 0  # how many open fields are still in their instruction

    def begin(self) -> None:
        self.stack.append(_Field(self.stack[-1] if self.stack else None))
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


class _Story:
    """One story (the body, a note, a header): reads its blocks with its part's relationships."""

    def __init__(self, package: Package, rels: Mapping[str, Rel], counts: dict[str, int]) -> None:
        self.package = package
        self.rels = rels
        self.counts = counts
        self.fields = _Fields()

    # blocks

    def blocks(self, parent: El) -> tuple[BlockFact, ...]:
        """The blocks directly in `parent` (a body, cell, note or header), content controls opened."""
        return tuple(self._blocks(parent))

    def _blocks(self, parent: El) -> Iterator[BlockFact]:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == _w("p"):
                yield self.paragraph(child)
            elif tag == _w("tbl"):
                yield self.table(child)
            elif tag in (_w("sdt"), _w("customXml"), _w("ins"), _w("moveTo")):
                if tag == _w("ins"):
                    self.counts["changes"] = self.counts.get("changes", 0) + 1
                content = child.find(_w("sdtContent")) if tag == _w("sdt") else child
                if content is not None:
                    yield from self._blocks(content)
            elif tag in _DELETED:
                self.counts["changes"] = self.counts.get("changes", 0) + 1
            elif tag == f"{{{_MC}}}AlternateContent":
                chosen = _alternative(child)
                if chosen is not None:
                    yield from self._blocks(chosen)
            elif tag == _w("altChunk"):
                yield Skipped(what="embedded document (altChunk)")
            elif tag in (f"{{{_M}}}oMathPara", f"{{{_M}}}oMath"):
                yield Skipped(what="equation")
            # sectPr, bookmarks, permissions and the like hold no content.

    def paragraph(self, p: El) -> ParagraphFact:
        """A paragraph's own properties and its runs, hyperlinks and fields in order."""
        ppr = p.find(_w("pPr"))
        inlines: list[InlineFact] = []
        self._inlines(p, inlines)
        alignment = _val(ppr, "jc") if ppr is not None else None
        return ParagraphFact(
            style=_val(ppr, "pStyle") if ppr is not None else None,
            numbering=_numbering_ref(ppr),
            outline_level=_int(_val(ppr, "outlineLvl")) if ppr is not None else None,
            page_break_before=bool(_on(ppr.find(_w("pageBreakBefore")))) if ppr is not None else False,
            indent=_indent(ppr),
            alignment=alignment,
            inlines=tuple(inlines),
            section_break=ppr is not None and ppr.find(_w("sectPr")) is not None,
        )

    def _inlines(self, parent: El, out: list[InlineFact]) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in _IGNORED:
                continue
            if tag == _w("r"):
                run = self.run(child)
                if run is not None:
                    out.append(run)
            elif tag == _w("hyperlink"):
                out.append(self.hyperlink(child))
            elif tag == _w("fldSimple"):
                depth = self.fields.simple(child.get(_w("instr"), ""))
                self._inlines(child, out)
                self.fields.close_to(depth)
            elif tag in _CONTAINERS or tag == _w("sdt"):
                if tag == _w("ins"):
                    self.counts["changes"] = self.counts.get("changes", 0) + 1
                content = child.find(_w("sdtContent")) if tag == _w("sdt") else child
                if content is not None:
                    self._inlines(content, out)
            elif tag in _DELETED:
                self.counts["changes"] = self.counts.get("changes", 0) + 1
            elif tag == f"{{{_MC}}}AlternateContent":
                chosen = _alternative(child)
                if chosen is not None:
                    self._inlines(chosen, out)
            elif tag in (f"{{{_M}}}oMath", f"{{{_M}}}oMathPara"):
                out.append(Skipped(what="equation"))

    def hyperlink(self, element: El) -> HyperlinkFact:
        """A `w:hyperlink` with its target looked up in the part's relationships."""
        rid = element.get(f"{{{R}}}id")
        rel = self.rels.get(rid) if rid else None
        url = rel.target if rel is not None and rel.external else None
        runs: list[InlineFact] = []
        self._inlines(element, runs)
        return HyperlinkFact(
            url=url,
            anchor=element.get(_w("anchor")),
            runs=tuple(r for r in runs if isinstance(r, RunFact)),
        )

    def run(self, r: El) -> RunFact | None:
        """A run's formatting and content; ``None`` for a run that only holds a field's instruction."""
        props = _run_props(r.find(_w("rPr")))
        pieces: list[RunPiece] = []
        hidden, field, link = self.fields.state()
        for child in r:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == _w("fldChar"):
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    self.fields.begin()
                elif kind == "separate":
                    self.fields.separate()
                elif kind == "end":
                    self.fields.end()
                hidden, field, link = self.fields.state()
                continue
            if tag == _w("instrText"):
                self.fields.instruct(child.text or "")
                continue
            if hidden:
                continue
            piece = self._piece(child)
            if piece is not None:
                pieces.append(piece)
        if not pieces:
            return None
        return RunFact(props=props, pieces=tuple(pieces), field=field, link=link)

    def _piece(self, child: El) -> RunPiece | None:
        tag = child.tag
        if tag == _w("t"):
            return child.text or ""
        if tag in (_w("tab"), _w("ptab")):
            return "\t"
        if tag == _w("br"):
            kind = child.get(_w("type"), "textWrapping")
            return "\n" if kind == "textWrapping" else Break(kind=kind)
        if tag == _w("cr"):
            return "\n"
        if tag == _w("noBreakHyphen"):
            return "\u2011"
        if tag == _w("softHyphen"):
            return ""
        if tag in (_w("footnoteReference"), _w("endnoteReference")):
            return NoteReference(note_id=child.get(_w("id"), ""), endnote=tag == _w("endnoteReference"))
        if tag in (_w("footnoteRef"), _w("endnoteRef")):
            return NoteMark(endnote=tag == _w("endnoteRef"))
        if tag == _w("drawing"):
            from pccplan.read.pictures import read_drawing  # its own module; it imports this one

            return read_drawing(child, self.package, self.rels)
        if tag in (_w("pict"), _w("object")):
            return _vml(child)
        if tag == _w("sym"):
            return Skipped(what="symbol")
        if tag == _w("commentReference"):
            self.counts["comments"] = self.counts.get("comments", 0) + 1
            return None
        if tag == f"{{{_MC}}}AlternateContent":
            chosen = _alternative(child)
            if chosen is not None:
                for inner in chosen:
                    if isinstance(inner.tag, str):
                        return self._piece(inner)
        return None

    def table(self, tbl: El) -> TableFact:
        """A table's properties, grid and rows (rows inside content controls included)."""
        tblpr = tbl.find(_w("tblPr"))
        look = tblpr.find(_w("tblLook")) if tblpr is not None else None
        first_row = first_column = False
        if look is not None:
            if look.get(_w("firstRow")) is not None:
                first_row = bool(_on_value(look.get(_w("firstRow"))))
            else:
                first_row = bool(_hex(look.get(_VAL)) & 0x0020)
            if look.get(_w("firstColumn")) is not None:
                first_column = bool(_on_value(look.get(_w("firstColumn"))))
            else:
                first_column = bool(_hex(look.get(_VAL)) & 0x0080)
        ind = tblpr.find(_w("tblInd")) if tblpr is not None else None
        grid_el = tbl.find(_w("tblGrid"))
        grid = tuple(
            max(_int(col.get(_w("w"))) or 0, 0)
            for col in (grid_el.iterchildren(_w("gridCol")) if grid_el is not None else ())
        )
        return TableFact(
            style=_val(tblpr, "tblStyle") if tblpr is not None else None,
            caption=_val(tblpr, "tblCaption") if tblpr is not None else None,
            description=_val(tblpr, "tblDescription") if tblpr is not None else None,
            indent=_int(ind.get(_w("w"))) if ind is not None else None,
            first_row=first_row,
            grid=grid,
            rows=tuple(self._rows(tbl)),
            first_column=first_column,
        )

    def _rows(self, parent: El) -> Iterator[RowFact]:
        for child in parent:
            if child.tag == _w("tr"):
                trpr = child.find(_w("trPr"))
                header = bool(_on(trpr.find(_w("tblHeader")))) if trpr is not None else False
                before = _int(_val(trpr, "gridBefore")) if trpr is not None else None
                after = _int(_val(trpr, "gridAfter")) if trpr is not None else None
                yield RowFact(
                    cells=tuple(self._cells(child)),
                    header=header,
                    before=min(max(before or 0, 0), 64),
                    after=min(max(after or 0, 0), 64),
                )
            elif child.tag in (_w("sdt"), _w("customXml")):
                content = child.find(_w("sdtContent")) if child.tag == _w("sdt") else child
                if content is not None:
                    yield from self._rows(content)

    def _cells(self, tr: El) -> Iterator[CellFact]:
        for child in tr:
            if child.tag == _w("tc"):
                tcpr = child.find(_w("tcPr"))
                span = _int(_val(tcpr, "gridSpan")) if tcpr is not None else None
                merge_el = tcpr.find(_w("vMerge")) if tcpr is not None else None
                merge = None if merge_el is None else merge_el.get(_VAL, "continue")
                yield CellFact(blocks=self.blocks(child), span=min(max(span or 1, 1), 64), merge=merge)
            elif child.tag in (_w("sdt"), _w("customXml")):
                content = child.find(_w("sdtContent")) if child.tag == _w("sdt") else child
                if content is not None:
                    yield from self._cells(content)


def _on_value(value: str | None) -> bool | None:
    if value is None:
        return None
    return value.strip().lower() not in ("0", "false", "off")


def _hex(value: str | None) -> int:
    try:
        return int(value or "0", 16)
    except ValueError:
        return 0


def _alternative(element: El) -> El | None:
    """The branch of `mc:AlternateContent` to read: the first `mc:Choice`, else `mc:Fallback`."""
    chosen = element.find(f"{{{_MC}}}Choice")
    return chosen if chosen is not None else element.find(f"{{{_MC}}}Fallback")


def _vml(element: El) -> Drawing | Skipped:
    if element.find(f".//{_w('txbxContent')}") is not None:
        return Skipped(what="text box")
    shape = element.find(f".//{{{_V}}}shape")
    image = element.find(f".//{{{_V}}}imagedata")
    if shape is None and image is None:
        return Skipped(what="embedded object")
    alt = shape.get("alt") if shape is not None else None
    title = image.get(f"{{{_O}}}title") if image is not None else None
    return Drawing(name=shape.get("id") if shape is not None else None, description=alt, title=title)


def _notes(story: _Story, root: El | None, tag: str) -> Mapping[str, tuple[BlockFact, ...]]:
    if root is None:
        return MappingProxyType({})
    notes: dict[str, tuple[BlockFact, ...]] = {}
    for note in root.iterchildren(_w(tag)):
        if note.get(_w("type"), "normal") != "normal":
            continue
        story.fields = _Fields()
        notes[note.get(_w("id"), "")] = story.blocks(note)
    return MappingProxyType(notes)


# ---------------------------------------------------------------- the whole file


def parse_docx(
    source: str | os.PathLike[str] | bytes, *, limits: Limits | None = None, name: str | None = None
) -> DocxFacts:
    """The facts of the .docx at `source` (a path, or the file's bytes), read within `limits`.

    This is the first half of the reader (pandoc's `Readers/Docx/Parse.hs` is the model): it
    knows about zips, relationships and WordprocessingML, and nothing about the document
    tree. XML is parsed with entity resolution, DTD loading and network access off (as
    python-docx's `oxml/parser.py`), and a part that declares a DOCTYPE is refused outright.
    `name` is how errors and warnings name the file (default: the path, or 'the document').
    Raises `DocumentReadError` naming the file and the reason for a file that is not a
    .docx, is damaged or truncated, points at parts it lacks, declares a DOCTYPE, or passes
    one of the limits; nothing else escapes.
    """
    limits = limits or Limits()
    label, data = load(source, limits, name)
    package = Package(label, data, limits)
    main = main_part(package)
    root = package.xml(main)
    if root.tag == f"{{{_STRICT_W}}}document":
        raise package.error(
            "not read: saved as Strict Open XML; save it in Word as an ordinary Word Document (.docx)"
        )
    if root.tag != _w("document"):
        raise package.error(
            f"not a .docx: its main part holds {etree.QName(root).localname!r}, not a document"
        )
    body = root.find(_w("body"))
    if body is None:
        raise package.error("damaged: the document has no body")
    rels = package.rels(main)
    counts: dict[str, int] = {}

    def part(suffix: str) -> tuple[El | None, dict[str, Rel]]:
        target = of_type(rels, suffix)
        if target is None:
            return None, {}
        return package.xml(target), package.rels(target)

    styles_root, _ = part("styles")
    numbering_root, _ = part("numbering")
    notes_root, notes_rels = part("footnotes")
    endnotes_root, endnotes_rels = part("endnotes")
    story = _Story(package, rels, counts)
    body_blocks = story.blocks(body)
    notes = _notes(_Story(package, notes_rels, counts), notes_root, "footnote")
    endnotes = _notes(_Story(package, endnotes_rels, counts), endnotes_root, "endnote")
    headers, footers = _headers_footers(package, body, rels, counts)
    core_target = of_type(package.rels(""), "core-properties")
    core = _core(package.xml(core_target) if core_target else None)
    return DocxFacts(
        name=label,
        core=core,
        styles=_styles(styles_root),
        numbering=_numbering(numbering_root),
        body=body_blocks,
        notes=notes,
        endnotes=endnotes,
        headers=headers,
        footers=footers,
        changes=counts.get("changes", 0),
        comments=counts.get("comments", 0),
    )


def _headers_footers(
    package: Package, body: El, rels: Mapping[str, Rel], counts: dict[str, int]
) -> tuple[tuple[StoryFact, ...], tuple[StoryFact, ...]]:
    sect = body.find(_w("sectPr"))
    found: dict[str, list[StoryFact]] = {"header": [], "footer": []}
    if sect is None:
        return (), ()
    for kind in ("header", "footer"):
        for ref in sect.iterchildren(_w(f"{kind}Reference")):
            rid = ref.get(f"{{{R}}}id")
            rel = rels.get(rid) if rid else None
            if rel is None or rel.external:
                continue
            root = package.xml(rel.target)
            story = _Story(package, package.rels(rel.target), counts)
            found[kind].append(StoryFact(page=ref.get(_w("type"), "default"), blocks=story.blocks(root)))
    return tuple(found["header"]), tuple(found["footer"])


def iter_paragraphs(blocks: Iterable[BlockFact]) -> Iterator[ParagraphFact]:
    """Every paragraph in `blocks`, in order, those in table cells included."""
    for block in blocks:
        if isinstance(block, ParagraphFact):
            yield block
        elif isinstance(block, TableFact):
            for row in block.rows:
                for cell in row.cells:
                    yield from iter_paragraphs(cell.blocks)
