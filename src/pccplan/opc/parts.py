"""A Word package as parts and relationships to edit and write: python-docx's model, the pieces used.

The writer used to open its template with python-docx, which costs a command most of a tenth
of a second to import (its many element classes) for a package it only walks. This module
keeps the same names and behaviour (`Part`, `XmlPart`, `PackURI`, relationships added with
the first free id, parts walked from the package's relationships) with plain lxml, so the
same input still gives the same bytes: XML parts are parsed with python-docx's options (blank
text removed, no entities) and serialised as it serialises them. Parts it does not model stay
as their bytes, exactly as python-docx keeps them.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable, Iterator, Mapping
from typing import TypeAlias

from lxml import etree

__all__ = [
    "CONTENT_TYPE",
    "DEFAULT_CONTENT_TYPES",
    "RELATIONSHIP_TYPE",
    "PackURI",
    "Package",
    "Part",
    "Rel",
    "Rels",
    "WordDocument",
    "XmlPart",
    "open_document",
    "parse_xml",
]

El: TypeAlias = etree._Element

_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."


class RELATIONSHIP_TYPE:  # noqa: N801 - python-docx's name, so the writer reads as before
    """The relationship types the writer and the appendix merger use (ISO/IEC 29500-2)."""

    CORE_PROPERTIES = _PACKAGE + "core-properties"
    EXTENDED_PROPERTIES = _OFFICE + "extended-properties"
    FOOTER = _OFFICE + "footer"
    FOOTNOTES = _OFFICE + "footnotes"
    HEADER = _OFFICE + "header"
    HYPERLINK = _OFFICE + "hyperlink"
    IMAGE = _OFFICE + "image"
    NUMBERING = _OFFICE + "numbering"
    OFFICE_DOCUMENT = _OFFICE + "officeDocument"
    SETTINGS = _OFFICE + "settings"
    STYLES = _OFFICE + "styles"
    THUMBNAIL = _PACKAGE + "thumbnail"


class CONTENT_TYPE:  # noqa: N801 - python-docx's name, so the writer reads as before
    """The content types the writer gives the parts it makes, and those it parses."""

    OFC_EXTENDED_PROPERTIES = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
    OPC_CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
    OPC_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"
    WML_COMMENTS = _WML + "comments+xml"
    WML_DOCUMENT_MAIN = _WML + "document.main+xml"
    WML_FOOTER = _WML + "footer+xml"
    WML_FOOTNOTES = _WML + "footnotes+xml"
    WML_HEADER = _WML + "header+xml"
    WML_NUMBERING = _WML + "numbering+xml"
    WML_SETTINGS = _WML + "settings+xml"
    WML_STYLES = _WML + "styles+xml"
    XML = "application/xml"


DEFAULT_CONTENT_TYPES: frozenset[tuple[str, str]] = frozenset(
    {
        ("bin", "application/vnd.openxmlformats-officedocument.presentationml.printerSettings"),
        ("bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"),
        ("bin", "application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"),
        ("bmp", "image/bmp"),
        ("emf", "image/x-emf"),
        ("fntdata", "application/x-fontdata"),
        ("gif", "image/gif"),
        ("jpe", "image/jpeg"),
        ("jpeg", "image/jpeg"),
        ("jpg", "image/jpeg"),
        ("png", "image/png"),
        ("rels", CONTENT_TYPE.OPC_RELATIONSHIPS),
        ("tif", "image/tiff"),
        ("tiff", "image/tiff"),
        ("wdp", "image/vnd.ms-photo"),
        ("wmf", "image/x-wmf"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("xml", CONTENT_TYPE.XML),
    }
)
"""The (extension, content type) pairs written as a `Default` in `[Content_Types].xml` (python-docx's)."""

# The parts python-docx parses (and so writes back re-serialised); every other part keeps its bytes.
_XML_PARTS = frozenset(
    {
        CONTENT_TYPE.OPC_CORE_PROPERTIES,
        CONTENT_TYPE.WML_COMMENTS,
        CONTENT_TYPE.WML_DOCUMENT_MAIN,
        CONTENT_TYPE.WML_FOOTER,
        CONTENT_TYPE.WML_HEADER,
        CONTENT_TYPE.WML_NUMBERING,
        CONTENT_TYPE.WML_SETTINGS,
        CONTENT_TYPE.WML_STYLES,
    }
)

oxml_parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
"""python-docx's parser options: blank text between elements dropped, entities never expanded."""


def parse_xml(text: str | bytes) -> El:
    """An element parsed from `text` with `oxml_parser`."""
    return etree.fromstring(text, oxml_parser)


def _serialise(element: El) -> bytes:
    return etree.tostring(element, encoding="UTF-8", standalone=True)


class PackURI(str):
    """A part name ('/word/document.xml'), with the pieces of it a package needs."""

    __slots__ = ()

    def __new__(cls, name: str) -> PackURI:
        if not name.startswith("/"):
            raise ValueError(f"PackURI must begin with slash, got '{name}'")
        return str.__new__(cls, name)

    @staticmethod
    def from_rel_ref(base: str, ref: str) -> PackURI:
        """The part name that relative reference `ref` names from folder `base`."""
        return PackURI(posixpath.abspath(posixpath.join(base, ref)))

    @property
    def baseURI(self) -> str:  # noqa: N802 - python-docx's name
        """The folder of the part ('/word')."""
        return posixpath.split(self)[0]

    @property
    def ext(self) -> str:
        """The extension, without its dot ('xml')."""
        raw = posixpath.splitext(self)[1]
        return raw[1:] if raw.startswith(".") else raw

    @property
    def membername(self) -> str:
        """The zip member's name: the part name without its leading slash."""
        return self[1:]

    def relative_ref(self, base: str) -> str:
        """The reference to this part from folder `base`, as a relationship's target."""
        return self[1:] if base == "/" else posixpath.relpath(self, base)

    @property
    def rels_uri(self) -> PackURI:
        """The part name of this part's relationships ('/word/_rels/document.xml.rels')."""
        return PackURI(posixpath.join(self.baseURI, "_rels", f"{posixpath.split(self)[1]}.rels"))


class Rel:
    """One relationship: its id, type, and target (a part, or a URL when external)."""

    __slots__ = ("_base", "is_external", "rId", "reltype", "target")

    def __init__(self, rid: str, reltype: str, target: Part | str, base: str, external: bool) -> None:
        self.rId = rid
        self.reltype = reltype
        self.target = target
        self._base = base
        self.is_external = external

    @property
    def target_part(self) -> Part:
        """The part this relationship points at (an external one has none)."""
        if isinstance(self.target, str):
            raise ValueError("an external relationship has no target part")
        return self.target

    @property
    def target_ref(self) -> str:
        """The target as written in the relationships part: a URL, or a reference relative to the source."""
        if isinstance(self.target, str):
            return self.target
        return self.target.partname.relative_ref(self._base)


class Rels(dict[str, Rel]):
    """The relationships of a part or of the package, by id, in the order they are written."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self._base = base

    def add_relationship(self, reltype: str, target: Part | str, rid: str, is_external: bool = False) -> Rel:
        """Add a relationship with id `rid` (replacing one of that id)."""
        rel = Rel(rid, reltype, target, self._base, is_external)
        self[rid] = rel
        return rel

    def _next_rid(self) -> str:
        """The first free 'rIdN', filling gaps as python-docx does."""
        n = 1
        while f"rId{n}" in self:
            n += 1
        return f"rId{n}"

    def get_or_add(self, reltype: str, target: Part | str, *, is_external: bool = False) -> str:
        """The id of the relationship of `reltype` to `target`, added with the first free id if absent."""
        for rel in self.values():
            if rel.reltype == reltype and rel.is_external == is_external and rel.target == target:
                return rel.rId
        return self.add_relationship(reltype, target, self._next_rid(), is_external).rId

    def part_with_reltype(self, reltype: str) -> Part:
        """The one part related by `reltype`: `KeyError` when none, `ValueError` when several."""
        found = [rel for rel in self.values() if rel.reltype == reltype]
        if not found:
            raise KeyError(f"no relationship of type '{reltype}' in collection")
        if len(found) > 1:
            raise ValueError(f"multiple relationships of type '{reltype}' in collection")
        return found[0].target_part

    @property
    def xml(self) -> bytes:
        """The relationships part, as python-docx writes it."""
        root = etree.Element(f"{{{_PR}}}Relationships", nsmap={None: _PR})  # type: ignore[dict-item]
        for rel in self.values():
            el = etree.SubElement(root, f"{{{_PR}}}Relationship")
            el.set("Id", rel.rId)
            el.set("Type", rel.reltype)
            el.set("Target", rel.target_ref)
            if rel.is_external:
                el.set("TargetMode", "External")
        return _serialise(root)


class _Related:
    """What a part and the package share: relationships to other parts."""

    rels: Rels

    def relate_to(self, target: Part | str, reltype: str, is_external: bool = False) -> str:
        """The id of a relationship of `reltype` to `target`, made if there is none."""
        return self.rels.get_or_add(reltype, target, is_external=is_external)

    def part_related_by(self, reltype: str) -> Part:
        """The one part related by `reltype` (`KeyError` when there is none)."""
        return self.rels.part_with_reltype(reltype)


class Part(_Related):
    """A part kept as its bytes."""

    def __init__(self, partname: PackURI, content_type: str, blob: bytes | None, package: Package) -> None:
        self.partname = partname
        self.content_type = content_type
        self._blob = blob
        self.package = package
        self.rels = Rels(partname.baseURI)

    @property
    def blob(self) -> bytes:
        """The part's bytes."""
        return self._blob or b""


class XmlPart(Part):
    """A part held as its parsed root `element`, serialised when the package is written."""

    def __init__(self, partname: PackURI, content_type: str, element: El, package: Package) -> None:
        super().__init__(partname, content_type, None, package)
        self.element = element

    @property
    def blob(self) -> bytes:
        """The part's XML, with a standalone declaration, as Word writes it."""
        return _serialise(self.element)


class _Holder:
    """python-docx's proxies (`document.styles`, `.settings`) reduced to what is used: the root."""

    __slots__ = ("element",)

    def __init__(self, element: El) -> None:
        self.element = element


class _DocumentRoot:
    """The main part's root as the writer reaches it: `document.element.body`."""

    __slots__ = ("body", "root")

    def __init__(self, root: El) -> None:
        self.root = root
        self.body: El = root.find(f"{{{_W}}}body")  # type: ignore[assignment]


def _default_part(package: Package, name: str, content_type: str, template: str) -> XmlPart:
    """python-docx's default part for a template without one, from its own template file.

    Only a caller's template can lack styles or settings; python-docx's file is read from where
    the package is installed, without importing it.
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("docx")
    assert spec is not None  # python-docx is a dependency of pccplan
    assert spec.submodule_search_locations
    path = Path(next(iter(spec.submodule_search_locations))) / "templates" / template
    return XmlPart(PackURI(name), content_type, parse_xml(path.read_bytes()), package)


class DocumentPart(XmlPart):
    """The main document part, with the parts python-docx finds (or makes) for it."""

    def _related_or_default(self, reltype: str, name: str, content_type: str, template: str) -> XmlPart:
        try:
            found = self.part_related_by(reltype)
        except KeyError:
            made = _default_part(self.package, name, content_type, template)
            self.relate_to(made, reltype)
            return made
        assert isinstance(found, XmlPart)  # styles and settings parts are always parsed
        return found

    @property
    def numbering_part(self) -> XmlPart:
        """The numbering part; `NotImplementedError` when there is none, as python-docx raises."""
        try:
            found = self.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
        except KeyError:
            raise NotImplementedError("a document without a numbering part") from None
        assert isinstance(found, XmlPart)
        return found


class WordDocument:
    """An opened Word document: its main `part`, and the roots of its body, styles and settings."""

    def __init__(self, part: DocumentPart) -> None:
        self.part = part
        self.element = _DocumentRoot(part.element)

    @property
    def styles(self) -> _Holder:
        """The styles part's root as `.element` (python-docx's default styles when there are none)."""
        made = self.part._related_or_default(
            RELATIONSHIP_TYPE.STYLES, "/word/styles.xml", CONTENT_TYPE.WML_STYLES, "default-styles.xml"
        )
        return _Holder(made.element)

    @property
    def settings(self) -> _Holder:
        """The settings part's root as `.element` (python-docx's default settings when there are none)."""
        made = self.part._related_or_default(
            RELATIONSHIP_TYPE.SETTINGS,
            "/word/settings.xml",
            CONTENT_TYPE.WML_SETTINGS,
            "default-settings.xml",
        )
        return _Holder(made.element)


class Package(_Related):
    """The package: its own relationships, and the parts reached from them."""

    def __init__(self) -> None:
        self.rels = Rels("/")

    def iter_parts(self) -> Iterator[Part]:
        """Every part reachable from the package's relationships, depth first, each once."""
        seen: set[int] = set()

        def walk(source: _Related) -> Iterator[Part]:
            for rel in source.rels.values():
                if rel.is_external:
                    continue
                part = rel.target_part
                if id(part) in seen:
                    continue
                seen.add(id(part))
                yield part
                yield from walk(part)

        return walk(self)

    def next_partname(self, template: str) -> PackURI:
        """The first free part name made by putting 1, 2, ... into `template` ('/word/header%d.xml')."""
        names = {part.partname for part in self.iter_parts()}
        n = 1
        while template % n in names:
            n += 1
        return PackURI(template % n)


def _content_types(read: Callable[[str], bytes]) -> tuple[dict[str, str], dict[str, str]]:
    """The defaults by lower-cased extension and the overrides by lower-cased part name."""
    root = parse_xml(read("[Content_Types].xml"))
    defaults = {
        el.get("Extension", "").lower(): el.get("ContentType", "") for el in root.iter(f"{{{_CT}}}Default")
    }
    overrides = {
        el.get("PartName", "").lower(): el.get("ContentType", "") for el in root.iter(f"{{{_CT}}}Override")
    }
    return defaults, overrides


def _rels_of(read: Callable[[str], bytes], source: PackURI) -> list[tuple[str, str, str, bool]]:
    """The (id, type, target, external) relationships `source` has in the package, in their order."""
    try:
        data = read(source.rels_uri.membername)
    except KeyError:
        return []
    return [
        (el.get("Id", ""), el.get("Type", ""), el.get("Target", ""), el.get("TargetMode") == "External")
        for el in parse_xml(data).iter(f"{{{_PR}}}Relationship")
    ]


def open_document(data: bytes | Mapping[str, bytes]) -> WordDocument:
    """The Word document in .docx bytes `data` (or its members by name), opened as python-docx opens one.

    Every part reached from the package's relationships is loaded: the ones python-docx models
    as XML are parsed, the rest kept as bytes. Raises what python-docx raises for a package it
    cannot open: `KeyError` for a missing part or content type, `ValueError` when the main part
    is not a Word document, lxml's `XMLSyntaxError` for XML it cannot parse.
    """
    read = zipfile.ZipFile(io.BytesIO(data)).read if isinstance(data, bytes) else data.__getitem__
    defaults, overrides = _content_types(read)
    package = Package()
    parts: dict[str, Part] = {}

    def load(source: _Related, name: PackURI) -> None:
        for rid, reltype, target, external in _rels_of(read, name):
            if external:
                source.rels.add_relationship(reltype, target, rid, True)
                continue
            partname = PackURI.from_rel_ref(name.baseURI, target)
            part = parts.get(partname)
            if part is None:
                content_type = overrides.get(partname.lower()) or defaults.get(partname.ext.lower())
                if content_type is None:
                    raise KeyError(f"no content type for partname '{partname}' in [Content_Types].xml")
                part = _made(partname, content_type, reltype, read(partname.membername), package)
                parts[partname] = part
                load(part, partname)
            source.rels.add_relationship(reltype, part, rid, False)

    load(package, PackURI("/"))
    main = package.part_related_by(RELATIONSHIP_TYPE.OFFICE_DOCUMENT)
    if not isinstance(main, DocumentPart):
        raise ValueError(f"file is not a Word file, content type is '{main.content_type}'")
    return WordDocument(main)


def _made(partname: PackURI, content_type: str, reltype: str, blob: bytes, package: Package) -> Part:
    """The part for `blob`: parsed when python-docx parses its content type, else kept as bytes."""
    if reltype == RELATIONSHIP_TYPE.IMAGE or content_type not in _XML_PARTS:
        return Part(partname, content_type, blob, package)
    if content_type == CONTENT_TYPE.WML_DOCUMENT_MAIN:
        return DocumentPart(partname, content_type, parse_xml(blob), package)
    return XmlPart(partname, content_type, parse_xml(blob), package)
