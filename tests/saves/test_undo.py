"""Undo takes back the last command, removes it from the log, and saves stay consistent."""
from __future__ import annotations

import json

import numpy as np

from game.engine.game import Game
from game.saves import Session
from game.saves.undo import rebuild_without_last
from tests.saves.helpers import from_bytes, next_command, to_bytes


def test_undo_puts_back_the_state_and_the_log(genoa):
    s = Session.new(genoa, seed=3, humans=["soviet_russia"])
    s.apply("soviet_russia: choose cannes_conditions accept")
    before = (s.game.state_hash(), list(s.game.log))
    s.apply("soviet_russia: policy comintern 30")
    assert s.undo() == "soviet_russia: policy comintern 30"
    assert (s.game.state_hash(), s.game.log) == before


def test_undoing_an_end_takes_back_the_whole_turn(genoa):
    s = Session.new(genoa, seed=3, humans=["soviet_russia"])
    s.apply("soviet_russia: choose cannes_conditions accept")
    before = s.game.state_hash()
    s.apply("soviet_russia: end")
    assert s.game.state.turn == 1 and len(s.game.turn_hashes) == 1
    assert s.undo() == "soviet_russia: end"
    assert s.game.state.turn == 0 and s.game.turn_hashes == [] and s.game.state_hash() == before


def test_undo_with_nothing_to_undo_says_none(genoa):
    s = Session.new(genoa, seed=3, humans=["soviet_russia"])
    assert not s.can_undo() and s.undo() is None


def test_a_refused_command_leaves_nothing_to_undo(genoa):
    s = Session.new(genoa, seed=3, humans=["soviet_russia"])
    try:
        s.apply("soviet_russia: policy comintern 35")
    except ValueError:
        pass
    assert s.game.log == [] and s.history.marks == []


def test_undo_by_snapshot_and_undo_by_replay_agree_through_a_random_game(genoa):
    """The in-memory snapshots and the replay of the log are two roads to the same game."""
    rng = np.random.default_rng(5)
    s = Session.new(genoa, seed=5, humans=["soviet_russia", "germany"])
    for step in range(160):
        if s.game.is_terminal():
            break
        s.apply(next_command(s.game, rng))
        if rng.random() < 0.2 and len(s.game.log) > 1:
            twin = s.game.clone()
            rebuild_without_last(twin)
            s.undo()
            assert s.game.state_hash() == twin.state_hash() and s.game.log == twin.log
            assert s.game.turn_hashes == twin.turn_hashes


def test_undo_right_after_loading_rebuilds_from_the_log(genoa):
    g = Game.new(genoa, seed=8, humans=["soviet_russia"])
    g.apply("soviet_russia: choose cannes_conditions accept")
    before = g.state_hash()
    g.apply("soviet_russia: policy comintern 30")
    s = Session(from_bytes(to_bytes(g), genoa).game, "soviet_russia")
    assert s.undo() == "soviet_russia: policy comintern 30"
    assert s.game.state_hash() == before


def test_a_save_written_after_undo_replays_to_the_same_game(genoa):
    s = Session.new(genoa, seed=8, humans=["soviet_russia"])
    s.apply("soviet_russia: choose cannes_conditions accept")
    s.apply("soviet_russia: end")
    s.apply("soviet_russia: policy comintern 30")
    s.undo()
    s.undo()
    doc = json.loads(to_bytes(s.game, compress=False))
    assert doc["log"] == ["soviet_russia: choose cannes_conditions accept"]
    doc["seal"] = ""                                       # make the loader replay the log
    again = from_bytes(json.dumps(doc).encode(), genoa)
    assert not again.from_snapshot and again.game.state_hash() == s.game.state_hash()


def test_a_facilitator_undoes_any_delegation_and_an_advance(genoa):
    """Classroom: several delegations are human; the facilitator undoes the last command, whoever gave it."""
    s = Session.new(genoa, seed=2, humans=["soviet_russia", "germany", "britain"], power="")
    s.apply("soviet_russia: choose cannes_conditions accept")
    s.apply("britain: end")
    mid = s.game.state_hash()
    s.apply("advance")
    assert s.game.state.turn == 1
    assert s.undo() == "advance"
    assert s.game.state_hash() == mid and s.game.state.turn == 0
    assert s.undo() == "britain: end"
    assert "britain" not in s.game.state.ended
    assert s.undo() == "soviet_russia: choose cannes_conditions accept"
    assert s.game.log == []
