"""Tests for the WordprocessingML builders: schema order, runs, tables, numbering, the base package."""

from __future__ import annotations

from lxml import etree

from pccplan.render.docx import xml
from pccplan.render.docx.styles import HOUSE_STYLES, StyleSpec

W = xml.W


def local(el: etree._Element) -> list[str]:
    return [etree.QName(c).localname for c in el]


def test_insert_in_order_places_children_by_the_schema_and_replaces_singletons() -> None:
    ppr = etree.Element(xml.wq("pPr"))
    for name in ("jc", "pStyle", "spacing", "numPr"):
        xml.insert_in_order(ppr, etree.Element(xml.wq(name)), xml.PPR_ORDER)
    assert local(ppr) == ["pStyle", "numPr", "spacing", "jc"]
    replacement = etree.Element(xml.wq("spacing"), {xml.wq("after"): "0"})
    xml.insert_in_order(ppr, replacement, xml.PPR_ORDER)
    assert local(ppr) == ["pStyle", "numPr", "spacing", "jc"]
    assert ppr[2] is replacement


def test_insert_in_order_keeps_repeatable_children() -> None:
    sect = etree.Element(xml.wq("sectPr"))
    xml.insert_in_order(sect, etree.Element(xml.wq("pgSz")), xml.SECTPR_ORDER)
    xml.set_section_references(sect, "header", "rId1")
    xml.set_section_references(sect, "footer", "rId2")
    assert local(sect) == ["headerReference", "footerReference", "pgSz"]
    assert xml.has_reference(sect, "header")


def test_run_turns_tabs_and_line_feeds_into_elements_and_preserves_spaces() -> None:
    r = xml.run(" a\tb\nc ", style="Hyperlink", bold=True, italic=True)
    assert local(r) == ["rPr", "t", "tab", "t", "br", "t"]
    assert local(r[0]) == ["rStyle", "b", "i"]
    assert r[1].get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert r[3].get("{http://www.w3.org/XML/1998/namespace}space") is None


def test_paragraph_properties_come_in_schema_order() -> None:
    p = xml.paragraph(
        [xml.run("x")], style="Heading1", numbering=(3, 0), page_break_before=True, indent_left=720
    )
    assert local(p[0]) == ["pStyle", "pageBreakBefore", "numPr", "ind"]
    assert local(p[0][2]) == ["ilvl", "numId"]
    xml.set_space_before(p, 200)
    assert local(p[0]) == ["pStyle", "pageBreakBefore", "numPr", "spacing", "ind"]


def test_table_marks_header_rows_and_ends_cells_with_a_paragraph() -> None:
    tbl = xml.table(
        [([[xml.paragraph()], []], True), ([[], [xml.paragraph()]], False)],
        style="ReportTable",
        widths=[3000, 1000],
        caption="Budget",
    )
    assert local(tbl) == ["tblPr", "tblGrid", "tr", "tr"]
    assert local(tbl[0]) == ["tblStyle", "tblW", "tblLayout", "tblLook", "tblCaption"]
    assert local(tbl[2][0]) == ["cantSplit", "tblHeader"]
    assert local(tbl[3][0]) == ["cantSplit"]
    for tc in tbl.iter(xml.wq("tc")):
        assert local(tc)[-1] == "p"


def test_abstract_num_and_num() -> None:
    levels = [xml.LevelSpec(format="bullet", text="\uf0b7", left=1077, hanging=357, font="Symbol")]
    an = xml.abstract_num(7, levels, name="Bullets")
    assert local(an) == ["multiLevelType", "name", "lvl"]
    assert local(an[2]) == ["start", "numFmt", "lvlText", "lvlJc", "pPr", "rPr"]
    n = xml.num(4, 7, restart_level=1)
    assert local(n) == ["abstractNumId", "lvlOverride"]
    root = xml.numbering_root()
    xml.add_numbering(root, [], [n])
    xml.add_numbering(root, [an], [])
    assert local(root) == ["abstractNum", "num"]
    assert xml.numbering_ids(root) == (7, 4)


def test_footnotes_root_has_the_two_separators_and_a_note_gains_its_number() -> None:
    root = xml.footnotes_root()
    assert [(f.get(xml.wq("id")), f.get(xml.wq("type"))) for f in root] == [
        ("-1", "separator"),
        ("0", "continuationSeparator"),
    ]
    note = xml.footnote(1, [xml.paragraph([xml.run("text")], style="FootnoteText")], reference_style="FR")
    p = note[0]
    assert local(p) == ["pPr", "r", "r", "r"]
    assert p[1].find(xml.wq("footnoteRef")) is not None


def test_settings_footnote_properties_sit_before_compat() -> None:
    settings = etree.Element(xml.wq("settings"))
    for name in ("defaultTabStop", "compat", "rsids"):
        settings.append(etree.Element(xml.wq(name)))
    xml.set_footnote_properties(settings, (-1, 0))
    assert local(settings) == ["defaultTabStop", "footnotePr", "compat", "rsids"]


def test_style_element_resolves_parents_by_name() -> None:
    spec = StyleSpec(
        name="Body Text Indent", style_id="BTI", based_on="Body Text", indent_left=720, bold=True
    )
    style = xml.style_element(spec, {"body text": "Corporate-Body"}, text_width=9000)
    assert local(style) == ["name", "basedOn", "pPr", "rPr"]
    assert style.find(xml.wq("basedOn")).get(xml.wq("val")) == "Corporate-Body"
    names = {s.name for s in HOUSE_STYLES}
    assert {"heading 1", "footnote text", "footnote reference", "Hyperlink", "Report Table"} <= names


def test_default_language_and_fonts_go_in_doc_defaults() -> None:
    styles = etree.Element(xml.wq("styles"))
    styles.append(etree.Element(xml.wq("style")))
    xml.set_default_language(styles, "en-GB")
    xml.set_default_fonts(styles, font="Arial", size=12, space_after=0)
    assert local(styles) == ["docDefaults", "style"]
    rpr = styles.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr")
    assert local(rpr) == ["rFonts", "sz", "szCs", "lang"]


def test_emptied_body_keeps_only_the_final_section_properties() -> None:
    body = etree.Element(xml.wq("body"))
    etree.SubElement(body, xml.wq("p"))
    sect = etree.SubElement(body, xml.wq("sectPr"))
    assert xml.emptied_body(body) is sect
    assert local(body) == ["sectPr"]
    bare = etree.Element(xml.wq("body"))
    etree.SubElement(bare, xml.wq("tbl"))
    assert local(bare) == ["tbl"]
    assert xml.is_table(bare[0])
    made = xml.emptied_body(bare)
    assert local(bare) == ["sectPr"]
    assert bare[0] is made
    assert not xml.is_table(made)


def test_keep_separators_drops_a_templates_notes_and_numbers_on_from_the_separators() -> None:
    root = xml.footnotes_root()
    root.append(xml.footnote(5, [xml.paragraph([xml.run("old")])], reference_style="FootnoteReference"))
    assert xml.keep_separators(root) == 1  # the separators are -1 and 0
    assert [n.get(xml.wq("type")) for n in root] == ["separator", "continuationSeparator"]


def test_the_base_package_has_document_styles_and_settings_and_their_relationships() -> None:
    members = xml.base_package_parts(page={"width": 11906, "height": 16838, "top": 1134})
    assert sorted(members) == [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/settings.xml",
        "word/styles.xml",
    ]
    rels = etree.fromstring(members["word/_rels/document.xml.rels"])
    assert [r.get("Target") for r in rels] == ["styles.xml", "settings.xml"]


ORDERS = {
    "pPr": xml.PPR_ORDER,
    "rPr": xml.RPR_ORDER,
    "style": xml.STYLE_ORDER,
    "tblPr": xml.TBLPR_ORDER,
    "tcPr": xml.TCPR_ORDER,
    "lvl": xml.LVL_ORDER,
    "abstractNum": xml.ABSTRACT_NUM_ORDER,
    "sectPr": xml.SECTPR_ORDER,
    "settings": xml.SETTINGS_ORDER,
}


def out_of_order(root: etree._Element) -> list[str]:
    """Each parent under `root` (itself included) whose children break its declared schema order."""
    found = []
    for parent in root.iter():
        order = ORDERS.get(etree.QName(parent).localname)
        if order is None:
            continue
        ranks = [order.index(name) for name in local(parent)]
        if ranks != sorted(ranks):
            found.append(f"{etree.QName(parent).localname}: {local(parent)}")
    return found


def test_every_builder_puts_children_in_the_declared_schema_order() -> None:
    everything = xml.paragraph(
        [xml.run("x", style="Strong", bold=True, italic=True)],
        style="Body",
        numbering=(3, 1),
        page_break_before=True,
        indent_left=720,
    )
    xml.set_space_before(everything, 200)
    assert local(everything.find(xml.wq("pPr"))) == ["pStyle", "pageBreakBefore", "numPr", "spacing", "ind"]
    built = [
        everything,
        xml.table([([[xml.paragraph()]], True)], style="T", widths=[100], caption="C", indent=10),
        xml.abstract_num(
            1, [xml.LevelSpec(format="bullet", text="o", left=1, hanging=1, font="Symbol")], name="B"
        ),
        *(xml.style_element(spec, {}, text_width=9000) for spec in HOUSE_STYLES),
    ]
    built += [
        etree.fromstring(data) for data in xml.base_package_parts(page={"width": 1, "height": 1}).values()
    ]
    assert [problem for element in built for problem in out_of_order(element)] == []


def test_tracked_changes_carry_id_author_and_date_and_deleted_text_keeps_its_spaces() -> None:
    import pytest

    from pccplan.errors import ValidationError

    ins = xml.tracked_insert("OPCC", "2024-05-02T00:00:00Z", 7)
    assert ins.tag == xml.wq("ins")
    assert [ins.get(xml.wq(k)) for k in ("id", "author", "date")] == ["7", "OPCC", "2024-05-02T00:00:00Z"]
    assert xml.tracked_delete("OPCC", "2024-05-02T00:00:00Z", 8).tag == xml.wq("del")
    text = xml.deleted_text(" the Plan")
    assert text.tag == xml.wq("delText")
    assert text.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    with pytest.raises(ValidationError, match="kind"):
        xml.tracked_change("move", change_id=1, author="A", date="D")
