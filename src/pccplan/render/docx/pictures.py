"""Pictures in Word: image parts and their relationships, and the DrawingML of an inline picture.

The picture itself is DrawingML (`wp:`, `a:`, `pic:`), not WordprocessingML, so it is built
here; the `w:drawing` run that holds it comes from `xml.py`. See docs/dev/pictures.md for the
XML Word writes and why each piece is there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from pccplan.compose.picture import Picture
from pccplan.render.docx import xml

if TYPE_CHECKING:
    from pccplan.opc.parts import Package, Part

__all__ = ["DECORATIVE_EXTENSION", "SVG_EXTENSION", "Images", "inline"]

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"

SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
"""The `a:ext` uri under which Word keeps an SVG beside its PNG fallback (`asvg:svgBlip`, Office 2016)."""

DECORATIVE_EXTENSION = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
"""The `a:ext` uri of Word's 'Mark as decorative' (`adec:decorative`, Office 2019)."""

_CONTENT_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def _el(ns: str, local: str, parent: xml.El | None = None, **attrib: str) -> xml.El:
    tag = f"{{{ns}}}{local}"
    return etree.SubElement(parent, tag, attrib) if parent is not None else etree.Element(tag, attrib)


class Images:
    """The image parts of one render: one part per distinct image, one drawing id per picture."""

    def __init__(self, package: Package) -> None:
        self._package = package
        self._parts: dict[str, Part] = {}
        self._next_id = 1

    def _part(self, data: bytes, kind: str) -> Part:
        """The image part holding `data` (made on first use; the same bytes share one part)."""
        import hashlib  # here, not at the top: only a document with pictures needs it (it loads OpenSSL)

        from pccplan.opc.parts import Part

        key = hashlib.sha256(data).hexdigest()
        found = self._parts.get(key)
        if found is None:
            from pccplan.opc.parts import PackURI

            taken = {str(part.partname) for part in self._package.iter_parts()}
            number = len(self._parts) + 1
            while any(name.startswith(f"/word/media/image{number}.") for name in taken):
                number += 1  # a template's own media part of that name
            name = PackURI(f"/word/media/image{number}.{kind}")
            found = Part(name, _CONTENT_TYPES[kind], data, self._package)
            self._parts[key] = found
        return found

    def run(self, picture: Picture, source: Part) -> xml.El:
        """The `w:r` that shows `picture` inline, its images related from part `source`."""
        if picture.format == "svg":
            assert picture.fallback is not None  # a Picture's own check
            shown = source.relate_to(self._part(picture.fallback, "png"), _IMAGE_REL)
            svg: str | None = source.relate_to(self._part(picture.data, "svg"), _IMAGE_REL)
        else:
            shown = source.relate_to(self._part(picture.data, picture.format), _IMAGE_REL)
            svg = None
        drawing_id = self._next_id
        self._next_id += 1
        return xml.drawing_run(inline(picture, drawing_id, shown, svg))


def inline(picture: Picture, drawing_id: int, embed: str, svg: str | None = None) -> xml.El:
    """A `wp:inline` picture: size, alternative text or the decorative mark, and its image.

    `embed` is the relationship id of the image shown (the PNG fallback for an SVG); `svg`
    that of the SVG itself, kept in Office's `asvg:svgBlip` extension.
    """
    cx, cy = (str(n) for n in picture.size)
    name = f"Picture {drawing_id}"
    root = etree.Element(
        f"{{{WP}}}inline", {"distT": "0", "distB": "0", "distL": "0", "distR": "0"}, nsmap={"wp": WP}
    )
    _el(WP, "extent", root, cx=cx, cy=cy)
    _el(WP, "effectExtent", root, l="0", t="0", r="0", b="0")
    doc_pr = _el(WP, "docPr", root, id=str(drawing_id), name=name)
    if picture.decorative:
        ext_list = etree.SubElement(doc_pr, f"{{{A}}}extLst", nsmap={"a": A})
        ext = _el(A, "ext", ext_list, uri=DECORATIVE_EXTENSION)
        etree.SubElement(ext, f"{{{ADEC}}}decorative", {"val": "1"}, nsmap={"adec": ADEC})
    else:
        doc_pr.set("descr", picture.text)
    frame = _el(WP, "cNvGraphicFramePr", root)
    etree.SubElement(frame, f"{{{A}}}graphicFrameLocks", {"noChangeAspect": "1"}, nsmap={"a": A})
    graphic = etree.SubElement(root, f"{{{A}}}graphic", nsmap={"a": A})
    data = _el(A, "graphicData", graphic, uri=PIC)
    pic = etree.SubElement(data, f"{{{PIC}}}pic", nsmap={"pic": PIC})
    nv = _el(PIC, "nvPicPr", pic)
    c_nv = _el(PIC, "cNvPr", nv, id=str(drawing_id), name=name)
    if not picture.decorative:
        c_nv.set("descr", picture.text)
    _el(PIC, "cNvPicPr", nv)
    fill = _el(PIC, "blipFill", pic)
    blip = etree.SubElement(fill, f"{{{A}}}blip", {f"{{{R}}}embed": embed}, nsmap={"r": R})
    if svg is not None:
        ext = _el(A, "ext", _el(A, "extLst", blip), uri=SVG_EXTENSION)
        etree.SubElement(ext, f"{{{ASVG}}}svgBlip", {f"{{{R}}}embed": svg}, nsmap={"asvg": ASVG, "r": R})
    _el(A, "fillRect", _el(A, "stretch", fill))
    sp_pr = _el(PIC, "spPr", pic)
    xfrm = _el(A, "xfrm", sp_pr)
    _el(A, "off", xfrm, x="0", y="0")
    _el(A, "ext", xfrm, cx=cx, cy=cy)
    _el(A, "avLst", _el(A, "prstGeom", sp_pr, prst="rect"))
    return root
