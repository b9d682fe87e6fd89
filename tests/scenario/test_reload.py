"""Reloading after an edit: good edits replace the rules, bad edits keep the
last good rules and say what is wrong, and parents and patches are watched too."""
from __future__ import annotations

import os
from pathlib import Path

from game.scenario.reload import Reloader

BASE = Path(__file__).parent / "fixtures" / "codes" / "base.yaml"


def edit(path: Path, text: str) -> None:
    """Write and move the modification time on, as an editor saving a minute later would."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    os.utime(path, ns=(before + 60_000_000_000, before + 60_000_000_000))


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_good_edit_replaces_the_rules(tmp_path: Path) -> None:
    path = tmp_path / "base.yaml"
    path.write_text(BASE.read_text())
    r = Reloader(path, interval=0)
    assert r.ok and r.rules.scenario.powers["britain"].threshold == 12
    assert not r.poll()  # nothing changed
    edit(path, BASE.read_text().replace("threshold: 12", "threshold: 9"))
    assert r.poll() and r.ok and r.rules.scenario.powers["britain"].threshold == 9


def test_a_bad_edit_keeps_the_last_good_rules_and_shows_the_findings(tmp_path: Path) -> None:
    path = tmp_path / "base.yaml"
    path.write_text(BASE.read_text())
    r = Reloader(path, interval=0)
    good = r.rules
    edit(path, BASE.read_text().replace("leader: lloyd_george", "leader: lloyd_gorge"))
    assert r.poll()
    assert r.rules is good and r.stale and not r.ok
    [f] = r.findings
    assert f.code == "R004" and "did you mean 'lloyd_george'?" in f.message and f.line > 1
    edit(path, BASE.read_text())  # fixed again
    assert r.poll() and r.ok and r.rules is not good


def test_a_broken_yaml_file_keeps_the_game_running(tmp_path: Path) -> None:
    path = tmp_path / "base.yaml"
    path.write_text(BASE.read_text())
    r = Reloader(path, interval=0)
    edit(path, "id: base\ntitle: [unclosed\n")
    assert r.poll() and r.stale and r.findings[0].code == "P001"
    path.unlink()
    assert r.poll() and r.stale and r.findings[0].code == "P008"


def test_editing_the_parent_reloads_the_child(tmp_path: Path) -> None:
    parent = tmp_path / "base.yaml"
    parent.write_text(BASE.read_text())
    child = tmp_path / "child.yaml"
    child.write_text("id: child\nextends: base\ntitle: Child\n")
    r = Reloader(child, interval=0)
    assert r.ok and set(r.files) >= {child, parent}
    edit(parent, BASE.read_text().replace("threshold: 12", "threshold: 7"))
    assert r.poll() and r.rules.scenario.powers["britain"].threshold == 7 and r.rules.scenario.title == "Child"


def test_a_scenario_by_id_watches_its_mod_files() -> None:
    r = Reloader("genoa_us_attends")
    assert r.ok
    names = {p.name for p in r.files}
    assert {"genoa_us_attends.yaml", "genoa_rapallo_1922.yaml", "mod.yaml"} <= names


def test_an_unknown_id_is_a_finding_not_an_exception() -> None:
    r = Reloader("no_such_scenario")
    assert r.rules is None and not r.ok and r.findings[0].code == "I001"


def test_polling_is_throttled(tmp_path: Path) -> None:
    path = tmp_path / "base.yaml"
    path.write_text(BASE.read_text())
    clock = Clock()
    r = Reloader(path, interval=1.0, clock=clock)
    assert not r.poll()
    edit(path, BASE.read_text().replace("threshold: 12", "threshold: 9"))
    clock.now = 0.5
    assert not r.poll()  # too soon to look again
    clock.now = 1.6
    assert r.poll() and r.rules.scenario.powers["britain"].threshold == 9
