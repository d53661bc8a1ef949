"""A Word package opened within limits: the file, the zip's end records, parts, XML and relationships.

The reader and the writer's templates both open a caller's .docx through here, so a hostile
file meets the same checks whichever way it comes in (issue 11, R3 and R4).
"""

from __future__ import annotations

import io
import os
import posixpath
import stat
import struct
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import TypeAlias
from urllib.parse import unquote

import attrs
from lxml import etree

from pccplan.errors import DocumentReadError
from pccplan.opc.limits import DIRECTORY_ENTRY_BYTES, Limits

__all__ = [
    "OFFICE_DOCUMENT",
    "STRICT_OFFICE_DOCUMENT",
    "Package",
    "Rel",
    "check_package",
    "load",
    "main_part",
    "of_type",
    "resolve",
    "xml_members",
]

El: TypeAlias = etree._Element

_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT = _REL + "officeDocument"
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_OTHER_OFFICE = {
    "spreadsheetml": "an Excel workbook",
    "presentationml": "a PowerPoint presentation",
}


@attrs.frozen
class Rel:
    """One relationship of a part: its type, its target (a member name, or a URL when external)."""

    reltype: str
    target: str
    external: bool


class Package:
    """An opened zip, read within `limits`: members by name, XML parts, relationships."""

    def __init__(self, name: str, data: bytes, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.unpacked = 0
        self._refuse_other_formats(data)
        self._refuse_large_directory(data)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            ValueError,
            EOFError,
            OSError,
            struct.error,
        ) as error:
            raise self.error(
                f"not a .docx: not a zip file, or a damaged or truncated one ({error})"
            ) from None
        except (UnicodeDecodeError, NotImplementedError, RuntimeError, KeyError, IndexError) as error:
            raise self.error(f"not a .docx: the zip's directory is damaged ({error})") from None
        if len(infos) > limits.members:
            raise self.error(f"refused: the zip holds {len(infos)} parts, more than {limits.members}")
        self.members: dict[str, zipfile.ZipInfo] = {}
        declared = 0
        for info in infos:
            key = info.filename.lower()
            if key in self.members:
                raise self.error(f"not a valid .docx: it holds two parts named {info.filename!r}")
            self.members[key] = info
            declared += info.file_size
            self._check_member(info)
        if declared > limits.total_bytes:
            raise self.error(
                f"refused as a possible zip bomb: its parts unpack to {declared:,} bytes, "
                f"more than the limit of {limits.total_bytes:,}"
            )

    def error(self, reason: str) -> DocumentReadError:
        """The reader's error for this file."""
        return DocumentReadError(f"{self.name}: {reason}")

    def _refuse_other_formats(self, data: bytes) -> None:
        if not data:
            raise self.error("not a .docx: the file is empty")
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise self.error(
                "not a .docx: this is an older Word .doc file, or a password-protected document; "
                "open it in Word and save it as a Word Document (.docx) without a password"
            )
        if data.startswith(b"%PDF"):
            raise self.error("not a .docx: this is a PDF")
        if data.lstrip()[:5].lower() in (b"{\\rtf", b"<html", b"<!doc", b"<?xml"):
            raise self.error("not a .docx: this is a text, RTF or HTML file, not a Word zip package")

    def _refuse_large_directory(self, data: bytes) -> None:
        """Refuse a zip whose end record declares too many members, or too large a directory.

        `zipfile` reads and parses the whole central directory before it can say how many
        members there are, which for a million entries costs seconds and hundreds of MiB.
        The end records declare the count and the directory's size; both are checked here
        first. `zipfile` parses as many bytes of directory as the record declares, whatever
        its count says, so the size is what bounds the work.
        """
        budget = self.limits.members * DIRECTORY_ENTRY_BYTES
        for entries, size in _end_records(data):
            if entries > self.limits.members:
                raise self.error(
                    f"refused: the zip declares {entries:,} parts, more than {self.limits.members}"
                )
            if size > budget:
                raise self.error(
                    f"refused: the zip's directory is {size:,} bytes, more than {budget:,} "
                    f"({self.limits.members} parts of {DIRECTORY_ENTRY_BYTES} bytes)"
                )

    def _check_member(self, info: zipfile.ZipInfo) -> None:
        limits = self.limits
        if info.flag_bits & 0x1:
            raise self.error(f"refused: part {info.filename!r} is encrypted (password-protected)")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise self.error(
                f"refused: part {info.filename!r} uses a compression method Word does not "
                f"({info.compress_type})"
            )
        if info.file_size > limits.part_bytes:
            raise self.error(
                f"refused as a possible zip bomb: part {info.filename!r} unpacks to "
                f"{info.file_size:,} bytes, more than the limit of {limits.part_bytes:,}"
            )
        if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise self.error(
                f"refused as a possible zip bomb: part {info.filename!r} is compressed "
                f"{info.file_size // max(info.compress_size, 1):,} to 1, more than {limits.ratio} to 1"
            )

    def has(self, member: str) -> bool:
        """Whether the zip holds `member` (part names are not case-sensitive)."""
        return member.lower() in self.members

    def read(self, member: str) -> bytes:
        """The unpacked bytes of `member`, refused past the part or total limit while unpacking."""
        info = self.members.get(member.lower())
        if info is None:
            raise self.error(f"not a valid .docx: part {member!r} is missing")
        limit = min(self.limits.part_bytes, info.file_size)
        chunks: list[bytes] = []
        size = 0
        try:
            with self.zip.open(info) as stream:
                while True:
                    chunk = stream.read(65536)
                    if not chunk:
                        break
                    size += len(chunk)
                    self.unpacked += len(chunk)
                    if size > limit or self.unpacked > self.limits.total_bytes:
                        raise self.error(
                            f"refused as a possible zip bomb: part {member!r} unpacks to more than "
                            "its declared size or the reader's limits"
                        )
                    chunks.append(chunk)
        except DocumentReadError:
            raise
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            struct.error,
            NotImplementedError,
            RuntimeError,
            KeyError,
            IndexError,
        ) as error:
            raise self.error(f"damaged or truncated: part {member!r} cannot be unpacked ({error})") from None
        return b"".join(chunks)

    def xml(self, member: str) -> El:
        """Part `member` parsed as XML, safely: no entities, no DTD, no network, bounded depth."""
        data = self.read(member)
        head = data[:4096]
        if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
            raise self.error(
                f"refused: part {member!r} declares a DOCTYPE or entities, which Word never writes"
            )
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            load_dtd=False,
            dtd_validation=False,
            remove_comments=True,
            remove_pis=True,
        )
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as error:
            reason = str(error.msg or error)
            if "depth" in reason.lower():
                raise self.error(f"refused: part {member!r} nests XML too deeply ({reason})") from None
            raise self.error(f"damaged: part {member!r} is not well-formed XML ({reason})") from None
        except (ValueError, etree.ParserError) as error:
            raise self.error(f"damaged: part {member!r} is not well-formed XML ({error})") from None
        if root is None:
            raise self.error(f"damaged: part {member!r} is empty")
        info = root.getroottree().docinfo
        if getattr(info, "doctype", "") or getattr(info, "internalDTD", None) is not None:
            raise self.error(f"refused: part {member!r} declares a DOCTYPE, which Word never writes")
        deeper = "/*" * (self.limits.depth + 1)
        if root.xpath(f"boolean({deeper})"):
            raise self.error(
                f"refused: part {member!r} nests XML elements more than {self.limits.depth} deep"
            )
        return root

    def rels(self, part: str) -> dict[str, Rel]:
        """The relationships of `part` ('' for the package), targets resolved to member names.

        An internal relationship to a part the zip does not hold is refused: Word calls such
        a file corrupt.
        """
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        if not self.has(rels_name):
            return {}
        root = self.xml(rels_name)
        out: dict[str, Rel] = {}
        for rel in root.iterchildren(f"{{{_PKG_RELS}}}Relationship"):
            rid, reltype, target = rel.get("Id"), rel.get("Type"), rel.get("Target")
            if not rid or not reltype or target is None:
                continue
            if rel.get("TargetMode", "Internal") == "External":
                out[rid] = Rel(reltype, target, True)
                continue
            resolved = resolve(folder, target)
            if resolved is None or not self.has(resolved):
                raise self.error(f"damaged: {rels_name} points at {target!r}, which is not in the file")
            out[rid] = Rel(reltype, resolved, False)
        return out


_END = b"PK\x05\x06"
_END64 = b"PK\x06\x06"
_LOCATOR64 = b"PK\x06\x07"
_END_SIZE = 22  # the end of central directory record without its comment
_END64_SIZE = 56  # the zip64 end record without its extensible data
_LOCATOR64_SIZE = 20


def _end_records(data: bytes) -> list[tuple[int, int]]:
    """(entries, directory bytes) from the zip's end record and any zip64 end record, as declared.

    The end record is found as `zipfile` finds it: at the very end when the zip has no
    comment, else the last signature in the final 64 KiB. A zip64 locator just before it
    points at the zip64 record; it is read both where `zipfile` looks (just before the
    locator) and where the locator says, since Python versions differ, and every zip64
    record found counts (its values replace the end record's, as in `zipfile`). Empty when
    there is no end record (`zipfile` then says what is wrong).
    """
    at = len(data) - _END_SIZE
    if not (at >= 0 and data[at : at + 4] == _END and data[-2:] == b"\0\0"):
        at = data.rfind(_END, max(len(data) - 65536 - _END_SIZE, 0))
    if at < 0 or len(data) - at < _END_SIZE:
        return []
    found: list[tuple[int, int]] = []
    locator = at - _LOCATOR64_SIZE
    if locator >= 0 and data[locator : locator + 4] == _LOCATOR64:
        (offset,) = struct.unpack_from("<Q", data, locator + 8)
        for start in sorted({locator - _END64_SIZE, offset}):
            if 0 <= start <= len(data) - _END64_SIZE and data[start : start + 4] == _END64:
                entries, size = struct.unpack_from("<QQ", data, start + 32)
                found.append((entries, size))
    if not found:  # with a zip64 record, the end record's own fields are placeholders (0xFFFF)
        entries, size = struct.unpack_from("<HL", data, at + 10)
        found.append((entries, size))
    return found


def resolve(folder: str, target: str) -> str | None:
    """A relationship target as a zip member name, or ``None`` when it leaves the package."""
    target = unquote(target.split("#", 1)[0])
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    path = posixpath.normpath(path)
    if path.startswith("..") or path in ("", "."):
        return None
    return path


def of_type(rels: Mapping[str, Rel], suffix: str) -> str | None:
    """The target of the first internal relationship whose type ends in `suffix` ('styles'), if any."""
    for rel in rels.values():
        if not rel.external and rel.reltype.rsplit("/", 1)[-1] == suffix:
            return rel.target
    return None


def load(source: str | os.PathLike[str] | bytes, limits: Limits, name: str | None) -> tuple[str, bytes]:
    """(how errors name the file, its bytes): a regular file or bytes, no larger than the limit."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        label = name or "the document"
        if len(data) > limits.file_bytes:
            raise DocumentReadError(
                f"{label}: refused: {len(data):,} bytes, more than the limit of {limits.file_bytes:,}"
            )
        return label, data
    path = Path(source)
    label = name or str(path)
    try:
        status = path.stat()
        size = status.st_size
        if stat.S_ISDIR(status.st_mode):
            raise DocumentReadError(f"{label}: cannot read the file: it is a folder")
        if not stat.S_ISREG(status.st_mode):
            # A FIFO or a device would block the read or never end; a .docx is a regular file.
            raise DocumentReadError(f"{label}: cannot read the file: it is not a regular file")
        if size > limits.file_bytes:
            raise DocumentReadError(
                f"{label}: refused: {size:,} bytes, more than the limit of {limits.file_bytes:,}"
            )
        with path.open("rb") as file:
            data = file.read(limits.file_bytes + 1)
    except OSError as error:
        raise DocumentReadError(f"{label}: cannot read the file: {error.strerror or error}") from None
    if len(data) > limits.file_bytes:
        raise DocumentReadError(f"{label}: refused: larger than the limit of {limits.file_bytes:,} bytes")
    return label, data


def main_part(package: Package) -> str:
    """The member name of the package's main Word part; refuses other Office files and Strict XML."""
    if not package.has("[Content_Types].xml"):
        raise package.error("not a .docx: the zip has no [Content_Types].xml, so it is not an Office file")
    types = package.xml("[Content_Types].xml")
    overrides = {
        (o.get("PartName") or "").lstrip("/").lower(): o.get("ContentType") or ""
        for o in types.iterchildren(f"{{{_CT}}}Override")
    }
    rels = package.rels("")
    main = None
    for rel in rels.values():
        if rel.reltype == STRICT_OFFICE_DOCUMENT:
            raise package.error(
                "not read: saved as Strict Open XML; save it in Word as an ordinary Word Document (.docx)"
            )
        if rel.reltype == OFFICE_DOCUMENT and not rel.external:
            main = rel.target
    if main is None:
        raise package.error("not a .docx: the zip has no main document part")
    content_type = overrides.get(main.lower(), "")
    for marker, what in _OTHER_OFFICE.items():
        if marker in content_type:
            raise package.error(f"not a .docx: this is {what}")
    if content_type not in _MAIN_TYPES:
        raise package.error(f"not a .docx: its main part {main!r} is not a Word document ({content_type!r})")
    return main


def xml_members(package: Package) -> set[str]:
    """The members a package reader parses as XML: by name ('.xml', '.rels') or by content type."""
    types = package.xml("[Content_Types].xml")
    by_extension = {
        (d.get("Extension") or "").lower(): d.get("ContentType") or ""
        for d in types.iterchildren(f"{{{_CT}}}Default")
    }
    overrides = {
        (o.get("PartName") or "").lstrip("/").lower(): o.get("ContentType") or ""
        for o in types.iterchildren(f"{{{_CT}}}Override")
    }
    found = set()
    for key, info in package.members.items():
        content_type = overrides.get(key, by_extension.get(posixpath.splitext(key)[1].lstrip("."), ""))
        if key.endswith((".xml", ".rels")) or content_type.endswith("xml"):
            found.add(info.filename)
    return found


def check_package(
    source: str | os.PathLike[str] | bytes, *, limits: Limits | None = None, name: str | None = None
) -> bytes:
    """The bytes of the Word package at `source` (a path or bytes) once it passes the reader's checks.

    For a package handed on to another library, as the writer hands a caller's template to
    python-docx: the file's size, the zip's end records and directory, every part as it
    is unpacked, and every XML part as it is parsed (no DOCTYPE or entities, bounded
    depth) are checked within `limits` (`Limits()` when ``None``) exactly as `parse_docx`
    checks them, and the main part must be a Word document or template. Raises
    `DocumentReadError` naming the file (`name`, default the path or 'the document') and
    the reason.
    """
    limits = limits or Limits()
    label, data = load(source, limits, name)
    package = Package(label, data, limits)
    main_part(package)
    xml_parts = xml_members(package)
    for info in package.members.values():
        if info.filename in xml_parts:
            package.xml(info.filename)
        elif not info.is_dir():
            package.read(info.filename)
    return data
