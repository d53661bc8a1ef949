"""The powers a grant is made under, given by the plan module as its own."""

from pccplan.model import plan
from pccplan.model.grants import GrantPower


def test_the_plan_gives_the_same_grant_powers() -> None:
    assert plan.GrantPower is GrantPower
    assert "GrantPower" in plan.__all__


def test_grant_power_labels_cite_the_act() -> None:
    assert GrantPower("prsra-2011-s9").label == "Police Reform and Social Responsibility Act 2011, s.9"
    assert all("s.143" in p.label for p in (GrantPower.CRIME_AND_DISORDER, GrantPower.VICTIMS_AND_WITNESSES))
