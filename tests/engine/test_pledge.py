"""Germany's pledge of no separate treaty with Moscow (side talks, ``western_pledge``) binds it.

Given Berlin has pledged to London (and got London's support for a
moratorium in the same treaty), when it renounces claims with Moscow, then
London withdraws (the events ``pledge_broken_london`` / ``pledge_broken_paris``
and the ``withdraw:`` effect): the relief and the pledge are cancelled, the
Allies' readiness to ease the reparations falls, London holds a grievance
against Berlin, and the news says why."""
from __future__ import annotations

from pathlib import Path

from game.engine.clauses import Clause, parse_package
from game.engine.commands import Answer, EndTurn, Propose
from game.engine.game import Game
from game.engine.negotiation import pending_for
from game.engine.rules import Rules
from game.engine.scoring import objectives
from game.engine.treaties import sign_treaty
from game.scenario.library import Library
from game.scenario.loader import check

RAPALLO = "renounce_claims + recognition(level=de_jure)"
RELIEF_FOR_A_PLEDGE = (Clause.of("partial_moratorium"), Clause.of("western_pledge"))


def _relief_from_london(rules: Rules, seed: int, clauses: tuple = RELIEF_FOR_A_PLEDGE) -> Game:
    """A game in which Germany (a person) and Britain (a person) sign relief for a pledge through side talks."""
    game = Game.new(rules, seed=seed, humans=["germany", "britain"])
    game.apply(Propose("germany", ("britain",), clauses), by="germany")
    for _ in range(4):                           # the proposal travels to London
        waiting = [p for p in pending_for(game.state, "britain") if p.sender == ["germany"]]
        if waiting:
            game.apply(Answer("britain", waiting[0].id, "accept"), by="britain")
            return game
        game.apply(EndTurn("germany"), by="germany")
        game.apply(EndTurn("britain"), by="britain")
    raise AssertionError("Berlin's proposal never reached London")


def _relief_in_force(game: Game) -> bool:
    return any(t.in_force and not t.hub_party and {"germany", "britain"} <= set(t.partners)
               and "partial_moratorium" in {c.type for c in t.clauses} for t in game.state.treaties)


def _rapallo_and_a_turn(rules: Rules, game: Game) -> None:
    sign_treaty(rules, game.state, ["germany"], list(rules.normalise_package(parse_package(RAPALLO))),
                "Rapallo", ["soviet_russia"])
    game.apply(EndTurn("germany"), by="germany")
    game.apply(EndTurn("britain"), by="britain")


def test_a_pledge_broken_costs_germany_londons_relief_and_the_news_says_why(genoa):
    game = _relief_from_london(genoa, seed=4)
    assert _relief_in_force(game)
    met = {o.id: o.met for o in objectives(genoa, game.state, "germany")}
    assert met["reparations_relief"]
    moratorium = game.state.values["germany.moratorium"]

    _rapallo_and_a_turn(genoa, game)

    assert not _relief_in_force(game)
    met = {o.id: o.met for o in objectives(genoa, game.state, "germany")}
    assert not met["reparations_relief"]
    # the separate treaty costs 8 (its on_sign), the broken word 10 more
    assert game.state.values["germany.moratorium"] <= moratorium - 18
    assert any(g.holder == "britain" and g.against == "germany" for g in game.state.grievances)
    said = [n["args"] for n in game.state.news if n.get("event") == "pledge_broken_london"]
    assert len(said) == 1 and "no separate treaty with Moscow" in said[0]["text"]
    assert any(t.cancelled_by == "britain" and "western_pledge" in {c.type for c in t.clauses}
               for t in game.state.treaties)


def test_relief_given_without_a_pledge_survives_a_separate_treaty(genoa):
    game = _relief_from_london(genoa, seed=4, clauses=(Clause.of("partial_moratorium"),))
    assert _relief_in_force(game)
    _rapallo_and_a_turn(genoa, game)
    assert _relief_in_force(game)
    assert "pledge_broken_london" not in game.state.fired


def test_london_will_not_take_a_pledge_from_a_berlin_that_has_already_signed_with_moscow(genoa):
    from game.engine.sidetalks import judge
    game = Game.new(genoa, seed=4, humans=["germany"])
    before = judge(genoa, game.state, "britain", "germany", (Clause.of("western_pledge"),)).total
    sign_treaty(genoa, game.state, ["germany"], list(genoa.normalise_package(parse_package(RAPALLO))),
                "Rapallo", ["soviet_russia"])
    after = judge(genoa, game.state, "britain", "germany", (Clause.of("western_pledge"),))
    assert after.total < before and not after.accepted


def _findings(tmp_path: Path, effect: str) -> list:  # type: ignore[type-arg]
    text = f"id: messages\nextends: genoa_rapallo_1922\nevents:\n  - {{id: e, title: T, text: T, effects: [{effect}]}}\n"
    return check(Library.for_game().resolve_text(text, tmp_path / "m.yaml", "m.yaml")).findings


def test_the_checker_names_a_withdrawal_by_an_outsider_or_of_an_unknown_clause(tmp_path: Path) -> None:
    ok = _findings(tmp_path, "{withdraw: {with: [britain], clauses: [trade_agreement], by: soviet_russia}}")
    assert not [f for f in ok if f.severity == "error"], ok
    side = _findings(tmp_path, "{withdraw: {between: [germany, britain], clauses: [partial_moratorium], by: britain}}")
    assert not [f for f in side if f.severity == "error"], side
    outsider = _findings(tmp_path, "{withdraw: {with: [britain], clauses: [trade_agreement], by: france}}")
    assert [f for f in outsider if f.code == "R010" and "france" in f.message]
    unknown = _findings(tmp_path, "{withdraw: {with: [britain], clauses: [tea_agreement], by: britain}}")
    assert [f for f in unknown if f.severity == "error" and "tea_agreement" in f.message]


def test_berlin_weighs_its_word_to_london_before_it_signs_with_moscow(genoa):
    from game.engine.valuation import evaluate
    game = Game.new(genoa, seed=4)
    rapallo = tuple(genoa.normalise_package(parse_package(RAPALLO)))
    free = evaluate(genoa, game.state, "germany", ["germany"], rapallo)
    sign_treaty(genoa, game.state, ["germany", "britain"], list(RELIEF_FOR_A_PLEDGE), "Relief for a pledge",
                ["britain"], hub_party=False)
    bound = evaluate(genoa, game.state, "germany", ["germany"], rapallo)
    assert bound.total < free.total
    assert any("no separate treaty with Moscow" in line.label for line in bound.lines)


def test_berlin_takes_relief_but_will_not_sell_its_eastern_option_for_it(genoa):
    from game.engine.sidetalks import judge
    game = Game.new(genoa, seed=4)
    assert judge(genoa, game.state, "germany", "britain", (Clause.of("partial_moratorium"),)).accepted
    assert not judge(genoa, game.state, "germany", "britain", RELIEF_FOR_A_PLEDGE).accepted
