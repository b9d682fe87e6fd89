"""The save document: what a save holds, built from a game and checked on the way in.

A save keeps two descriptions of one game: the **command log** (with the
seed, it is the game: replaying it reproduces every state exactly) and a
**snapshot** of the current state (so that loading takes milliseconds
instead of replaying every AI decision). A **seal** (sha256 over the log,
the seed, the turn hashes and the snapshot's hash) tells whether the two
are still as the game wrote them; if not, loading replays the log and
trusts it over the snapshot. Around them sits what a list of saves shows:
scenario, power, game date, real date, name.

Format 1, in the order written::

    format: "rapallo-save"   format_version: 1   game_version: "0.1.0"
    name, kind (manual | autosave | quicksave | observer), saved_at (ISO, UTC), game_id
    scenario: {id, title, content_hash, mods: [folder, ...], path}   (path: only for a game started from a file)
    power, power_name, turn, date, finished
    seed, humans: [power, ...], log: [command, ...], turn_hashes: [hash, ...]
    chain: [{scenario, content_hash, seed, humans, log, state_hash}, ...]   (only in a campaign's later part)
    state_hash, seal, state: {...}
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game import __version__
from game.engine.difficulty import DIFFICULTIES, game_identity, split_hash
from game.saves.errors import SaveError

if TYPE_CHECKING:
    from game.engine.game import Game

FORMAT = "rapallo-save"
FORMAT_VERSION = 1
KINDS = ("manual", "autosave", "quicksave", "observer")

#: numpy's PCG64 takes any non-negative integer; saves keep to 64 bits.
MAX_SEED = 2**64
GAME_ID = re.compile(r"[0-9a-z]{1,16}")


@dataclass
class SaveMeta:
    """What a save says about a game beyond the game itself: whose it is, what it is called, where it came from."""

    power: str = ""                          # the power at the keyboard ("" for an observer run)
    game_id: str = ""                        # ties a game's autosaves together across loads
    mods: list[str] = field(default_factory=list)
    #: The scenario file the game was started from (absolute), when it was started from a file rather than by id.
    scenario_path: str = ""
    name: str = ""
    kind: str = "manual"


def build(game: Game, meta: SaveMeta, now: dt.datetime | None = None) -> dict[str, Any]:
    """The document for ``game`` now; shares nothing mutable with the game."""
    rules, state = game.rules, game.state
    now = now or dt.datetime.now(dt.timezone.utc)
    powers = rules.scenario.powers
    doc: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "game_version": __version__,
        "name": meta.name,
        "kind": meta.kind,
        "saved_at": now.astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
        "game_id": meta.game_id,
        "scenario": {"id": rules.id, "title": rules.scenario.title, "content_hash": rules.content_hash,
                     "difficulty": rules.difficulty, "mods": list(meta.mods),
                     **({"path": meta.scenario_path} if meta.scenario_path else {})},
        "power": meta.power,
        "power_name": rules.power_name(meta.power, state) if meta.power in powers else "",
        "turn": state.turn,
        "date": state.date,
        "finished": state.finished,
        "seed": state.seed,
        "humans": game.humans(),
        "log": list(game.log),
        "turn_hashes": list(game.turn_hashes),
        "state_hash": game.state_hash(),
    }
    if game.chain:
        # The earlier parts of a campaign: replaying them, then carrying over, then this log, is the game.
        doc["chain"] = json.loads(json.dumps(game.chain))
    doc["seal"] = seal(doc)
    # A JSON round trip copies the state: later moves of the game cannot reach into the document.
    doc["state"] = json.loads(json.dumps(state.to_dict(), allow_nan=False))
    return doc


def seal(doc: dict[str, Any]) -> str:
    """A digest of everything that defines the game in ``doc`` (not its name, kind or dates)."""
    sc = doc["scenario"]
    rules = game_identity(sc["content_hash"], sc.get("difficulty", "normal"))   # as saves before the field had it
    core = [doc["format_version"], sc["id"], rules, doc["seed"], doc["humans"], doc["log"],
            doc["turn_hashes"], doc["state_hash"]]
    if doc.get("chain"):
        core.append(doc["chain"])
    blob = json.dumps(core, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(blob.encode()).hexdigest()


# --- checking a document read from a file -------------------------------------------------------

_REQUIRED: dict[str, type | tuple[type, ...]] = {
    "format_version": int, "scenario": dict, "seed": int, "humans": list, "log": list,
    "turn_hashes": list, "state_hash": str, "seal": str, "state": dict,
}
_OPTIONAL: dict[str, tuple[type | tuple[type, ...], Any]] = {
    "game_version": (str, "unknown"), "name": (str, ""), "kind": (str, "manual"), "saved_at": (str, ""),
    "game_id": (str, ""), "power": (str, ""), "power_name": (str, ""), "turn": (int, 0), "date": (str, ""),
    "finished": (bool, False), "migrated_from": (int, None),
}


def check(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` with its shape checked (format 1); SaveError naming the first field that is wrong.

    Fields that only describe the save (name, dates, power) fall back to
    defaults when missing or mistyped, because they do not change the game;
    the fields that are the game must be there and of the right type.
    """
    if doc.get("format") not in (FORMAT, None):
        raise _damaged("it is not a Rapallo save (its 'format' field says otherwise)")
    for key, typ in _REQUIRED.items():
        if key not in doc:
            raise _damaged(f"the field '{key}' is missing")
        if not _is(doc[key], typ):
            raise _damaged(f"the field '{key}' should be {_what(typ)}")
    out = dict(doc)
    for key, (typ, default) in _OPTIONAL.items():
        if not _is(out.get(key), typ):
            out[key] = default
    sc = out["scenario"]
    for key in ("id", "content_hash"):
        if not isinstance(sc.get(key), str) or not sc[key]:
            raise _damaged(f"the field 'scenario.{key}' is missing or empty")
    mods = sc.get("mods", [])
    if not isinstance(mods, list) or not all(isinstance(m, str) for m in mods):
        raise _damaged("the field 'scenario.mods' should be a list of folders")
    content, level = split_hash(sc["content_hash"])           # a save from before the field: HASH+level
    if "difficulty" in sc:
        if not isinstance(sc["difficulty"], str) or sc["difficulty"] not in DIFFICULTIES:
            raise _damaged(f"the field 'scenario.difficulty' should be one of {', '.join(DIFFICULTIES)}")
        content, level = sc["content_hash"], sc["difficulty"]
    out["scenario"] = {"id": sc["id"], "title": sc.get("title") if isinstance(sc.get("title"), str) else sc["id"],
                       "content_hash": content, "difficulty": level, "mods": list(mods)}
    if isinstance(sc.get("path"), str) and sc["path"].endswith((".yaml", ".yml")):
        out["scenario"]["path"] = sc["path"]      # where it was: the loader reads it with the same care as an id
    if not GAME_ID.fullmatch(out["game_id"]):
        out["game_id"] = ""      # it names autosave files: nothing from a file may steer them elsewhere
    if not 0 <= out["seed"] < MAX_SEED:
        raise _damaged(f"the seed {out['seed']} is out of range")
    for key in ("humans", "log", "turn_hashes"):
        if not all(isinstance(x, str) for x in out[key]):
            raise _damaged(f"every entry of '{key}' should be text")
    out["chain"] = _chain(doc.get("chain", []))
    return out


def _chain(chain: Any) -> list[dict[str, Any]]:
    """The earlier parts of a campaign, each checked: they are the game as much as the log is."""
    if not isinstance(chain, list):
        raise _damaged("the field 'chain' should be a list")
    for i, part in enumerate(chain):
        ok = isinstance(part, dict) and isinstance(part.get("scenario"), str) and isinstance(part.get("seed"), int) \
            and isinstance(part.get("state_hash"), str) and all(
                isinstance(part.get(k), list) and all(isinstance(x, str) for x in part[k]) for k in ("humans", "log"))
        if not ok:
            raise _damaged(f"part {i + 1} of the field 'chain' should have scenario, seed, humans, log and state_hash")
    return [dict(p) for p in chain]


def _is(value: Any, typ: type | tuple[type, ...]) -> bool:
    if isinstance(value, bool) and typ is not bool:  # JSON true is not a number of turns
        return False
    return isinstance(value, typ)


def _what(typ: type | tuple[type, ...]) -> str:
    return {int: "a whole number", str: "text", list: "a list", dict: "an object", bool: "true or false"}.get(
        typ, str(typ))  # type: ignore[call-overload]


def _damaged(what: str) -> SaveError:
    return SaveError("damaged", f"the save is damaged: {what}. If you edited it, undo the edit; otherwise load "
                                "an earlier save (see 'saves').")
