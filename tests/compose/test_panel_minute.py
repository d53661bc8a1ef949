"""The Panel's minute of the plan item: points with replies (never recommendations), the resolution."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from tests.london import COMMITTEE, assert_london

from pccplan.compose.panel_minute import minute_title, panel_minute_document
from pccplan.compose.tree import BulletList
from pccplan.compose.walk import plain_text
from pccplan.errors import ValidationError
from pccplan.files import load
from pccplan.model.agenda import MinutePoint, MinuteStyle, PanelMinute

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SOURCE = "https://democracy.carmarthenshire.gov.wales/mgAi.aspx?ID=35639"


@pytest.fixture(scope="module")
def dyfed_powys() -> PanelMinute:
    return load(EXAMPLES / "dyfed-powys-2021-panel-minute.yaml", PanelMinute)


def test_the_example_names_its_source_and_marks_what_is_invented() -> None:
    assert SOURCE in (EXAMPLES / "dyfed_powys_2021_panel_minute.py").read_text(encoding="utf-8")
    data = (EXAMPLES / "dyfed-powys-2021-panel-minute.yaml").read_text(encoding="utf-8")
    assert SOURCE in data
    assert "INVENTED" in data


def test_points_replies_and_resolution_in_order(dyfed_powys: PanelMinute) -> None:
    doc = panel_minute_document(dyfed_powys)
    body = plain_text(doc)
    assert "Dyfed-Powys Police and Crime Panel, 5 November 2021" in body
    assert "under section 28(3) of the Police Reform and Social Responsibility Act 2011" in body
    assert "section 7(1)" not in body  # the source's mis-citation is not copied
    assert "The Commissioner replied: By the end of the year." in body
    assert "recommendation" not in body.casefold()
    assert any(isinstance(b, BulletList) and len(b.items) == 3 for b in doc.blocks)
    order = [
        body.index("presented"),
        body.index("priorities"),
        body.index("Resolved"),
        body.index("be its report"),
    ]
    assert order == sorted(order)


def test_a_point_without_a_reply_is_minuted_without_one(dyfed_powys: PanelMinute) -> None:
    body = plain_text(panel_minute_document(dyfed_powys))
    last = body[body.index("how progress") :].splitlines()[0]
    assert "replied" not in last


def test_letters_and_roman_numerals(dyfed_powys: PanelMinute) -> None:
    lettered = plain_text(panel_minute_document(attrs.evolve(dyfed_powys, style=MinuteStyle.LETTERS)))
    assert "a) A member asked" in lettered
    assert "c) A member asked" in lettered
    roman = plain_text(panel_minute_document(attrs.evolve(dyfed_powys, style=MinuteStyle.ROMAN, number="12")))
    assert "(ii) A member asked" in roman
    assert minute_title(attrs.evolve(dyfed_powys, number="12")).startswith("12. Draft")


def test_an_item_that_was_not_the_review_claims_no_review(dyfed_powys: PanelMinute) -> None:
    assert "section 28(3)" not in plain_text(panel_minute_document(attrs.evolve(dyfed_powys, review=False)))


def test_a_minute_needs_a_resolution_and_a_reply_to_name_who_replied() -> None:
    with pytest.raises(ValidationError, match="resolved"):
        PanelMinute(panel="P", meeting=dt.date(2024, 1, 1), item_title="I", plan_title="T", resolved=[])
    with pytest.raises(ValidationError, match="replied_by"):
        MinutePoint(point="A point.", replied_by="the Commissioner")


def test_the_committees_minute_cites_the_assemblys_review_under_s33() -> None:
    minute = PanelMinute(
        panel=COMMITTEE,
        meeting=dt.date(2025, 1, 15),
        item_title="The Mayor's draft Police and Crime Plan 2025-29",
        plan_title="Police and Crime Plan 2025-29",
        resolved=["That the Committee notes the discussion."],
    )
    body = assert_london(
        panel_minute_document(minute),
        "The Committee reviewed the draft Police and Crime Plan 2025-29 under section 33(1) of the Police "
        "Reform and Social Responsibility Act 2011.",
    )
    assert "28(3)" not in body
