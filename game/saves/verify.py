"""``replay SAVE [--verify]``: replay a save's log from its seed and check it turn by turn.

Verification answers one question for a bug report or a suspicious file:
does this save's command log, replayed by this version of the game, give
the same state after every turn as the game that wrote it? The first turn
that differs is the place to look. Reading the file goes through the same
careful loader as ``play --load`` (so an unreadable file is a SaveError),
but nothing from the snapshot is trusted: it is only compared at the end.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from game.engine.game import Game
from game.engine.state import State
from game.saves.errors import SaveError
from game.saves.replay import Divergence, ReplayError, replay
from game.saves.restore import RulesFor, differences, read_document, rules_of


@dataclass
class Verdict:
    """What a verification found; ``status`` is the exit status (0 all match, 1 a divergence)."""

    title: str
    seed: int
    commands: int
    recorded_turns: int
    replayed_turns: int = 0
    divergence: Divergence | None = None
    refused: str = ""                     # a command the replay refused, with its turn and reason
    snapshot: str = ""                    # how the saved state compares with the replay ("" if it matches)
    final_hash: str = ""
    story: list[tuple[int, str, str]] = field(default_factory=list)   # (turn, date, command)

    @property
    def ok(self) -> bool:
        return self.divergence is None and not self.refused and not self.snapshot

    @property
    def status(self) -> int:
        return 0 if self.ok else 1

    def summary(self) -> str:
        head = f"{self.title}, seed {self.seed}: {self.commands} command(s), {self.recorded_turns} turn(s) recorded"
        if self.refused:
            return f"{head}\nDIVERGES: {self.refused}"
        if self.divergence is not None:
            return f"{head}\nDIVERGES at {self.divergence.text()}"
        if self.snapshot:
            return (f"{head}\nDIVERGES: all {self.replayed_turns} turn hash(es) match, but the saved state differs "
                    f"from the replay ({self.snapshot})")
        return (f"{head}\nOK: all {self.replayed_turns} turn hash(es) match, and the final state matches the saved "
                f"one ({self.final_hash})")


def verify(path: Path, rules_for: RulesFor | None = None, mods: Sequence[str] | None = None) -> Verdict:
    """Replay the save at ``path`` and compare every turn; SaveError if it cannot be read at all."""
    doc = read_document(path)
    try:
        rules = rules_of(doc, rules_for, None, mods)
    except SaveError as e:
        raise e.at(str(path))
    verdict = Verdict(doc["scenario"]["title"], doc["seed"], len(doc["log"]), len(doc["turn_hashes"]))
    where: list[tuple[int, str]] = [(0, "")]

    def note(i: int, line: str, game: Game) -> None:
        where[0] = (game.state.turn, game.state.date)
        verdict.story.append((game.state.turn, game.state.date, line))

    try:
        result = replay(rules, doc["seed"], doc["humans"], doc["log"], doc["turn_hashes"], stop_at_divergence=True,
                        on_command=note, chain=doc.get("chain", []), mods=doc["scenario"]["mods"])
    except ReplayError as e:
        turn, date = where[0]
        verdict.refused = f"turn {turn + 1} ({date}): {e}" if e.index >= 0 else str(e)
        return verdict
    game = result.game
    verdict.replayed_turns = len(game.turn_hashes)
    verdict.final_hash = game.state_hash()
    verdict.divergence = result.divergence
    if verdict.divergence is None:
        verdict.snapshot = _compare_snapshot(doc["state"], game)
    return verdict


def _compare_snapshot(raw: object, game: Game) -> str:
    try:
        saved = State.from_dict(raw)  # type: ignore[arg-type]
        same = saved.hash() == game.state_hash()
    except Exception as e:  # noqa: BLE001 - a damaged snapshot is a finding, not a crash
        return f"the saved state cannot be read: {type(e).__name__}: {e}"
    if same:
        return ""
    return "; ".join(differences(raw, game.state.to_dict())) or "the details differ"
