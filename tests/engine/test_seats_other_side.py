"""One rule for "the other side of a proposal": the window, the terminal and the AI weigh a joint
proposal the same (seed 7, credits and non-interference offered to Britain and France together)."""
from __future__ import annotations

import re

from game.engine.game import Game
from game.engine.negotiation import verdict_of
from game.engine.rules import Rules
from game.engine.views import estimate

HUB = "soviet_russia"
TERMS = "credits(amount=200) + non_interference"


def joint_offer(genoa: Rules) -> Game:
    game = Game.new(genoa, seed=7, humans=[HUB, "britain", "france"])
    for c in list(game.state.choices):
        option = next(e for e in genoa.scenario.events if e.id == c.event).options[0].id
        game.apply(f"{c.chooser}: choose {c.event} {option}", by=c.chooser)
    game.apply(f"{HUB}: assign chicherin france", by=HUB)
    game.apply(f"{HUB}: propose britain,france: {TERMS}", by=HUB)
    game.apply("britain: end", by="britain")
    game.apply("france: end", by="france")
    game.apply(f"{HUB}: end", by=HUB)
    return game


def test_window_terminal_and_ai_weigh_a_joint_proposal_alike(genoa: Rules) -> None:
    from game.text.app import TextApp
    from game.ui.viewmodels.negotiation import estimate_vm, own_view
    game = joint_offer(genoa)
    prop = next(p for p in game.state.proposals if p.sender == [HUB])
    assert prop.receivers == ["britain", "france"] and prop.delivered
    ai = verdict_of(genoa, game.state, prop, "britain").total
    window = own_view(genoa, game.state, "britain", prop).total
    said: list[str] = []
    TextApp(game, "britain", write=said.append).handle("inbox")
    totals = re.findall(r"^\s+([+-]\d+)\s+against a threshold", "\n".join(said), re.M)
    assert totals, said
    assert window == round(ai, 1)
    assert int(totals[0]) == round(ai)
    # The hub's own estimate before sending reads the same number (its envoys read Britain exactly or to 5).
    before = Game.new(genoa, seed=7, humans=[HUB])
    pkg = genoa.normalise_package(prop.clauses)
    hub_view = estimate(genoa, before.state, HUB, [HUB], ["britain", "france"], pkg)[0]
    window_view = estimate_vm(genoa, before.state, HUB, [HUB], ["britain", "france"], pkg)
    assert hub_view.total == window_view.total
