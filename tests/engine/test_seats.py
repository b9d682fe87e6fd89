"""Seats: a delegation acts only for itself, only the facilitator advances, the observer never acts."""
from __future__ import annotations

import pytest

from game.engine.clauses import Clause
from game.engine.commands import (COMMANDS, Advance, Answer, AssignNegotiator, Attend, CancelTreaty, ChooseOption,
                                  Command, EndTurn, IllegalCommand, MeetPrivately, Propose, SetPolicy, Speak, WalkOut,
                                  WithdrawProposal, FACILITATOR_COMMANDS, AdjustValue, InjectEvent, PostNews)
from game.engine.game import Game
from game.engine.rules import Rules

HUB = "soviet_russia"


def one_of_each(power: str) -> list[Command]:
    """One command of every verb, given for ``power``."""
    return [Propose(power, ("germany",), (Clause.of("renounce_claims"),)), Answer(power, 1, "accept"),
            WithdrawProposal(power, 1), AssignNegotiator(power, "chicherin", "germany"),
            SetPolicy(power, "comintern", 30), Attend(power, "genoa"), Speak(power, "genoa", "debts"),
            MeetPrivately(power, "genoa", "germany"), WalkOut(power, "genoa"), CancelTreaty(power, 1),
            ChooseOption(power, "x", "y"), EndTurn(power)]


def facilitator_commands() -> list[Command]:
    return [InjectEvent(event="boulogne"), PostNews(headline="Rumour", text="A rumour from Berlin."),
            AdjustValue(var="soviet_russia.discontent", by=5.0, reason="a bad harvest")]


def test_every_verb_is_covered_by_the_refusal_tests() -> None:
    verbs = {c.VERB for c in one_of_each(HUB)} | {Advance.VERB} | {c.VERB for c in facilitator_commands()}
    assert verbs == set(COMMANDS)
    assert {c.VERB for c in facilitator_commands()} == set(FACILITATOR_COMMANDS)


@pytest.mark.parametrize("cmd", facilitator_commands(), ids=lambda c: c.VERB)
def test_only_the_facilitator_gives_facilitator_commands(genoa: Rules, cmd: Command) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB])
    before = game.state_hash()
    with pytest.raises(IllegalCommand, match="only the facilitator"):
        game.apply(cmd, by=HUB)
    with pytest.raises(IllegalCommand, match="observer"):
        game.apply(cmd, by="observer")
    assert game.state_hash() == before


@pytest.mark.parametrize("cmd", one_of_each(HUB), ids=lambda c: c.VERB)
def test_a_delegation_may_not_act_for_another_power(genoa: Rules, cmd: Command) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB, "germany"])
    before = game.state_hash()
    with pytest.raises(IllegalCommand, match="only for itself"):
        game.apply(cmd, by="germany")
    assert game.state_hash() == before


@pytest.mark.parametrize("cmd", one_of_each(HUB), ids=lambda c: c.VERB)
def test_the_observer_and_the_facilitator_give_no_delegation_commands(genoa: Rules, cmd: Command) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB])
    with pytest.raises(IllegalCommand, match="observer"):
        game.apply(cmd, by="observer")
    with pytest.raises(IllegalCommand, match="facilitator"):
        game.apply(cmd, by="facilitator")


@pytest.mark.parametrize("cmd", one_of_each("germany"), ids=lambda c: c.VERB)
def test_a_seat_may_not_act_for_a_power_the_ai_plays(genoa: Rules, cmd: Command) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB])
    with pytest.raises(IllegalCommand, match="played by the AI"):
        game.apply(cmd, by="germany")


def test_soviet_russia_cannot_end_germany_s_turn(genoa: Rules) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB])
    with pytest.raises(ValueError):
        game.apply("germany: end", by="soviet_russia")


def test_only_the_facilitator_advances_the_turn(genoa: Rules) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB, "france"])
    for seat in ("france", HUB, "observer"):
        with pytest.raises(ValueError):
            game.apply("advance", by=seat)
    assert game.state.turn == 0
    game.apply("advance", by="facilitator")
    assert game.state.turn == 1


def test_a_delegation_acts_for_itself(genoa: Rules) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB])
    game.apply(f"{HUB}: policy comintern 30", by=HUB)
    assert game.state.choices, "the opening turn asks the hub power to decide"
    for c in list(game.state.choices):
        option = next(e for e in genoa.scenario.events if e.id == c.event).options[0].id
        game.apply(f"{HUB}: choose {c.event} {option}", by=HUB)
    game.apply(f"{HUB}: end", by=HUB)
    assert game.state.turn == 1


def test_an_unknown_seat_is_refused_with_the_seats_named(genoa: Rules) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB])
    with pytest.raises(IllegalCommand, match="facilitator"):
        game.apply(f"{HUB}: end", by="the_kaiser")


def test_trusted_callers_without_a_seat_still_act_for_the_ai_powers(genoa: Rules) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB])
    game.apply("advance")
    assert game.state.turn == 1
