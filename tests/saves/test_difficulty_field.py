"""Difficulty is a field of the rules, not a suffix on the content hash; saves from before still load, sealed."""
from __future__ import annotations

from game.engine.difficulty import with_difficulty
from game.engine.game import Game
from game.saves import codec, document
from tests.saves.helpers import from_bytes, to_bytes


def test_a_hard_game_keeps_the_scenarios_own_content_hash_and_says_hard(genoa) -> None:  # type: ignore[no-untyped-def]
    hard = with_difficulty(genoa, "hard")
    assert hard.content_hash == genoa.content_hash and hard.difficulty == "hard" and genoa.difficulty == "normal"
    assert hard.scenario.tuning.ai_noise != genoa.scenario.tuning.ai_noise


def test_a_hard_save_records_the_level_and_loads_hard_from_its_snapshot(genoa) -> None:  # type: ignore[no-untyped-def]
    g = Game.new(with_difficulty(genoa, "hard"), seed=2, humans=["soviet_russia"])
    g.apply("soviet_russia: policy comintern 30")
    doc = codec.decode(to_bytes(g, compress=False))
    assert doc["scenario"]["content_hash"] == genoa.content_hash and doc["scenario"]["difficulty"] == "hard"
    loaded = from_bytes(to_bytes(g), genoa)
    assert loaded.game.rules.difficulty == "hard" and loaded.from_snapshot and loaded.notices == []


def test_a_save_from_before_the_field_with_a_hash_suffix_still_loads_sealed(genoa) -> None:  # type: ignore[no-untyped-def]
    g = Game.new(with_difficulty(genoa, "easy"), seed=3, humans=["soviet_russia"])
    g.apply("soviet_russia: policy comintern 40")
    doc = document.build(g, document.SaveMeta(power="soviet_russia", game_id="old001", name="old"))
    # what the game wrote before difficulty was a field: HASH+level, no 'difficulty', sealed over that
    sc = doc["scenario"]
    del sc["difficulty"]
    sc["content_hash"] += "+easy"
    doc["seal"] = document.seal(doc)
    loaded = from_bytes(codec.encode(doc, False), genoa)
    assert loaded.game.rules.difficulty == "easy" and loaded.game.rules.content_hash == genoa.content_hash
    assert loaded.from_snapshot and loaded.notices == []
    assert loaded.game.state_hash() == g.state_hash()
