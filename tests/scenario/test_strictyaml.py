"""The strict YAML reader: the traps of YAML 1.1 are closed, hostile files are
refused quickly, and every value remembers its line and column."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from game.scenario import strictyaml
from game.scenario.strictyaml import MAX_BYTES, MAX_DEPTH, load_file, load_text


def codes(text: str) -> list[str]:
    return [f.code for f in load_text(text)[2]]


def test_plain_values_become_plain_python_values() -> None:
    data, _, findings = load_text("a: 1\nb: 2.5\nc: true\nd: null\ne: 1922-04-16\nf: hello\ng: '0755'\n")
    assert findings == []
    assert data == {"a": 1, "b": 2.5, "c": True, "d": None, "e": dt.date(1922, 4, 16), "f": "hello", "g": "0755"}


def test_a_duplicate_key_is_an_error_at_the_second_one() -> None:
    _, _, findings = load_text("id: a\ntitle: x\ntitle: y\n")
    assert [(f.code, f.line, f.col) for f in findings] == [("P002", 3, 1)]
    assert "first at line 2" in findings[0].message


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "NO", "Yes", "OFF", "True", "FALSE"])
def test_yaml_1_1_booleans_are_refused_with_advice(word: str) -> None:
    _, _, findings = load_text(f"playable: {word}\n")
    assert [f.code for f in findings] == ["P003"] and "write true or false" in findings[0].message


def test_a_quoted_yes_is_just_a_word_and_so_is_a_key_named_no() -> None:
    data, _, findings = load_text("answer: 'yes'\nno: 1\n")
    assert findings == [] and data == {"answer": "yes", "no": 1}


@pytest.mark.parametrize("text", ["0755", "007", "-012", "00.5"])
def test_leading_zero_numbers_are_refused(text: str) -> None:
    assert codes(f"seed: {text}\n") == ["P004"]


def test_merge_keys_are_refused() -> None:
    assert "P005" in codes("a: &x {b: 1}\nc:\n  <<: *x\n")


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system [ls]", "!!python/name:os.system", "!custom 1",
                                 "!!binary aGVsbG8="])
def test_tags_that_could_build_objects_are_refused(tag: str) -> None:
    assert "P007" in codes(f"title: {tag}\n")


def test_a_billion_laughs_document_is_refused_in_well_under_a_second() -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    _, _, findings = load_text("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 0.2
    assert [f.code for f in findings] == ["P006"] and "YAML bomb" in findings[0].message


def test_a_few_aliases_are_fine() -> None:
    data, _, findings = load_text("a: &x [1, 2]\nb: *x\n")
    assert findings == [] and data == {"a": [1, 2], "b": [1, 2]}


def test_an_alias_inside_itself_is_refused_instead_of_looping_forever() -> None:
    _, _, findings = load_text("a: &x [1, *x]\n")
    assert [(f.code, f.line) for f in findings] == [("P006", 1)]


def test_deep_nesting_is_refused_with_its_place() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5)) + "  " * (MAX_DEPTH + 5) + "v: 1\n"
    _, _, findings = load_text(text)
    assert [f.code for f in findings] == ["P006"] and findings[0].line > MAX_DEPTH - 2


def test_deep_flow_nesting_is_refused_quickly() -> None:
    start = time.perf_counter()
    _, _, findings = load_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert time.perf_counter() - start < 0.5
    assert [f.code for f in findings] == ["P006"]


def test_a_file_that_is_too_large_is_refused_before_parsing(tmp_path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * MAX_BYTES + "\n")
    start = time.perf_counter()
    _, _, findings = load_file(str(big))
    assert time.perf_counter() - start < 0.5
    assert [f.code for f in findings] == ["P006"] and "larger than" in findings[0].message


def test_text_that_is_not_utf8_is_located_at_the_bad_byte(tmp_path) -> None:
    f = tmp_path / "latin1.yaml"
    f.write_bytes(b"id: x\ntitle: Caf\xe9\n")
    _, _, findings = load_file(str(f))
    assert [(x.code, x.line, x.col) for x in findings] == [("P008", 2, 11)]


def test_a_missing_file_is_a_finding_not_an_exception(tmp_path) -> None:
    _, _, findings = load_file(str(tmp_path / "nope.yaml"))
    assert [f.code for f in findings] == ["P008"]


def test_a_control_character_is_located() -> None:
    _, _, findings = load_text("id: x\ntitle: a\x07b\n")
    assert [(f.code, f.line) for f in findings] == [("P001", 2)]


def test_a_syntax_error_says_where_the_unclosed_list_began() -> None:
    _, _, findings = load_text("id: x\ntitle: [A\nstart: 1921-01-01\n")
    assert findings[0].code == "P001" and "began at line 2" in findings[0].message


def test_an_impossible_date_is_reported() -> None:
    _, _, findings = load_text("start: 1922-02-30\n")
    assert [(f.code, f.line, f.col) for f in findings] == [("S003", 1, 8)]


def test_infinity_and_nan_are_not_numbers_a_scenario_can_use() -> None:
    assert codes("a: .inf\nb: .nan\n") == ["S003", "S003"]


def test_the_source_map_knows_every_key_and_value() -> None:
    _, source, _ = load_text("powers:\n  britain:\n    threshold: 8\n    leaders: [a, b]\n")
    assert source.where(("powers", "britain", "threshold")) == (3, 16)
    assert source.where(("powers", "britain", "threshold"), key=True) == (3, 5)
    assert source.where(("powers", "britain", "leaders", 1)) == (4, 18)
    assert source.where(("powers", "britain", "missing", "deeper")) == (3, 5)  # nearest ancestor


def test_an_empty_file_is_a_finding() -> None:
    assert codes("# just a comment\n") == ["P001"]


def test_pure_python_parser_gives_the_same_result(monkeypatch) -> None:
    """Without libyaml the reader still works (and still refuses what it should)."""
    import yaml

    class PureLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, strictyaml._DepthComposer,
                     strictyaml._Resolver):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            strictyaml._DepthComposer.__init__(self)
            strictyaml._Resolver.__init__(self)

    text = "id: a\nflag: no\nseed: 012\nlist: [1, 2]\n"
    expected = load_text(text)
    monkeypatch.setattr(strictyaml, "_Loader", PureLoader)
    data, _, findings = load_text(text)
    assert data == expected[0] and findings == expected[2]
    assert [f.code for f in load_text("id: a\ntitle: a\x07b\n")[2]] == ["P001"]
