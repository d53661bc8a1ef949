"""Package parts of the Open Packaging Conventions: content types, relationships, document properties.

These parts belong to the zip package (ISO/IEC 29500-2), not to WordprocessingML, so none of them
holds a `w:` element; those are made in `xml.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from lxml import etree

__all__ = [
    "CONTENT_TYPE_NS",
    "RELATIONSHIPS_NS",
    "app_properties",
    "content_types",
    "core_properties",
    "part_bytes",
    "relationships",
]

El = etree._Element

CONTENT_TYPE_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
"""The namespace of `[Content_Types].xml`."""

RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
"""The namespace of a relationships part (`_rels/*.rels`)."""

_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def _default_ns(uri: str) -> Any:
    """An nsmap making `uri` the default namespace (lxml-stubs do not allow the None key)."""
    return {None: uri}


def part_bytes(element: El) -> bytes:
    """An element serialised as a standalone UTF-8 XML part, as Word writes its parts."""
    return etree.tostring(element, encoding="UTF-8", xml_declaration=True, standalone=True)


def core_properties(
    *,
    title: str,
    subject: str | None,
    author: str,
    keywords: Sequence[str],
    description: str | None,
    language: str,
    date: dt.date | None,
) -> El:
    """The core properties (`docProps/core.xml`); `date` stamps created and modified (none when None)."""
    root = etree.Element(
        f"{{{_CP}}}coreProperties", nsmap={"cp": _CP, "dc": _DC, "dcterms": _DCTERMS, "xsi": _XSI}
    )

    def add(ns: str, local: str, value: str) -> El:
        el = etree.SubElement(root, f"{{{ns}}}{local}")
        el.text = value
        return el

    add(_DC, "title", title)
    if subject:
        add(_DC, "subject", subject)
    add(_DC, "creator", author)
    if keywords:
        add(_CP, "keywords", ", ".join(keywords))
    if description:
        add(_DC, "description", description)
    add(_DC, "language", language)
    if date is not None:
        stamp = f"{date.isoformat()}T00:00:00Z"
        for local in ("created", "modified"):
            add(_DCTERMS, local, stamp).set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
    return root


def app_properties(*, application: str) -> El:
    """Minimal extended properties (`docProps/app.xml`): the application only, no template name."""
    root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap=_default_ns(_EXTENDED))
    etree.SubElement(root, f"{{{_EXTENDED}}}Application").text = application
    return root


def content_types(defaults: Mapping[str, str], overrides: Mapping[str, str]) -> bytes:
    """`[Content_Types].xml` from extension defaults and part-name overrides, in sorted order."""
    ns = CONTENT_TYPE_NS
    root = etree.Element(f"{{{ns}}}Types", nsmap=_default_ns(ns))
    for ext in sorted(defaults):
        etree.SubElement(root, f"{{{ns}}}Default", Extension=ext, ContentType=defaults[ext])
    for partname in sorted(overrides):
        etree.SubElement(root, f"{{{ns}}}Override", PartName=partname, ContentType=overrides[partname])
    return part_bytes(root)


def relationships(targets: Sequence[tuple[str, str, str]]) -> bytes:
    """A relationships part from (id, relationship type URI, target) triples, in the given order."""
    ns = RELATIONSHIPS_NS
    root = etree.Element(f"{{{ns}}}Relationships", nsmap=_default_ns(ns))
    for rid, reltype, target in targets:
        etree.SubElement(root, f"{{{ns}}}Relationship", Id=rid, Type=reltype, Target=target)
    return part_bytes(root)
