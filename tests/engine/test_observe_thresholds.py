"""Another power's threshold leaves the engine only as far as the viewer's envoys read that power:
exactly for itself and the facilitator, to the nearest 5 when read exactly, otherwise not at all.
The same rule holds in observations, the terminal's estimates and the window's estimate cards."""
from __future__ import annotations

from game.engine.clauses import parse_package
from game.engine.game import Game
from game.engine.legal import FACILITATOR
from game.engine.observe import observe
from game.engine.rules import Rules
from game.engine.valuation import evaluate
from game.engine.views import estimate, insight, recorded_breakdown
from game.ui.viewmodels.negotiation import estimate_vm

HUB = "soviet_russia"
PKG = parse_package("renounce_claims")


def with_thresholds(rules: Rules, threshold: float, *powers: str) -> Rules:
    sc = rules.scenario
    specs = dict(sc.powers)
    for p in powers:
        specs[p] = specs[p].model_copy(update={"threshold": threshold})
    return Rules(sc.model_copy(update={"powers": specs}))


def test_the_hub_reads_a_partner_s_threshold_roughly_through_a_skilled_envoy_and_not_at_all_otherwise(genoa: Rules) -> None:
    rules = with_thresholds(genoa, 37.25, "germany", "italy")
    game = Game.new(rules, seed=1, humans=[HUB])
    assert insight(rules, game.state, HUB, "germany").exact and not insight(rules, game.state, HUB, "italy").exact
    true = evaluate(rules, game.state, "germany", ["germany"], PKG).threshold
    assert true % 5 != 0, "the true threshold is not already a round number"
    (read,) = estimate(rules, game.state, HUB, [HUB], ["germany"], PKG)
    assert read.threshold == 5.0 * round(true / 5.0) and "threshold of about" in read.text()
    (hidden,) = estimate(rules, game.state, HUB, [HUB], ["italy"], PKG)
    assert hidden.threshold is None and "cannot read" in hidden.text()
    card = estimate_vm(rules, game.state, HUB, [HUB], ["italy"], PKG)
    assert card.threshold is None and "cannot read" in card.total_text()
    assert "about" in estimate_vm(rules, game.state, HUB, [HUB], ["germany"], PKG).total_text()


def test_a_power_and_the_facilitator_read_its_threshold_exactly(genoa: Rules) -> None:
    rules = with_thresholds(genoa, 37.25, "germany")
    game = Game.new(rules, seed=1, humans=[HUB])
    true = evaluate(rules, game.state, "germany", ["germany"], PKG).threshold
    (own,) = estimate(rules, game.state, "germany", [HUB], ["germany"], PKG)
    (facilitator,) = estimate(rules, game.state, None, [HUB], ["germany"], PKG)  # type: ignore[arg-type]
    assert own.threshold == facilitator.threshold == true
    assert "about" not in own.text()


def test_a_recorded_answer_shows_the_threshold_as_the_observation_does(genoa: Rules) -> None:
    rules = with_thresholds(genoa, 37.25, "germany", "italy")
    game = Game.new(rules, seed=1, humans=[HUB])
    game.apply(f"{HUB}: assign chicherin germany", by=HUB)
    game.apply(f"{HUB}: propose germany: renounce_claims", by=HUB)
    game.apply("advance", by=FACILITATOR)
    (proposal,) = [p for p in game.state.proposals if "germany" in p.verdicts]
    for seat in (HUB, "germany", FACILITATOR):
        seen = next(p for p in observe(rules, game.state, seat)["proposals"] if p["id"] == proposal.id)
        verdict = seen["verdicts"].get("germany")
        view = recorded_breakdown(rules, game.state, proposal, "germany", None if seat == FACILITATOR else seat)
        assert view is not None and verdict is not None, seat
        assert verdict.get("threshold") == view.threshold, seat
        if seat not in ("germany", FACILITATOR):
            assert view.threshold != proposal.verdicts["germany"]["threshold"], seat
