"""The accessibility checker: a .docx against the WCAG 2.1 AA points an officer can put right in Word."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from pccplan.finding import FindingsOf, Severity, common_json

if TYPE_CHECKING:
    from pccplan.opc.limits import Limits
    from pccplan.read.docx_parse import BlockFact, DocxFacts, ParagraphFact, RunFact, RunProps

__all__ = [
    "HEADING_POINTS",
    "HEADING_WORDS",
    "MIN_POINTS",
    "RULES",
    "A11yFinding",
    "A11yFindings",
    "A11yRule",
    "check_accessibility",
    "check_facts",
]

MIN_POINTS = 9
"""Text smaller than this many points is reported. WCAG 2.1 sets no minimum size (1.4.4 asks
that text can be enlarged); 9pt is pccplan's floor for print and PDF, where zoom is clumsy."""

HEADING_WORDS = 8
"""A bold or large line of at most this many words, standing alone, looks like a heading."""

HEADING_POINTS = 14
"""Text at least this large, on a line of its own, looks like a heading."""


@attrs.frozen(kw_only=True)
class A11yRule:
    """One accessibility rule: its id, WCAG 2.1 success criterion, what it finds, why and how to fix it."""

    id: str
    criterion: str
    title: str
    why: str
    fix: str


RULES: tuple[A11yRule, ...] = (
    A11yRule(
        id="document-title",
        criterion="2.4.2 Page Titled",
        title="The document has no title",
        why=(
            "Screen readers and browsers announce a document by its title; without one they read out "
            "the file name."
        ),
        fix="In Word choose File > Info > Properties and type the title in the Title box.",
    ),
    A11yRule(
        id="document-language",
        criterion="3.1.1 Language of Page",
        title="No language, or the wrong language, is set",
        why="Screen readers choose their voice and pronunciation from the document's language.",
        fix=(
            "Select all the text (Ctrl+A), choose Review > Language > Set Proofing Language and pick "
            "the language it is written in, such as English (United Kingdom) or Welsh."
        ),
    ),
    A11yRule(
        id="fake-heading",
        criterion="1.3.1 Info and Relationships",
        title="Text looks like a heading but is not a heading style",
        why=(
            "Screen reader users move through a document by its headings; bold or large text is not "
            "a heading to them, and it is left out of the navigation pane and a PDF's bookmarks."
        ),
        fix="Put the cursor in the line and choose Home > Styles > Heading 1, 2 or 3, not bold or size.",
    ),
    A11yRule(
        id="heading-levels",
        criterion="1.3.1 Info and Relationships",
        title="A heading level is skipped",
        why=(
            "Heading levels show how the document is organised; a jump from Heading 1 to Heading 3 "
            "suggests a part is missing."
        ),
        fix="Use heading levels in order: make this heading one level below the heading above it.",
    ),
    A11yRule(
        id="link-text",
        criterion="2.4.4 Link Purpose (In Context)",
        title="A link's text is a bare web address or says 'click here'",
        why=(
            "Screen reader users often list a document's links on their own; 'click here' or a long "
            "address does not say where a link goes."
        ),
        fix=(
            "Right-click the link, choose Edit Hyperlink and type words that say where it goes in "
            "'Text to display', such as 'the Police and Crime Plan 2021 to 2025'."
        ),
    ),
    A11yRule(
        id="table-header",
        criterion="1.3.1 Info and Relationships",
        title="A table has no header row",
        why="Screen readers announce each cell with its column heading only when a table has a header row.",
        fix=(
            "Click in the first row, choose Table Layout > Repeat Header Rows (or Table Properties > Row > "
            "'Repeat as header row at the top of each page')."
        ),
    ),
    A11yRule(
        id="layout-table",
        criterion="1.3.2 Meaningful Sequence",
        title="A table is used only for layout",
        why=(
            "Screen readers read tables cell by cell and announce rows and columns; a table that only "
            "places text on the page reads in a confusing order."
        ),
        fix=(
            "If the table only arranges text, remove it (Table Layout > Convert to Text) and use "
            "paragraphs, indents or columns; if it holds data, give it a header row."
        ),
    ),
    A11yRule(
        id="image-alt",
        criterion="1.1.1 Non-text Content",
        title="A picture has no alternative text",
        why=(
            "People who cannot see a picture hear its alternative text instead; without it they hear "
            "nothing, or the file name."
        ),
        fix=(
            "Right-click the picture, choose View Alt Text and describe what it shows, or tick "
            "'Mark as decorative' if it adds nothing to the text."
        ),
    ),
    A11yRule(
        id="small-text",
        criterion="1.4.4 Resize Text",
        title=f"Text is smaller than {MIN_POINTS} point",
        why=(
            f"Small print is hard to read, on paper and in a PDF. WCAG sets no minimum size; {MIN_POINTS} "
            "point is pccplan's floor for documents that are printed or read as PDF."
        ),
        fix=f"Make the text at least {MIN_POINTS} point (Home > Font Size), or change its style.",
    ),
    A11yRule(
        id="colour-only",
        criterion="1.4.1 Use of Color",
        title="Colour alone marks out some words",
        why=(
            "People who cannot tell the colours apart, and screen reader users, miss emphasis given only "
            "by colour."
        ),
        fix="Also make the words bold, or say in words why they matter ('Overdue:'); underline links.",
    ),
    A11yRule(
        id="empty-paragraph",
        criterion="1.3.1 Info and Relationships",
        title="Empty paragraphs are used for spacing",
        why=(
            "Screen readers announce each empty paragraph as 'blank', and the spacing goes wrong when "
            "the text reflows."
        ),
        fix=(
            "Delete the empty paragraphs and add space with Layout > Spacing Before and After (or a "
            "style that has space), or start a new page with Insert > Page Break."
        ),
    ),
)
"""Every rule the checker applies, in the order findings are reported for one place."""

_BY_ID = MappingProxyType({rule.id: rule for rule in RULES})


@attrs.frozen(kw_only=True)
class A11yFinding:
    """One accessibility problem in a document.

    `rule` is the rule's id ('link-text'), `criterion` its WCAG 2.1 success criterion
    ('2.4.4 Link Purpose (In Context)'), `where` the place ('paragraph 12', 'table 2, row 1,
    cell 3', 'footnote 1', 'header', 'document properties'; paragraphs and tables counted
    from 1 in the body), `quote` a short quote of the text there ('' when there is none),
    `problem` what is wrong there and `fix` how to put it right in Word. It is one of the
    family of findings (`pccplan.finding`): its `code` is the `rule`, its `message` the
    `problem`, and its `severity` a warning.
    """

    rule: str
    criterion: str
    where: str
    quote: str
    problem: str
    fix: str

    def __str__(self) -> str:
        quote = f' "{self.quote}"' if self.quote else ""
        return f"{self.where}{quote}: {self.problem} (WCAG 2.1 {self.criterion}). Fix: {self.fix}"

    severity = Severity.WARNING
    """A WCAG failure is for the officer to put right; the checker refuses nothing."""

    @property
    def code(self) -> str:
        """The rule's id ('link-text'): the family's name for `rule`."""
        return self.rule

    @property
    def message(self) -> str:
        """The family's name for `problem`."""
        return self.problem

    def to_json(self) -> dict[str, object]:
        """The finding as a JSON object: code, severity, message, where, then its own fields."""
        return {
            **common_json(self),
            "rule": self.rule,
            "criterion": self.criterion,
            "where": self.where,
            "quote": self.quote,
            "problem": self.problem,
            "fix": self.fix,
        }


class A11yFindings(FindingsOf[A11yFinding]):
    """What `check_accessibility` returns: the accessibility findings of one document, in reading order."""

    __slots__ = ()


# ---------------------------------------------------------------- helpers

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_URLISH = re.compile(
    r"^(https?://|www\.|ftp://)\S+$|^[\w.-]+\.(uk|com|org|net|gov|gov\.uk|org\.uk)(/\S*)?$", re.I
)
_VAGUE = frozenset(
    (
        "click here", "here", "click", "click this link", "this link", "link", "read more", "more",
        "more info", "more information", "find out more", "this", "this page", "go", "website",
        "web page", "webpage", "download", "see here", "follow this link",
    )
)  # fmt: skip
_ENGLISH = frozenset(
    (
        "the", "and", "of", "to", "is", "that", "for", "with", "will", "be", "this", "are", "by", "on",
        "which", "must", "has", "have", "it", "as", "was", "from", "or", "not", "their", "should",
    )
)  # fmt: skip
_SENTENCE_END = tuple(".:;,!?)")
_DEFAULT_SIZE = 20  # half-points: Word's size when nothing sets one


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plain_colour(colour: str | None) -> str:
    """The colour a run's text is shown in, with Word's automatic colour and black as one."""
    if colour is None or colour.lower() in ("auto", "000000", "windowtext"):
        return "auto"
    return colour.lower()


@attrs.frozen
class _Run:
    """A run as the checker sees it: its text, its formatting as shown, and whether it is in a link."""

    text: str
    props: RunProps
    in_link: bool


class _Checker:
    """One check: the facts, the findings so far, and the counters that name places."""

    def __init__(self, facts: DocxFacts) -> None:
        self.facts = facts
        self.styles = facts.styles
        self.findings: list[A11yFinding] = []
        self.paragraphs = 0
        self.tables = 0

    def add(self, rule_id: str, where: str, quote: str, problem: str, fix: str | None = None) -> None:
        rule = _BY_ID[rule_id]
        self.findings.append(
            A11yFinding(
                rule=rule.id,
                criterion=rule.criterion,
                where=where,
                quote=_quote(quote),
                problem=problem,
                fix=fix or rule.fix,
            )
        )

    # text and runs

    def runs(self, para: ParagraphFact) -> Iterator[tuple[RunFact, bool]]:
        from pccplan.read.docx_parse import HyperlinkFact, RunFact

        for item in para.inlines:
            if isinstance(item, RunFact):
                yield item, item.link is not None
            elif isinstance(item, HyperlinkFact):
                for run in item.runs:
                    yield run, True

    def shown(self, para: ParagraphFact) -> list[_Run]:
        """The paragraph's runs that show text, with their formatting as shown."""
        out = []
        for run, in_link in self.runs(para):
            props = self.styles.effective(run, para)
            if props.hidden:
                continue
            text = "".join(p for p in run.pieces if isinstance(p, str))
            if text:
                out.append(_Run(text=text, props=props, in_link=in_link))
        return out

    def text(self, para: ParagraphFact) -> str:
        return "".join(r.text for r in self.shown(para))

    # the document as a whole

    def properties(self) -> None:
        if not (self.facts.core.title or "").strip():
            self.add(
                "document-title",
                "document properties",
                "",
                "the document has no title in its properties, so readers hear the file name instead",
            )
        language = self.styles.defaults.language or self._normal_language() or self.facts.core.language
        if not (language or "").strip():
            self.add("document-language", "document properties", "", "no language is set for the text")
            return
        assert language is not None
        if not _LANGUAGE_TAG.match(language.strip()):
            self.add(
                "document-language",
                "document properties",
                language,
                f"the language {language!r} is not a language code such as 'en-GB' or 'cy-GB'",
            )
            return
        words = [w.strip(".,;:()'\"").lower() for w in self.all_text().split()]
        english = sum(1 for w in words if w in _ENGLISH)
        if len(words) >= 20 and english / len(words) >= 0.12 and not language.lower().startswith("en"):
            self.add(
                "document-language",
                "document properties",
                language,
                f"the text reads as English but the language is set to {language!r}",
            )

    def _normal_language(self) -> str | None:
        return self.styles.run_props(self.styles.default_paragraph).language

    def all_text(self) -> str:
        from pccplan.read.docx_parse import iter_paragraphs

        return "\n".join(self.text(p) for p in iter_paragraphs(self.facts.body))

    # places

    def body(self, blocks: Sequence[BlockFact]) -> None:
        from pccplan.read.docx_parse import ParagraphFact, TableFact

        previous_heading: int | None = None
        empties: list[tuple[int, str]] = []

        def flush_empties(*, at_end: bool) -> None:
            if at_end:  # empty paragraphs at the very end separate nothing
                empties.clear()
            if not empties:
                return
            first, quote = empties[0]
            last = empties[-1][0]
            where = f"paragraph {first}" if first == last else f"paragraphs {first} to {last}"
            count = "an empty paragraph" if first == last else f"{last - first + 1} empty paragraphs"
            self.add("empty-paragraph", where, quote, f"{count} used for spacing")
            empties.clear()

        for index, block in enumerate(blocks):
            if isinstance(block, TableFact):
                flush_empties(at_end=False)
                self.tables += 1
                self.table(block, f"table {self.tables}")
                continue
            if not isinstance(block, ParagraphFact):
                continue
            self.paragraphs += 1
            where = f"paragraph {self.paragraphs}"
            self.paragraph(block, where)
            if self.is_empty(block):
                after_table = (
                    index == len(blocks) - 1 and index > 0 and isinstance(blocks[index - 1], TableFact)
                )
                if not block.section_break and not after_table:
                    empties.append((self.paragraphs, ""))
                continue
            flush_empties(at_end=False)
            level = self.styles.heading_level(block)
            role = self.styles.name(self.styles.paragraph_style(block))
            if level is not None and role not in ("title", "subtitle"):
                self.heading_order(level + 1, previous_heading, where, self.text(block))
                previous_heading = level + 1
            elif self.looks_like_heading(block, role):
                self.add(
                    "fake-heading",
                    where,
                    self.text(block),
                    "this line looks like a heading (bold or large, on its own) but is not a heading style",
                )
        flush_empties(at_end=True)

    def heading_order(self, level: int, previous: int | None, where: str, text: str) -> None:
        expected = 1 if previous is None else previous + 1
        if level > expected:
            if previous is None:
                problem = f"the first heading is a Heading {level}, so Heading {expected} is skipped"
            else:
                problem = f"a Heading {level} follows a Heading {previous}, skipping Heading {expected}"
            self.add(
                "heading-levels",
                where,
                text,
                problem,
                f"Change this heading to Heading {expected} (Home > Styles), or add the missing "
                f"Heading {expected} above it.",
            )

    def is_empty(self, para: ParagraphFact) -> bool:
        """No text, no picture, no note, no break: nothing but the paragraph mark."""
        for run, _in_link in self.runs(para):
            for piece in run.pieces:
                if not isinstance(piece, str) or piece.strip():
                    return False
        return True

    def looks_like_heading(self, para: ParagraphFact, role: str) -> bool:
        if para.numbering is not None or "list" in role or role.startswith("toc"):
            return False
        if role in ("title", "subtitle", "caption"):
            return False
        runs = [r for r in self.shown(para) if r.text.strip()]
        text = "".join(r.text for r in self.shown(para)).strip()
        if not runs or not text or len(text) > 80 or len(text.split()) > HEADING_WORDS:
            return False
        if text.endswith(_SENTENCE_END):
            return False
        if any(r.in_link for r in runs):
            return False
        bold = all(r.props.bold for r in runs)
        large = all((r.props.size or _DEFAULT_SIZE) >= HEADING_POINTS * 2 for r in runs)
        underlined = all(r.props.underline for r in runs)
        return bold or large or underlined

    def table(self, table: object, where: str) -> None:
        from pccplan.read.docx_parse import ParagraphFact, TableFact

        assert isinstance(table, TableFact)
        rows = table.rows
        columns = max((sum(c.span for c in r.cells) + r.before + r.after for r in rows), default=0)
        header = any(r.header for r in rows)
        nested = any(isinstance(b, TableFact) for r in rows for c in r.cells for b in c.blocks)
        first = next(
            (
                self.text(b)
                for r in rows
                for c in r.cells
                for b in c.blocks
                if isinstance(b, ParagraphFact) and self.text(b).strip()
            ),
            "",
        )
        if not header and (len(rows) <= 1 or columns <= 1 or nested):
            shape = "holds other tables" if nested else f"has {len(rows)} row(s) and {columns} column(s)"
            self.add(
                "layout-table", where, first, f"this table {shape} and no header row, so it looks like layout"
            )
        elif not header:
            self.add("table-header", where, first, "this table has no header row")
        for r, row in enumerate(rows, start=1):
            for c, cell in enumerate(row.cells, start=1):
                place = f"{where}, row {r}, cell {c}"
                for block in cell.blocks:
                    if isinstance(block, ParagraphFact):
                        self.paragraph(block, place)
                    elif isinstance(block, TableFact):
                        self.tables += 1
                        self.table(block, f"table {self.tables}")

    def story(self, blocks: Iterable[BlockFact], where: str) -> None:
        """A note, header or footer: the checks that apply to any paragraph."""
        from pccplan.read.docx_parse import ParagraphFact, TableFact

        for block in blocks:
            if isinstance(block, ParagraphFact):
                self.paragraph(block, where)
            elif isinstance(block, TableFact):
                for row in block.rows:
                    for cell in row.cells:
                        self.story(cell.blocks, where)

    # any paragraph

    def paragraph(self, para: ParagraphFact, where: str) -> None:
        self.links(para, where)
        self.pictures(para, where)
        self.small_text(para, where)
        self.colour(para, where)

    def links(self, para: ParagraphFact, where: str) -> None:
        from pccplan.read.docx_parse import HyperlinkFact, RunFact

        groups: list[tuple[str | None, list[RunFact]]] = []
        for item in para.inlines:
            if isinstance(item, HyperlinkFact):
                groups.append((item.url or item.anchor, list(item.runs)))
            elif isinstance(item, RunFact) and item.link is not None:
                if (
                    groups
                    and groups[-1][0] == item.link
                    and groups[-1][1]
                    and groups[-1][1][-1].link == item.link
                ):
                    groups[-1][1].append(item)
                else:
                    groups.append((item.link, [item]))
        for target, runs in groups:
            text = "".join(p for run in runs for p in run.pieces if isinstance(p, str)).strip()
            if not text:
                continue
            plain = text.lower().strip(" .,;:!?'\"()[]")
            if _URLISH.match(text) or (target is not None and text.rstrip("/") == target.rstrip("/")):
                self.add("link-text", where, text, "the link's text is a bare web address")
            elif plain in _VAGUE:
                self.add("link-text", where, text, f"the link's text {text!r} does not say where it goes")

    def pictures(self, para: ParagraphFact, where: str) -> None:
        from pccplan.read.docx_parse import Drawing

        for run, _in_link in self.runs(para):
            for piece in run.pieces:
                if not isinstance(piece, Drawing) or piece.decorative:
                    continue
                if not (piece.description or "").strip() and not (piece.title or "").strip():
                    self.add(
                        "image-alt", where, piece.name or "a picture", "this picture has no alternative text"
                    )

    def small_text(self, para: ParagraphFact, where: str) -> None:
        for run in self.shown(para):
            if not run.text.strip() or run.props.vert_align in ("superscript", "subscript"):
                continue
            size = run.props.size or _DEFAULT_SIZE
            if size < MIN_POINTS * 2:
                self.add(
                    "small-text",
                    where,
                    self.text(para),
                    f"text is set in {size / 2:g} point, smaller than {MIN_POINTS} point",
                )
                return

    def colour(self, para: ParagraphFact, where: str) -> None:
        runs = [r for r in self.shown(para) if r.text.strip()]
        colours = {_plain_colour(r.props.color) for r in runs}
        for run in runs:
            colour = _plain_colour(run.props.color)
            if run.in_link:
                if not run.props.underline and not run.props.bold and len(colours) > 1:
                    self.add(
                        "colour-only",
                        where,
                        run.text,
                        "this link is marked out from the text only by its colour",
                    )
                    return
                continue
            if colour == "auto" or len(colours) < 2:
                continue
            marked = run.props.bold or run.props.italic or run.props.underline or run.props.highlight
            if not marked and not run.props.shading:
                self.add("colour-only", where, run.text, "these words are marked out only by their colour")
                return

    # the whole check

    def check(self) -> A11yFindings:
        self.properties()
        self.body(self.facts.body)
        for number, blocks in enumerate(self.facts.notes.values(), start=1):
            self.story(blocks, f"footnote {number}")
        for number, blocks in enumerate(self.facts.endnotes.values(), start=1):
            self.story(blocks, f"endnote {number}")
        for kind, stories in (("header", self.facts.headers), ("footer", self.facts.footers)):
            for story in stories:
                self.story(story.blocks, kind if story.page == "default" else f"{story.page}-page {kind}")
        return A11yFindings(self.findings)


def check_facts(facts: DocxFacts) -> A11yFindings:
    """The accessibility findings for a document already parsed by `parse_docx`."""
    return _Checker(facts).check()


def check_accessibility(
    source: str | os.PathLike[str] | bytes, *, limits: Limits | None = None, name: str | None = None
) -> A11yFindings:
    """The accessibility findings for the .docx at `source` (a path, or the file's bytes).

    Councils publish Panel papers on their websites, where the Public Sector Bodies
    (Websites and Mobile Applications) Accessibility Regulations 2018 apply WCAG 2.1 AA. The
    file is read with the reader's safe parser, and each rule of `RULES` is applied; this is
    what can be checked in the file, not a full audit (it cannot judge whether alt text is
    any good, or whether the reading order makes sense).
    No findings (an empty `A11yFindings`, a tuple) means no rule found anything. Findings
    come document-wide first (title, language), then in reading order through the body,
    then footnotes, headers and footers.
    Raises `DocumentReadError` naming the file and the reason when it cannot be read.
    """
    from pccplan.read.docx_parse import parse_docx

    return check_facts(parse_docx(source, limits=limits, name=name))
