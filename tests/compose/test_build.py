"""Tests for the composer helpers and the inline markup reader."""

from __future__ import annotations

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from pccplan.compose.build import (
    _Markup,
    bullets,
    document,
    emph,
    exempt,
    inline,
    link,
    note,
    numbered,
    ordered,
    para,
    section,
    strong,
    table,
    title_block,
)
from pccplan.compose.tree import (
    BulletList,
    Emph,
    LineBreak,
    Link,
    ListItem,
    Note,
    OrderedList,
    Paragraph,
    Section,
    Strong,
    Text,
)
from pccplan.errors import ValidationError

URL = "https://www.legislation.gov.uk/ukpga/2011/13"


def test_para_takes_literal_text_and_inline_nodes() -> None:
    p = para("text with ", link("the Act", URL), note("footnote text"), " *not markup*")
    assert p.content == (
        Text(text="text with "),
        Link(content=(Text(text="the Act"),), url=URL),
        Note(content=(Paragraph(content=(Text(text="footnote text"),)),)),
        Text(text=" *not markup*"),
    )


def test_para_splices_parsed_markup() -> None:
    assert para(inline("a *b*")) == Paragraph(content=(Text(text="a "), Emph(content=(Text(text="b"),))))


def test_section_gathers_text_into_paragraphs() -> None:
    s = section("Purpose", numbered("One."), "Plain.", numbered=True, exempt=exempt(1))
    assert s.numbered
    assert s.exempt is not None
    assert s.blocks == (
        Paragraph(content=(Text(text="One."),), numbered=True),
        Paragraph(content=(Text(text="Plain."),)),
    )


def test_bullets_nest_through_a_list_item() -> None:
    b = bullets("one", ("two", bullets("two a")))
    assert isinstance(b, BulletList)
    assert b.items[1] == ListItem(
        blocks=(
            Paragraph(content=(Text(text="two"),)),
            BulletList(items=(ListItem(blocks=(Paragraph(content=(Text(text="two a"),)),)),)),
        )
    )
    assert isinstance(ordered("a", "b"), OrderedList)


def test_table_from_cell_contents() -> None:
    t = table(header=["Theme", "Aim"], rows=[["Victims", strong("Support")]], caption="Themes", widths=[1, 2])
    assert t.header is not None
    assert t.header.cells[0].blocks == (Paragraph(content=(Text(text="Theme"),)),)
    assert t.rows[0].cells[1].blocks == (Paragraph(content=(Strong(content=(Text(text="Support"),)),)),)
    assert t.widths == (1, 2)


def test_document_and_title_block() -> None:
    doc = document(
        title_block("Report", "Agenda item 6", emph("Draft")), para("x"), title="Report", author="OPCC"
    )
    assert doc.meta.title == "Report"
    assert len(doc.blocks[0].lines) == 2  # type: ignore[union-attr]
    assert isinstance(document(section("A"), title="T", author="A").blocks[0], Section)


# ---------------------------------------------------------------- inline markup


def test_inline_reads_links_notes_emphasis_and_strong() -> None:
    nodes = inline(
        "See [the Act](https://example.org/a_(b)) and note^[The SPR sets out *threats*.] in **bold**"
    )
    assert nodes == (
        Text(text="See "),
        Link(content=(Text(text="the Act"),), url="https://example.org/a_(b)"),
        Text(text=" and note"),
        Note(
            content=(
                Paragraph(
                    content=(
                        Text(text="The SPR sets out "),
                        Emph(content=(Text(text="threats"),)),
                        Text(text="."),
                    )
                ),
            )
        ),
        Text(text=" in "),
        Strong(content=(Text(text="bold"),)),
    )


def test_inline_links_may_sit_in_notes_and_hold_emphasis() -> None:
    (n,) = inline("^[see [*the* Act](https://example.org)]")
    assert isinstance(n, Note)
    link_ = n.content[0].content[1]
    assert link_ == Link(
        content=(Emph(content=(Text(text="the"),)), Text(text=" Act")), url="https://example.org"
    )


def test_inline_escapes_and_line_feeds() -> None:
    assert inline(r"5 \* 3 \[sic\]") == (Text(text="5 * 3 [sic]"),)
    assert inline("a\nb") == (Text(text="a\nb"),)
    assert inline("") == ()
    assert LineBreak() not in inline("a\nb")


@pytest.mark.parametrize(
    ("markup", "reason"),
    [
        ("an *open emphasis", r"unclosed '\*' at offset 3"),
        ("**open strong", r"unclosed '\*\*' at offset 0"),
        ("a [link] without url", r"'\[' at offset 2 starts a link but no '\(url\)' follows"),
        ("a [link](https://x.org", r"unclosed '\(' of the link"),
        ("[unclosed link", r"unclosed '\[' at offset 0"),
        ("stray ] bracket", r"unmatched '\]' at offset 6"),
        ("note ^[never closed", r"unclosed '\^\[' at offset 5"),
        ("empty **** here", r"empty '\*\*\*\*' at offset 6"),
        ("^[a ^[b]]", "cannot sit in a link or another footnote"),
        ("[a [b](https://x.org)](https://y.org)", "cannot sit in another link"),
    ],
)
def test_inline_names_unbalanced_markup(markup: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason) as caught:
        inline(markup)
    assert caught.value.path == "markup"


def test_inline_refuses_a_bad_url_naming_the_field() -> None:
    with pytest.raises(ValidationError, match=r"Link\.url"):
        inline("[x](not a url)")


@given(st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), max_size=30))
def test_escaped_text_reads_back_as_itself(value: str) -> None:
    escaped = "".join("\\" + c if c in "\\*[]^()" else c for c in value)
    assert "".join(t.text for t in inline(escaped) if isinstance(t, Text)) == value


def read_markup(markup: str, *, plain_runs: bool) -> tuple[object, ...]:
    """The tree `markup` reads as, or the refusal's type and message, by the fast or the reference reader."""
    try:
        return tuple(_Markup(markup, plain_runs=plain_runs).run(None, in_link=False, in_note=False))
    except ValidationError as error:
        return (type(error), str(error))


_WORDS = st.text(alphabet="ab ^()\n\\", min_size=1, max_size=6).map(lambda t: t.replace("\\", "\\\\"))
"""Plain text for the generated markup: letters, spaces, a lone '^', brackets, escaped backslashes."""


def _wrapped(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(parts: list[str], kind: str) -> str:
        body = "".join(parts)
        return {
            "emph": f"*{body}*",
            "strong": f"**{body}**",
            "link": f"[{body}](https://x.org/{len(body)})",
            "note": f"^[{body}]",
            "escape": f"\\{body[0]}{body[1:]}",
        }[kind]

    kinds = st.sampled_from(["emph", "strong", "link", "note", "escape"])
    return st.builds(build, st.lists(inner, min_size=1, max_size=3), kinds)


MARKUP = st.recursive(_WORDS, _wrapped, max_leaves=12).flatmap(
    lambda first: st.lists(st.recursive(_WORDS, _wrapped, max_leaves=6), max_size=3).map(
        lambda rest: "".join([first, *rest])
    )
)
"""Markup built from nested emphasis, strong, links, notes and escapes: mostly valid, sometimes not
(a note in a link, '***' run-ons), so refusals are compared too."""


def test_plain_runs_read_every_markup_as_the_one_character_reader_does() -> None:
    read = {"tree": 0, "refused": 0}

    @settings(max_examples=300)
    @given(markup=st.one_of(MARKUP, st.text(alphabet="ab *[]^()\\\n", max_size=24)))
    def check(markup: str) -> None:
        fast = read_markup(markup, plain_runs=True)
        assert fast == read_markup(markup, plain_runs=False)
        kind = "refused" if fast and isinstance(fast[0], type) else "tree"
        event(kind)
        read[kind] += 1

    check()
    assert read["refused"] >= 10  # refusals (message and offset) are compared too
    assert read["tree"] >= 100  # most generated markup parses, so trees (not just refusals) are compared
