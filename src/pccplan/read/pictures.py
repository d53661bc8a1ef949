"""Reading pictures: a `w:drawing`'s alternative text, decorative mark, size and image bytes."""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from pccplan.opc.package import Package, Rel
from pccplan.read.facts import Drawing, Skipped

__all__ = ["read_drawing"]

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
_DECORATIVE = "http://schemas.microsoft.com/office/drawing/2017/decorative"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _image(package: Package, rels: Mapping[str, Rel], rid: str | None) -> bytes | None:
    """The bytes of the internal image part `rid` points at, ``None`` when there is none."""
    rel = rels.get(rid) if rid else None
    if rel is None or rel.external:
        return None
    return package.read(rel.target)


def _emu(value: str | None) -> int | None:
    try:
        number = int(value) if value is not None else 0
    except ValueError:
        return None
    return number if number > 0 else None


def read_drawing(element: etree._Element, package: Package, rels: Mapping[str, Rel]) -> Drawing | Skipped:
    """The facts of a `w:drawing`: its name, alt text, decorative mark, extent, and image bytes.

    A text box is `Skipped`. The image is the blip's part (for an SVG kept in Office's
    `asvg:svgBlip` extension, the SVG, and the blip's own image is its `fallback`); a picture
    linked from outside the file, or a chart or shape, has no `image`.
    """
    if element.find(".//{*}txbx") is not None or element.find(f".//{{{_W}}}txbxContent") is not None:
        return Skipped(what="text box")
    doc_pr = element.find(f".//{{{_WP}}}docPr")
    if doc_pr is None:
        return Drawing()
    decorative = element.find(f".//{{{_DECORATIVE}}}decorative")
    extent = element.find(f".//{{{_WP}}}extent")
    blip = element.find(f".//{{{_A}}}blip")
    image = fallback = None
    if blip is not None:
        shown = _image(package, rels, blip.get(f"{{{_R}}}embed"))
        svg_blip = blip.find(f".//{{{_ASVG}}}svgBlip")
        svg = _image(package, rels, svg_blip.get(f"{{{_R}}}embed")) if svg_blip is not None else None
        image, fallback = (svg, shown) if svg is not None else (shown, None)
    return Drawing(
        name=doc_pr.get("name"),
        description=doc_pr.get("descr"),
        title=doc_pr.get("title"),
        decorative=decorative is not None and decorative.get("val", "1") in ("1", "true"),
        image=image,
        fallback=fallback,
        width=_emu(extent.get("cx")) if extent is not None else None,
        height=_emu(extent.get("cy")) if extent is not None else None,
    )
