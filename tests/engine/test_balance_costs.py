"""Costs bind people as they bind the AI, and every seat has decisions to the last turn (issue 11).

Britain: a separate settlement with Moscow that France has not signed costs
the Entente (score and state), and Britain's politics at home weigh breaking
ranks before they ratify. Germany: what it does after Rapallo (its answer to
the Allies, the Reichstag, credit for Soviet orders) moves the Allies'
readiness to ease the reparations, and so its score. Pacing: the counting
behind bench/bench_pacing.py, and the seats that now have decisions."""
from __future__ import annotations

from game.balance import decisions_per_turn, quietest
from game.engine.clauses import parse_package
from game.engine.commands import ChooseOption, EndTurn
from game.engine.game import Game
from game.engine.ratification import ratification_refusal
from game.engine.rules import Rules
from game.engine.scoring import objectives, score
from game.engine.treaties import sign_treaty

RAPALLO = "renounce_claims + recognition(level=de_jure)"
SETTLEMENT = "debt_acknowledgement(share=25, moratorium_years=30) + credits(amount=100)"


def _package(rules: Rules, text: str) -> list:
    return list(rules.normalise_package(parse_package(text)))


def _met(rules: Rules, game: Game, power: str) -> dict[str, bool]:
    return {o.id: o.met for o in objectives(rules, game.state, power)}


def test_a_british_settlement_after_rapallo_without_france_costs_britain_the_entente(genoa):
    game = Game.new(genoa, seed=3, humans=["britain"])
    sign_treaty(genoa, game.state, ["germany"], _package(genoa, RAPALLO), "Rapallo", ["soviet_russia"])
    assert _met(genoa, game, "britain")["entente_kept"]
    before = score(genoa, game.state, "britain")
    unity = game.state.values["world.entente_unity"]

    sign_treaty(genoa, game.state, ["britain"], _package(genoa, SETTLEMENT), "A separate settlement", ["britain"])

    met = _met(genoa, game, "britain")
    assert met["debts_in_principle"] and not met["entente_kept"]
    assert game.state.values["world.entente_unity"] == unity - 10
    assert any(g.holder == "france" and g.against == "britain" for g in game.state.grievances)
    # The debts are worth 25 to Britain; the Entente it broke for them costs 10 of those.
    assert score(genoa, game.state, "britain") == before + 25 - 10


def test_britains_government_weighs_breaking_ranks_before_it_ratifies_a_separate_settlement(genoa):
    game = Game.new(genoa, seed=3, humans=["britain"])
    sign_treaty(genoa, game.state, ["germany"], _package(genoa, RAPALLO), "Rapallo", ["soviet_russia"])
    refusal = ratification_refusal(genoa, game.state, "britain", ["britain"], tuple(_package(genoa, SETTLEMENT)))
    assert refusal is not None and refusal.total < 0
    from game.engine.valuation import evaluate
    alone = [line.label for line in evaluate(genoa, game.state, "britain", ["britain"],
                                             tuple(_package(genoa, SETTLEMENT))).lines]
    together = [line.label for line in evaluate(genoa, game.state, "britain", ["britain", "france"],
                                                tuple(_package(genoa, SETTLEMENT))).lines]
    assert any("Entente" in label for label in alone)
    assert not any("Entente" in label for label in together)


def _play_germany_after_rapallo(rules: Rules, conciliatory: bool) -> Game:
    """Germany signs Rapallo on the first day, then answers every decision one way to the end."""
    game = Game.new(rules, seed=5, humans=["germany"])
    sign_treaty(rules, game.state, ["germany"], _package(rules, RAPALLO), "Rapallo", ["soviet_russia"])
    pick = {"allied_note_to_berlin": "reassure" if conciliatory else "stand",
            "reichstag_treaty": "wait" if conciliatory else "press",
            "soviet_orders": "cash" if conciliatory else "back"}
    asked: set[str] = set()
    while not game.is_terminal():
        for c in [c for c in game.state.choices if c.chooser == "germany"]:
            asked.add(c.event)
            if c.event in pick:
                game.apply(ChooseOption("germany", c.event, pick[c.event]))
        game.apply(EndTurn("germany"))
    assert asked >= set(pick), f"Germany was never asked {set(pick) - asked}"
    return game


def test_germanys_answers_after_rapallo_decide_whether_the_allies_will_ease_the_reparations(genoa):
    mild = _play_germany_after_rapallo(genoa, conciliatory=True)
    defiant = _play_germany_after_rapallo(genoa, conciliatory=False)
    assert mild.state.values["germany.moratorium"] > defiant.state.values["germany.moratorium"]
    assert _met(genoa, mild, "germany")["moratorium_in_reach"]
    assert not _met(genoa, defiant, "germany")["moratorium_in_reach"]
    assert _met(genoa, mild, "germany")["article_116"] and _met(genoa, defiant, "germany")["article_116"]
    assert score(genoa, mild.state, "germany") != score(genoa, defiant.state, "germany")


def test_quietest_counts_the_longest_run_of_turns_without_a_decision():
    assert quietest([1, 0, 0, 2, 0, 0, 0, 1]) == 3
    assert quietest([0, 0]) == 2
    assert quietest([1, 1]) == 0


def test_decisions_per_turn_counts_the_choice_an_event_puts_to_the_seat_in_a_small_game(tiny):
    counts = decisions_per_turn(tiny, "soviet_russia", seed=1)
    game = Game.new(tiny, seed=1)
    game.run_to_end(max_turns=50)
    assert len(counts) == game.state.turn + 1       # one count per turn, from turn 0 to the last
    assert sum(counts) >= 1                          # the invitation of February asks Moscow to choose
    assert counts[0] == 0                            # nothing is asked on the first day


def test_britain_germany_france_and_italy_face_a_decision_in_every_five_turns_of_the_historical_course(genoa):
    for power in ("germany", "britain", "france", "italy"):
        counts = decisions_per_turn(genoa, power, seed=1)
        assert len(counts) >= 20
        assert quietest(counts) < 5, f"{power}: {counts}"
