"""Bringing saves from older versions of the game up to the current format.

Each format change registers one migrator, from format N to N+1, that
rewrites the document's layout (never the game: the command log and the
seed are the game, and they stay as they were). Loading runs them in a
chain, so a save from format 0 reaches the current format through every
step. A migrated save carries ``migrated_from`` and loads through the
careful path, which replays its log and checks it against its snapshot.

Format 0 is the layout of the first prototype, before the seal and the
save metadata existed::

    {"version": 0, "scenario": ID, "scenario_hash": HASH, "seed": N, "humans": [...],
     "commands": [...], "hashes": [...], "state": {...}, "saved": ISO-DATE}
"""
from __future__ import annotations

from typing import Any, Callable

from game.saves.document import FORMAT, FORMAT_VERSION
from game.saves.errors import SaveError

Migrator = Callable[[dict[str, Any]], dict[str, Any]]

#: from-version -> the function that turns a document of that version into the next one.
MIGRATORS: dict[int, Migrator] = {}


def migrator(from_version: int) -> Callable[[Migrator], Migrator]:
    def register(fn: Migrator) -> Migrator:
        assert from_version not in MIGRATORS, f"two migrators from format {from_version}"
        MIGRATORS[from_version] = fn
        return fn
    return register


def version_of(doc: dict[str, Any]) -> int:
    """The format version of a document, including the prototype's, which had no ``format_version``."""
    v = doc.get("format_version")
    if v is None and doc.get("format") is None and "version" in doc:
        v = doc["version"]
    if isinstance(v, bool) or not isinstance(v, int):
        raise SaveError("damaged", "this is not a Rapallo save (it has no format version). "
                                   "Check that you picked the right file.")
    return v


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` in the current format; SaveError for a newer format or a migration that fails."""
    start = version = version_of(doc)
    if version > FORMAT_VERSION:
        raise SaveError("newer", f"this save was written by a newer version of Rapallo "
                                 f"({doc.get('game_version', 'unknown')}, save format {version}); this version "
                                 f"reads formats up to {FORMAT_VERSION}. Update the game to load it.")
    if version < 0:
        raise SaveError("damaged", f"the save format {version} does not exist. Check that you picked the right file.")
    while version < FORMAT_VERSION:
        step = MIGRATORS.get(version)
        if step is None:
            raise SaveError("damaged", f"saves of format {version} cannot be converted by this version of the game.")
        try:
            doc = step(doc)
        except SaveError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise SaveError("damaged", f"this format-{version} save is damaged and cannot be converted "
                                       f"({type(e).__name__}: {e}).") from None
        version += 1
        doc["format_version"] = version
    if start != FORMAT_VERSION:
        doc["migrated_from"] = start
    return doc


@migrator(0)
def _from_prototype(old: dict[str, Any]) -> dict[str, Any]:
    """Format 0 to 1: name the fields as format 1 does and add the save's metadata."""
    state = old["state"]
    if not isinstance(state, dict):
        raise TypeError("'state' is not an object")
    return {
        "format": FORMAT,
        "format_version": 1,
        "game_version": "prototype",
        "name": "",
        "kind": "manual",
        "saved_at": str(old.get("saved", "")),
        "game_id": "",
        "scenario": {"id": old["scenario"], "title": old["scenario"], "content_hash": old["scenario_hash"],
                     "mods": []},
        "power": next(iter(old.get("humans") or []), ""),
        "turn": state.get("turn", 0),
        "date": state.get("date", ""),
        "finished": state.get("finished", False),
        "seed": old["seed"],
        "humans": old.get("humans", []),
        "log": old["commands"],
        "turn_hashes": old.get("hashes", []),
        "state_hash": "",      # format 0 had no seal: the careful path checks the log against the snapshot
        "seal": "",
        "state": state,
    }
