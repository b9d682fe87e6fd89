"""Scripted strategies that play one seat through the Game API, for balance.

A bot plays a seat as a person would: it reads the state, gives commands
with ``Game.apply`` and ends its turn; every other power is the AI. Four
strategies:

- ``greedy``: each turn, the package its own estimate says is best for
  itself and that the other side should take; accepts what clears its own
  breakdown;
- ``spam``: the same offer every turn, whatever the answer;
- ``historical``: the course of 1922 (the AI's own play, which is
  calibrated to it, with the Rapallo treaty signed at Genoa), except that
  the seat talks privately with the hub power only when a settlement is in
  reach: London's villa talks, played by the AI, make Italy fear being left
  out and cost the Allied front that Britain's score weighs;
- ``capitulate``: accepts every proposal it receives and asks for nothing.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from game.engine import ai, events
from game.engine.clauses import parse_package
from game.engine.commands import Answer, ChooseOption, Command, EndTurn, IllegalCommand, MeetPrivately, Propose
from game.engine.game import Game
from game.engine.negotiation import pending_for
from game.engine.scoring import score
from game.engine.search import TRY_REACH, best_offer
from game.engine.treaties import sign_treaty
from game.engine.sidetalks import verdict_on

#: The Rapallo package: what Chicherin and Rathenau signed on 16 April 1922 (the trade
#: agreement of 1921 is already in force).
RAPALLO = "renounce_claims + recognition(level=de_jure)"
#: The first day the historical bot signs at Genoa.
RAPALLO_FROM = "1922-04-10"


def _try(game: Game, cmd: Command) -> bool:
    try:
        game.apply(cmd)
    except IllegalCommand:
        return False
    return True


def _choose(game: Game, power: str) -> None:
    for pending in list(game.state.choices):
        if pending.chooser == power:
            event = events.event_by_id(game.rules, pending.event)
            _try(game, ChooseOption(power, pending.event, events.ai_choice(game.rules, game.state, event)))


def _answer_all(game: Game, power: str, accept: Callable[[object], bool]) -> None:
    for prop in list(pending_for(game.state, power)):
        _try(game, Answer(power, prop.id, "accept" if accept(prop) else "reject"))


def _own_verdict_accepts(game: Game, power: str) -> Callable[[object], bool]:
    rules, state = game.rules, game.state

    def accepts(prop: object) -> bool:
        return verdict_on(rules, state, power, prop).accepted  # type: ignore[arg-type]
    return accepts


def _targets(game: Game, power: str) -> list[str]:
    rules = game.rules
    return list(rules.partners) if power == rules.hub else [rules.hub]


def _propose(game: Game, power: str, to: str, package: tuple) -> bool:
    cmd = Propose(power, (to,), package)
    if _try(game, cmd):
        return True
    venue = ai._venue(game.rules, game.state, power, [to])
    return venue is not None and _try(game, Propose(power, (to,), package, venue))


def greedy(game: Game, power: str) -> None:
    _answer_all(game, power, _own_verdict_accepts(game, power))
    rules, state = game.rules, game.state
    gen = np.random.default_rng([state.seed, 41, state.turn])
    best = None
    for to in _targets(game, power):
        if ai._busy(rules, state, power, to):
            continue
        found = best_offer(rules, state, [power], [to], gen, boldness=1.0, reach=0.0)
        if found is not None and (best is None or found[1] > best[0]):
            best = (found[1], to, found[0])
    if best is not None:
        _propose(game, power, best[1], best[2])


def spam(game: Game, power: str) -> None:
    _answer_all(game, power, lambda prop: False)
    rules = game.rules
    to = "germany" if power == rules.hub and "germany" in rules.partners else rules.hub
    _propose(game, power, to, tuple(parse_package(RAPALLO if "germany" in (power, to) else "credits")))


def settlement_in_reach(game: Game, power: str) -> bool:
    """Whether ``power``'s own estimate finds a treaty with the hub power within reach (the AI's
    usual reach short of the other side's price) that would raise its score once signed, after
    what signing costs its fronts and its partners' goodwill."""
    rules, state = game.rules, game.state
    gen = np.random.default_rng([state.seed, 43, state.turn])
    found = best_offer(rules, state, [power], [rules.hub], gen, boldness=1.0, reach=TRY_REACH)
    if found is None:
        return False
    trial = state.clone()
    sign_treaty(rules, trial, [power], list(found[0]), "trial", [power])
    return score(rules, trial, power) > score(rules, state, power)


def historical(game: Game, power: str) -> None:
    rules, state = game.rules, game.state
    for cmd in ai.turn(rules, state, power):
        if isinstance(cmd, Propose) and "germany" in (power, *cmd.to):
            continue            # the German question is settled the 1922 way, below
        if isinstance(cmd, MeetPrivately) and cmd.other == rules.hub and not settlement_in_reach(game, power):
            continue            # the Foreign Office's course: talk privately only when a deal is in reach
        _try(game, cmd)
    pair = "germany" if power == rules.hub else rules.hub
    rapallo = parse_package(RAPALLO)
    if not all(c.type in rules.scenario.clause_types for c in rapallo):
        return              # a scenario without the clauses of Rapallo: the AI's own play is the course
    if "germany" in (power, pair) and state.date >= RAPALLO_FROM and not ai._busy(rules, state, power, pair):
        _propose(game, power, pair, tuple(rules.normalise_package(rapallo)))


def capitulate(game: Game, power: str) -> None:
    _answer_all(game, power, lambda prop: True)


BOTS: dict[str, Callable[[Game, str], None]] = {
    "greedy": greedy, "spam": spam, "historical": historical, "capitulate": capitulate}


def play(game: Game, power: str, bot: str) -> Game:
    """Play ``power`` with the named bot to the end of the game."""
    move = BOTS[bot]
    while not game.is_terminal():
        turn = game.state.turn
        _choose(game, power)
        move(game, power)
        _choose(game, power)
        game.apply(EndTurn(power))
        if game.state.turn == turn and not game.is_terminal():
            raise RuntimeError(f"turn {turn} did not advance after {power} ended it")
    return game
