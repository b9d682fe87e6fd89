"""``play --campaign`` in the window does what it does in the terminal: a finished part goes on into the next
without asking, and a game played to its end carries on likewise. A save that cannot be read, or a next part
that cannot be loaded, is one line and exit status 2 before any window opens."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.errors import UsageError
from game.engine.rules import Rules
from game.saves.session import Session
from game.saves.store import SaveStore
from game.scenario import load_rules
from game.ui import demo

ROOT = Path(__file__).resolve().parents[2]
SEAT = "britain"


@pytest.fixture(scope="module")
def y1921() -> Rules:
    return load_rules("return_to_europe_1921")


def _finished(rules: Rules, saves: Path) -> Session:
    session = Session.start(rules, SEAT, store=SaveStore(saves))
    demo.advance(session, 400)
    assert session.game.is_terminal()
    return session


def test_with_campaign_the_end_of_1921_goes_straight_on_to_genoa_s_map(make_app, y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = make_app((1024, 600))
    session = _finished(y1921, tmp_path)
    app.campaign = True
    app.start(session)
    app.step()
    assert app.session is session and session.rules.id == "genoa_rapallo_1922" and session.power == SEAT
    assert app.top.name == "map" and not session.game.is_terminal()
    assert any("Played on into Genoa and Rapallo" in text for text, *_ in app.toasts)


def test_without_campaign_the_end_of_1921_waits_on_the_ending(make_app, y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = make_app((1024, 600))
    session = _finished(y1921, tmp_path)
    app.start(session)
    app.step()
    assert app.top.name == "end" and session.rules.id == y1921.id


def test_a_next_part_that_cannot_be_loaded_stops_before_the_window_opens(y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from game.ui.app import run_window
    gone = type(y1921)(y1921.scenario.model_copy(update={"next": "genoa_removed_by_a_mod"}), y1921.content_hash,
                       difficulty=y1921.difficulty)
    session = Session.start(gone, SEAT, store=SaveStore(tmp_path))
    args = argparse.Namespace(session=session, campaign=True, scenario=None)
    with pytest.raises(UsageError, match="genoa_removed_by_a_mod"):
        run_window(args)


def _main(*argv: str, tmp: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT),
           "RAPALLO_EXIT_AFTER_FIRST_FRAME": "1", "RAPALLO_CONFIG_DIR": str(tmp / "config"),
           "RAPALLO_SAVES": str(tmp / "saves")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True, env=env,
                          timeout=240)


def test_the_window_loads_a_finished_1921_and_saves_it_on_into_genoa(y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    saves = tmp_path / "saves"
    path = _finished(y1921, saves).save("end-of-1921")
    done = _main("play", "--campaign", "--load", str(path), "--saves", str(saves), tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    scenarios = {info.scenario for info in SaveStore(saves).list()}
    assert "genoa_rapallo_1922" in scenarios, scenarios


def test_a_save_that_is_not_there_is_one_line_and_exit_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    done = _main("play", "--campaign", "--load", str(tmp_path / "no-such-save.json"), tmp=tmp_path)
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no-such-save" in lines[0] and "Traceback" not in done.stderr
