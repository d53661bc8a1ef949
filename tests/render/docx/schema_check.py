"""Validating .docx packages against the vendored ISO/IEC 29500 transitional schemas with jing.

Each XML part is matched to its schema by the content type the package declares for it, so a part
pccplan starts writing without a schema here is an error, not a silent pass. Parts of many packages
are checked in one jing call per schema, because starting Java and compiling `wml.rnc` costs far more
than validating one more file.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from lxml import etree
from tests.conftest import ROOT, require_program

__all__ = ["SCHEMAS", "Part", "parts_and_schemas", "validate"]

SCHEMAS = ROOT / "tests" / "schemas"
_RNC = SCHEMAS / "rnc"
_OPC = SCHEMAS / "opc"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

BY_CONTENT_TYPE: Mapping[str, Path] = {
    f"{_WML}.document.main+xml": _RNC / "WordprocessingML_Main_Document.rnc",
    f"{_WML}.template.main+xml": _RNC / "WordprocessingML_Main_Document.rnc",
    f"{_WML}.styles+xml": _RNC / "WordprocessingML_Style_Definitions.rnc",
    f"{_WML}.numbering+xml": _RNC / "WordprocessingML_Numbering_Definitions.rnc",
    f"{_WML}.settings+xml": _RNC / "WordprocessingML_Document_Settings.rnc",
    f"{_WML}.footnotes+xml": _RNC / "WordprocessingML_Footnotes.rnc",
    f"{_WML}.endnotes+xml": _RNC / "WordprocessingML_Endnotes.rnc",
    f"{_WML}.comments+xml": _RNC / "WordprocessingML_Comments.rnc",
    f"{_WML}.header+xml": _RNC / "WordprocessingML_Header.rnc",
    f"{_WML}.footer+xml": _RNC / "WordprocessingML_Footer.rnc",
    f"{_WML}.fontTable+xml": _RNC / "WordprocessingML_Font_Table.rnc",
    f"{_WML}.webSettings+xml": _RNC / "WordprocessingML_Web_Settings.rnc",
    "application/vnd.openxmlformats-officedocument.theme+xml": _RNC / "DrawingML_Theme.rnc",
    "application/vnd.openxmlformats-officedocument.extended-properties+xml": (
        _RNC / "Shared_Extended_File_Properties.rnc"
    ),
    "application/vnd.openxmlformats-officedocument.custom-properties+xml": (
        _RNC / "Shared_Custom_File_Properties.rnc"
    ),
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml": (
        _RNC / "Shared_Custom_XML_Data_Storage_Properties.rnc"
    ),
    "application/vnd.openxmlformats-package.core-properties+xml": SCHEMAS / "core-properties.xsd",
    "application/vnd.openxmlformats-package.relationships+xml": _OPC / "opc-relationships.xsd",
}
"""The schema for each content type of XML part a Word package may hold."""

_EXTENSIONS = frozenset({"application/vnd.ms-word.stylesWithEffects+xml"})

CONTENT_TYPES_SCHEMA = _OPC / "opc-contentTypes.xsd"
"""The schema of `[Content_Types].xml`, which has no content type of its own."""

Part = tuple[str, Path]
"""A member name of a package and the schema it must satisfy."""


def parts_and_schemas(package: bytes) -> list[Part]:
    """Every XML member of `package` with its schema; a member of unknown XML type raises."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        types = etree.fromstring(archive.read("[Content_Types].xml"))
        names = archive.namelist()
    defaults = {
        d.get("Extension", "").lower(): d.get("ContentType", "")
        for d in types.iterchildren(f"{{{_CONTENT_TYPES_NS}}}Default")
    }
    overrides = {
        o.get("PartName", ""): o.get("ContentType", "")
        for o in types.iterchildren(f"{{{_CONTENT_TYPES_NS}}}Override")
    }
    found: list[Part] = []
    for name in names:
        if name == "[Content_Types].xml":
            found.append((name, CONTENT_TYPES_SCHEMA))
            continue
        content_type = overrides.get(f"/{name}") or defaults.get(name.rsplit(".", 1)[-1].lower(), "")
        if content_type.startswith("image/") or not (
            content_type.endswith("xml") or name.endswith((".xml", ".rels"))
        ):
            continue  # a picture (an SVG is W3C's XML, not ISO/IEC 29500's) or other binary part
        if content_type == "application/xml" and name.startswith("customXml/"):
            continue  # a template's custom XML data: free-form by definition (ISO/IEC 29500-1 15.2.5)
        if content_type in _EXTENSIONS:
            continue  # a template's part in an Office extension, which ISO/IEC 29500 does not define
        if content_type not in BY_CONTENT_TYPE:
            raise AssertionError(f"{name}: no schema for content type {content_type!r}")
        found.append((name, BY_CONTENT_TYPE[content_type]))
    return found


def validate(packages: Mapping[str, bytes], folder: Path) -> tuple[list[str], int]:
    """jing's errors for every XML part of every package, and how many parts were checked.

    `packages` maps a label (which names the package in the errors) to its bytes; the parts
    are written under `folder`. An empty list means every part is valid.
    """
    jing = require_program("jing")
    by_schema: dict[Path, list[Path]] = defaultdict(list)
    for label, data in packages.items():
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name, schema in parts_and_schemas(data):
                path = folder / label / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(archive.read(name))
                by_schema[schema].append(path)
    errors: list[str] = []
    for schema, paths in sorted(by_schema.items()):
        compact = ["-c"] if schema.suffix == ".rnc" else []
        command = [jing, *compact, str(schema), *map(str, paths)]
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
        if result.returncode not in (0, 1):  # 1 is "invalid"; anything else is jing failing
            raise AssertionError(f"jing failed on {schema.name}: {result.stderr or result.stdout}")
        prefix = f"{folder}/"
        errors += [line.replace(prefix, "") for line in result.stdout.splitlines() if line.strip()]
    checked = sum(len(paths) for paths in by_schema.values())
    return errors, checked
