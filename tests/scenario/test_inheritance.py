"""extends, remove and abstract: how a scenario builds on another, and how
findings keep pointing at the file and line that wrote each value."""
from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from game.scenario.catalog import catalog, find
from game.scenario.library import Library
from game.scenario.loader import load_scenario
from game.scenario.merge import Tree, merge
from game.scenario.strictyaml import load_text

BASE = Path(__file__).parent / "fixtures" / "codes" / "base.yaml"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text).lstrip("\n"))
    return path


def tree(text: str, name: str) -> Tree:
    data, source, findings = load_text(dedent(text).lstrip("\n"), name)
    assert not findings
    return Tree(data, source)


def lib_with(folder: Path) -> Library:
    (folder / "base.yaml").write_text(BASE.read_text())
    return Library([folder])


# --- the merge rules ----------------------------------------------------------------------

def test_mappings_merge_key_by_key_and_other_values_are_replaced() -> None:
    base = tree("a: {x: 1, y: 2}\nnames: [p, q]\n", "base.yaml")
    over = tree("a: {y: 3, z: 4}\nnames: [r]\n", "child.yaml")
    merged, findings = merge(base, over)
    assert findings == []
    assert merged.tree.data == {"a": {"x": 1, "y": 3, "z": 4}, "names": ["r"]}


def test_lists_of_items_with_ids_merge_by_id_and_new_items_go_last() -> None:
    base = tree("events:\n  - {id: a, chance: 1}\n  - {id: b, chance: 1}\n", "base.yaml")
    over = tree("events:\n  - {id: c, chance: 0.2}\n  - {id: a, chance: 0.5}\n", "child.yaml")
    merged, _ = merge(base, over)
    assert merged.tree.data["events"] == [{"id": "a", "chance": 0.5}, {"id": "b", "chance": 1},
                                          {"id": "c", "chance": 0.2}]


def test_merged_values_point_at_the_file_and_line_that_wrote_them() -> None:
    base = tree("events:\n  - id: a\n    chance: 1\n    text: old\n  - id: b\n    chance: 1\n", "base.yaml")
    over = tree("# one\n# two\nevents:\n  - id: b\n    chance: 0.5\n", "child.yaml")
    merged, _ = merge(base, over)
    src = merged.tree.source
    assert src.locate(("events", 0, "text")) == ("base.yaml", 4, 11)
    assert src.locate(("events", 1, "chance")) == ("child.yaml", 5, 13)
    assert src.locate(("events", 1, "id")) == ("child.yaml", 4, 9)


def test_a_condition_is_replaced_whole_not_merged() -> None:
    base = tree("objectives:\n  - id: o\n    condition: {flag: a}\n", "base.yaml")
    over = tree("objectives:\n  - id: o\n    condition: {event: b}\n", "child.yaml")
    merged, _ = merge(base, over)
    assert merged.tree.data["objectives"][0]["condition"] == {"event": "b"}


def test_remove_takes_out_keys_ids_and_names_in_lists() -> None:
    base = tree("powers: {a: 1, b: 2}\nevents: [{id: e1}, {id: e2}]\ninvited: [a, b]\n", "base.yaml")
    over = tree("remove: [powers.b, events.e1, invited.b]\n", "child.yaml")
    merged, findings = merge(base, over)
    assert findings == []
    assert merged.tree.data == {"powers": {"a": 1}, "events": [{"id": "e2"}], "invited": ["a"]}
    assert merged.tree.source.locate(("events", 0, "id")) == ("base.yaml", 2, 25)


def test_removing_what_is_not_there_is_an_error_at_the_path_with_a_suggestion() -> None:
    base = tree("events: [{id: famine}]\n", "base.yaml")
    over = tree("remove:\n  - events.famin\n", "child.yaml")
    _, findings = merge(base, over)
    assert [(f.file, f.code, f.line, f.col) for f in findings] == [("child.yaml", "I003", 2, 5)]
    assert "did you mean 'famine'?" in findings[0].message


def test_remove_then_write_again_replaces_the_whole_thing() -> None:
    base = tree("powers: {japan: {name: Japan, threshold: 9}}\n", "base.yaml")
    over = tree("remove: [powers.japan]\npowers: {japan: {name: Nippon}}\n", "child.yaml")
    merged, _ = merge(base, over)
    assert merged.tree.data == {"powers": {"japan": {"name": "Nippon"}}}


# --- extends across files --------------------------------------------------------------------

def test_a_child_inherits_and_overrides_and_is_listed_in_the_catalog(tmp_path: Path) -> None:
    write(tmp_path, "child.yaml", """
        id: child
        extends: base
        title: The Child
        powers:
          britain:
            threshold: 9
    """)
    lib = lib_with(tmp_path)
    entry = find("child", library=lib)
    assert entry is not None and entry.playable, [str(f) for f in entry.findings]
    sc = entry.loaded.scenario
    assert sc.title == "The Child" and sc.powers["britain"].threshold == 9
    assert sc.powers["britain"].name == "Britain"  # inherited
    assert {e.id for e in catalog(library=lib)} == {"base", "child"}
    assert entry.loaded.files[0].name == "child.yaml" and any(f.name == "base.yaml" for f in entry.loaded.files)


def test_a_finding_on_an_overriding_value_names_the_overriding_file(tmp_path: Path) -> None:
    child = write(tmp_path, "child.yaml", """
        id: child
        extends: base
        powers:
          britain:
            leader: churchill
    """)
    loaded = load_scenario(child, library=lib_with(tmp_path))
    [f] = [f for f in loaded.findings if f.code == "R004"]
    assert (Path(f.file).name, f.line, f.col) == ("child.yaml", 5, 13)


def test_a_finding_on_an_inherited_value_names_the_parent_file(tmp_path: Path) -> None:
    write(tmp_path, "parent.yaml", BASE.read_text().replace("id: base", "id: parent").replace(
        "points: 50", "points: fifty", 1))
    child = write(tmp_path, "child.yaml", "id: child\nextends: parent\ntitle: Child\n")
    loaded = load_scenario(child, library=Library([tmp_path]))
    [f] = [f for f in loaded.findings if f.code == "S003"]
    assert Path(f.file).name == "parent.yaml" and "points" in f.message


def test_three_generations_resolve_parent_first(tmp_path: Path) -> None:
    write(tmp_path, "mid.yaml", "id: mid\nextends: base\ntitle: Middle\npowers: {britain: {threshold: 7}}\n")
    write(tmp_path, "young.yaml", "id: young\nextends: mid\npowers: {britain: {threshold: 6}}\n")
    entry = find("young", library=lib_with(tmp_path))
    assert entry.playable and entry.title == "Middle" and entry.loaded.scenario.powers["britain"].threshold == 6


def test_an_abstract_template_is_not_listed_but_its_children_are(tmp_path: Path) -> None:
    write(tmp_path, "template.yaml", BASE.read_text().replace("id: base", "id: template\nabstract: true"))
    write(tmp_path, "real.yaml", "id: real\nextends: template\ntitle: Real\n")
    lib = Library([tmp_path])
    assert [e.id for e in catalog(library=lib)] == ["real"]
    assert find("real", library=lib).playable
    template = find("template", library=lib)
    assert not template.playable and template.findings[0].code == "I009"


def test_an_abstract_template_may_leave_out_what_its_children_fill_in(tmp_path: Path) -> None:
    write(tmp_path, "template.yaml", "id: template\nabstract: true\nstart: 1921-01-01\nend: 1921-06-30\n")
    write(tmp_path, "real.yaml", BASE.read_text().replace("id: base", "id: real\nextends: template"))
    lib = Library([tmp_path])
    loaded = load_scenario(tmp_path / "template.yaml", library=lib)
    assert loaded.findings == [] and loaded.abstract and not loaded.ok
    assert find("real", library=lib).playable


def test_a_scenario_beside_its_parent_finds_it_without_being_installed(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text(BASE.read_text())
    child = write(tmp_path, "child.yaml", "id: child\nextends: base\n")
    assert load_scenario(child).ok  # the default library does not know tmp_path


def test_extends_must_name_an_id_and_remove_must_list_paths(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text(BASE.read_text())
    bad = write(tmp_path, "bad.yaml", "id: bad\nextends: [base]\n")
    assert [f.code for f in load_scenario(bad).findings] == ["I004"]
    bad2 = write(tmp_path, "bad2.yaml", "id: bad2\nextends: base\nremove: {events: kronstadt}\n")
    assert [f.code for f in load_scenario(bad2).findings] == ["I004"]
    bad3 = write(tmp_path, "bad3.yaml", BASE.read_text().replace("id: base", "id: bad3\nremove: [events]"))
    assert [f.code for f in load_scenario(bad3).findings] == ["I004"]


def test_the_content_hash_of_a_child_differs_from_its_parents(tmp_path: Path) -> None:
    write(tmp_path, "child.yaml", "id: child\nextends: base\npowers: {britain: {threshold: 9}}\n")
    lib = lib_with(tmp_path)
    assert find("child", library=lib).loaded.content_hash != find("base", library=lib).loaded.content_hash
