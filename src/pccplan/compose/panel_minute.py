"""The Panel's minute of the agenda item on the draft plan: points raised, replies, resolution.

A minute records what was said and resolved, in the minute's own words. Points raised are
points, not recommendations: they are listed as the minute lists them (a), b) ...), each with
the reply when one is minuted, and never counted. Only when the item was the Panel's review of
the draft (`PanelMinute.review`) does the minute cite s.28(3) (PANEL-1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pccplan._deprecate import renamed
from pccplan.compose.arguments import expect
from pccplan.compose.build import bullets, document, link, ordered, para, strong, title_block
from pccplan.compose.house import with_logo
from pccplan.compose.parts import ACT_TITLE, blocks_of, day_month_year, narrative
from pccplan.compose.record_of_decision import arrange_marked, scrutiny_form
from pccplan.compose.tree import Block, Document, Inline
from pccplan.compose.walk import ordered_label
from pccplan.model.agenda import MinutePoint, MinuteStyle, PanelMinute
from pccplan.model.form import HouseForm, Naming
from pccplan.model.plan import Plan

__all__ = ["minute_title", "panel_minute_document"]


def minute_title(minute: PanelMinute) -> str:
    """'12. Draft Police and Crime Plan 2025-2029' (the number, when minuted, and the item's title)."""
    return f"{minute.number}. {minute.item_title}" if minute.number else minute.item_title


def _point(point: MinutePoint, where: str) -> list[Inline | str]:
    words: list[Inline | str] = []
    if point.raised_by:
        words += [f"{point.raised_by}: "]
    words += list(narrative(point.point, f"{where}.point"))
    if point.reply is not None:
        words += [
            " ",
            strong(f"{Naming.start(point.replied_by)} replied:" if point.replied_by else "Reply:"),
            " ",
        ]
        words += list(narrative(point.reply, f"{where}.reply"))
    return words


def _labelled(style: MinuteStyle, number: int) -> str:
    """'a)' for letters, '(i)' for roman numerals."""
    if style is MinuteStyle.LETTERS:
        return ordered_label(1, number).rstrip(".") + ")"
    return "(" + ordered_label(2, number).rstrip(".") + ")"


def _points(minute: PanelMinute) -> list[Block]:
    items = [_point(p, f"points[{i}]") for i, p in enumerate(minute.points)]
    if not items:
        return []
    if minute.style is MinuteStyle.NUMBERS:
        return [ordered(*items)]
    if minute.style is MinuteStyle.BULLETS:
        return [bullets(*items)]
    return [para(_labelled(minute.style, n), " ", *words) for n, words in enumerate(items, start=1)]


def panel_minute_document(
    minute: PanelMinute, plan: Plan | None = None, *, form: HouseForm | None = None
) -> Document:
    """The Panel's minute of the item on the draft plan, as a document tree.

    The introduction is the minute's own; when the item was the Panel's review of the draft
    (`minute.review`), a sentence cites the review under s.28(3) (PANEL-1). The points raised
    follow in the minute's style, each with its reply where one is minuted, then what the Panel
    resolved, each resolution as minuted. Parts and headings come from `form`'s
    ``panel-minute`` form (default: the built-in form of the area's kind of body).

    In London the review is the Assembly's under s.33(1) (LON-2). Raises `ValidationError`
    naming the field whose markup is wrong.
    """
    expect(
        "panel_minute_document",
        ("minute", minute, PanelMinute, False),
        ("plan", plan, Plan, True),
        ("form", form, HouseForm, True),
    )
    office, form, shape, capitals = scrutiny_form(minute.panel, minute.meeting, plan, form, "panel-minute")
    panel = form.naming.panel
    introduction = blocks_of(minute.introduction, "introduction", numbered=False)
    if minute.review:
        introduction.append(
            para(
                f"{Naming.start(panel)} reviewed the draft {minute.plan_title} under ",
                link(
                    f"section {office.scrutiny.review_section} of the {ACT_TITLE}", office.scrutiny.review.url
                ),
                ".",
            )
        )
    resolved: list[Block] = [para(*narrative(r, f"resolved[{i}]")) for i, r in enumerate(minute.resolved)]
    if len(resolved) > 1:
        resolved = [ordered(*(narrative(r, f"resolved[{i}]") for i, r in enumerate(minute.resolved)))]
    if minute.url is not None:
        resolved.append(
            para("The minutes of the meeting are published ", link("on the website", minute.url), ".")
        )
    parts: dict[str, list[Block]] = {
        "introduction": introduction,
        "points": _points(minute),
        "resolution": resolved,
    }
    title = minute_title(minute)
    composed = document(
        title_block(title, f"{minute.panel}, {day_month_year(minute.meeting)}"),
        *arrange_marked(shape, parts),
        title=title,
        author=minute.panel,
        subject=f"Minute: {minute.item_title}",
        date=minute.meeting,
        keywords=("police and crime panel", "minutes", "police and crime plan"),
        header=minute.panel,
        capitals=capitals,
    )
    return with_logo(composed, form)  # the form's logo, as apply_form adds it


if TYPE_CHECKING:  # the former name, for type checkers; at run time `__getattr__` keeps it
    panel_minute = panel_minute_document
__getattr__ = renamed(__name__, {"panel_minute": panel_minute_document})
