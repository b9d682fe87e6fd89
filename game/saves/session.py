"""A game being played, with its saves: the one API the terminal and the window call.

A ``Session`` holds the game, the power at the keyboard, the saves folder
and the undo stack, and keeps them consistent: commands go through
``apply`` (so they can be undone), every resolved turn is autosaved, and
loading another save first autosaves the game being left, so that nothing
a player did is ever lost by a click. Failures come back as ``SaveError``
(loading, saving) or as notices (an autosave that could not be written
must not stop the game; the player is told instead)::

    session = Session.new(rules, seed=7, humans=["soviet_russia"], store=SaveStore())
    session.apply("soviet_russia: policy comintern 30")
    session.undo()                      # -> "soviet_russia: policy comintern 30"
    session.save("before-genoa")        # -> Path of saves/before-genoa.rapallo
    session.quicksave(); session.quickload()
    [info.name for info in session.saves()]
    session.load("before-genoa")        # -> notices to show (may be empty)

The window adds nothing of its own: it starts games with ``Session.start``
(a difficulty level), sends commands with ``attempt``, which returns the
engine's reason instead of raising, and redraws when ``version`` goes up
(it does whenever the state may have changed).
"""
from __future__ import annotations

import dataclasses
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from game.engine.commands import Command, CommandError, EndTurn, IllegalCommand
from game.engine.difficulty import DIFFICULTIES, with_difficulty
from game.engine.game import Game
from game.engine.legal import check, check_seat
from game.engine.rules import Rules
from game.engine.state import State
from game.i18n import S
from game.saves import document
from game.saves.document import SaveMeta
from game.saves.errors import SaveError
from game.saves.restore import Loaded, RulesFor, load
from game.saves.store import SaveInfo, SaveStore
from game.saves.undo import UndoStack

if TYPE_CHECKING:
    from game.saves.campaign import NextPart

#: Autosaves kept per game.
KEEP_AUTOSAVES = 5


def new_game_id() -> str:
    """A short random id that ties one game's autosaves together (outside the engine: no seed needed)."""
    return secrets.token_hex(3)


@dataclass
class Outcome:
    """A command sent from the window: done (``command`` as the engine read it), or refused with its reason."""
    ok: bool
    message: str = ""
    command: Command | None = None


class Session:
    """One game at one keyboard, with undo and saves; ``store=None`` keeps everything in memory."""

    def __init__(self, game: Game, power: str = "", store: SaveStore | None = None, meta: SaveMeta | None = None,
                 keep_autosaves: int = KEEP_AUTOSAVES, undo_depth: int = 200) -> None:
        self.store = store
        self.meta = meta or SaveMeta(power=power)
        if power:
            self.meta.power = power
        if not self.meta.game_id:
            self.meta.game_id = new_game_id()
        self.keep_autosaves = keep_autosaves
        self.history = UndoStack(undo_depth)
        #: Called with a sentence for the player (an autosave that failed); without it, notices accumulate.
        self.on_notice: Callable[[str], None] | None = None
        self.notices: list[str] = []
        self.last_autosave: Path | None = None
        self._saved_path: Path | None = None
        self.game = game
        self._saved_log: list[str] | None = None
        game.on_turn_end.append(self._turn_ended)
        #: The level the rules were made at (part of their content hash).
        self.difficulty = game.rules.difficulty
        #: Goes up whenever the state may have changed, so that screens rebuild only then.
        self.version = 0
        self.last_error = ""
        #: False at a classroom delegation's seat: undo there could take back another delegation's move.
        self.undo_allowed = True

    # --- making one -----------------------------------------------------------------------------

    @classmethod
    def new(cls, rules: Rules, seed: int | None = None, humans: Iterable[str] = (), power: str | None = None,
            store: SaveStore | None = None, mods: Sequence[str] = ()) -> "Session":
        humans = list(humans)
        game = Game.new(rules, seed=seed, humans=humans)
        return cls(game, power if power is not None else (humans[0] if humans else ""), store,
                   SaveMeta(mods=list(mods)))

    @classmethod
    def start(cls, rules: Rules, power: str, difficulty: str = "normal", seed: int | None = None,
              store: SaveStore | None = None, mods: Sequence[str] = ()) -> "Session":
        """A new game for one person playing ``power`` at a difficulty level (the window's New game)."""
        level = difficulty if difficulty in DIFFICULTIES else "normal"
        return cls.new(with_difficulty(rules, level), seed=seed, humans=[power], store=store, mods=mods)

    @classmethod
    def open(cls, ref: str, store: SaveStore, mods: Sequence[str] | None = None,
             rules_for: RulesFor | None = None) -> "Session":
        """A session on a save: ``ref`` is a path or a name in ``store``; SaveError if it cannot be loaded."""
        loaded = load(store.resolve(ref), rules_for, None, mods)
        session = cls(loaded.game, store=store, meta=loaded.meta)
        session._loaded(loaded)
        session.notices += loaded.notices
        return session

    @property
    def power(self) -> str:
        return self.meta.power

    @property
    def scenario_path(self) -> str:
        """The scenario file the game was started from ("" when by id); saves record it to reload from it."""
        return self.meta.scenario_path

    @scenario_path.setter
    def scenario_path(self, path: str | Path | None) -> None:
        self.meta.scenario_path = str(Path(path).resolve()) if path else ""

    @property
    def rules(self) -> Rules:
        return self.game.rules

    @property
    def state(self) -> State:
        return self.game.state

    @property
    def is_hub(self) -> bool:
        return self.power == self.rules.hub

    def close(self) -> None:
        """Stop autosaving this game (when another session takes it over)."""
        if self._turn_ended in self.game.on_turn_end:
            self.game.on_turn_end.remove(self._turn_ended)

    # --- playing ----------------------------------------------------------------------------------

    def apply(self, cmd: Command | str, by: str | None = None) -> Command:
        """``game.apply`` (from seat ``by``) that can be undone; raises what the engine raises for a refused command."""
        mark = self.history.before(self.game)
        try:
            done = self.game.apply(cmd, by=by)
        except BaseException:
            self.history.refused(mark, self.game)
            raise
        self.history.accepted(mark, self.game)
        self.changed()
        return done

    def attempt(self, cmd: Command) -> Outcome:
        """``apply`` for the window: a refused command comes back with the engine's reason, as a value."""
        try:
            done = self.apply(cmd, by=self.power or None)
        except (IllegalCommand, CommandError) as e:
            self.last_error = str(e)
            return Outcome(False, self.readable(str(e)), cmd)
        self.last_error = ""
        return Outcome(True, "", done)

    def end_turn(self) -> Outcome:
        return self.attempt(EndTurn(self.power))

    def legal(self, cmd: Command) -> tuple[bool, str]:
        """Whether a command is allowed now, and if not, the engine's reason."""
        try:
            if self.power:
                check_seat(self.rules, self.state, cmd, self.power)
            check(self.rules, self.state, cmd)
            return True, ""
        except (IllegalCommand, CommandError) as e:
            return False, self.readable(str(e))

    def readable(self, reason: str) -> str:
        """The engine's reason in the player's words: power ids become names, first letter capital."""
        powers = self.rules.scenario.powers
        text = re.sub(r"\b[a-z][a-z0-9_]*\b", lambda m: self.rules.power_name(m.group(0), self.state) if m.group(0) in powers
                      else m.group(0), reason)
        return text[:1].upper() + text[1:]

    def pending_choices(self) -> list[str]:
        """The events waiting for the player's decision."""
        return [c.event for c in self.state.choices if c.chooser == self.power]

    def changed(self) -> None:
        self.version += 1

    def can_undo(self) -> bool:
        return self.undo_allowed and bool(self.game.log)

    def last_command(self) -> str | None:
        return self.game.log[-1] if self.game.log else None

    def undo(self) -> str | None:
        """Take back the last command (removing it from the log); returns it, or None if there is none."""
        if not self.can_undo():
            return None
        done = self.history.undo(self.game, self.meta.mods)
        self.changed()
        return done

    # --- saving -----------------------------------------------------------------------------------

    def save(self, name: str | None = None) -> Path:
        """Save under ``name`` (default: the power and the game date); returns the file."""
        store = self._store()
        name = name or f"{self.power or 'observer'}-{self.game.state.date}"
        return self._write(store.user_path_for(name), name, "manual")

    def quicksave(self) -> Path:
        store = self._store()
        return self._write(store.quicksave_path, "quick save", "quicksave")

    def autosave(self, on_exit: bool = False) -> Path | None:
        """Write this game's autosave and rotate the old ones away; None when there is no saves folder."""
        if self.store is None:
            return None
        path = self.store.autosave_path(self.meta.game_id, self.game.state.turn, exit_=on_exit)
        self._write(path, "autosave", "autosave")
        self.store.rotate(self.meta.game_id, self.keep_autosaves, path)
        self.last_autosave = path
        return path

    def autosave_if_changed(self) -> Path | None:
        """The autosave on quitting: written only if the game moved since it was last saved or loaded."""
        if not self.dirty:
            return None
        return self.autosave(on_exit=True)

    @property
    def saved_in(self) -> Path | None:
        """The file that holds the game exactly as it is now; None if the game moved since (or was never saved)."""
        return self._saved_path if self._saved_log == self.game.log else None

    @property
    def dirty(self) -> bool:
        """True when the game has moved since it was last saved or loaded."""
        return self.saved_in is None

    def _write(self, path: Path, name: str, kind: str) -> Path:
        doc = document.build(self.game, dataclasses.replace(self.meta, name=name, kind=kind))
        self._store().write(path, doc)
        self._saved_log = list(self.game.log)
        self._saved_path = path
        return path

    def _turn_ended(self, game: Game) -> None:
        if game is not self.game:
            return
        try:
            self.autosave()
        except Exception as e:  # noqa: BLE001 - an autosave is best effort: it must never stop or undo a turn
            self._notice(f"The autosave failed: {e}")

    # --- a campaign's next part -----------------------------------------------------------------

    def next_part(self, rules_for: "RulesFor | None" = None) -> "NextPart | None":
        """What this game may carry on into at its end (None when the story ends here)."""
        from game.saves.campaign import next_part
        return next_part(self.rules, self.power, self.meta.mods, rules_for)

    def continue_campaign(self, part: "NextPart") -> Path | None:
        """Start ``part`` from the end of this finished game, same seat; returns its first autosave.

        The finished game is saved first (it stays on the disk under its own game id); a part that
        cannot be played raises SaveError("next_part") with the reason, and the game is kept as it was.
        """
        if not self.game.is_terminal():
            raise SaveError("next_part", S["text.chain.not_ended"].format(title=self.rules.scenario.title))
        if self.store is not None and self.dirty:
            self.autosave(on_exit=True)
        if not part.playable or part.rules is None:
            raise SaveError("next_part", part.problem)
        game = self.game.continue_into(part.rules)
        self.close()
        self.game = game
        game.on_turn_end.append(self._turn_ended)
        self.meta = dataclasses.replace(self.meta, game_id=new_game_id())
        self.history.clear()
        self.difficulty = game.rules.difficulty
        self._saved_log, self._saved_path = None, None
        self.changed()
        try:
            return self.autosave()
        except (SaveError, OSError) as e:     # the game goes on; the player is told
            self._notice(f"The autosave failed: {e}")
            return None

    # --- loading ----------------------------------------------------------------------------------

    def load(self, ref: str) -> list[str]:
        """Replace the game with a saved one (autosaving this one first if it moved); returns notices."""
        store = self._store()
        path = store.resolve(ref)
        return self._load(path)

    def quickload(self) -> list[str]:
        store = self._store()
        if not store.quicksave_path.is_file():
            raise SaveError("missing", f"there is no quick save in {store.folder} yet: use quicksave first.")
        return self._load(store.quicksave_path)

    def saves(self) -> list[SaveInfo]:
        """The saves in this session's folder, newest first."""
        return self.store.list() if self.store is not None else []

    def _load(self, path: Path) -> list[str]:
        loaded = load(path, current=self.game.rules)
        notices = []
        if self.dirty:
            kept = self.autosave(on_exit=True)
            if kept is not None:
                notices.append(f"The game you left was autosaved as {kept.stem}.")
        self.close()
        self.game = loaded.game
        self.meta = loaded.meta
        if not self.meta.game_id:
            self.meta.game_id = new_game_id()
        self.game.on_turn_end.append(self._turn_ended)
        self._loaded(loaded)
        return notices + loaded.notices

    def _loaded(self, loaded: Loaded) -> None:
        self.history.clear()
        self.last_autosave = None
        self.difficulty = self.game.rules.difficulty
        self.changed()
        # A game rebuilt from its log differs from its file: it is not "saved" until written again.
        self._saved_log = list(self.game.log)
        self._saved_path = loaded.path if loaded.from_snapshot else None

    def _store(self) -> SaveStore:
        if self.store is None:
            raise SaveError("unreadable", "saving is off in this session (it has no saves folder).")
        return self.store

    def _notice(self, text: str) -> None:
        if self.on_notice is not None:
            self.on_notice(text)
        else:
            self.notices.append(text)
