"""The command line of ``main.py balance``, kept apart from the bots so that the launcher can list
its options without loading the engine (the main menu starts without it)."""
from __future__ import annotations

import argparse
import json

from game import limits
from game.errors import fail
from game.scenario import load_rules

#: The strategies of ``game.bots.BOTS``, named here so that parsing the command line loads no engine;
#: a test keeps the two lists equal.
BOT_NAMES = ("capitulate", "greedy", "historical", "spam")


def cmd_balance(args: argparse.Namespace) -> int:
    rules = load_rules(args.scenario, getattr(args, "mods", None) or ())
    if args.as_power not in rules.scenario.powers:
        raise fail(f"--as {args.as_power}: no such power in {rules.id} "
                   f"(one of: {', '.join(rules.scenario.powers)})")
    first = rules.scenario.seed if args.seed is None else args.seed
    if first + args.seeds - 1 > limits.MAX_SEED:
        raise fail(f"--seed {first} with --seeds {args.seeds} runs past the largest seed ({limits.MAX_SEED})")
    from game.balance import balance, lines
    report = balance(rules, args.as_power, args.bot, list(range(first, first + args.seeds)))
    print(json.dumps(report, indent=1) if args.json else "\n".join(lines(report)))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("balance", help="score a scripted strategy playing one seat, over many seeds")
    b.add_argument("--scenario", required=True, metavar="ID")
    b.add_argument("--as", dest="as_power", required=True, metavar="POWER", help="the seat the bot plays")
    b.add_argument("--bot", required=True, choices=BOT_NAMES, help="the strategy")
    b.add_argument("--seeds", type=limits.integer("the number of seeds", 1, 10**4), default=10, metavar="N", help="number of runs (seeds S, S+1, ...)")
    b.add_argument("--seed", type=limits.seed, default=None, metavar="S", help="first seed (default: the scenario's)")
    b.add_argument("--json", action="store_true", help="print one JSON document")
    b.add_argument("--mods", action="append", metavar="DIR", help="also install the mods in DIR (repeatable)")
    b.set_defaults(func=cmd_balance)
