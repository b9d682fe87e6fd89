"""The command line as a user meets it: exit statuses, messages, no tracebacks."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def run(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    e = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    e.update(env or {})
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, timeout=120, env=e)


def test_scenarios_json_lists_genoa_with_dates_and_powers():
    out = run("scenarios", "--json")
    assert out.returncode == 0, out.stderr
    entries = {e["id"]: e for e in json.loads(out.stdout)}
    genoa = entries["genoa_rapallo_1922"]
    assert genoa["start"] == "1922-01-06" and genoa["playable"]
    assert {"soviet_russia", "britain", "france", "germany", "united_states", "italy", "japan", "belgium",
            "poland"} <= set(genoa["powers"])


def test_unknown_scenario_is_a_clear_error_with_status_2():
    out = run("simulate", "--scenario", "no_such_thing")
    assert out.returncode == 2
    assert "unknown scenario 'no_such_thing'" in out.stderr and "genoa_rapallo_1922" in out.stderr
    assert "Traceback" not in out.stderr


def test_bad_option_is_usage_error_with_status_2():
    out = run("simulate", "--scenario", "genoa_rapallo_1922", "--seeds", "zero")
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_simulate_json_has_the_documented_shape():
    out = run("simulate", "--scenario", "genoa_rapallo_1922", "--seeds", "2", "--seed", "3", "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["scenario"] == "genoa_rapallo_1922" and len(doc["runs"]) == 2
    run0 = doc["runs"][0]
    assert run0["seed"] == 3 and run0["turns"] == 27 and len(run0["state_hash"]) == 16
    assert run0["treaties"]
    for t in run0["treaties"]:
        assert set(t) == {"date", "parties", "clauses"} and len(set(t["parties"])) >= 2
    # most treaties are Moscow's; those among the other powers (side talks) are listed the same way
    assert any("soviet_russia" in t["parties"] for t in run0["treaties"])
    assert set(run0["status"].values()) <= {"none", "de_facto", "de_jure", "full_relations"}
    assert set(run0["scores"]) >= {"soviet_russia", "germany"}


def test_terminal_play_survives_bad_input_and_quits_cleanly():
    script = "\n".join(["help", "powers", "power germany", "estimate germany: renounce_claims",
                        "propose narnia: credits", "propose germany: credits(amount=9999)", "accept 999",
                        "policy comintern 35", "policy comintern 30", "frobnicate", "end", "quit"]) + "\n"
    out = run("play", "--text", "--seed", "4", stdin=script)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    assert "Not possible" in out.stdout
    assert "unknown command 'frobnicate'" in out.stdout
    assert "moves in steps of 10" in out.stdout
    assert "Germany weighs" in out.stdout


def test_default_command_falls_back_to_the_terminal_with_a_notice():
    out = run(stdin="quit\n")
    assert out.returncode == 0
    assert "Playing in the terminal" in out.stderr


def test_play_as_another_power():
    out = run("play", "--text", "--as", "germany", stdin="status\nquit\n")
    assert out.returncode == 0 and "You are Germany" in out.stdout
    bad = run("play", "--text", "--as", "atlantis", stdin="quit\n")
    assert bad.returncode == 2 and "unknown power 'atlantis'" in bad.stderr
