"""Statuses, responses and conference states are string-valued enums: the words in saves and JSON do not change."""
from __future__ import annotations

import json

import pytest

from game.engine.commands import Answer, Command
from game.engine.enums import ConferenceStage, ProposalStatus, Response
from game.engine.game import Game
from game.engine.state import State


def test_after_a_json_round_trip_statuses_and_stages_are_enums_again_with_the_same_hash(genoa) -> None:  # type: ignore[no-untyped-def]
    g = Game.new(genoa, seed=3)
    g.run_to_end(max_turns=10)
    assert g.state.proposals and g.state.conferences
    data = json.loads(json.dumps(g.state.to_dict()))
    assert {p["status"] for p in data["proposals"]} <= {s.value for s in ProposalStatus}
    again = State.from_dict(data)
    assert all(isinstance(p.status, ProposalStatus) for p in again.proposals)
    assert all(isinstance(c.state, ConferenceStage) for c in again.conferences.values())
    assert again.hash() == g.state_hash()


def test_a_state_with_an_unknown_proposal_status_is_refused(genoa) -> None:  # type: ignore[no-untyped-def]
    g = Game.new(genoa, seed=3)
    g.run_to_end(max_turns=10)
    data = json.loads(json.dumps(g.state.to_dict()))
    assert data["proposals"]
    data["proposals"][0]["status"] = "maybe"
    with pytest.raises(ValueError, match="maybe"):
        State.from_dict(data)


def test_an_answer_reads_and_prints_its_response_as_the_word() -> None:
    cmd = Command.parse("germany: answer 3 reject")
    assert isinstance(cmd, Answer) and cmd.response is Response.REJECT
    assert str(cmd) == "germany: answer 3 reject"
    with pytest.raises(ValueError):
        Answer("germany", 3, "perhaps")
