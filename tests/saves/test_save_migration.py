"""Saves from older versions are converted through the registry of migrators, step by step."""
from __future__ import annotations

import json

import pytest

from game.engine.game import Game
from game.saves import FORMAT_VERSION, SaveError, migrate
from game.saves.migrate import MIGRATORS, version_of
from game.saves.restore import from_document, parse
from tests.saves.helpers import rules_for


def _format0(game: Game) -> dict:
    """A save as the prototype wrote it (format 0): flat fields, no seal, no metadata."""
    return {"version": 0, "scenario": game.rules.id, "scenario_hash": game.rules.content_hash,
            "seed": game.state.seed, "humans": game.humans(), "commands": list(game.log),
            "hashes": list(game.turn_hashes), "state": game.state.to_dict(), "saved": "2026-01-01T10:00:00"}


@pytest.fixture(scope="module")
def game(genoa) -> Game:
    g = Game.new(genoa, seed=6, humans=["soviet_russia"])
    g.apply("soviet_russia: choose cannes_conditions accept")
    g.apply("soviet_russia: end")
    g.apply("soviet_russia: policy comintern 30")
    return g


def test_every_older_format_has_a_migrator_to_the_next():
    assert sorted(MIGRATORS) == list(range(FORMAT_VERSION))


def test_a_format_0_save_loads_as_the_same_game_and_says_it_was_converted(game, genoa):
    raw = json.dumps(_format0(game)).encode()
    loaded = from_document(parse(raw), rules_for(genoa))
    assert loaded.game.state_hash() == game.state_hash()
    assert loaded.game.log == game.log and loaded.game.turn_hashes == game.turn_hashes
    assert loaded.meta.power == "soviet_russia"
    assert any("format 0" in n and "converted" in n for n in loaded.notices)


def test_migration_gives_a_current_document(game):
    doc = migrate.migrate(_format0(game))
    assert version_of(doc) == FORMAT_VERSION and doc["migrated_from"] == 0
    assert doc["log"] == game.log and doc["scenario"]["id"] == game.rules.id


def test_a_damaged_format_0_save_is_a_clear_error(game):
    old = _format0(game)
    del old["commands"]
    with pytest.raises(SaveError) as e:
        parse(json.dumps(old).encode(), "old.json")
    assert e.value.kind == "damaged" and "format-0" in str(e.value) and "old.json" in str(e.value)
