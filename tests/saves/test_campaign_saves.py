"""Saves across a campaign's parts: a game continued from 1921 at any difficulty rebuilds exactly from its
chain, and a save whose earlier part has changed since says so by name."""
from __future__ import annotations

import pytest

from game.engine.difficulty import with_difficulty
from game.saves import document
from game.saves.campaign import next_part
from game.saves.errors import SaveError
from game.saves.restore import from_document
from game.saves.session import Session
from game.scenario import load_rules

SEAT = "britain"


@pytest.fixture(scope="module")
def continued() -> Session:
    rules = with_difficulty(load_rules("return_to_europe_1921"), "hard")
    session = Session.new(rules, seed=9, humans=[SEAT])
    session.game.run_to_end()
    part = session.next_part()
    assert part is not None and part.playable and part.rules is not None and part.rules.difficulty == "hard"
    session.continue_campaign(part)
    session.game.run_to_end(max_turns=2)
    return session


def _tampered(session: Session) -> dict:  # type: ignore[type-arg]
    doc = document.build(session.game, session.meta)
    doc["seal"] = "edited"                 # a broken seal: the game is rebuilt from the chain and the log
    return document.check(doc)


def test_a_hard_campaign_continued_into_genoa_rebuilds_to_the_same_state(continued: Session) -> None:
    loaded = from_document(_tampered(continued))
    assert not loaded.from_snapshot and loaded.game.rules.id == "genoa_rapallo_1922"
    assert loaded.game.rules.difficulty == "hard"
    assert loaded.game.state_hash() == continued.game.state_hash()


def test_undo_after_continuing_replays_1921_and_takes_back_only_genoas_last_command(continued: Session) -> None:
    session = Session(continued.game.clone(), SEAT)
    before = len(session.game.log)
    assert before > 0 and session.undo() is not None
    assert len(session.game.log) == before - 1 and session.rules.id == "genoa_rapallo_1922"


def test_a_save_whose_1921_part_has_changed_names_that_part(continued: Session) -> None:
    doc = _tampered(continued)
    doc["chain"][0]["content_hash"] = "0" * 64
    with pytest.raises(SaveError, match=r"part 1 of the campaign, 'Return to Europe' \(return_to_europe_1921\), "
                                        r"has changed since it was played"):
        from_document(doc)


def test_the_next_part_of_a_scenario_that_names_none_is_none() -> None:
    assert next_part(load_rules("genoa_rapallo_1922"), "soviet_russia") is None


def test_continuing_a_game_that_has_not_ended_is_refused_and_keeps_it() -> None:
    session = Session.new(load_rules("return_to_europe_1921"), seed=3, humans=[SEAT])
    part = session.next_part()
    assert part is not None
    with pytest.raises(SaveError, match="has not ended yet"):
        session.continue_campaign(part)
    assert session.rules.id == "return_to_europe_1921"


def test_a_next_part_that_fails_the_checker_is_one_line_with_its_first_finding() -> None:
    from game.errors import UsageError

    def broken(scenario_id: str, mods: object) -> None:
        raise UsageError(f"scenario {scenario_id!r} has errors:\nscenarios/x.yaml:12:3: E101 unknown power 'prussia'\n"
                         "scenarios/x.yaml:40:1: E102 another")

    part = next_part(load_rules("return_to_europe_1921"), SEAT, rules_for=broken)  # type: ignore[arg-type]
    assert part is not None and not part.playable and part.rules is None
    assert "\n" not in part.problem
    assert part.problem.startswith("The campaign cannot go on into genoa_rapallo_1922: scenario 'genoa_rapallo_1922' "
                                   "has errors: scenarios/x.yaml:12:3: E101 unknown power 'prussia'.")
