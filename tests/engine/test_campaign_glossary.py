"""The glossary and the teacher's note: data in the scenarios, the glossary shared by 1921 and Genoa,
read in the terminal with ``glossary [TERM]``."""
from __future__ import annotations

from game.engine.game import Game
from game.scenario import load_rules
from game.text.render import glossary_text


def test_genoa_and_1921_share_one_glossary_and_each_has_a_teachers_note() -> None:
    genoa, early = load_rules("genoa_rapallo_1922"), load_rules("return_to_europe_1921")
    assert [e.id for e in genoa.scenario.glossary] == [e.id for e in early.scenario.glossary]
    assert {"de_jure", "nep", "comintern", "narkomindel"} <= {e.id for e in genoa.scenario.glossary}
    assert "no military clauses" in genoa.scenario.teacher_note
    assert "de facto recognition only" in early.scenario.teacher_note


def test_the_terminal_glossary_finds_a_term_by_another_spelling() -> None:
    game = Game.new(load_rules("genoa_rapallo_1922"), seed=1)
    text = glossary_text(game, "NEP")
    assert text.startswith("New Economic Policy (NEP) (term)") and "tax in kind" in text
    listing = glossary_text(game, "")
    assert "== Terms" in listing and "  De jure recognition" in listing
    assert "no entry for 'zzz'" in glossary_text(game, "zzz")
