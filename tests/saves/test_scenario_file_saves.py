"""A game started from a scenario FILE (``--scenario path/to/x.yaml``) reloads from that file: the save records
its absolute path beside the content hash, and says in one line (exit 2) when the file has moved or changed.
Played through the terminal, from another working folder than the one the game was started in."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game.saves.reading import read_document

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "tests" / "scenario" / "fixtures" / "codes" / "base.yaml"


def _main(*args: str, cwd: Path, stdin: str = "quit\n") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300)


def _started_from_a_file(tmp_path: Path) -> tuple[Path, Path]:
    """A game of a scenario only a file holds, saved after one turn; the file and the save."""
    (tmp_path / "mine").mkdir()
    scenario = tmp_path / "mine" / "trade.yaml"
    scenario.write_bytes(BASE.read_bytes())
    out = _main("play", "--text", "--scenario", "mine/trade.yaml", "--saves", "saves", cwd=tmp_path,
                stdin="end\nsave first\nquit\n")
    assert out.returncode == 0, out.stderr
    return scenario, tmp_path / "saves" / "first.rapallo"


def test_a_game_started_from_a_scenario_file_reloads_from_that_file_from_any_folder(tmp_path: Path) -> None:
    scenario, save = _started_from_a_file(tmp_path)
    assert read_document(save)["scenario"]["path"] == str(scenario.resolve())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = _main("play", "--text", "--load", str(save), stdin="status\nquit\n", cwd=elsewhere)
    assert out.returncode == 0, out.stderr
    assert "1921-01" in out.stdout and "error" not in out.stderr
    verify = _main("replay", str(save), "--verify", cwd=elsewhere)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_a_moved_scenario_file_is_one_line_naming_where_it_was(tmp_path: Path) -> None:
    scenario, save = _started_from_a_file(tmp_path)
    scenario.rename(scenario.with_name("renamed.yaml"))
    out = _main("play", "--text", "--load", "first", "--saves", "saves", cwd=tmp_path)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr
    assert str(scenario.resolve()) in lines[0] and "not there any more" in lines[0]


def test_a_changed_scenario_file_is_one_line_saying_it_changed(tmp_path: Path) -> None:
    scenario, save = _started_from_a_file(tmp_path)
    text = scenario.read_text(encoding="utf-8")
    assert "threshold: 12" in text
    scenario.write_text(text.replace("threshold: 12", "threshold: 13"), encoding="utf-8")
    out = _main("play", "--text", "--load", "first", "--saves", "saves", cwd=tmp_path)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr
    assert f"the scenario file {scenario.resolve()} has changed" in lines[0]


def test_a_scenario_file_put_back_as_it_was_plays_the_save_again(tmp_path: Path) -> None:
    scenario, save = _started_from_a_file(tmp_path)
    original = scenario.read_bytes()
    scenario.unlink()
    assert _main("play", "--text", "--load", "first", "--saves", "saves", cwd=tmp_path).returncode == 2
    scenario.write_bytes(original)
    assert _main("play", "--text", "--load", "first", "--saves", "saves", cwd=tmp_path).returncode == 0


def test_a_game_started_by_id_records_no_path(tmp_path: Path) -> None:
    out = _main("play", "--text", "--scenario", "genoa_rapallo_1922", "--saves", "saves", cwd=tmp_path,
                stdin="save plain\nquit\n")
    assert out.returncode == 0, out.stderr
    assert "path" not in read_document(tmp_path / "saves" / "plain.rapallo")["scenario"]
