"""The command line: ``python main.py [COMMAND] ...``.

Every failure a user can cause (an unknown scenario, a broken file, a bad
option) ends with a one-line message on stderr and exit status 2, never a
traceback. Subcommands register themselves from their own modules
through ``SUBCOMMANDS`` so that each part of the game owns its options.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from typing import Callable, Sequence

from game import __version__
from game.errors import UsageError, fail
from game.scenario import load_rules, mod_dirs as _mod_dirs

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

#: Modules with a ``register(subparsers)`` function adding their subcommands.
SUBCOMMANDS = ("game.cli", "game.scenario.commands", "game.saves.commands")




class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own errors: usage line + message, exit 2
        self.print_usage(sys.stderr)
        raise UsageError(message)


def default_scenario() -> str:
    return "genoa_rapallo_1922"


# --- play -------------------------------------------------------------------------------

def display_available() -> tuple[bool, str]:
    """Whether a window can open here, and if not, why."""
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return False, "SDL_VIDEODRIVER is set to a headless driver"
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False, "no display was found (DISPLAY is not set)"
    return True, ""


def window_entry() -> Callable[[argparse.Namespace], int] | None:
    try:
        module = importlib.import_module("game.ui.app")
    except ImportError:
        return None
    return getattr(module, "run_window", None)


def cmd_play(args: argparse.Namespace) -> int:
    if not args.text:
        ok, why = display_available()
        run_window = window_entry()
        if ok and run_window is not None:
            return run_window(args)
        if run_window is None:
            why = "the game window is not available in this build"
        print(f"Playing in the terminal: {why}. (Use --text to choose this directly.)", file=sys.stderr)
    return play_text(args)


def play_text(args: argparse.Namespace) -> int:
    from game.engine.game import Game
    from game.text.app import TextApp
    load = getattr(args, "load", None)
    if load:
        from game.saves.commands import load_for_play
        game, power = load_for_play(args)
    else:
        rules = load_rules(args.scenario, getattr(args, "mods", None) or ())
        power = args.as_power or rules.hub
        if power not in rules.scenario.powers:
            raise fail(f"unknown power {power!r}; powers: {', '.join(rules.powers)}")
        if not rules.scenario.powers[power].playable:
            raise fail(f"{power} is not playable in this scenario")
        from game.engine.difficulty import with_difficulty
        game = Game.new(with_difficulty(rules, args.difficulty), seed=args.seed, humans=[power])
    app = TextApp(game, power)
    hook = getattr(args, "autosave_hook", None)
    if hook:
        hook(app, args)
    return app.run()


# --- scenarios ---------------------------------------------------------------------------

def cmd_scenarios(args: argparse.Namespace) -> int:
    from game.scenario.catalog import catalog
    entries = catalog(_mod_dirs(getattr(args, "mods", None) or ()))
    if args.json:
        print(json.dumps([e.to_dict() for e in entries], indent=2))
        return 0
    for e in entries:
        if e.playable:
            print(f"{e.id}\n    {e.title} ({e.start} to {e.end})\n    powers: {', '.join(e.powers)}")
        else:
            print(f"{e.id}\n    {e.title}: cannot be played; the checker says:")
            for f in e.findings[:5]:
                print(f"      {f.plain()}")
    return 0


# --- simulate ----------------------------------------------------------------------------

def cmd_simulate(args: argparse.Namespace) -> int:
    from game.sim import simulate, summary_lines
    rules = load_rules(args.scenario, getattr(args, "mods", None) or ())
    if args.seeds < 1 or args.jobs < 1 or (args.turns is not None and args.turns < 1):
        raise fail("--seeds, --jobs and --turns must be at least 1")
    first = rules.scenario.seed if args.seed is None else args.seed
    seeds = range(first, first + args.seeds)
    bar = None
    if not args.json and args.seeds > 1 and sys.stderr.isatty():
        from tqdm import tqdm
        bar = tqdm(total=args.seeds, unit="run", file=sys.stderr)
    runs = simulate(rules, seeds, args.turns, args.jobs, bar.update if bar else None)
    if bar:
        bar.close()
    save = getattr(args, "save", None)
    if save:
        from game.saves.commands import save_observer_run
        save_observer_run(rules, first, args.turns, save, args.saves, getattr(args, "mods", None) or ())
    if args.json:
        print(json.dumps({"scenario": rules.id, "runs": runs}, indent=1))
    else:
        print("\n".join(summary_lines(rules, runs)))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("play", help="play a scenario (the window, or --text for the terminal)")
    p.add_argument("--text", action="store_true", help="play in the terminal")
    p.add_argument("--scenario", default=default_scenario(), metavar="ID")
    p.add_argument("--as", dest="as_power", metavar="POWER", help="the power you play (default: the hub power)")
    p.add_argument("--seed", type=int, default=None, metavar="N")
    p.add_argument("--difficulty", choices=("easy", "normal", "hard"), default="normal",
                   help="how well you read the other side and the AI reads you (default: normal)")
    p.add_argument("--mods", action="append", metavar="DIR", help="also install the mods in DIR (repeatable)")
    p.add_argument("--load", metavar="SAVE", help="continue a saved game (a file, or a name in the saves folder)")
    p.add_argument("--saves", metavar="DIR", help="the saves folder (default: $RAPALLO_SAVES or saves/)")
    p.set_defaults(func=cmd_play)
    s = sub.add_parser("scenarios", help="list the scenarios")
    s.add_argument("--json", action="store_true")
    s.add_argument("--mods", action="append", metavar="DIR", help="also install the mods in DIR (repeatable)")
    s.set_defaults(func=cmd_scenarios)
    m = sub.add_parser("simulate", help="observer mode: every power played by the AI")
    m.add_argument("--scenario", required=True, metavar="ID")
    m.add_argument("--seeds", type=int, default=1, metavar="N", help="number of runs (seeds S, S+1, ...)")
    m.add_argument("--seed", type=int, default=None, metavar="S", help="first seed (default: the scenario's)")
    m.add_argument("--turns", type=int, default=None, metavar="N", help="stop after N turns")
    m.add_argument("--jobs", type=int, default=1, metavar="J", help="processes to run in parallel")
    m.add_argument("--json", action="store_true", help="print one JSON document")
    m.add_argument("--mods", action="append", metavar="DIR", help="also install the mods in DIR (repeatable)")
    m.add_argument("--save", metavar="FILE", help="save the run of the first seed (a file, or a name in the saves folder)")
    m.add_argument("--saves", metavar="DIR", help="the saves folder (default: $RAPALLO_SAVES or saves/)")
    m.set_defaults(func=cmd_simulate)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="Rapallo: Soviet diplomacy from the NEP to Rapallo and beyond.")
    parser.add_argument("--version", action="version", version=f"Rapallo {__version__}")
    parser.add_argument("--screenshot", metavar="FILE", help="render a screen to a PNG and exit")
    parser.add_argument("--screen", default="menu", metavar="NAME")
    parser.add_argument("--scenario", dest="shot_scenario", default=None, metavar="ID")
    parser.add_argument("--frames", type=int, default=3, metavar="N")
    parser.add_argument("--size", default="1280x720", metavar="WxH")
    parser.add_argument("--text-size", dest="text_size", default="normal", metavar="SIZE",
                        help="small, normal, large or largest (screenshots)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.screenshot:
            return _screenshot(args)
        if args.command is None:
            args = parser.parse_args(["play", *(["--scenario", args.shot_scenario] if args.shot_scenario else [])])
        return int(args.func(args) or 0)
    except UsageError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _screenshot(args: argparse.Namespace) -> int:
    try:
        from game.ui.screenshot import screenshot
    except ImportError:
        raise fail("screenshots need the game window, which is not available in this build") from None
    return screenshot(args)
