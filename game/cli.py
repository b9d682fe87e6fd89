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
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from game import __version__, limits
from game.errors import UsageError, fail
from game.scenario import load_rules, mod_dirs as _mod_dirs

if TYPE_CHECKING:
    from game.saves.session import Session

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

# Whether a window can open (and the start benchmark's switch) live below the launcher: the classroom host asks too.
from game.display import FIRST_FRAME_ONLY, display_available  # noqa: E402,F401

#: Modules with a ``register(subparsers)`` function adding their subcommands.
SUBCOMMANDS = ("game.cli", "game.scenario.commands", "game.saves.commands", "game.balance_commands",
               "game.classroom.commands", "game.net.commands")




class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own errors: one line with a pointer to --help, exit 2
        raise UsageError(f"{message} (see: {self.prog} --help)")


def default_scenario() -> str:
    return "genoa_rapallo_1922"


# --- play -------------------------------------------------------------------------------

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
            if args.load or args.campaign:      # the window opens on that game, not on the menu
                args.session = play_session(args)
            return run_window(args)
        if run_window is None:
            why = "the game window is not available in this build"
        print(f"Playing in the terminal: {why}. (Use --text to choose this directly.)", file=sys.stderr)
    return play_text(args)


def play_session(args: argparse.Namespace) -> "Session":
    """The game ``play`` asks for (``--load SAVE``, or ``--scenario`` as ``--as`` with ``--seed``), as a session
    that autosaves; UsageError (one line, exit 2) for a save or scenario that cannot be played."""
    from game.engine.difficulty import with_difficulty
    from game.engine.game import Game
    from game.saves.commands import load_for_play, session_for_play
    if args.load:
        session = load_for_play(args.load, args.as_power, args.saves, args.mods or ())
    else:
        rules = load_rules(args.scenario, args.mods or ())
        power = args.as_power or rules.hub
        if power not in rules.scenario.powers:
            raise fail(f"unknown power {power!r}; powers: {', '.join(rules.powers)}")
        if not rules.scenario.powers[power].playable:
            raise fail(f"{power} is not playable in this scenario")
        game = Game.new(with_difficulty(rules, args.difficulty), seed=args.seed, humans=[power])
        session = session_for_play(game, power, args.saves, args.mods or (), scenario=args.scenario)
    return session


def play_text(args: argparse.Namespace) -> int:
    from game.text.app import TextApp
    session = play_session(args)
    app = TextApp(session.game, session.power, campaign=args.campaign)
    app.attach(session)
    status = app.run()
    if app.failure:             # the game is autosaved by now: the message is the last thing said
        raise fail(app.failure)
    return status


# --- scenarios ---------------------------------------------------------------------------

def cmd_scenarios(args: argparse.Namespace) -> int:
    from game.scenario.catalog import catalog
    entries = catalog(_mod_dirs(args.mods or ()))
    if args.json:
        print(json.dumps([e.to_dict() for e in entries], indent=2))
        return 0
    for e in entries:       # titles come from YAML files: cleaned before they reach the terminal
        if e.playable:
            _say(f"{e.id}\n    {e.title} ({e.start} to {e.end})\n    powers: {', '.join(e.powers)}")
        else:
            _say(f"{e.id}\n    {e.title}: cannot be played; the checker says:")
            for f in e.findings[:5]:
                _say(f"      {f.plain()}")
    return 0


def _say(text: str) -> None:
    """Print text that holds words from scenario files, without their control characters or escape codes."""
    from game.guarded import clean_for_terminal
    print(clean_for_terminal(text, keep_newlines=True))


# --- simulate ----------------------------------------------------------------------------

def cmd_simulate(args: argparse.Namespace) -> int:
    from game.sim import Tally, iter_runs, summary_lines
    rules = load_rules(args.scenario, args.mods or ())
    first = rules.scenario.seed if args.seed is None else args.seed
    if first + args.seeds - 1 > limits.MAX_SEED:
        raise fail(f"--seed {first} with --seeds {args.seeds} runs past the largest seed ({limits.MAX_SEED})")
    seeds = range(first, first + args.seeds)        # a range is lazy: a million seeds are never listed
    bar = None
    if not args.json and args.seeds > 1 and sys.stderr.isatty():
        from tqdm import tqdm
        bar = tqdm(total=args.seeds, unit="run", file=sys.stderr)
    more = {"chain": True} if args.continue_ else {}     # a campaign's later parts, only when asked
    runs = iter_runs(rules, seeds, args.turns, min(args.jobs, args.seeds), bar.update if bar else None, **more)
    if args.continue_:
        from game.sim import last_part
        rules = last_part(rules)            # the runs end in the campaign's last part
    tally = Tally(rules.hub)
    if args.json:       # streamed: one run per line as it finishes
        sys.stdout.write('{"scenario": %s, "runs": [' % json.dumps(rules.id))
        for i, run in enumerate(runs):
            sys.stdout.write(("," if i else "") + "\n " + json.dumps(run))
        sys.stdout.write("\n]}\n")
    else:
        for run in runs:
            tally.add(run)
    if bar:
        bar.close()
    if args.save:
        from game.saves.commands import save_observer_run
        save_observer_run(rules, first, args.turns, args.save, args.saves, args.mods or ())
    if not args.json:
        _say("\n".join(summary_lines(rules, tally)))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("play", help="play a scenario (the window, or --text for the terminal)")
    p.add_argument("--text", action="store_true", help="play in the terminal")
    p.add_argument("--scenario", default=default_scenario(), metavar="ID")
    p.add_argument("--as", dest="as_power", metavar="POWER", help="the power you play (default: the hub power)")
    p.add_argument("--seed", type=limits.seed, default=None, metavar="N")
    p.add_argument("--difficulty", choices=("easy", "normal", "hard"), default="normal",
                   help="how well you read the other side and the AI reads you (default: normal)")
    p.add_argument("--mods", action="append", metavar="DIR", help="also install the mods in DIR (repeatable)")
    p.add_argument("--load", type=limits.existing_name, metavar="SAVE", help="continue a saved game (a file, or a name in the saves folder)")
    p.add_argument("--saves", metavar="DIR", help="the saves folder (default: $RAPALLO_SAVES or saves/)")
    p.add_argument("--campaign", "--continue", dest="campaign", action="store_true",
                   help="at the end of a scenario with a next part (1921, then Genoa), play on into it without "
                        "asking; with --load, a finished part goes straight on into the next")
    p.add_argument("--lang", default=argparse.SUPPRESS, metavar="CODE", help="the language of the game's own words, e.g. de")
    p.set_defaults(func=cmd_play)
    s = sub.add_parser("scenarios", help="list the scenarios")
    s.add_argument("--json", action="store_true")
    s.add_argument("--mods", action="append", metavar="DIR", help="also install the mods in DIR (repeatable)")
    s.set_defaults(func=cmd_scenarios)
    m = sub.add_parser("simulate", help="observer mode: every power played by the AI")
    m.add_argument("--scenario", required=True, metavar="ID")
    m.add_argument("--seeds", type=limits.seeds, default=1, metavar="N",
                   help=f"number of runs (seeds S, S+1, ...; at most {limits.MAX_SEEDS})")
    m.add_argument("--seed", type=limits.seed, default=None, metavar="S", help="first seed (default: the scenario's)")
    m.add_argument("--turns", type=limits.turns, default=None, metavar="N", help="stop after N turns")
    m.add_argument("--jobs", type=limits.jobs, default=1, metavar="J",
                   help=f"processes to run in parallel (at most {limits.JOBS_PER_CORE} per core)")
    m.add_argument("--json", action="store_true", help="print one JSON document")
    m.add_argument("--continue", dest="continue_", action="store_true",
                   help="carry each run on through the scenario's next: parts to the end of the campaign")
    m.add_argument("--mods", action="append", metavar="DIR", help="also install the mods in DIR (repeatable)")
    m.add_argument("--save", type=limits.save_name, metavar="FILE", help="save the run of the first seed (a file, or a name in the saves folder)")
    m.add_argument("--saves", metavar="DIR", help="the saves folder (default: $RAPALLO_SAVES or saves/)")
    m.set_defaults(func=cmd_simulate)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="Rapallo: Soviet diplomacy from the NEP to Rapallo and beyond.")
    parser.add_argument("--version", action="version", version=f"Rapallo {__version__}")
    parser.add_argument("--screenshot", metavar="FILE", help="render a screen to a PNG and exit")
    parser.add_argument("--screen", default="menu", metavar="NAME")
    parser.add_argument("--scenario", dest="shot_scenario", default=None, metavar="ID")
    parser.add_argument("--frames", type=limits.frames, default=3, metavar="N",
                        help=f"frames to draw before the screenshot (at most {limits.MAX_FRAMES})")
    parser.add_argument("--size", default="1280x720", metavar="WxH")
    parser.add_argument("--text-size", dest="text_size", default="normal", metavar="SIZE",
                        help="small, normal, large or largest (screenshots)")
    parser.add_argument("--ui-scale", dest="ui_scale", default=None, metavar="FACTOR",
                        help="the UI scale of Settings, 0.75 to 2.0 (screenshots; default 1)")
    parser.add_argument("--lang", default=None, metavar="CODE",
                        help="the language of the game's own words, e.g. de (default: the one chosen in Settings, "
                             "else English)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; every failure a person can cause ends as one line on stderr and exit 2.

    Exit 1 keeps only its documented meanings (validate: errors found; replay --verify: diverges).
    """
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        _language(getattr(args, "lang", None))
        if args.screenshot:
            status = _screenshot(args)
        else:
            if args.command is None:
                args = parser.parse_args(["play", *(["--scenario", args.shot_scenario] if args.shot_scenario else [])])
            status = int(args.func(args) or 0)
        sys.stdout.flush()      # a closed pipe shows here, inside the boundary, not at exit
        return status
    except UsageError as e:
        return _error(str(e))
    except BrokenPipeError:
        return _broken_pipe()
    except OSError as e:
        return _error(_os_message(e))
    except UnicodeError as e:
        return _error(f"text that is not valid UTF-8 or cannot be shown ({_reason(e)}); check the file or the name")
    except MemoryError:
        return _error("out of memory: the input is far larger than any scenario or save")
    except RecursionError:
        return _error("the input is nested too deeply to read")
    except KeyboardInterrupt:
        return 130


def _language(code: str | None) -> None:
    if code is None:
        return
    from game import i18n
    try:
        i18n.set_language(code, pin=True)
    except ValueError as e:
        raise fail(f"--lang: {e}") from None


def _error(message: str) -> int:
    from game.guarded import clean_for_terminal
    try:
        print(f"error: {clean_for_terminal(message)}", file=sys.stderr)
    except (OSError, ValueError):
        pass
    return 2


def _broken_pipe() -> int:
    """The reader of our output went away (``simulate | head``): stop quietly, as Unix tools do.

    stdout is pointed at /dev/null so that Python's flush at exit does not complain a second time.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
    return _error("the output was closed before everything was written (a broken pipe)")


def _os_message(e: OSError) -> str:
    import errno
    from game.guarded import display_path
    where = f"{display_path(e.filename)}: " if e.filename else ""
    if e.errno == errno.ENAMETOOLONG:
        return f"{where}the name is longer than the file system allows"
    if e.errno == errno.ENOTDIR:
        return f"{where}a part of this path is a file, not a folder"
    if e.errno == errno.EISDIR:
        return f"{where}this is a folder; give a file name"
    if e.errno == errno.ENOSPC:
        return f"{where}the disk is full"
    return f"{where}{e.strerror or _reason(e)}"


def _reason(e: BaseException) -> str:
    text = str(e).splitlines()[0] if str(e) else type(e).__name__
    return text[:160]


def _screenshot(args: argparse.Namespace) -> int:
    out = Path(args.screenshot)
    if not args.screenshot.strip() or args.screenshot.endswith(("/", os.sep)) or out.is_dir():
        raise fail(f"--screenshot {args.screenshot!r} is a folder; give a file name such as shot.png")
    if not out.parent.is_dir() and out.parent.exists():
        raise fail(f"--screenshot: {out.parent} is not a folder")
    try:
        from game.ui.screenshot import screenshot
    except ImportError:
        raise fail("screenshots need the game window, which is not available in this build") from None
    return screenshot(args)
