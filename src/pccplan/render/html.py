"""The HTML renderer: a standalone page (or a fragment for notebooks) previewing the tree."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import PurePath

from pccplan.compose.tree import (
    AttachedFile,
    Block,
    BulletList,
    Contents,
    Document,
    Emph,
    Inline,
    Letterhead,
    LineBreak,
    Link,
    Note,
    OrderedList,
    Paragraph,
    Picture,
    Ref,
    Section,
    Strong,
    Table,
    Text,
    TitleBlock,
)
from pccplan.compose.walk import ListNumbers, WordNumbers, exempt_view, reference_texts
from pccplan.number_formats import format_number, style_for_depth
from pccplan.render.anchors import reference_id, split_lead
from pccplan.render.contents import contents_entries, has_contents
from pccplan.render.options import RenderOptions

__all__ = ["PREVIEW_CLASS", "fragment", "preview", "render"]

_PAGE = 'font-family: Arial, "Liberation Sans", sans-serif; font-size: 12pt; line-height: 1.35; color: #000;'
_RULES = (
    ("h1.title", "font-size: 14pt; text-transform: uppercase;"),
    ("h2", "font-size: 12pt; text-transform: uppercase;"),
    ("h3, h4", "font-size: 12pt;"),
    (".number", "display: inline-block; min-width: 3em;"),
    ("p.numbered", "padding-left: 3em; text-indent: -3em;"),
    ("table", "border-collapse: collapse; width: 100%;"),
    ("th, td", "border: 1px solid #000; padding: 0.2em 0.4em; text-align: left; vertical-align: top;"),
    ("th", "background: #d9d9d9;"),
    ("caption", "font-weight: bold; text-align: left;"),
    ("td ul, td ol", "margin: 0; padding-left: 1.2em;"),
    # Word's '(a)' and '(i)' labels: HTML's list types have no brackets, so the marker is drawn.
    ('ol.bracketed[type="a"] > li::marker', 'content: "(" counter(list-item, lower-alpha) ")  ";'),
    ('ol.bracketed[type="i"] > li::marker', 'content: "(" counter(list-item, lower-roman) ")  ";'),
    (".contents ul", "list-style: none; padding-left: 0;"),
    (".contents .level-2", "margin-left: 1.5em;"),
    (".contents .level-3", "margin-left: 3em;"),
    (".footnotes", "font-size: 9pt;"),
)
"""The look of a document (selector, declarations), shared by the page and the scoped preview."""

PREVIEW_CLASS = "pccplan-document"
"""The class of the `<div>` a preview sits in; the preview's style applies inside it only."""


def _css(scope: str | None) -> str:
    """The stylesheet: for the whole page, or (with `scope`) for one element and what it holds.

    The scoped form lets a notebook show the document as a white page whatever the notebook's
    theme, without restyling anything else in the notebook.
    """
    if scope is None:
        lines = [f"body {{ {_PAGE} max-width: 42em; margin: 2em auto; }}"]
        lines += [f"{selector} {{ {rules} }}" for selector, rules in _RULES]
    else:
        lines = [f".{scope} {{ {_PAGE} background: #fff; max-width: 42em; padding: 0.5em 1em; }}"]
        for selector, rules in _RULES:
            scoped = ", ".join(f".{scope} {part.strip()}" for part in selector.split(","))
            lines.append(f"{scoped} {{ {rules} }}")
    return "\n".join(lines)


class _Html:
    """One run of the renderer: numbering and the notes met so far."""

    def __init__(self, doc: Document) -> None:
        self.numbers = WordNumbers()
        self.lists = ListNumbers()
        self.refs = reference_texts(doc)
        self.notes: list[str] = []
        self.doc = doc
        # Headings get ids only when a contents links to them, so other pages stay as they were.
        self.anchors = has_contents(doc)
        self.sections = 0

    def inlines(self, inlines: Iterable[Inline], *, linked: bool = False) -> str:
        """The HTML of `inlines`; `linked` when they sit in a link, which cannot hold another."""
        out: list[str] = []
        nodes = tuple(inlines)
        lead = ""  # the word before a reference that its link takes in ('paragraph ')
        for index, node in enumerate(nodes):
            if isinstance(node, Text):
                text = node.text
                if not linked and index + 1 < len(nodes) and isinstance(nodes[index + 1], Ref):
                    text, lead = split_lead(text)
                out.append(escape(text).replace("\n", "<br>"))
            elif isinstance(node, Emph):
                out.append(f"<em>{self.inlines(node.content, linked=linked)}</em>")
            elif isinstance(node, Strong):
                out.append(f"<strong>{self.inlines(node.content, linked=linked)}</strong>")
            elif isinstance(node, Link):
                out.append(f'<a href="{escape(node.url)}">{self.inlines(node.content, linked=True)}</a>')
            elif isinstance(node, Note):
                self.notes.append("".join(f"<p>{self.inlines(p.content)}</p>" for p in node.content))
                n = len(self.notes)
                out.append(f'<sup id="fnref{n}"><a href="#fn{n}" role="doc-noteref">{n}</a></sup>')
            elif isinstance(node, LineBreak):
                out.append("<br>")
            elif isinstance(node, Ref):
                shown = escape(lead + self.refs[node.target])
                lead = ""
                # As Word's REF field with \h: the number, a link to its target (not inside a link).
                out.append(shown if linked else f'<a href="#{reference_id(node.target)}">{shown}</a>')
            elif isinstance(node, Picture):
                out.append(_picture(node))
        return "".join(out)

    def blocks(self, blocks: Iterable[Block], depth: int, list_depth: int) -> list[str]:
        out: list[str] = []
        for block in blocks:
            if isinstance(block, TitleBlock):
                lines = "".join(
                    f'<p class="title-line">{self.inlines(line.content)}</p>' for line in block.lines
                )
                logo = f'<p class="logo">{_picture(block.logo)}</p>' if block.logo else ""
                out.append(f'<header>{logo}<h1 class="title">{escape(block.title)}</h1>{lines}</header>')
            elif isinstance(block, Letterhead):
                logo = f'<p class="logo">{_picture(block.logo)}</p>' if block.logo else ""
                lines = "".join(f"<p>{self.inlines(line.content)}</p>" for line in block.lines)
                out.append(f'<header class="letterhead">{logo}{lines}</header>')
            elif isinstance(block, Section):
                level = min(depth + 2, 6)
                number = self.numbers.next_section() if block.numbered else ""
                label = f'<span class="number">{number}</span> ' if number else ""
                anchor = f' id="section-{self.sections + 1}"' if self.anchors else ""
                self.sections += 1
                inner = "\n".join(self.blocks(block.blocks, depth + 1, list_depth))
                heading = f"<h{level}{anchor}>{label}{escape(block.title)}</h{level}>"
                # A reference's target is the section (the heading may carry the contents' id).
                out.append(f"<section{_target(block.label)}>\n{heading}\n{inner}\n</section>")
            elif isinstance(block, Paragraph):
                if block.numbered:
                    number = self.numbers.next_paragraph()
                    text = self.inlines(block.content)
                    # The space inside the number keeps "1.1 The" apart where no stylesheet applies
                    # (a code host's notebook view drops <style>); styled, it ends the inline-block.
                    number_span = f'<span class="number">{number} </span>'
                    out.append(f'<p class="numbered"{_target(block.label)}>{number_span}{text}</p>')
                else:
                    out.append(f"<p>{self.inlines(block.content)}</p>")
            elif isinstance(block, BulletList | OrderedList):
                items = "".join(
                    f"<li>{''.join(self.blocks(item.blocks, depth, list_depth + 1))}</li>"
                    for item in block.items
                )
                if isinstance(block, BulletList):
                    out.append(f"<ul>{items}</ul>")
                else:
                    out.append(f"<ol{self.ordered(block, list_depth)}>{items}</ol>")
            elif isinstance(block, Table):
                out.append(self.table(block))
            elif isinstance(block, Contents):
                out.append(self.contents(block))
            elif isinstance(block, AttachedFile):  # a page cannot hold a Word document: link to it
                name = escape(PurePath(block.path).name)
                out.append(
                    f'<p class="attached">Appendix {escape(block.label)} is a separate Word file, not shown '
                    f'here: <a href="{escape(block.path)}">{name}</a></p>'
                )
        return out

    def ordered(self, block: OrderedList, depth: int) -> str:
        """The attributes of an ordered list's `ol`: its type ('a'), start, and a class for '(a)' labels."""
        style = block.style or style_for_depth(depth)
        first = self.lists.first(block, depth)
        start = f' start="{first}"' if first != 1 else ""
        bracketed = ' class="bracketed"' if style.bracketed else ""
        return f' type="{format_number(1, style.format)}"{start}{bracketed}'

    def contents(self, block: Contents) -> str:
        """A `nav` of links to the headings, one `li` per entry, indented by level in CSS."""
        items = "".join(
            f'<li class="level-{e.level}"><a href="#section-{e.index + 1}">'
            f"{escape(f'{e.number} {e.title}' if e.number else e.title)}</a></li>"
            for e in contents_entries(self.doc, block)
        )
        return (
            f'<nav class="contents" aria-labelledby="contents-title">'
            f'<h2 id="contents-title">{escape(block.title)}</h2><ul>{items}</ul></nav>'
        )

    def table(self, block: Table) -> str:
        parts = [f"<table{_target(block.label)}>"]
        if block.caption:
            parts.append(f"<caption>{escape(block.caption)}</caption>")
        parts.append(
            "<colgroup>" + "".join(f'<col style="width: {f:.1%}">' for f in block.fractions) + "</colgroup>"
        )
        all_rows = [(block.header, True)] if block.header else []
        all_rows += [(row, False) for row in block.rows]
        for index, ((row, is_header), slots) in enumerate(zip(all_rows, block.layout.rows, strict=True)):
            if index == (1 if block.header else 0):
                parts.append("<tbody>")
            cells: list[str] = []
            for slot in slots:
                if slot.cell is None:
                    continue  # covered by a cell above that spans rows
                cell = row.cells[slot.cell]
                spans = "".join(
                    f' {name}="{value}"'
                    for name, value in (("colspan", cell.column_span), ("rowspan", cell.row_span))
                    if value > 1
                )
                align = block.align[slot.column] if block.align else "left"
                style = f' style="text-align: {align}"' if align != "left" else ""
                inner = "".join(self.blocks(cell.blocks, 0, 0))
                if is_header:
                    cells.append(f'<th scope="col"{spans}{style}>{inner}</th>')
                elif block.row_headers and slot.column == 0:
                    cells.append(f'<th scope="row"{spans}{style}>{inner}</th>')
                else:
                    cells.append(f"<td{spans}{style}>{inner}</td>")
            row_html = f"<tr>{''.join(cells)}</tr>"
            parts.append(f"<thead>{row_html}</thead>" if is_header else row_html)
        if not block.rows:
            parts.append("<tbody>")
        parts.append("</tbody></table>")
        return "".join(parts)

    def footnotes(self) -> str:
        if not self.notes:
            return ""
        items = "".join(
            f'<li id="fn{n}">{text}<a href="#fnref{n}" role="doc-backlink">↩</a></li>'
            for n, text in enumerate(self.notes, start=1)
        )
        return f'<section class="footnotes" role="doc-endnotes"><hr><ol>{items}</ol></section>'


def _target(label: str | None) -> str:
    """The `id` attribute of an element a `Ref` to `label` points at (nothing when unlabelled)."""
    return f' id="{reference_id(label)}"' if label is not None else ""


def _picture(node: Picture) -> str:
    """An `img` for a picture: its alt text, or alt="" for a decorative one (screen readers skip it)."""
    width, height = node.pixels
    return f'<img src="{node.data_uri}" alt="{escape(node.text)}" width="{width}" height="{height}">'


def fragment(doc: Document, options: RenderOptions | None = None) -> str:
    """The body of the page only, notes at the end, without a stylesheet (`preview` adds one)."""
    options = options or RenderOptions()
    tree = exempt_view(doc, public=options.public)
    state = _Html(tree)
    chunks = state.blocks(tree.blocks, 0, 0)
    for appendix in options.appendices:  # attached only in Word: here each says it is a separate file
        source = appendix.source
        where = "(given as bytes)"
        if not isinstance(source, bytes):
            where = f'<a href="{escape(str(source))}">{escape(PurePath(source).name)}</a>'

        chunks.append(
            f"<section>\n<h2>{escape(appendix.title)}</h2>\n"
            f'<p class="attached">A separate Word file, not shown here: {where}</p>\n</section>'
        )
    body = "\n".join(chunks)
    return f"{body}\n{state.footnotes()}".rstrip() + "\n"


def preview(doc: Document, options: RenderOptions | None = None) -> str:
    """`doc` as a self-contained piece of HTML for a notebook: the fragment with its own style.

    The style is scoped to the enclosing `<div class="pccplan-document">`, so the preview looks
    like the full page (`render`) without touching the rest of the notebook.
    """
    return (
        f'<div class="{PREVIEW_CLASS}" lang="{escape(doc.meta.language)}">\n'
        f"<style>\n{_css(PREVIEW_CLASS)}\n</style>\n{fragment(doc, options)}</div>\n"
    )


def render(doc: Document, options: RenderOptions | None = None) -> str:
    """`doc` as a standalone HTML page with its language, title and metadata in the head."""
    meta = doc.meta
    head = [
        '<meta charset="utf-8">',
        f"<title>{escape(meta.title)}</title>",
        f'<meta name="author" content="{escape(meta.author)}">',
    ]
    if meta.subject:
        head.append(f'<meta name="subject" content="{escape(meta.subject)}">')
    if meta.description:
        head.append(f'<meta name="description" content="{escape(meta.description)}">')
    if meta.keywords:
        head.append(f'<meta name="keywords" content="{escape(", ".join(meta.keywords))}">')
    head.append(f"<style>\n{_css(None)}\n</style>")
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(meta.language)}">\n<head>\n'
        + "\n".join(head)
        + f"\n</head>\n<body>\n{fragment(doc, options)}</body>\n</html>\n"
    )
