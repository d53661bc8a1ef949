"""WordprocessingML builders: every raw `w:` element the DOCX writer makes is made here."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from lxml import etree

from pccplan.errors import ValidationError
from pccplan.opc.parts import oxml_parser
from pccplan.render.docx import opc
from pccplan.render.docx.styles import StyleSpec

__all__ = [
    "Attachment",
    "El",
    "GridCell",
    "LevelSpec",
    "W",
    "abstract_num",
    "base_package_parts",
    "can_splice",
    "drawing_run",
    "elements",
    "field_runs",
    "footnote",
    "footnote_reference_run",
    "footnotes_root",
    "grid_table",
    "header_footer_root",
    "hyperlink",
    "hyperlink_markup",
    "insert_in_order",
    "num",
    "numbering_root",
    "paragraph",
    "paragraph_markup",
    "placeholders",
    "run",
    "run_markup",
    "set_default_fonts",
    "set_default_language",
    "set_footnote_properties",
    "set_page",
    "set_section_references",
    "splice",
    "strip_extensions",
    "style_element",
    "style_names",
    "table",
    "wq",
]

El = etree._Element
"""An lxml element (python-docx's custom element classes are lxml elements)."""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_NSMAP = {"w": W, "r": R}


def wq(local: str) -> str:
    """The qualified (Clark) name of a `w:` element or attribute."""
    return f"{{{W}}}{local}"


_VAL = wq("val")


def _make(local: str, attrib: Mapping[str, str] | None = None, nsmap: Mapping[str, str] | None = None) -> El:
    """A detached element: a part's root (given its `nsmap`) made by python-docx's parser, as
    python-docx makes its own parts; any other a plain lxml element, whose children are made
    several times faster than under python-docx's element classes (the bytes are the same)."""
    if nsmap is None:
        return etree.Element(wq(local), dict(attrib or {}))
    element: El = oxml_parser.makeelement(wq(local), attrib=dict(attrib or {}), nsmap=nsmap)
    return element


def _sub(parent: El, local: str, **attrib: str) -> El:
    """A child `w:local` appended to `parent`, attribute names given without prefix."""
    return etree.SubElement(parent, wq(local), {wq(k): v for k, v in attrib.items()})


def _val(parent: El, local: str, value: str | int) -> El:
    return etree.SubElement(parent, wq(local), {_VAL: str(value)})


# ---------------------------------------------------------------- schema order

# Child order of each parent the writer edits in place, from ECMA-376 Part 1 (transitional).
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)  # fmt: skip
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
    "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
    "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)  # fmt: skip
SECTPR_ORDER = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
    "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
    "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
)  # fmt: skip
STYLE_ORDER = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
    "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr",
    "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
)  # fmt: skip
TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
    "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
    "tblCaption", "tblDescription", "tblPrChange",
)  # fmt: skip
TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
    "tcPrChange",
)  # fmt: skip
TBL_STYLE_PR_ORDER = ("pPr", "rPr", "tblPr", "trPr", "tcPr")
LVL_ORDER = (
    "start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlPicBulletId", "legacy",
    "lvlJc", "pPr", "rPr",
)  # fmt: skip
ABSTRACT_NUM_ORDER = ("nsid", "multiLevelType", "tmpl", "name", "styleLink", "numStyleLink", "lvl")
STYLES_ORDER = ("docDefaults", "latentStyles", "style")
DOC_DEFAULTS_ORDER = ("rPrDefault", "pPrDefault")
NUMBERING_ORDER = ("numPicBullet", "abstractNum", "num", "numIdMacAtCleanup")
SETTINGS_ORDER = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
    "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
    "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
    "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection",
    "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope", "summaryLength",
    "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting",
    "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
    "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne",
    "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
    "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat",
    "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)  # fmt: skip

# The position tables of the orders above, made once at import: they are constants, never
# written, and building one on each insertion was most of the writer's time.
_SCHEMA_RANKS: Mapping[tuple[str, ...], Mapping[str, int]] = {
    order: {wq(name): index for index, name in enumerate(order)}
    for order in (
        PPR_ORDER, RPR_ORDER, SECTPR_ORDER, STYLE_ORDER, TBLPR_ORDER, TCPR_ORDER, TBL_STYLE_PR_ORDER,
        LVL_ORDER, ABSTRACT_NUM_ORDER, STYLES_ORDER, DOC_DEFAULTS_ORDER, NUMBERING_ORDER, SETTINGS_ORDER,
    )
}  # fmt: skip

# Children that may repeat; inserting one of these never replaces an existing sibling.
_REPEATABLE = frozenset(
    wq(n) for n in ("headerReference", "footerReference", "style", "abstractNum", "num", "tblStylePr", "lvl")
)


def insert_in_order(parent: El, child: El, order: Sequence[str]) -> El:
    """Put `child` into `parent` where the schema's child `order` says, replacing a same-named singleton.

    Children not named in `order` are treated as coming after everything named (they are
    extensions such as `w14:` elements, which Word writes last).
    """
    rank = _SCHEMA_RANKS.get(order) if isinstance(order, tuple) else None
    if rank is None:
        rank = _ranks(order)
    tag = child.tag
    mine = rank[tag]
    if tag not in _REPEATABLE:
        existing = parent.find(tag)
        if existing is not None:
            parent.replace(existing, child)
            return child
    after = len(order)
    for sibling in parent:
        if rank.get(sibling.tag, after) > mine:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


def _ranks(order: Sequence[str]) -> dict[str, int]:
    """Each child's position in a schema `order`, by qualified name."""
    return {wq(name): index for index, name in enumerate(order)}


def _put(parent: El, order: Sequence[str], local: str, **attrib: str | int) -> El:
    """A new child `w:local` of `parent` where the schema's child `order` puts it.

    Builders add children through this rather than appending, so the order of their `if`s
    never decides the order in the file (Word refuses a part whose children are out of order).
    """
    # As `insert_in_order` does it, but the child is made inside `parent` (`SubElement`), then
    # moved: an element made on its own starts a document of its own, several times the cost.
    rank = _SCHEMA_RANKS.get(order) if isinstance(order, tuple) else None
    if rank is None:
        rank = _ranks(order)
    tag = wq(local)
    mine = rank[tag]
    existing = None if tag in _REPEATABLE else parent.find(tag)
    child = etree.SubElement(parent, tag, {wq(k): str(v) for k, v in attrib.items()})
    if existing is not None:
        parent.replace(existing, child)
        return child
    after = len(order)
    for sibling in parent:
        if sibling is not child and rank.get(sibling.tag, after) > mine:
            sibling.addprevious(child)
            break
    return child


def _child(parent: El, local: str, order: Sequence[str]) -> El:
    """The existing `w:local` child of `parent`, or a new one inserted in schema order."""
    found = parent.find(wq(local))
    if found is not None:
        return found
    return insert_in_order(parent, _make(local), order)


# ---------------------------------------------------------------- runs and paragraphs

_BREAKS = re.compile(r"([\t\n])")
# The qualified names `run` and `paragraph` use, made once rather than per element.
_Q_R, _Q_RPR, _Q_RSTYLE, _Q_B, _Q_I, _Q_T, _Q_TAB, _Q_BR = (
    wq(n) for n in ("r", "rPr", "rStyle", "b", "i", "t", "tab", "br")
)
_Q_P, _Q_PPR, _Q_PSTYLE, _Q_PAGE_BREAK_BEFORE, _Q_NUMPR, _Q_ILVL, _Q_NUMID, _Q_IND, _Q_JC, _Q_LEFT = (
    wq(n) for n in ("p", "pPr", "pStyle", "pageBreakBefore", "numPr", "ilvl", "numId", "ind", "jc", "left")
)


def run(
    text: str,
    *,
    style: str | None = None,
    bold: bool = False,
    italic: bool = False,
) -> El:
    """A run of text; tabs and line feeds in `text` become `w:tab` and `w:br`."""
    # The writer makes a run for every piece of text, so this one builds its children straight
    # in schema order (CT_RPr: rStyle, b, i; see RPR_ORDER) instead of through `_put`; a plain
    # lxml element, not python-docx's class, as its children are made several times faster.
    r = etree.Element(_Q_R)
    if style or bold or italic:
        rpr = etree.SubElement(r, _Q_RPR)
        if style:
            etree.SubElement(rpr, _Q_RSTYLE, {_VAL: style})
        if bold:
            etree.SubElement(rpr, _Q_B)
        if italic:
            etree.SubElement(rpr, _Q_I)
    for piece in _BREAKS.split(text) if ("\t" in text or "\n" in text) else (text,):
        if piece == "\t":
            etree.SubElement(r, _Q_TAB)
        elif piece == "\n":
            etree.SubElement(r, _Q_BR)
        elif piece:
            t = etree.SubElement(r, _Q_T)
            t.text = piece
            if piece[0].isspace() or piece[-1].isspace():
                t.set(_XML_SPACE, "preserve")
    return r


def hyperlink(rid: str, runs: Iterable[El]) -> El:
    """A `w:hyperlink` to the external relationship `rid`, holding `runs`."""
    link = _make("hyperlink", {f"{{{R}}}id": rid, wq("history"): "1"})
    link.extend(runs)
    return link


def drawing_run(drawing: El) -> El:
    """A run holding a DrawingML picture (`w:drawing` around a `wp:inline`, built in `pictures`)."""
    r = _make("r")
    _sub(r, "drawing").append(drawing)
    return r


def footnote_reference_run(style: str, note_id: int) -> El:
    """The run in the body that shows a footnote's number and points at note `note_id`."""
    r = _make("r")
    _val(_sub(r, "rPr"), "rStyle", style)
    _sub(r, "footnoteReference", id=str(note_id))
    return r


def paragraph(
    children: Iterable[El] = (),
    *,
    style: str | None = None,
    numbering: tuple[int, int] | None = None,
    page_break_before: bool = False,
    indent_left: int | None = None,
    align: str | None = None,
) -> El:
    """A `w:p`: its style id, list numbering as (numId, level), alignment (`w:jc`), runs or hyperlinks."""
    # Made for every paragraph, so built straight in schema order (CT_PPr: pStyle,
    # pageBreakBefore, numPr, ind, jc; see PPR_ORDER), as `run` is.
    p = etree.Element(_Q_P)
    if style or page_break_before or numbering or indent_left is not None or align is not None:
        ppr = etree.SubElement(p, _Q_PPR)
        if style:
            etree.SubElement(ppr, _Q_PSTYLE, {_VAL: style})
        if page_break_before:
            etree.SubElement(ppr, _Q_PAGE_BREAK_BEFORE)
        if numbering:
            numpr = etree.SubElement(ppr, _Q_NUMPR)
            etree.SubElement(numpr, _Q_ILVL, {_VAL: str(numbering[1])})  # CT_NumPr: ilvl, then numId
            etree.SubElement(numpr, _Q_NUMID, {_VAL: str(numbering[0])})
        if indent_left is not None:
            etree.SubElement(ppr, _Q_IND, {_Q_LEFT: str(indent_left)})
        if align is not None:
            etree.SubElement(ppr, _Q_JC, {_VAL: align})
    p.extend(children)
    return p


def set_default_paragraph_style(p: El, style: str) -> None:
    """Give paragraph `p` the style `style` unless it names one (an attached document's default)."""
    ppr = p.find(wq("pPr"))
    if ppr is None:
        ppr = _make("pPr")
        p.insert(0, ppr)
    if ppr.find(wq("pStyle")) is None:
        _put(ppr, PPR_ORDER, "pStyle", val=style)


def set_keep_next(p: El) -> None:
    """Keep paragraph `p` on the page of the paragraph after it (Word's 'Keep with next')."""
    ppr = p.find(wq("pPr"))
    if ppr is None:
        ppr = _make("pPr")
        p.insert(0, ppr)
    insert_in_order(ppr, _make("keepNext"), PPR_ORDER)


def set_space_before(p: El, twips: int) -> None:
    """Give paragraph `p` space above it (used after a table, which has no space of its own)."""
    ppr = p.find(wq("pPr"))
    if ppr is None:
        ppr = _make("pPr")
        p.insert(0, ppr)
    insert_in_order(ppr, _make("spacing", {wq("before"): str(twips)}), PPR_ORDER)


# ---------------------------------------------------------------- paragraphs as markup

# The body's ordinary paragraphs (text, emphasis, links) are written as markup and parsed in
# batches (`elements`): making each `w:p`, `w:r` and `w:t` through lxml's API was most of the
# writer's time per paragraph, and parsing the same XML is many times faster. The markup is
# exactly what the element builders above make, written as lxml serialises it (an element
# without content closes itself), so the markup can also go into the part's bytes as it is
# (`placeholders`, `splice`) and the serialised part is the same bytes either way.
_FRAGMENT_OPEN = f'<w:body xmlns:w="{W}" xmlns:r="{R}">'
_FRAGMENT_CLOSE = "</w:body>"
# No blank text is dropped (python-docx's parser drops it): markup has none between elements.
_fragment_parser = etree.XMLParser(resolve_entities=False, huge_tree=True)


def _text_markup(value: str) -> str:
    """`value` escaped as element text."""
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


def _attr_markup(value: str) -> str:
    """`value` escaped as an attribute value in double quotes."""
    return _text_markup(value).replace('"', "&quot;")


@functools.lru_cache(maxsize=256)
def _run_open(style: str | None, bold: bool, italic: bool) -> str:
    """A run's start tag and properties (CT_RPr: rStyle, b, i), as `run` makes them."""
    if not (style or bold or italic):
        return "<w:r>"  # `run_markup` closes a run without content itself
    rpr = f'<w:rStyle w:val="{_attr_markup(style)}"/>' if style else ""
    return f"<w:r><w:rPr>{rpr}{'<w:b/>' if bold else ''}{'<w:i/>' if italic else ''}</w:rPr>"


def _piece_markup(piece: str) -> str:
    if piece == "\t":
        return "<w:tab/>"
    if piece == "\n":
        return "<w:br/>"
    if not piece:
        return ""
    if piece[0].isspace() or piece[-1].isspace():
        return f'<w:t xml:space="preserve">{_text_markup(piece)}</w:t>'
    return f"<w:t>{_text_markup(piece)}</w:t>"


def run_markup(text: str, *, style: str | None = None, bold: bool = False, italic: bool = False) -> str:
    """The markup of `run(text, style=..., bold=..., italic=...)`."""
    if "\t" in text or "\n" in text:
        body = "".join(_piece_markup(piece) for piece in _BREAKS.split(text))
    else:
        body = _piece_markup(text)
    head = _run_open(style, bold, italic)
    if not body and head == "<w:r>":
        return "<w:r/>"
    return f"{head}{body}</w:r>"


def hyperlink_markup(rid: str, runs: Iterable[str]) -> str:
    """The markup of `hyperlink(rid, runs)`."""
    inner = "".join(runs)
    start = f'<w:hyperlink r:id="{_attr_markup(rid)}" w:history="1"'
    return f"{start}>{inner}</w:hyperlink>" if inner else f"{start}/>"


@functools.lru_cache(maxsize=1024)
def _paragraph_open(
    style: str | None,
    keep_next: bool,
    page_break_before: bool,
    numbering: tuple[int, int] | None,
    space_before: int | None,
    indent_left: int | None,
    align: str | None,
) -> str:
    """A paragraph's start tag and properties, in schema order (CT_PPr: pStyle, keepNext,
    pageBreakBefore, numPr, spacing, ind, jc), as `paragraph` and the `set_` helpers make them."""
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{_attr_markup(style)}"/>')
    if keep_next:
        ppr.append("<w:keepNext/>")
    if page_break_before:
        ppr.append("<w:pageBreakBefore/>")
    if numbering:
        ppr.append(f'<w:numPr><w:ilvl w:val="{numbering[1]}"/><w:numId w:val="{numbering[0]}"/></w:numPr>')
    if space_before is not None:
        ppr.append(f'<w:spacing w:before="{space_before}"/>')
    if indent_left is not None:
        ppr.append(f'<w:ind w:left="{indent_left}"/>')
    if align is not None:
        ppr.append(f'<w:jc w:val="{_attr_markup(align)}"/>')
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>" if ppr else "<w:p>"


def paragraph_markup(
    runs: Iterable[str],
    *,
    style: str | None = None,
    numbering: tuple[int, int] | None = None,
    page_break_before: bool = False,
    indent_left: int | None = None,
    align: str | None = None,
    keep_next: bool = False,
    space_before: int | None = None,
    bookmarks: Sequence[tuple[int, str]] = (),
) -> str:
    """The markup of `paragraph(...)` with `set_keep_next`, `set_space_before` and `bookmark`
    applied to it; `bookmarks` ((id, name)) in the order `bookmark` would be called."""
    head = _paragraph_open(style, keep_next, page_break_before, numbering, space_before, indent_left, align)
    if not bookmarks:
        inner = "".join(runs)
        if not inner and head == "<w:p>":
            return "<w:p/>"
        return f"{head}{inner}</w:p>"
    # Each `bookmark` call puts its start first among the paragraph's content and its end last.
    starts = "".join(
        f'<w:bookmarkStart w:id="{number}" w:name="{_attr_markup(name)}"/>'
        for number, name in reversed(bookmarks)
    )
    ends = "".join(f'<w:bookmarkEnd w:id="{number}"/>' for number, _name in bookmarks)
    return f"{head}{starts}{''.join(runs)}{ends}</w:p>"


def elements(items: Iterable[El | str]) -> list[El]:
    """Body elements from `items`: elements as they are, each stretch of markup parsed at once."""
    out: list[El] = []
    pending: list[str] = []
    for item in items:
        if isinstance(item, str):
            pending.append(item)
            continue
        if pending:
            out.extend(_parsed(pending))
            pending.clear()
        out.append(item)
    if pending:
        out.extend(_parsed(pending))
    return out


def _parsed(markup: list[str]) -> list[El]:
    root = etree.fromstring(f"{_FRAGMENT_OPEN}{''.join(markup)}{_FRAGMENT_CLOSE}", _fragment_parser)
    return list(root)


_PLACEHOLDER = "pccplan-markup"
_PLACEHOLDER_BYTES = re.compile(rb"<\?pccplan-markup (\d+)\?>")


def can_splice(body: El) -> bool:
    """Whether markup can go into the bytes of the part holding `body` as it is: the part binds
    the `w:` and `r:` prefixes the markup uses to their namespaces, as Word's own parts do."""
    found = body.nsmap
    return bool(found.get("w") == W and found.get("r") == R)


def placeholders(items: Iterable[El | str], markup: list[bytes]) -> list[El]:
    """Body elements from `items`: elements as they are, each stretch of markup one placeholder
    (a processing instruction) whose markup is added to `markup`, for `splice` to put in.

    Nothing is parsed: the markup goes into the part's bytes where its placeholder is
    serialised. Only a body nothing reads again after it is written may hold placeholders.
    """
    out: list[El] = []
    pending: list[str] = []

    def flush() -> None:
        out.append(etree.PI(_PLACEHOLDER, str(len(markup))))
        markup.append("".join(pending).encode("utf-8"))
        pending.clear()

    for item in items:
        if isinstance(item, str):
            pending.append(item)
            continue
        if pending:
            flush()
        out.append(item)
    if pending:
        flush()
    return out


def splice(serialised: bytes, markup: Sequence[bytes]) -> bytes:
    """A part's `serialised` bytes with each placeholder replaced by its markup (see `placeholders`)."""
    if not markup:
        return serialised
    return _PLACEHOLDER_BYTES.sub(lambda found: markup[int(found.group(1))], serialised)


def field_runs(instruction: str, placeholder: str) -> list[El]:
    """The runs of a complex field (e.g. ' PAGE '), showing `placeholder` until Word updates it."""
    begin, code, separate, shown, end = (_make("r") for _ in range(5))
    _sub(begin, "fldChar", fldCharType="begin")
    instr = _sub(code, "instrText")
    instr.text = f" {instruction} "
    instr.set(_XML_SPACE, "preserve")
    _sub(separate, "fldChar", fldCharType="separate")
    etree.SubElement(shown, wq("t")).text = placeholder
    _sub(end, "fldChar", fldCharType="end")
    return [begin, code, separate, shown, end]


def reference_field(bookmark: str, *, number: bool, result: El) -> list[El]:
    """The runs of a REF field to `bookmark`, showing the run `result` until Word updates it.

    `number` asks for the bookmarked paragraph's number in full ('4.3', `\\w`) rather than
    its text (a heading's title, a caption); `\\h` makes it a link to the bookmark.
    """
    switches = "\\w \\h" if number else "\\h"
    runs = field_runs(f"REF {bookmark} {switches}", "")
    runs[3] = result
    return runs


# ---------------------------------------------------------------- bookmarks and contents


def bookmark(p: El, bookmark_id: int, name: str) -> El:
    """Paragraph `p` with its content inside the bookmark `name` (what a TOC or REF field points at)."""
    start = _make("bookmarkStart", {wq("id"): str(bookmark_id), wq("name"): name})
    ppr = p.find(wq("pPr"))
    p.insert(1 if ppr is not None else 0, start)
    p.append(_make("bookmarkEnd", {wq("id"): str(bookmark_id)}))
    return p


def contents_entry(text: str, *, bookmark: str, style: str) -> El:
    """One line of a table of contents as pccplan fills it in: `text`, a link to heading `bookmark`.

    It carries no page number: that needs the pages laid out, which only Word or LibreOffice does.
    Updating the field in Word (F9) rewrites every line with its page after a dot leader.
    """
    link = _make("hyperlink", {wq("anchor"): bookmark, wq("history"): "1"})
    link.append(run(text))
    return paragraph([link], style=style)


def contents(heading: El, entries: Sequence[El], *, levels: int) -> El:
    """A table of contents as Word writes one: a `w:sdt` holding `heading` and the TOC field.

    The field's result is `entries` (from `contents_entry`), already filled in, so the
    document reads right before anyone updates the field; updating it in Word (F9) rebuilds
    them from the headings' outline levels, 1 to `levels`, as links (`\\h`).
    """
    sdt = _make("sdt")
    gallery = _sub(_sub(sdt, "sdtPr"), "docPartObj")
    _val(gallery, "docPartGallery", "Table of Contents")
    _sub(gallery, "docPartUnique")
    content = _sub(sdt, "sdtContent")
    content.append(heading)
    begin = field_runs(f'TOC \\o "1-{levels}" \\h \\z \\u', "")[:3]  # begin, code, separate
    closing = paragraph([_field_end()])
    first = entries[0] if entries else closing
    ppr = first.find(wq("pPr"))
    for offset, r in enumerate(begin):
        first.insert(offset + (1 if ppr is not None else 0), r)
    content.extend(entries)
    content.append(closing)
    return sdt


def _field_end() -> El:
    r = _make("r")
    _sub(r, "fldChar", fldCharType="end")
    return r


# ---------------------------------------------------------------- tables


class GridCell:
    """One `w:tc` on a table's grid: its block elements, first grid column, columns spanned, merge.

    `merge` is Word's vertical merge: 'restart' for a cell that spans the rows below it,
    'continue' for the empty cell that stands for it in each of those rows, ``None`` for neither.
    """

    __slots__ = ("column", "columns", "content", "merge")

    def __init__(
        self, content: Sequence[El], *, column: int, columns: int = 1, merge: str | None = None
    ) -> None:
        self.content = content
        self.column = column
        self.columns = columns
        self.merge = merge


def table(
    rows: Sequence[tuple[Sequence[Sequence[El]], bool]],
    *,
    style: str,
    widths: Sequence[int],
    caption: str | None,
    indent: int | None = None,
) -> El:
    """A `w:tbl` of plain cells, one per grid column (see `grid_table`, which this calls)."""
    grid_rows = [
        ([GridCell(content, column=index) for index, content in enumerate(cells)], header)
        for cells, header in rows
    ]
    return grid_table(grid_rows, style=style, widths=widths, caption=caption, indent=indent)


def grid_table(
    rows: Sequence[tuple[Sequence[GridCell], bool]],
    *,
    style: str,
    widths: Sequence[int],
    caption: str | None,
    indent: int | None = None,
    first_column: bool = False,
) -> El:
    """A `w:tbl` of fixed column `widths` (twips); each row is (its cells on the grid, is header).

    A cell spanning columns gets `w:gridSpan` and the widths of its columns together (`w:tcW`);
    `first_column` marks each row's first cell as its heading (`w:tblLook` firstColumn, which
    switches on the table style's first-column formatting).

    `indent` (twips) sets the table's left edge in from the margin (`w:tblInd`), as for a
    table inside a list item.

    Header rows get `w:tblHeader` so Word repeats them on each page; `w:tblLook` switches on
    the style's first-row formatting when there is one. A cell always ends in a paragraph,
    as the schema requires.
    """
    tbl = _make("tbl")
    has_header = any(header for _cells, header in rows)
    tblpr = _sub(tbl, "tblPr")
    _put(tblpr, TBLPR_ORDER, "tblStyle", val=style)
    _put(tblpr, TBLPR_ORDER, "tblW", w=sum(widths), type="dxa")
    if indent is not None:
        _put(tblpr, TBLPR_ORDER, "tblInd", w=indent, type="dxa")
    _put(tblpr, TBLPR_ORDER, "tblLayout", type="fixed")
    _put(
        tblpr,
        TBLPR_ORDER,
        "tblLook",
        val=f"{0x0600 | (0x20 if has_header else 0) | (0x80 if first_column else 0):04X}",
        firstRow="1" if has_header else "0",
        lastRow="0",
        firstColumn="1" if first_column else "0",
        lastColumn="0",
        noHBand="1",
        noVBand="1",
    )
    if caption:
        _put(tblpr, TBLPR_ORDER, "tblCaption", val=caption)
    grid = _sub(tbl, "tblGrid")
    for width in widths:
        _sub(grid, "gridCol", w=str(width))
    for cells, header in rows:
        tr = _sub(tbl, "tr")
        trpr = _sub(tr, "trPr")
        _sub(trpr, "cantSplit")
        if header:
            _sub(trpr, "tblHeader")
        for cell in cells:
            tc = _sub(tr, "tc")
            tcpr = _sub(tc, "tcPr")
            width = sum(widths[cell.column : cell.column + cell.columns])
            _put(tcpr, TCPR_ORDER, "tcW", w=width, type="dxa")
            if cell.columns > 1:
                _put(tcpr, TCPR_ORDER, "gridSpan", val=cell.columns)
            if cell.merge == "restart":
                _put(tcpr, TCPR_ORDER, "vMerge", val="restart")
            elif cell.merge == "continue":
                _put(tcpr, TCPR_ORDER, "vMerge")  # no value: continues the cell above
            tc.extend(cell.content)
            if not len(cell.content) or cell.content[-1].tag != wq("p"):
                tc.append(paragraph())
    return tbl


# ---------------------------------------------------------------- footnotes


def footnotes_root() -> El:
    """A new footnotes part root holding Word's separator (-1) and continuation separator (0)."""
    root = _make("footnotes", nsmap=_NSMAP)
    for note_id, kind in ((-1, "separator"), (0, "continuationSeparator")):
        fn = _sub(root, "footnote", type=kind, id=str(note_id))
        p = _sub(fn, "p")
        _sub(_sub(p, "pPr"), "spacing", after="0", line="240", lineRule="auto")
        _sub(_sub(p, "r"), kind)
    return root


def footnote(note_id: int, paragraphs: Sequence[El], *, reference_style: str) -> El:
    """A `w:footnote`; its first paragraph gains the note's own number (`w:footnoteRef`) and a space."""
    fn = _make("footnote", {wq("id"): str(note_id)})
    for index, p in enumerate(paragraphs):
        if index == 0:
            mark = _make("r")
            _val(_sub(mark, "rPr"), "rStyle", reference_style)
            _sub(mark, "footnoteRef")
            ppr = p.find(wq("pPr"))
            at = 1 if ppr is not None else 0
            p.insert(at, mark)
            p.insert(at + 1, run(" "))
        fn.append(p)
    return fn


def keep_separators(root: El) -> int:
    """Remove a footnotes part's own notes, keeping its separators; the next free note id.

    A template's footnotes belong to its sample text, but its separator and continuation
    notes (`w:type` other than 'normal') draw the line above the notes and must stay.
    """
    ids = []
    for note in list(root.iterchildren(wq("footnote"))):
        if note.get(wq("type"), "normal") == "normal":
            root.remove(note)
        else:
            ids.append(int(note.get(wq("id"), "0")))
    return max(ids, default=0) + 1


def set_footnote_properties(settings: El, separator_ids: Sequence[int]) -> None:
    """List the separator footnotes in `w:settings` (`w:footnotePr`), as Word does."""
    pr = _make("footnotePr")
    for note_id in separator_ids:
        _sub(pr, "footnote", id=str(note_id))
    insert_in_order(settings, pr, SETTINGS_ORDER)


# ---------------------------------------------------------------- numbering


class LevelSpec:
    """One level of a list definition: format, text ('%1.%2'), indents, and a bullet font."""

    __slots__ = ("font", "format", "hanging", "left", "style", "text")

    def __init__(
        self,
        *,
        format: str,
        text: str,
        left: int,
        hanging: int,
        font: str | None = None,
        style: str | None = None,
    ) -> None:
        self.format = format
        self.text = text
        self.left = left
        self.hanging = hanging
        self.font = font
        self.style = style


def numbering_root() -> El:
    """A new, empty numbering part root."""
    return _make("numbering", nsmap=_NSMAP)


def abstract_num(abstract_id: int, levels: Sequence[LevelSpec], *, name: str) -> El:
    """A multi-level list definition (`w:abstractNum`)."""
    # Every document gets the same few definitions: each is built once and copied (in C), as
    # building one through `_put` cost a tenth of a short document's render.
    key = tuple((s.format, s.text, s.left, s.hanging, s.font, s.style) for s in levels)
    return copy.deepcopy(_abstract_num(abstract_id, key, name))


@functools.lru_cache(maxsize=64)
def _abstract_num(
    abstract_id: int, key: tuple[tuple[str, str, int, int, str | None, str | None], ...], name: str
) -> El:
    levels = [
        LevelSpec(format=f, text=t, left=left, hanging=hanging, font=font, style=style)
        for f, t, left, hanging, font, style in key
    ]
    an = _make("abstractNum", {wq("abstractNumId"): str(abstract_id)})
    _put(an, ABSTRACT_NUM_ORDER, "multiLevelType", val="multilevel" if len(levels) > 1 else "singleLevel")
    _put(an, ABSTRACT_NUM_ORDER, "name", val=name)
    for ilvl, spec in enumerate(levels):
        lvl = _put(an, ABSTRACT_NUM_ORDER, "lvl", ilvl=ilvl)
        _put(lvl, LVL_ORDER, "start", val=1)
        _put(lvl, LVL_ORDER, "numFmt", val=spec.format)
        if spec.style:
            _put(lvl, LVL_ORDER, "pStyle", val=spec.style)
        _put(lvl, LVL_ORDER, "lvlText", val=spec.text)
        _put(lvl, LVL_ORDER, "lvlJc", val="left")
        _put(_put(lvl, LVL_ORDER, "pPr"), PPR_ORDER, "ind", left=spec.left, hanging=spec.hanging)
        if spec.font:
            fonts = {"ascii": spec.font, "hAnsi": spec.font, "hint": "default"}
            _put(_put(lvl, LVL_ORDER, "rPr"), RPR_ORDER, "rFonts", **fonts)
    return an


def num(num_id: int, abstract_id: int, *, restart_level: int | None = None, start: int = 1) -> El:
    """A list instance (`w:num`); `restart_level` makes it start again at `start` on that level."""
    n = _make("num", {wq("numId"): str(num_id)})
    _val(n, "abstractNumId", abstract_id)
    if restart_level is not None:
        override = _sub(n, "lvlOverride", ilvl=str(restart_level))
        _val(override, "startOverride", start)
    return n


def numbering_ids(root: El) -> tuple[int, int]:
    """The largest abstractNumId and numId already in a numbering part (-1 and 0 when empty)."""
    abstract = [int(e.get(wq("abstractNumId"), "0")) for e in root.iterchildren(wq("abstractNum"))]
    nums = [int(e.get(wq("numId"), "0")) for e in root.iterchildren(wq("num"))]
    return max(abstract, default=-1), max(nums, default=0)


def add_numbering(root: El, abstracts: Sequence[El], nums: Sequence[El]) -> None:
    """Add definitions before the first instance (the schema puts every abstractNum first)."""
    _insert_all_in_order(root, abstracts, NUMBERING_ORDER)
    _insert_all_in_order(root, nums, NUMBERING_ORDER)


def _insert_all_in_order(parent: El, children: Sequence[El], order: Sequence[str]) -> None:
    """`insert_in_order` for each of `children`, all repeatable and of one kind, found their place once.

    Each would go before the first sibling ranked after its kind, after those put in before
    it; a document has a list instance per list, and looking each one's place up was quadratic.
    """
    if not children:
        return
    tag = children[0].tag
    if tag not in _REPEATABLE or any(c.tag != tag for c in children):
        for child in children:
            insert_in_order(parent, child, order)
        return
    rank = _SCHEMA_RANKS.get(order) if isinstance(order, tuple) else None
    if rank is None:
        rank = _ranks(order)
    mine, after = rank[tag], len(order)
    anchor = next((s for s in parent if rank.get(s.tag, after) > mine), None)
    for child in children:
        if anchor is None:
            parent.append(child)
        else:
            anchor.addprevious(child)


# ---------------------------------------------------------------- styles


def style_names(styles: El) -> dict[str, tuple[str, str]]:
    """Each style in a styles part by lower-cased name: (style id, type)."""
    found: dict[str, tuple[str, str]] = {}
    for style in styles.iterchildren(wq("style")):
        name = style.find(wq("name"))
        style_id = style.get(wq("styleId"))
        if name is not None and style_id:
            found.setdefault(name.get(_VAL, "").lower(), (style_id, style.get(wq("type"), "paragraph")))
    return found


def _spacing_and_text(spec: StyleSpec, parent: El, text_width: int) -> None:
    """The paragraph and run properties of `spec`, put into a `w:style`."""
    ppr = _make("pPr")
    if spec.keep_next:
        _put(ppr, PPR_ORDER, "keepNext")
    if spec.keep_lines:
        _put(ppr, PPR_ORDER, "keepLines")
    if spec.right_tab:
        _sub(_put(ppr, PPR_ORDER, "tabs"), "tab", val="right", pos=str(text_width))
    spacing: dict[str, str | int] = {
        key: value
        for key, value in (("before", spec.space_before), ("after", spec.space_after), ("line", spec.line))
        if value is not None
    }
    if spec.line is not None:
        spacing["lineRule"] = "auto"
    if spacing:
        _put(ppr, PPR_ORDER, "spacing", **spacing)
    if spec.indent_left is not None:
        _put(ppr, PPR_ORDER, "ind", left=spec.indent_left)
    if spec.align:
        _put(ppr, PPR_ORDER, "jc", val=spec.align)
    if spec.outline_level is not None:
        _put(ppr, PPR_ORDER, "outlineLvl", val=spec.outline_level)
    if len(ppr):
        insert_in_order(parent, ppr, STYLE_ORDER)
    rpr = _make("rPr")
    if spec.font:
        _put(rpr, RPR_ORDER, "rFonts", ascii=spec.font, hAnsi=spec.font, cs=spec.font)
    for wanted, names in ((spec.bold, ("b", "bCs")), (spec.italic, ("i", "iCs")), (spec.caps, ("caps",))):
        for name in names if wanted else ():
            _put(rpr, RPR_ORDER, name)
    if spec.color:
        _put(rpr, RPR_ORDER, "color", val=spec.color)
    if spec.size:
        _put(rpr, RPR_ORDER, "sz", val=round(spec.size * 2))
        _put(rpr, RPR_ORDER, "szCs", val=round(spec.size * 2))
    if spec.underline:
        _put(rpr, RPR_ORDER, "u", val="single")
    if spec.superscript:
        _put(rpr, RPR_ORDER, "vertAlign", val="superscript")
    if len(rpr):
        insert_in_order(parent, rpr, STYLE_ORDER)


def _table_properties(spec: StyleSpec, parent: El) -> None:
    tblpr = _put(parent, STYLE_ORDER, "tblPr")
    if spec.borders:
        borders = _put(tblpr, TBLPR_ORDER, "tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):  # CT_TblBorders order
            _sub(borders, edge, val="single", sz="4", space="0", color="000000")
    margins = _put(tblpr, TBLPR_ORDER, "tblCellMar")
    for edge, width in (("top", "57"), ("left", "108"), ("bottom", "57"), ("right", "108")):
        _sub(margins, edge, w=width, type="dxa")
    if spec.header_fill:
        first = _put(parent, STYLE_ORDER, "tblStylePr", type="firstRow")
        rpr = _put(first, TBL_STYLE_PR_ORDER, "rPr")
        _put(rpr, RPR_ORDER, "b")
        _put(rpr, RPR_ORDER, "bCs")
        tcpr = _put(first, TBL_STYLE_PR_ORDER, "tcPr")
        _put(tcpr, TCPR_ORDER, "shd", val="clear", color="auto", fill=spec.header_fill)
        # A row's heading (the first column, when a table has row headers) is bold too.
        first_col = _put(parent, STYLE_ORDER, "tblStylePr", type="firstCol")
        col_rpr = _put(first_col, TBL_STYLE_PR_ORDER, "rPr")
        _put(col_rpr, RPR_ORDER, "b")
        _put(col_rpr, RPR_ORDER, "bCs")


def style_element(spec: StyleSpec, ids: Mapping[str, str], *, text_width: int) -> El:
    """A `w:style` for `spec`; `ids` maps lower-cased style names to the ids in this document."""
    # Every document gets the same house styles: each is built once and copied (in C), as
    # building them through `_put` was a third of a short document's render.
    based_on = ids.get(spec.based_on.lower()) if spec.based_on else None
    next_id = ids.get(spec.next.lower()) if spec.next else None
    return copy.deepcopy(_style_element(spec, based_on, next_id, text_width))


@functools.lru_cache(maxsize=256)
def _style_element(spec: StyleSpec, based_on: str | None, next_id: str | None, text_width: int) -> El:
    style = _make("style", {wq("type"): spec.kind, wq("styleId"): spec.style_id})
    if spec.kind == "paragraph" and spec.name == "Normal":
        style.set(wq("default"), "1")
    _put(style, STYLE_ORDER, "name", val=spec.name)
    if based_on is not None:
        _put(style, STYLE_ORDER, "basedOn", val=based_on)
    if next_id is not None:
        _put(style, STYLE_ORDER, "next", val=next_id)
    if spec.ui_priority is not None:
        _put(style, STYLE_ORDER, "uiPriority", val=spec.ui_priority)
    if spec.q_format:
        _put(style, STYLE_ORDER, "qFormat")
    if spec.kind == "table":
        _table_properties(spec, style)
    else:
        _spacing_and_text(spec, style, text_width)
    return style


def _run_defaults(styles: El) -> El:
    defaults = _child(styles, "docDefaults", STYLES_ORDER)
    rpr_default = _child(defaults, "rPrDefault", DOC_DEFAULTS_ORDER)
    return _child(rpr_default, "rPr", ("rPr",))


def set_default_language(styles: El, language: str) -> None:
    """Set the proofing language of all text (`w:lang` in docDefaults), e.g. 'en-GB'."""
    rpr = _run_defaults(styles)
    lang = _make("lang", {_VAL: language, wq("eastAsia"): language, wq("bidi"): "ar-SA"})
    insert_in_order(rpr, lang, RPR_ORDER)


def set_default_fonts(styles: El, *, font: str, size: float, space_after: int) -> None:
    """The house defaults: `font` for every script (theme fonts removed), `size` points."""
    rpr = _run_defaults(styles)
    insert_in_order(
        rpr, _make("rFonts", {wq(k): font for k in ("ascii", "hAnsi", "eastAsia", "cs")}), RPR_ORDER
    )
    for name in ("sz", "szCs"):
        insert_in_order(rpr, _make(name, {_VAL: str(round(size * 2))}), RPR_ORDER)
    defaults = _child(styles, "docDefaults", STYLES_ORDER)
    ppr = _child(_child(defaults, "pPrDefault", DOC_DEFAULTS_ORDER), "pPr", ("pPr",))
    spacing = _make("spacing", {wq("after"): str(space_after), wq("line"): "240", wq("lineRule"): "auto"})
    insert_in_order(ppr, spacing, PPR_ORDER)


def add_style(styles: El, style: El) -> None:
    """Append a style after the existing ones (styles follow docDefaults and latentStyles)."""
    insert_in_order(styles, style, STYLES_ORDER)


# ---------------------------------------------------------------- sections, headers, footers


def set_page(sect_pr: El, *, width: int, height: int, margins: Mapping[str, int]) -> None:
    """Page size and margins (twips) of a section."""
    insert_in_order(sect_pr, _make("pgSz", {wq("w"): str(width), wq("h"): str(height)}), SECTPR_ORDER)
    insert_in_order(sect_pr, _make("pgMar", {wq(k): str(v) for k, v in margins.items()}), SECTPR_ORDER)


def page_geometry(sect_pr: El) -> tuple[int, int, int]:
    """(page width, left margin, right margin) in twips; A4 with 1 inch margins when absent."""
    size = sect_pr.find(wq("pgSz"))
    margins = sect_pr.find(wq("pgMar"))
    width = int(size.get(wq("w"), "11906")) if size is not None else 11906
    left = int(margins.get(wq("left"), "1440")) if margins is not None else 1440
    right = int(margins.get(wq("right"), "1440")) if margins is not None else 1440
    return width, left, right


def has_reference(sect_pr: El, kind: str) -> bool:
    """Whether a section already has a default header or footer (`kind` 'header' or 'footer')."""
    return any(ref.get(wq("type")) == "default" for ref in sect_pr.iterchildren(wq(f"{kind}Reference")))


def set_section_references(sect_pr: El, kind: str, rid: str, *, page: str = "default") -> None:
    """Point a section's header or footer (`kind`) for `page` ('default' or 'first') at relationship `rid`."""
    ref = _make(f"{kind}Reference", {wq("type"): page, f"{{{R}}}id": rid})
    insert_in_order(sect_pr, ref, SECTPR_ORDER)


def set_title_page(sect_pr: El) -> None:
    """Give the section's first page its own header and footer (`w:titlePg`); no first header = none."""
    if sect_pr.find(wq("titlePg")) is None:
        insert_in_order(sect_pr, _make("titlePg"), SECTPR_ORDER)


def emptied_body(body: El) -> El:
    """Remove a reference document's content from `body`, keeping only its final `w:sectPr`.

    Returns that section's properties, made (empty) when the body had none: a template lends
    its page set-up, never its text.
    """
    sect = body.find(wq("sectPr"))
    if sect is None:
        sect = _make("sectPr")
        body.append(sect)
    for child in list(body):
        if child is not sect:
            body.remove(child)
    return sect


def is_paragraph(element: El) -> bool:
    """Whether a body element is a paragraph (`w:p`)."""
    return bool(element.tag == wq("p"))


def is_table(element: El) -> bool:
    """Whether a body element is a table (`w:tbl`)."""
    return bool(element.tag == wq("tbl"))


def header_footer_root(kind: str, paragraphs: Iterable[El]) -> El:
    """The root of a header or footer part (`kind` 'hdr' or 'ftr') holding `paragraphs`."""
    root = _make(kind, nsmap=_NSMAP)
    root.extend(paragraphs)
    return root


# ---------------------------------------------------------------- attaching another document

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
# The namespaces ISO/IEC 29500 transitional defines, which the host may hold; anything else in
# an appendix is an Office extension that a consumer may ignore (ISO/IEC 29500-3, mc:Ignorable).
_STANDARD = frozenset(
    {
        W,
        R,
        _WP,
        _PIC,
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://www.w3.org/XML/1998/namespace",
    }
)
_DROPPED = tuple(
    wq(n)
    for n in (
        "commentRangeStart", "commentRangeEnd", "commentReference", "proofErr", "permStart", "permEnd",
        "endnoteReference",
    )
)  # fmt: skip


def _remove(element: El) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _namespace(tag: str) -> str:
    return tag[1 : tag.index("}")] if tag.startswith("{") else ""


def strip_extensions(root: El) -> None:
    """Office's extension markup out: `mc:AlternateContent` becomes its fallback, and elements
    and attributes outside the standard's namespaces go (as a consumer that ignores them sees it).
    """
    for alternate in list(root.iter(f"{{{_MC}}}AlternateContent")):
        chosen = alternate.find(f"{{{_MC}}}Fallback")
        parent = alternate.getparent()
        if parent is None:
            continue
        at = parent.index(alternate)
        for child in list(chosen) if chosen is not None else []:
            parent.insert(at, child)
            at += 1
        parent.remove(alternate)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            _remove(element)  # comments and processing instructions
            continue
        if _namespace(element.tag) not in _STANDARD:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for name in [str(n) for n in element.attrib]:
            if name.startswith("{") and _namespace(name) not in _STANDARD:
                del element.attrib[name]


class Attachment:
    """The WordprocessingML of one document being attached to another: its ids mapped to the host's.

    `render/docx/merge.py` hands it the parts' root elements; it renames styles, moves list,
    bookmark, drawing and note ids past the host's, and strips Office extension markup.
    """

    def __init__(self, number: int, name: str | None = None) -> None:
        self.number = number  # the `number`-th attached: its bookmarks' and lists' identities
        self.name = name or str(number)  # what renamed styles are marked with: 'AppendixB', '(Appendix B)'
        self.styles: dict[str, str] = {}
        self.nums: dict[str, str] = {}
        self.default_style: str | None = None

    # ------------------------------------------------------------ styles

    def copy_styles(self, host_styles: El, appendix_styles: El) -> None:
        """Each appendix style into the host, renamed when its id or name is the host's already."""
        taken_ids = {s.get(wq("styleId")) for s in host_styles.iterchildren(wq("style"))}
        taken_names = set(style_names(host_styles))
        made: list[El] = []
        for style in appendix_styles.iterchildren(wq("style")):
            style = copy.deepcopy(style)
            old = style.get(wq("styleId"), "")
            name_el = style.find(wq("name"))
            name = name_el.get(wq("val"), old) if name_el is not None else old
            new = old
            if old in taken_ids or name.lower() in taken_names:
                new = f"{old}Appendix{self.name}"
                while new in taken_ids:
                    new += "x"
                if name_el is not None:
                    name_el.set(wq("val"), f"{name} (Appendix {self.name})")
            if style.get(wq("default")) in ("1", "true", "on"):
                del style.attrib[wq("default")]
                if style.get(wq("type")) == "paragraph":
                    self.default_style = new
            style.set(wq("styleId"), new)
            taken_ids.add(new)
            taken_names.add(name.lower())
            self.styles[old] = new
            made.append(style)
        for style in made:
            for local in ("basedOn", "next", "link"):
                ref = style.find(wq(local))
                if ref is not None and ref.get(wq("val")) in self.styles:
                    ref.set(wq("val"), self.styles[ref.get(wq("val"), "")])
            if style.get(wq("styleId")) == self.default_style:
                self._take_defaults(style, appendix_styles)
            add_style(host_styles, style)

    def _take_defaults(self, style: El, appendix_styles: El) -> None:
        """The appendix's document defaults (font, size, spacing) laid under its default style."""
        defaults = appendix_styles.find(wq("docDefaults"))
        if defaults is None:
            return
        for holder, local, order in (
            ("rPrDefault", "rPr", RPR_ORDER),
            ("pPrDefault", "pPr", PPR_ORDER),
        ):
            found = defaults.find(f"{wq(holder)}/{wq(local)}")
            if found is None:
                continue
            own = style.find(wq(local))
            if own is None:
                own = copy.deepcopy(found)
                insert_in_order(style, own, STYLE_ORDER)
                continue
            for prop in found:
                if (
                    isinstance(prop.tag, str)
                    and own.find(prop.tag) is None
                    and prop.tag in {wq(n) for n in order}
                ):
                    insert_in_order(own, copy.deepcopy(prop), order)

    # ------------------------------------------------------------ numbering

    def copy_numbering(self, source: El, host_numbering: Callable[[], El], host_styles: El) -> None:
        """The appendix's list definitions (`source`) into the host's numbering, ids past the host's."""
        abstracts = list(source.iterchildren(wq("abstractNum")))
        nums = list(source.iterchildren(wq("num")))
        if not abstracts and not nums:
            return
        root = host_numbering()
        last_abstract, last_num = numbering_ids(root)
        abstract_map = {
            a.get(wq("abstractNumId"), ""): str(last_abstract + 1 + i) for i, a in enumerate(abstracts)
        }
        copies = []
        for abstract in abstracts:
            made = copy.deepcopy(abstract)
            old = made.get(wq("abstractNumId"), "")
            made.set(wq("abstractNumId"), abstract_map[old])
            nsid = made.find(wq("nsid"))
            if nsid is not None:  # a list's identity: two lists sharing one are joined by Word
                import hashlib  # here: only an appendix's lists need it, and it loads OpenSSL

                digest = hashlib.sha256(f"{self.number}/{old}".encode()).hexdigest()[:8].upper()
                nsid.set(wq("val"), digest)
            for local in ("styleLink", "numStyleLink"):
                ref = made.find(wq(local))
                if ref is not None and ref.get(wq("val")) in self.styles:
                    ref.set(wq("val"), self.styles[ref.get(wq("val"), "")])
            self._restyle(made)
            copies.append(made)
        num_copies = []
        for index, num in enumerate(nums):
            made = copy.deepcopy(num)
            old = made.get(wq("numId"), "")
            self.nums[old] = str(last_num + 1 + index)
            made.set(wq("numId"), self.nums[old])
            ref = made.find(wq("abstractNumId"))
            if ref is not None:
                ref.set(wq("val"), abstract_map.get(ref.get(wq("val"), ""), ref.get(wq("val"), "")))
            num_copies.append(made)
        add_numbering(root, copies, num_copies)
        for style in host_styles.iterchildren(wq("style")):
            if style.get(wq("styleId")) in self.styles.values():
                self._renumber(style)

    def _renumber(self, element: El) -> None:
        for num_id in element.iter(wq("numId")):
            value = num_id.get(wq("val"), "")
            if value != "0" and value in self.nums:
                num_id.set(wq("val"), self.nums[value])

    # ------------------------------------------------------------ the body

    def body(self, body: El, host_body: El) -> list[El]:
        """The appendix's `body` elements, restyled and renumbered for `host_body`'s document."""
        bookmarks = [int(b.get(wq("id"), "0")) for b in host_body.iter(wq("bookmarkStart"))]
        drawings = [
            int(d.get("id", "0")) for d in host_body.iter(f"{{{_WP}}}docPr") if d.get("id", "").isdigit()
        ]
        bookmark_from, drawing_from = max(bookmarks, default=0) + 1, max(drawings, default=0) + 1
        out: list[El] = []
        for element in body:
            if element.tag == wq("sectPr"):
                continue  # the host's page set-up, header and footer go on through the appendix
            made = copy.deepcopy(element)
            strip_extensions(made)
            for dropped in list(made.iter(*_DROPPED)):
                _remove(dropped)
            for sect in list(made.iter(wq("sectPr"))):
                _remove(sect)  # one section: the host's
            self._restyle(made)
            self._renumber(made)
            out.append(made)
        self._bookmarks(out, bookmark_from)
        # Drawing ids must be unique in the document; the picture's own id follows its frame's.
        for offset, doc_pr in enumerate(e for el in out for e in el.iter(f"{{{_WP}}}docPr")):
            doc_pr.set("id", str(drawing_from + offset))
            inline = doc_pr.getparent()
            for c_nv in inline.iter(f"{{{_PIC}}}cNvPr") if inline is not None else ():
                c_nv.set("id", str(drawing_from + offset))
        return out

    def _restyle(self, element: El) -> None:
        for local in ("pStyle", "rStyle", "tblStyle"):
            for ref in element.iter(wq(local)):
                ref.set(wq("val"), self.styles.get(ref.get(wq("val"), ""), ref.get(wq("val"), "")))
        if self.default_style is None:
            return
        for p in element.iter(wq("p")):  # iter() includes the element itself
            set_default_paragraph_style(p, self.default_style)

    def _bookmarks(self, elements: list[El], start: int) -> None:
        """Bookmark ids moved past the host's, and names the host uses renamed, links following them."""
        ids: dict[str, str] = {}
        names: dict[str, str] = {}
        for element in elements:
            for mark in element.iter(wq("bookmarkStart"), wq("bookmarkEnd")):
                old = mark.get(wq("id"), "")
                ids.setdefault(old, str(start + len(ids)))
                mark.set(wq("id"), ids[old])
                name = mark.get(wq("name"))
                if name is not None:
                    names[name] = f"{name}_A{self.number}"
                    mark.set(wq("name"), names[name])
            for link in element.iter(wq("hyperlink")):
                anchor = link.get(wq("anchor"))
                if anchor in names:
                    link.set(wq("anchor"), names[anchor])
            for code in element.iter(wq("instrText")):
                words = (code.text or "").split()
                if len(words) >= 2 and words[0] in ("REF", "PAGEREF") and words[1] in names:
                    code.text = (code.text or "").replace(words[1], names[words[1]], 1)

    def copy_notes(self, elements: Sequence[El], source: El | None, host_root: Callable[[], El]) -> list[El]:
        """The footnotes (from `source`, the appendix's footnotes root) the elements refer to,
        copied into the host's (`host_root()`) with new ids; the copies, whose links still
        need relinking. References to missing notes go."""
        refs = [ref for element in elements for ref in element.iter(wq("footnoteReference"))]
        if not refs:
            return []
        if source is None:
            for ref in refs:
                _remove(ref)
            return []
        notes = {n.get(wq("id"), ""): n for n in source.iterchildren(wq("footnote"))}
        root = host_root()
        next_id = max((int(n.get(wq("id"), "0")) for n in root.iterchildren(wq("footnote"))), default=0) + 1
        copies: list[El] = []
        for ref in refs:
            note = notes.get(ref.get(wq("id"), ""))
            if note is None:
                _remove(ref)
                continue
            made = copy.deepcopy(note)
            strip_extensions(made)
            self._restyle(made)
            made.set(wq("id"), str(next_id))
            ref.set(wq("id"), str(next_id))
            next_id += 1
            root.append(made)
            copies.append(made)
        return copies


# ---------------------------------------------------------------- the writer's own template

_DOC_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def base_package_parts(*, page: Mapping[str, int]) -> dict[str, bytes]:
    """The members of the writer's own minimal template: document, styles and settings only.

    Styles are then added by name exactly as for a caller's template, so the two paths are one.
    The `w:` parts are made here; content types and relationships come from `opc`.
    """
    doc = _make("document", nsmap=_NSMAP)
    body = _sub(doc, "body")
    sect = _sub(body, "sectPr")
    set_page(
        sect,
        width=page["width"],
        height=page["height"],
        margins={k: v for k, v in page.items() if k not in ("width", "height")},
    )
    styles = _make("styles", nsmap=_NSMAP)
    settings = _make("settings", nsmap=_NSMAP)
    _put(settings, SETTINGS_ORDER, "defaultTabStop", val=720)
    _put(settings, SETTINGS_ORDER, "characterSpacingControl", val="doNotCompress")
    compat = _put(settings, SETTINGS_ORDER, "compat")
    _sub(
        compat,
        "compatSetting",
        name="compatibilityMode",
        uri="http://schemas.microsoft.com/office/word",
        val="15",
    )
    document_rels = [
        (f"rId{i}", f"{_RT}/{kind}", f"{kind}.xml") for i, kind in ((1, "styles"), (2, "settings"))
    ]
    return {
        "[Content_Types].xml": opc.content_types(
            {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"},
            {
                "/word/document.xml": f"{_DOC_CT}.document.main+xml",
                "/word/styles.xml": f"{_DOC_CT}.styles+xml",
                "/word/settings.xml": f"{_DOC_CT}.settings+xml",
            },
        ),
        "_rels/.rels": opc.relationships([("rId1", f"{_RT}/officeDocument", "word/document.xml")]),
        "word/document.xml": opc.part_bytes(doc),
        "word/_rels/document.xml.rels": opc.relationships(document_rels),
        "word/styles.xml": opc.part_bytes(styles),
        "word/settings.xml": opc.part_bytes(settings),
    }


# ---------------------------------------------------------------- tracked changes (the redline)

# What render/docx/redline.py reads and rewrites in two rendered bodies: it decides what changed,
# these make and find the WordprocessingML. See docs/dev/redline.md.

# CT_TrPr: the row's own properties, then its revision marks (ins, del) last.
_ROW_ORDER = (
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
    "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange",
)  # fmt: skip
_DELETED_TEXT = {wq("t"): wq("delText"), wq("instrText"): wq("delInstrText")}
_BLOCKS = frozenset(wq(n) for n in ("p", "tbl", "sdt"))
_R_ID = f"{{{R}}}id"

Mark = Callable[[], El]
"""Makes the next revision mark (`w:ins` or `w:del`) of a redline, with its own id."""


def _bare(local: str, **attrib: str) -> El:
    """A plain lxml `w:local` (the redline's own elements; their bytes are fixed by its tests)."""
    return etree.Element(wq(local), {wq(k): v for k, v in attrib.items()})


def tracked_change(kind: str, *, change_id: int, author: str, date: str) -> El:
    """An empty revision mark: `w:ins` (`kind` "ins") or `w:del` ("del") with its id, author and date."""
    if kind not in ("ins", "del"):
        raise ValidationError.one("kind", "must be 'ins' or 'del'", kind, "tracked_change")
    return _bare(kind, id=str(change_id), author=author, date=date)


def tracked_insert(author: str, date: str, change_id: int) -> El:
    """An empty `w:ins` by `author` on `date` (xsd:dateTime) with id `change_id`."""
    return tracked_change("ins", change_id=change_id, author=author, date=date)


def tracked_delete(author: str, date: str, change_id: int) -> El:
    """An empty `w:del` by `author` on `date` (xsd:dateTime) with id `change_id`."""
    return tracked_change("del", change_id=change_id, author=author, date=date)


def deleted_text(text: str, *, deleted: bool = True) -> El:
    """Run text as a deleted run holds it (`w:delText`), or as `w:t` when not `deleted`;
    space at either end kept (`xml:space`)."""
    t = _bare("delText" if deleted else "t")
    t.text = text
    if text and (text[0].isspace() or text[-1].isspace()):
        t.set(_XML_SPACE, "preserve")
    return t


def as_deleted(run: El) -> None:
    """A run's text as deleted text (`w:delText`, `w:delInstrText`), as a `w:del` run must hold it."""
    for child in run:
        if child.tag in _DELETED_TEXT:
            child.tag = _DELETED_TEXT[child.tag]


def redline_run(source: El, parts: Sequence[str | El], *, deleted: bool) -> El:
    """A run with `source`'s properties holding `parts`: strings are text (joined while adjacent),
    elements are run children copied (a deleted run's text children become deleted text)."""
    made = _bare("r")
    props = source.find(wq("rPr"))
    if props is not None:
        made.append(copy.deepcopy(props))
    text: list[str] = []

    def flush() -> None:
        if text:
            made.append(deleted_text("".join(text), deleted=deleted))
            text.clear()

    for part in parts:
        if isinstance(part, str):
            text.append(part)
            continue
        flush()
        child = copy.deepcopy(part)
        if deleted and child.tag in _DELETED_TEXT:
            child.tag = _DELETED_TEXT[child.tag]
        made.append(child)
    flush()
    return made


def mark_paragraph_change(p: El, mark: Mark, *, deleted: bool) -> None:
    """Mark all of `p` inserted or deleted: its paragraph mark (`w:pPr/w:rPr`) and every run not
    already inside a mark; `mark` makes each revision mark."""
    ppr = p.find(wq("pPr"))
    if ppr is None:
        ppr = _bare("pPr")
        p.insert(0, ppr)
    rpr = ppr.find(wq("rPr"))
    if rpr is None:
        rpr = insert_in_order(ppr, _bare("rPr"), PPR_ORDER)
    rpr.insert(0, mark())  # CT_ParaRPr: the revision marks come first
    for r in list(p.iter(wq("r"))):
        parent = r.getparent()
        if parent is not None and parent.tag in (wq("ins"), wq("del")):
            continue
        wrapper = mark()
        r.addprevious(wrapper)
        wrapper.append(r)
        if deleted:
            as_deleted(r)


def mark_row_change(row: El, mark: Mark, *, deleted: bool) -> El:
    """`row` marked inserted or deleted on its row properties (`w:trPr`), its paragraphs with it."""
    trpr = row.find(wq("trPr"))
    if trpr is None:
        trpr = _bare("trPr")
        before = row.find(wq("tblPrEx"))
        row.insert(0 if before is None else 1, trpr)
    insert_in_order(trpr, mark(), _ROW_ORDER)
    for p in row.iter(wq("p")):
        mark_paragraph_change(p, mark, deleted=deleted)
    return row


def blocks_of(parent: El) -> list[El]:
    """The blocks (paragraphs, tables, tables of contents) directly in a body or a cell."""
    return [c for c in parent if c.tag in _BLOCKS]


def is_block(element: El) -> bool:
    """Whether `element` is a paragraph, a table or a table of contents (`w:sdt`)."""
    return element.tag in _BLOCKS


def is_contents(element: El) -> bool:
    """Whether a block is a table of contents (a `w:sdt`)."""
    return bool(element.tag == wq("sdt"))


def paragraph_style(p: El) -> str:
    """The style id of paragraph `p` ("" when it has none)."""
    ppr = p.find(wq("pPr"))
    style = ppr.find(wq("pStyle")) if ppr is not None else None
    return style.get(_VAL, "") if style is not None else ""


def text_of(element: El) -> str:
    """The text of every `w:t` in `element`, joined."""
    return "".join(t.text or "" for t in element.iter(wq("t")))


def paragraphs_in(element: El) -> list[El]:
    """Every paragraph in `element`, nested ones included, in document order."""
    return list(element.iter(wq("p")))


def rows(table: El) -> list[El]:
    """The rows of a table."""
    return list(table.iterchildren(wq("tr")))


def cells(row: El) -> list[El]:
    """The cells of a table row."""
    return list(row.iterchildren(wq("tc")))


def fingerprint(*elements: El | None) -> str:
    """`elements` as text, to compare (``None`` as ""): equal when their XML is the same."""
    return "\x1e".join("" if e is None else etree.tostring(e, encoding="unicode") for e in elements)


def table_frame(table: El) -> str:
    """A table's own properties and column grid, as text: two tables with the same frame differ
    only in what their rows hold."""
    return fingerprint(table.find(wq("tblPr")), table.find(wq("tblGrid")))


def row_frame(row: El) -> str:
    """A row's properties (a header row, kept on one page) and each of its cells' (widths,
    merges, shading), as text: two rows with the same frame differ only in what their cells hold."""
    return fingerprint(row.find(wq("trPr")), *(c.find(wq("tcPr")) for c in cells(row)))


def runs_of(p: El) -> Iterable[tuple[El, El | None]]:
    """Each run of paragraph `p` with the hyperlink around it (``None`` outside a link), in order."""
    for child in p:
        if child.tag == wq("r"):
            yield child, None
        elif child.tag == wq("hyperlink"):
            for r in child.iterchildren(wq("r")):
                yield r, child


def run_properties(r: El) -> El | None:
    """A run's properties (`w:rPr`), if any."""
    return r.find(wq("rPr"))


def run_children(r: El) -> list[El]:
    """A run's content: its children other than its properties."""
    return [c for c in r if c.tag != wq("rPr")]


def is_text(element: El) -> bool:
    """Whether a run child is text (`w:t`)."""
    return bool(element.tag == wq("t"))


def is_note_reference(element: El) -> bool:
    """Whether a run child is a footnote reference."""
    return bool(element.tag == wq("footnoteReference"))


def note_id(element: El) -> str:
    """The `w:id` of a footnote or a footnote reference ("" when missing)."""
    return element.get(wq("id"), "")


def note_reference_to(ref: El, new_id: str) -> El:
    """A copy of footnote reference `ref` pointing at note `new_id`."""
    made = copy.deepcopy(ref)
    made.set(wq("id"), new_id)
    return made


def paragraph_markers(p: El) -> tuple[list[El], list[El]]:
    """A paragraph's children that are neither runs nor links nor properties: before and after its text."""
    leading: list[El] = []
    trailing: list[El] = []
    seen_text = False
    for child in p:
        if child.tag in (wq("r"), wq("hyperlink")):
            seen_text = True
        elif child.tag != wq("pPr"):
            (trailing if seen_text else leading).append(child)
    return leading, trailing


def replace_paragraph_content(p: El, children: Iterable[El]) -> None:
    """Replace everything in `p` but its properties with `children`."""
    ppr = p.find(wq("pPr"))
    for child in list(p):
        if child is not ppr:
            p.remove(child)
    p.extend(children)


def link_target(link: El) -> tuple[str | None, str]:
    """A hyperlink's relationship id (``None`` for a link inside the document) and its anchor."""
    return link.get(_R_ID), link.get(wq("anchor")) or ""


def set_link_relationship(link: El, rid: str) -> None:
    """Point hyperlink `link` at relationship `rid`."""
    link.set(_R_ID, rid)


def empty_copy(element: El) -> El:
    """A childless copy of `element`: its tag and attributes only."""
    return etree.Element(str(element.tag), {str(k): str(v) for k, v in element.attrib.items()})


def _drop(element: El) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def drop_page_breaks(block: El) -> None:
    """Remove every page-break-before from `block`'s paragraphs."""
    for page_break in list(block.iter(wq("pageBreakBefore"))):
        _drop(page_break)


def drop_bookmarks(block: El) -> None:
    """Remove every bookmark start and end in `block`."""
    for marker in list(block.iter(wq("bookmarkStart"), wq("bookmarkEnd"))):
        _drop(marker)


def note_references(block: El) -> list[El]:
    """Every footnote reference in `block`."""
    return list(block.iter(wq("footnoteReference")))


def set_note_reference(ref: El, new_id: str) -> None:
    """Point footnote reference `ref` at note `new_id`."""
    ref.set(wq("id"), new_id)


def drop_note_reference(ref: El) -> None:
    """Remove a footnote reference with the run that holds it."""
    r = ref.getparent()
    _drop(r if r is not None else ref)


def renumber_lists(block: El, num_id: Callable[[str], str]) -> None:
    """Point every list paragraph in `block` at list instance `num_id(old id)`."""
    for num_ref in block.iter(wq("numId")):
        value = num_ref.get(_VAL)
        if value is not None:
            num_ref.set(_VAL, num_id(value))


def hyperlinks_in(block: El) -> list[El]:
    """Every hyperlink in `block`."""
    return list(block.iter(wq("hyperlink")))


def footnotes_of(root: El) -> list[El]:
    """The footnotes (separators included) of a footnotes part's root."""
    return list(root.iterchildren(wq("footnote")))


def carried_footnote(note: El, root: El, mark: Mark) -> str:
    """Add to footnotes `root` a copy of `note` marked deleted, under the next free id; that id.

    Links in the copy are kept as their text: their relationships belong to another part.
    """
    taken = [int(v) for v in (n.get(wq("id")) for n in footnotes_of(root)) if v and v.isdigit()]
    made = copy.deepcopy(note)
    made.set(wq("id"), str(max(taken, default=0) + 1))
    for link in list(made.iter(wq("hyperlink"))):
        for child in list(link):
            link.addprevious(child)
        _drop(link)
    for p in made.iterchildren(wq("p")):
        mark_paragraph_change(p, mark, deleted=True)
    root.append(made)
    return made.get(wq("id"), "")


def find_num(root: El, num_id: str) -> El | None:
    """The list instance `num_id` of a numbering part, if defined."""
    return next((n for n in root.iterchildren(wq("num")) if n.get(wq("numId")) == num_id), None)


def find_abstract(root: El, abstract_id: str) -> El | None:
    """The list definition `abstract_id` of a numbering part, if defined."""
    found = root.iterchildren(wq("abstractNum"))
    return next((a for a in found if a.get(wq("abstractNumId")) == abstract_id), None)


def restarts(num_element: El) -> bool:
    """Whether a list instance restarts its numbering (has a level override)."""
    return num_element.find(wq("lvlOverride")) is not None


def num_copy(root: El, num_element: El) -> El:
    """A copy of list instance `num_element` under numbering `root`'s next free numId (not yet added)."""
    _last_abstract, last = numbering_ids(root)
    made = copy.deepcopy(num_element)
    made.set(wq("numId"), str(last + 1))
    return made


def add_to_numbering(root: El, element: El) -> None:
    """Add a list definition or instance to numbering `root` where the schema puts it."""
    insert_in_order(root, element, NUMBERING_ORDER)


def num_id_of(num_element: El) -> str:
    """A list instance's numId."""
    return num_element.get(wq("numId"), "")


def paragraph_list_id(p: El) -> str | None:
    """The list instance (numId) that paragraph `p`'s own properties put it in; ``None`` for none."""
    ppr = p.find(wq("pPr"))
    num_pr = ppr.find(wq("numPr")) if ppr is not None else None
    num_ref = num_pr.find(wq("numId")) if num_pr is not None else None
    return num_ref.get(_VAL) if num_ref is not None else None


def list_definition_key(root: El, num_id: str) -> str:
    """What numbers list instance `num_id` of numbering `root`, whatever the ids: its definition's
    levels and its own overrides (a restart at 1). Two instances with the same key number alike."""
    found = find_num(root, num_id)
    if found is None:
        return ""
    abstract_id = abstract_of(found)
    abstract = find_abstract(root, abstract_id) if abstract_id is not None else None
    levels = [] if abstract is None else list(abstract.iterchildren(wq("lvl")))
    overrides = list(found.iterchildren(wq("lvlOverride")))
    return fingerprint(*levels, *overrides)


def abstract_of(num_element: El) -> str | None:
    """The abstractNumId a list instance points at, if any."""
    ref = num_element.find(wq("abstractNumId"))
    return ref.get(_VAL) if ref is not None else None


def add_abstract_copy(root: El, abstract: El, num_element: El) -> None:
    """Add to numbering `root` a copy of definition `abstract` under the next free id, and point
    list instance `num_element` at it."""
    last_abstract, _last = numbering_ids(root)
    made = copy.deepcopy(abstract)
    made.set(wq("abstractNumId"), str(last_abstract + 1))
    insert_in_order(root, made, NUMBERING_ORDER)
    ref = num_element.find(wq("abstractNumId"))
    if ref is not None:
        ref.set(_VAL, str(last_abstract + 1))


def first_free_id(body: El) -> int:
    """One past the largest `w:id` in `body`, so no new mark shares an id with a bookmark."""
    ids = [int(v) for v in (e.get(wq("id")) for e in body.iter()) if v is not None and v.isdigit()]
    return max(ids, default=0) + 1


def place_first_block(parent: El, element: El) -> None:
    """Add a block to a body or cell that had none: after a cell's properties, before a body's sectPr."""
    last = parent.find(wq("sectPr"))
    if last is not None and last.getparent() is parent:
        last.addprevious(element)
    else:
        parent.append(element)


# ---------------------------------------------------------------- redline: moves, formatting, notes

# Moves (ECMA-376 Part 1, §17.13.5.22-27): the moved text sits inside `w:moveFrom` at its old place
# and `w:moveTo` at its new one, each between range markers that share a `w:name`, so Word pairs
# the two and its Review pane says "Moved". Formatting changes (§17.13.5.29-31) keep the old
# properties inside the new ones: `w:rPrChange` last in a run's `w:rPr`, `w:pPrChange` last in a
# paragraph's `w:pPr`. See docs/dev/redline.md.

_MOVES = ("moveFrom", "moveTo")
_FORMATS = ("rPrChange", "pPrChange")
# What CT_PPrBase holds: a paragraph's properties without its mark's run properties, its section
# properties and its own change record, which a `w:pPrChange` may not hold.
_NOT_IN_PPR_BASE = frozenset(wq(n) for n in ("rPr", "sectPr", "pPrChange"))


def revision(local: str, *, change_id: int, author: str, date: str) -> El:
    """An empty `w:moveFrom`, `w:moveTo`, `w:rPrChange` or `w:pPrChange` (`local`): id, author, date."""
    if local not in (*_MOVES, *_FORMATS):
        raise ValidationError.one("local", "must be a move or a formatting change", local, "revision")
    return _bare(local, id=str(change_id), author=author, date=date)


def move_range(side: str, *, range_id: int, name: str, author: str, date: str) -> tuple[El, El]:
    """The start and end markers of a move's range at its old place (`side` "From") or new one ("To").

    Word pairs a `moveFromRangeStart` with the `moveToRangeStart` of the same `name`; each end
    marker carries its start's id.
    """
    if side not in ("From", "To"):
        raise ValidationError.one("side", "must be 'From' or 'To'", side, "move_range")
    start = _bare(f"move{side}RangeStart", id=str(range_id), author=author, date=date, name=name)
    return start, _bare(f"move{side}RangeEnd", id=str(range_id))


def mark_paragraph_move(p: El, mark: Mark, *, start: El | None, end: El | None) -> None:
    """Mark all of `p` moved (`mark` makes each `w:moveFrom` or `w:moveTo`): its paragraph mark and
    every run; `start` goes before its first content, `end` after its last.

    Moved text stays `w:t` on both sides, as Word writes it: a move is not a deletion.
    """
    mark_paragraph_change(p, mark, deleted=False)  # marked as an insertion is, with move marks
    ppr = p.find(wq("pPr"))
    if start is not None and ppr is not None:
        ppr.addnext(start)
    if end is not None:
        p.append(end)


def mark_run_format_change(r: El, old_properties: El | None, change: El) -> None:
    """Record in run `r` that its properties were `old_properties`: `change` (a `w:rPrChange`)
    holding a copy of them goes last in `r`'s `w:rPr`."""
    rpr = r.find(wq("rPr"))
    if rpr is None:
        rpr = _bare("rPr")
        r.insert(0, rpr)
    old = _bare("rPr")
    for child in old_properties if old_properties is not None else ():
        if child.tag != wq("rPrChange"):
            old.append(copy.deepcopy(child))
    change.append(old)
    rpr.append(change)


def paragraph_base(p: El) -> list[El]:
    """A paragraph's own properties as a `w:pPrChange` records them (`CT_PPrBase`): its `w:pPr`
    children but the mark's run properties, section properties and change record."""
    ppr = p.find(wq("pPr"))
    return [] if ppr is None else [c for c in ppr if c.tag not in _NOT_IN_PPR_BASE]


def mark_paragraph_format_change(p: El, old_base: Sequence[El], change: El) -> El:
    """Record in paragraph `p` that its properties were `old_base` (`paragraph_base` of the old
    paragraph): `change` (a `w:pPrChange`) holding copies of them goes last in `p`'s `w:pPr`. The
    old properties' copy, inside `change`, is returned."""
    ppr = p.find(wq("pPr"))
    if ppr is None:
        ppr = _bare("pPr")
        p.insert(0, ppr)
    old = _bare("pPr")
    old.extend(copy.deepcopy(c) for c in old_base)
    change.append(old)
    insert_in_order(ppr, change, PPR_ORDER)
    return old


def footnote_by_id(root: El, note: str) -> El | None:
    """The footnote `note` (its `w:id`) of a footnotes part's root, if there is one."""
    return next((n for n in footnotes_of(root) if note_id(n) == note), None)


def mark_footnote_inserted(note: El, mark: Mark) -> None:
    """Mark every paragraph of footnote `note` inserted, as Word marks a note added with its reference."""
    for p in note.iterchildren(wq("p")):
        mark_paragraph_change(p, mark, deleted=False)


def unwrap_hyperlinks(block: El) -> None:
    """Keep every hyperlink in `block` as its runs alone (its relationship belongs to another part)."""
    for link in list(block.iter(wq("hyperlink"))):
        for child in list(link):
            link.addprevious(child)
        _drop(link)


def list_level_format(p: El, numbering: El | None) -> str:
    """How paragraph `p`'s list level numbers it ('decimal %1.', 'bullet •'), from `numbering`'s
    definitions; "" for a paragraph in no list. Two documents number their lists with their own
    ids: this is what a list paragraph's number looks like whatever its ids."""
    ppr = p.find(wq("pPr"))
    num_pr = ppr.find(wq("numPr")) if ppr is not None else None
    if num_pr is None:
        return ""
    num_ref, level_ref = num_pr.find(wq("numId")), num_pr.find(wq("ilvl"))
    level = level_ref.get(_VAL, "0") if level_ref is not None else "0"
    found = (
        find_num(numbering, num_ref.get(_VAL, "")) if numbering is not None and num_ref is not None else None
    )
    abstract_id = abstract_of(found) if found is not None else None
    abstract = find_abstract(numbering, abstract_id) if numbering is not None and abstract_id else None
    lvl = None
    if abstract is not None:
        lvl = next((x for x in abstract.iterchildren(wq("lvl")) if x.get(wq("ilvl")) == level), None)
    if lvl is None:
        return f"list {level}"
    parts = [level]
    for local in ("numFmt", "lvlText"):
        child = lvl.find(wq(local))
        parts.append(child.get(_VAL, "") if child is not None else "")
    return " ".join(parts)


def list_level_of_numpr(element: El) -> str | None:
    """The level ('0', '1', ...; '' when unset) of a paragraph property that is a `w:numPr`, else ``None``."""
    if element.tag != wq("numPr"):
        return None
    level = element.find(wq("ilvl"))
    return "" if level is None else level.get(_VAL, "")
