"""Schema errors (S003) speak the modder's language: what was expected, with
an example, and what was found; never pydantic's own wording ("Input
should...", "instance of AdjustSpec", a bare regular expression)."""
from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
import yaml

from game.scenario.library import Library
from game.scenario.loader import check
from tests.scenario.mutants import DATA, _nodes

BASE = Path(__file__).parent / "fixtures" / "codes" / "base.yaml"
RAW = ("Input should", "instance of", "^[", "Field required", "Value error", "pydantic")

TABLE = [
    ("powers:\n  britain:\n    threshold: high\n", "expected a number, like 10 or 2.5", "the text 'high'"),
    ("powers:\n  britain:\n    name: 12\n", "expected a piece of text", "the number 12"),
    ("powers:\n  britain:\n    playable: 3\n", "expected true or false", "the number 3"),
    ("start: soon\n", "like 1922-04-16", "the text 'soon'"),
    ("powers:\n  britain:\n    fears: [france]\n", "expected a mapping of keys", "a list"),
    ("events:\n  - {id: Big Event, title: T, text: T}\n", "expected an id: lowercase letters", "'Big Event'"),
    ("events:\n  - {id: e, title: T, text: T, effects: [{adjust: 5}]}\n", "like {var: hub.gold, by: 10}",
     "the number 5"),
    ("events:\n  - {id: e, title: T, text: T, chance: 2}\n", "expected a number at most 1", "the number 2"),
    ("events:\n  - {id: e, title: T, text: T, conditions: {compare: {var: hub.gold, op: '=', value: 1}}}\n",
     "expected one of <, <=, >, >=, == or !=", "the text '='"),
    ("events:\n  - {id: e, title: '', text: T}\n", "expected some text here", "empty"),
    ("powers:\n  britain:\n    leaders: []\n", "expected a mapping of keys", "a list"),
    ("events:\n  - {id: e, title: T, text: T, effects: [{sign: {with: [], clauses: [trade_agreement], "
     "title: X}}]}\n", "expected a list with at least 1 item", "found 0"),
]


def findings(tmp_path: Path, extra: str) -> list:
    (tmp_path / "base.yaml").write_bytes(BASE.read_bytes())
    text = "id: messages\nextends: base\n" + extra
    return check(Library([tmp_path]).resolve_text(text, tmp_path / "m.yaml", "m.yaml")).findings


@pytest.mark.parametrize("extra, expected, found", TABLE)
def test_a_wrong_value_says_what_was_expected_and_what_was_found(tmp_path: Path, extra: str, expected: str,
                                                                 found: str) -> None:
    s003 = [f for f in findings(tmp_path, extra) if f.code == "S003"]
    assert s003, f"no S003 for {extra!r}"
    msg = s003[0].message
    assert expected in msg and found in msg, msg
    assert not any(raw in msg for raw in RAW), msg


def test_no_schema_message_of_a_thousand_mutants_is_in_pydantics_words(tmp_path: Path) -> None:
    rng = random.Random(7)
    values = [None, True, "x", "1922-13-01", 1.5, -1, 10**9, [], {}, {"a": 1}, "Bad Id!", "", [1], 0]
    lib = Library.for_game()
    seen = 0
    for _ in range(150):
        data = copy.deepcopy(DATA)
        parent, key = rng.choice(_nodes(data, []))
        parent[key] = rng.choice(values)
        text = yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False)
        for f in check(lib.resolve_text(text, tmp_path / "g.yaml", "g.yaml")).findings:
            if f.code == "S003":
                seen += 1
                assert not any(raw in f.message for raw in RAW), f
    assert seen > 20


def test_a_schema_error_does_not_hide_an_unknown_power_elsewhere(tmp_path: Path) -> None:
    extra = ("powers:\n  britain:\n    threshold: high\nobjectives:\n  britain:\n    - id: quiet_empire\n"
             "      points: 50\n      condition: {treaty: {with: [britian], clauses: [trade_agreement]}}\n")
    found = {(f.code, f.line) for f in findings(tmp_path, extra)}
    assert ("S003", 5) in found and ("R001", 10) in found, found


def test_cutting_a_broken_power_does_not_report_it_as_unknown(tmp_path: Path) -> None:
    extra = "powers:\n  britain:\n    leaders: []\n"
    codes = [f.code for f in findings(tmp_path, extra)]
    assert "S003" in codes and "R001" not in codes, codes
