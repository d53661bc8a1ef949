"""The Panel's letter (s.28(3)): the Staffordshire letter's facts, the form's order, the law's sentences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from tests.london import assert_london

from pccplan.compose.house import logo_picture
from pccplan.compose.panel_letter import letter_subject, panel_letter_document
from pccplan.compose.tree import Document, Letterhead, Link, Metadata, Paragraph, Picture, Section, Strong
from pccplan.compose.walk import iter_nodes, plain_text
from pccplan.errors import ValidationError
from pccplan.files import load
from pccplan.forms import builtin_form, load_form
from pccplan.model.form import HouseForm, Logo
from pccplan.model.letter import Addressee, PanelLetter
from pccplan.model.panel import Recommendation
from pccplan.statute.registry import cite

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SOURCE = (
    "https://staffordshire.gov.uk/Your-council-and-democracy/Staffordshire-PFC-panel/Responses/"
    "Commissioners-Response-to-Panel-Plan-Report-2023-24.aspx"
)


@pytest.fixture(scope="module")
def staffs() -> PanelLetter:
    return load(EXAMPLES / "staffordshire-2024-panel-letter.yaml", PanelLetter)


@pytest.fixture(scope="module")
def staffs_doc(staffs: PanelLetter) -> Document:
    return panel_letter_document(staffs, form=load_form(EXAMPLES / "staffordshire-form.yaml"))


def texts(doc: Document) -> list[str]:
    return [plain_text(attrs.evolve(doc, blocks=(b,))).strip() for b in doc.blocks]


def first(doc: Document, words: str) -> int:
    return next(i for i, t in enumerate(texts(doc)) if words in t)


def test_the_example_names_its_source(staffs_doc: Document) -> None:
    assert SOURCE in (EXAMPLES / "staffordshire_2024_panel_letter.py").read_text(encoding="utf-8")
    assert SOURCE in (EXAMPLES / "staffordshire-2024-panel-letter.yaml").read_text(encoding="utf-8")
    assert "INVENTED" in (EXAMPLES / "staffordshire-2024-panel-letter.yaml").read_text(encoding="utf-8")


def test_the_parts_are_in_the_letters_order(staffs_doc: Document) -> None:
    order = [
        first(staffs_doc, "Mr B Adams"),
        first(staffs_doc, "22 October 2024"),
        first(staffs_doc, "Dear Mr Adams"),
        first(staffs_doc, "Consideration of Police and Crime Plan 2024/28"),
        first(staffs_doc, "section 28(3)"),
        first(staffs_doc, "Members welcomed"),
        first(staffs_doc, "section 5(6)(d)-(f)"),
        first(staffs_doc, "Yours sincerely"),
        first(staffs_doc, "Councillor Bernard Peters"),
    ]
    assert order == sorted(order)
    assert texts(staffs_doc)[0].startswith("Mr B Adams")  # the form has no sender block


def test_names_titles_and_dates_are_the_letters(staffs_doc: Document) -> None:
    body = plain_text(staffs_doc)
    assert (
        "At its meeting on 30 September 2024, the Staffordshire Police, Fire and Crime Panel (the Panel)"
        in body
    )
    assert "the Staffordshire Commissioner for Police, Fire & Rescue and Crime (the PFCC)" in body
    assert "Chairman, Staffordshire Police, Fire and Crime Panel" in body
    assert staffs_doc.meta.date == dt.date(2024, 10, 22)
    assert staffs_doc.meta.author == "Staffordshire Police, Fire and Crime Panel"
    assert staffs_doc.meta.capitals is False
    subject = [n for n in iter_nodes(staffs_doc) if isinstance(n, Strong)]
    assert plain_text(attrs.evolve(staffs_doc, blocks=(staffs_doc.blocks[3],))).strip() == (
        "Staffordshire Police, Fire and Crime Panel – 30 September 2024 – "
        "Consideration of Police and Crime Plan 2024/28"
    )
    assert subject


def test_sections_cited_link_to_the_rules(staffs_doc: Document) -> None:
    links = {
        plain_text(attrs.evolve(staffs_doc, blocks=(_para(n),))).strip(): n.url
        for n in iter_nodes(staffs_doc)
        if isinstance(n, Link)
    }
    assert links == {
        "section 28(3) of the Police Reform and Social Responsibility Act 2011": cite("PANEL-1").url,
        "section 5(6)(d)-(f)": cite("PLAN-4").url,
    }


def _para(link: Link) -> Paragraph:
    return Paragraph(content=(link,))


def test_no_count_and_no_recommendations_when_the_panel_made_none(staffs_doc: Document) -> None:
    body = plain_text(staffs_doc)
    assert "recommendation" not in body.casefold().replace("report or recommendations", "")
    assert not any(isinstance(n, Section) for n in iter_nodes(staffs_doc))


def test_recommendations_and_a_response_period_when_the_panel_set_them(staffs: PanelLetter) -> None:
    letter = attrs.evolve(
        staffs,
        recommendations=(Recommendation(ref="1", text="Publish the *measures*."),),
        response_due=dt.date(2024, 11, 21),
    )
    doc = panel_letter_document(letter)  # the built-in PFCC form: recommendations under their heading
    sections = [n for n in iter_nodes(doc) if isinstance(n, Section)]
    assert [s.title for s in sections] == ["Recommendations"]
    body = plain_text(doc)
    assert "Recommendation 1: Publish the measures." in body
    assert "asks for a written response by 21 November 2024 (section 29(3) of the Act)" in body
    assert "six" not in body
    assert "one recommendation" not in body
    assert cite("PANEL-3").url in {n.url for n in iter_nodes(doc) if isinstance(n, Link)}


def test_the_default_form_follows_the_area_and_writes_the_sender(staffs: PanelLetter) -> None:
    doc = panel_letter_document(staffs)
    assert isinstance(doc.blocks[0], Letterhead)  # the sender's block and the date head the letter
    assert texts(doc)[0] == "Staffordshire Police, Fire and Crime Panel\n22 October 2024"
    assert "Police, Fire and Crime Commissioner for Staffordshire (the PFCC)" in plain_text(doc)
    kent = attrs.evolve(staffs, panel="Kent Police and Crime Panel", subject=None)
    body = plain_text(panel_letter_document(kent))
    assert "Police and Crime Commissioner for Kent (the Commissioner)" in body
    assert letter_subject(kent) == (
        "Kent Police and Crime Panel – 30 September 2024 – "
        "Consideration of the draft Police and Crime Plan 2024/28"
    )


def test_a_variation_says_varying(staffs: PanelLetter) -> None:
    body = plain_text(panel_letter_document(attrs.evolve(staffs, variation=True, subject=None)))
    assert "reviewed the draft variation of the Police and Crime Plan 2024/28 given to it" in body
    assert "Before varying the plan" in body


LONDON_SOURCE = (
    "https://london.gov.uk/who-we-are/what-london-assembly-does/london-assembly-publications/"
    "assembly-response-mayors-crime-plan"
)


@pytest.fixture(scope="module")
def london() -> PanelLetter:
    return load(EXAMPLES / "london-assembly-2022-panel-letter.yaml", PanelLetter)


@pytest.fixture(scope="module")
def london_doc(london: PanelLetter) -> Document:
    return panel_letter_document(london, form=builtin_form("london-assembly"))


def test_the_london_example_names_its_source_and_marks_what_is_invented() -> None:
    script = (EXAMPLES / "london_assembly_2022_panel_letter.py").read_text(encoding="utf-8")
    data = (EXAMPLES / "london-assembly-2022-panel-letter.yaml").read_text(encoding="utf-8")
    assert LONDON_SOURCE in script
    assert LONDON_SOURCE in data
    assert "INVENTED" in data


def test_the_committees_letter_is_in_its_forms_order(london_doc: Document) -> None:
    order = [
        first(london_doc, "City Hall"),
        first(london_doc, "16 February 2022"),
        first(london_doc, "Reference: PCC/PCP/2022"),
        first(london_doc, "Sadiq Khan, Mayor of London"),
        first(london_doc, "Dear Mr Mayor"),
        first(london_doc, "Consideration of the draft Police and Crime Plan 2022-25"),
        first(london_doc, "section 33(1)"),
        first(london_doc, "16 recommendations"),
        first(london_doc, "Recommendation 1:"),
        first(london_doc, "Recommendation 3:"),
        first(london_doc, "section 6(6)(d)-(f)"),
        first(london_doc, "Yours sincerely"),
        first(london_doc, "Susan Hall AM"),
    ]
    assert order == sorted(order)


def test_the_committees_letter_names_mopac_the_committee_and_cites_s33_and_s6(london_doc: Document) -> None:
    body = assert_london(
        london_doc,
        "At its meeting on 19 January 2022, the London Assembly Police and Crime Committee (the Committee) "
        "reviewed the draft Police and Crime Plan 2022-25 given to it by the Mayor's Office for Policing "
        "and Crime (MOPAC), as section 33(1) of the Police Reform and Social Responsibility Act 2011 "
        "requires of the London Assembly.",
        "The Committee makes these recommendations to MOPAC:",
        "MOPAC must have regard to any report or recommendations made by the Committee in relation to the "
        "draft, give the Committee a response to any such report or recommendations, and publish any such "
        "response (section 6(6)(d)-(f) of the Act).",
        "Chair, London Assembly Police and Crime Committee",
    )
    assert "29(3)" not in body
    assert "28(3)" not in body
    urls = {n.url for n in iter_nodes(london_doc) if isinstance(n, Link)}
    assert urls == {cite("LON-2").url, "https://www.legislation.gov.uk/ukpga/2011/13/section/6"}
    assert london_doc.meta.author == "London Assembly Police and Crime Committee"
    assert london_doc.meta.date == dt.date(2022, 2, 16)
    assert london_doc.meta.capitals is False


def test_the_committee_asks_for_a_reply_without_citing_a_panels_power(london: PanelLetter) -> None:
    body = plain_text(panel_letter_document(attrs.evolve(london, response_due=dt.date(2022, 3, 9))))
    assert "The Committee asks for a written response by 9 March 2022." in body
    assert "29(3)" not in body


def test_a_form_without_a_letter_is_refused_by_name(staffs: PanelLetter) -> None:
    with pytest.raises(ValidationError, match="has no 'panel-letter' form"):
        panel_letter_document(staffs, form=builtin_form("mopac"))


def test_bad_markup_names_its_field(staffs: PanelLetter) -> None:
    with pytest.raises(ValidationError, match=r"views\[0\]\.text"):
        panel_letter_document(
            attrs.evolve(staffs, views=(attrs.evolve(staffs.views[0], text="an *unclosed"),))
        )


def test_the_salutation_defaults_to_the_addressee(staffs: PanelLetter) -> None:
    letter = attrs.evolve(staffs, salutation=None, addressee=Addressee(name="Ms A Person", lines=("Office",)))
    assert "Dear Ms A Person" in texts(panel_letter_document(letter))


def test_any_form_order_is_the_letters_order(staffs: PanelLetter) -> None:
    from hypothesis import event, given, settings
    from hypothesis import strategies as st

    from pccplan.model.area import BodyKind
    from pccplan.model.form import FORM_PARTS, REQUIRED_PARTS, DocumentForm, FormPart, HouseForm

    letter = attrs.evolve(
        staffs,
        reference="REF/1",
        sender=("Address",),
        recommendations=(Recommendation(ref="1", text="Do it."),),
    )
    marks = {  # a phrase only the part's text holds
        "sender": "Address",
        "reference": "Reference: REF/1",
        "date": "22 October 2024",
        "addressee": "Mr B Adams",
        "salutation": "Dear Mr Adams",
        "subject": "Consideration of Police and Crime Plan",
        "introduction": "section 28(3)",
        "views": "Members welcomed",
        "recommendations": "Recommendation 1:",
        "response": "section 5(6)(d)-(f)",
        "sign-off": "Yours sincerely",
    }
    reached = 0

    @settings(max_examples=40)
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        nonlocal reached
        optional = [k for k in FORM_PARTS["panel-letter"] if k not in REQUIRED_PARTS["panel-letter"]]
        chosen = data.draw(st.lists(st.sampled_from(optional), unique=True))
        keys = data.draw(st.permutations([*REQUIRED_PARTS["panel-letter"], *chosen]))
        shape = DocumentForm(kind="panel-letter", parts=[FormPart(key=k) for k in keys])
        form = HouseForm(name="Any", body=BodyKind.PFCC, documents=[shape])
        found = texts(panel_letter_document(letter, form=form))
        where = [next(i for i, t in enumerate(found) if marks[k] in t) for k in keys]
        event(f"{len(keys)} parts")
        assert where == sorted(where)
        assert not any(marks[k] in "".join(found) for k in set(marks) - set(keys))  # left-out parts
        reached += 1

    check()
    assert reached >= 35


# ---------------------------------------------------------------- the letterhead


@pytest.fixture
def logo_form(tmp_path: Path) -> HouseForm:
    from tests.tree_strategies import png_bytes

    (tmp_path / "logo.png").write_bytes(png_bytes(30, 10))
    logo = Logo(path=str(tmp_path / "logo.png"), alt="London Assembly", width="4cm")
    return attrs.evolve(builtin_form("london-assembly"), logo=logo)


def test_the_letter_opens_with_the_forms_logo_then_the_senders_block(london: PanelLetter, logo_form) -> None:
    doc = panel_letter_document(london, form=logo_form)
    head = doc.blocks[0]
    assert isinstance(head, Letterhead)
    assert head.logo == logo_picture(logo_form)
    assert head.logo is not None
    assert head.logo.alt == "London Assembly"
    shown = [plain_text(attrs.evolve(doc, blocks=(Paragraph(content=p.content),))) for p in head.lines]
    # The form's order: sender, date, reference; the addressee is the letter's, after the head.
    assert shown == [
        "London Assembly Police and Crime Committee\nCity Hall\nKamal Chunchie Way\nLondon E16 1ZE",
        "16 February 2022",
        "Reference: PCC/PCP/2022",
    ]
    assert texts(doc)[1].startswith("Sadiq Khan, Mayor of London")
    assert [n for n in iter_nodes(doc) if isinstance(n, Picture)] == [head.logo]


def test_a_form_without_a_logo_gives_a_letterhead_without_a_picture(london_doc: Document) -> None:
    head = london_doc.blocks[0]
    assert isinstance(head, Letterhead)
    assert head.logo is None
    assert not [n for n in iter_nodes(london_doc) if isinstance(n, Picture)]


def test_the_head_holds_only_what_the_letter_records(london: PanelLetter) -> None:
    bare = attrs.evolve(london, sender=(), reference=None)
    head = panel_letter_document(bare, form=builtin_form("london-assembly")).blocks[0]
    assert isinstance(head, Letterhead)
    assert [plain_text(attrs.evolve(london_doc_of(bare), blocks=(p,))) for p in head.lines] == [
        "London Assembly Police and Crime Committee",
        "16 February 2022",
    ]


def london_doc_of(letter: PanelLetter) -> Document:
    return panel_letter_document(letter, form=builtin_form("london-assembly"))


def test_a_form_opening_with_the_addressee_has_a_head_of_its_logo_alone(
    staffs: PanelLetter, staffs_doc: Document, tmp_path: Path
) -> None:
    from tests.tree_strategies import png_bytes

    assert not isinstance(staffs_doc.blocks[0], Letterhead)  # no logo, and the addressee comes first
    (tmp_path / "crest.png").write_bytes(png_bytes())
    form = attrs.evolve(
        load_form(EXAMPLES / "staffordshire-form.yaml"),
        logo=Logo(path=str(tmp_path / "crest.png"), decorative=True),
    )
    doc = panel_letter_document(staffs, form=form)
    head = doc.blocks[0]
    assert isinstance(head, Letterhead)
    assert head.lines == ()
    assert head.logo is not None
    assert head.logo.decorative
    assert texts(doc)[1:] == texts(staffs_doc)


def test_the_valediction_is_kept_with_the_chairs_name_under_it(london_doc: Document) -> None:
    # Found by looking at the London letter's PDF: 'Yours sincerely' ended page 1, the name began page 2.
    blocks = [b for b in london_doc.blocks if isinstance(b, Paragraph)]
    valediction = next(i for i, b in enumerate(blocks) if plain_text_of(b) == "Yours sincerely")
    assert blocks[valediction].keep_with_next
    assert plain_text_of(blocks[valediction + 1]).startswith("Susan Hall AM")
    assert not blocks[valediction + 1].keep_with_next


def plain_text_of(block: Paragraph) -> str:
    return plain_text(Document(meta=Metadata(title="t", author="a"), blocks=(block,)))
