"""Opening a .docx safely (through `pccplan.opc`) and reading each of its parts into DOCX-shaped facts.

The facts are in `pccplan.read.facts`, the styles and list parts are read by
`pccplan.read.styles` and `pccplan.read.numbering`, the stories (body, notes, headers) by
`pccplan.read.story`; the names are all importable from here too, as they were before the split.
"""

from __future__ import annotations

import os

from lxml import etree

from pccplan.opc.limits import Limits
from pccplan.opc.package import Package, Rel, check_package, load, main_part, of_type
from pccplan.read import facts
from pccplan.read.facts import *  # noqa: F403 (the fact types stay importable from here, as before the split)
from pccplan.read.facts import CoreProperties, DocxFacts
from pccplan.read.numbering import read_numbering
from pccplan.read.story import Story, headers_and_footers, read_notes
from pccplan.read.styles import read_styles
from pccplan.read.wordml import El, text_of, w

__all__ = ["check_package", "parse_docx"]
__all__ += facts.__all__

_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def _core(root: El | None) -> CoreProperties:
    if root is None:
        return CoreProperties()

    def get(ns: str, local: str) -> str | None:
        return text_of(root.find(f"{{{ns}}}{local}"))

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
    if root.tag != w("document"):
        raise package.error(
            f"not a .docx: its main part holds {etree.QName(root).localname!r}, not a document"
        )
    body = root.find(w("body"))
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
    story = Story(package, rels, counts)
    body_blocks = story.blocks(body)
    notes = read_notes(Story(package, notes_rels, counts), notes_root, "footnote")
    endnotes = read_notes(Story(package, endnotes_rels, counts), endnotes_root, "endnote")
    headers, footers = headers_and_footers(package, body, rels, counts)
    core_target = of_type(package.rels(""), "core-properties")
    core = _core(package.xml(core_target) if core_target else None)
    return DocxFacts(
        name=label,
        core=core,
        styles=read_styles(styles_root),
        numbering=read_numbering(numbering_root),
        body=body_blocks,
        notes=notes,
        endnotes=endnotes,
        headers=headers,
        footers=footers,
        changes=counts.get("changes", 0),
        comments=counts.get("comments", 0),
    )
