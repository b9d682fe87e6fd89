"""The agents' environment: PettingZoo's own API test, seats, and the built-in AI for the rest."""
from __future__ import annotations

import json

import numpy as np
import pytest

pytest.importorskip("pettingzoo")

from pettingzoo.test import api_test  # noqa: E402

from game.agents import MAX_MENU, env  # noqa: E402


def test_the_environment_passes_pettingzoo_s_api_test() -> None:
    api_test(env(scenario="genoa_rapallo_1922", seed=1), num_cycles=40)


def test_one_agent_plays_soviet_russia_and_the_ai_plays_everyone_else() -> None:
    e = env(seed=2, agents=["soviet_russia"])
    e.reset()
    assert e.agents == ["soviet_russia"]
    assert e.game is not None and e.game.state.controllers["germany"] == "ai"
    gen = np.random.default_rng(0)
    steps = 0
    for agent in e.agent_iter(5000):
        obs, reward, terminated, truncated, info = e.last()
        if terminated or truncated:
            e.step(None)
            continue
        legal = np.flatnonzero(obs["action_mask"])
        assert len(legal) == len(info["menu"]) and 0 < len(legal) <= MAX_MENU
        e.step(int(gen.choice(legal)))
        steps += 1
    assert e.game.is_terminal() and not e.agents
    assert steps > e.rules.last_turn


def test_the_menu_is_the_power_s_own_commands_and_end_comes_first() -> None:
    e = env(seed=1, agents=["soviet_russia", "germany"])
    e.reset()
    menu = e.infos[e.agent_selection]["menu"]
    assert menu and all(line.startswith(e.agent_selection + ":") for line in menu)
    e2 = env(seed=1, agents=["germany"])
    e2.reset()
    assert e2.infos["germany"]["menu"][0] == "germany: end"


def test_an_agent_reads_only_its_seat_s_observation() -> None:
    e = env(seed=1, agents=["germany"])
    e.reset()
    view = e.seat_view("germany")
    json.dumps(view, allow_nan=False)
    assert set(view["objectives"]) == {"germany"}


def test_an_action_off_the_menu_is_refused() -> None:
    e = env(seed=1, agents=["germany"])
    e.reset()
    with pytest.raises(ValueError):
        e.step(MAX_MENU - 1)
