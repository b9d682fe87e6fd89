"""Observer runs of a campaign scenario, as two Markdown tables for docs/CALIBRATION.md: how often
each outcome happens (the historical one marked, and whether the calibration bar is met: the
historical outcome the most common, every alternative listed with --alternative in 10% of runs or
more), and when each partner first recognises the hub power (runs, most common month, range).

    python tools/milestones.py [--scenario long_campaign_1921_1933] [--seeds 40] [--seed 1921] \\
        [--jobs 2] [--alternative broken_with_lo ...]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.scenario import load_rules  # noqa: E402
from game.sim import simulate  # noqa: E402


def outcome_table(rules: Any, runs: list[dict[str, Any]], alternatives: list[str]) -> list[str]:
    counts = Counter(r["outcome"] for r in runs)
    n = len(runs)
    lines = ["| Outcome | Runs | Share | History |", "|---|---|---|---|"]
    for o in rules.scenario.history.outcomes:
        if counts[o.id] or o.historical or o.id in alternatives:
            lines.append(f"| {o.title} (`{o.id}`) | {counts[o.id]} | {100 * counts[o.id] / n:.1f}% | "
                         f"{'yes' if o.historical else ''} |")
    hist = next((o.id for o in rules.scenario.history.outcomes if o.historical), None)
    modal = counts[hist] == max(counts.values())
    low = [a for a in alternatives if counts[a] < 0.1 * n]
    lines.append("")
    lines.append(f"Historical outcome the most common: {'yes' if modal else 'NO'}; every listed alternative in "
                 f"10% of runs or more: {'yes' if not low else 'NO (' + ', '.join(low) + ')'}.")
    return lines


def recognition_table(rules: Any, runs: list[dict[str, Any]]) -> list[str]:
    first: dict[str, list[str]] = defaultdict(list)
    for r in runs:
        seen: dict[str, str] = {}
        for t in sorted(r["treaties"], key=lambda t: t["date"]):
            if "recognition" in t["clauses"] and rules.hub in t["parties"]:
                for p in t["parties"]:
                    if p != rules.hub:
                        seen.setdefault(p, t["date"])
        for p, d in seen.items():
            first[p].append(d)
    lines = ["| Partner | Recognises in | Most common month | Range |", "|---|---|---|---|"]
    for p in rules.partners:
        ds = sorted(first.get(p, []))
        if not ds:
            lines.append(f"| {rules.scenario.powers[p].name} | 0/{len(runs)} | | |")
            continue
        month, _ = Counter(d[:7] for d in ds).most_common(1)[0]
        lines.append(f"| {rules.scenario.powers[p].name} | {len(ds)}/{len(runs)} | {month} | {ds[0]} .. {ds[-1]} |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scenario", default="long_campaign_1921_1933")
    ap.add_argument("--seeds", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1921, help="first seed")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--alternative", action="append", default=[], metavar="OUTCOME_ID",
                    help="an alternative outcome that must happen in 10%% of runs (repeat)")
    args = ap.parse_args()
    rules = load_rules(args.scenario)
    began = time.perf_counter()
    runs = simulate(rules, range(args.seed, args.seed + args.seeds), jobs=args.jobs)
    took = time.perf_counter() - began
    print(f"{args.seeds} observer runs of {rules.id} (seeds {args.seed}-{args.seed + args.seeds - 1}), "
          f"--jobs {args.jobs}: {took:.1f} s wall\n")
    print("\n".join(outcome_table(rules, runs, args.alternative)))
    print()
    print("\n".join(recognition_table(rules, runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
