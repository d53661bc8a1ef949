"""The Panel's report on a draft plan written as a letter from its Chair to the Commissioner (s.28(3))."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from pccplan._deprecate import renamed
from pccplan.compose.arguments import expect
from pccplan.compose.build import br, document, link, para, strong
from pccplan.compose.house import arrange, logo_picture, office_for
from pccplan.compose.parts import ACT_TITLE, blocks_of, day_month_year, narrative
from pccplan.compose.tree import Block, Document, Inline, Letterhead, Paragraph
from pccplan.forms import default_form
from pccplan.model.area import BodyKind
from pccplan.model.form import DocumentForm, HouseForm, Naming
from pccplan.model.letter import PanelLetter
from pccplan.model.plan import Plan
from pccplan.statute.process import response_duty

__all__ = ["letter_subject", "panel_letter_document"]

_HEAD = frozenset({"sender", "reference", "date"})
"""The parts a letterhead can hold: the sender's name and address, the reference and the date."""


def letter_subject(letter: PanelLetter) -> str:
    """The letter's subject line: its own, else 'Panel – meeting – Consideration of the draft plan'."""
    if letter.subject:
        return letter.subject
    draft = "draft variation of the" if letter.variation else "draft"
    meeting = day_month_year(letter.meeting)
    return f"{letter.panel} \u2013 {meeting} \u2013 Consideration of the {draft} {letter.plan_title}"


def _lines(*lines: str) -> list[Inline | str]:
    """Address lines as one paragraph's content, a line break between each."""
    out: list[Inline | str] = []
    for index, line in enumerate(lines):
        if index:
            out.append(br())
        out.append(line)
    return out


def _letterhead(
    shape: DocumentForm, parts: dict[str, list[Paragraph]], form: HouseForm
) -> tuple[Letterhead | None, frozenset[str]]:
    """The letter's head and the keys of the parts it holds.

    The head is the form's logo, then the sender's block, reference and date for as long as the
    form's order starts with them (a form that puts the addressee first, as Staffordshire's
    letter does, has a head of the logo alone). No logo and no such part: no letterhead.
    """
    keys: list[str] = []
    for part in shape.parts:
        if part.key not in _HEAD or part.heading is not None:
            break
        keys.append(part.key)
    lines = [line for key in keys for line in parts[key]]
    logo = logo_picture(form)
    if logo is None and not lines:
        return None, frozenset()
    return Letterhead(logo=logo, lines=tuple(lines)), frozenset(keys)


def panel_letter_document(
    letter: PanelLetter, plan: Plan | None = None, *, form: HouseForm | None = None
) -> Document:
    """The Panel's letter reporting on the draft plan (PANEL-1, s.28(3)), as a document tree.

    The parts, their order, their headings and the sign-off come from `form`'s
    ``panel-letter`` form (default: the built-in form of the area's kind of body). The law's
    sentences come from the rules: the Panel's review and report (PANEL-1, s.28(3)), what the
    Commissioner must do with it before issuing (PLAN-4, s.5(6)(d)-(f)) and, when the Panel
    set one, the period for a written response (PANEL-3, s.29(3)). The Panel's views are
    written as given; recommendations appear only when the Panel made them, and nothing is
    counted. `plan`, when given, names the office as its area styles it.

    The letter opens with a `Letterhead`: the form's logo (none when the form has no `logo`),
    then the sender's block, reference and date while the form's order starts with them.

    In London the letter is the Police and Crime Committee's, its Chair's to MOPAC: the review
    is the London Assembly's under s.33(1) (LON-2), MOPAC's steps are s.6(6)(d)-(f), and no
    s.29(3) period is cited (a Panel's power). Raises `ValidationError` when the form has no
    letter form, or naming the field whose markup is wrong.
    """
    expect(
        "panel_letter_document",
        ("letter", letter, PanelLetter, False),
        ("plan", plan, Plan, True),
        ("form", form, HouseForm, True),
    )
    office = office_for(letter.panel, letter.meeting, None, plan)
    scrutiny = office.scrutiny
    form = form or default_form(office.kind, scrutiny=True)
    shape = form.document("panel-letter")
    naming = form.naming
    panel, holder = naming.panel, naming.commissioner
    draft = "draft variation" if letter.variation else "draft"
    drafted = (
        f"draft variation of the {letter.plan_title}" if letter.variation else f"draft {letter.plan_title}"
    )

    introduction = para(
        f"At its meeting on {day_month_year(letter.meeting)}, the {letter.panel} ({panel}) reviewed the "
        f"{drafted} given to it by the {naming.office_holder or office.full_title} ({holder}), as ",
        link(f"section {scrutiny.review_section} of the {ACT_TITLE}", scrutiny.review.url),
        " requires of the London Assembly" if office.kind is BodyKind.MOPAC else " requires",
        f". This letter is {Naming.possessive(panel)} report on the {draft}.",
    )
    views = blocks_of(letter.views, "views", numbered=False)
    recommendations: list[Block] = []
    if letter.recommendations:
        recommendations.append(para(f"{Naming.start(panel)} makes these recommendations to {holder}:"))
        recommendations += [
            para(
                strong(f"Recommendation {rec.ref}:"), " ", *narrative(rec.text, f"recommendations[{i}].text")
            )
            for i, rec in enumerate(letter.recommendations)
        ]
    duty = response_duty(holder, panel, varies=letter.variation, london=office.kind is BodyKind.MOPAC)
    response: list[Block] = [
        para(f"{Naming.start(duty.text)} (", link(duty.section, duty.citation.url), " of the Act).")
    ]
    if letter.response_due is not None:
        asks = f"{Naming.start(panel)} asks for a written response by {day_month_year(letter.response_due)}"
        period = scrutiny.response_period  # s.29(3), PANEL-3: a Panel's power, not the Assembly's
        if period is None:
            response.append(para(f"{asks}."))
        else:
            response.append(para(f"{asks} (", link("section 29(3)", period.url), " of the Act)."))
    if letter.minutes_url is not None:
        response.append(
            para("The minutes of the meeting are published ", link("on the website", letter.minutes_url), ".")
        )
    head: dict[str, list[Paragraph]] = {
        "sender": [para(*_lines(letter.panel, *letter.sender))],
        "reference": [para(f"Reference: {letter.reference}")] if letter.reference else [],
        "date": [para(day_month_year(letter.date))],
    }
    letterhead, held = _letterhead(shape, head, form)
    sign_off = shape.sign_off
    valediction = sign_off.valediction if sign_off else "Yours sincerely"
    role = sign_off.role if sign_off else "Chair"

    parts: dict[str, list[Block]] = {
        **{key: [*blocks] for key, blocks in head.items() if key not in held},
        "addressee": [para(*_lines(letter.addressee.name, *letter.addressee.lines))],
        "salutation": [para(letter.salutation or f"Dear {letter.addressee.name}")],
        "subject": [para(strong(letter_subject(letter)))],
        "introduction": [introduction],
        "views": views,
        "recommendations": recommendations,
        "response": response,
        # The valediction stays on the page of the name under it: never alone at a page's foot.
        "sign-off": [
            attrs.evolve(para(valediction), keep_with_next=True),
            para(*_lines(letter.chair, f"{role}, {letter.panel}")),
        ],
    }
    return document(
        *([letterhead] if letterhead else []),
        *arrange(shape, parts),
        title=letter_subject(letter),
        author=letter.panel,
        subject=f"Report on the {drafted} (s.{scrutiny.review_section})",
        date=letter.date,
        keywords=("police and crime panel", "police and crime plan", "letter"),
        header=letter.panel,
        capitals=form.capitals_for("panel-letter"),
    )


if TYPE_CHECKING:  # the former name, for type checkers; at run time `__getattr__` keeps it
    panel_letter = panel_letter_document
__getattr__ = renamed(__name__, {"panel_letter": panel_letter_document})
