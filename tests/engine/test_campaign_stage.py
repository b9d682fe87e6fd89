"""Relations that break and are restored, and powers that enter and leave the stage."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from game.engine.commands import IllegalCommand, Propose
from game.engine.clauses import Clause
from game.engine.game import Game
from game.engine.legal import legal_commands
from game.engine.model.common import Status
from game.engine.model.conditions import RelationsTest
from game.engine.model.effects import BreakRelations, RestoreRelations
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.world import Ctx
from game.scenario.library import Library
from game.scenario.loader import check
from game.engine.strings import news_text

BASE = Path(__file__).parents[1] / "scenario" / "fixtures" / "codes" / "base.yaml"
ARCOS = {"break_relations": {"power": "britain", "reason": "After the Arcos raid London breaks off relations."}}


def _broken(genoa: Rules) -> Game:
    game = Game.new(genoa, seed=5, humans=["soviet_russia", "britain"])
    BreakRelations.model_validate(ARCOS).apply(Ctx(genoa, game.state))
    return game


def test_breaking_relations_drops_the_status_and_is_news(genoa: Rules) -> None:
    game = _broken(genoa)
    assert game.state.status["britain"] == Status.none
    assert news_text(game.state.news[-1]).startswith("After the Arcos raid")
    assert RelationsTest.model_validate({"relations": {"power": "britain", "broken": True}}).holds(
        Ctx(genoa, game.state))


def test_no_proposal_runs_while_relations_are_broken(genoa: Rules) -> None:
    game = _broken(genoa)
    with pytest.raises(IllegalCommand, match="broken off relations"):
        game.apply(Propose("soviet_russia", ("britain",), (Clause.of("trade_agreement"),)))
    offered = [c for c in legal_commands(genoa, game.state, "soviet_russia") if isinstance(c, Propose)]
    assert offered and all("britain" not in c.to for c in offered)


def test_restored_relations_set_the_floor_and_reopen_talks(genoa: Rules) -> None:
    game = _broken(genoa)
    RestoreRelations.model_validate({"restore_relations": {"power": "britain", "to": "de_jure",
                                                           "reason": "Relations are restored."}}).apply(
        Ctx(genoa, game.state))
    assert game.state.status["britain"] == Status.de_jure and not game.state.broken
    offered = [c for c in legal_commands(genoa, game.state, "soviet_russia") if isinstance(c, Propose)]
    assert any("britain" in c.to for c in offered)


def test_broken_relations_survive_a_save_and_old_states_keep_their_hash(genoa: Rules) -> None:
    game = _broken(genoa)
    assert State.from_dict(game.state.clone().to_dict()).broken == ["britain"]
    fresh = Game.new(genoa, seed=5).state
    assert "broken" not in fresh.to_dict()


def _late_japan(genoa: Rules) -> Rules:
    sc = genoa.scenario.model_copy(deep=True)
    sc.powers["japan"] = sc.powers["japan"].model_copy(update={"enters": dt.date(1922, 3, 1)})
    return Rules(sc)


def test_a_power_before_it_enters_is_neither_offered_nor_played(genoa: Rules) -> None:
    rules = _late_japan(genoa)
    game = Game.new(rules, seed=5, humans=["soviet_russia"])
    offered = [c for c in legal_commands(rules, game.state, "soviet_russia") if isinstance(c, Propose)]
    assert offered and all("japan" not in c.to for c in offered)
    assert all(type(c).__name__ in ("EndTurn", "ChooseOption") for c in legal_commands(rules, game.state, "japan"))
    with pytest.raises(IllegalCommand, match="does not enter the stage before 1922-03-01"):
        game.apply(Propose("soviet_russia", ("japan",), (Clause.of("trade_agreement"),)))


def _findings(tmp_path: Path, extra: str) -> list:  # type: ignore[type-arg]
    (tmp_path / "base.yaml").write_bytes(BASE.read_bytes())
    return check(Library([tmp_path]).resolve_text("id: m\nextends: base\n" + extra, tmp_path / "m.yaml",
                                                  "m.yaml")).findings


def test_the_checker_refuses_breaking_with_the_hub_and_a_power_that_leaves_before_it_enters(tmp_path: Path) -> None:
    hub = _findings(tmp_path, "events:\n  - {id: e, title: T, text: T, effects: [{break_relations: "
                              "{power: soviet_russia, reason: R}}]}\n")
    assert [f for f in hub if f.code == "R012"]
    late = _findings(tmp_path, "powers:\n  britain:\n    enters: 1922-05-01\n    leaves: 1922-04-01\n")
    assert [f for f in late if f.code == "R016"]
