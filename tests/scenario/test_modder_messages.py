"""The slips a modder makes while writing a scenario from the docs alone (docs/MODDING.md), and what
`validate` says about each: the right place, plain words, one finding per mistake (no cascade of
findings about the same slip), and a hint at the fix.

Each case was met while writing mods/hague_1922 from the docs; the mod itself must validate cleanly
and play to its end.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from game.content import MODS
from game.scenario.catalog import find
from game.scenario.library import Library
from game.scenario.loader import check
from game.scenario.strictyaml import load_text
from game.scenario.validate import validate_paths
from game.sim import simulate

BASE = Path(__file__).parent / "fixtures" / "codes" / "base.yaml"
FIXTURES = Path(__file__).parent / "fixtures" / "modder"
HAGUE = MODS / "hague_1922"


def findings(tmp_path: Path, extra: str) -> list:
    (tmp_path / "base.yaml").write_bytes(BASE.read_bytes())
    text = "id: slips\nextends: base\n" + extra
    return check(Library([tmp_path]).resolve_text(text, tmp_path / "m.yaml", "m.yaml")).findings


# --- YAML: indentation, tabs and colons, in the modder's words ----------------------------------

PARSE = [
    ("a_key_dedented.yaml", (8, 11), "check the indentation of this line and the one above it"),
    ("a_key_indented_too_far.yaml", (7, 7), "the keys of one mapping start in the same column"),
    ("a_list_item_out_of_line.yaml", (9, 7), "each item of a list starts with '- ' in the same column"),
    ("a_tab.yaml", (7, 1), "YAML indents with spaces only"),
    ("a_colon_in_text.yaml", (5, 18), "put text that contains ': ' in quotes"),
    ("a_colon_in_a_flow_mapping.yaml", (7, 28), "put text that contains them in quotes"),
    ("an_unclosed_quote.yaml", (5, 1), "(it began at line 3, column 8): a quotation mark is not closed"),
]


@pytest.mark.parametrize("name, where, hint", PARSE)
def test_a_yaml_slip_is_reported_at_its_line_with_what_to_look_at(name: str, where: tuple[int, int],
                                                                 hint: str) -> None:
    _, _, found = load_text((FIXTURES / name).read_text(), name)
    assert [f.code for f in found] == ["P001"]
    assert (found[0].line, found[0].col) == where and hint in found[0].message, found[0]


# --- schema and references: one finding per slip, with the fix --------------------------------

def test_an_event_chooser_that_is_not_a_power_is_an_error(tmp_path: Path) -> None:
    extra = ("events:\n  - id: e\n    title: T\n    text: T\n    chooser: britian\n"
             "    options:\n      - {id: a, title: A}\n      - {id: b, title: B}\n")
    found = [f for f in findings(tmp_path, extra) if f.code == "R001"]
    assert len(found) == 1 and "did you mean 'britain'" in found[0].message
    assert (found[0].line, found[0].col) == (7, 14)


def test_an_event_chooser_that_is_a_leader_names_the_power_to_write(tmp_path: Path) -> None:
    extra = ("events:\n  - id: e\n    title: T\n    text: T\n    chooser: lloyd_george\n"
             "    options:\n      - {id: a, title: A}\n      - {id: b, title: B}\n")
    found = [f for f in findings(tmp_path, extra) if f.code == "R001"]
    assert len(found) == 1 and "write chooser: britain" in found[0].message


def test_a_parameter_default_out_of_range_names_the_key_and_is_reported_once(tmp_path: Path) -> None:
    extra = ("clause_types:\n  credits:\n    title: Credits\n    params:\n"
             "      amount: {min: 0, max: 100, default: 150}\n"
             "    value:\n      hub:\n        - {label: money, amount: 0.1, per: [amount]}\n")
    found = findings(tmp_path, extra)
    assert [f.code for f in found] == ["S005"], found
    assert "default: 150" in found[0].message and "0..100" in found[0].message


def test_a_parameter_level_out_of_range_says_it_is_a_level(tmp_path: Path) -> None:
    extra = ("clause_types:\n  credits:\n    title: Credits\n    params:\n"
             "      amount: {min: 0, max: 100, default: 50, levels: [0, 150]}\n"
             "    value:\n      hub:\n        - {label: money, amount: 0.1, per: [amount]}\n")
    found = findings(tmp_path, extra)
    assert [f.code for f in found] == ["S005"], found
    assert "levels: 150" in found[0].message


def test_a_power_with_a_schema_error_is_not_also_called_unknown_where_it_is_named(tmp_path: Path) -> None:
    text = (HAGUE / "hague_1922.yaml").read_text(encoding="utf-8")
    assert text.count("    leader: poincare\n") == 1
    (tmp_path / "slip.yaml").write_text(text.replace("    leader: poincare\n", "    leader: poincaré\n"),
                                        encoding="utf-8")
    found = validate_paths([str(tmp_path / "slip.yaml")]).findings
    line = text[:text.index("    leader: poincare\n")].count("\n") + 1
    assert [(f.code, f.line) for f in found] == [("S003", line)], "\n".join(map(str, found))


def test_an_option_written_under_effects_says_options_go_under_options(tmp_path: Path) -> None:
    extra = ("events:\n  - id: e\n    title: T\n    text: T\n    chooser: britain\n"
             "    effects:\n      - {id: a, title: A, text: the first}\n")
    found = [f for f in findings(tmp_path, extra) if f.code == "S004"]
    assert found and found[0].message.startswith("an effect has exactly one key")
    assert "options go under options:" in found[0].message


def test_an_unquoted_comma_in_a_flow_mapping_says_to_quote_the_text(tmp_path: Path) -> None:
    extra = "interests:\n  trade: {title: Trade, description: Machines, credits and work.}\n"
    found = [f for f in findings(tmp_path, extra) if f.code == "S001"]
    assert len(found) == 1 and "put text with commas in quotes" in found[0].message
    assert (found[0].line, found[0].col) == (4, 48)


# --- meaning: a side-talks term is never part of a treaty with the hub -------------------------

def test_a_side_talks_term_tested_in_a_treaty_with_the_hub_can_never_be_met(tmp_path: Path) -> None:
    extra = """
side_talks:
  topics:
    line:
      title: A common line
      parties: [britain, france]
      terms:
        restitution_first: {title: restitution first, values: {france: {value: 5}}}
powers:
  france:
    name: France
    leader: poincare
    leaders: {poincare: {name: Raymond Poincare}}
objectives:
  france:
    - id: line
      title: London signs up
      points: 10
      condition: {treaty: {with: [britain], clauses: [restitution_first]}}
    - id: line_between
      title: London signs up (written right)
      points: 10
      condition: {treaty: {between: [france, britain], clauses: [restitution_first]}}
"""
    found = [f for f in findings(tmp_path, extra) if f.code == "M002"]
    assert len(found) == 1 and "'line'" in found[0].message and "between:" in found[0].message
    assert found[0].line == 21


# --- the mod written from the docs --------------------------------------------------------------

def test_the_hague_mod_validates_with_no_findings() -> None:
    report = validate_paths([str(HAGUE)])
    assert report.findings == [], "\n".join(map(str, report.findings))


def test_the_hague_mod_plays_to_its_end_and_ends_mostly_in_deadlock_under_observer_play() -> None:
    entry = find("hague_1922")
    assert entry is not None and entry.mod == "hague_1922" and entry.playable
    rules = entry.rules()
    runs = simulate(rules, range(1922, 1926))
    assert len(runs) == 4
    assert all(r["outcome"] in {"settlement", "leases_deal", "restitution", "front_split", "deadlock"}
               for r in runs), [r["outcome"] for r in runs]
    assert all(r["turns"] == 8 for r in runs), [r["turns"] for r in runs]
    # the creditors talk among themselves in every game: France and Belgium agree on restitution first
    assert all(any(set(t["parties"]) == {"france", "belgium"} for t in r["treaties"]) for r in runs)
