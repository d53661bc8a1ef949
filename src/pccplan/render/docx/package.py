"""Opening a template package and writing a package as a byte-for-byte reproducible zip."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pccplan.errors import DocumentReadError, RenderError
from pccplan.opc.parts import CONTENT_TYPE, DEFAULT_CONTENT_TYPES, open_document
from pccplan.render.docx import opc, xml

if TYPE_CHECKING:
    from pccplan.opc.parts import Package, Part, WordDocument

__all__ = ["ZIP_TIME", "open_template", "package_bytes", "zip_members"]

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every zip member's timestamp, so the same input gives the same bytes (the zip format's epoch)."""

# A4 in twips with 2.54 cm side margins and 2 cm top and bottom, headers 1.25 cm from the edge.
A4_PAGE = {
    "width": 11906,
    "height": 16838,
    "top": 1134,
    "right": 1440,
    "bottom": 1134,
    "left": 1440,
    "header": 709,
    "footer": 709,
    "gutter": 0,
}


def zip_members(members: list[tuple[str, bytes]]) -> bytes:
    """A zip of `members` in the given order, every entry with the same timestamp and mode."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data)
    return out.getvalue()


def open_template(
    template: Path | str | bytes | None, *, what: str = "template"
) -> tuple[WordDocument, bool]:
    """The opened document for `template` (`pccplan.opc.parts`) and whether it is the house template.

    ``None`` opens the writer's own minimal package; a path or bytes opens the caller's
    reference .docx, which is first checked exactly as the reader checks a file it reads
    (`pccplan.opc.check_package`, within the default `Limits`): a template is
    a file from outside, so a zip bomb or a million-entry zip is refused before its parts
    are unpacked. Anything that is not a readable Word document, or passes a limit,
    raises `RenderError` naming the file and the reason.
    """
    if template is None:
        return open_document(xml.base_package_parts(page=A4_PAGE)), True
    # The reader and the writer are both top layers; the one hardened opening of a Word
    # package lives in the reader, imported when a caller's template is opened.
    from pccplan.opc.package import check_package

    name = f"{what} (bytes)" if isinstance(template, bytes) else str(template)
    try:
        data = check_package(template, name=name)
    except DocumentReadError as error:
        reason = str(error).removeprefix(f"{name}: ")
        raise RenderError(f"{name}: not a usable Word .docx {what} ({reason})") from error
    try:
        return open_document(data), False
    except Exception as error:  # a bad package raises many kinds (zip, KeyError, ValueError, XML syntax)
        raise RenderError(
            f"{name}: not a usable Word .docx {what} ({type(error).__name__}: {error})"
        ) from error


def _parts(package: Package) -> list[Part]:
    """Every part reachable from the package relationships, sorted by part name."""
    seen: dict[str, Part] = {}
    stack: list[Package | Part] = [package]
    while stack:
        source = stack.pop()
        for rel in source.rels.values():
            if rel.is_external:
                continue
            part = rel.target_part
            if str(part.partname) not in seen:
                seen[str(part.partname)] = part
                stack.append(part)
    return [seen[name] for name in sorted(seen)]


def _as_bytes(value: str | bytes) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else value


def package_bytes(package: Package, *, markup: Mapping[str, Sequence[bytes]] | None = None) -> bytes:
    """The package as .docx bytes: content types, package rels, then each part and its rels.

    `markup` holds, by part name, the markup of each placeholder in that part (see
    `xml.placeholders`), put into the part's bytes in its place.
    """
    parts = _parts(package)
    defaults = {"rels": CONTENT_TYPE.OPC_RELATIONSHIPS, "xml": CONTENT_TYPE.XML}
    overrides: dict[str, str] = {}
    for part in parts:
        ext = part.partname.ext.lower()
        if (ext, part.content_type) in DEFAULT_CONTENT_TYPES:
            defaults[ext] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    members = [
        ("[Content_Types].xml", opc.content_types(defaults, overrides)),
        ("_rels/.rels", _as_bytes(package.rels.xml)),
    ]
    for part in parts:
        spliced = (markup or {}).get(str(part.partname))
        blob = xml.splice(part.blob, spliced) if spliced else part.blob
        members.append((part.partname.membername, blob))
        if len(part.rels):
            members.append((part.partname.rels_uri.membername, _as_bytes(part.rels.xml)))
    return zip_members(members)
