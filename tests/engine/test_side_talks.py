"""Talks among the powers other than Moscow (side_talks): a person in a seat may bargain with an AI
power, the AI powers bargain among themselves, and Moscow hears of it as far as its envoys reach."""
from __future__ import annotations

import pytest

from game.engine.commands import IllegalCommand
from game.engine.debrief import debrief, render
from game.engine.events import event_by_id
from game.engine.game import Game
from game.engine.legal import FACILITATOR, OBSERVER
from game.engine.negotiators import mission_key
from game.engine.rules import Rules
from game.engine.scoring import objectives
from game.engine.world import Ctx

HUB = "soviet_russia"
RELIEF = "partial_moratorium + german_reforms + western_pledge"
RELIEF_AGAIN = "partial_moratorium + german_reforms"


def decide_and_end(game: Game, power: str) -> None:
    for c in [c for c in game.state.choices if c.chooser == power]:
        option = event_by_id(game.rules, c.event).options[0].id
        game.apply(f"{power}: choose {c.event} {option}", by=power)
    game.apply(f"{power}: end", by=power)


def side_proposals(game: Game, a: str, b: str) -> list:
    return [p for p in game.state.proposals if {a, b} == set(p.sender) | set(p.receivers)]


def play_out(rules: Rules, seed: int, turns: int | None = None) -> Game:
    game = Game.new(rules, seed=seed)
    while not game.state.finished and (turns is None or game.state.turn < turns):
        game.apply("advance", by=FACILITATOR)
    return game


# --- a person at the table -----------------------------------------------------------------------

def test_a_person_playing_germany_asks_britain_for_relief_and_the_ai_britain_answers_with_reasons(
        genoa: Rules) -> None:
    game = Game.new(genoa, seed=3, humans=["germany"])
    game.apply(f"germany: propose britain: {RELIEF}", by="germany")
    decide_and_end(game, "germany")        # the proposal reaches London; Britain's AI answers next turn
    prop = side_proposals(game, "germany", "britain")[0]
    assert prop.answers["britain"] in ("reject", "counter")      # January: the Commission has not reported
    seen = next(p for p in game.observe("germany")["proposals"] if p["id"] == prop.id)
    labels = [line[0] for line in seen["verdicts"]["britain"]["lines"]]
    assert "Germany makes no separate treaty with Moscow" in labels
    assert any("Reparation Commission has not yet reported" in label for label in labels)
    assert not any(not t.hub_party for t in game.state.treaties if "germany" in t.partners)


def _relief_after_the_commission(genoa: Rules) -> Game:
    """Germany (a person) asks London again once the Reparation Commission has reported (March 1922)."""
    game = Game.new(genoa, seed=3, humans=["germany"])
    while game.state.today.isoformat() < "1922-03-15":
        decide_and_end(game, "germany")
    game.apply(f"germany: propose britain: {RELIEF}", by="germany")
    decide_and_end(game, "germany")
    return game


def test_after_the_commission_reports_britain_backs_relief_and_the_treaty_counts_for_germany(genoa: Rules) -> None:
    game = _relief_after_the_commission(genoa)
    prop = side_proposals(game, "germany", "britain")[-1]
    assert prop.answers == {"britain": "accept"}
    treaty = next(t for t in game.state.treaties if not t.hub_party and "germany" in t.partners)
    assert sorted(treaty.partners) == ["britain", "germany"]
    relief = next(o for o in objectives(genoa, game.state, "germany") if o.id == "reparations_relief")
    assert relief.met
    assert Ctx(genoa, game.state).has_treaty((), False, ("partial_moratorium",), True, None, None,
                                             between=("germany", "britain"))
    assert "Britain, Germany signed" in render(debrief(genoa, game.state))


def test_a_proposal_on_a_topic_the_two_do_not_share_is_refused_with_a_clear_message(genoa: Rules) -> None:
    game = Game.new(genoa, seed=3, humans=["germany", "britain", HUB])
    before = game.state_hash()
    with pytest.raises(IllegalCommand, match="may bargain only over terms of reparations_relief"):
        game.apply("germany: propose britain: guarantee_pact", by="germany")
    with pytest.raises(IllegalCommand, match="share no topic"):
        game.apply("germany: propose italy: partial_moratorium", by="germany")
    with pytest.raises(IllegalCommand, match="one topic a proposal"):
        game.apply("britain: propose france: partial_moratorium + guarantee_pact", by="britain")
    with pytest.raises(IllegalCommand, match="unknown clause type 'partial_moratorium'"):
        game.apply(f"{HUB}: propose germany: partial_moratorium", by=HUB)
    assert game.state_hash() == before


def test_a_term_already_in_force_between_the_two_is_refused_by_the_receiver(genoa: Rules) -> None:
    game = _relief_after_the_commission(genoa)
    game.apply("germany: propose britain: partial_moratorium", by="germany")
    decide_and_end(game, "germany")
    again = side_proposals(game, "germany", "britain")[-1]
    assert again.answers["britain"] in ("reject", "counter")
    assert any("already in force" in r for r in again.verdicts["britain"]["red_lines"])


# --- the AI among itself -------------------------------------------------------------------------------

def test_the_ai_britain_and_france_bargain_with_each_other_in_observer_runs(genoa: Rules) -> None:
    answered = []
    for seed in (1, 2, 3):
        game = play_out(genoa, seed, turns=8)
        talks = side_proposals(game, "britain", "france")
        assert talks, f"seed {seed}: Britain and France never talked"
        answered += [p.status for p in talks if p.status in ("accepted", "rejected", "countered")]
    assert "accepted" in answered or "rejected" in answered


def test_the_same_seed_gives_the_same_game_with_side_talks(genoa: Rules) -> None:
    a, b = play_out(genoa, 7, turns=6), play_out(genoa, 7, turns=6)      # seed 7: London backs relief in March
    assert any(not t.hub_party for t in a.state.treaties)
    assert a.state_hash() == b.state_hash()


# --- what Moscow hears ------------------------------------------------------------------------------------

def _side_news(game: Game, seat: str) -> list[dict]:
    """News of the talks between Germany and Britain (the AI France may be talking to London too)."""
    return [n for n in game.observe(seat)["news"] if n["kind"] in ("side_talk", "side_rumour")
            and set(n["powers"]) == {"germany", "britain"}]


def _post(game: Game, where: dict[str, str]) -> None:
    for nid in game.rules.scenario.powers[HUB].negotiators:
        game.state.missions[mission_key(HUB, nid)] = where.get(nid, "home")


def test_moscow_learns_of_talks_among_other_powers_only_as_far_as_its_envoys_reach(genoa: Rules) -> None:
    game = Game.new(genoa, seed=3, humans=["germany", "britain"])
    game.apply(f"germany: propose britain: {RELIEF}", by="germany")
    _post(game, {})                                    # every Soviet envoy at home: Moscow hears nothing
    assert _side_news(game, HUB) == []
    assert [n["kind"] for n in _side_news(game, "germany")] == ["side_talk"]   # the parties always know
    assert [n["kind"] for n in _side_news(game, OBSERVER)] == ["side_talk"]
    assert [n["kind"] for n in _side_news(game, FACILITATOR)] == ["side_talk"]
    _post(game, {"krasin": "britain"})                 # guile 5: a rumour, without the terms
    rumour = _side_news(game, HUB)
    assert [n["kind"] for n in rumour] == ["side_rumour"]
    assert "Germany" in rumour[0]["text"] and "moratorium" not in rumour[0]["text"]
    _post(game, {"litvinov": "germany"})               # guile 8: the proposal in full
    full = _side_news(game, HUB)
    assert [n["kind"] for n in full] == ["side_talk"] and "moratorium" in full[0]["text"]


def test_moscow_hears_one_rumour_of_the_same_talks_a_turn_not_one_per_message(genoa: Rules) -> None:
    game = Game.new(genoa, seed=3, humans=["germany", "britain"])
    game.apply(f"germany: propose britain: {RELIEF}", by="germany")
    game.apply(f"germany: propose britain: {RELIEF_AGAIN}", by="germany")
    _post(game, {"krasin": "britain"})                 # a rumour's reach
    parties = [n for n in game.state.news if n.get("kind") == "side_talk"
               and set(n.get("powers", ())) == {"germany", "britain"}]
    assert len(parties) >= 2, "two messages between Berlin and London this turn"
    assert [n["kind"] for n in _side_news(game, HUB)] == ["side_rumour"]
    assert len(_side_news(game, "germany")) == len(parties)        # the parties read every message


def test_the_ai_s_quick_sums_agree_with_the_full_judgement_for_every_package(genoa: Rules) -> None:
    from game.engine import sidetalks
    from game.engine.variables import relation_name
    game = play_out(genoa, 5, turns=12)
    checked = 0
    for tid, topic in genoa.scenario.side_talks.topics.items():
        for a in topic.parties:
            for b in topic.parties:
                if a == b or tid not in sidetalks.shared_topics(genoa, a, b):
                    continue
                values = sidetalks._term_values(genoa, game.state, a, b, topic)
                rel = game.state.values.get(relation_name(a, b), 0.0) * topic.relation_weight
                for pkg, _key in sidetalks._packages(topic):
                    full = sidetalks.judge(genoa, game.state, a, b, pkg)
                    repeat = sum(line.value for line in full.lines if line.kind == "context")
                    assert full.total == pytest.approx(sum(values[c.type] for c in pkg) + rel + repeat)
                    checked += 1
    assert checked > 20
