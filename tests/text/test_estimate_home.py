"""The estimate warns a person when their own government would refuse to ratify what they propose:
a human Germany's January deal with Moscow is refused in Berlin, and the estimate must say so first."""
from __future__ import annotations

from game.engine.clauses import parse_package
from game.engine.game import Game
from game.engine.views import home_refusal
from game.i18n import S
from game.text.app import TextApp
from game.ui.viewmodels.negotiation import estimate_vm
from tests.text.test_terminal_game import Script

RAPALLO = "renounce_claims + recognition(level=de_jure)"


def test_the_terminal_estimate_warns_that_berlin_would_not_ratify_a_january_rapallo(genoa):
    script = Script(f"estimate soviet_russia: {RAPALLO}")
    game = Game.new(genoa, seed=3, humans=["germany"])
    TextApp(game, "germany", read=script.read, write=script.write).run()
    warned = script.reply(0)
    assert "refuse to ratify" in warned and "Genoa" in warned      # its reason: wait for the Allies' offer


def test_the_window_and_classroom_estimates_carry_the_same_warning(genoa):
    game = Game.new(genoa, seed=3, humans=["germany"])
    rules, state = game.rules, game.state
    pkg = rules.normalise_package(parse_package(RAPALLO))
    reason = home_refusal(rules, state, "germany", ["germany"], ["soviet_russia"], pkg)
    assert reason and "Genoa" in reason
    vm = estimate_vm(rules, state, "germany", ["germany"], ["soviet_russia"], pkg)
    assert vm.home == S["ui.neg.home_refusal"].format(reason=reason)


def test_no_warning_for_an_ai_seat_or_a_deal_home_would_take(genoa):
    game = Game.new(genoa, seed=3, humans=["soviet_russia"])
    rules, state = game.rules, game.state
    pkg = rules.normalise_package(parse_package(RAPALLO))
    # Germany is played by the AI here: its cabinet already had its say in its own answer
    assert home_refusal(rules, state, "germany", ["germany"], ["soviet_russia"], pkg) is None
    # Moscow's Politburo has nothing against Berlin renouncing its claims
    assert home_refusal(rules, state, "soviet_russia", ["soviet_russia"], ["germany"], pkg) is None
