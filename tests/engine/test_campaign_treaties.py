"""Treaties between any powers (Locarno): a treaty the hub power is not party to is recorded, shown
and tested for, but changes nobody's status with the hub power."""
from __future__ import annotations

from pathlib import Path

from game.engine.commands import CancelTreaty, IllegalCommand
from game.engine.debrief import debrief, render
from game.engine.game import Game
from game.engine.legal import legal_commands
from game.engine.model.conditions import TreatyTest
from game.engine.model.effects import Sign
from game.engine.state import State
from game.engine.world import Ctx
from game.scenario.library import Library
from game.scenario.loader import check
from game.engine.strings import news_text

BASE = Path(__file__).parents[1] / "scenario" / "fixtures" / "codes" / "base.yaml"

LOCARNO = {"sign": {"between": ["germany", "france", "britain"], "clauses": ["trade_agreement"],
                    "title": "Rhineland Pact"}}


def _locarno(genoa) -> Game:  # type: ignore[no-untyped-def]
    game = Game.new(genoa, seed=3, humans=["germany"])
    Sign.model_validate(LOCARNO).apply(Ctx(genoa, game.state))
    return game


def test_a_treaty_among_other_powers_changes_no_status_with_the_hub(genoa) -> None:  # type: ignore[no-untyped-def]
    before = Game.new(genoa, seed=3, humans=["germany"]).state.status
    game = _locarno(genoa)
    t = game.state.treaties[-1]
    assert t.parties(genoa.hub) == ["germany", "france", "britain"] and not t.hub_party
    assert game.state.status == before
    assert any("Rhineland Pact" in news_text(n) for n in game.state.news)


def test_treaty_conditions_tell_a_treaty_between_powers_from_one_with_the_hub(genoa) -> None:  # type: ignore[no-untyped-def]
    game = _locarno(genoa)
    ctx = Ctx(genoa, game.state)
    between = TreatyTest.model_validate({"treaty": {"between": ["germany", "france"]}})
    with_hub = TreatyTest.model_validate({"treaty": {"with": ["germany"], "clauses": ["trade_agreement"],
                                                     "signed_from": "1922-01-01"}})
    assert between.holds(ctx)
    assert not with_hub.holds(ctx)


def test_only_a_party_may_cancel_a_treaty_among_other_powers(genoa) -> None:  # type: ignore[no-untyped-def]
    game = _locarno(genoa)
    tid = game.state.treaties[-1].id
    assert CancelTreaty("germany", tid) in legal_commands(genoa, game.state, "germany")
    game.state.controllers["soviet_russia"] = "human"
    try:
        game.apply(CancelTreaty("soviet_russia", tid))
        raise AssertionError("Moscow cancelled a treaty it is not party to")
    except IllegalCommand as e:
        assert "not a party" in str(e)


def test_the_debrief_says_the_treaty_was_signed_without_the_hub(genoa) -> None:  # type: ignore[no-untyped-def]
    game = _locarno(genoa)
    text = render(debrief(genoa, game.state))
    assert "Rhineland Pact among themselves, without Soviet Russia" in text


def test_a_treaty_among_other_powers_is_public_to_every_seat(genoa) -> None:  # type: ignore[no-untyped-def]
    game = _locarno(genoa)
    seen = game.observe("italy")["treaties"]
    assert [t["parties"] for t in seen if not t["hub_party"]] == [["germany", "france", "britain"]]


def test_a_treaty_among_other_powers_survives_a_save_round_trip(genoa) -> None:  # type: ignore[no-untyped-def]
    game = _locarno(genoa)
    again = State.from_dict(game.state.clone().to_dict())
    assert again.hash() == game.state.hash() and not again.treaties[-1].hub_party


def _findings(tmp_path: Path, extra: str) -> list:  # type: ignore[type-arg]
    (tmp_path / "base.yaml").write_bytes(BASE.read_bytes())
    text = "id: messages\nextends: base\n" + extra
    return check(Library([tmp_path]).resolve_text(text, tmp_path / "m.yaml", "m.yaml")).findings


def test_the_checker_accepts_a_treaty_between_two_distinct_powers_and_refuses_a_repeat(tmp_path: Path) -> None:
    ok = _findings(tmp_path, "events:\n  - {id: e, title: T, text: T, effects: [{sign: {between: [soviet_russia, "
                             "britain], clauses: [trade_agreement], title: X}}]}\n")
    assert not [f for f in ok if f.severity == "error"], ok
    twice = _findings(tmp_path, "events:\n  - {id: e, title: T, text: T, effects: [{sign: {between: [britain, "
                                "britain], clauses: [trade_agreement], title: X}}]}\n")
    assert [f for f in twice if f.code == "R010"]
