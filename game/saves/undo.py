"""Undo: taking back the last command, and removing it from the log.

Two ways, one result. Before each command the session keeps a compressed
snapshot of the state (a few milliseconds, ~30 KB), so an undo is
instant. When no snapshot matches (right after loading a save, or deeper
than the stack keeps), the game is rebuilt by replaying the log without
its last command, which the engine's determinism makes exact and which
costs a fraction of a second for a whole game. Either way the command
leaves the log, so a save written after an undo replays to the same game.

The command undone is the last one in the log, whoever gave it: the
player's in single play, any delegation's (or an ``advance``) for a
classroom facilitator. Undoing an ``end`` or ``advance`` takes back the
whole turn's resolution with it.
"""
from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import Sequence

from game.engine.game import Game
from game.engine.state import State
from game.saves.replay import replay


@dataclass
class Mark:
    """The game as it was before one command."""

    log_len: int
    turn_hashes_len: int
    ai_errors_len: int
    blob: bytes
    command: str = ""           # the command that followed, once it was accepted

    @classmethod
    def of(cls, game: Game) -> "Mark":
        text = json.dumps(game.state.to_dict(), separators=(",", ":"), allow_nan=False)
        return cls(len(game.log), len(game.turn_hashes), len(game.ai_errors), zlib.compress(text.encode(), 1))

    def restore(self, game: Game) -> None:
        game.state = State.from_dict(json.loads(zlib.decompress(self.blob)))
        del game.log[self.log_len:]
        del game.turn_hashes[self.turn_hashes_len:]
        del game.ai_errors[self.ai_errors_len:]


class UndoStack:
    """Snapshots before the most recent commands, newest last, at most ``depth`` of them."""

    def __init__(self, depth: int = 200) -> None:
        self.depth = depth
        self.marks: list[Mark] = []

    def before(self, game: Game) -> Mark:
        mark = Mark.of(game)
        self.marks.append(mark)
        if len(self.marks) > self.depth:
            del self.marks[0]
        return mark

    def accepted(self, mark: Mark, game: Game) -> None:
        mark.command = game.log[mark.log_len] if len(game.log) > mark.log_len else ""

    def refused(self, mark: Mark, game: Game) -> None:
        """The command was refused: drop its mark, and put the game back if it was half changed."""
        if self.marks and self.marks[-1] is mark:
            self.marks.pop()
        if len(game.log) != mark.log_len or len(game.turn_hashes) != mark.turn_hashes_len:
            mark.restore(game)

    def clear(self) -> None:
        self.marks.clear()

    def undo(self, game: Game, mods: Sequence[str] = ()) -> str | None:
        """Take back the last command of ``game``'s log; returns it, or None if the log is empty."""
        if not game.log:
            return None
        last = game.log[-1]
        while self.marks and self.marks[-1].log_len >= len(game.log):
            self.marks.pop()         # marks for commands that are no longer in the log
        top = self.marks[-1] if self.marks else None
        if top is not None and top.log_len == len(game.log) - 1 and top.command == last:
            self.marks.pop()
            top.restore(game)
        else:
            rebuild_without_last(game, mods)
        return last


def rebuild_without_last(game: Game, mods: Sequence[str] = ()) -> None:
    """Replay ``game``'s log from its seed without the last command, in place (listeners stay attached);
    a campaign's earlier parts are found with ``mods``."""
    again = replay(game.rules, game.state.seed, game.humans(), game.log[:-1], chain=game.chain, mods=mods).game
    game.state = again.state
    game.log[:] = again.log
    game.turn_hashes[:] = again.turn_hashes
    game.ai_errors[:] = again.ai_errors
