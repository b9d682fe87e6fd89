"""After a treaty come obligations (issue 11): decisions that keep coming to the last turn.

Each clause type's ``obligations`` in the scenario put a decision to a party of
every treaty in force that holds the clause: orders to pay for under a trade
agreement, interest on credits, a Comintern incident that the partner protests
under non-interference."""
from __future__ import annotations

from game.balance import decisions_per_turn, quietest
from game.engine.clauses import parse_package
from game.engine.commands import CancelTreaty, ChooseOption, EndTurn
from game.engine.game import Game
from game.engine.treaties import sign_treaty
from game.engine.strings import news_text



def _waiting(game: Game, power: str) -> list:
    return [c for c in game.state.choices if c.chooser == power]


def _next_turn(game: Game) -> None:
    for c in list(_waiting(game, "soviet_russia")):
        game.apply(_first_option(game, c.event))
    game.apply(EndTurn("soviet_russia"))


def test_a_trade_agreement_brings_moscow_orders_to_pay_for_on_the_second_turn(genoa):
    game = Game.new(genoa, seed=3, humans=["soviet_russia"])
    assert not any(c.event == "trade_payments" for c in _waiting(game, "soviet_russia"))
    _next_turn(game)
    waiting = [c for c in _waiting(game, "soviet_russia") if c.event == "trade_payments"]
    assert len(waiting) == 1
    partner = waiting[0].partner
    assert partner in ("britain", "germany", "italy")        # the three trade agreements of 1921
    gold, trust = game.state.values["soviet_russia.gold"], game.state.values[f"{partner}.trust"]
    game.apply(ChooseOption("soviet_russia", "trade_payments", "pay"))
    assert game.state.values["soviet_russia.gold"] == gold - 2
    assert game.state.values[f"{partner}.trust"] == trust + 1
    assert not [c for c in _waiting(game, "soviet_russia") if c.event == "trade_payments"]


def test_an_obligation_left_open_is_answered_at_the_turns_end_as_the_delegation_would(genoa):
    game = Game.new(genoa, seed=3, humans=["soviet_russia"])
    _next_turn(game)
    assert any(c.event == "trade_payments" for c in _waiting(game, "soviet_russia"))
    game.apply(EndTurn("soviet_russia"))
    assert not any(c.event == "trade_payments" for c in _waiting(game, "soviet_russia"))
    answered = [n for n in game.state.news if n["kind"] == "choice" and n["turn"] == 1]
    assert answered, "the open obligation should have been answered, with news"


def test_the_partners_of_the_trade_agreements_take_turns(genoa):
    game = Game.new(genoa, seed=3, humans=["soviet_russia"])
    partners = []
    for _ in range(9):
        partners += [c.partner for c in _waiting(game, "soviet_russia") if c.event == "trade_payments"]
        for c in list(_waiting(game, "soviet_russia")):
            game.apply(_first_option(game, c.event))
        game.apply(EndTurn("soviet_russia"))
    assert len(partners) == 3                     # turns 1, 4 and 7
    assert len(set(partners)) >= 2


def _first_option(game: Game, event: str) -> ChooseOption:
    from game.engine.events import event_by_id
    return ChooseOption("soviet_russia", event, event_by_id(game.rules, event).options[0].id)


def test_a_comintern_incident_under_non_interference_asks_moscow_to_answer_britains_protest(genoa):
    game = Game.new(genoa, seed=3, humans=["soviet_russia"])
    game.state.values["soviet_russia.comintern"] = 80
    sign_treaty(genoa, game.state, ["britain"], list(genoa.normalise_package(parse_package("non_interference"))),
                "A test treaty", ["soviet_russia"])
    seen = None
    for _ in range(8):
        seen = next((c for c in _waiting(game, "soviet_russia") if c.event == "comintern_incident"), None)
        if seen:
            break
        for c in list(_waiting(game, "soviet_russia")):
            game.apply(_first_option(game, c.event))
        game.apply(EndTurn("soviet_russia"))
    assert seen is not None and seen.partner == "britain"
    trust = game.state.values["britain.trust"]
    game.apply(ChooseOption("soviet_russia", "comintern_incident", "deny"))
    assert game.state.values["britain.trust"] == trust - 4
    protest = [n for n in game.state.news if n.get("event") == "comintern_incident"]
    assert protest and "Britain" in news_text(protest[0]) and "Comintern" in news_text(protest[0])
    # the protest is between London and Moscow: both read it, a third capital does not
    def reads(seat: str) -> bool:
        return any("Comintern agents" in n["text"] for n in game.observe(seat)["news"])
    assert reads("soviet_russia") and reads("britain") and not reads("france")


def test_a_cancelled_treaty_brings_no_more_obligations(genoa):
    game = Game.new(genoa, seed=3, humans=["soviet_russia"])
    for c in list(_waiting(game, "soviet_russia")):
        game.apply(_first_option(game, c.event))
    for t in [t for t in game.state.treaties if any(c.type == "trade_agreement" for c in t.clauses)]:
        game.apply(CancelTreaty("soviet_russia", t.id))
    for _ in range(6):
        assert not any(c.event == "trade_payments" for c in _waiting(game, "soviet_russia"))
        for c in list(_waiting(game, "soviet_russia")):
            game.apply(_first_option(game, c.event))
        game.apply(EndTurn("soviet_russia"))


def test_an_ai_moscow_answers_its_obligations_at_once(genoa):
    game = Game.new(genoa, seed=3)
    game.run_to_end(max_turns=2)
    answered = [n for n in game.state.news if n.get("event") == "trade_payments"]
    assert len(answered) == 3                  # one for each trade agreement on turn 1
    assert not game.state.choices


def test_the_historical_course_leaves_moscow_no_five_quiet_turns(genoa):
    counts = decisions_per_turn(genoa, "soviet_russia", seed=1)
    assert len(counts) >= 20                   # the whole course, to the last turn
    assert quietest(counts) < 5


def test_the_checker_refuses_an_obligation_named_like_an_event(tmp_path):
    from game.paths import SCENARIOS
    from game.scenario.validate import validate_paths
    text = (SCENARIOS / "genoa_rapallo_1922.yaml").read_text(encoding="utf-8")
    assert "      - id: relief_deliveries\n" in text
    path = tmp_path / "clash.yaml"
    path.write_text(text.replace("      - id: relief_deliveries\n", "      - id: cannes_conditions\n"), encoding="utf-8")
    found = [f for f in validate_paths([str(path)]).findings if f.code == "S005"]
    assert len(found) == 1 and "obligation id 'cannes_conditions'" in found[0].message


def test_a_partners_question_on_soviet_orders_stays_in_its_capital(genoa):
    """London deciding whether to back credit for Soviet orders is London's business: Moscow does not read
    the question (QA saw three such questions a turn in Moscow's news), London and the facilitator do."""
    game = Game.new(genoa, seed=3, humans=["soviet_russia"])
    for _ in range(8):
        for c in list(_waiting(game, "soviet_russia")):
            game.apply(_first_option(game, c.event))
        game.apply(EndTurn("soviet_russia"))
    asked = [n for n in game.state.news if n.get("event") == "soviet_orders"]
    assert asked, "the partners decide on Soviet orders every three turns"
    chooser = asked[0]["powers"][0]
    question = news_text(asked[0])

    def reads(seat: str) -> bool:
        return any(n["text"] == question for n in game.observe(seat)["news"])
    assert reads(chooser) and reads("facilitator")
    assert not reads("soviet_russia") and not reads("observer")
