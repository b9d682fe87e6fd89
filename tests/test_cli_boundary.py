"""The launcher's one boundary: every bad command line a person can type ends with one line on stderr
and exit status 2, never a traceback; exit 1 keeps its documented meanings only."""
from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from game import limits
from game.cli import main
from tests.conftest import ROOT

SC = ("--scenario", "genoa_rapallo_1922")
LONG = "a" * 300


def _fifo(tmp_path) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "pipe.rapallo"
    os.mkfifo(path)
    return str(path)


def _sparse(tmp_path, name: str, size: int) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    with open(path, "wb") as f:
        f.truncate(size)
    return str(path)


def _broken_yaml(tmp_path) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.yaml"
    path.write_text("id: [\n", encoding="utf-8")
    return str(path)


# Each case: an id, and a function of tmp_path giving the arguments.
BAD = [
    ("seed-negative-play", lambda t: ["play", "--text", "--seed", "-1"]),
    ("seed-negative-simulate", lambda t: ["simulate", *SC, "--seed", "-1"]),
    ("seed-2**64", lambda t: ["simulate", *SC, "--seed", str(2**64)]),
    ("seed-2**63", lambda t: ["play", "--text", "--seed", str(2**63)]),
    ("seed-huge-text", lambda t: ["simulate", *SC, "--seed", "9" * 5000]),
    ("seed-not-a-number", lambda t: ["simulate", *SC, "--seed", "x1"]),
    ("seeds-past-the-largest-seed", lambda t: ["simulate", *SC, "--seed", str(limits.MAX_SEED), "--seeds", "2"]),
    ("seeds-10**9", lambda t: ["simulate", *SC, "--seeds", str(10**9)]),
    ("seeds-zero", lambda t: ["simulate", *SC, "--seeds", "0"]),
    ("jobs-1000", lambda t: ["simulate", *SC, "--jobs", "1000"]),
    ("jobs-zero", lambda t: ["simulate", *SC, "--jobs", "0"]),
    ("turns-negative", lambda t: ["simulate", *SC, "--turns", "-3"]),
    ("frames-10**9", lambda t: ["--screenshot", str(t / "x.png"), "--frames", str(10**9)]),
    ("frames-zero", lambda t: ["--screenshot", str(t / "x.png"), "--frames", "0"]),
    ("screenshot-into-a-folder", lambda t: ["--screenshot", str(t)]),
    ("screenshot-trailing-slash", lambda t: ["--screenshot", str(t / "new") + "/"]),
    ("save-reserved-autosave", lambda t: ["simulate", *SC, "--save", "autosave-x", "--saves", str(t)]),
    ("save-reserved-quicksave", lambda t: ["simulate", *SC, "--save", "quicksave", "--saves", str(t)]),
    ("save-empty", lambda t: ["simulate", *SC, "--save", "", "--saves", str(t)]),
    ("save-too-long", lambda t: ["simulate", *SC, "--save", LONG, "--saves", str(t)]),
    ("load-too-long", lambda t: ["play", "--text", "--load", LONG, "--saves", str(t)]),
    ("replay-too-long", lambda t: ["replay", LONG, "--saves", str(t)]),
    ("replay-verify-too-long", lambda t: ["replay", "--verify", LONG, "--saves", str(t)]),
    ("replay-long-path-part", lambda t: ["replay", str(t / LONG / "x.rapallo")]),
    ("replay-fifo", lambda t: ["replay", _fifo(t)]),
    ("replay-dev-zero", lambda t: ["replay", "/dev/zero"]),
    ("replay-dev-null", lambda t: ["replay", "/dev/null"]),
    ("replay-folder", lambda t: ["replay", str(t)]),
    ("replay-missing", lambda t: ["replay", "no-such-save", "--saves", str(t)]),
    ("replay-sparse-5gb", lambda t: ["replay", _sparse(t, "big.rapallo", 5 * 2**30)]),
    ("load-fifo", lambda t: ["play", "--text", "--load", _fifo(t)]),
    ("load-sparse-40mb", lambda t: ["play", "--text", "--load", _sparse(t, "big.json", 40 * 2**20)]),
    ("resolve-broken-yaml", lambda t: ["resolve", _broken_yaml(t)]),
    ("resolve-unknown", lambda t: ["resolve", "no_such_scenario"]),
    ("schema-out-under-a-file", lambda t: ["schema", "--out", "/dev/null/x"]),
    ("docs-out-under-a-file", lambda t: ["docs", "--out", "/dev/null/x/ref.md"]),
    ("docs-out-a-folder", lambda t: ["docs", "--out", str(t)]),
    ("validate-dev-null", lambda t: ["validate", "/dev/null"]),
    ("unknown-option", lambda t: ["simulate", *SC, "--frobnicate"]),
    ("unknown-power", lambda t: ["play", "--text", "--as", "narnia"]),
]


@pytest.mark.parametrize("make_args", [c[1] for c in BAD], ids=[c[0] for c in BAD])
def test_a_bad_command_line_is_one_line_and_exit_2(make_args, tmp_path, capsys):
    args = make_args(tmp_path)
    status = main(args)
    err = capsys.readouterr().err
    assert status == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err


def test_range_messages_name_the_range(capsys):
    assert main(["simulate", *SC, "--jobs", "1000"]) == 2
    err = capsys.readouterr().err
    assert f"from 1 to {limits.max_jobs()}" in err and "1000" in err


def test_a_long_name_in_the_terminal_is_a_message_and_the_moves_are_autosaved(tmp_path):
    script = f"policy comintern 30\nload {LONG}\nload {tmp_path}\nquit\n"
    out = _run("play", "--text", "--seed", "4", "--saves", str(tmp_path), stdin=script)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    assert "longer than the file system allows" in out.stdout
    assert "Autosaved as autosave-" in out.stdout
    assert any(p.name.startswith("autosave-") for p in tmp_path.iterdir())


def test_terminal_escape_codes_and_lone_surrogates_in_a_save_title_never_reach_the_terminal(tmp_path, capsys):
    import json

    from game.engine.game import Game
    from game.scenario import load_rules
    from game.saves import document
    from game.saves.document import SaveMeta
    game = Game.new(load_rules("genoa_rapallo_1922", ()), seed=3)
    game.run_to_end(max_turns=1)
    doc = document.build(game, SaveMeta(power="", game_id="t1", name="x", kind="observer"))
    doc["scenario"]["title"] = "Genoa\x1b[2J\x1b]0;pwned\x07 \ud800 end"
    doc["seal"] = "0" * 64            # hand-edited: the game must still read it with care
    (tmp_path / "odd.json").write_bytes(json.dumps(doc).encode())
    assert main(["saves", "--saves", str(tmp_path)]) == 0
    assert main(["replay", "--verify", "odd", "--saves", str(tmp_path)]) in (0, 1)
    out = capsys.readouterr()
    shown = out.out + out.err
    assert "odd" in out.out and "Genoa" in shown
    assert "\x1b" not in shown and "\x07" not in shown and "\ud800" not in shown
    assert "Traceback" not in shown


def test_simulate_piped_into_head_exits_without_a_traceback():
    cmd = (f"{sys.executable} main.py simulate --scenario genoa_rapallo_1922 --seeds 3 --turns 2 --json "
           f"| head -c 10")
    out = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, env=_env())
    assert out.stdout.startswith('{"scenario')
    assert out.returncode in (0, 2, 141), out.stderr
    assert "Traceback" not in out.stderr and "Exception ignored" not in out.stderr


def test_a_closed_stdout_is_exit_2_with_one_line(monkeypatch, capsys):
    class Closed(io.StringIO):
        def write(self, s: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")
    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["scenarios"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_input_through_the_real_launcher_is_exit_2(tmp_path):
    for args in (["--screenshot", str(tmp_path)], ["simulate", *SC, "--seed", "-1"], ["replay", "/dev/zero"]):
        out = _run(*args)
        assert out.returncode == 2 and "Traceback" not in out.stderr, (args, out.stderr)
        assert len(out.stderr.strip().splitlines()) == 1, out.stderr


def test_simulate_streams_a_million_seeds_without_listing_them(monkeypatch):
    """The seeds reach the runner as a lazy range, not a list built first."""
    import game.sim as sim
    seen = {}

    def fake(rules, seeds, turns=None, jobs=1, progress=None):  # type: ignore[no-untyped-def]
        seen["seeds"] = seeds
        return iter(())
    monkeypatch.setattr(sim, "iter_runs", fake)
    assert main(["simulate", *SC, "--seeds", str(limits.MAX_SEEDS), "--seed", "0", "--json"]) == 0
    assert isinstance(seen["seeds"], range) and len(seen["seeds"]) == limits.MAX_SEEDS


def _env() -> dict:
    e = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    e.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(ROOT))
    return e


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, timeout=300, env=_env())
