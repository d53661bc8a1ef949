"""The DOCX redline: two document trees in, one Word document whose differences are tracked changes.

Both trees are rendered by the ordinary writer, then the new document's body is compared with
the old one's, block by block and word by word (`pccplan.compose.compare`), and each
difference is written as Word writes a tracked change: inserted runs inside `w:ins`, deleted
runs inside `w:del` with their text in `w:delText`, a whole inserted or deleted paragraph also
marked on its paragraph mark (`w:pPr/w:rPr/w:ins`), a whole table row on its row properties
(`w:trPr/w:ins`). Every mark carries `w:author` and `w:date`, so Word's Review pane lists
each change and can accept or reject it. See docs/dev/redline.md for the XML.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import attrs
from lxml import etree

from pccplan.compose.compare import SIMILAR, align, pair, similarity
from pccplan.compose.compare import words as split_words
from pccplan.compose.tree import Document
from pccplan.errors import ValidationError
from pccplan.render.docx import xml
from pccplan.render.docx.package import package_bytes
from pccplan.render.docx.writer import _reparse, render
from pccplan.render.options import RenderOptions

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.opc.part import Part

__all__ = ["change_date", "compare"]

El = xml.El
wq = xml.wq
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BLOCKS = frozenset(wq(n) for n in ("p", "tbl", "sdt"))
# CT_TrPr: the row's own properties, then its revision marks (ins, del) last.
_ROW_ORDER = (
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
    "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange",
)  # fmt: skip
_DELETED_TEXT = {wq("t"): wq("delText"), wq("instrText"): wq("delInstrText")}


def change_date(date: dt.date | dt.datetime) -> str:
    """`date` as a tracked change's `w:date` (xsd:dateTime in UTC): a day is taken at midnight UTC.

    A datetime without a time zone is read as UTC; one with a zone is converted to UTC.
    """
    if isinstance(date, dt.datetime):
        if date.tzinfo is not None:
            date = date.astimezone(dt.UTC).replace(tzinfo=None)
        return date.replace(microsecond=0).isoformat() + "Z"
    if isinstance(date, dt.date):
        return f"{date.isoformat()}T00:00:00Z"
    raise ValidationError.one("date", "must be a date or a datetime", date, "compare")


def _make(local: str, **attrib: str) -> El:
    return etree.Element(wq(local), {wq(k): v for k, v in attrib.items()})


class _Marks:
    """The author, date and next id of the tracked changes of one redline."""

    def __init__(self, *, author: str, date: str, first_id: int) -> None:
        self.author = author
        self.date = date
        self.next_id = first_id

    def mark(self, kind: str) -> El:
        """A new `w:ins` or `w:del` (`kind`) with the next id, the author and the date."""
        element = _make(kind, id=str(self.next_id), author=self.author, date=self.date)
        self.next_id += 1
        return element


@attrs.frozen
class _Atom:
    """One unit a paragraph is compared by: a word or a space of a run, or one other run child."""

    key: str  # what must be equal for the unit to count as unchanged
    text: str | None  # the word or space; None for a run child such as a tab or a note reference
    element: El | None  # that run child
    run: El  # the run it came from (its properties are copied)
    link: El | None  # the hyperlink around the run, if any
    space: bool  # whether it is only white space (it may join two changes)


class _Side:
    """One of the two rendered documents: its body, notes, numbering and hyperlink targets."""

    def __init__(self, document: WordDocument) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.part import XmlPart

        self.document = document
        self.part: Part = document.part
        self.body: El = document.element.body
        self.notes: dict[str, str] = {}  # each footnote's text by id: a note reference compares by it
        self.note_elements: dict[str, El] = {}
        self.notes_root: El | None = None
        try:
            notes = self.part.part_related_by(RT.FOOTNOTES)
        except KeyError:
            notes = None
        if notes is not None:
            # python-docx keeps the footnotes part as bytes: parse it once, as the writer does,
            # so that a deleted paragraph's note can be carried into it.
            parsed = notes if isinstance(notes, XmlPart) else _reparse(notes, self.part, RT.FOOTNOTES)
            self.notes_root = parsed.element
            for note in self.notes_root.iterchildren(wq("footnote")):
                key = note.get(wq("id"), "")
                self.notes[key] = "".join(t.text or "" for t in note.iter(wq("t")))
                self.note_elements[key] = note
        self.numbering: El | None = None
        try:
            numbering = self.part.part_related_by(RT.NUMBERING)
        except KeyError:
            numbering = None
        if isinstance(numbering, XmlPart):  # the writer always adds one, parsed
            self.numbering = numbering.element

    def url(self, link: El) -> str:
        """Where a hyperlink goes: its web address, or '#bookmark' for a link inside the document."""
        rid = link.get(_R_ID)
        if rid and rid in self.part.rels:
            return str(self.part.rels[rid].target_ref)
        return "#" + (link.get(wq("anchor")) or "")


def _run_props(run: El) -> El | None:
    return run.find(wq("rPr"))


def _fingerprint(element: El | None) -> str:
    return "" if element is None else etree.tostring(element, encoding="unicode")


class _Redline:
    """One redline: the old and new documents, the marks, and what old ids became in the new one."""

    def __init__(self, old: _Side, new: _Side, marks: _Marks) -> None:
        self.old = old
        self.new = new
        self.marks = marks
        self.num_ids: dict[str, str] = {}

    # ------------------------------------------------------------ blocks

    def blocks(self, old_parent: El, new_parent: El) -> None:
        """Rewrite `new_parent`'s blocks (a body or a cell) as the redline of `old_parent`'s."""
        olds = [c for c in old_parent if c.tag in _BLOCKS]
        news = [c for c in new_parent if c.tag in _BLOCKS]
        old_keys = [self.block_key(e, self.old) for e in olds]
        new_keys = [self.block_key(e, self.new) for e in news]

        def similar(i: int, j: int) -> bool:
            a, b = olds[i], news[j]
            if a.tag != b.tag:
                return False
            if a.tag != wq("p"):
                return True  # two tables, or two tables of contents, are one changed
            if _style(a) != _style(b):
                return False
            return similarity(_plain(a), _plain(b)) >= SIMILAR

        result: list[El] = []
        for i, j in pair(old_keys, new_keys, similar):
            if i is not None and j is not None:
                result.append(self.changed(olds[i], news[j]))
            elif j is not None:
                result.append(self.inserted(news[j]))
            elif i is not None:
                removed = self.deleted(olds[i])
                if removed is not None:
                    result.append(removed)
        _replace_blocks(new_parent, news, result)

    def block_key(self, element: El, side: _Side) -> str:
        """What must be equal for two blocks to be the same block unchanged."""
        if element.tag == wq("p"):
            return "p\x1f" + _style(element) + "\x1f" + "\x1e".join(a.key for a in self.atoms(element, side))
        if element.tag == wq("tbl"):
            return "tbl\x1f" + "\x1d".join(self.block_key(p, side) for p in element.iter(wq("p")))
        return "sdt"

    def row_key(self, row: El, side: _Side) -> str:
        """What must be equal for two table rows to be the same row unchanged: cell by cell."""
        cells = ("\x1d".join(self.block_key(p, side) for p in cell.iter(wq("p"))) for cell in _cells(row))
        return "tr\x1f" + "\x1c".join(cells)

    def changed(self, old: El, new: El) -> El:
        if new.tag == wq("p"):
            return self.paragraph(old, new)
        if new.tag == wq("tbl"):
            return self.table(old, new)
        return new  # a table of contents is generated content: the new one, unmarked

    def inserted(self, new: El) -> El:
        """A new block marked inserted throughout (a table of contents is left unmarked)."""
        if new.tag == wq("tbl"):
            for row in new.iterchildren(wq("tr")):
                self.mark_row(row, "ins")
        elif new.tag == wq("p"):
            self.mark_paragraph(new, "ins")
        return new

    def deleted(self, old: El) -> El | None:
        """A copy of an old block, marked deleted throughout; ``None`` for an old table of contents."""
        if old.tag == wq("sdt"):
            return None
        block = copy.deepcopy(old)
        self.adopt(block)
        # The new block that replaces it starts the new page; two page breaks would leave a
        # page holding only the deleted heading.
        for page_break in list(block.iter(wq("pageBreakBefore"))):
            _drop(page_break)
        if block.tag == wq("tbl"):
            for row in block.iterchildren(wq("tr")):
                self.mark_row(row, "del")
        else:
            self.mark_paragraph(block, "del")
        return block

    # ------------------------------------------------------------ tables

    def table(self, old: El, new: El) -> El:
        """The new table with its rows compared to the old: rows alike are compared cell by cell."""
        old_rows = list(old.iterchildren(wq("tr")))
        new_rows = list(new.iterchildren(wq("tr")))
        old_keys = [self.row_key(r, self.old) for r in old_rows]
        new_keys = [self.row_key(r, self.new) for r in new_rows]

        def similar(i: int, j: int) -> bool:
            return len(_cells(old_rows[i])) == len(_cells(new_rows[j]))

        result: list[El] = []
        for i, j in pair(old_keys, new_keys, similar):
            if i is not None and j is not None:
                for old_cell, new_cell in zip(_cells(old_rows[i]), _cells(new_rows[j]), strict=True):
                    self.blocks(old_cell, new_cell)
                result.append(new_rows[j])
            elif j is not None:
                result.append(self.mark_row(new_rows[j], "ins"))
            elif i is not None:
                row = copy.deepcopy(old_rows[i])
                self.adopt(row)
                result.append(self.mark_row(row, "del"))
        _replace_blocks(new, new_rows, result)
        return new

    def mark_row(self, row: El, kind: str) -> El:
        """`row` marked inserted or deleted (`kind`), its paragraphs with it."""
        trpr = row.find(wq("trPr"))
        if trpr is None:
            trpr = _make("trPr")
            before = row.find(wq("tblPrEx"))
            row.insert(0 if before is None else 1, trpr)
        xml.insert_in_order(trpr, self.marks.mark(kind), _ROW_ORDER)
        for p in row.iter(wq("p")):
            self.mark_paragraph(p, kind)
        return row

    # ------------------------------------------------------------ paragraphs

    def mark_paragraph(self, p: El, kind: str) -> None:
        """Mark all of `p` inserted or deleted (`kind`): its paragraph mark and every run."""
        ppr = p.find(wq("pPr"))
        if ppr is None:
            ppr = _make("pPr")
            p.insert(0, ppr)
        rpr = ppr.find(wq("rPr"))
        if rpr is None:
            rpr = xml.insert_in_order(ppr, _make("rPr"), xml.PPR_ORDER)
        rpr.insert(0, self.marks.mark(kind))  # CT_ParaRPr: the revision marks come first
        for run in list(p.iter(wq("r"))):
            parent = run.getparent()
            if parent is not None and parent.tag in (wq("ins"), wq("del")):
                continue
            wrapper = self.marks.mark(kind)
            run.addprevious(wrapper)
            wrapper.append(run)
            if kind == "del":
                _as_deleted(run)

    def paragraph(self, old: El, new: El) -> El:
        """The new paragraph with its words compared to the old paragraph's, changes marked."""
        old_atoms = self.atoms(old, self.old)
        new_atoms = self.atoms(new, self.new)
        if [a.key for a in old_atoms] == [a.key for a in new_atoms]:
            return new
        pieces: list[tuple[str, _Atom]] = []
        spans = align(
            [a.key for a in old_atoms], [a.key for a in new_atoms], gap=lambda i: old_atoms[i].space
        )
        for span in spans:
            if span.kind == "deleted":
                pieces += [("del", a) for a in self.deleted_atoms(old_atoms[span.old[0] : span.old[1]])]
            else:
                kind = "ins" if span.kind == "inserted" else ""
                pieces += [(kind, a) for a in new_atoms[span.new[0] : span.new[1]]]
        leading, trailing = _markers(new)
        ppr = new.find(wq("pPr"))
        for child in list(new):
            if child is not ppr:
                new.remove(child)
        new.extend(leading)
        new.extend(self.content(pieces))
        new.extend(trailing)
        return new

    def deleted_atoms(self, atoms: Sequence[_Atom]) -> list[_Atom]:
        """Old units as deleted units of the new paragraph: a note reference points at its carried note."""
        out: list[_Atom] = []
        for atom in atoms:
            if atom.element is not None and atom.element.tag == wq("footnoteReference"):
                carried = self.carried_note(atom.element)
                if carried is None:
                    continue
                ref = copy.deepcopy(atom.element)
                ref.set(wq("id"), carried)
                atom = attrs.evolve(atom, element=ref)
            out.append(atom)
        return out

    def content(self, pieces: Sequence[tuple[str, _Atom]]) -> list[El]:
        """The runs (inside `w:ins`, `w:del` and hyperlinks as each piece needs) for `pieces`."""
        out: list[El] = []
        link_of: El | None = None  # the hyperlink element being filled, and the source link it copies
        source_link: El | None = None
        for (kind, run), group in _groups(pieces):
            atoms = [a for _k, a in group]
            made = _run_from(run, atoms, deleted=kind == "del")
            if kind:
                wrapper = self.marks.mark(kind)
                wrapper.append(made)
                made = wrapper
            link = atoms[0].link
            if link is None:
                out.append(made)
                link_of = source_link = None
                continue
            if link is not source_link or link_of is None:
                link_of = self.copied_link(link, old=kind == "del")
                source_link = link
                out.append(link_of)
            link_of.append(made)
        return out

    def copied_link(self, link: El, *, old: bool) -> El:
        """An empty copy of hyperlink `link`; an old document's link gets a relationship in the new one."""
        made = etree.Element(str(link.tag), {str(k): str(v) for k, v in link.attrib.items()})
        rid = link.get(_R_ID)
        if old and rid:
            from docx.opc.constants import RELATIONSHIP_TYPE as RT

            made.set(_R_ID, self.new.part.relate_to(self.old.url(link), RT.HYPERLINK, is_external=True))
        return made

    def atoms(self, p: El, side: _Side) -> list[_Atom]:
        """The units paragraph `p` is compared by, in order."""
        out: list[_Atom] = []
        for child in p:
            if child.tag == wq("r"):
                out += self.run_atoms(child, None, side)
            elif child.tag == wq("hyperlink"):
                for run in child.iterchildren(wq("r")):
                    out += self.run_atoms(run, child, side)
        return out

    def run_atoms(self, run: El, link: El | None, side: _Side) -> Iterator[_Atom]:
        props = _fingerprint(_run_props(run))
        where = side.url(link) if link is not None else ""
        for child in run:
            if child.tag == wq("rPr"):
                continue
            if child.tag == wq("t"):
                for word in split_words(child.text or ""):
                    key = f"t\x1f{props}\x1f{where}\x1f{word}"
                    yield _Atom(key=key, text=word, element=None, run=run, link=link, space=word.isspace())
            elif child.tag == wq("footnoteReference"):
                key = "note\x1f" + side.notes.get(child.get(wq("id"), ""), "")
                yield _Atom(key=key, text=None, element=child, run=run, link=link, space=False)
            else:
                key = f"e\x1f{props}\x1f{where}\x1f{_fingerprint(child)}"
                yield _Atom(key=key, text=None, element=child, run=run, link=link, space=False)

    # ------------------------------------------------------------ old content in the new document

    def adopt(self, block: El) -> None:
        """Make a copy of old content fit the new document: list ids, links and notes; bookmarks go.

        Bookmark names and ids are the old document's and would clash with the new one's; a
        note is carried into the new footnotes part (`carried_note`).
        """
        for marker in list(block.iter(wq("bookmarkStart"), wq("bookmarkEnd"))):
            _drop(marker)
        for ref in list(block.iter(wq("footnoteReference"))):
            carried = self.carried_note(ref)
            if carried is None:
                run = ref.getparent()
                _drop(run if run is not None else ref)
            else:
                ref.set(wq("id"), carried)
        for num in block.iter(wq("numId")):
            value = num.get(wq("val"))
            if value is not None:
                num.set(wq("val"), self.num_id(value))
        for link in block.iter(wq("hyperlink")):
            if link.get(_R_ID):
                fresh = self.copied_link(link, old=True)
                link.set(_R_ID, fresh.get(_R_ID, ""))

    def carried_note(self, ref: El) -> str | None:
        """The id, in the new document, of a copy of the old note `ref` points at, marked deleted.

        A deleted paragraph's footnote goes with it: Word shows the note struck through and
        removes it on accepting, restores it on rejecting. ``None`` when the new document has no
        footnotes part to carry it into (the reference is then dropped). Links in the note
        are kept as their text: their relationships belong to the old part.
        """
        note = self.old.note_elements.get(ref.get(wq("id"), ""))
        root = self.new.notes_root
        if note is None or root is None:
            return None
        taken = [
            int(v) for v in (n.get(wq("id")) for n in root.iterchildren(wq("footnote"))) if v and v.isdigit()
        ]
        made = copy.deepcopy(note)
        made.set(wq("id"), str(max(taken, default=0) + 1))
        for link in list(made.iter(wq("hyperlink"))):
            for child in list(link):
                link.addprevious(child)
            _drop(link)
        for p in made.iterchildren(wq("p")):
            self.mark_paragraph(p, "del")
        root.append(made)
        return made.get(wq("id"))

    def num_id(self, old_id: str) -> str:
        """The new document's list instance for an old one: the same when both define it alike and
        it continues its numbering (paragraph numbers, bullets); a copy under a new id otherwise."""
        if old_id in self.num_ids:
            return self.num_ids[old_id]
        mapped = old_id
        old_root, new_root = self.old.numbering, self.new.numbering
        if old_root is not None and new_root is not None:
            found = _num(old_root, old_id)
            same = _num(new_root, old_id)
            # A list that restarts its numbering (an ordered list) is its own list in each
            # document: sharing the new one's instance would number the two as one list.
            shared = same is not None and _fingerprint(same) == _fingerprint(found)
            if found is not None and not (shared and found.find(wq("lvlOverride")) is None):
                _last_abstract, last = xml.numbering_ids(new_root)
                mapped = str(last + 1)
                made = copy.deepcopy(found)
                made.set(wq("numId"), mapped)
                self.carry_abstract(made, old_root, new_root)
                xml.insert_in_order(new_root, made, xml.NUMBERING_ORDER)
        self.num_ids[old_id] = mapped
        return mapped

    def carry_abstract(self, num: El, old_root: El, new_root: El) -> None:
        """Point a copied list instance at its old definition, copied into the new numbering part
        when the new document lacks it or defines that id otherwise (a list style only the old
        document used, '(a)' or 'i.', has its own abstractNum there)."""
        ref = num.find(wq("abstractNumId"))
        wanted = ref.get(wq("val")) if ref is not None else None
        if ref is None or wanted is None:
            return
        old_abstract = _abstract(old_root, wanted)
        new_abstract = _abstract(new_root, wanted)
        if old_abstract is None or _fingerprint(old_abstract) == _fingerprint(new_abstract):
            return
        last_abstract, _last = xml.numbering_ids(new_root)
        made = copy.deepcopy(old_abstract)
        made.set(wq("abstractNumId"), str(last_abstract + 1))
        xml.insert_in_order(new_root, made, xml.NUMBERING_ORDER)
        ref.set(wq("val"), str(last_abstract + 1))


# ---------------------------------------------------------------- small helpers


def _style(p: El) -> str:
    ppr = p.find(wq("pPr"))
    style = ppr.find(wq("pStyle")) if ppr is not None else None
    return style.get(wq("val"), "") if style is not None else ""


def _plain(element: El) -> str:
    return "".join(t.text or "" for t in element.iter(wq("t")))


def _cells(row: El) -> list[El]:
    return list(row.iterchildren(wq("tc")))


def _abstract(root: El, abstract_id: str) -> El | None:
    found = root.iterchildren(wq("abstractNum"))
    return next((a for a in found if a.get(wq("abstractNumId")) == abstract_id), None)


def _num(root: El, num_id: str) -> El | None:
    return next((n for n in root.iterchildren(wq("num")) if n.get(wq("numId")) == num_id), None)


def _drop(element: El) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _replace_blocks(parent: El, old_children: Sequence[El], result: Sequence[El]) -> None:
    """Put `result` where `old_children` were in `parent`, other children (properties) kept in place."""
    anchor: El | None = None
    if old_children:
        anchor = old_children[-1].getnext()
        while anchor is not None and anchor.tag in _BLOCKS:
            anchor = anchor.getnext()
    for child in old_children:
        if child not in result:
            parent.remove(child)
    for element in result:
        if anchor is not None:
            anchor.addprevious(element)
        elif old_children:
            parent.append(element)
        else:
            _place_first_block(parent, element)


def _place_first_block(parent: El, element: El) -> None:
    """Add a block to a body or cell that had none: after a cell's properties, before a body's sectPr."""
    last = parent.find(wq("sectPr"))
    if last is not None and last.getparent() is parent:
        last.addprevious(element)
    else:
        parent.append(element)


def _markers(p: El) -> tuple[list[El], list[El]]:
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


def _groups(pieces: Sequence[tuple[str, _Atom]]) -> Iterator[tuple[tuple[str, El], list[tuple[str, _Atom]]]]:
    """Consecutive pieces with the same change kind from the same run, together."""
    group: list[tuple[str, _Atom]] = []
    key: tuple[str, El] | None = None
    for kind, atom in pieces:
        here = (kind, atom.run)
        if key is not None and (here[0] != key[0] or here[1] is not key[1]):
            yield key, group
            group = []
        key = here
        group.append((kind, atom))
    if key is not None and group:
        yield key, group


def _run_from(source: El, atoms: Sequence[_Atom], *, deleted: bool) -> El:
    """A run with `source`'s properties holding `atoms`: words joined into one text, other children copied."""
    run = _make("r")
    props = _run_props(source)
    if props is not None:
        run.append(copy.deepcopy(props))
    text: list[str] = []

    def flush() -> None:
        if text:
            joined = "".join(text)
            t = etree.SubElement(run, wq("delText" if deleted else "t"))
            t.text = joined
            if joined[0].isspace() or joined[-1].isspace():
                t.set(_XML_SPACE, "preserve")
            text.clear()

    for atom in atoms:
        if atom.text is not None:
            text.append(atom.text)
            continue
        flush()
        assert atom.element is not None  # an atom without text is a run child
        made = copy.deepcopy(atom.element)
        if deleted and made.tag in _DELETED_TEXT:
            made.tag = _DELETED_TEXT[made.tag]
        run.append(made)
    flush()
    return run


def _as_deleted(run: El) -> None:
    """A run's text as deleted text (`w:delText`, `w:delInstrText`), as a `w:del` run must hold it."""
    for child in run:
        if child.tag in _DELETED_TEXT:
            child.tag = _DELETED_TEXT[child.tag]


def _first_free_id(body: El) -> int:
    """One past the largest `w:id` in the body, so no change shares an id with a bookmark."""
    ids = [int(v) for v in (e.get(wq("id")) for e in body.iter()) if v is not None and v.isdigit()]
    return max(ids, default=0) + 1


def _opened(doc: Document, options: RenderOptions) -> WordDocument:
    import docx

    document: WordDocument = docx.Document(io.BytesIO(render(doc, options)))
    return document


def compare(
    old: Document,
    new: Document,
    *,
    author: str,
    date: dt.date | dt.datetime,
    options: RenderOptions | None = None,
) -> bytes:
    """The .docx bytes of `new` with its differences from `old` as tracked changes by `author` on `date`.

    Both trees are rendered with `options` (public by default, so exempt parts are left out
    of both); the result is the new document, its styles, notes and properties, with every
    word inserted since `old` inside a tracked insertion and every word removed inside a
    tracked deletion, whole paragraphs and table rows marked as such. Accepting every change
    in Word gives the new document; rejecting every change gives the old one's text. Word
    shows `author` and `date` (a day is midnight UTC) on each change. Deterministic: the same
    trees, author and date always give the same bytes. Headers, footers and footnote text are
    the new document's, unmarked; a table of contents is the new one's (Word rebuilds it).
    """
    if not isinstance(author, str) or not author.strip():
        raise ValidationError.one("author", "must be a name, not empty", author, "compare")
    when = change_date(date)
    options = options or RenderOptions()
    before, after = _Side(_opened(old, options)), _Side(_opened(new, options))
    marks = _Marks(author=author, date=when, first_id=_first_free_id(after.body))
    _Redline(before, after, marks).blocks(before.body, after.body)
    return package_bytes(after.document.part.package)
