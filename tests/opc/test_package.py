"""The hardened opening of a Word package, shared by the reader and the writer's templates."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from pccplan.errors import DocumentReadError
from pccplan.opc import Limits, check_package
from pccplan.opc.package import Package, main_part, of_type, resolve


def test_a_relationship_target_that_leaves_the_package_resolves_to_none() -> None:
    assert resolve("word", "styles.xml") == "word/styles.xml"
    assert resolve("word", "/customXml/item1.xml") == "customXml/item1.xml"
    assert resolve("word", "../../etc/passwd") is None


def test_check_package_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "template.docx"
    os.mkfifo(fifo)
    with pytest.raises(DocumentReadError, match="not a regular file"):
        check_package(fifo)


def test_check_package_refuses_an_excel_workbook_by_its_content_type() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(DocumentReadError, match="Excel workbook"):
        check_package(buffer.getvalue(), name="book.xlsx")


def test_a_written_document_passes_and_its_parts_are_found() -> None:
    import pccplan

    data = pccplan.render_document(pccplan.example_panel_report(), format="docx")
    assert isinstance(data, bytes)
    assert check_package(data) == data
    package = Package("report.docx", data, Limits())
    main = main_part(package)
    assert main == "word/document.xml"
    assert of_type(package.rels(main), "styles") == "word/styles.xml"
