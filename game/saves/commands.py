"""The command line of saves: ``replay``, ``saves``, and what the launcher calls
for ``play`` in the terminal (a session that autosaves, new or loaded) and
for ``simulate --save``.

Whatever goes wrong with a file reaches the user as one line on stderr and
exit status 2 (``UsageError``), never a traceback; ``replay --verify``
returns 1 when the replay diverges from the save.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from game.errors import UsageError
from game.guarded import clean_for_terminal
from game.limits import existing_name
from game.saves import document
from game.saves.document import SaveMeta
from game.saves.errors import SaveError
from game.saves.store import SaveStore, listing

if TYPE_CHECKING:  # the engine loads when a command runs, not when the launcher lists its options
    from game.engine.game import Game
    from game.engine.rules import Rules
    from game.saves.session import Session


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("replay", help="replay a save from its seed; --verify checks every turn against the save")
    r.add_argument("save", type=existing_name, metavar="SAVE", help="a save file, or the name of a save in the saves folder")
    r.add_argument("--verify", action="store_true",
                   help="compare every turn's state hash with the save's: exit 0 all match, 1 a divergence")
    r.add_argument("--saves", metavar="DIR", help="the saves folder (default: $RAPALLO_SAVES or saves/)")
    r.add_argument("--mods", action="append", metavar="DIR", help="mod folders (default: those the save names)")
    r.set_defaults(func=cmd_replay)
    s = sub.add_parser("saves", help="list the saves: scenario, power, game date, real date")
    s.add_argument("--saves", metavar="DIR", help="the saves folder (default: $RAPALLO_SAVES or saves/)")
    s.add_argument("--json", action="store_true", help="print one JSON document")
    s.set_defaults(func=cmd_saves)


# --- play ---------------------------------------------------------------------------------------

def session_for_play(game: Game, power: str, saves: str | None = None, mods: Sequence[str] = (),
                     scenario: str = "") -> Session:
    """A new terminal game's session: undo, save/load commands, autosave every turn and on quitting.
    ``scenario`` is what ``--scenario`` named: when it is a file, its saves record where it is."""
    from game.saves.session import Session
    return Session(game, power, SaveStore(saves), SaveMeta(mods=_absolute(mods), scenario_path=scenario_file(scenario)))


def scenario_file(ref: str) -> str:
    """The absolute path of a scenario named by file (as ``load_rules`` tells a path from an id), else ""."""
    if ref and (ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref):
        return str(Path(ref).resolve())
    return ""


def load_for_play(ref: str, power: str | None = None, saves: str | None = None,
                  mods: Sequence[str] = ()) -> Session:
    """The session of ``play --load SAVE``; UsageError if the save cannot be played."""
    from game.saves.session import Session
    store = SaveStore(saves)
    try:
        session = Session.open(ref, store, mods=_absolute(mods) or None)
    except SaveError as e:
        raise UsageError(str(e)) from None
    humans = session.game.humans()
    power = power or session.power
    if not humans:
        raise UsageError(f"{ref}: this save is an observer run (every power played by the AI), so there is "
                         f"no power to play; watch it with: python main.py replay {ref}")
    if power not in humans:
        raise UsageError(f"{ref}: {power} is not played by a person in this save; "
                         f"the save's human power(s): {', '.join(humans)}")
    session.meta.power = power
    return session


def _absolute(mods: Sequence[str] | None) -> list[str]:
    """The ``--mods`` folders as absolute paths, so that a save finds them from any working folder."""
    return [str(Path(m).resolve()) for m in (mods or ())]


# --- simulate --save ------------------------------------------------------------------------------

def save_observer_run(rules: Rules, seed: int, turns: int | None, path: str, saves: str | None = None,
                      mods: Sequence[str] = ()) -> Path:
    """Play the observer game of ``seed`` again and save it (for tests and bug reports)."""
    from game.engine.game import Game
    from game.saves.session import new_game_id
    store = SaveStore(saves)
    try:
        target = store.target(path)
    except SaveError as e:
        raise UsageError(str(e)) from None
    game = Game.new(rules, seed=seed)
    game.run_to_end(max_turns=turns)
    meta = SaveMeta(power="", game_id=new_game_id(), mods=_absolute(mods),
                    name=target.stem, kind="observer")
    try:
        store.write(target, document.build(game, meta))
    except SaveError as e:
        raise UsageError(str(e)) from None
    print(f"Saved the observer run (seed {seed}, {len(game.turn_hashes)} turns) to {target}", file=sys.stderr)
    return target


# --- replay and saves ----------------------------------------------------------------------------

def cmd_replay(args: argparse.Namespace) -> int:
    from game.saves.verify import verify
    store = SaveStore(args.saves)
    try:
        verdict = verify(store.resolve(args.save), mods=_absolute(args.mods) or None)
    except SaveError as e:
        raise UsageError(str(e)) from None
    if not args.verify:
        last = None
        for turn, date, command in verdict.story:
            head = f"turn {turn + 1:>3}  {date}" if turn != last else " " * 20
            print(f"{head}  {clean_for_terminal(command)}")
            last = turn
    print(clean_for_terminal(verdict.summary(), keep_newlines=True))
    return verdict.status if args.verify else 0


def cmd_saves(args: argparse.Namespace) -> int:
    store = SaveStore(args.saves)
    infos = store.list()
    if args.json:
        print(json.dumps({"folder": str(store.folder), "saves": [i.to_dict() for i in infos]}, indent=1))
        return 0
    if not infos:
        print(f"No saves in {store.folder} yet.")
        return 0
    print(f"Saves in {store.folder}, newest first:")
    print("\n".join(listing(infos)))
    return 0
