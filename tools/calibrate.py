"""Calibrate a scenario against history: run many observer games over a grid
of parameter values and report how often each outcome happens.

    python tools/calibrate.py [--scenario PATH] [--seeds 100] [--jobs 2] \\
        --vary powers.germany.personality.reparations=1.2,1.6,2.0 \\
        --vary tuning.left_out_weight=0.25,0.35

Each --vary names a path into the scenario file (dots between keys) and the
values to try; the grid is every combination. With no --vary, the scenario
as written is measured. The historical outcome is marked; the calibration
bar for shipped scenarios is: the historical outcome is the most common, and
at least one other outcome happens in 10% of runs or more.
"""
from __future__ import annotations

import argparse
import copy
import itertools
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine.rules import Rules  # noqa: E402
from game.scenario.findings import errors  # noqa: E402
from game.scenario.loader import content_hash, load_scenario, validate_data  # noqa: E402
from game.sim import simulate  # noqa: E402


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")
    node = data
    for k in keys[:-1]:
        node = node[int(k)] if isinstance(node, list) else node.setdefault(k, {})
    last = keys[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value


def _number(text: str) -> Any:
    try:
        return int(text) if text.lstrip("-").isdigit() else float(text)
    except ValueError:
        return text


def rules_with(base: dict[str, Any], source: Any, changes: dict[str, Any]) -> Rules:
    data = copy.deepcopy(base)
    for path, value in changes.items():
        _set(data, path, value)
    scenario, findings = validate_data(data, source)
    if scenario is None or errors(findings):
        raise SystemExit("\n".join(str(f) for f in findings))
    return Rules(scenario, content_hash(scenario))


def distribution(rules: Rules, seeds: int, first: int, jobs: int) -> Counter:
    runs = simulate(rules, range(first, first + seeds), jobs=jobs)
    return Counter(r["outcome"] for r in runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scenario", default="scenarios/genoa_rapallo_1922.yaml")
    ap.add_argument("--seeds", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1000, help="first seed")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--vary", action="append", default=[], metavar="PATH=V1,V2,...")
    args = ap.parse_args()
    loaded = load_scenario(args.scenario)       # with what it extends merged in
    data, source, findings = loaded.data, loaded.source, loaded.findings
    if data is None or errors(findings):
        print("\n".join(str(f) for f in findings), file=sys.stderr)
        return 2
    axes = []
    for spec in args.vary:
        path, _, values = spec.partition("=")
        axes.append([(path, _number(v)) for v in values.split(",")])
    grid = list(itertools.product(*axes)) if axes else [()]
    base_rules = rules_with(data, source, {})
    outcomes = [o.id for o in base_rules.scenario.history.outcomes]
    hist = next((o.id for o in base_rules.scenario.history.outcomes if o.historical), None)
    print("  ".join(f"{o[:14]:>14}" for o in outcomes) + "   ok  setting")
    for point in grid:
        changes = dict(point)
        rules = rules_with(data, source, changes)
        dist = distribution(rules, args.seeds, args.seed, args.jobs)
        shares = {o: 100 * dist.get(o, 0) / args.seeds for o in outcomes}
        top = max(shares, key=lambda o: shares[o])
        others = [o for o in outcomes if o != hist and shares[o] >= 10]
        ok = "yes" if top == hist and others else "no"
        label = ", ".join(f"{k}={v}" for k, v in changes.items()) or "(as written)"
        print("  ".join(f"{shares[o]:13.0f}%" for o in outcomes) + f"  {ok:>3}  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
