"""A clause is not broken on the day it is signed: a non-interference pledge signed while the Comintern is
busy draws a protest only after Moscow has had a month to rein in its agents (QA saw Berlin protest on
the very turn the Treaty of Berlin was signed)."""
from __future__ import annotations

import datetime as dt

from game.bots import _choose
from game.engine.clauses import parse_package
from game.engine.commands import EndTurn
from game.engine.game import Game
from game.engine.treaties import BREACH_GRACE_DAYS, sign_treaty


def _breaches(game: Game) -> list[dict]:  # type: ignore[type-arg]
    return [n for n in game.state.news if n.get("key") == "news.breach"]


def test_a_non_interference_clause_is_first_breached_a_month_after_signing(genoa):
    game = Game.new(genoa, seed=5, humans=["soviet_russia"])
    game.state.values["soviet_russia.comintern"] = 90.0
    sign_treaty(genoa, game.state, ["britain"], genoa.normalise_package(parse_package("non_interference")),
                "A pledge", ["britain"])
    signed = game.state.today
    turns = 0
    while not _breaches(game) and turns < 12:
        _choose(game, "soviet_russia")
        game.apply(EndTurn("soviet_russia"))
        game.state.values["soviet_russia.comintern"] = 90.0     # the agents stay busy
        turns += 1
    assert _breaches(game), "the agitation goes on: the breach must come"
    first = dt.date.fromisoformat(_breaches(game)[0]["date"])
    assert (first - signed).days >= BREACH_GRACE_DAYS
    assert turns > 1
