"""Plan files: YAML and JSON load and dump, errors naming the file and the path, atomic saves."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import cattrs
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from tests.strategies import documents

from pccplan.errors import PlanFileError
from pccplan.files import KINDS, MAX_FILE_SIZE, Format, dump, dumps, kind_of, load, loads
from pccplan.model.convert import make_converter, unstructure
from pccplan.model.panel import Response
from pccplan.model.plan import Plan

GOOD = """\
title: A plan
area: essex
commissioner:
  name: Roger Hirst
themes:
  - name: Victims
    aim: Support victims
"""


def test_example_plan_loads_with_four_themes(examples: Path) -> None:
    plan = load(examples / "cambridgeshire-2016.yaml", Plan)
    assert [t.name for t in plan.themes] == ["Victims", "Offenders", "Communities", "Transformation"]
    assert plan.area.slug == "cambridgeshire"
    assert all(t.illustrative for t in plan.themes)


def test_kind_defaults_to_plan_and_is_checked() -> None:
    assert isinstance(loads(GOOD), Plan)
    assert isinstance(loads("kind: plan\n" + GOOD), Plan)
    with pytest.raises(PlanFileError, match="this file holds a plan, not a response"):
        loads("kind: plan\n" + GOOD, Response)
    with pytest.raises(PlanFileError) as caught:
        loads("kind: budget\n" + GOOD)
    assert caught.value.problems[0].path == "kind"


def test_kind_of_every_kind_and_unknown() -> None:
    for name, cls in KINDS.items():
        assert kind_of(cls) == name
    with pytest.raises(TypeError):
        kind_of(int)


def test_error_names_file_path_and_value(tmp_path: Path) -> None:
    file = tmp_path / "plan.yaml"
    file.write_text(GOOD.replace("aim: Support victims", "aim: ''"), encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        load(file)
    message = str(caught.value)
    assert message.startswith(f"{file}: 1 problem(s)")
    assert "themes[0].aim: must not be empty (got '')" in message
    assert caught.value.file == str(file)


def test_yaml_syntax_error_gives_line_and_column() -> None:
    with pytest.raises(PlanFileError) as caught:
        loads("title: [unclosed\n", source="bad.yaml")
    assert caught.value.problems[0].path.startswith("line ")
    assert str(caught.value).startswith("bad.yaml:")


def test_duplicate_keys_are_refused_not_silently_merged() -> None:
    with pytest.raises(PlanFileError, match="'title' appears twice"):
        loads(GOOD + "title: Another\n")
    with pytest.raises(PlanFileError, match="'title' appears twice"):
        loads('{"title": "a", "title": "b"}', format="json")


def test_yaml_aliases_and_unsafe_tags_are_refused() -> None:
    with pytest.raises(PlanFileError, match="aliases"):
        loads("a: &x [1]\nb: *x\n")
    with pytest.raises(PlanFileError):
        loads("title: !!python/object/apply:os.system ['true']\n")


def test_invalid_calendar_date_in_yaml_is_a_file_error() -> None:
    with pytest.raises(PlanFileError):
        loads(GOOD + "issued: 2017-02-30\n")


def test_json_refuses_nan_and_reads_amounts_exactly() -> None:
    with pytest.raises(PlanFileError):
        loads('{"title": NaN}', format="json")
    data = json.loads(dumps(loads(GOOD), format="json"))
    assert data["kind"] == "plan"


def test_unreadable_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="cannot be opened"):
        load(tmp_path / "missing.yaml")
    binary = tmp_path / "plan.yaml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(PlanFileError, match="line 1, column 1: is not UTF-8 text: the byte 0xFF"):
        load(binary)


def test_top_level_must_be_a_mapping() -> None:
    for text in ("- a\n- b\n", "42\n", "", "null\n"):
        with pytest.raises(PlanFileError, match="expected a mapping"):
            loads(text)


def test_dump_is_atomic_and_loads_back(tmp_path: Path, examples: Path) -> None:
    plan = load(examples / "cambridgeshire-2016.yaml", Plan)
    for name in ("out.yaml", "out.json"):
        path = dump(plan, tmp_path / name)
        assert load(path) == plan
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "out.yaml"]


def test_a_commissioner_without_a_title_gains_none_on_dump() -> None:
    """In a PFCC area the area's title is used, not written: the file stays as it was given."""
    plan = loads(GOOD)
    assert isinstance(plan, Plan)
    assert plan.commissioner.effective_title == "Police, Fire and Crime Commissioner"
    assert "title" not in yaml.safe_load(dumps(plan))["commissioner"]
    assert loads(dumps(plan)) == plan
    typed = loads(
        GOOD.replace("  name: Roger Hirst\n", "  name: Roger Hirst\n  title: Police and Crime Commissioner\n")
    )
    assert isinstance(typed, Plan)
    assert yaml.safe_load(dumps(typed))["commissioner"]["title"] == "Police and Crime Commissioner"


def test_dump_takes_the_format_by_keyword_over_the_suffix(tmp_path: Path) -> None:
    plan = loads(GOOD)
    path = dump(plan, tmp_path / "plan.txt", format="json")
    assert path.read_text(encoding="utf-8") == dumps(plan, format="json")
    assert dump(plan, tmp_path / "plan.txt").read_text(encoding="utf-8") == dumps(plan)


def test_dump_to_a_missing_folder_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="cannot write the file: No such file or directory"):
        dump(loads(GOOD), tmp_path / "nope" / "out.yaml")
    assert list(tmp_path.iterdir()) == []


def test_multiline_text_is_written_as_a_block() -> None:
    plan = loads(GOOD + "foreword: |\n  Line one.\n  Line two.\n")
    assert "foreword: |" in dumps(plan)


@given(documents)
def test_any_model_object_survives_yaml(obj: object) -> None:
    assert loads(dumps(obj), type(obj)) == obj


@given(documents)
def test_any_model_object_survives_json(obj: object) -> None:
    assert loads(dumps(obj, format="json"), type(obj), format="json") == obj


# -- The plan-file fuzzer: whatever a file holds, a load or a PlanFileError, never another error --

leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**200)  # a number far too long for any field
    | st.floats()
    | st.text(max_size=10)
    | st.dates().map(str)
    | st.sampled_from(["2016-02-30", "9999-12-31", "1e30", "NaN", "a\x01b", "\x00", "", "£1,250.00"])
)
junk = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
keys = st.sampled_from(["title", "name", "aim", "themes", "amount", "elected", "kind", "colour"]) | st.one_of(
    st.integers(), st.none(), st.booleans(), st.dates()
)


def _places(data: object) -> list[tuple[dict[Any, Any] | list[Any], Any]]:
    """Every (container, key or index) in plain data, outermost first."""
    found: list[tuple[dict[Any, Any] | list[Any], Any]] = []
    stack = [data]
    while stack:
        here = stack.pop()
        if isinstance(here, dict):
            found += [(here, key) for key in here]
            stack += list(here.values())
        elif isinstance(here, list):
            found += [(here, index) for index in range(len(here))]
            stack += here
    return found


@st.composite
def plan_texts(draw: st.DrawFn, converter: cattrs.Converter) -> tuple[str, Format]:
    """A plan file as people and tools get them wrong: mostly a valid document, changed a little.

    Up to three changes to its data (a field dropped, a value replaced by junk, a key added that
    may not be text), then perhaps a few characters of the text inserted or removed; one time in
    ten any structure at all instead of a document, and one in ten text made of YAML's own
    punctuation.
    """
    fmt: Format = draw(st.sampled_from(["yaml", "json"]))
    start = draw(st.integers(0, 9))
    if start == 0:
        alphabet = st.sampled_from(list(":-[]{},#&*!|>'\"%@`?~ \n\tab1.\x00\x01é"))
        return draw(st.text(alphabet, max_size=80)), fmt
    if start == 1:  # any structure at all, plan-shaped or not (JSON's keys are always text)
        data: Any = draw(
            junk | st.dictionaries(keys if fmt == "yaml" else st.text(max_size=8), junk, max_size=6)
        )
    else:
        obj = draw(documents)
        data = json.loads(json.dumps({"kind": kind_of(type(obj)), **unstructure(obj, converter)}))
    for _ in range(draw(st.integers(0, 3))):
        places = _places(data)
        if not places:
            break
        container, key = draw(st.sampled_from(places))
        change = draw(st.sampled_from(["drop", "replace", "add"]))
        if change == "drop":
            del container[key]
        elif change == "replace":
            container[key] = draw(junk)
        elif isinstance(container, dict):
            container[draw(keys) if fmt == "yaml" else draw(st.text(max_size=8))] = draw(junk)
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=draw(st.booleans()), default=str)
    else:
        text = yaml.safe_dump(data, allow_unicode=True)
    if draw(st.integers(0, 4)) == 0:  # damage the text itself
        at = draw(st.integers(0, len(text)))
        text = (
            text[:at]
            + draw(st.text(st.sampled_from(list(':{}[]",-\n \t\\\x01')), max_size=3))
            + text[at + 2 :]
        )
    return text, fmt


def _outcome(text: str, fmt: Format, converter: cattrs.Converter) -> str:
    """How loading `text` ends: 'loaded', 'refused at a field' or 'refused at a line'.

    Anything but a `PlanFileError` propagates and fails the test; so does a problem that names
    neither a field, nor a line, nor the top of the file (where a mapping was expected).
    """
    try:
        loads(text, format=fmt, converter=converter)
    except PlanFileError as error:
        for problem in error.problems:
            assert problem.path or problem.reason.startswith("expected a mapping"), problem
        at_line = error.problems[0].path.startswith("line ")
        return "refused at a line" if at_line else "refused at a field"
    return "loaded"


def test_fuzzed_plan_files_load_or_are_refused_with_a_place() -> None:
    counts: Counter[str] = Counter()
    converter = make_converter()

    @settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(plan_texts(converter))
    def run(case: tuple[str, Format]) -> None:
        outcome = _outcome(*case, converter)
        event(outcome)
        counts[outcome] += 1

    run()
    total = sum(counts.values())
    print(f"plan-file fuzzer: {total} files, {dict(counts)}")
    assert total >= 250  # hypothesis ran (nearly) every case it was asked for
    assert counts["loaded"] >= total // 10
    assert counts["refused at a field"] >= total // 10
    assert counts["refused at a line"] >= total // 20


# -- Defects found by a hostile review (issue 11): each refused with a field or a line ----------


def refused(text: str, *, format: Format = "yaml") -> dict[str, object]:
    """The problems `loads` finds in `text`, as path -> value."""
    with pytest.raises(PlanFileError) as caught:
        loads(text, format=format)
    return {p.path: p.value for p in caught.value.problems}


def test_complex_yaml_key_is_refused_with_its_line() -> None:
    with pytest.raises(PlanFileError, match=r"line 1, column 3: .*a key must be a field name"):
        loads("? [a]\n: 1\n")


@pytest.mark.parametrize(
    ("key", "path", "value"),
    [
        ("1", "1", 1),
        ("1.5", "1.5", 1.5),
        ("true", "true", True),
        ("2016-05-05", "2016-05-05", dt.date(2016, 5, 5)),
        ("~", "null", None),
    ],
)
def test_a_key_that_is_not_text_is_named_at_any_level(key: str, path: str, value: object) -> None:
    assert refused(f"{GOOD}{key}: x\n") == {path: value}
    nested = GOOD.replace("  name: Roger Hirst", f"  name: Roger Hirst\n  {key}: a")
    assert refused(nested) == {f"commissioner.{path}": value}


def test_keys_of_mixed_types_are_all_reported() -> None:
    found = refused("1: x\nzz: y\n")
    assert found["1"] == 1
    assert found["zz"] == "y"
    assert "title" in found


@pytest.mark.parametrize("field", ["commissioner.elected", "issued", "period.end"])
def test_a_date_the_rules_cannot_compute_is_refused_at_load(field: str) -> None:
    if field == "commissioner.elected":
        text = GOOD.replace("  name: Roger Hirst", "  name: Roger Hirst\n  elected: 9999-12-31")
    elif field == "issued":
        text = GOOD + "issued: 9999-12-31\n"
    else:
        text = GOOD + "period: {start: 2016-04-01, end: 9999-12-31}\n"
    with pytest.raises(PlanFileError, match=f"{field}: must be between 1900-01-01 and 2999-12-31"):
        loads(text)


@pytest.mark.parametrize("amount", ["1e30", "'1e30'", ".nan", "-.inf"])
def test_an_amount_too_large_or_not_a_number_names_amount_and_value(amount: str) -> None:
    text = GOOD + f"resources:\n  summary: s\n  lines: [{{item: x, amount: {amount}}}]\n"
    found = refused(text)
    assert list(found) == ["resources.lines[0].amount"]
    assert found["resources.lines[0].amount"] is not None


def test_an_impossible_date_names_its_field_and_hides_nothing() -> None:
    found = refused(GOOD + "issued: 2016-02-30\ntitel: x\n")
    assert found == {"issued": "2016-02-30", "titel": "x"}
    with pytest.raises(PlanFileError, match=r"issued: is not a day of the calendar \(day is out of range"):
        loads(GOOD + "issued: 2016-02-30\n")


def test_json_nan_and_infinity_name_their_field() -> None:
    data = json.loads(dumps(loads(GOOD), format="json"))
    data["resources"] = {"summary": "s", "lines": [{"item": "x", "amount": 1}]}
    text = json.dumps(data).replace('"amount": 1', '"amount": NaN')
    assert refused(text, format="json") == {"resources.lines[0].amount": "NaN"}
    assert refused(text.replace("NaN", "-Infinity"), format="json") == {
        "resources.lines[0].amount": "-Infinity"
    }


@pytest.mark.parametrize("format", ["yaml", "json"])
def test_a_number_of_thousands_of_digits_names_its_field(format: Format) -> None:
    data = json.loads(dumps(loads(GOOD), format="json"))
    data["resources"] = {"summary": "s", "financial_year": 0}
    text = json.dumps(data).replace('"financial_year": 0', '"financial_year": ' + "9" * 5000)
    with pytest.raises(PlanFileError, match=r"resources\.financial_year: a number of 5000 digits"):
        loads(text, format=format)


@pytest.mark.parametrize("format", ["yaml", "json"])
def test_control_characters_name_their_field_and_value(format: Format) -> None:
    data = json.loads(dumps(loads(GOOD), format="json"))
    data["foreword"] = "a\x01b"
    text = json.dumps(data, ensure_ascii=False).replace("\\u0001", "\x01")  # the raw character
    assert "\x01" in text
    assert refused(text, format=format) == {"foreword": "a\x01b"}


def test_a_nul_in_yaml_is_refused_with_its_line_not_taken_as_the_end() -> None:
    with pytest.raises(PlanFileError, match=r"line 8, column 2: .*NUL"):
        loads(GOOD + "a\x00b: 1\n")


def test_undecodable_bytes_give_line_and_column(tmp_path: Path) -> None:
    file = tmp_path / "plan.yaml"
    file.write_bytes(GOOD.encode() + "foreword: é".encode() + b"\xe9 x\n")  # é is good UTF-8, 0xE9 alone not
    with pytest.raises(PlanFileError, match=r"line 8, column 12: is not UTF-8 text: the byte 0xE9"):
        load(file)


def test_a_byte_order_mark_is_not_content(tmp_path: Path) -> None:
    file = tmp_path / "plan.json"
    file.write_bytes(b"\xef\xbb\xbf" + dumps(loads(GOOD), format="json").encode())
    assert load(file) == loads(GOOD)


def test_a_duplicate_json_key_gives_its_line() -> None:
    text = '{\n  "title": "a",\n  "commissioner": {"name": "x",\n    "name": "y"}\n}'
    with pytest.raises(
        PlanFileError, match=r"line 4, column 5: not valid JSON: the key 'name' appears twice"
    ):
        loads(text, format="json")
    nested = '{"a": {"b": 1, "c": {"b": 2}, "b": 3}}'  # the inner "b" is no duplicate
    with pytest.raises(PlanFileError, match=r"line 1, column 31: .*'b' appears twice"):
        loads(nested, format="json")


@pytest.mark.parametrize("value", ["abc", "{a: 1}"])
def test_text_or_a_mapping_is_not_taken_as_a_list(value: str) -> None:
    assert refused(GOOD + f"objectives: {value}\n") == {"objectives": "abc" if value == "abc" else {"a": 1}}


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def run() -> None:
        with pytest.raises(PlanFileError, match="it is a pipe") as caught:
            load(fifo)
        outcome.append(caught.value)

    reader = threading.Thread(target=run, daemon=True)  # a blocked read must not hang the suite
    reader.start()
    reader.join(timeout=10)
    assert len(outcome) == 1


def test_a_folder_or_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="it is a folder, not a file"):
        load(tmp_path)
    if Path("/dev/null").exists():
        with pytest.raises(PlanFileError, match="it is a device, not a file"):
            load("/dev/null")


def test_files_and_texts_larger_than_the_limit_are_refused(tmp_path: Path) -> None:
    file = tmp_path / "plan.yaml"
    file.write_text(GOOD + "#" * MAX_FILE_SIZE, encoding="utf-8")
    with pytest.raises(PlanFileError, match="larger than the 2,097,152 bytes"):
        load(file)
    with pytest.raises(PlanFileError, match="longer than the 2,097,152 characters"):
        loads(GOOD + "#" * MAX_FILE_SIZE)
    file.write_text(GOOD + "#" * (MAX_FILE_SIZE - len(GOOD) - 1), encoding="utf-8")
    assert load(file) == loads(GOOD)


def test_dump_on_a_full_disk_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: object, data: bytes) -> Path:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("pccplan.files.write_atomic", full)
    with pytest.raises(
        PlanFileError, match=r"(?s)out\.yaml: 1 problem.*cannot write the file: No space left"
    ):
        dump(loads(GOOD), tmp_path / "out.yaml")


@pytest.mark.parametrize("format", ["yaml", "json"])
def test_deep_nesting_is_refused_with_its_line_not_a_recursion_error(format: Format) -> None:
    with pytest.raises(PlanFileError, match=r"line 1, column 41: .*nested more than 40 deep"):
        loads("[" * 5000 + "]" * 5000, format=format)
    with pytest.raises(PlanFileError, match=r"line 41, column 81: .*nested more than 40 deep"):
        loads("a:\n" + "".join("  " * i + "- \n" for i in range(1, 60)))


def test_a_converter_can_be_reused_across_loads() -> None:
    converter = make_converter()
    assert loads(GOOD, converter=converter) == loads(GOOD)
    assert loads(GOOD, Plan, converter=converter) == loads(GOOD)


@pytest.mark.parametrize(
    "tag", ["!!bool maybe", "!!set [a]", "!!int ''", "!!timestamp abc", "!!map [a]", "! 12"]
)
def test_yaml_tags_are_refused_with_their_line(tag: str) -> None:
    with pytest.raises(
        PlanFileError, match=r"line 8, column 11: not valid YAML: tags \(.*\) are not allowed"
    ):
        loads(GOOD + f"foreword: {tag}\n")


def test_text_may_be_marked_as_text_and_a_number_without_digits_is_text() -> None:
    assert loads(GOOD + "foreword: !!str 12\n").foreword == "12"  # type: ignore[attr-defined]
    assert loads(GOOD + "foreword: 0x_\n").foreword == "0x_"  # type: ignore[attr-defined]


def test_an_appendix_file_is_taken_from_the_report_files_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pccplan.model.panel import PanelReport

    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "report.yaml").write_text(
        "kind: panel-report\nmeeting: 2017-02-01\nappendices:\n"
        "  - label: A\n    title: The draft Plan\n    file: drafts/plan.docx\n",
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert load("papers/report.yaml", PanelReport).appendices[0].file == os.path.join(
        "papers", "drafts", "plan.docx"
    )
    assert load(folder / "report.yaml", PanelReport).appendices[0].file == os.path.join(
        "papers", "drafts", "plan.docx"
    )
    # From text there is no folder: the path stays as written, from the current folder.
    text = (folder / "report.yaml").read_text("utf-8")
    assert loads(text, PanelReport).appendices[0].file == "drafts/plan.docx"


def test_an_absolute_appendix_file_is_refused_naming_the_file_and_field(tmp_path: Path) -> None:
    report = tmp_path / "report.yaml"
    report.write_text(
        "kind: panel-report\nmeeting: 2017-02-01\nappendices:\n"
        "  - label: A\n    title: The draft Plan\n    file: /home/officer/plan.docx\n",
        "utf-8",
    )
    with pytest.raises(PlanFileError) as caught:
        load(report)
    assert str(report) in str(caught.value)
    assert "appendices[0].file" in str(caught.value)
    assert "/home/officer/plan.docx" in str(caught.value)


# ---------------------------------------------------------------- libyaml's parser, PyYAML's errors

_TRICKY_YAML = [
    GOOD,
    "a: 'it''s'\nb: \"\\u00e9\\n\"\nc: |\n  two\n  lines\nd: >\n  folded\n  text\n",
    "a: 2016-02-30\nb: 0x_\nc: 1_000\nd: 0o17\ne: 1.5e3\nf: .nan\ng: ~\nh: yes\ni: 2016-05-05\n",
    "a: [1, [2, {b: c}]]\nd: {e: [f, g]}\n",
    "a: x\r\nb: y\r\n",
    "a: \u2028b\nc: caf\u00e9 \U0001f600\n",
    "- one\n- two:\n    three\n",
    "a: !!str 12\n",
    "",
    "# only a comment\n",
    "a: 1\n---\nb: 2\n",
]


@pytest.mark.parametrize("text", _TRICKY_YAML)
def test_libyaml_loads_what_the_python_loader_loads(text: str) -> None:
    from pccplan import files

    def loaded(loader: Any) -> object:
        try:
            return yaml.load(text, Loader=loader)
        except yaml.YAMLError as error:
            return type(error).__name__

    assert loaded(files._FastLoader) == loaded(files._StrictLoader)


def test_libyaml_loads_every_data_file_as_the_python_loader_does(examples: Path) -> None:
    from pccplan import files

    for path in sorted(examples.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=files._FastLoader) == yaml.load(text, Loader=files._StrictLoader), path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "title: [",
            r"line 1, column 9: not valid YAML: expected the node content, but found '<stream end>'",
        ),
        ("a: &x 1\nb: *x\n", r"line 2, column 4: not valid YAML: aliases \(\*name\) are not allowed"),
        ("a: 1\na: 2\n", r"line 2, column 1: not valid YAML: the key 'a' appears twice"),
        ("a: b: c\n", r"line 1, column 5: not valid YAML: mapping values are not allowed here"),
    ],
)
def test_an_error_is_worded_and_placed_by_the_python_loader(text: str, message: str) -> None:
    # libyaml words and places many errors otherwise ('did not find expected node content', on
    # the next line): the text it cannot load is loaded again by PyYAML's own parser.
    with pytest.raises(PlanFileError, match=message):
        loads(text, Plan)


def test_control_characters_still_reach_the_models_text_check() -> None:
    with pytest.raises(PlanFileError, match=r"title"):
        loads(GOOD.replace("A plan", "A\x07plan"), Plan)


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    from pccplan import files

    assert (files._C_PARSER is not None) == yaml.__with_libyaml__
