"""Tests for the DOCX-shaped facts: run formatting laid over styles, style chains, list levels."""

from __future__ import annotations

from types import MappingProxyType

from pccplan.read.facts import (
    AbstractNumbering,
    CellFact,
    LevelFact,
    Numbering,
    NumberingInstance,
    ParagraphFact,
    RowFact,
    RunProps,
    StyleFact,
    Styles,
    TableFact,
    iter_paragraphs,
)


def para(style: str | None = None, outline: int | None = None) -> ParagraphFact:
    return ParagraphFact(
        style=style, numbering=None, outline_level=outline, page_break_before=False, indent=None,
        alignment=None, inlines=(),
    )  # fmt: skip


def style(style_id: str, based_on: str | None, name: str = "x") -> StyleFact:
    return StyleFact(
        style_id=style_id, name=name, kind="paragraph", based_on=based_on, outline_level=None,
        numbering=None, indent=None, run=RunProps(bold=True),
    )  # fmt: skip


def test_run_props_laid_over_a_base_keep_what_they_set() -> None:
    base = RunProps(bold=True, size=24)
    assert RunProps(size=20).over(base) == RunProps(bold=True, size=20)
    assert RunProps().over(base) is base


def test_a_style_chain_that_loops_is_cut() -> None:
    styles = Styles(by_id=MappingProxyType({"A": style("A", "B"), "B": style("B", "A")}))
    assert [s.style_id for s in styles.chain("A")] == ["A", "B"]


def test_heading_levels_from_outline_or_style_name() -> None:
    styles = Styles(by_id=MappingProxyType({"T": style("T", None, name="Heading 2")}))
    assert styles.heading_level(para("T")) == 1
    assert styles.heading_level(para(outline=9)) is None
    assert styles.heading_level(para(outline=0)) == 0


def test_an_instance_level_wins_over_its_definition() -> None:
    numbering = Numbering(
        instances=MappingProxyType(
            {
                2: NumberingInstance(
                    num_id=2, abstract_id=1, starts={}, levels={0: LevelFact(level=0, start=5)}
                )
            }
        ),
        abstracts=MappingProxyType({1: AbstractNumbering(abstract_id=1, levels={0: LevelFact(level=0)})}),
    )
    assert numbering.levels(2)[0].start == 5


def test_paragraphs_in_table_cells_are_found() -> None:
    inner = para("inner")
    table = TableFact(
        style=None, caption=None, description=None, indent=None, first_row=False, grid=(),
        rows=(RowFact(cells=(CellFact(blocks=(inner,)),)),),
    )  # fmt: skip
    assert list(iter_paragraphs([para("outer"), table])) == [para("outer"), inner]
