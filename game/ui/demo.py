"""Games set up at a given point, for screenshots, tests and the benchmark:
the start of a scenario, the middle of Genoa with papers on the table, and
the end. Everything here goes through the engine's commands."""
from __future__ import annotations

from game.engine.clauses import Clause
from game.engine.commands import AssignNegotiator, ChooseOption, EndTurn, IllegalCommand, Propose
from game.engine.events import event_by_id
from game.engine.rules import Rules
from game.saves.session import Session

DEFAULT_SCENARIO = "genoa_rapallo_1922"


def load_rules(scenario: str | None = None) -> Rules:
    from game.scenario import load_rules as cli_load
    return cli_load(scenario or DEFAULT_SCENARIO)


def decide_all(session: Session) -> None:
    """Take the first option of every decision waiting for the player."""
    for event in session.pending_choices():
        ev = event_by_id(session.rules, event)
        session.attempt(ChooseOption(session.power, event, ev.options[0].id))


def advance(session: Session, turns: int) -> None:
    for _ in range(turns):
        if session.game.is_terminal():
            return
        decide_all(session)
        session.attempt(EndTurn(session.power))


def start(scenario: str | None = None, power: str | None = None, seed: int | None = None) -> Session:
    rules = load_rules(scenario)
    return Session.start(rules, power or rules.hub, seed=seed)


def midgame(scenario: str | None = None, turns: int = 8) -> Session:
    """Some turns in, an envoy in Berlin and an offer to Germany answered."""
    s = start(scenario)
    if s.is_hub and "chicherin" in s.rules.scenario.powers[s.power].negotiators and "germany" in s.rules.powers:
        s.attempt(AssignNegotiator(s.power, "chicherin", "germany"))
        advance(s, 1)
        try:
            s.game.apply(Propose(s.power, ("germany",), (Clause.of("renounce_claims"), Clause.of("credits"))), by=s.power)
        except IllegalCommand:
            pass
        turns -= 1
    advance(s, turns)
    return s


def finished(scenario: str | None = None) -> Session:
    s = midgame(scenario)
    advance(s, 400)
    return s
