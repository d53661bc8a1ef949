"""The plan model: construction, validation with field paths, and helpers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from pccplan.errors import ValidationError
from pccplan.model.area import find_area
from pccplan.model.plan import (
    Commissioner,
    Grant,
    GrantPower,
    Outcome,
    Period,
    Plan,
    ResourceLine,
    Resources,
    Theme,
)


def make_plan(**changes: object) -> Plan:
    base = Plan(
        title="Police and Crime Plan",
        area=find_area("cambridgeshire"),
        commissioner=Commissioner(name="Jason Ablewhite"),
        themes=[
            Theme(name="Victims", aim="Support victims"),
            Theme(name="Offenders", aim="Reduce reoffending"),
        ],
    )
    return attrs.evolve(base, **changes)


def test_plan_is_frozen_slotted_keyword_only() -> None:
    plan = make_plan()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        plan.title = "x"  # type: ignore[misc]
    assert not hasattr(plan, "__dict__")
    with pytest.raises(TypeError):
        Plan("t", find_area("essex"), Commissioner(name="x"))  # type: ignore[misc]


def test_evolve_revalidates() -> None:
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(make_plan(), title=" ")
    assert caught.value.path == "title"


def test_duplicate_theme_names_are_refused_with_the_path_of_the_second() -> None:
    with pytest.raises(ValidationError) as caught:
        make_plan(
            themes=[Theme(name="Victims", aim="a"), Theme(name="b", aim="b"), Theme(name="VICTIMS ", aim="c")]
        )
    assert caught.value.path == "themes[2].name"
    assert caught.value.value == "VICTIMS "
    assert str(caught.value).startswith("Plan.themes[2].name: duplicate name, the same as themes[0]")


def test_nested_bad_value_names_its_field() -> None:
    with pytest.raises(ValidationError) as caught:
        Outcome(statement="")
    assert str(caught.value) == "Outcome.statement: must not be empty (got '')"


def test_theme_lookup_ignores_case() -> None:
    plan = make_plan()
    assert plan.theme("victims").name == "Victims"
    with pytest.raises(KeyError, match="Victims, Offenders"):
        plan.theme("Communities")


def test_period_rules() -> None:
    period = Period(start=dt.date(2017, 4, 1), end=dt.date(2021, 3, 31))
    assert period.days == 1461
    assert dt.date(2021, 3, 31) in period
    assert dt.date(2021, 4, 1) not in period
    assert "2017-04-01" not in period
    assert period.label == "2017 - 2021"
    assert Period(start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 1)).label == "2020"
    with pytest.raises(ValidationError) as caught:
        Period(start=dt.date(2021, 4, 1), end=dt.date(2021, 3, 31))
    assert caught.value.path == "end"
    assert "2021-04-01" in caught.value.reason


def test_grant_money_and_power() -> None:
    grant = Grant(recipient="CSP", amount="1,000.50", purpose="p", power=GrantPower.CRIME_AND_DISORDER)  # type: ignore[arg-type]
    assert grant.amount == Decimal("1000.50")
    assert "s.143" in grant.power.label
    assert GrantPower.PRSRA_S9.label.endswith("s.9")
    with pytest.raises(ValidationError, match="whole pence"):
        attrs.evolve(grant, amount=Decimal("0.001"))
    with pytest.raises(ValidationError, match="negative"):
        attrs.evolve(grant, amount=Decimal("-5"))
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(grant, power="prsra-2011-s9")
    assert caught.value.path == "power"


def test_totals_are_decimal() -> None:
    plan = make_plan(
        grants=[
            Grant(recipient="a", amount=Decimal("0.10"), purpose="p", power=GrantPower.PRSRA_S9),
            Grant(recipient="b", amount=Decimal("0.20"), purpose="p", power=GrantPower.PRSRA_S9),
        ],
        resources=Resources(
            summary="s",
            lines=[ResourceLine(item="x", amount=Decimal("1.10")), ResourceLine(item="y", amount=2)],
        ),
    )
    assert plan.grants_total == Decimal("0.30")
    assert plan.resources is not None
    assert plan.resources.total == Decimal("3.10")


def test_commissioner_for_area_takes_the_title_in_force() -> None:
    essex = find_area("essex")
    assert Commissioner.for_area("R", essex).effective_title == "Police, Fire and Crime Commissioner"
    assert (
        Commissioner.for_area("R", essex, on=dt.date(2016, 6, 1)).effective_title
        == "Police and Crime Commissioner"
    )


def test_plan_needs_a_real_area_and_commissioner() -> None:
    with pytest.raises(ValidationError) as caught:
        make_plan(area="Cambrigeshire")
    assert caught.value.path == "area"
    assert "did you mean 'cambridgeshire'" in caught.value.reason
    assert make_plan(area="Cambridgeshire and Peterborough").area == find_area("cambridgeshire")
    with pytest.raises(ValidationError) as caught:
        make_plan(commissioner="Jason")
    assert caught.value.path == "commissioner"


def test_objectives_and_theme_objectives_must_be_text() -> None:
    with pytest.raises(ValidationError) as caught:
        make_plan(objectives=["ok", "\x00"])
    assert caught.value.path == "objectives[1]"
    with pytest.raises(ValidationError) as caught:
        Theme(name="n", aim="a", objectives=[""])
    assert caught.value.path == "objectives[0]"


def test_the_issue_day_is_one_record_shared_with_the_process() -> None:
    from pccplan.model.process import PlanProcess

    essex = find_area("essex")
    who = Commissioner(name="R Hirst", elected=dt.date(2021, 5, 6))
    given_on_plan = Plan(
        title="P", area=essex, commissioner=who, issued=dt.date(2022, 3, 1), process=PlanProcess()
    )
    assert given_on_plan.process is not None
    assert given_on_plan.process.plan_issued == dt.date(2022, 3, 1)
    given_in_process = Plan(
        title="P", area=essex, commissioner=who, process=PlanProcess(plan_issued=dt.date(2022, 3, 2))
    )
    assert given_in_process.issued == dt.date(2022, 3, 2)
    with pytest.raises(ValidationError) as caught:
        Plan(
            title="P",
            area=essex,
            commissioner=who,
            issued=dt.date(2022, 3, 1),
            process=PlanProcess(plan_issued=dt.date(2022, 3, 2)),
        )
    assert caught.value.path == "process.plan_issued"


def test_a_commissioner_with_no_title_takes_the_areas_title_on_the_day() -> None:
    essex = find_area("essex")
    pfcc = Plan(title="P", area=essex, commissioner=Commissioner(name="R Hirst", elected=dt.date(2021, 5, 6)))
    assert pfcc.commissioner.effective_title == "Police, Fire and Crime Commissioner"
    assert pfcc.commissioner.title is None  # defaulted, not given: a file keeps no title
    # Before the fire governance transfer (1 October 2017) Essex had a PCC.
    before = Plan(
        title="P", area=essex, commissioner=Commissioner(name="N Alston", elected=dt.date(2016, 5, 5))
    )
    assert before.commissioner.effective_title == "Police and Crime Commissioner"
    chosen = Commissioner(name="B", title="Staffordshire Commissioner", elected=dt.date(2021, 5, 6))
    assert Plan(title="P", area="staffordshire", commissioner=chosen).commissioner.effective_title == (
        "Staffordshire Commissioner"
    )
    manchester = Plan(title="P", area="greater-manchester", commissioner=Commissioner(name="A Burnham"))
    assert manchester.commissioner.effective_title == "Mayor of Greater Manchester"


def test_a_given_pcc_title_in_a_pfcc_area_is_kept_as_given() -> None:
    """Bug: a typed 'Police and Crime Commissioner' in Essex 2021 was taken for the default and restyled."""
    typed = Commissioner(name="R", title="Police and Crime Commissioner", elected=dt.date(2021, 5, 6))
    plan = Plan(title="P", area="essex", commissioner=typed)
    assert plan.commissioner.title == "Police and Crime Commissioner"
    assert plan.commissioner.effective_title == "Police and Crime Commissioner"


def test_the_default_title_is_none_and_the_effective_one_the_pccs_until_styled() -> None:
    bare = Commissioner(name="R")
    assert (bare.title, bare.effective_title) == (None, "Police and Crime Commissioner")
    styled = bare.styled_for(find_area("essex"), dt.date(2021, 5, 6))
    assert (styled.title, styled.effective_title) == (None, "Police, Fire and Crime Commissioner")
    assert styled == bare  # equality is what was given
    # Styled again for another day, the defaulted title follows the area on that day.
    assert styled.styled_for(find_area("essex"), dt.date(2016, 6, 1)).effective_title == (
        "Police and Crime Commissioner"
    )


def test_commissioner_declares_a_by_election() -> None:
    assert Commissioner(name="A").by_election is False
    with pytest.raises(ValidationError) as caught:
        Commissioner(name="A", by_election="yes")  # type: ignore[arg-type]
    assert caught.value.path == "by_election"


def test_a_plans_theme_word_and_cross_cutting_themes_are_text() -> None:
    plan = Plan(
        title="Police and Crime Plan",
        area="west-yorkshire",
        commissioner=Commissioner(name="Tracy Brabin"),
        theme_word="priority",
        cross_cutting_themes=["Safety of women and girls"],
    )
    assert (plan.theme_word, plan.cross_cutting_themes) == ("priority", ("Safety of women and girls",))
    with pytest.raises(ValidationError, match="theme_word"):
        attrs.evolve(plan, theme_word="")
    with pytest.raises(ValidationError, match=r"cross_cutting_themes"):
        attrs.evolve(plan, cross_cutting_themes=[""])
