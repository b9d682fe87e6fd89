"""The terminal game as a player meets it: the engine's grammar with short forms, questions that
show every lever, event and agenda, a confirmation before tearing up a treaty, and a loop that never
loses a move (no exception leaves it before the autosave; one bad command is one message)."""
from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.strings import news_text
from game.engine.commands import Answer, CancelTreaty, EndTurn, MeetPrivately, WalkOut
from game.engine.game import Game
from game.saves.session import Session
from game.saves.store import SaveStore
from game.text import render
from game.text.app import TextApp, expand_aliases

HUB = "soviet_russia"


class Script:
    """A player at the keyboard: the lines to type, and everything the game printed."""

    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)
        self.out: list[str] = []

    def read(self, prompt: str) -> str:
        self.out.append(prompt)
        if not self.lines:
            raise EOFError
        line = self.lines.pop(0)
        if isinstance(line, BaseException):
            raise line
        return line

    def write(self, text: str) -> None:
        self.out.append(text)

    @property
    def text(self) -> str:
        return "\n".join(self.out)

    def reply(self, n: int) -> str:
        """What the game printed after the player's ``n``-th line (0-based), up to the next prompt."""
        prompts = [i for i, line in enumerate(self.out) if line.endswith("> ")]
        end = prompts[n + 1] if n + 1 < len(prompts) else len(self.out)
        return "\n".join(self.out[prompts[n] + 1:end])


def _app(genoa, *lines, saves: Path | None = None, seed: int = 4) -> tuple[TextApp, Script]:  # type: ignore[no-untyped-def]
    script = Script(*lines)
    game = Game.new(genoa, seed=seed, humans=[HUB])
    app = TextApp(game, HUB, read=script.read, write=script.write)
    if saves is not None:
        app.attach(Session(game, HUB, SaveStore(saves)))
    return app, script


def test_short_forms_become_the_engines_own_commands(genoa):
    app, _ = _app(genoa)
    assert app._parse("accept 12") == Answer(HUB, 12, "accept")
    assert app._parse("reject 3") == Answer(HUB, 3, "reject")
    countered = app._parse("counter 5: renounce_claims")
    assert countered.response == "counter" and [c.type for c in countered.clauses] == ["renounce_claims"]
    assert app._parse("next") == EndTurn(HUB) == app._parse("end")
    assert app._parse("walk out genoa") == WalkOut(HUB, "genoa")
    assert app._parse("meet genoa germany") == MeetPrivately(HUB, "genoa", "germany")
    assert app._parse("cancel 1 yes") == CancelTreaty(HUB, 1)
    assert expand_aliases("Accept 7") == "answer 7 accept"


def test_estimating_an_offer_to_yourself_is_a_clear_message(genoa):
    app, script = _app(genoa, "estimate soviet_russia: renounce_claims", "estimate soviet russia, germany: credits",
                       "quit")
    assert app.run() == 0
    assert script.text.count("an offer to yourself") == 2
    assert "KeyError" not in script.text and "went wrong" not in script.text


def test_an_unexpected_error_in_one_command_is_one_message_and_the_game_goes_on(genoa, monkeypatch, tmp_path):
    def broken(*args):  # type: ignore[no-untyped-def]
        raise KeyError("boom")
    monkeypatch.setattr(render, "powers_table", broken)
    app, script = _app(genoa, "policy comintern 30", "powers", "policy comintern 20", "quit", saves=tmp_path)
    assert app.run() == 0
    assert "Something went wrong with that command (KeyError: 'boom')" in script.text
    assert app.game.log[-1].endswith("policy comintern 20")   # the command after the error was played
    assert any(p.name.startswith("autosave-") for p in tmp_path.iterdir())


def test_no_exception_leaves_the_loop_before_the_moves_are_autosaved(genoa, tmp_path):
    app, _ = _app(genoa, "policy comintern 30", MemoryError(), saves=tmp_path)
    with pytest.raises(MemoryError):
        app.run()
    saved = [p for p in tmp_path.iterdir() if p.name.startswith("autosave-")]
    assert len(saved) == 1
    from game.saves.restore import load
    assert load(saved[0], current=genoa).game.log == app.game.log
    assert any(line.endswith("policy comintern 30") for line in app.game.log)


def test_a_failed_autosave_on_quit_says_so_and_exits_non_zero(genoa, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    app, script = _app(genoa, "policy comintern 30", "quit", saves=blocked / "saves")
    assert app.run() == 2
    assert "could not be autosaved" in script.text


def test_cancel_asks_first_and_keeps_the_treaty_on_no(genoa):
    app, script = _app(genoa, "cancel 1", "n", "quit")
    app.run()
    treaty = next(t for t in app.game.state.treaties if t.id == 1)
    assert treaty.in_force and "[y/n]" in script.text and "stays in force" in script.text
    app, script = _app(genoa, "cancel 1", "y", "quit")
    app.run()
    assert not next(t for t in app.game.state.treaties if t.id == 1).in_force


def test_cancel_with_yes_on_the_line_needs_no_question(genoa):
    app, script = _app(genoa, "cancel 1 yes", "quit")
    app.run()
    assert not next(t for t in app.game.state.treaties if t.id == 1).in_force and "[y/n]" not in script.text


def test_levers_show_every_policy_lever_not_only_comintern(genoa):
    app, script = _app(genoa, "levers", "quit")
    app.run()
    assert len(genoa.scenario.policies) > 1
    for lid, pol in genoa.scenario.policies.items():
        assert lid in script.text and pol.title in script.text


def test_events_show_the_pending_events_options(genoa):
    app, script = _app(genoa, "events", "quit")
    waiting = [c.event for c in app.game.state.choices if c.chooser == HUB]
    assert waiting
    app.run()
    from game.engine.events import event_by_id
    after_question = script.reply(0)
    for option in event_by_id(genoa, waiting[0]).options:
        assert f"{option.id}: {option.title}" in after_question


def test_agenda_shows_a_conferences_items(genoa):
    app, script = _app(genoa, "agenda genoa", "agenda narnia", "quit")
    app.run()
    items = genoa.scenario.conferences["genoa"].agenda
    assert items and all(f"{i.id}: {i.title}" in script.text for i in items)
    assert "unknown conference 'narnia'" in script.text


def _play_until(app: TextApp, test, turns: int = 12) -> bool:  # type: ignore[no-untyped-def]
    from game.engine.commands import ChooseOption
    from game.engine.events import event_by_id
    for _ in range(turns):
        if test():
            return True
        for c in list(app.game.state.choices):
            if c.chooser == HUB:
                app.game.apply(ChooseOption(HUB, c.event, event_by_id(app.game.rules, c.event).options[0].id))
        app.game.apply(EndTurn(HUB))
    return test()


def test_the_news_announces_a_proposal_only_when_the_inbox_shows_it(genoa):
    app, _ = _app(genoa)
    state = app.game.state

    def undelivered_to_me() -> list:
        return [p for p in state.proposals if HUB in p.receivers and not p.delivered]
    assert _play_until(app, lambda: bool(undelivered_to_me())), "seed 4 has an AI proposal in transit"
    waiting = undelivered_to_me()[0]
    news = next(news_text(n) for n in state.news if n.get("proposal") == waiting.id)
    assert news not in render.summary(app.game, HUB)
    assert _play_until(app, lambda: waiting.delivered, turns=2)
    assert news in render.summary(app.game, HUB)        # the turn it reaches the inbox


def test_answers_shows_answers_whenever_there_are(genoa):
    from game.engine.commands import AssignNegotiator, Propose
    from game.engine.clauses import parse_package
    app, script = _app(genoa)
    app.game.apply(AssignNegotiator(HUB, "chicherin", "germany"))
    app.game.apply(Propose(HUB, ("germany",), parse_package("renounce_claims")))
    state = app.game.state
    assert _play_until(app, lambda: any(HUB in p.sender and p.answers for p in state.proposals), turns=4)
    _play_until(app, lambda: False, turns=3)        # the answer is now several turns old
    app.handle("answers")
    shown = "\n".join(script.out)
    assert "No answers yet" not in shown and "Germany" in shown and "renounce_claims" in shown


def test_joint_senders_take_a_plural_verb_and_bloc_names_keep_their_article(genoa):
    from game.engine.negotiation import table_proposal
    from game.i18n import S
    from game.engine.clauses import parse_package
    game = Game.new(genoa, seed=1)
    table_proposal(genoa, game.state, ["britain", "france"], [HUB], list(parse_package("renounce_claims")))
    assert " propose to Soviet Russia" in news_text(game.state.news[-1])
    assert "proposes" not in news_text(game.state.news[-1])
    line = S["line.united_front"].format(bloc="the Allied front", unity=80)
    assert "a united the" not in line and "the Allied front" in line


def test_escape_codes_in_scenario_text_never_reach_the_terminal(genoa):
    app, script = _app(genoa)
    app.write("title \x1b[31mred\x1b[0m \x1b]0;window title\x07 bell\x07 \ud800 end")
    shown = script.out[-1]
    assert shown == "title red  bell \ufffd end"
