"""Names checked against the area on the day."""

from __future__ import annotations

import datetime as dt

import attrs

from pccplan.model.area import BodyKind
from pccplan.model.plan import Commissioner, Plan
from pccplan.statute.findings import Severity
from pccplan.statute.naming import check_naming, kind_of_title


def test_a_matching_plan_has_no_warnings() -> None:
    plan = Plan(title="P", area="essex", commissioner=Commissioner(name="R", elected=dt.date(2021, 5, 6)))
    assert check_naming(plan, panel="Essex Police, Fire and Crime Panel").clean


def test_a_pcc_title_in_a_pfcc_area_and_a_wrong_panel_name_the_expected_values() -> None:
    chosen = Commissioner(
        name="R", title="Police and Crime Commissioner for Essex", elected=dt.date(2021, 5, 6)
    )
    plan = Plan(title="P", area="essex", commissioner=chosen)
    found = check_naming(plan, panel="Essex Police and Crime Panel")
    assert [f.severity for f in found] == [Severity.WARNING, Severity.WARNING]
    assert "expected 'Police, Fire and Crime Commissioner for Essex'." in found[0].message
    assert "expected 'Essex Police, Fire and Crime Panel'" in found[1].message


def test_a_typed_pcc_title_in_essex_2021_warns_naming_the_pfcc_title() -> None:
    """Bug: a typed 'Police and Crime Commissioner' was taken for the default and never warned of."""
    typed = Commissioner(name="R", title="Police and Crime Commissioner", elected=dt.date(2021, 5, 6))
    [found] = check_naming(Plan(title="P", area="essex", commissioner=typed))
    assert found.severity is Severity.WARNING
    assert found.message == (
        "The commissioner's title 'Police and Crime Commissioner' names a PCC, but Essex on 6 May 2021 had "
        "a PFCC: expected 'Police, Fire and Crime Commissioner for Essex'."
    )


def test_no_title_is_silent_and_a_typed_correct_title_is_silent() -> None:
    day = dt.date(2021, 5, 6)
    for title in (
        None,
        "Police, Fire and Crime Commissioner",
        "Police, Fire and Crime Commissioner for Essex",
    ):
        who = Commissioner(name="R", title=title, elected=day)
        assert check_naming(Plan(title="P", area="essex", commissioner=who)).clean, title
    # North Yorkshire from November 2018, Staffordshire 2018, Northamptonshire 2019: PFCCs too.
    for area, day in (("north-yorkshire", dt.date(2019, 1, 1)), ("staffordshire", dt.date(2019, 1, 1))):
        typed = Commissioner(name="R", title="Police and Crime Commissioner")
        plan = Plan(title="P", area=area, commissioner=typed, issued=day)
        assert [
            f.message.endswith("Crime Commissioner for " + plan.area.name + "'.") for f in check_naming(plan)
        ] == [True]
        assert check_naming(attrs.evolve(plan, commissioner=Commissioner(name="R"))).clean


def test_kind_of_title() -> None:
    assert kind_of_title("Mayor's Office for Policing and Crime") is BodyKind.MOPAC
    assert kind_of_title("Mayor of West Yorkshire") is BodyKind.MAYOR
    assert kind_of_title("Police, Fire and Crime Commissioner") is BodyKind.PFCC
    assert kind_of_title("Police and Crime Commissioner") is BodyKind.PCC


def test_each_different_panel_name_of_several_documents_is_one_warning() -> None:
    plan = Plan(title="P", area="essex", commissioner=Commissioner(name="R", elected=dt.date(2021, 5, 6)))
    found = check_naming(
        plan,
        panel="Essex Police and Crime Panel",
        panels=["Essex Police, Fire and Crime Panel", "Essex Police and Crime Panel", "Essex Panel"],
    )
    assert [f.message.split("'")[1] for f in found] == ["Essex Police and Crime Panel", "Essex Panel"]


def test_naming_is_a_declared_rule_citing_s1() -> None:
    """NAME-1, PRSRA s.1(3)-(3B): "the Police and Crime Commissioner for" the area, or "the Police, Fire
    and Crime Commissioner for" it (text read 1 December 2026)."""
    from pccplan.statute.naming import NAMING_RULE, check_naming
    from pccplan.statute.registry import rule

    assert rule(NAMING_RULE).function is check_naming
    assert rule("NAME-1").citation.pinpoint.startswith("s.1(3)-(3B)")
