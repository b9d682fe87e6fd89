"""Observer mode: every power played by the AI, over many seeds.

Used by ``main.py simulate`` and by the calibration script: each run gives
its seed, number of turns, final state hash, the treaties signed, every
partner's status at the end, the scores, the scenario outcome and a
debrief (what happened and why, beside 1922).
"""
from __future__ import annotations

import multiprocessing as mp
from collections import Counter
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from game.engine.debrief import debrief, render as render_debrief
from game.engine.game import Game
from game.engine.model.common import STATUS_NAMES
from game.engine.rules import Rules
from game.engine.scoring import outcome

_RULES: Rules | None = None


def run_one(rules: Rules, seed: int, turns: int | None = None, chain: bool = False) -> dict[str, Any]:
    """One observer game; with ``chain``, carried on through every ``next:`` scenario to the campaign's end."""
    game = Game.new(rules, seed=seed)
    game.run_to_end(max_turns=turns)
    parts = [rules.id]
    while chain and game.state.finished and game.rules.scenario.next:
        game = game.continue_into(chain_rules(game.rules.scenario.next))
        game.run_to_end(max_turns=turns)
        parts.append(game.rules.id)
    rec = run_record(game)
    if chain:
        rec["parts"] = parts
    return rec


def chain_rules(scenario_id: str) -> Rules:
    """The rules of a campaign's next part (shipped scenarios and the installed mods)."""
    from game.scenario import load_rules
    return load_rules(scenario_id)


def last_part(rules: Rules) -> Rules:
    """The rules of the last scenario of the chain that starts with ``rules``."""
    seen = {rules.id}
    while rules.scenario.next and rules.scenario.next not in seen:
        rules = chain_rules(rules.scenario.next)
        seen.add(rules.id)
    return rules


def run_record(game: Game) -> dict[str, Any]:
    rules, state = game.rules, game.state
    treaties = [{"date": t.signed, "parties": t.parties(rules.hub), "clauses": [c.type for c in t.clauses]}
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


def _work(args: tuple[int, int | None, bool]) -> dict[str, Any]:
    assert _RULES is not None
    return run_one(_RULES, *args)


def iter_runs(rules: Rules, seeds: Iterable[int], turns: int | None = None, jobs: int = 1,
              progress: Callable[[int], None] | None = None, chain: bool = False) -> Iterator[dict[str, Any]]:
    """One observer game per seed, in order of seed, on ``jobs`` processes, yielded as they finish.

    The seeds are read a batch at a time, so a million of them never sit in memory at once.
    """
    it = iter(seeds)
    if jobs <= 1:
        for seed in it:
            yield run_one(rules, seed, turns, chain)
            if progress:
                progress(1)
        return
    batch = jobs * 32
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(jobs, initializer=_init, initargs=(rules,)) as pool:
        while True:
            tasks = [(s, turns, chain) for s in islice(it, batch)]
            if not tasks:
                return
            for rec in pool.imap(_work, tasks, chunksize=max(1, len(tasks) // (jobs * 8))):
                yield rec
                if progress:
                    progress(1)


def simulate(rules: Rules, seeds: Iterable[int], turns: int | None = None, jobs: int = 1,
             progress: Callable[[int], None] | None = None) -> list[dict[str, Any]]:
    """Run one observer game per seed, in order of seed, on ``jobs`` processes."""
    return list(iter_runs(rules, seeds, turns, jobs, progress))


class Tally:
    """What the report of many runs needs, gathered one run at a time (the runs are not kept)."""

    SHOWN = 12      # runs listed one by one when there are no more than this

    def __init__(self, hub: str) -> None:
        self.hub = hub
        self.count = 0
        self.first: list[dict[str, Any]] = []
        self.outcomes: Counter[Any] = Counter()
        self.treaties: Counter[str] = Counter()
        self.score_sums: dict[str, float] = {}

    def add(self, run: dict[str, Any]) -> None:
        self.count += 1
        if len(self.first) <= self.SHOWN:
            self.first.append(run)
        self.outcomes[run["outcome"]] += 1
        for t in run["treaties"]:
            self.treaties[f"{'+'.join(p for p in t['parties'] if p != self.hub)}: {'+'.join(t['clauses'])}"] += 1
        for p, v in run["scores"].items():
            self.score_sums[p] = self.score_sums.get(p, 0.0) + v


def summary_lines(rules: Rules, runs: "list[dict[str, Any]] | Tally") -> list[str]:
    """A readable report of many observer runs (a list of them, or their Tally)."""
    if not isinstance(runs, Tally):
        tally = Tally(rules.hub)
        for r in runs:
            tally.add(r)
        runs = tally
    t = runs
    names = {o.id: o.title for o in rules.scenario.history.outcomes}
    hist = next((o.id for o in rules.scenario.history.outcomes if o.historical), None)
    lines = [f"{t.count} observer run(s) of {rules.scenario.title}"]
    if t.count <= t.SHOWN:
        for r in t.first:
            tr = "; ".join(f"{x['date']} {'+'.join(p for p in x['parties'] if p != rules.hub)}: "
                           f"{', '.join(x['clauses'])}" for x in r["treaties"]) or "no treaties"
            lines.append(f"  seed {r['seed']}: {names.get(r['outcome'], r['outcome'] or 'no outcome')} "
                         f"[{r['state_hash']}] - {tr}")
    lines.append("Outcomes:")
    for oid, n in t.outcomes.most_common():
        mark = " (history)" if oid == hist else ""
        lines.append(f"  {100 * n / t.count:5.1f}%  {names.get(oid, oid or 'none')}{mark}")
    if t.treaties:
        lines.append("Most common treaties:")
        for key, n in t.treaties.most_common(8):
            lines.append(f"  {n:5d}  {key}")
    if t.score_sums and t.count:
        lines.append("Mean scores: " + ", ".join(f"{p} {v / t.count:.0f}" for p, v in t.score_sums.items()))
    return lines
