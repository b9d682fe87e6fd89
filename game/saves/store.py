"""The saves folder: names, the list of saves, autosave rotation and the quick-save slot.

Saves live in one folder (``--saves DIR``, else $RAPALLO_SAVES, else the
project's ``saves/``). A save's name is its file name without the suffix:
``NAME.rapallo`` is compressed JSON, ``NAME.json`` plain JSON for people
to read. Autosaves are ``autosave-GAME-tNNN.rapallo`` (``-exit`` for the
one written on quitting); each game keeps only its last few, so a new game
never rotates away the autosaves of another. ``quicksave.rapallo`` is the
one quick-save slot.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from game.content import saves_dir
from game.guarded import clean_for_terminal
from game.limits import NAME_MAX, byte_length, name_problem
from game.saves import atomic, codec
from game.saves.errors import SaveError
from game.saves.reading import read_document

SUFFIX = ".rapallo"
PLAIN_SUFFIX = ".json"
AUTOSAVE_PREFIX = "autosave-"
QUICKSAVE = "quicksave"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}")


@dataclass(frozen=True)
class SaveInfo:
    """One entry of the list of saves: what a menu or the ``saves`` command shows."""

    name: str                    # what ``load NAME`` takes
    path: Path
    kind: str = ""               # manual, autosave, quicksave, observer
    scenario: str = ""           # scenario id
    scenario_title: str = ""
    power: str = ""
    power_name: str = ""
    turn: int = 0                # 0-based, as in the state; players see turn + 1
    date: str = ""               # the game's date
    saved_at: str = ""           # the real date, ISO 8601 in UTC
    game_version: str = ""
    game_id: str = ""
    finished: bool = False
    problem: str = ""            # not empty: this file cannot be loaded, and why

    @property
    def ok(self) -> bool:
        return not self.problem

    def local_time(self) -> str:
        """The real date in the player's time zone, to the minute."""
        try:
            when = dt.datetime.fromisoformat(self.saved_at)
        except ValueError:
            return self.saved_at or "unknown"
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone.utc)
        return when.astimezone().strftime("%Y-%m-%d %H:%M")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["path"] = str(self.path)
        return d


class SaveStore:
    """A folder of saves."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = saves_dir(str(folder) if folder is not None else None)

    # --- names and paths -------------------------------------------------------------------------

    def path_for(self, name: str) -> Path:
        """The file for a save called ``name``; SaveError if it cannot be a file name."""
        name = name.strip()
        if not name:
            raise SaveError("bad_name", "a save name cannot be empty (like genoa-before-rapallo)")
        if not _NAME.fullmatch(name) or name.endswith(atomic.TEMP_SUFFIX):
            raise SaveError("bad_name", f"{clean_for_terminal(name)[:80]!r} cannot be a save name: use letters, digits, '-', '_' and '.', "
                                        "starting with a letter or digit (like genoa-before-rapallo)")
        if name.endswith((SUFFIX, PLAIN_SUFFIX)):
            return self.folder / name
        return self.folder / (name + SUFFIX)

    def user_path_for(self, name: str) -> Path:
        """``path_for`` for names that players choose: the autosave and quick-save names are kept."""
        problem = name_problem(name)
        if problem:
            raise SaveError("bad_name", clean_for_terminal(problem))
        return self.path_for(name)

    def target(self, ref: str) -> Path:
        """Where to write ``ref``: a path if it looks like one (a folder or a suffix), else a name in the folder."""
        problem = _too_long(ref) or name_problem(Path(ref).name if ref.strip() else ref)
        if problem:
            raise SaveError("bad_name", clean_for_terminal(problem))
        if "/" in ref or "\\" in ref or ref.endswith((SUFFIX, PLAIN_SUFFIX, ".gz")):
            return Path(ref).expanduser()
        return self.path_for(ref)

    def resolve(self, ref: str) -> Path:
        """The file a player means by ``ref``: a path to a file, or the name of a save in the folder."""
        too_long = _too_long(ref)
        if too_long:
            raise SaveError("bad_name", too_long)
        p = Path(ref).expanduser()
        if _exists(p):
            return p
        if "/" not in ref and "\\" not in ref:
            for cand in (self.folder / ref, self.folder / (ref + SUFFIX), self.folder / (ref + PLAIN_SUFFIX)):
                if _exists(cand):
                    return cand
        if _is_dir(p):
            return p        # the reader says that a folder is not a save
        names = [clean_for_terminal(i.name) for i in self.list()[:8]]
        hint = f" Saves in {self.folder}: {', '.join(names)}." if names else f" There are no saves in {self.folder} yet."
        raise SaveError("missing", f"there is no save called {clean_for_terminal(ref)[:80]!r} and no such file.{hint}")

    @staticmethod
    def compressed(path: Path) -> bool:
        """Saves are compressed unless their file name asks for plain JSON."""
        return path.suffix != PLAIN_SUFFIX

    # --- writing ---------------------------------------------------------------------------------

    def write(self, path: Path, doc: dict[str, Any]) -> Path:
        """Write ``doc`` to ``path`` all at once (the old file stays whole until the new one is)."""
        data = codec.encode(doc, self.compressed(path))
        try:
            atomic.write_atomic(path, data)
        except OSError as e:
            raise SaveError("unreadable", f"the game could not be saved here ({e.strerror or e}); your game is "
                                          "still open: save it under another name or in another folder (--saves DIR).",
                            str(path)) from None
        atomic.remove_stale_temps(path.parent)
        return path

    def autosave_path(self, game_id: str, turn: int, exit_: bool = False) -> Path:
        return self.folder / f"{AUTOSAVE_PREFIX}{game_id}-t{turn + 1:03d}{'-exit' if exit_ else ''}{SUFFIX}"

    @property
    def quicksave_path(self) -> Path:
        return self.folder / (QUICKSAVE + SUFFIX)

    def rotate(self, game_id: str, keep: int, written: Path) -> list[Path]:
        """Delete all but the ``keep`` newest autosaves of one game (never the one just ``written``)."""
        mine = [p for p in self.folder.glob(f"{AUTOSAVE_PREFIX}{game_id}-t*{SUFFIX}") if p != written]
        try:
            mine.sort(key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
        except OSError:
            return []
        gone = []
        for p in mine[max(0, keep - 1):]:
            try:
                p.unlink()
                gone.append(p)
            except OSError:
                continue
        return gone

    # --- the list --------------------------------------------------------------------------------

    def list(self) -> list[SaveInfo]:
        """Every save in the folder, newest first; a file that cannot be loaded is listed with its problem."""
        if not self.folder.is_dir():
            return []
        files = [p for p in self.folder.iterdir() if p.suffix in (SUFFIX, PLAIN_SUFFIX) and p.is_file()
                 and not p.name.startswith(".")]
        infos = [info(p) for p in files]
        infos.sort(key=lambda i: (i.saved_at or _mtime_iso(i.path), _mtime_ns(i.path), i.name), reverse=True)
        return infos


def info(path: Path) -> SaveInfo:
    """What the list shows about one file, without replaying or checking its game."""
    name = _stem(path.name)
    try:
        doc = read_document(path)
    except SaveError as e:
        msg = str(e)
        return SaveInfo(name, path, problem=msg[len(str(path)) + 2:] if msg.startswith(str(path)) else msg)
    sc = doc["scenario"]
    return SaveInfo(name, path, doc["kind"], sc["id"], sc["title"], doc["power"], doc["power_name"] or doc["power"],
                    doc["turn"], doc["date"], doc["saved_at"], doc["game_version"], doc["game_id"], doc["finished"])


def _too_long(ref: str) -> str:
    """Why ``ref`` cannot name a file on any file system ('' when it can)."""
    for part in re.split(r"[/\\]", ref):
        size = byte_length(part)
        if size > NAME_MAX:
            return (f"a name of {size} bytes is longer than the file system allows ({NAME_MAX}): "
                    "check the name (the list: saves)")
    return ""


def _exists(path: Path) -> bool:
    """Whether ``path`` is something to read; odd files (a FIFO, a device) count, and the reader says what they are."""
    try:
        return path.exists() and not path.is_dir()
    except OSError:
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _stem(name: str) -> str:
    for suffix in (SUFFIX, PLAIN_SUFFIX):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _mtime_iso(path: Path) -> str:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc).isoformat(timespec="seconds")
    except OSError:
        return ""


def listing(infos: list[SaveInfo]) -> list[str]:
    """The list of saves as a table for the terminal: name, scenario, power, game date, turn, real date."""
    if not infos:
        return []
    infos = [_clean_info(i) for i in infos]
    width = max(12, min(34, max(len(i.name) for i in infos)))
    out = [f"{'name':{width}}  {'scenario':20}  {'power':15}  {'game date':10}  {'turn':>4}  saved"]
    for i in infos:
        if not i.ok:
            out.append(f"{i.name:{width}}  cannot be loaded: {i.problem}")
            continue
        when = i.local_time() + ("" if i.kind == "manual" else f"  ({i.kind}{', finished' if i.finished else ''})")
        out.append(f"{i.name:{width}}  {i.scenario_title[:20]:20}  {(i.power_name or 'observer')[:15]:15}  "
                   f"{i.date:10}  {i.turn + 1:>4}  {when}")
    return out


def _clean_info(i: SaveInfo) -> SaveInfo:
    """The entry with every text from the file made safe for a terminal (titles may hold escape codes)."""
    return replace(i, name=clean_for_terminal(i.name), scenario_title=clean_for_terminal(i.scenario_title),
                   power_name=clean_for_terminal(i.power_name), date=clean_for_terminal(i.date),
                   kind=clean_for_terminal(i.kind), problem=clean_for_terminal(i.problem))


def _mtime_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0
