"""A game being played in the window: the engine's ``Game`` (held by the
saves package's session, which gives undo, saves and autosaves), the power
the player holds, and a version number that goes up whenever the state may
have changed, so that screens rebuild what they show only then.

Commands go through ``Session.apply``, which returns the engine's reason
when a command is not allowed instead of raising: the window shows it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from game.engine.commands import Command, CommandError, EndTurn, IllegalCommand
from game.engine.game import Game
from game.engine.legal import check
from game.engine.rules import Rules

from game.engine.difficulty import DIFFICULTIES, difficulty_of, with_difficulty  # noqa: E402,F401


def rules_for_difficulty(rules: Rules, level: str) -> Rules:
    return with_difficulty(rules, level if level in DIFFICULTIES else "normal")


def _rules_for(level: str) -> Callable[[str, Sequence[str]], Rules]:
    def rules_for(scenario_id: str, mods: Sequence[str]) -> Rules:
        from game.errors import UsageError
        from game.scenario import load_rules
        try:
            return rules_for_difficulty(load_rules(scenario_id, mods), level)
        except UsageError as e:
            raise LookupError(str(e)) from None
    return rules_for


def saves_store(folder: str | Path | None = None) -> Any | None:
    """The folder of saves (``$RAPALLO_SAVES`` or the project's saves/), if the saves package is here."""
    try:
        from game.saves import SaveStore
    except ImportError:
        return None
    return SaveStore(folder)


@dataclass
class Outcome:
    ok: bool
    message: str = ""
    command: Command | None = None


@dataclass
class Session:
    game: Game
    power: str
    difficulty: str = "normal"
    scenario_path: str = ""
    saves: Any | None = None            # game.saves.Session: undo, save, load, autosave
    version: int = 0
    last_error: str = ""
    notices: list[str] = field(default_factory=list)

    @classmethod
    def new(cls, rules: Rules, power: str, difficulty: str = "normal", seed: int | None = None,
            store: Any | None = None) -> "Session":
        game = Game.new(rules_for_difficulty(rules, difficulty), seed=seed, humans=[power])
        return cls.around(game, power, difficulty, store)

    @classmethod
    def around(cls, game: Game, power: str, difficulty: str = "normal", store: Any | None = None) -> "Session":
        saves = None
        try:
            from game.saves import Session as SavesSession
            saves = SavesSession(game, power, store)
        except ImportError:
            pass
        s = cls(game, power, difficulty, saves=saves)
        if saves is not None:
            saves.on_notice = s.notices.append
        return s

    @classmethod
    def open(cls, ref: str, store: Any) -> "Session":
        """A session on a saved game (SaveError if it cannot be loaded)."""
        from game.saves import Session as SavesSession
        from game.saves.restore import read_document
        level = difficulty_of(read_document(store.resolve(ref))["scenario"]["content_hash"])
        saves = SavesSession.open(ref, store, rules_for=_rules_for(level))
        s = cls(saves.game, saves.power, level, saves=saves)
        s.notices += saves.notices
        saves.on_notice = s.notices.append
        return s

    @property
    def rules(self) -> Rules:
        return self.game.rules

    @property
    def state(self):  # type: ignore[no-untyped-def]
        return self.game.state

    @property
    def is_hub(self) -> bool:
        return self.power == self.rules.hub

    def apply(self, cmd: Command) -> Outcome:
        try:
            done = self.saves.apply(cmd) if self.saves is not None else self.game.apply(cmd)
        except (IllegalCommand, CommandError) as e:
            self.last_error = str(e)
            return Outcome(False, self.readable(str(e)), cmd)
        self.last_error = ""
        self.changed()
        return Outcome(True, "", done)

    def legal(self, cmd: Command) -> tuple[bool, str]:
        """Whether a command is allowed now, and if not, the engine's reason."""
        try:
            check(self.rules, self.state, cmd)
            return True, ""
        except (IllegalCommand, CommandError) as e:
            return False, self.readable(str(e))

    def readable(self, reason: str) -> str:
        """The engine's reason in the player's words: power ids become names, first letter capital."""
        import re
        powers = self.rules.scenario.powers
        text = re.sub(r"\b[a-z][a-z0-9_]*\b", lambda m: powers[m.group(0)].name if m.group(0) in powers
                      else m.group(0), reason)
        return text[:1].upper() + text[1:]

    def end_turn(self) -> Outcome:
        return self.apply(EndTurn(self.power))

    def undo(self) -> str | None:
        if self.saves is None or not self.saves.can_undo():
            return None
        done = self.saves.undo()
        self.changed()
        return done

    def changed(self) -> None:
        self.version += 1

    def adopt_loaded(self) -> None:
        """After the saves session loaded another game into itself."""
        assert self.saves is not None
        self.game = self.saves.game
        self.power = self.saves.power
        self.difficulty = difficulty_of(self.game.rules.content_hash)
        self.changed()

    def pending_choices(self) -> list[str]:
        return [c.event for c in self.state.choices if c.chooser == self.power]
