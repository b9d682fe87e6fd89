"""Agents: the game as a PettingZoo AEC environment, for delegation bots and
learning agents. They act through the same seats and commands as people, and
see only their seat's observation. Needs the optional extra ``[agents]``."""
from __future__ import annotations

from game.agents.env import MAX_MENU, RapalloEnv, env, features

__all__ = ["MAX_MENU", "RapalloEnv", "env", "features"]
