"""The story reader: the blocks of a body, note, header or footer as facts (paragraphs, runs, tables)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType

from pccplan.opc.package import Package, Rel
from pccplan.read.changes import removed_on_accept
from pccplan.read.facts import (
    BlockFact,
    Break,
    CellFact,
    Drawing,
    HyperlinkFact,
    InlineFact,
    NoteMark,
    NoteReference,
    ParagraphFact,
    RowFact,
    RunFact,
    RunPiece,
    Skipped,
    StoryFact,
    TableFact,
)
from pccplan.read.fields import Fields
from pccplan.read.pictures import read_drawing
from pccplan.read.styles import indent_of, numbering_ref, run_props
from pccplan.read.wordml import (
    MC,
    VAL,
    El,
    M,
    O,
    R,
    V,
    alternative,
    hex_value,
    on,
    on_value,
    val,
    w,
    whole,
)

__all__ = ["Story", "headers_and_footers", "read_notes"]

_CONTAINERS = frozenset(
    w(n) for n in ("ins", "moveTo", "smartTag", "customXml", "dir", "bdo", "sdtContent", "fldSimple")
)
_DELETED = frozenset(w(n) for n in ("del", "moveFrom"))
_IGNORED = frozenset(
    w(n)
    for n in (
        "pPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "commentRangeStart",
        "commentRangeEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
        "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr", "lastRenderedPageBreak",
    )
)  # fmt: skip


class Story:
    """One story (the body, a note, a header): reads its blocks with its part's relationships."""

    def __init__(self, package: Package, rels: Mapping[str, Rel], counts: dict[str, int]) -> None:
        self.package = package
        self.rels = rels
        self.counts = counts
        self.fields = Fields()

    # blocks

    def blocks(self, parent: El) -> tuple[BlockFact, ...]:
        """The blocks directly in `parent` (a body, cell, note or header), content controls opened."""
        return tuple(self._blocks(parent))

    def _blocks(self, parent: El) -> Iterator[BlockFact]:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag in (w("p"), w("tbl")) and removed_on_accept(child):
                self.counts["changes"] = self.counts.get("changes", 0) + 1  # read as accepted: it goes
            elif tag == w("p"):
                yield self.paragraph(child)
            elif tag == w("tbl"):
                yield self.table(child)
            elif tag in (w("sdt"), w("customXml"), w("ins"), w("moveTo")):
                if tag == w("ins"):
                    self.counts["changes"] = self.counts.get("changes", 0) + 1
                content = child.find(w("sdtContent")) if tag == w("sdt") else child
                if content is not None:
                    yield from self._blocks(content)
            elif tag in _DELETED:
                self.counts["changes"] = self.counts.get("changes", 0) + 1
            elif tag == f"{{{MC}}}AlternateContent":
                chosen = alternative(child)
                if chosen is not None:
                    yield from self._blocks(chosen)
            elif tag == w("altChunk"):
                yield Skipped(what="embedded document (altChunk)")
            elif tag in (f"{{{M}}}oMathPara", f"{{{M}}}oMath"):
                yield Skipped(what="equation")
            # sectPr, bookmarks, permissions and the like hold no content.

    def paragraph(self, p: El) -> ParagraphFact:
        """A paragraph's own properties and its runs, hyperlinks and fields in order."""
        ppr = p.find(w("pPr"))
        if ppr is not None and ppr.find(w("pPrChange")) is not None:  # a tracked change of formatting
            self.counts["changes"] = self.counts.get("changes", 0) + 1
        inlines: list[InlineFact] = []
        _hidden, field, _link = self.fields.state()
        self._inlines(p, inlines)
        alignment = val(ppr, "jc") if ppr is not None else None
        return ParagraphFact(
            style=val(ppr, "pStyle") if ppr is not None else None,
            numbering=numbering_ref(ppr),
            outline_level=whole(val(ppr, "outlineLvl")) if ppr is not None else None,
            page_break_before=bool(on(ppr.find(w("pageBreakBefore")))) if ppr is not None else False,
            indent=indent_of(ppr),
            alignment=alignment,
            inlines=tuple(inlines),
            section_break=ppr is not None and ppr.find(w("sectPr")) is not None,
            bookmarks=tuple(b.get(w("name"), "") for b in p.iter(w("bookmarkStart"))),
            field=field,
            keep_next=bool(on(ppr.find(w("keepNext")))) if ppr is not None else False,
        )

    def _inlines(self, parent: El, out: list[InlineFact]) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in _IGNORED:
                continue
            if tag == w("r"):
                run = self.run(child)
                if run is not None:
                    out.append(run)
            elif tag == w("hyperlink"):
                out.append(self.hyperlink(child))
            elif tag == w("fldSimple"):
                depth = self.fields.simple(child.get(w("instr"), ""))
                self._inlines(child, out)
                self.fields.close_to(depth)
            elif tag in _CONTAINERS or tag == w("sdt"):
                if tag == w("ins"):
                    self.counts["changes"] = self.counts.get("changes", 0) + 1
                content = child.find(w("sdtContent")) if tag == w("sdt") else child
                if content is not None:
                    self._inlines(content, out)
            elif tag in _DELETED:
                self.counts["changes"] = self.counts.get("changes", 0) + 1
            elif tag == f"{{{MC}}}AlternateContent":
                chosen = alternative(child)
                if chosen is not None:
                    self._inlines(chosen, out)
            elif tag in (f"{{{M}}}oMath", f"{{{M}}}oMathPara"):
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
            anchor=element.get(w("anchor")),
            runs=tuple(r for r in runs if isinstance(r, RunFact)),
        )

    def run(self, r: El) -> RunFact | None:
        """A run's formatting and content; ``None`` for a run that only holds a field's instruction."""
        props = run_props(r.find(w("rPr")))
        if r.find(f"{w('rPr')}/{w('rPrChange')}") is not None:  # a tracked change of formatting
            self.counts["changes"] = self.counts.get("changes", 0) + 1
        pieces: list[RunPiece] = []
        hidden, field, link = self.fields.state()
        for child in r:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    self.fields.begin()
                elif kind == "separate":
                    self.fields.separate()
                elif kind == "end":
                    self.fields.end()
                hidden, field, link = self.fields.state()
                continue
            if tag == w("instrText"):
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
        if tag == w("t"):
            return child.text or ""
        if tag in (w("tab"), w("ptab")):
            return "\t"
        if tag == w("br"):
            kind = child.get(w("type"), "textWrapping")
            return "\n" if kind == "textWrapping" else Break(kind=kind)
        if tag == w("cr"):
            return "\n"
        if tag == w("noBreakHyphen"):
            return "\u2011"
        if tag == w("softHyphen"):
            return ""
        if tag in (w("footnoteReference"), w("endnoteReference")):
            return NoteReference(note_id=child.get(w("id"), ""), endnote=tag == w("endnoteReference"))
        if tag in (w("footnoteRef"), w("endnoteRef")):
            return NoteMark(endnote=tag == w("endnoteRef"))
        if tag == w("drawing"):
            return read_drawing(child, self.package, self.rels)
        if tag in (w("pict"), w("object")):
            return _vml(child)
        if tag == w("sym"):
            return Skipped(what="symbol")
        if tag == w("commentReference"):
            self.counts["comments"] = self.counts.get("comments", 0) + 1
            return None
        if tag == f"{{{MC}}}AlternateContent":
            chosen = alternative(child)
            if chosen is not None:
                for inner in chosen:
                    if isinstance(inner.tag, str):
                        return self._piece(inner)
        return None

    def table(self, tbl: El) -> TableFact:
        """A table's properties, grid and rows (rows inside content controls included)."""
        tblpr = tbl.find(w("tblPr"))
        look = tblpr.find(w("tblLook")) if tblpr is not None else None
        first_row = first_column = False
        if look is not None:
            if look.get(w("firstRow")) is not None:
                first_row = bool(on_value(look.get(w("firstRow"))))
            else:
                first_row = bool(hex_value(look.get(VAL)) & 0x0020)
            if look.get(w("firstColumn")) is not None:
                first_column = bool(on_value(look.get(w("firstColumn"))))
            else:
                first_column = bool(hex_value(look.get(VAL)) & 0x0080)
        ind = tblpr.find(w("tblInd")) if tblpr is not None else None
        grid_el = tbl.find(w("tblGrid"))
        grid = tuple(
            max(whole(col.get(w("w"))) or 0, 0)
            for col in (grid_el.iterchildren(w("gridCol")) if grid_el is not None else ())
        )
        return TableFact(
            style=val(tblpr, "tblStyle") if tblpr is not None else None,
            caption=val(tblpr, "tblCaption") if tblpr is not None else None,
            description=val(tblpr, "tblDescription") if tblpr is not None else None,
            indent=whole(ind.get(w("w"))) if ind is not None else None,
            first_row=first_row,
            grid=grid,
            rows=tuple(self._rows(tbl)),
            first_column=first_column,
        )

    def _rows(self, parent: El) -> Iterator[RowFact]:
        for child in parent:
            if child.tag == w("tr") and removed_on_accept(child):  # a deleted row, read as accepted
                self.counts["changes"] = self.counts.get("changes", 0) + 1
            elif child.tag == w("tr"):
                trpr = child.find(w("trPr"))
                header = bool(on(trpr.find(w("tblHeader")))) if trpr is not None else False
                before = whole(val(trpr, "gridBefore")) if trpr is not None else None
                after = whole(val(trpr, "gridAfter")) if trpr is not None else None
                yield RowFact(
                    cells=tuple(self._cells(child)),
                    header=header,
                    before=min(max(before or 0, 0), 64),
                    after=min(max(after or 0, 0), 64),
                )
            elif child.tag in (w("sdt"), w("customXml")):
                content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
                if content is not None:
                    yield from self._rows(content)

    def _cells(self, tr: El) -> Iterator[CellFact]:
        for child in tr:
            if child.tag == w("tc"):
                tcpr = child.find(w("tcPr"))
                span = whole(val(tcpr, "gridSpan")) if tcpr is not None else None
                merge_el = tcpr.find(w("vMerge")) if tcpr is not None else None
                merge = None if merge_el is None else merge_el.get(VAL, "continue")
                yield CellFact(blocks=self.blocks(child), span=min(max(span or 1, 1), 64), merge=merge)
            elif child.tag in (w("sdt"), w("customXml")):
                content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
                if content is not None:
                    yield from self._cells(content)


def _vml(element: El) -> Drawing | Skipped:
    if element.find(f".//{w('txbxContent')}") is not None:
        return Skipped(what="text box")
    shape = element.find(f".//{{{V}}}shape")
    image = element.find(f".//{{{V}}}imagedata")
    if shape is None and image is None:
        return Skipped(what="embedded object")
    alt = shape.get("alt") if shape is not None else None
    title = image.get(f"{{{O}}}title") if image is not None else None
    return Drawing(name=shape.get("id") if shape is not None else None, description=alt, title=title)


def read_notes(story: Story, root: El | None, tag: str) -> Mapping[str, tuple[BlockFact, ...]]:
    """The footnotes (`tag` 'footnote') or endnotes in `root` by id, separators left out."""
    if root is None:
        return MappingProxyType({})
    notes: dict[str, tuple[BlockFact, ...]] = {}
    for note in root.iterchildren(w(tag)):
        if note.get(w("type"), "normal") != "normal":
            continue
        story.fields = Fields()
        notes[note.get(w("id"), "")] = story.blocks(note)
    return MappingProxyType(notes)


def headers_and_footers(
    package: Package, body: El, rels: Mapping[str, Rel], counts: dict[str, int]
) -> tuple[tuple[StoryFact, ...], tuple[StoryFact, ...]]:
    """The headers and the footers of the document's last section (its `w:sectPr` in `body`)."""
    sect = body.find(w("sectPr"))
    found: dict[str, list[StoryFact]] = {"header": [], "footer": []}
    if sect is None:
        return (), ()
    for kind in ("header", "footer"):
        for ref in sect.iterchildren(w(f"{kind}Reference")):
            rid = ref.get(f"{{{R}}}id")
            rel = rels.get(rid) if rid else None
            if rel is None or rel.external:
                continue
            root = package.xml(rel.target)
            story = Story(package, package.rels(rel.target), counts)
            found[kind].append(StoryFact(page=ref.get(w("type"), "default"), blocks=story.blocks(root)))
    return tuple(found["header"]), tuple(found["footer"])
