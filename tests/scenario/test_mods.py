"""Mods: discovery, load order, patches, conflicts, and the example mod."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from textwrap import dedent

import pytest

from game.engine.game import Game
from game.content import MODS
from game.scenario.catalog import catalog, find
from game.scenario.library import Library
from game.scenario.mods import ModsError, ModSet, scenario_dirs_for

BASE = Path(__file__).parent / "fixtures" / "codes" / "base.yaml"


def mod(root: Path, folder: str, manifest: str, **files: str) -> Path:
    d = root / folder
    d.mkdir(parents=True)
    (d / "mod.yaml").write_text(dedent(manifest).lstrip("\n"))
    for name, text in files.items():
        (d / f"{name}.yaml").write_text(dedent(text).lstrip("\n"))
    return d


def manifest(mod_id: str, *, requires: str = "[]", load_after: str = "[]") -> str:
    return f"id: {mod_id}\nversion: 1.0.0\ntitle: {mod_id}\nrequires: {requires}\nload_after: {load_after}\n"


def test_load_order_follows_requires_and_load_after_then_ids(tmp_path: Path) -> None:
    mod(tmp_path, "z", manifest("zulu"))
    mod(tmp_path, "a", manifest("alpha", requires="[zulu]"))
    mod(tmp_path, "m", manifest("mike", load_after="[alpha, not_installed]"))
    mod(tmp_path, "b", manifest("bravo"))
    mods = ModSet.discover(sorted(p for p in tmp_path.iterdir()))
    assert [m.id for m in mods.mods] == ["bravo", "zulu", "alpha", "mike"]
    assert mods.findings == []


def test_the_order_does_not_depend_on_the_order_folders_are_found(tmp_path: Path) -> None:
    for name in ("c", "a", "b"):
        mod(tmp_path, name, manifest(name))
    folders = sorted(tmp_path.iterdir())
    assert [m.id for m in ModSet.discover(folders).mods] == [m.id for m in ModSet.discover(folders[::-1]).mods]


def test_a_missing_requirement_is_an_error_naming_both_mods(tmp_path: Path) -> None:
    mod(tmp_path, "a", manifest("alpha", requires="[bravoo]"))
    mod(tmp_path, "b", manifest("bravo"))
    [f] = ModSet.discover(sorted(tmp_path.iterdir())).findings
    assert f.code == "D001" and "'alpha' requires the mod 'bravoo'" in f.message and "did you mean 'bravo'" in f.message


def test_a_version_written_as_a_number_gets_advice(tmp_path: Path) -> None:
    mod(tmp_path, "a", "id: alpha\nversion: 1.10\ntitle: Alpha\n")
    [f] = ModSet.discover([tmp_path / "a"]).findings
    assert (f.code, f.line, f.col) == ("S003", 2, 10) and "1.0.0" in f.message


def test_an_unknown_key_in_mod_yaml_is_found_with_a_suggestion(tmp_path: Path) -> None:
    mod(tmp_path, "a", "id: alpha\nversion: 1.0.0\ntitle: Alpha\nrequire: [x]\n")
    [f] = ModSet.discover([tmp_path / "a"]).findings
    assert (f.code, f.line, f.col) == ("S001", 4, 1) and "did you mean 'requires'" in f.message


def test_a_patch_changes_the_scenario_in_place(tmp_path: Path) -> None:
    (tmp_path / "scen").mkdir()
    (tmp_path / "scen" / "base.yaml").write_text(BASE.read_text())
    m = mod(tmp_path, "cheap", manifest("cheap"), patch="""
        patches: base
        remove: [events.kronstadt]
        powers:
          britain:
            threshold: 4
    """)
    lib = Library([tmp_path / "scen"], [m])
    entry = find("base", library=lib)
    assert entry.playable, [str(f) for f in entry.findings]
    assert entry.loaded.scenario.powers["britain"].threshold == 4 and entry.loaded.scenario.events == []
    assert entry.loaded.mods == ["cheap"] and m / "patch.yaml" in entry.loaded.files
    assert [e.id for e in catalog(library=lib)] == ["base"]  # a patch is not a scenario of its own


def test_two_mods_changing_the_same_key_warn_naming_both(tmp_path: Path) -> None:
    (tmp_path / "scen").mkdir()
    (tmp_path / "scen" / "base.yaml").write_text(BASE.read_text())
    a = mod(tmp_path, "a", manifest("cheap"), patch="patches: base\npowers: {britain: {threshold: 4}}\n")
    b = mod(tmp_path, "b", manifest("dear"), patch="patches: base\npowers: {britain: {threshold: 20, name: UK}}\n")
    c = mod(tmp_path, "c", manifest("same"), patch="patches: base\npowers: {britain: {name: UK}}\n")
    entry = find("base", library=Library([tmp_path / "scen"], [a, b, c]))
    warnings = [f for f in entry.findings if f.code == "D004"]
    assert len(warnings) == 1  # 'same' sets the name 'dear' set: no quarrel
    w = warnings[0]
    assert "'cheap' and 'dear'" in w.message and "powers.britain.threshold" in w.message
    assert Path(w.file).parent.name == "b" and (w.line, w.col) == (2, 20)
    assert entry.loaded.scenario.powers["britain"].threshold == 20  # the later mod wins
    assert entry.playable  # a warning does not stop play


def test_removing_and_changing_the_same_thing_in_two_mods_warns(tmp_path: Path) -> None:
    (tmp_path / "scen").mkdir()
    (tmp_path / "scen" / "base.yaml").write_text(BASE.read_text())
    a = mod(tmp_path, "a", manifest("quiet"), patch="patches: base\nremove: [events.kronstadt]\n")
    b = mod(tmp_path, "b", manifest("loud"), patch="patches: base\nevents: [{id: kronstadt, chance: 0.5}]\n")
    entry = find("base", library=Library([tmp_path / "scen"], [a, b]))
    assert any(f.code == "D004" and "events.kronstadt" in f.message for f in entry.findings)


def test_scenario_dirs_for_accepts_a_mod_or_a_folder_of_mods_and_refuses_others(tmp_path: Path) -> None:
    one = mod(tmp_path / "many", "one", manifest("one"))
    mod(tmp_path / "many", "two", manifest("two"))
    assert scenario_dirs_for([str(one)]) == [one]
    assert [p.name for p in scenario_dirs_for([str(tmp_path / "many")])] == ["one", "two"]
    with pytest.raises(ModsError, match="no such folder"):
        scenario_dirs_for([str(tmp_path / "nowhere")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModsError, match="no mod.yaml"):
        scenario_dirs_for([str(tmp_path / "empty")])


def test_a_broken_mod_scenario_is_listed_with_plain_findings_instead_of_crashing(tmp_path: Path) -> None:
    m = mod(tmp_path, "broken", manifest("broken"), oops="""
        id: oops
        extends: genoa_rapallo_1922
        powers:
          britian: {threshold: 3}
    """)
    entries = {e.id: e for e in catalog([m])}
    oops = entries["oops"]
    assert not oops.playable and oops.mod == "broken"
    plain = [f.plain() for f in oops.findings]
    assert any(p.startswith("oops.yaml, line 4:") for p in plain), plain
    assert entries["genoa_rapallo_1922"].playable


# --- the example mod ----------------------------------------------------------------------------

EXAMPLE = MODS / "us_at_genoa"


def test_the_example_mod_is_listed_and_playable() -> None:
    entry = find("genoa_us_attends")
    assert entry is not None and entry.mod == "us_at_genoa"
    assert entry.playable and entry.findings == [], [str(f) for f in entry.findings]


def test_in_the_example_mod_the_americans_sit_at_genoa() -> None:
    rules = find("genoa_us_attends").rules()
    game = Game.new(rules, seed=1)
    while game.state.today < dt.date(1922, 4, 20):
        game.run_to_end(max_turns=1)
    genoa = game.state.conferences["genoa"]
    assert "united_states" in genoa.attending
    assert "hughes_accepts" in game.state.fired and "hughes_declines" not in game.state.fired


def test_the_example_mod_leaves_the_original_scenario_alone() -> None:
    entry = find("genoa_rapallo_1922")
    assert entry.playable and entry.loaded.mods == []
    assert any(e.id == "hughes_declines" for e in entry.loaded.scenario.events)
