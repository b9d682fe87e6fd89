"""A side-talk proposal in a person's inbox is weighed as a side talk, never as a treaty with Moscow:
the terminal's inbox, the window's own estimate and the bots all read it (they crashed on the side
terms, which are no clause types of the hub's treaties)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from game.engine.game import Game
from game.engine.rules import Rules
from game.engine.sidetalks import verdict_on
from game.saves.session import Session
from game.saves.store import SaveStore
from game.text.app import TextApp
from game.ui.viewmodels.negotiation import own_view
from tests.text.test_terminal_game import Script

ROOT = Path(__file__).resolve().parents[2]
RELIEF = "partial_moratorium + german_reforms + western_pledge"


def _relief_asked(genoa: Rules) -> Game:
    game = Game.new(genoa, seed=3, humans=["germany", "britain"])
    game.apply(f"germany: propose britain: {RELIEF}", by="germany")
    return game


def test_britain_weighs_germany_s_request_as_a_side_talk_with_its_reasons(genoa: Rules) -> None:
    game = _relief_asked(genoa)
    prop = game.state.proposals[-1]
    verdict = verdict_on(genoa, game.state, "britain", prop)
    labels = [line.label for line in verdict.lines]
    assert "Germany makes no separate treaty with Moscow" in labels
    assert own_view(genoa, game.state, "britain", prop) is not None     # the window's card reads it too


def test_the_terminal_inbox_of_a_person_playing_britain_shows_the_side_proposal(genoa: Rules, tmp_path) -> None:  # type: ignore[no-untyped-def]
    game = _relief_asked(genoa)
    game.apply("germany: end", by="germany")
    script = Script("end", "inbox", "quit")          # the turn ends: the proposal reaches London
    app = TextApp(game, "britain", read=script.read, write=script.write)
    app.attach(Session(game, "britain", SaveStore(tmp_path)))
    app.run()
    assert "Germany makes no separate treaty with Moscow" in script.text
    assert "Traceback" not in script.text and "unexpected" not in script.text.lower()


def test_a_greedy_germany_bot_answers_the_allies_side_proposals() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "balance", "--scenario", "genoa_rapallo_1922",
                           "--as", "germany", "--bot", "greedy", "--seeds", "1", "--seed", "1"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "final score" in done.stdout


def test_the_terminal_estimates_a_side_talk_with_the_receiver_s_own_reasons(genoa: Rules, tmp_path) -> None:  # type: ignore[no-untyped-def]
    game = Game.new(genoa, seed=3, humans=["germany"])
    script = Script(f"estimate britain: {RELIEF}", "estimate britain: credits(amount=100)", "quit")
    app = TextApp(game, "germany", read=script.read, write=script.write)
    app.attach(Session(game, "germany", SaveStore(tmp_path)))
    app.run()
    assert "Britain weighs" in script.text and "Reparation Commission has not yet reported" in script.text
    # a clause of Moscow's treaties is no term between Berlin and London: said, not weighed as one
    assert "'credits' is not a term of talks among the other powers" in script.text
