"""Playing on from 1921 into Genoa at the terminal: the ending offers the next part, ``continue`` starts
it with 1921's treaties, saves made after it load into Genoa, and a next part that is gone is one line
and exit status 2 with the finished game kept."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine.game import Game
from game.engine.rules import Rules
from game.saves.session import Session
from game.saves.store import SaveStore
from game.scenario import load_rules
from game.text.app import TextApp
from tests.text.test_terminal_game import Script

ROOT = Path(__file__).resolve().parents[2]
#: Britain at the keyboard: the AI's Moscow signs its 1921 treaties while the player only ends turns.
SEAT = "britain"


@pytest.fixture(scope="module")
def y1921() -> Rules:
    return load_rules("return_to_europe_1921")


def _ends(rules: Rules) -> list[str]:
    return ["end"] * len(rules.turn_dates)


def _play(rules: Rules, lines: list[str], saves: Path, seat: str = SEAT, campaign: bool = False) -> tuple[TextApp, Script, Game]:
    script = Script(*lines)
    first = Game.new(rules, seed=4, humans=[seat])
    app = TextApp(first, seat, read=script.read, write=script.write, campaign=campaign)
    app.attach(Session(first, seat, SaveStore(saves)))
    app.run()
    return app, script, first


def _carried_titles(first: Game, second: Rules) -> set[str]:
    return {t.title for t in first.state.treaties if t.in_force
            and all(p in second.scenario.powers for p in t.parties(first.rules.hub))}


def test_at_the_end_of_1921_continue_plays_on_in_genoa_with_the_1921_treaties(y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app, script, first = _play(y1921, [*_ends(y1921), "continue", "treaties", "quit"], tmp_path)
    assert first.is_terminal() and "Type continue to play on into Genoa and Rapallo" in script.text
    assert "Treaties, relations, values and events carry over." in script.text
    game = app.session.game
    assert game.rules.id == "genoa_rapallo_1922" and game.state.date == "1922-01-06"
    assert game.chain[0]["scenario"] == "return_to_europe_1921" and game.humans() == [SEAT]
    in_1921 = _carried_titles(first, game.rules)
    in_genoa = {t.title for t in game.state.treaties}
    assert in_1921 & in_genoa, "no treaty of 1921 reached Genoa"
    after = script.text.split("The campaign goes on: Genoa and Rapallo.")[1]
    assert sorted(in_1921 & in_genoa)[0] in after            # 'treaties' in Genoa lists what 1921 signed
    assert app.exit_status == 0 and not app.failure


def test_a_save_made_after_continuing_loads_into_genoa_and_so_does_its_autosave(y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app, _, _ = _play(y1921, [*_ends(y1921), "continue", "end", "save in-genoa", "quit"], tmp_path)
    store = SaveStore(tmp_path)
    loaded = Session.open("in-genoa", store)
    assert loaded.rules.id == "genoa_rapallo_1922" and loaded.power == SEAT
    assert loaded.game.state_hash() == app.session.game.state_hash()
    assert loaded.game.chain[0]["scenario"] == "return_to_europe_1921"
    assert app.session.last_autosave is not None
    assert Session.open(str(app.session.last_autosave), store).rules.id == "genoa_rapallo_1922"


def test_play_campaign_goes_on_without_asking(y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app, script, _ = _play(y1921, _ends(y1921), tmp_path, campaign=True)
    assert "Type continue" not in script.text
    assert app.session.game.rules.id == "genoa_rapallo_1922"


def test_quitting_at_the_offer_keeps_the_finished_1921_game_saved(y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app, script, first = _play(y1921, [*_ends(y1921), "status", "quit"], tmp_path)
    assert app.session.game is first and first.is_terminal() and app.exit_status == 0
    kept = app.session.saved_in
    assert kept is not None and Session.open(str(kept), SaveStore(tmp_path)).game.is_terminal()
    assert "continue with: python main.py play --text --load" in script.text


def test_a_power_without_a_seat_in_genoa_is_told_the_campaign_ends_here(y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app, script, _ = _play(y1921, _ends(y1921), tmp_path, seat="persia")
    assert "Persia has no seat in Genoa and Rapallo, so the campaign ends here for you." in script.text
    assert "Type continue" not in script.text and app.exit_status == 0
    assert app.session.game.rules.id == "return_to_europe_1921"


def test_a_next_part_that_does_not_exist_is_refused_before_play_in_one_line(y1921, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The checker (I012) refuses a next: that names no scenario when the game starts, so nobody plays a
    # campaign through to a dead end; a next part that breaks after the start is tests/saves' case.
    scenario = tmp_path / "gone.yaml"
    text = (ROOT / "scenarios" / "return_to_europe_1921.yaml").read_text(encoding="utf-8")
    assert "\nnext: genoa_rapallo_1922" in text
    scenario.write_text(text.replace("\nnext: genoa_rapallo_1922", "\nnext: genoa_removed_by_a_mod"), encoding="utf-8")
    saves = tmp_path / "saves"
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "play", "--text", "--scenario", str(scenario),
                          "--as", SEAT, "--campaign", "--saves", str(saves)], input="end\n" * len(y1921.turn_dates),
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert "I012" in out.stderr and "genoa_removed_by_a_mod" in out.stderr
