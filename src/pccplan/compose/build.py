"""Short helpers for composers, and the inline markup officers write paragraphs in."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

import attrs

from pccplan.compose.tree import (
    Block,
    BulletList,
    Cell,
    Contents,
    Document,
    Emph,
    Exempt,
    Inline,
    LineBreak,
    Link,
    ListItem,
    Metadata,
    Note,
    OrderedList,
    Paragraph,
    Ref,
    Row,
    Section,
    Strong,
    Table,
    Text,
    TitleBlock,
)
from pccplan.errors import ValidationError
from pccplan.number_formats import ListStyle

__all__ = [
    "InlinePart",
    "Part",
    "br",
    "bullets",
    "contents",
    "document",
    "emph",
    "exempt",
    "inline",
    "link",
    "note",
    "numbered",
    "ordered",
    "para",
    "section",
    "strong",
    "table",
    "text",
    "title_block",
]

_INLINE_TYPES = (Text, Emph, Strong, Link, Note, LineBreak, Ref)

InlinePart = str | Inline | Sequence["InlinePart"]
"""What inline helpers accept: literal text, an inline node, or a list of these (flattened)."""

Part = str | Inline | Block | Sequence["Part"]
"""What block helpers accept: literal text or inlines (gathered into paragraphs), blocks, or lists."""


def _inlines(parts: Iterable[InlinePart]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for part in parts:
        if isinstance(part, str):
            out.append(Text(text=part))
        elif isinstance(part, tuple | list):  # before the slower test of `Sequence` below
            out.extend(_inlines(part))
        elif isinstance(part, _INLINE_TYPES):
            out.append(part)
        elif isinstance(part, Sequence):
            out.extend(_inlines(part))
        else:
            raise ValidationError.one("content", "must be text or an inline node", part)
    return tuple(out)


def _blocks(parts: Iterable[Part]) -> tuple[Block, ...]:
    """Blocks from parts: runs of text and inlines become one paragraph each run."""
    out: list[Block] = []
    pending: list[Inline] = []

    def flush() -> None:
        if pending:
            out.append(Paragraph(content=tuple(pending)))
            pending.clear()

    def add(part: Part) -> None:
        if isinstance(part, str):
            pending.append(Text(text=part))
        elif isinstance(part, _INLINE_TYPES):
            pending.append(part)
        elif isinstance(part, Block):
            flush()
            out.append(part)
        elif isinstance(part, Sequence):
            for each in part:
                add(each)
        else:
            raise ValidationError.one("blocks", "must be text, an inline or a block", part)

    for part in parts:
        add(part)
    flush()
    return tuple(out)


def text(value: str) -> Text:
    """Literal text (no markup is read)."""
    return Text(text=value)


def emph(*parts: InlinePart) -> Emph:
    """Emphasised (italic) text."""
    return Emph(content=_inlines(parts))


def strong(*parts: InlinePart) -> Strong:
    """Strong (bold) text."""
    return Strong(content=_inlines(parts))


def link(content: InlinePart, url: str) -> Link:
    """A hyperlink: `link("the Act", "https://www.legislation.gov.uk/ukpga/2011/13")`."""
    return Link(content=_inlines([content]), url=url)


def note(*parts: Part) -> Note:
    """A footnote; text parts are read literally and gathered into paragraphs."""
    blocks = _blocks(parts)
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            raise ValidationError.one(f"content[{index}]", "a note holds paragraphs only", block, "Note")
    return Note(content=tuple(b for b in blocks if isinstance(b, Paragraph)))


def br() -> LineBreak:
    """A line break."""
    return LineBreak()


def exempt(paragraph: int, label: str | None = None) -> Exempt:
    """An exemption under `paragraph` (1-7) of Schedule 12A; `label` defaults to the Schedule's words."""
    return Exempt(paragraph=paragraph) if label is None else Exempt(paragraph=paragraph, label=label)


def para(*parts: InlinePart, numbered: bool = False, exempt: Exempt | None = None) -> Paragraph:
    """A paragraph: `para("text with ", link("the Act", url), note("footnote text"))`.

    Strings are literal; use `inline(...)` for markup: `para(inline("See [the Act](https://…)"))`.
    """
    return Paragraph(content=_inlines(parts), numbered=numbered, exempt=exempt)


def numbered(*parts: InlinePart, exempt: Exempt | None = None, label: str | None = None) -> Paragraph:
    """A numbered paragraph ('4.3'), directly inside a numbered section; `label` names it for `ref`."""
    return attrs.evolve(para(*parts, numbered=True, exempt=exempt), label=label)


def ref(label: str) -> Ref:
    """A cross-reference: shows the number of the paragraph or section labelled `label` ('4.3'),
    or the title of an unnumbered section, or the caption of a table; `para("see paragraph ", ref("x"))`."""
    return Ref(target=label)


def section(
    title: str,
    *blocks: Part,
    numbered: bool = False,
    new_page: bool = False,
    exempt: Exempt | None = None,
    label: str | None = None,
) -> Section:
    """A section: its heading and blocks; text parts become (unnumbered) paragraphs; `label` is for `ref`."""
    return Section(
        title=title, blocks=_blocks(blocks), numbered=numbered, new_page=new_page, exempt=exempt, label=label
    )


def _item(part: Part) -> ListItem:
    parts = list(part) if isinstance(part, Sequence) and not isinstance(part, str) else [part]
    return ListItem(blocks=_blocks(parts))


def bullets(*items: Part) -> BulletList:
    """A bulleted list; an item is text, inlines, a block, or a list of these (text then a sub-list)."""
    return BulletList(items=tuple(_item(i) for i in items))


def ordered(
    *items: Part, style: ListStyle | None = None, start: int = 1, continues: bool = False
) -> OrderedList:
    """An ordered list (1., 2., …, or in `style`: '(a)', 'i.'), from `start`; items as for `bullets`.

    `continues` carries on the numbering of the previous ordered list of its style and depth.
    """
    return OrderedList(items=tuple(_item(i) for i in items), style=style, start=start, continues=continues)


def _row(cells: Sequence[Part]) -> Row:
    return Row(cells=tuple(Cell(blocks=_blocks([c])) for c in cells))


def table(
    *,
    rows: Sequence[Sequence[Part]],
    header: Sequence[Part] | None = None,
    caption: str | None = None,
    widths: Sequence[float] | None = None,
    label: str | None = None,
    align: Sequence[str] | None = None,
) -> Table:
    """A table from cell contents: `table(header=["Theme", "Aim"], rows=[["Victims", "…"]])`.

    `align` gives each column's alignment ('right' for amounts), ``None`` for all left.
    """
    return Table(
        header=_row(header) if header is not None else None,
        rows=tuple(_row(r) for r in rows),
        caption=caption,
        widths=tuple(widths) if widths is not None else None,
        label=label,
        align=tuple(align) if align is not None else None,
    )


def contents(title: str = "Contents", *, depth: int = 2) -> Contents:
    """A table of contents listing the document's section headings down to `depth` (1 to 3)."""
    return Contents(title=title, depth=depth)


def title_block(title: str, *lines: InlinePart) -> TitleBlock:
    """A report's title and the lines under it (meeting, agenda item, date, contact)."""
    return TitleBlock(title=title, lines=tuple(Paragraph(content=_inlines([line])) for line in lines))


def document(
    *blocks: Part,
    title: str,
    author: str,
    subject: str | None = None,
    date: dt.date | None = None,
    language: str = "en-GB",
    keywords: Sequence[str] = (),
    description: str | None = None,
    header: str | None = None,
    footer: str | None = None,
    capitals: bool = True,
) -> Document:
    """A document from its blocks and metadata (see `Metadata` for what each field means)."""
    meta = Metadata(
        title=title,
        author=author,
        subject=subject,
        date=date,
        language=language,
        keywords=tuple(keywords),
        description=description,
        header=header,
        footer=footer,
        capitals=capitals,
    )
    return Document(meta=meta, blocks=_blocks(blocks))


# ---------------------------------------------------------------- inline markup


_PLAIN = re.compile(r"[^\\*\[\]^]+")
"""A run of characters none of which can start markup or a stop (`\\`, `*`, `[`, `]`, `^`)."""


class _Markup:
    """A recursive-descent reader of the inline markup; see `inline`.

    With `plain_runs` (the default) a run of ordinary characters is taken in one regex match
    rather than one character at a time: reading one character per loop was nine tenths of the
    composers' time. ``plain_runs=False`` is the one-character reference the tests compare it with.
    """

    def __init__(self, source: str, *, plain_runs: bool = True) -> None:
        self.source = source
        self.at = 0
        self.plain = _PLAIN if plain_runs else None

    def fail(self, reason: str) -> ValidationError:
        return ValidationError.one("markup", reason, self.source)

    def run(self, stop: str | None, *, in_link: bool, in_note: bool) -> list[Inline]:
        """Inlines up to `stop` (left unread) or the end of the source."""
        s = self.source
        out: list[Inline] = []
        chars: list[str] = []

        def flush() -> None:
            if chars:
                out.append(Text(text="".join(chars)))
                chars.clear()

        plain = self.plain
        while self.at < len(s):
            if plain is not None and (run := plain.match(s, self.at)):
                chars.append(run.group())
                self.at = run.end()
                continue
            c = s[self.at]
            if c == "\\" and self.at + 1 < len(s):
                chars.append(s[self.at + 1])
                self.at += 2
            elif (
                stop is not None
                and s.startswith(stop, self.at)
                and not (stop == "*" and s.startswith("**", self.at))
            ):
                flush()
                return out
            elif s.startswith("**", self.at):
                flush()
                out.append(Strong(content=self.enclosed("**", "**", in_link=in_link, in_note=in_note)))
            elif c == "*":
                flush()
                out.append(Emph(content=self.enclosed("*", "*", in_link=in_link, in_note=in_note)))
            elif s.startswith("^[", self.at):
                if in_link or in_note:
                    raise self.fail(
                        f"a footnote '^[' at offset {self.at} cannot sit in a link or another footnote"
                    )
                flush()
                content = self.enclosed("^[", "]", in_link=False, in_note=True)
                out.append(Note(content=(Paragraph(content=content),)))
            elif c == "[":
                if in_link:
                    raise self.fail(f"a link '[' at offset {self.at} cannot sit in another link")
                flush()
                out.append(self.link(in_note=in_note))
            elif c == "]":
                raise self.fail(f"unmatched ']' at offset {self.at} (write '\\]' for a literal bracket)")
            else:
                chars.append(c)
                self.at += 1
        if stop is not None:
            raise self.fail(f"'{stop}' expected before the end")
        flush()
        return out

    def enclosed(self, opener: str, closer: str, *, in_link: bool, in_note: bool) -> tuple[Inline, ...]:
        start = self.at
        self.at += len(opener)
        try:
            content = self.run(closer, in_link=in_link, in_note=in_note)
        except ValidationError as error:
            if error.reason == f"'{closer}' expected before the end":
                raise self.fail(f"unclosed '{opener}' at offset {start}") from None
            raise
        self.at += len(closer)
        if not content:
            raise self.fail(f"empty '{opener}{closer}' at offset {start}")
        return tuple(content)

    def link(self, *, in_note: bool) -> Link:
        start = self.at
        content = self.enclosed("[", "]", in_link=True, in_note=in_note)
        s = self.source
        if not s.startswith("(", self.at):
            raise self.fail(
                f"'[' at offset {start} starts a link but no '(url)' follows its ']' "
                "(write '\\[' for a literal bracket)"
            )
        depth, end = 0, self.at
        while end < len(s):
            if s[end] == "(":
                depth += 1
            elif s[end] == ")":
                depth -= 1
                if depth == 0:
                    break
            end += 1
        if end >= len(s):
            raise self.fail(f"unclosed '(' of the link at offset {start}")
        target = s[self.at + 1 : end].strip()
        self.at = end + 1
        return Link(content=content, url=target)


def inline(markup: str) -> tuple[Inline, ...]:
    """Inline nodes from the markup officers write in YAML.

    `[text](url)` is a link, `^[text]` a footnote, `*text*` emphasis and `**text**` strong;
    a backslash makes the next character literal (`\\*`, `\\[`). Line feeds are kept as line
    breaks. Unbalanced or empty markup raises `ValidationError` saying what and where.
    """
    if not isinstance(markup, str):
        raise ValidationError.one("markup", "must be text", markup)
    if markup and not ("\\" in markup or "*" in markup or "[" in markup or "]" in markup or "^" in markup):
        # Most paragraphs hold no markup at all: one text, as the reader makes it. These are the
        # characters `_PLAIN` excludes; a scan for each is ten times faster than matching it.
        return (Text(text=markup),)
    return tuple(_Markup(markup).run(None, in_link=False, in_note=False))
