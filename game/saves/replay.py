"""Replaying a command log from the seed: the game's own proof of what happened.

The engine is deterministic (same seed, same commands, same state hash), so
the log is the game. Replaying is used to rebuild a game whose snapshot
cannot be trusted, to undo when no snapshot is in memory, and by
``replay --verify`` to check every turn against the hashes the save recorded.
A command that the replayed game refuses stops the replay with the command's
number and the engine's reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from game.engine.game import Game
from game.engine.rules import Rules


class ReplayError(ValueError):
    """A command of the log that the replayed game cannot carry out."""

    def __init__(self, index: int, command: str, reason: str) -> None:
        self.index = index
        self.command = command
        self.reason = reason
        super().__init__(f"command {index + 1} of the log, {command!r}, cannot be replayed: {reason}")


@dataclass(frozen=True)
class Divergence:
    """The first resolved turn whose replayed state differs from the recorded one."""

    turn: int            # 0-based index into turn_hashes (players see turn + 1)
    date: str            # the first day of that turn
    recorded: str        # "" when the save recorded fewer turns than the replay produced
    replayed: str        # "" when the replay produced fewer turns than the save recorded
    command: int         # 0-based index of the command that resolved the turn (-1: after the log)

    def text(self) -> str:
        if not self.recorded:
            return (f"turn {self.turn + 1} ({self.date}) was resolved by the replay but is not recorded in the save "
                    f"(replayed {self.replayed})")
        if not self.replayed:
            return (f"turn {self.turn + 1} ({self.date}) is recorded in the save ({self.recorded}) but the log "
                    "ends before it resolves")
        return (f"turn {self.turn + 1} ({self.date}) diverges: recorded {self.recorded}, replayed {self.replayed} "
                f"(after command {self.command + 1})")


@dataclass
class Replayed:
    game: Game
    divergence: Divergence | None = None


def replay(rules: Rules, seed: int, humans: Sequence[str], log: Sequence[str],
           expected: Sequence[str] | None = None, stop_at_divergence: bool = False,
           on_command: Callable[[int, str, Game], None] | None = None,
           chain: Sequence[dict[str, Any]] = (), mods: Sequence[str] = ()) -> Replayed:
    """A new game from ``seed`` with ``log`` applied; ReplayError if a command is refused.

    With ``expected`` (the recorded turn hashes), the first turn whose hash
    differs is reported, and with ``stop_at_divergence`` the replay stops there.
    With ``chain`` (the earlier parts of a campaign, oldest first), each part is
    replayed and carried into the next before ``log`` is applied (its scenario found with ``mods``, at the
    difficulty of ``rules``: a campaign is played at one level).
    """
    unknown = [h for h in humans if h not in rules.scenario.powers]
    if unknown:
        raise ReplayError(-1, "", f"the save names power(s) this scenario does not have: {', '.join(unknown)}")
    game = _start(chain, rules, mods) if chain else Game.new(rules, seed=seed, humans=list(humans))
    first: Divergence | None = None
    for i, line in enumerate(log):
        before = len(game.turn_hashes)
        if on_command is not None:
            on_command(i, line, game)
        try:
            game.apply(line)
        except Exception as e:  # noqa: BLE001 - the log comes from a file: whatever the engine says, report it
            raise ReplayError(i, line, _reason(e)) from None
        if expected is not None and first is None:
            first = _compare(rules, game, expected, before, i)
            if first is not None and stop_at_divergence:
                return Replayed(game, first)
    if expected is not None and first is None and len(expected) > len(game.turn_hashes):
        k = len(game.turn_hashes)
        first = Divergence(k, _date(rules, k), expected[k], "", -1)
    return Replayed(game, first)


def _start(chain: Sequence[dict[str, Any]], rules: Rules, mods: Sequence[str] = ()) -> Game:
    """The first turn of the last part: every earlier part replayed, checked against its recorded final
    hash, and carried into the next."""
    game: Game | None = None
    for i, part in enumerate(chain):
        part_rules = _part_rules(i, part, rules, mods)
        if game is not None:
            game = game.continue_into(part_rules)
            for j, line in enumerate(part["log"]):
                try:
                    game.apply(line)
                except Exception as e:  # noqa: BLE001 - from a file
                    raise ReplayError(j, line, f"part {i + 1}: {_reason(e)}") from None
        else:
            game = replay(part_rules, part["seed"], part["humans"], part["log"]).game
        if game.state_hash() != part["state_hash"]:
            raise ReplayError(-1, "", f"part {i + 1} of the campaign ({part['scenario']}) replays to "
                                      f"{game.state_hash()}, not the recorded {part['state_hash']}")
    assert game is not None
    return game.continue_into(rules)


def _part_rules(i: int, part: dict[str, Any], rules: Rules, mods: Sequence[str]) -> Rules:
    """The rules an earlier part was played with; ReplayError saying which part when they are gone or changed."""
    from game.engine.difficulty import with_difficulty
    from game.scenario import load_rules
    try:
        found = load_rules(part["scenario"], mods)
    except (ValueError, LookupError) as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ReplayError(-1, "", f"part {i + 1} of the campaign ({part['scenario']}) cannot be loaded: {first}")
    recorded = part.get("content_hash")
    if recorded and found.content_hash != recorded:
        raise ReplayError(-1, "", f"part {i + 1} of the campaign, '{found.scenario.title}' ({part['scenario']}), has "
                                  f"changed since it was played (content {str(recorded)[:12]} then, "
                                  f"{found.content_hash[:12]} now); put back the version it was played with")
    return with_difficulty(found, rules.difficulty) if found.difficulty != rules.difficulty else found


def _compare(rules: Rules, game: Game, expected: Sequence[str], before: int, index: int) -> Divergence | None:
    for k in range(before, len(game.turn_hashes)):
        recorded = expected[k] if k < len(expected) else ""
        if recorded != game.turn_hashes[k]:
            return Divergence(k, _date(rules, k), recorded, game.turn_hashes[k], index)
    return None


def _date(rules: Rules, turn: int) -> str:
    dates = rules.turn_dates
    return dates[turn].isoformat() if 0 <= turn < len(dates) else "after the end"


def _reason(e: Exception) -> str:
    from game.engine.clauses import ClauseError
    from game.engine.commands import CommandError, IllegalCommand
    if isinstance(e, (CommandError, IllegalCommand, ClauseError)):
        return str(e)
    return f"the game could not carry it out ({type(e).__name__}: {e})"
