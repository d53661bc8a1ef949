"""Attaching a .docx inside the output: its body after the host's, its styles and numbering kept apart.

Why not docxcompose (the well-kept library for this, MIT, on PyPI): its `Composer` maps an
appended document's styles onto the host's by name, so an appendix's 'Heading 1' takes the
host's look; with `preserve_styles=True` it renames clashing styles, but then sets every
style reference inside a body element to the last style it renamed (composer.py 2.2.0,
`add_styles`), so a table's cells all take one paragraph style; and it keeps Office's
extension markup (`w14:` attributes, `mc:AlternateContent`) that the host, written by
pccplan without `mc:Ignorable`, may not carry. It also brings in `babel`. What pccplan needs
is smaller and checkable: every clashing style renamed, the appendix's own defaults made
into its own paragraph style, numbering ids moved past the host's, images, links and
footnotes copied, and the result valid by the ISO/IEC 29500 schemas (docs/dev/merging.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from lxml import etree

from pccplan.compose.tree import AttachedFile
from pccplan.errors import RenderError
from pccplan.render.docx import xml
from pccplan.render.docx.package import open_template

if TYPE_CHECKING:
    from pccplan.opc.parts import Part, WordDocument

__all__ = ["Attachments", "attach"]

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL_IDS = (f"{{{_R}}}id", f"{{{_R}}}embed", f"{{{_R}}}link", f"{{{_R}}}pict")
_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def _relink(elements: Sequence[xml.El], target: Part, source: Part, number: int) -> None:
    """Every relationship the elements use, from appendix part `source`, made again from `target`."""
    from pccplan.opc.parts import PackURI, Part

    made: dict[str, str] = {}
    package = target.package
    for element in elements:
        for node in element.iter():
            for attribute in _REL_IDS:
                rid = node.get(attribute)
                if rid is None:
                    continue
                if rid not in made:
                    rel = source.rels.get(rid)
                    if rel is None:
                        del node.attrib[attribute]
                        continue
                    if rel.reltype == _HYPERLINK and rel.is_external:
                        made[rid] = target.relate_to(rel.target_ref, _HYPERLINK, is_external=True)
                    elif rel.reltype == _IMAGE and not rel.is_external:
                        part = rel.target_part
                        ext = part.partname.ext
                        taken = {str(p.partname) for p in package.iter_parts()}
                        image = 1
                        while f"/word/media/appendix{number}-image{image}.{ext}" in taken:
                            image += 1
                        name = PackURI(f"/word/media/appendix{number}-image{image}.{ext}")
                        copied = Part(name, part.content_type, part.blob, package)
                        made[rid] = target.relate_to(copied, _IMAGE)
                    else:
                        what = rel.reltype.rsplit("/", 1)[-1]
                        raise RenderError(
                            f"appendix {number}: holds a part pccplan cannot attach yet ({what})"
                        )
                node.set(attribute, made[rid])


_STYLE_MARK = re.compile(r"[A-Za-z][A-Za-z0-9]{0,7}")  # fits a style id; a digit-only label could be a number


def attach(
    host: WordDocument,
    appendix: WordDocument,
    *,
    number: int,
    name: str | None = None,
    numbering: Callable[[], xml.El],
    footnotes: Callable[[], tuple[xml.El, Part]],
) -> list[xml.El]:
    """The body elements of `appendix` (the `number`-th attached) made ready to go into `host`.

    Its styles are copied into the host's, renamed where they clash, marked with `name` (its
    label) or else its number: 'Heading1' becomes 'Heading1AppendixB', 'heading 1 (Appendix B)'.
    Its paragraphs with no style take its own default style, which carries its document
    defaults: the appendix keeps its look.
    Its lists get ids past the host's (`numbering()` gives the host's numbering root), its
    images, links and footnotes are copied (`footnotes()` gives the host's footnotes root and
    part). Comments, endnotes and section breaks are left out; a part pccplan cannot copy (a
    chart, an embedded object) raises `RenderError`. The WordprocessingML work is
    `xml.Attachment`'s; this function moves the parts and relationships.
    """
    from pccplan.opc.parts import RELATIONSHIP_TYPE as RT

    job = xml.Attachment(number, name)
    job.copy_styles(host.styles.element, appendix.styles.element)
    try:
        source_numbering = appendix.part.numbering_part.element
    except NotImplementedError:  # python-docx: the appendix has no numbering part
        source_numbering = None
    if source_numbering is not None:
        job.copy_numbering(source_numbering, numbering, host.styles.element)
    elements = job.body(appendix.element.body, host.element.body)
    _relink(elements, host.part, appendix.part, number)
    try:
        notes_part = appendix.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        notes_part = None
    notes_root = etree.fromstring(notes_part.blob) if notes_part is not None else None
    copies = job.copy_notes(elements, notes_root, lambda: footnotes()[0])
    if copies and notes_part is not None:
        _relink(copies, footnotes()[1], notes_part, number)
    return elements


class Attachments:
    """The Word files one render attaches, numbered in order (each number keeps its styles apart).

    A tree's `AttachedFile` is marked where it stands (`mark`) while the body is written, and
    attached there once the body, its lists and its notes are complete (`attach_marked`), so
    the appendix's list, note, bookmark and drawing ids start past every one the host uses.
    """

    def __init__(self) -> None:
        self.count = 0
        self._marked: list[tuple[xml.El, AttachedFile]] = []
        self._names: set[str] = set()  # the marks given so far: two files never share one

    def next_number(self) -> int:
        """The number of the next document attached (1 for the first)."""
        self.count += 1
        return self.count

    def name_for(self, label: str, number: int) -> str:
        """What the styles of appendix `label`, attached `number`-th, are marked with: the label
        when it is short letters and digits ('B') and no other attached file took it, else the number."""
        name = label if _STYLE_MARK.fullmatch(label) and label not in self._names else str(number)
        self._names.add(name)
        return name

    def mark(self, block: AttachedFile) -> xml.El:
        """An empty paragraph standing where `block`'s document goes, until `attach_marked`."""
        marker = xml.paragraph([])
        self._marked.append((marker, block))
        return marker

    def attach_marked(
        self,
        host: WordDocument,
        *,
        numbering: Callable[[], xml.El],
        footnotes: Callable[[], tuple[xml.El, Part]],
    ) -> None:
        """Each marked file's body in place of its mark; `RenderError` names the appendix and the file.

        A file that is missing, unreadable or not a Word document is refused as the reader refuses
        it (`pccplan.opc.check_package`), before anything is written.
        """
        for marker, block in self._marked:
            try:
                opened, _house = open_template(block.path, what="appendix")
            except RenderError as error:
                raise RenderError(f"Appendix {block.label}: {error}") from error
            number = self.next_number()
            name = self.name_for(block.label, number)
            elements = attach(
                host, opened, number=number, name=name, numbering=numbering, footnotes=footnotes
            )
            parent = marker.getparent()
            assert parent is not None  # the writer put it in the body
            at = parent.index(marker)
            parent.remove(marker)
            for offset, element in enumerate(elements):
                parent.insert(at + offset, element)
        self._marked.clear()
