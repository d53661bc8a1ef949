"""The house styles: typed descriptions of the Word styles the writer creates when a template lacks them."""

from __future__ import annotations

from typing import Any, Literal

import attrs

__all__ = ["HOUSE_STYLES", "Role", "StyleSpec", "text_width"]

StyleKind = Literal["paragraph", "character", "table"]


@attrs.frozen(kw_only=True)
class StyleSpec:
    """One style as the writer creates it. Lengths are in twentieths of a point (twips).

    `name` is Word's own (English, built-in) name, e.g. 'heading 1'; templates are searched
    for it ignoring case. `based_on` and `next` are names too, resolved to ids when written.
    `size` is in points; `line` is line spacing in 240ths of a line (240 single).
    """

    name: str
    style_id: str
    kind: StyleKind = "paragraph"
    based_on: str | None = None
    next: str | None = None
    ui_priority: int | None = None
    q_format: bool = False
    keep_next: bool = False
    keep_lines: bool = False
    space_before: int | None = None
    space_after: int | None = None
    line: int | None = None
    align: Literal["left", "center", "right", "both"] | None = None
    indent_left: int | None = None
    right_tab: bool = False
    outline_level: int | None = None
    font: str | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    caps: bool = False
    color: str | None = None
    underline: bool = False
    superscript: bool = False
    borders: bool = False
    header_fill: str | None = None


class Role:
    """The Word style names the writer asks for, by what the paragraph or run is for."""

    NORMAL = "Normal"
    TITLE = "Title"
    SUBTITLE = "Subtitle"
    LETTERHEAD = "Letterhead"
    HEADINGS = ("heading 1", "heading 2", "heading 3")
    BODY = "Body Text"
    BODY_INDENT = "Body Text Indent"
    NUMBERED = "Numbered Paragraph"
    LIST = "List Paragraph"
    CAPTION = "caption"
    TABLE_TEXT = "Table Text"
    TABLE_HEADING = "Table Heading"
    TABLE = "Report Table"
    NOTE_TEXT = "footnote text"
    NOTE_REFERENCE = "footnote reference"
    HYPERLINK = "Hyperlink"
    HEADER = "header"
    FOOTER = "footer"
    CONTENTS_HEADING = "TOC Heading"
    CONTENTS = ("toc 1", "toc 2", "toc 3")


def _heading(level: int, *, next: str = "Body Text", space_before: int = 240, **extra: Any) -> StyleSpec:
    """A heading style of the house look: bold black 12pt, kept with what follows, outline level set."""
    return StyleSpec(
        name=f"heading {level}",
        style_id=f"Heading{level}",
        based_on="Normal",
        next=next,
        ui_priority=9,
        size=12,
        space_before=space_before,
        space_after=120,
        outline_level=level - 1,
        keep_next=True,
        keep_lines=True,
        bold=True,
        color="000000",
        q_format=True,
        **extra,
    )


HOUSE_STYLES: tuple[StyleSpec, ...] = (
    StyleSpec(name="Normal", style_id="Normal", q_format=True, space_after=0, line=240),
    StyleSpec(
        name="Title",
        style_id="Title",
        based_on="Normal",
        next="Subtitle",
        q_format=True,
        ui_priority=10,
        size=14,
        bold=True,
        caps=True,
        space_after=240,
        keep_next=True,
    ),
    StyleSpec(
        name="Subtitle",
        style_id="Subtitle",
        based_on="Normal",
        next="Body Text",
        q_format=True,
        ui_priority=11,
        space_after=60,
    ),
    _heading(1, next="Numbered Paragraph", caps=True, space_before=360),
    _heading(2),
    _heading(3, italic=True),
    StyleSpec(
        name="Body Text", style_id="BodyText", based_on="Normal", space_after=200, line=264, q_format=True
    ),
    StyleSpec(name="Body Text Indent", style_id="BodyTextIndent", based_on="Body Text", indent_left=720),
    # A letter's head (logo, sender's block, reference, date): a style of its own, so a template
    # can set it right or left and a reader knows where the head ends.
    StyleSpec(name="Letterhead", style_id="Letterhead", based_on="Normal", next="Body Text", space_after=120),
    StyleSpec(name="Numbered Paragraph", style_id="NumberedParagraph", based_on="Body Text", q_format=True),
    StyleSpec(name="List Paragraph", style_id="ListParagraph", based_on="Normal", space_after=120, line=264),
    StyleSpec(
        name="caption",
        style_id="Caption",
        based_on="Normal",
        next="Normal",
        bold=True,
        size=11,
        space_before=120,
        space_after=120,
        keep_next=True,
        q_format=True,
    ),
    StyleSpec(name="Table Text", style_id="TableText", based_on="Normal", space_before=40, space_after=40),
    StyleSpec(
        name="Table Heading", style_id="TableHeading", based_on="Table Text", bold=True, keep_next=True
    ),
    StyleSpec(
        name="Report Table",
        style_id="ReportTable",
        kind="table",
        ui_priority=59,
        borders=True,
        header_fill="D9D9D9",
    ),
    StyleSpec(name="footnote text", style_id="FootnoteText", based_on="Normal", size=9, space_after=40),
    StyleSpec(name="footnote reference", style_id="FootnoteReference", kind="character", superscript=True),
    StyleSpec(name="Hyperlink", style_id="Hyperlink", kind="character", color="0563C1", underline=True),
    StyleSpec(
        name="TOC Heading",
        style_id="TOCHeading",
        based_on="Normal",
        next="Normal",
        ui_priority=39,
        q_format=True,
        size=12,
        bold=True,
        space_before=240,
        space_after=240,
        keep_next=True,
    ),
    *(
        StyleSpec(
            name=f"toc {level}",
            style_id=f"TOC{level}",
            based_on="Normal",
            next="Normal",
            ui_priority=39,
            space_after=100,
            indent_left=240 * (level - 1) or None,
        )
        for level in (1, 2, 3)
    ),
    StyleSpec(name="header", style_id="Header", based_on="Normal", size=9, right_tab=True),
    StyleSpec(name="footer", style_id="Footer", based_on="Normal", size=9, right_tab=True),
)
"""Every style the writer may use, parents before children, in the order they are added."""


def text_width(page_width: int, left: int, right: int) -> int:
    """The width of the text column in twips, from the page width and its margins."""
    return max(page_width - left - right, 1440)
