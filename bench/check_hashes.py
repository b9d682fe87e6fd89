"""Speed work must not change what the AI does: observer games of every shipped scenario, run
to the end, must end on the same state hashes (and the same hash after every turn) as before.

    python -m bench.check_hashes --record FILE    # on the code before a change
    python -m bench.check_hashes --compare FILE   # on the code after it

Prints the games whose hashes differ and exits 1 if any does. Not a test: the recorded hashes
belong to one version of the code, and a change of behaviour made on purpose records anew.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys

from game.engine.game import Game
from game.scenario import load_rules

#: (scenario, seeds, turns: None for the whole game).
GAMES = (
    ("genoa_rapallo_1922", (1, 2, 3, 5, 7, 11, 1922), None),
    ("return_to_europe_1921", (1, 4), None),
    ("long_campaign_1921_1933", (1, 2), None),
)


def hashes() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for scenario, seeds, turns in GAMES:
        rules = load_rules(scenario)
        for seed in seeds:
            game = Game.new(rules, seed=seed)
            game.run_to_end(max_turns=turns) if turns else game.run_to_end()
            every = hashlib.sha256("".join(game.turn_hashes).encode()).hexdigest()[:16]
            out[f"{scenario}/{seed}"] = {"final": game.state_hash(), "turns": every}
            print(f"{scenario} seed {seed}: {game.state_hash()[:16]} ({len(game.turn_hashes)} turns)", flush=True)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--record")
    group.add_argument("--compare")
    args = ap.parse_args()
    got = hashes()
    if args.record:
        with open(args.record, "w") as f:
            json.dump(got, f, indent=1)
        return 0
    with open(args.compare) as f:
        want = json.load(f)
    bad = [k for k in want if want[k] != got.get(k)]
    for k in bad:
        print(f"DIFFERS: {k}")
    print("same hashes" if not bad else f"{len(bad)} of {len(want)} games differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
