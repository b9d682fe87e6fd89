"""The command line of saves: replay --verify's exit statuses, simulate --save, play --load, saves."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest

from game.cli import main
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("saves")
    assert main(["simulate", "--scenario", "genoa_rapallo_1922", "--seed", "5", "--turns", "6", "--save", "obs",
                 "--saves", str(d)]) == 0
    return d


def _edit(folder, name: str, change) -> str:
    doc = json.loads(gzip.decompress((folder / "obs.rapallo").read_bytes()))
    change(doc)
    (folder / f"{name}.json").write_text(json.dumps(doc))
    return name


def test_simulate_save_writes_an_observer_run_that_verifies(folder, capsys):
    assert (folder / "obs.rapallo").is_file()
    assert main(["replay", "obs", "--verify", "--saves", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "OK: all 6 turn hash(es) match" in out and "seed 5" in out


def test_replay_without_verify_prints_the_commands_turn_by_turn(folder, capsys):
    assert main(["replay", str(folder / "obs.rapallo")]) == 0
    out = capsys.readouterr().out
    assert "turn   1  1922-01-06  advance" in out and "turn   6" in out


def test_verify_exits_1_at_the_first_turn_that_diverges(folder, capsys):
    name = _edit(folder, "diverged", lambda d: d["turn_hashes"].__setitem__(3, "0123456789abcdef"))
    assert main(["replay", name, "--verify", "--saves", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "DIVERGES at turn 4" in out and "recorded 0123456789abcdef" in out


def test_verify_exits_1_when_the_saved_state_was_edited(folder, capsys):
    name = _edit(folder, "edited", lambda d: d["state"]["values"].__setitem__("soviet_russia.gold", 1.0))
    assert main(["replay", name, "--verify", "--saves", str(folder)]) == 1
    assert "soviet_russia.gold: 1.0 in the file" in capsys.readouterr().out


def test_verify_exits_2_when_the_file_cannot_be_read(folder, capsys):
    (folder / "cut.rapallo").write_bytes((folder / "obs.rapallo").read_bytes()[:100])
    assert main(["replay", "cut", "--verify", "--saves", str(folder)]) == 2
    assert "ends too early" in capsys.readouterr().err
    assert main(["replay", "no-such-save", "--verify", "--saves", str(folder)]) == 2
    assert "no save called 'no-such-save'" in capsys.readouterr().err


def test_the_saves_command_lists_what_a_player_needs(folder, capsys):
    assert main(["saves", "--saves", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "obs" in out and "Genoa and Rapallo" in out and "observer" in out and "1922-03-31" in out
    assert main(["saves", "--saves", str(folder), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert {"name", "scenario", "power", "date", "saved_at", "problem"} <= set(doc["saves"][0])


def test_an_observer_run_cannot_be_played_and_says_why(folder, capsys):
    assert main(["play", "--text", "--load", "obs", "--saves", str(folder)]) == 2
    assert "observer run" in capsys.readouterr().err


def test_simulate_save_to_a_place_that_cannot_be_written_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    code = main(["simulate", "--scenario", "genoa_rapallo_1922", "--turns", "1", "--save",
                 str(tmp_path / "file" / "run.rapallo")])
    assert code == 2 and "could not be saved" in capsys.readouterr().err


def _run(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    e = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    e.update(env or {})
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin, capture_output=True, text=True,
                          timeout=120, env=e)


def test_play_saves_quits_and_continues_where_it_left_off(tmp_path):
    env = {"RAPALLO_SAVES": str(tmp_path)}
    first = _run("play", "--text", "--seed", "4", stdin="choose cannes_conditions accept\nend\nsave mine\n"
                 "policy comintern 30\nquit\n", env=env)
    assert first.returncode == 0, first.stderr
    assert "Saved as mine." in first.stdout and "Autosaved as autosave-" in first.stdout
    [exit_save] = tmp_path.glob("autosave-*-exit.rapallo")
    again = _run("play", "--text", "--load", exit_save.stem, stdin="undo\nstatus\nquit\n", env=env)
    assert again.returncode == 0, again.stderr
    assert "Undone: soviet_russia: policy comintern 30" in again.stdout
    assert "turn 2 of 27" in again.stdout and "Traceback" not in again.stdout + again.stderr
    bad = _run("play", "--text", "--load", str(tmp_path / "nothing.rapallo"), env=env)
    assert bad.returncode == 2 and "no save called" in bad.stderr and "Traceback" not in bad.stderr
