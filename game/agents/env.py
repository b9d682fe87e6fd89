"""A PettingZoo AEC environment over the game's seats, commands and observations.

Each agent is a power played through its seat: it acts with
``Game.apply(command, by=power)`` and sees ``Game.observe(power)``, nothing
else. Powers that no agent plays are played by the built-in AI.

Spaces (fixed for one scenario; documented in docs/AGENTS.md):

- action: ``Discrete(MAX_MENU)``, an index into this step's *menu*: the
  power's legal commands in the engine's order (``end`` first when it is
  allowed), at most ``MAX_MENU`` of them. ``infos[agent]["menu"]`` holds the
  menu as command lines; the observation's ``action_mask`` marks the slots
  that hold a command. After ``MAX_ACTIONS_PER_TURN`` commands in one turn
  only ``end`` (and pending decisions) remain, so every turn ends.
- observation: ``{"observation": Box(float32, (n,)), "action_mask": Box(int8, (MAX_MENU,))}``,
  the vector made by ``features`` from the seat's observation.
- reward: the change in the power's score (its objectives met) when a turn
  resolves; over a game they add up to its final score.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from gymnasium import spaces
from pettingzoo import AECEnv

from game.engine.commands import Command, EndTurn
from game.engine.game import Game
from game.engine.rules import Rules

#: Slots in the action menu (the hub power of Genoa has about a hundred legal commands at most).
MAX_MENU = 160
#: Commands a power may give in one turn before only ending it remains.
MAX_ACTIONS_PER_TURN = 6
#: Bound of every observation feature (they are scaled to about -1..1; a few values may run higher).
FEATURE_BOUND = 1.0e4

_PER_PARTNER = 11


def feature_size(rules: Rules) -> int:
    hub_vars = [n for n, d in rules.vars.defs.items() if d.scope == "hub" and n.startswith(rules.hub + ".")]
    return 6 + _PER_PARTNER * len(rules.partners) + len(hub_vars)


def features(rules: Rules, obs: dict[str, Any]) -> np.ndarray:
    """The observation dict of one seat as a fixed-length vector (nothing else is read)."""
    seat = obs["seat"]
    out: list[float] = [obs["turn"] / max(1, obs["last_turn"]), float(obs["finished"]), float(seat == rules.hub)]
    mine = obs["objectives"].get(seat, [])
    out += [sum(o["points"] for o in mine if o["met"]) / 100.0, float(len(mine)),
            float(sum(1 for p in obs["proposals"] if seat in p["receivers"] and p["status"] == "pending"))]
    for row in obs["powers"]:
        pid = row["id"]
        exact = {True: 1.0, False: 0.5, None: 0.0}[row["exact"]]
        att = row["attitudes"]
        out += [row["status"] / 3.0, exact, float(pid == seat), float(bool(row["attending"]))]
        out += [att.get(a, 0.0) / 100.0 for a in ("trust", "fear_of_revolution", "commercial_interest",
                                                   "left_out", "closeness")]
        out += [float(sum(1 for p in obs["proposals"] if pid in p["sender"] and p["status"] == "pending")),
                float(sum(1 for t in obs["treaties"] if t["in_force"] and pid in t["partners"]))]
    hub_vars = sorted(d.name for n, d in rules.vars.defs.items()
                      if d.scope == "hub" and n.startswith(rules.hub + "."))
    out += [obs["hub_values"].get(name, 0.0) / 100.0 for name in hub_vars]
    vec = np.clip(np.asarray(out, dtype=np.float32), -FEATURE_BOUND, FEATURE_BOUND)
    return vec


class RapalloEnv(AECEnv):
    """Rapallo as an agent-environment-cycle game: the agents take turns within each game turn."""

    metadata = {"name": "rapallo_v0", "render_modes": ["ansi"], "is_parallelizable": False}

    def __init__(self, rules: Rules, seed: int = 1, agents: list[str] | None = None,
                 render_mode: str | None = None) -> None:
        super().__init__()
        self.rules = rules
        self.seed = seed
        playable = [p for p in rules.powers if rules.scenario.powers[p].playable]
        chosen = list(agents) if agents is not None else playable
        unknown = [a for a in chosen if a not in rules.powers]
        if unknown or not chosen:
            raise ValueError(f"agents must be powers of {rules.id}: {', '.join(rules.powers)}")
        self.possible_agents = chosen
        self.render_mode = render_mode
        n = feature_size(rules)
        space = spaces.Dict({
            "observation": spaces.Box(-FEATURE_BOUND, FEATURE_BOUND, (n,), np.float32),
            "action_mask": spaces.Box(0, 1, (MAX_MENU,), np.int8)})
        self._obs_spaces = {a: space for a in chosen}
        self._act_spaces = {a: spaces.Discrete(MAX_MENU) for a in chosen}
        self.game: Game | None = None

    # --- spaces ------------------------------------------------------------------------

    def observation_space(self, agent: str) -> spaces.Space:  # type: ignore[override]
        return self._obs_spaces[agent]

    def action_space(self, agent: str) -> spaces.Space:  # type: ignore[override]
        return self._act_spaces[agent]

    # --- the cycle ---------------------------------------------------------------------

    def reset(self, seed: int | None = None, options: dict[str, Any] | None = None) -> None:
        if seed is not None:
            self.seed = int(seed)
        self.game = Game.new(self.rules, seed=self.seed, humans=self.possible_agents)
        self.agents = list(self.possible_agents)
        self.rewards = {a: 0.0 for a in self.agents}
        self._cumulative_rewards = {a: 0.0 for a in self.agents}
        self.terminations = {a: False for a in self.agents}
        self.truncations = {a: False for a in self.agents}
        self._scores = {a: self.game.returns()[a] for a in self.agents}
        self._acted: dict[str, int] = {}
        self._turn = self.game.state.turn
        self.agent_selection = self._next_agent()
        self._menus: dict[str, list[Command]] = {}
        self.infos = {a: {} for a in self.agents}
        self._refresh_info()

    def menu(self, agent: str) -> list[Command]:
        """The commands behind this step's action slots for ``agent``."""
        assert self.game is not None
        legal = self.game.legal_commands(agent)
        if self._acted.get(agent, 0) >= MAX_ACTIONS_PER_TURN:
            legal = [c for c in legal if c.VERB in ("end", "choose")]
        ends = [c for c in legal if isinstance(c, EndTurn)]
        return (ends + [c for c in legal if not isinstance(c, EndTurn)])[:MAX_MENU]

    def observe(self, agent: str) -> dict[str, np.ndarray]:
        assert self.game is not None
        mask = np.zeros(MAX_MENU, dtype=np.int8)
        if not self.game.is_terminal() and agent not in self.game.state.ended:
            mask[: len(self._menus.get(agent) or self.menu(agent))] = 1
        return {"observation": features(self.rules, self.game.observe(agent)), "action_mask": mask}

    def seat_view(self, agent: str) -> dict[str, Any]:
        """The agent's full observation (strict JSON), for bots that read more than the vector."""
        assert self.game is not None
        return self.game.observe(agent)

    def step(self, action: int | None) -> None:
        agent = self.agent_selection
        if self.terminations[agent] or self.truncations[agent]:
            self._was_dead_step(action)
            return
        assert self.game is not None
        menu = self._menus.get(agent) or self.menu(agent)
        if action is None or not 0 <= int(action) < len(menu):
            raise ValueError(f"action {action} is not on {agent}'s menu of {len(menu)} commands")
        self._cumulative_rewards[agent] = 0.0
        self.game.apply(menu[int(action)], by=agent)
        self._acted[agent] = self._acted.get(agent, 0) + 1
        self._clear_rewards()
        if self.game.state.turn != self._turn or self.game.is_terminal():
            self._turn_resolved()
        if self.game.is_terminal():
            self.terminations = {a: True for a in self.agents}
        else:
            self.agent_selection = self._next_agent()
        self._menus = {}
        self._refresh_info()
        self._accumulate_rewards()

    def _turn_resolved(self) -> None:
        assert self.game is not None
        self._turn = self.game.state.turn
        self._acted = {}
        now = self.game.returns()
        for a in self.agents:
            self.rewards[a] = float(now[a] - self._scores[a])
            self._scores[a] = now[a]

    def _next_agent(self) -> str:
        assert self.game is not None
        waiting = [a for a in self.agents if a not in self.game.state.ended]
        return waiting[0] if waiting else self.agents[0]

    def _refresh_info(self) -> None:
        self.infos = {a: {} for a in self.agents}
        if self.game is None or self.game.is_terminal() or not self.agents:
            return
        agent = self.agent_selection
        menu = self.menu(agent)
        self._menus[agent] = menu
        self.infos[agent] = {"menu": [str(c) for c in menu]}

    # --- the rest of the AEC interface ---------------------------------------------------

    def render(self) -> str | None:
        if self.render_mode != "ansi" or self.game is None:
            return None
        s = self.game.state
        treaties = sum(1 for t in s.treaties if t.in_force)
        return f"{s.date} turn {s.turn + 1}/{self.rules.last_turn + 1}: {treaties} treaties in force"

    def close(self) -> None:
        self.game = None


def env(scenario: str = "genoa_rapallo_1922", seed: int = 1, agents: list[str] | None = None,
        render_mode: str | None = None, mods: tuple[str, ...] = ()) -> RapalloEnv:
    """The environment for scenario ``scenario`` (an id), every ``agents`` power played by an agent
    (default: every playable power), the others by the built-in AI."""
    from game.scenario import load_rules
    return RapalloEnv(load_rules(scenario, mods), seed=seed, agents=agents, render_mode=render_mode)
