"""The action log: one record for every action in a game, a person's or an
AI power's, with the turn, date, seat and what came of it.

It lives on ``Game`` (not in the state), so it never changes a state hash;
a save's command log replays to the same records, which is how
``classroom export`` builds log.csv for any save.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from game.engine.commands import Command
from game.engine.state import State
from game.engine.strings import news_text


@dataclass(frozen=True)
class Action:
    turn: int
    date: str
    seat: str           # the power, "facilitator", or "observer" (an advance in an observer run)
    command: str
    result: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def news_mark(state: State) -> int:
    """Where the news stands before an action, to say afterwards what it caused."""
    return len(state.news)


def action(state: State, turn: int, date: str, seat: str, cmd: Command | str, mark: int) -> Action:
    """The record of an action given at ``turn``/``date``; its result is the news it made ('done' if none)."""
    made = [news_text(n) for n in state.news[mark:]]
    return Action(turn, date, seat, str(cmd), " | ".join(made) if made else "done")


def choices_since(state: State, mark: int, turn: int, date: str) -> list[Action]:
    """Decisions AI powers took on events (they are not commands) since ``mark``, as actions."""
    return [Action(turn, date, n["powers"][0], f"{n['powers'][0]}: choose", news_text(n))
            for n in state.news[mark:] if n.get("kind") == "choice" and n.get("powers")]
