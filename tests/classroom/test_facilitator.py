"""The facilitator's powers over the world, and the log every action leaves."""
from __future__ import annotations

import pytest

from game.engine.strings import news_text
from game.engine.commands import AdjustValue, Command, CommandError, IllegalCommand, InjectEvent, PostNews
from game.engine.game import Game
from game.engine.rules import Rules
from game.saves.replay import replay


def test_injecting_the_villa_talks_fires_them_now_and_logs_who_did_it(genoa: Rules) -> None:
    game = Game.new(genoa)
    assert "villa_talks" not in game.state.fired
    game.apply(InjectEvent(event="villa_talks"), by="facilitator")
    assert game.state.fired["villa_talks"] == 0
    headline = next(e.title for e in genoa.scenario.events if e.id == "villa_talks")
    assert any(news_text(n).startswith(headline) for n in game.state.news if n["turn"] == 0)
    row = game.actions[-1]
    assert (row.turn, row.date, row.seat) == (0, "1922-01-06", "facilitator")
    assert row.command == "facilitator: inject villa_talks" and headline in row.result


def test_an_event_that_already_happened_cannot_be_injected_again(genoa: Rules) -> None:
    game = Game.new(genoa)
    game.apply(InjectEvent(event="villa_talks"), by="facilitator")
    with pytest.raises(IllegalCommand, match="already happened"):
        game.apply(InjectEvent(event="villa_talks"), by="facilitator")


def test_injecting_an_unknown_event_is_refused_with_the_known_ones(genoa: Rules) -> None:
    with pytest.raises(IllegalCommand, match="unknown event 'villa'.*villa_talks"):
        Game.new(genoa).apply("facilitator: inject villa")


def test_a_delegation_cannot_give_the_facilitators_commands() -> None:
    with pytest.raises(CommandError, match="facilitator's command"):
        Command.parse("germany: inject villa_talks")


def test_custom_news_is_published_to_everyone_and_logged(genoa: Rules) -> None:
    game = Game.new(genoa)
    game.apply(PostNews(headline="Storm over Genoa", text='The harbour is closed; "no boats" today.'),
               by="facilitator")
    news = game.state.news[-1]
    assert news["kind"] == "facilitator" and news["powers"] == []
    assert news_text(news) == 'Storm over Genoa. The harbour is closed; "no boats" today.'
    assert game.actions[-1].seat == "facilitator" and "Storm over Genoa" in game.actions[-1].result


def test_news_without_a_text_is_refused(genoa: Rules) -> None:
    with pytest.raises(IllegalCommand, match="headline and a text"):
        Game.new(genoa).apply(PostNews(headline="Storm", text="  "), by="facilitator")


def test_adjusting_a_value_moves_it_and_the_reason_goes_into_the_log(genoa: Rules) -> None:
    game = Game.new(genoa)
    before = game.state.values["world.allies_unity"]
    game.apply(AdjustValue(var="world.allies_unity", by=-10, reason="the villa talks leaked"), by="facilitator")
    assert game.state.values["world.allies_unity"] == pytest.approx(before - 10)
    cause = game.state.causes[-1]
    assert cause["var"] == "world.allies_unity" and cause["cause"] == "facilitator: the villa talks leaked"
    assert game.actions[-1].command == 'facilitator: adjust world.allies_unity -10 "the villa talks leaked"'


def test_an_adjustment_without_a_reason_is_refused(genoa: Rules) -> None:
    with pytest.raises(IllegalCommand, match="needs a reason"):
        Game.new(genoa).apply(AdjustValue(var="world.allies_unity", by=5, reason=""), by="facilitator")


def test_an_adjustment_of_an_unknown_value_is_refused(genoa: Rules) -> None:
    with pytest.raises(IllegalCommand, match="unknown state value"):
        Game.new(genoa).apply('facilitator: adjust world.unity 5 "why not"')


def test_facilitator_commands_read_back_from_their_text() -> None:
    for cmd in (InjectEvent(event="easter_night"), PostNews(headline="A", text='b "c"\nd'),
                AdjustValue(var="germany.trust", by=2.5, reason="a good dinner")):
        assert Command.parse(str(cmd)) == cmd


def test_a_session_with_facilitator_commands_replays_to_the_same_state(genoa: Rules) -> None:
    game = Game.new(genoa, humans=["germany"])
    game.apply(InjectEvent(event="villa_talks"), by="facilitator")
    game.apply(AdjustValue(var="germany.trust", by=5, reason="Maltzan's dinner"), by="facilitator")
    game.apply("advance", by="facilitator")
    again = replay(genoa, genoa.scenario.seed, ["germany"], game.log).game
    assert again.state_hash() == game.state_hash()
    assert [a.command for a in again.actions] == [a.command for a in game.actions]


def test_the_log_holds_every_ai_proposal_and_answer_with_turn_and_date(genoa: Rules) -> None:
    game = Game.new(genoa)
    game.run_to_end(max_turns=8)
    ai_rows = [a for a in game.actions if a.seat in genoa.scenario.powers]
    verbs = {a.command.split(":")[1].split()[0] for a in ai_rows}
    assert {"propose", "answer"} <= verbs
    assert all(a.date == genoa.turn_dates[a.turn].isoformat() for a in ai_rows)
    assert sum(a.command == "advance" for a in game.actions) == 8
