"""Loading a save with care: a game back from a file, or a SaveError that says why not.

The order of checks follows what a player can do about each failure:
the file (missing, empty, cut short, damaged), its format (newer: update
the game; older: migrated here), its scenario (not installed, or changed
since the save), and last the game inside it. A save as the game wrote it
(its seal holds) loads from its snapshot in milliseconds. Any other save
(migrated, edited by hand, damaged inside valid JSON) is rebuilt by
replaying its command log from the seed; the snapshot is then only a
witness, and when the two disagree the player is told and the log wins.
Nothing here writes to the disk.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from game import __version__
from game.engine.difficulty import with_difficulty
from game.engine.game import Game
from game.engine.rules import Rules
from game.engine.state import State
from game.errors import UsageError
from game.saves import document
from game.saves.document import SaveMeta
from game.saves.errors import SaveError
from game.saves.reading import parse, read_document  # noqa: F401 - parse: restore.parse is read by tests
from game.saves.replay import ReplayError, replay
from game.scenario import load_rules

#: Finds the rules of a scenario by id with the given mod folders; raises ValueError with a message.
RulesFor = Callable[[str, Sequence[str]], Rules]


@dataclass
class Loaded:
    """A game read from a save, what the save said about it, and what the player should be told."""

    game: Game
    meta: SaveMeta
    header: dict[str, Any]              # the document without its state: dates, version, name...
    path: Path | None = None
    notices: list[str] = field(default_factory=list)
    from_snapshot: bool = True          # False when the game was rebuilt by replaying the log


def load(path: Path, rules_for: RulesFor | None = None, current: Rules | None = None,
         mods: Sequence[str] | None = None) -> Loaded:
    """The game saved at ``path``.

    ``rules_for`` finds a scenario's rules (default: the command line's
    loader, so that mods apply); ``current`` is reused when the save is of
    the same scenario, unchanged (quick load needs no YAML); ``mods``
    overrides the mod folders the save recorded.
    """
    doc = read_document(path)
    try:
        return from_document(doc, rules_for, current, mods, path)
    except SaveError as e:
        raise e.at(str(path))


def from_document(doc: dict[str, Any], rules_for: RulesFor | None = None, current: Rules | None = None,
                  mods: Sequence[str] | None = None, path: Path | None = None) -> Loaded:
    """The game in a checked document: from its snapshot if its seal holds, else replayed from its log."""
    rules = rules_of(doc, rules_for, current, mods)
    raw_state = doc.pop("state")
    snapshot, snapshot_hash, problem = _snapshot(raw_state, doc, rules)
    meta = SaveMeta(power=_power(doc), game_id=doc["game_id"],
                    mods=list(doc["scenario"]["mods"] if mods is None else mods), name=doc["name"], kind=doc["kind"],
                    scenario_path=doc["scenario"].get("path", ""))
    if snapshot is not None and snapshot_hash == doc["state_hash"] and _sealed(doc):
        game = Game(rules, snapshot, list(doc["log"]))
        game.turn_hashes = list(doc["turn_hashes"])
        game.chain = list(doc.get("chain", []))
        return Loaded(game, meta, doc, path)
    loaded = Loaded(_rebuild(doc, rules, meta.mods), meta, doc, path, from_snapshot=False)
    loaded.notices += _why_rebuilt(doc, loaded.game, snapshot_hash, problem, raw_state)
    return loaded


# --- the scenario -----------------------------------------------------------------------------------

def rules_of(doc: dict[str, Any], rules_for: RulesFor | None, current: Rules | None,
             mods: Sequence[str] | None) -> Rules:
    sc = doc["scenario"]
    if (current is not None and current.id == sc["id"] and current.content_hash == sc["content_hash"]
            and current.difficulty == sc["difficulty"]):
        return current
    folders = list(sc["mods"]) if mods is None else list(mods)
    gone = [m for m in folders if not Path(m).is_dir()]
    if gone:
        raise SaveError("unknown_scenario", f"this save was played with the mod folder(s) {', '.join(gone)}, which "
                                            "are not there any more. Put them back, or name where they are now "
                                            "with --mods DIR.")
    if sc.get("path"):
        return _rules_from_file(sc, rules_for, folders)
    try:
        rules = (rules_for or _cli_rules)(sc["id"], folders)
        if rules.difficulty != sc["difficulty"]:
            rules = with_difficulty(rules, sc["difficulty"])
    except (ValueError, LookupError) as e:
        raise SaveError("unknown_scenario", f"this save was played in the scenario '{sc['title']}' ({sc['id']}), "
                                            f"which cannot be loaded here: {_first_line(e)}. If it came from a mod, "
                                            "name the mod's folder with --mods DIR.") from None
    except Exception as e:  # the scenario loader belongs to another package: never let it become a traceback
        raise SaveError("unknown_scenario", f"the scenario '{sc['id']}' of this save cannot be loaded "
                                            f"({type(e).__name__}: {_first_line(e)}).") from None
    if rules.content_hash != sc["content_hash"]:
        same_game = doc["game_version"] == __version__
        fix = ("its scenario file or one of its mods was edited since: put back the version it was played with"
               if same_game else f"load it with Rapallo {doc['game_version']}, which it was saved with, and the "
                                 "same mods")
        raise SaveError("changed_scenario", f"the scenario '{sc['title']}' ({sc['id']}) has changed since this save "
                                            f"was made (content {sc['content_hash'][:12]} then, "
                                            f"{rules.content_hash[:12]} now), so the game would not replay the "
                                            f"same; {fix}.")
    return rules


def _rules_from_file(sc: dict[str, Any], rules_for: RulesFor | None, folders: Sequence[str]) -> Rules:
    """The rules of a game started from a scenario file: that file as it was, else the same scenario by id.

    The file is read first (its id may be a built-in one it was copied from). When it has moved or changed,
    a scenario of the same id and the very same content (installed since, or the file was built in) still
    plays the save; anything else is one sentence naming the file and what to do."""
    path = sc["path"]
    found = None
    if Path(path).is_file():
        found = _at_level(lambda: _cli_rules(path, folders), sc)
        if found is not None and found.content_hash == sc["content_hash"]:
            return found
    same = _at_level(lambda: (rules_for or _cli_rules)(sc["id"], folders), sc)
    if same is not None and same.content_hash == sc["content_hash"]:
        return same
    if found is None:
        raise SaveError("moved_scenario", f"this save was played from the scenario file {path}, which is not "
                                          "there any more (or cannot be read): put the file back there, or "
                                          "start a new game from where it is now.")
    raise SaveError("changed_scenario", f"the scenario file {path} has changed since this save was made "
                                        f"(content {sc['content_hash'][:12]} then, {found.content_hash[:12]} "
                                        "now), so the game would not replay the same; put back the version "
                                        "it was played with.")


def _at_level(make: Callable[[], Rules], sc: dict[str, Any]) -> Rules | None:
    """Rules made by ``make`` at the save's difficulty, or None when they cannot be made at all."""
    try:
        rules = make()
        return rules if rules.difficulty == sc["difficulty"] else with_difficulty(rules, sc["difficulty"])
    except Exception:  # noqa: BLE001 - an unreadable or broken file is reported as the file's, by the caller
        return None


def _cli_rules(scenario_id: str, mods: Sequence[str]) -> Rules:
    try:
        return load_rules(scenario_id, mods)
    except UsageError as e:
        raise LookupError(str(e)) from None


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return text[0] if text else type(e).__name__


# --- the snapshot -----------------------------------------------------------------------------------

def _snapshot(raw: Any, doc: dict[str, Any], rules: Rules) -> tuple[State | None, str, str]:
    """The saved state and its hash, if it reads and belongs to this game; otherwise None and why not."""
    try:
        state = State.from_dict(raw)
        digest = state.hash()
        if state.scenario != rules.id or state.seed != doc["seed"]:
            return None, "", "it belongs to another scenario or seed"
        if sorted(p for p, c in state.controllers.items() if c == "human") != sorted(doc["humans"]):
            return None, "", "its human powers are not the save's"
        if set(state.values) - set(rules.vars.defs):
            return None, "", "it has values this scenario does not define"
    except Exception as e:  # noqa: BLE001 - a hand-edited snapshot can break in any way: the log will decide
        return None, "", f"{type(e).__name__}: {_first_line(e)}"
    return state, digest, ""


def _sealed(doc: dict[str, Any]) -> bool:
    """True when the log, the turn hashes and the snapshot's hash are exactly as the game wrote them."""
    return doc["migrated_from"] is None and doc["seal"] == document.seal(doc)


def _rebuild(doc: dict[str, Any], rules: Rules, mods: Sequence[str] = ()) -> Game:
    try:
        game = replay(rules, doc["seed"], doc["humans"], doc["log"], chain=doc.get("chain", []),
                      mods=mods).game
        game.chain = list(doc.get("chain", []))
        return game
    except ReplayError as e:
        raise SaveError("bad_log", f"the save cannot be rebuilt: {e}. The file was changed or damaged; load an "
                                   "earlier save (see 'saves').") from None


def _why_rebuilt(doc: dict[str, Any], game: Game, snapshot_hash: str, problem: str, raw: Any) -> list[str]:
    where = f"turn {game.state.turn + 1} ({game.state.date})"
    if doc["migrated_from"] is not None:
        first = (f"This save was written in format {doc['migrated_from']} by an older version of the game; it was "
                 "converted and its command log replayed (the file itself is unchanged; saving again writes "
                 f"format {document.FORMAT_VERSION}).")
    else:
        first = ("This save was changed outside the game (its seal does not match), so the game was rebuilt by "
                 "replaying its command log.")
    if not snapshot_hash:
        return [first, f"Its saved state could not be used ({problem}); the game continues from the log, at {where}."]
    if snapshot_hash != game.state_hash():
        diffs = "; ".join(differences(raw, game.state.to_dict())) or "the details differ"
        return [first, f"Its saved state disagrees with its command log ({diffs}). The game continues from the log, "
                       f"at {where}; the file itself is unchanged."]
    if doc["migrated_from"] is not None:
        return [first]
    return [first, f"Its command log and its saved state agree; the game continues at {where}."]


def differences(a: Any, b: Any, limit: int = 3) -> list[str]:
    """The first few places where two JSON-like values differ, as 'path: A in the file, B by the log'."""
    out: list[str] = []
    _diff(a, b, "", out, limit)
    return out


def _diff(a: Any, b: Any, path: str, out: list[str], limit: int) -> None:
    if len(out) >= limit:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                out.append(f"{path}{k}: {'missing' if k not in a else 'extra'} in the file")
            else:
                _diff(a[k], b[k], f"{path}{k}.", out, limit)
            if len(out) >= limit:
                return
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            _diff(x, y, f"{path}{i}.", out, limit)
    elif a != b and not (isinstance(a, list) and isinstance(b, tuple) and list(b) == a):
        out.append(f"{path.rstrip('.') or 'state'}: {_brief(a)} in the file, {_brief(b)} by the log")


def _brief(v: Any) -> str:
    text = repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


def _power(doc: dict[str, Any]) -> str:
    humans = doc["humans"]
    return doc["power"] if doc["power"] in humans else (humans[0] if humans else "")
