"""A long game stays flat: state size (len of its JSON) and the AI's turn (CPU time) at turns 10, 50, 150.

The long campaign (scenarios/long_campaign_1921_1933.yaml) is used when it exists; otherwise Return to
Europe stretched to November 1933 with monthly turns, which drives the same engine over 150+ turns.
Run ``python -m bench.bench_long [--seeds N] [--no-compact]``; ``--no-compact`` turns the compaction
off to show what it saves. Prints numbers; asserts nothing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time

from bench.common import machine
from game.engine import game as game_module
from game.engine.game import Game
from game.engine.rules import Rules
from game.errors import UsageError
from game.scenario import load_rules

CHECKPOINTS = (10, 50, 150)


def long_rules() -> Rules:
    try:
        return load_rules("long_campaign_1921_1933")
    except (UsageError, ValueError, LookupError):
        rules = load_rules("return_to_europe_1921")
        return Rules(rules.scenario.model_copy(update={"end": dt.date(1933, 11, 30), "next": None}))


def one_run(rules: Rules, seed: int) -> dict[int, tuple[int, float]]:
    """{turn: (state JSON length, AI CPU ms of that turn)} at the checkpoints."""
    game = Game.new(rules, seed=seed)
    out: dict[int, tuple[int, float]] = {}
    run_ai = game._run_ai
    times: list[float] = []

    def timed(power: str) -> None:
        t = time.process_time()
        run_ai(power)
        times[-1] += (time.process_time() - t) * 1000

    begin = game._begin_turn

    def begin_turn() -> None:
        times.append(0.0)
        begin()

    game._run_ai = timed  # type: ignore[method-assign]
    game._begin_turn = begin_turn  # type: ignore[method-assign]
    times.append(0.0)
    while not game.state.finished:
        turn = game.state.turn
        if turn in CHECKPOINTS:
            # the AI turn just measured is this turn's (the AI acts as the turn begins)
            out[turn] = (len(json.dumps(game.state.to_dict())), times[-1])
        game.run_to_end(max_turns=1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--no-compact", action="store_true")
    args = ap.parse_args()
    if args.no_compact:
        game_module.compact = lambda state: None  # type: ignore[assignment]
    rules = long_rules()
    print(f"{machine()}; scenario {rules.id} ({rules.last_turn + 1} turns, {rules.scenario.start} to "
          f"{rules.scenario.end}); compaction {'off' if args.no_compact else 'on'}; {args.seeds} seeds")
    runs = [one_run(rules, seed) for seed in range(1, args.seeds + 1)]
    for turn in CHECKPOINTS:
        got = [r[turn] for r in runs if turn in r]
        if not got:
            print(f"turn {turn}: not reached")
            continue
        size = statistics.median(g[0] for g in got)
        ms = statistics.median(g[1] for g in got)
        print(f"turn {turn:>3}: state {size / 1024:8.1f} KiB (median), AI turn {ms:6.2f} ms CPU (median)")


if __name__ == "__main__":
    main()
