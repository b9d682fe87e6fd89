"""The command line of saves: ``replay``, ``saves``, and the glue for ``play --load``,
the autosave of ``play`` and ``simulate --save``.

Whatever goes wrong with a file reaches the user as one line on stderr and
exit status 2 (``UsageError``), never a traceback; ``replay --verify``
returns 1 when the replay diverges from the save.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Sequence

from game.errors import UsageError
from game.guarded import clean_for_terminal
from game.limits import existing_name
from game.engine.game import Game
from game.engine.rules import Rules
from game.saves import document
from game.saves.document import SaveMeta
from game.saves.errors import SaveError
from game.saves.session import Session, new_game_id
from game.saves.store import SaveStore, listing
from game.saves.verify import verify


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
    # play's options live in game/cli.py; the autosave that every terminal game gets is attached from here.
    play = sub.choices.get("play")
    if play is not None:
        play.set_defaults(autosave_hook=attach_saves)


# --- play ---------------------------------------------------------------------------------------

def load_for_play(args: argparse.Namespace) -> tuple[Game, str]:
    """The game and power of ``play --load SAVE``; UsageError if the save cannot be played."""
    store = SaveStore(getattr(args, "saves", None))
    try:
        session = Session.open(args.load, store, mods=_mods(args) or None)
    except SaveError as e:
        raise UsageError(str(e)) from None
    humans = session.game.humans()
    power = getattr(args, "as_power", None) or session.power
    if not humans:
        raise UsageError(f"{args.load}: this save is an observer run (every power played by the AI), so there is "
                         f"no power to play; watch it with: python main.py replay {args.load}")
    if power not in humans:
        raise UsageError(f"{args.load}: {power} is not played by a person in this save; "
                         f"the save's human power(s): {', '.join(humans)}")
    session.meta.power = power
    args.save_session = session      # attach_saves gives it to the terminal, which shows its notices
    return session.game, power


def attach_saves(app: Any, args: argparse.Namespace | None = None) -> Session:
    """Give a terminal game its session: undo, save/load commands, autosave every turn and on quitting."""
    session = getattr(args, "save_session", None)
    if session is None or session.game is not app.game:
        store = SaveStore(getattr(args, "saves", None))
        session = Session(app.game, app.power, store, SaveMeta(mods=_mods(args)))
    app.attach(session)
    return session


def _mods(args: argparse.Namespace | None) -> list[str]:
    """The ``--mods`` folders as absolute paths, so that a save finds them from any working folder."""
    return [str(Path(m).resolve()) for m in (getattr(args, "mods", None) or ())]


# --- simulate --save ------------------------------------------------------------------------------

def save_observer_run(rules: Rules, seed: int, turns: int | None, path: str, saves: str | None = None,
                      mods: Sequence[str] = ()) -> Path:
    """Play the observer game of ``seed`` again and save it (for tests and bug reports)."""
    store = SaveStore(saves)
    try:
        target = store.target(path)
    except SaveError as e:
        raise UsageError(str(e)) from None
    game = Game.new(rules, seed=seed)
    game.run_to_end(max_turns=turns)
    meta = SaveMeta(power="", game_id=new_game_id(), mods=[str(Path(m).resolve()) for m in mods],
                    name=target.stem, kind="observer")
    try:
        store.write(target, document.build(game, meta))
    except SaveError as e:
        raise UsageError(str(e)) from None
    print(f"Saved the observer run (seed {seed}, {len(game.turn_hashes)} turns) to {target}", file=sys.stderr)
    return target


# --- replay and saves ----------------------------------------------------------------------------

def cmd_replay(args: argparse.Namespace) -> int:
    store = SaveStore(args.saves)
    try:
        verdict = verify(store.resolve(args.save), mods=_mods(args) or None)
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
