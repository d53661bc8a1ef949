"""The DOCX redline: two document trees in, one Word document whose differences are tracked changes.

Both trees are rendered by the ordinary writer, then the new document's body is compared with
the old one's, block by block and word by word (`pccplan.compose.compare`), and each
difference is written as Word writes a tracked change: inserted runs inside `w:ins`, deleted
runs inside `w:del` with their text in `w:delText`, a whole inserted or deleted paragraph also
marked on its paragraph mark (`w:pPr/w:rPr/w:ins`), a whole table row on its row properties
(`w:trPr/w:ins`); a paragraph moved unchanged inside `w:moveFrom` and `w:moveTo` between
range markers of one name; a change of formatting alone as the old properties inside the new
(`w:rPrChange`, `w:pPrChange`); a changed footnote word by word in the footnotes part. Every
mark carries `w:author` and `w:date`, so Word's Review pane lists each change and can accept or
reject it. See docs/dev/redline.md for the XML.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from pccplan.compose.compare import SIMILAR, align, moves, pair, similarity
from pccplan.compose.compare import words as split_words
from pccplan.compose.tree import Document
from pccplan.errors import ValidationError
from pccplan.render.docx import xml
from pccplan.render.docx.package import package_bytes
from pccplan.render.docx.writer import footnotes_part, parsed_part, render
from pccplan.render.options import RenderOptions

if TYPE_CHECKING:
    from pccplan.opc.parts import Part, WordDocument

__all__ = ["change_date", "compare"]

El = xml.El


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


class _Marks:
    """The author, date and next id of the tracked changes of one redline."""

    def __init__(self, *, author: str, date: str, first_id: int) -> None:
        self.author = author
        self.date = date
        self.next_id = first_id

    def mark(self, kind: str) -> El:
        """A new `w:ins` or `w:del` (`kind`) with the next id, the author and the date."""
        element = xml.tracked_change(kind, change_id=self.next_id, author=self.author, date=self.date)
        self.next_id += 1
        return element

    def maker(self, kind: str) -> xml.Mark:
        """What makes each next mark of `kind` for the `xml.mark_*_change` builders."""
        return lambda: self.mark(kind)

    def revision(self, local: str) -> El:
        """A new `w:moveFrom`, `w:moveTo`, `w:rPrChange` or `w:pPrChange` (`local`) with the next id."""
        element = xml.revision(local, change_id=self.next_id, author=self.author, date=self.date)
        self.next_id += 1
        return element

    def move_range(self, side: str, name: str) -> tuple[El, El]:
        """The start and end markers, with the next id, of move `name`'s range on `side` ('From', 'To')."""
        markers = xml.move_range(side, range_id=self.next_id, name=name, author=self.author, date=self.date)
        self.next_id += 1
        return markers


@attrs.frozen
class _Atom:
    """One unit a paragraph is compared by: a word or a space of a run, or one other run child."""

    key: str  # what must be equal for the unit to count as unchanged
    text_key: str  # what must be equal for it to count as the same text, its formatting aside
    props: str  # its run's properties, as XML
    text: str | None  # the word or space; None for a run child such as a tab or a note reference
    element: El | None  # that run child
    run: El  # the run it came from (its properties are copied)
    link: El | None  # the hyperlink around the run, if any
    space: bool  # whether it is only white space (it may join two changes)


class _Side:
    """One of the two rendered documents: its body, notes, numbering and hyperlink targets."""

    def __init__(self, document: WordDocument) -> None:
        from pccplan.opc.parts import RELATIONSHIP_TYPE as RT
        from pccplan.opc.parts import XmlPart

        self.document = document
        self.part: Part = document.part
        self.body: El = document.element.body
        self.notes: dict[str, str] = {}  # each footnote's text by id: a note reference compares by it
        self.note_elements: dict[str, El] = {}
        self.notes_root: El | None = None
        self.notes_part: Part | None = None
        try:
            notes = self.part.part_related_by(RT.FOOTNOTES)
        except KeyError:
            notes = None
        if notes is not None:
            # python-docx keeps the footnotes part as bytes: parse it once, as the writer does,
            # so that a deleted paragraph's note can be carried into it.
            parsed = notes if isinstance(notes, XmlPart) else parsed_part(notes, self.part, RT.FOOTNOTES)
            self.notes_root = parsed.element
            self.notes_part = parsed
            for note in xml.footnotes_of(self.notes_root):
                key = xml.note_id(note)
                self.notes[key] = xml.text_of(note)
                self.note_elements[key] = note
        self.numbering: El | None = None
        try:
            numbering = self.part.part_related_by(RT.NUMBERING)
        except KeyError:
            numbering = None
        if isinstance(numbering, XmlPart):  # the writer always adds one, parsed
            self.numbering = numbering.element

    def notes_for_carrying(self) -> El:
        """The footnotes root, made (with Word's separators) when this document has no notes of its own.

        A redline whose new document has no notes would otherwise drop a deleted paragraph's
        note, and rejecting the change could not bring it back.
        """
        if self.notes_root is None:
            part = footnotes_part(self.document)
            self.notes_root, self.notes_part = part.element, part
        return self.notes_root

    def url(self, link: El, *, in_notes: bool = False) -> str:
        """Where a hyperlink goes: its web address, or '#bookmark' for a link inside the document.

        A link in a footnote (`in_notes`) has its relationship in the footnotes part.
        """
        rid, anchor = xml.link_target(link)
        part = self.links_part(in_notes=in_notes)
        if rid and rid in part.rels:
            return str(part.rels[rid].target_ref)
        return "#" + anchor

    def links_part(self, *, in_notes: bool) -> Part:
        """The part whose relationships the body's links (or, `in_notes`, the notes' links) use."""
        return self.notes_part if in_notes and self.notes_part is not None else self.part


class _Redline:
    """One redline: the old and new documents, the marks, and what old ids became in the new one."""

    def __init__(self, old: _Side, new: _Side, marks: _Marks) -> None:
        self.old = old
        self.new = new
        self.marks = marks
        self.num_ids: dict[str, str] = {}  # old list instance -> the new document's instance for it
        self.claimed: set[str] = set()  # the new instances some old instance became
        self.in_notes = False  # comparing two footnotes: links resolve in the footnotes part
        self.noted: set[str] = set()  # the new notes already marked inserted
        self.moves = 0
        self.ranges: dict[tuple[str, str], tuple[El, El]] = {}  # (move name, side): its markers

    # ------------------------------------------------------------ blocks

    def blocks(self, old_parent: El, new_parent: El) -> None:
        """Rewrite `new_parent`'s blocks (a body or a cell) as the redline of `old_parent`'s."""
        olds = xml.blocks_of(old_parent)
        news = xml.blocks_of(new_parent)
        old_keys = [self.block_key(e, self.old) for e in olds]
        new_keys = [self.block_key(e, self.new) for e in news]

        def similar(i: int, j: int) -> bool:
            a, b = olds[i], news[j]
            if a.tag != b.tag:
                return False
            if xml.is_table(a):
                # Table and row properties are not tracked: only tables of one frame are compared
                # row by row, so that rejecting every change gives the old table's frame back.
                return xml.table_frame(a) == xml.table_frame(b)
            if not xml.is_paragraph(a):
                return True  # two tables of contents are one changed
            if xml.paragraph_style(a) != xml.paragraph_style(b):
                # The same words in another style are one paragraph restyled (`w:pPrChange`).
                return bool(xml.text_of(a).strip()) and xml.text_of(a) == xml.text_of(b)
            return similarity(xml.text_of(a), xml.text_of(b)) >= SIMILAR

        pairs = pair(old_keys, new_keys, similar)
        self.claim_lists(pairs, olds, news)
        moved_from, moved_to = self.moved(pairs, olds, old_keys, new_keys)
        result: list[El] = []
        for i, j in pairs:
            if i is not None and j is not None:
                result.append(self.changed(olds[i], news[j]))
            elif j is not None and j in moved_to:
                result.append(self.move_to(news[j], *moved_to[j]))
            elif j is not None:
                result.append(self.inserted(news[j]))
            elif i is not None and i in moved_from:
                result.append(self.move_from(olds[i], *moved_from[i]))
            elif i is not None:
                removed = self.deleted(olds[i])
                if removed is not None:
                    result.append(removed)
        _replace_blocks(new_parent, news, result)

    def claim_lists(
        self, pairs: Sequence[tuple[int | None, int | None]], olds: Sequence[El], news: Sequence[El]
    ) -> None:
        """Let an old list instance become the new instance that one of its paragraphs is kept in,
        when the two number alike and no other old instance took it first.

        The old paragraphs copied in (deleted, moved away) then join the paragraphs kept with
        them: rejecting every change numbers the old list as one list again, "1., 2." rather than
        "1., 1." (a copy of the old instance would restart beside the kept paragraphs).
        """
        old_root, new_root = self.old.numbering, self.new.numbering
        if old_root is None or new_root is None:
            return
        for i, j in pairs:
            if i is None or j is None:
                continue
            was, now = xml.paragraph_list_id(olds[i]), xml.paragraph_list_id(news[j])
            if was is None or now is None or was in self.num_ids or now in self.claimed:
                continue
            if xml.list_definition_key(old_root, was) == xml.list_definition_key(new_root, now):
                self.num_ids[was] = now
                self.claimed.add(now)

    def moved(
        self,
        pairs: Sequence[tuple[int | None, int | None]],
        olds: Sequence[El],
        old_keys: list[str],
        new_keys: list[str],
    ) -> tuple[dict[int, _Place], dict[int, _Place]]:
        """The paragraphs that moved, old index and new index each with its move's name and whether
        it starts and ends that move's range (paragraphs moved together share one range)."""
        moved_from: dict[int, _Place] = {}
        moved_to: dict[int, _Place] = {}

        def movable(i: int) -> bool:
            return xml.is_paragraph(olds[i]) and bool(xml.text_of(olds[i]).strip())

        for group in moves(pairs, old_keys, new_keys, movable):
            self.moves += 1
            name = f"move{self.moves}"
            for at, (i, j) in enumerate(group):
                place = (name, at == 0, at == len(group) - 1)
                moved_from[i] = moved_to[j] = place
        return moved_from, moved_to

    def move_to(self, new: El, name: str, first: bool, last: bool) -> El:
        """A new paragraph marked as moved here (`w:moveTo`), inside its move's range."""
        self.mark_move(new, "To", name, first, last)
        return new

    def move_from(self, old: El, name: str, first: bool, last: bool) -> El:
        """A copy of an old paragraph marked as moved away from here (`w:moveFrom`), inside its range."""
        block = copy.deepcopy(old)
        self.adopt(block)
        xml.drop_page_breaks(block)  # as for a deletion: the paragraph is shown where it went
        self.mark_move(block, "From", name, first, last)
        return block

    def mark_move(self, p: El, side: str, name: str, first: bool, last: bool) -> None:
        key = (name, side)
        if key not in self.ranges:
            self.ranges[key] = self.marks.move_range(side, name)
        start, end = self.ranges[key]
        xml.mark_paragraph_move(
            p,
            lambda: self.marks.revision("move" + side),
            start=start if first else None,
            end=end if last else None,
        )

    def block_key(self, element: El, side: _Side) -> str:
        """What must be equal for two blocks to be the same block unchanged."""
        if xml.is_paragraph(element):
            atoms = self.atoms(element, side)
            listed = xml.list_level_format(element, side.numbering)  # a bullet is not a numbered item
            return (
                "p\x1f" + xml.paragraph_style(element) + listed + "\x1f" + "\x1e".join(a.key for a in atoms)
            )
        if xml.is_table(element):
            rows = (self.row_key(r, side) for r in xml.rows(element))
            return "tbl\x1f" + xml.table_frame(element) + "\x1f" + "\x1b".join(rows)
        return "sdt"

    def row_key(self, row: El, side: _Side) -> str:
        """What must be equal for two table rows to be the same row unchanged: cell by cell."""
        cells = ("\x1d".join(self.block_key(p, side) for p in xml.paragraphs_in(c)) for c in xml.cells(row))
        return "tr\x1f" + xml.row_frame(row) + "\x1f" + "\x1c".join(cells)

    def changed(self, old: El, new: El) -> El:
        if xml.is_paragraph(new):
            return self.paragraph(old, new)
        if xml.is_table(new):
            return self.table(old, new)
        return new  # a table of contents is generated content: the new one, unmarked

    def inserted(self, new: El) -> El:
        """A new block marked inserted throughout, its notes too (a table of contents is left unmarked)."""
        for ref in xml.note_references(new):
            self.note_added(ref)
        if xml.is_table(new):
            for row in xml.rows(new):
                self.mark_row(row, "ins")
        elif xml.is_paragraph(new):
            self.mark_paragraph(new, "ins")
        return new

    def deleted(self, old: El) -> El | None:
        """A copy of an old block, marked deleted throughout; ``None`` for an old table of contents."""
        if xml.is_contents(old):
            return None
        block = copy.deepcopy(old)
        self.adopt(block)
        # The new block that replaces it starts the new page; two page breaks would leave a
        # page holding only the deleted heading.
        xml.drop_page_breaks(block)
        if xml.is_table(block):
            for row in xml.rows(block):
                self.mark_row(row, "del")
        else:
            self.mark_paragraph(block, "del")
        return block

    # ------------------------------------------------------------ tables

    def table(self, old: El, new: El) -> El:
        """The new table with its rows compared to the old: rows alike are compared cell by cell."""
        old_rows = xml.rows(old)
        new_rows = xml.rows(new)
        old_keys = [self.row_key(r, self.old) for r in old_rows]
        new_keys = [self.row_key(r, self.new) for r in new_rows]

        def similar(i: int, j: int) -> bool:
            # Row and cell properties are not tracked: a row whose frame changed (a merge, a
            # header row, a width) is the old row deleted and the new one inserted, so that
            # rejecting every change gives the old rows back with their own merges.
            return xml.row_frame(old_rows[i]) == xml.row_frame(new_rows[j])

        result: list[El] = []
        for i, j in pair(old_keys, new_keys, similar):
            if i is not None and j is not None:
                for old_cell, new_cell in zip(xml.cells(old_rows[i]), xml.cells(new_rows[j]), strict=True):
                    self.blocks(old_cell, new_cell)
                result.append(new_rows[j])
            elif j is not None:
                for ref in xml.note_references(new_rows[j]):
                    self.note_added(ref)
                result.append(self.mark_row(new_rows[j], "ins"))
            elif i is not None:
                row = copy.deepcopy(old_rows[i])
                self.adopt(row)
                result.append(self.mark_row(row, "del"))
        _replace_blocks(new, new_rows, result)
        return new

    def mark_row(self, row: El, kind: str) -> El:
        """`row` marked inserted or deleted (`kind`), its paragraphs with it."""
        return xml.mark_row_change(row, self.marks.maker(kind), deleted=kind == "del")

    # ------------------------------------------------------------ paragraphs

    def mark_paragraph(self, p: El, kind: str) -> None:
        """Mark all of `p` inserted or deleted (`kind`): its paragraph mark and every run."""
        xml.mark_paragraph_change(p, self.marks.maker(kind), deleted=kind == "del")

    def paragraph(self, old: El, new: El) -> El:
        """The new paragraph with its words compared to the old paragraph's, changes marked."""
        old_atoms = self.atoms(old, self.old)
        new_atoms = self.atoms(new, self.new)
        self.paragraph_format(old, new)
        if [a.key for a in old_atoms] == [a.key for a in new_atoms]:
            return new
        pieces: list[_Piece] = []
        # Aligned by text alone: a word only made bold is the same word, its formatting changed.
        spans = align(
            [a.text_key for a in old_atoms], [a.text_key for a in new_atoms], gap=lambda i: old_atoms[i].space
        )
        for span in spans:
            if span.kind == "deleted":
                pieces += [("del", a, None) for a in self.deleted_atoms(old_atoms[span.old[0] : span.old[1]])]
            elif span.kind == "inserted":
                for a in new_atoms[span.new[0] : span.new[1]]:
                    if a.element is not None and xml.is_note_reference(a.element):
                        self.note_added(a.element)
                    pieces.append(("ins", a, None))
            else:
                olds = old_atoms[span.old[0] : span.old[1]]
                for was, now in zip(olds, new_atoms[span.new[0] : span.new[1]], strict=True):
                    pieces.append(self.kept(was, now))
        leading, trailing = xml.paragraph_markers(new)
        xml.replace_paragraph_content(new, [*leading, *self.content(pieces), *trailing])
        return new

    def kept(self, was: _Atom, now: _Atom) -> _Piece:
        """A unit in both paragraphs: unchanged, its formatting changed, or a note whose text is compared."""
        if now.element is not None and xml.is_note_reference(now.element):
            assert was.element is not None  # the same text key: a note reference too
            if was.key != now.key:
                self.note_changed(was.element, now.element)
            return ("", now, None)
        return ("fmt", now, was) if was.props != now.props else ("", now, None)

    def paragraph_format(self, old: El, new: El) -> None:
        """Record `old`'s properties in `new` (`w:pPrChange`) when they differ: a style changed."""
        before, after = xml.paragraph_base(old), xml.paragraph_base(new)
        same_list = xml.list_level_format(old, self.old.numbering) == xml.list_level_format(
            new, self.new.numbering
        )
        # Kept in another list than the rest of its old list: rejecting must put it back there.
        was, now = xml.paragraph_list_id(old), xml.paragraph_list_id(new)
        same_list = same_list and (was is None or now is None or self.num_id(was) == now)
        if same_list and _properties_key(before) == _properties_key(after):
            return
        recorded = xml.mark_paragraph_format_change(new, before, self.marks.revision("pPrChange"))
        xml.renumber_lists(recorded, self.num_id)

    def note_changed(self, old_ref: El, new_ref: El) -> None:
        """Compare the text of the old note `old_ref` points at with the new one's, word by word, in
        the new footnotes part."""
        old_note = self.old.note_elements.get(xml.note_id(old_ref))
        new_note = self.new.note_elements.get(xml.note_id(new_ref))
        if old_note is None or new_note is None:
            return
        was, self.in_notes = self.in_notes, True
        try:
            self.blocks(old_note, new_note)
        finally:
            self.in_notes = was

    def note_added(self, ref: El) -> None:
        """Mark the new note `ref` points at inserted, as Word marks a note added with its reference."""
        key = xml.note_id(ref)
        note = self.new.note_elements.get(key)
        if note is None or key in self.noted:
            return
        self.noted.add(key)
        xml.mark_footnote_inserted(note, self.marks.maker("ins"))

    def deleted_atoms(self, atoms: Sequence[_Atom]) -> list[_Atom]:
        """Old units as deleted units of the new paragraph: a note reference points at its carried note."""
        out: list[_Atom] = []
        for atom in atoms:
            if atom.element is not None and xml.is_note_reference(atom.element):
                carried = self.carried_note(atom.element)
                if carried is None:
                    continue
                atom = attrs.evolve(atom, element=xml.note_reference_to(atom.element, carried))
            out.append(atom)
        return out

    def content(self, pieces: Sequence[_Piece]) -> list[El]:
        """The runs (inside `w:ins`, `w:del` and hyperlinks as each piece needs) for `pieces`."""
        out: list[El] = []
        link_of: El | None = None  # the hyperlink element being filled, and the source link it copies
        source_link: El | None = None
        for (kind, run), group in _groups(pieces):
            atoms = [a for _k, a, _was in group]
            made = _run_from(run, atoms, deleted=kind == "del")
            was = group[0][2]
            if was is not None:
                props = xml.run_properties(was.run)
                xml.mark_run_format_change(made, props, self.marks.revision("rPrChange"))
            elif kind:
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
        made = xml.empty_copy(link)
        rid, _anchor = xml.link_target(link)
        if old and rid:
            from pccplan.opc.parts import RELATIONSHIP_TYPE as RT

            url = self.old.url(link, in_notes=self.in_notes)
            part = self.new.links_part(in_notes=self.in_notes)
            xml.set_link_relationship(made, part.relate_to(url, RT.HYPERLINK, is_external=True))
        return made

    def atoms(self, p: El, side: _Side) -> list[_Atom]:
        """The units paragraph `p` is compared by, in order."""
        out: list[_Atom] = []
        for run, link in xml.runs_of(p):
            out += self.run_atoms(run, link, side)
        return out

    def run_atoms(self, run: El, link: El | None, side: _Side) -> Iterator[_Atom]:
        props = xml.fingerprint(xml.run_properties(run))
        where = side.url(link, in_notes=self.in_notes) if link is not None else ""
        for child in xml.run_children(run):
            if xml.is_text(child):
                for word in split_words(child.text or ""):
                    text_key = f"t\x1f{where}\x1f{word}"
                    yield _Atom(
                        key=f"{text_key}\x1f{props}", text_key=text_key, props=props,
                        text=word, element=None, run=run, link=link, space=word.isspace(),
                    )  # fmt: skip
            elif xml.is_note_reference(child):
                key = "note\x1f" + side.notes.get(xml.note_id(child), "")
                yield _Atom(
                    key=key, text_key="note", props=props,
                    text=None, element=child, run=run, link=link, space=False,
                )  # fmt: skip
            else:
                text_key = f"e\x1f{where}\x1f{xml.fingerprint(child)}"
                yield _Atom(
                    key=f"{text_key}\x1f{props}", text_key=text_key, props=props,
                    text=None, element=child, run=run, link=link, space=False,
                )  # fmt: skip

    # ------------------------------------------------------------ old content in the new document

    def adopt(self, block: El) -> None:
        """Make a copy of old content fit the new document: list ids, links and notes; bookmarks go.

        Bookmark names and ids are the old document's and would clash with the new one's; a
        note is carried into the new footnotes part (`carried_note`).
        """
        xml.drop_bookmarks(block)
        for ref in xml.note_references(block):
            carried = self.carried_note(ref)
            if carried is None:
                xml.drop_note_reference(ref)
            else:
                xml.set_note_reference(ref, carried)
        xml.renumber_lists(block, self.num_id)
        for link in xml.hyperlinks_in(block):
            if xml.link_target(link)[0]:
                fresh = self.copied_link(link, old=True)
                xml.set_link_relationship(link, xml.link_target(fresh)[0] or "")

    def carried_note(self, ref: El) -> str | None:
        """The id, in the new document, of a copy of the old note `ref` points at, marked deleted.

        A deleted paragraph's footnote goes with it: Word shows the note struck through and
        removes it on accepting, restores it on rejecting. A new document with no notes gains a
        footnotes part to hold it. ``None`` when the old document has no such note (the reference
        is then dropped). Links in the note are kept as their text: their relationships belong to
        the old part.
        """
        note = self.old.note_elements.get(xml.note_id(ref))
        if note is None:
            return None
        return xml.carried_footnote(note, self.new.notes_for_carrying(), self.marks.maker("del"))

    def num_id(self, old_id: str) -> str:
        """The new document's list instance for an old one: the same when both define it alike and
        it continues its numbering (paragraph numbers, bullets); a copy under a new id otherwise."""
        if old_id in self.num_ids:
            return self.num_ids[old_id]
        mapped = old_id
        old_root, new_root = self.old.numbering, self.new.numbering
        if old_root is not None and new_root is not None:
            found = xml.find_num(old_root, old_id)
            same = xml.find_num(new_root, old_id)
            # A list that restarts its numbering (an ordered list) is its own list in each
            # document: sharing the new one's instance would number the two as one list.
            # A new instance another old list became is that list's: sharing it would join the two.
            shared = (
                same is not None
                and xml.fingerprint(same) == xml.fingerprint(found)
                and old_id not in self.claimed
            )
            if found is not None and not (shared and not xml.restarts(found)):
                made = xml.num_copy(new_root, found)
                mapped = xml.num_id_of(made)
                self.carry_abstract(made, old_root, new_root)
                xml.add_to_numbering(new_root, made)
        self.num_ids[old_id] = mapped
        self.claimed.add(mapped)
        return mapped

    def carry_abstract(self, num: El, old_root: El, new_root: El) -> None:
        """Point a copied list instance at its old definition, copied into the new numbering part
        when the new document lacks it or defines that id otherwise (a list style only the old
        document used, '(a)' or 'i.', has its own abstractNum there)."""
        wanted = xml.abstract_of(num)
        if wanted is None:
            return
        old_abstract = xml.find_abstract(old_root, wanted)
        new_abstract = xml.find_abstract(new_root, wanted)
        if old_abstract is None or xml.fingerprint(old_abstract) == xml.fingerprint(new_abstract):
            return
        xml.add_abstract_copy(new_root, old_abstract, num)


# ---------------------------------------------------------------- small helpers


def _replace_blocks(parent: El, old_children: Sequence[El], result: Sequence[El]) -> None:
    """Put `result` where `old_children` were in `parent`, other children (properties) kept in place."""
    anchor: El | None = None
    if old_children:
        anchor = old_children[-1].getnext()
        while anchor is not None and xml.is_block(anchor):
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
            xml.place_first_block(parent, element)


def _properties_key(base: Sequence[El]) -> str:
    """What must be equal for two paragraphs' properties to count as unchanged.

    A list's instance id is left out, as each document numbers its own lists (the level and
    being in a list at all count here, and how the level numbers is compared apart).
    """
    parts = []
    for child in base:
        level = xml.list_level_of_numpr(child)
        if level is not None:
            parts.append(f"numPr:{level}")
        else:
            parts.append(xml.fingerprint(child))
    return "\x1e".join(parts)


_Piece = tuple[str, _Atom, _Atom | None]
"""A unit of a redlined paragraph: 'ins', 'del', '' (kept) or 'fmt' (its formatting changed, then
with the old unit)."""

_Place = tuple[str, bool, bool]
"""A moved paragraph's move name, and whether it starts and ends the move's range."""


def _groups(pieces: Sequence[_Piece]) -> Iterator[tuple[tuple[str, El], list[_Piece]]]:
    """Consecutive pieces with the same change kind from the same run (and old formatting), together."""
    group: list[_Piece] = []
    key: tuple[str, El, str] | None = None
    for kind, atom, was in pieces:
        here = (kind, atom.run, was.props if was is not None else "")
        if key is not None and (here[0] != key[0] or here[1] is not key[1] or here[2] != key[2]):
            yield (key[0], key[1]), group
            group = []
        key = here
        group.append((kind, atom, was))
    if key is not None and group:
        yield (key[0], key[1]), group


def _run_from(source: El, atoms: Sequence[_Atom], *, deleted: bool) -> El:
    """A run with `source`'s properties holding `atoms`: words joined into one text, other children copied."""
    parts: list[str | El] = []
    for atom in atoms:
        if atom.text is not None:
            parts.append(atom.text)
        else:
            assert atom.element is not None  # an atom without text is a run child
            parts.append(atom.element)
    return xml.redline_run(source, parts, deleted=deleted)


def _opened(doc: Document, options: RenderOptions) -> WordDocument:
    from pccplan.opc.parts import open_document

    return open_document(render(doc, options))


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
    trees, author and date always give the same bytes. A paragraph moved unchanged is marked
    moved (`w:moveFrom` where it was, `w:moveTo` where it is), words or a paragraph whose
    formatting alone changed carry their old formatting (`w:rPrChange`, `w:pPrChange`), and
    footnotes are compared word by word in the footnotes part. Headers and footers are the new
    document's, unmarked; a table of contents is the new one's (Word rebuilds it).
    """
    if not isinstance(author, str) or not author.strip():
        raise ValidationError.one("author", "must be a name, not empty", author, "compare")
    when = change_date(date)
    options = options or RenderOptions()
    before, after = _Side(_opened(old, options)), _Side(_opened(new, options))
    marks = _Marks(author=author, date=when, first_id=xml.first_free_id(after.body))
    _Redline(before, after, marks).blocks(before.body, after.body)
    return package_bytes(after.document.part.package)
