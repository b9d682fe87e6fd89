"""What a player of another power than the hub met in the terminal (QA pass, 2026-11-30)."""
from __future__ import annotations

from game.engine.game import Game
from game.text.render import levers_text


def test_a_power_that_may_not_set_the_levers_is_not_told_how_to_set_them(genoa):
    game = Game.new(genoa, seed=1)
    germany = levers_text(game, "germany")
    assert "Only Soviet Russia sets these levers." in germany
    assert "policy LEVER VALUE" not in germany
    assert "policy LEVER VALUE" in levers_text(game, genoa.hub)


def test_accept_or_reject_without_an_id_shows_how_to_answer_not_unknown_command():
    from game.text.app import expand_aliases
    for word in ("reject", "accept", "counter", "REJECT"):
        assert expand_aliases(word) == "answer"
    assert expand_aliases("reject 4") == "answer 4 reject"
