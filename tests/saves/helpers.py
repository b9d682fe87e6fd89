"""Shared pieces of the saves tests: random legal play, small games, writing a save to bytes."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from game.engine.commands import Advance, Command, EndTurn
from game.engine.game import Game
from game.engine.rules import Rules
from game.saves import codec, document
from game.saves.document import SaveMeta
from game.saves.restore import Loaded, from_document
from game.scenario.catalog import catalog


def shipped_rules() -> list[Rules]:
    """Every playable scenario in scenarios/ (the bar is 'every shipped scenario', not just Genoa)."""
    return [e.rules() for e in catalog() if e.playable]


def next_command(game: Game, rng: np.random.Generator, end_bias: float = 0.35) -> Command:
    """A random legal command from a human power that has not ended its turn; ``advance`` if none is left."""
    waiting = [p for p in game.humans() if p not in game.state.ended]
    if not waiting:
        return Advance()
    power = waiting[int(rng.integers(len(waiting)))]
    legal = game.legal_commands(power)
    ends = [c for c in legal if isinstance(c, EndTurn)]
    others = [c for c in legal if not isinstance(c, EndTurn)]
    if others and (not ends or rng.random() > end_bias):
        return others[int(rng.integers(len(others)))]
    return ends[0] if ends else (legal[0] if legal else Advance())


def play(game: Game, rng: np.random.Generator, steps: int) -> None:
    for _ in range(steps):
        if game.is_terminal():
            return
        game.apply(next_command(game, rng))


def rules_for(*known: Rules):
    """A scenario finder for tests: the given rules by id, whatever mods a save names."""
    by_id = {r.id: r for r in known}

    def find(scenario_id: str, mods: Sequence[str]) -> Rules:
        if scenario_id not in by_id:
            raise LookupError(f"unknown scenario {scenario_id!r}; known: {', '.join(by_id)}")
        return by_id[scenario_id]
    return find


def to_bytes(game: Game, compress: bool = True, power: str = "") -> bytes:
    meta = SaveMeta(power=power or next(iter(game.humans()), ""), game_id="test01", name="t")
    return codec.encode(document.build(game, meta), compress)


def from_bytes(raw: bytes, rules: Rules) -> Loaded:
    from game.saves.restore import parse
    return from_document(parse(raw), rules_for(rules))


def write(path: Path, game: Game, compress: bool = True) -> Path:
    path.write_bytes(to_bytes(game, compress))
    return path
