"""The error hierarchy and how problems read."""

from __future__ import annotations

import pytest

from pccplan import errors
from pccplan.errors import PccplanError, PlanFileError, Problem, UnknownAreaError, ValidationError
from pccplan.finding import FindingsOf


def test_every_error_derives_from_pccplan_error() -> None:
    for name in errors.__all__:
        obj = getattr(errors, name)
        if isinstance(obj, type) and issubclass(obj, BaseException):
            assert issubclass(obj, PccplanError), name


def test_problem_paths_nest() -> None:
    problem = Problem(path="statement", reason="must not be empty", value="", owner="Outcome")
    assert str(problem) == "Outcome.statement: must not be empty (got '')"
    nested = problem.under("outcomes[0]").under("themes[2]")
    assert str(nested) == "themes[2].outcomes[0].statement: must not be empty (got '')"
    assert Problem(path="[1]", reason="r").under("themes").path == "themes[1]"
    assert Problem(path="", reason="r").under("area").path == "area"
    assert problem.under("") is problem


def test_long_values_are_shortened() -> None:
    assert str(Problem(path="a", reason="r", value="x" * 500)).endswith("...)")


def test_validation_error_needs_a_problem_and_exposes_the_first() -> None:
    with pytest.raises(ValueError, match="at least one problem"):
        ValidationError([])
    error = ValidationError([Problem(path="a", reason="r1", value=1), Problem(path="b", reason="r2")])
    assert (error.path, error.value, error.reason) == ("a", 1, "r1")
    assert str(error) == "a: r1 (got 1); b: r2 (got None)"
    assert error.under("x").path == "x.a"


def test_file_error_lists_problems() -> None:
    error = PlanFileError("plan.yaml", [Problem(path="title", reason="is required but missing")])
    assert str(error) == "plan.yaml: 1 problem(s)\n  title: is required but missing (got None)"


def test_unknown_area_error_is_a_lookup_error() -> None:
    error = UnknownAreaError("x", ["essex"])
    assert isinstance(error, LookupError)
    assert str(error) == "no police area matches 'x'; did you mean 'essex'?"


def test_an_unknown_field_is_a_validation_error_and_a_type_error() -> None:
    error = errors.UnknownFieldError([Problem(path="nme", reason="is not a field of Theme", owner="Theme")])
    assert isinstance(error, ValidationError)
    assert isinstance(error, TypeError)


def test_dates_are_shown_as_written() -> None:
    import datetime as dt

    assert (
        str(Problem(path="issued", reason="r", value=dt.date(9999, 12, 31))) == "issued: r (got 9999-12-31)"
    )


def test_a_problem_with_the_file_itself_shows_no_value() -> None:
    error = PlanFileError(
        "plan.yaml",
        [
            Problem(path="", reason="cannot be opened: it is a folder"),
            Problem(path="line 2, column 1", reason="r"),
        ],
    )
    assert str(error) == "plan.yaml: 2 problem(s)\n  cannot be opened: it is a folder\n  line 2, column 1: r"


def test_problems_are_a_findings_collection_and_still_a_tuple() -> None:
    first = Problem(path="a", reason="must not be empty", value="")
    second = Problem(path="b", reason="must be a date", value=3)
    for error in (ValidationError([first, second]), PlanFileError("plan.yaml", [first, second])):
        assert isinstance(error.problems, FindingsOf)
        assert error.problems == (first, second)  # equal to the tuple it used to be
        assert (error.problems[1], len(error.problems)) == (second, 2)
        assert error.problems.to_json() == [first.to_json(), second.to_json()]
        assert error.problems.breaches == (first, second)  # a refused input is an error
        assert not error.problems.clean
    assert isinstance(ValidationError([first]).under("themes[0]").problems, FindingsOf)
