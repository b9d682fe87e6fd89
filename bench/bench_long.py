"""A long game stays flat: the AI's turn (CPU time), the size of the state (length of its JSON)
and the memory of the process at turns about 10, 60 and 150 of an observer run of the long campaign.

The long campaign (scenarios/long_campaign_1921_1933.yaml) has 122 turns; to reach turn 150 and
beyond, its end is moved on by whole years (quarterly turns after 1933, the scripted events long
past): the same engine and AI, a longer game. Run ``python -m bench.bench_long [--seeds N]
[--no-compact]``; ``--no-compact`` turns the compaction off to show what it saves. Prints numbers;
asserts nothing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import time
import tracemalloc

from bench.bench_engine import ai_turn_ms
from bench.common import machine
from game.engine import game as game_module
from game.engine.game import Game
from game.engine.rules import Rules
from game.scenario import load_rules

#: The turns read, each as the median of the five turns around it (one turn alone is too noisy).
CHECKPOINTS = (10, 60, 150)
WINDOW = 2
#: The game is stretched to at least this many turns.
TURNS = 160


def long_rules(turns: int = TURNS) -> Rules:
    rules = load_rules("long_campaign_1921_1933")
    end = rules.scenario.end
    while rules.last_turn + 1 < turns:
        end = end.replace(year=end.year + 1)
        rules = Rules(rules.scenario.model_copy(update={"end": end, "next": None}))
    return rules


def state_sizes(rules: Rules, seed: int) -> dict[int, int]:
    """{turn: length of the state's JSON} at the checkpoints of one run."""
    game = Game.new(rules, seed=seed)
    out: dict[int, int] = {}
    while not game.state.finished:
        if game.state.turn in CHECKPOINTS:
            out[game.state.turn] = len(json.dumps(game.state.to_dict()))
        game.run_to_end(max_turns=1)
    return out


def memory_peak(rules: Rules, seed: int) -> float:
    """Peak of the memory Python allocated (tracemalloc, MiB) while playing one whole run."""
    tracemalloc.start()
    try:
        Game.new(rules, seed=seed).run_to_end()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main() -> list[str]:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--no-compact", action="store_true")
    args = ap.parse_args()
    if args.no_compact:
        game_module.compact = lambda state: None  # type: ignore[assignment]
    rules = long_rules()
    lines = [f"{machine()}; scenario {rules.id} stretched to {rules.last_turn + 1} turns "
             f"({rules.scenario.start} to {rules.scenario.end}); compaction {'off' if args.no_compact else 'on'}; "
             f"{args.seeds} seeds"]
    print(lines[0], flush=True)
    seeds = range(1, args.seeds + 1)
    by_turn: dict[int, list[float]] = {}
    t = time.process_time()
    ai_turn_ms(rules, seeds, by_turn)
    cpu = (time.process_time() - t) / args.seeds
    sizes = [state_sizes(rules, seed) for seed in seeds]
    for turn in CHECKPOINTS:
        near = [ms for k in range(turn - WINDOW, turn + WINDOW + 1) for ms in by_turn.get(k, [])]
        got = [s[turn] for s in sizes if turn in s]
        if not near or not got:
            lines.append(f"turn {turn}: not reached")
        else:
            lines.append(f"turn {turn:>3}: AI turn {statistics.median(near):6.2f} ms CPU (median of turns "
                         f"{turn - WINDOW}-{turn + WINDOW}, {len(near)} turns), state "
                         f"{statistics.median(got) / 1024:7.1f} KiB (median)")
        print(lines[-1], flush=True)
    lines.append(f"one whole run: {cpu:.2f} s CPU (mean of {args.seeds}), all in one process: "
                 f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    print(lines[-1], flush=True)
    lines.append(f"peak Python memory over one whole run (tracemalloc, seed 1): {memory_peak(rules, 1):.1f} MiB")
    print(lines[-1], flush=True)
    return lines


if __name__ == "__main__":
    main()
