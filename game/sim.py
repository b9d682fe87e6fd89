"""Observer mode: every power played by the AI, over many seeds.

Used by ``main.py simulate`` and by the calibration script: each run gives
its seed, number of turns, final state hash, the treaties signed, every
partner's status at the end, the scores, the scenario outcome and a
debrief (what happened and why, beside 1922).
"""
from __future__ import annotations

import multiprocessing as mp
from collections import Counter
from typing import Any, Callable, Iterable

from game.engine.debrief import debrief, render as render_debrief
from game.engine.game import Game
from game.engine.model.common import STATUS_NAMES
from game.engine.rules import Rules
from game.engine.scoring import outcome

_RULES: Rules | None = None


def run_one(rules: Rules, seed: int, turns: int | None = None) -> dict[str, Any]:
    game = Game.new(rules, seed=seed)
    game.run_to_end(max_turns=turns)
    return run_record(game)


def run_record(game: Game) -> dict[str, Any]:
    rules, state = game.rules, game.state
    treaties = [{"date": t.signed, "parties": [rules.hub, *t.partners], "clauses": [c.type for c in t.clauses]}
                for t in state.treaties]
    return {
        "seed": state.seed,
        "turns": len(game.turn_hashes),
        "state_hash": state.hash(),
        "treaties": treaties,
        "status": {p: STATUS_NAMES[state.status.get(p, 0)] for p in rules.partners},
        "scores": {p: float(v) for p, v in game.returns().items()},
        "outcome": outcome(rules, state),
        "debrief": render_debrief(debrief(rules, state)),
    }


def _init(rules: Rules) -> None:
    global _RULES
    _RULES = rules


def _work(args: tuple[int, int | None]) -> dict[str, Any]:
    assert _RULES is not None
    return run_one(_RULES, *args)


def simulate(rules: Rules, seeds: Iterable[int], turns: int | None = None, jobs: int = 1,
             progress: Callable[[int], None] | None = None) -> list[dict[str, Any]]:
    """Run one observer game per seed, in order of seed, on ``jobs`` processes."""
    seeds = list(seeds)
    tasks = [(s, turns) for s in seeds]
    if jobs <= 1 or len(seeds) <= 1:
        out = []
        for t in tasks:
            out.append(run_one(rules, *t))
            if progress:
                progress(1)
        return out
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(jobs, initializer=_init, initargs=(rules,)) as pool:
        out = []
        for rec in pool.imap(_work, tasks, chunksize=max(1, len(tasks) // (jobs * 8))):
            out.append(rec)
            if progress:
                progress(1)
    return out


def summary_lines(rules: Rules, runs: list[dict[str, Any]]) -> list[str]:
    """A readable report of many observer runs."""
    names = {o.id: o.title for o in rules.scenario.history.outcomes}
    hist = next((o.id for o in rules.scenario.history.outcomes if o.historical), None)
    lines = [f"{len(runs)} observer run(s) of {rules.scenario.title}"]
    if len(runs) <= 12:
        for r in runs:
            tr = "; ".join(f"{t['date']} {'+'.join(p for p in t['parties'] if p != rules.hub)}: "
                           f"{', '.join(t['clauses'])}" for t in r["treaties"]) or "no treaties"
            lines.append(f"  seed {r['seed']}: {names.get(r['outcome'], r['outcome'] or 'no outcome')} "
                         f"[{r['state_hash']}] - {tr}")
    counts = Counter(r["outcome"] for r in runs)
    lines.append("Outcomes:")
    for oid, n in counts.most_common():
        mark = " (history)" if oid == hist else ""
        lines.append(f"  {100 * n / len(runs):5.1f}%  {names.get(oid, oid or 'none')}{mark}")
    clause_pairs = Counter(f"{'+'.join(p for p in t['parties'] if p != rules.hub)}: {'+'.join(t['clauses'])}"
                           for r in runs for t in r["treaties"])
    if clause_pairs:
        lines.append("Most common treaties:")
        for key, n in clause_pairs.most_common(8):
            lines.append(f"  {n:5d}  {key}")
    avg = {p: sum(r["scores"][p] for r in runs) / len(runs) for p in runs[0]["scores"]} if runs else {}
    if avg:
        lines.append("Mean scores: " + ", ".join(f"{p} {v:.0f}" for p, v in avg.items()))
    return lines
