"""Checks of cross-references across formats: the links an HTML page holds, the ids they need,
and what each of Word's REF fields shows, so HTML and Markdown can be held to the DOCX."""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser

from lxml import etree

from pccplan.compose.build import document, note, numbered, para, ref, section, table
from pccplan.compose.tree import Document
from pccplan.render.anchors import split_lead

__all__ = ["Page", "docx_references", "referring", "shows"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Page(HTMLParser):
    """An HTML page's ids, and each in-page link's target and text (nested tags' text included)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.open_links = 0  # how deep in links the parser is: a link inside a link is a fault
        self.nested = False
        self._href: str | None = None
        self._text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(found["id"] or "")
        if tag == "br" and self._href is not None:
            self._text.append("\n")
        if tag == "a":
            self.nested = self.nested or self.open_links > 0
            self.open_links += 1
            href = found.get("href") or ""
            if href.startswith("#"):
                self._href, self._text = href[1:], []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.open_links -= 1
            if self._href is not None:
                self.links.append((self._href, "".join(self._text)))
                self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)


def docx_references(package: bytes) -> tuple[set[str], dict[str, set[str]]]:
    """The bookmark names of a .docx's body and notes, and what the REF fields to each show."""
    names: set[str] = set()
    shown: dict[str, set[str]] = {}
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        parts = [n for n in ("word/document.xml", "word/footnotes.xml") if n in archive.namelist()]
        roots = [etree.fromstring(archive.read(name)) for name in parts]
    for root in roots:
        names |= {b.get(f"{_W}name", "") for b in root.iter(f"{_W}bookmarkStart")}
        target: str | None = None
        stage, result = "", []
        for element in root.iter(f"{_W}fldChar", f"{_W}instrText", f"{_W}t", f"{_W}br", f"{_W}tab"):
            tag = element.tag
            if tag == f"{_W}fldChar":
                kind = element.get(f"{_W}fldCharType")
                if kind == "end" and target is not None:
                    shown.setdefault(target, set()).add("".join(result))
                stage = {"begin": "code", "separate": "result"}.get(kind or "", "")
                if kind == "begin":
                    target, result = None, []
            elif tag == f"{_W}instrText" and stage == "code":
                words = (element.text or "").split()
                target = words[1] if words[:1] == ["REF"] else None
            elif stage == "result" and target is not None:
                text = {f"{_W}br": "\n", f"{_W}tab": "\t"}.get(tag)
                result.append(text if text is not None else element.text or "")
    return names, shown


def shows(link_text: str, results: set[str]) -> bool:
    """Whether a reference link's text is what Word's field shows, perhaps after the word it took
    in from before it ('paragraph 4.3' for a field showing '4.3')."""
    for result in results:
        lead = link_text[: len(link_text) - len(result)]
        if link_text.endswith(result) and split_lead(lead) == ("", lead):
            return True
    return False


def referring() -> Document:
    """A report citing a paragraph, a section, a table and an appendix, and one from a note."""
    return document(
        section(
            "Purpose",
            numbered("To present the plan."),
            numbered("The budget is in ", ref("money"), ".", label="budget"),
            numbered=True,
            label="purpose",
        ),
        section(
            "Background",
            numbered(
                "See paragraph ", ref("budget"), ", section ", ref("purpose"), " and ", ref("draft"), "."
            ),
            numbered("Costs", note(para("As in paragraph ", ref("budget"), ".")), " rose.", label="costs"),
            table(caption="Money", header=["Line", "£m"], rows=[["Pay", "1"]], label="money"),
            numbered=True,
        ),
        section("Appendix A: The draft plan", para("…"), new_page=True, label="draft"),
        title="Report",
        author="OPCC",
    )
