"""Searching the space of clause packages with numpy.

A package is a row of integers, one per clause type (0: absent, k: the
k-th variant of its parameters). Thousands of rows are scored at once
against each side's value tables. Three searches use this:

- ``what_would_it_take``: the smallest change to a refused package that
  the other side would accept, or what in the state blocks any deal;
- ``counter_offer``: the package nearest an incoming offer that is best
  for the responder and that, by its model of the proposer, will pass;
- ``best_offer``: what a power proposes on its own initiative.

The AI's model of another power is that power's tables seen through a
fixed, seeded misperception per clause, with the threshold it learned from
that power's past refusals and acceptances (the B, O and A of the "BOA"
negotiating agent: bidding here, opponent model and acceptance in ``ai``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence, cast

import numpy as np

from game.engine.clauses import Package
from game.engine import describe as d
from game.engine.describe import describe
from game.engine.model import conditions as C
from game.engine.rules import Rules
from game.engine.sides import treaty_partners
from game.engine.state import State
from game.engine.strings import S
from game.engine.valuation import (ROW_DTYPE, Tables, VariantSet, _match, active_red_lines, build_tables,
                                  build_tables_noting_reads,
                                  context_lines, with_refusals)

#: Safety margin an AI leaves above its estimate of the other side's threshold.
MARGIN = 2.0
#: Penalty per clause changed from the offer on the table (prefer small changes).
CHANGE_COST = 1.5
#: How far short of the other side's (estimated) threshold an AI's own proposal may fall.
TRY_REACH = 6.0


class Search:
    """Tables for one state, built once per evaluator and reused."""

    def __init__(self, rules: Rules, state: State, extra: Package = ()) -> None:
        self.rules = rules
        self.state = state
        self.variants = VariantSet.for_search(rules, extra)
        self._tables: dict[tuple, Tables] = {}
        self._shared = _shared_tables(rules, state, self.variants)

    def tables(self, evaluator: str, partners: Sequence[str]) -> Tables:
        key = (evaluator, tuple(partners))
        found = self._tables.get(key)
        if found is not None:
            return found
        if self._shared is None:
            found = build_tables(self.rules, self.state, evaluator, partners, self.variants)
        else:
            kept = self._shared.get(key)
            if kept is not None and list(map(self.state.values.get, kept[0])) == kept[1]:
                found = kept[2]
            else:
                found, reads = build_tables_noting_reads(self.rules, self.state, evaluator, partners, self.variants)
                self._shared[key] = ([name for name, _ in reads], [v for _, v in reads], found)
            found = with_refusals(self.rules, self.state, found, self.variants)
        self._tables[key] = found
        return found

    def estimated(self, observer: str, target: str, partners: Sequence[str]) -> Tables:
        """``observer``'s model of ``target``'s tables."""
        true = self.tables(target, partners)
        rules, state = self.rules, self.state
        offset = learned_offset(rules, state, observer, target)
        found = true.estimates.get((observer, offset))
        if found is not None:
            return found
        values = true.values * misperception(rules, state.seed, observer, target, self.variants)[:, None]
        found = true.estimates[(observer, offset)] = true.reweighed(values, true.threshold + offset)
        return found

    def rows_of(self, pkg: Package) -> np.ndarray:
        return self.variants.index_of(self.rules, pkg)


def fingerprint(state: State) -> tuple:
    """Everything in the state that a power's value tables read except the values themselves
    (personalities, status, negotiators' posts, leaders, flags, events, treaties in force,
    grievances, conferences, the date). Each table notes the values it read; it is reused while
    this fingerprint and those values stay the same, so that one power's move in the AI phase
    does not throw away the tables of powers it did not touch."""
    return (state.date,
            tuple((p, tuple(w.items())) for p, w in state.personality.items()),
            tuple(state.status.items()), tuple(state.status_floor.items()), tuple(state.missions.items()),
            tuple(state.leaders.items()), tuple(state.flags), tuple(state.fired.items()),
            tuple((t.id, t.in_force, tuple(t.partners)) for t in state.treaties),
            tuple((g.holder, g.against, g.amount, g.day, g.half_life) for g in state.grievances),
            tuple((cid, c.state, tuple(c.attending), tuple(c.excluded)) for cid, c in state.conferences.items()))


def _shared_tables(rules: Rules, state: State, variants: VariantSet) -> dict[tuple, tuple] | None:
    """The tables already built for this state, each with the values it read, so that the AI
    phase of a turn builds a power's tables once, not once per search or per move of another
    power. Kept on the state object (never in its data: a clone or a loaded game starts afresh)
    and dropped as soon as anything outside the values changes. None for a search with extra
    variants (its tables have other columns)."""
    if variants is not VariantSet.for_search(rules):
        return None
    fp = fingerprint(state)
    memo = state.__dict__.get("_tables_memo")
    if memo is None or memo[0] is not rules or memo[1] != fp:
        memo = (rules, fp, {})
        state.__dict__["_tables_memo"] = memo
    return memo[2]


def misperception(rules: Rules, seed: int, observer: str, target: str, variants: VariantSet) -> np.ndarray:
    """``observer``'s fixed, seeded error about each clause type's value to ``target``: 1 + z, one
    factor per clause type. Drawn once per game and pair of powers."""
    key = ("misperception", seed, observer, target)
    found = variants.memo.get(key)
    if found is None:
        gen = np.random.default_rng([seed, 7, rules.power_index[observer], rules.power_index[target]])
        found = 1.0 + gen.normal(0.0, rules.scenario.tuning.ai_noise, size=len(variants.clauses))
        found.setflags(write=False)
        variants.memo[key] = found
    return found


def learned_offset(rules: Rules, state: State, observer: str, target: str) -> float:
    """How much harder ``target`` has proved to please than its tables say."""
    offset = 0.0
    for p in state.proposals:
        if observer in p.sender and target in p.receivers and p.status in ("rejected", "countered", "accepted"):
            age = max(0, state.turn - (p.closed_turn or p.turn))
            step = 3.0 if p.status != "accepted" else -1.5
            offset += step * 0.8 ** age
    return max(-5.0, min(15.0, offset))


# --- candidate packages ----------------------------------------------------------

class LazyGenerator:
    """A numpy generator made from its seed when first drawn from: most powers draw nothing in
    most turns, and making a generator costs more than their whole turn. Draws are the same as
    from ``np.random.default_rng(seed)``."""

    def __init__(self, seed: Sequence[int]) -> None:
        self._seed = list(seed)
        self._gen: np.random.Generator | None = None

    def __getattr__(self, name: str) -> object:
        if self._gen is None:
            self._gen = np.random.default_rng(self._seed)
        found = getattr(self._gen, name)
        setattr(self, name, found)      # the next draw finds it without coming here
        return found


def lazy_generator(seed: Sequence[int]) -> np.random.Generator:
    """``np.random.default_rng(seed)``, made only if something draws from it."""
    return cast(np.random.Generator, LazyGenerator(seed))


def random_rows(variants: VariantSet, n: int, gen: np.random.Generator, density: float = 0.3) -> np.ndarray:
    """``n`` random packages: each clause type is in with probability ``density``, as one of its
    variants chosen evenly. One draw per cell (single precision is plenty) says both: below
    ``density`` the clause is in, and where below it falls picks the variant."""
    scale, top = _row_scales(variants, density)
    drawn = gen.random((n, len(variants.clauses)), dtype=np.float32)
    present = drawn < np.float32(density)
    drawn *= scale
    np.minimum(drawn, top, out=drawn)      # the very top of a cell's range stays its last variant
    rows = drawn.astype(ROW_DTYPE)
    rows += 1
    rows *= present
    return rows


def _row_scales(variants: VariantSet, density: float) -> tuple[np.ndarray, np.ndarray]:
    key = ("row_scales", density)
    found = variants.memo.get(key)
    if found is None:
        counts = variants.counts.astype(np.float32)
        found = variants.memo[key] = (counts / np.float32(density), counts - 1)
    return found


def neighbours(variants: VariantSet, row: np.ndarray, pairs: bool = True) -> np.ndarray:
    """Every package one change away from ``row`` (and two changes, if ``pairs``)."""
    all_i, all_k, pair_a, pair_b = _moves(variants)
    keep = all_k != row[all_i]
    si, sk = all_i[keep], all_k[keep]
    ones = np.repeat(row[None, :], len(si), axis=0)
    ones[np.arange(len(si)), si] = sk
    if not pairs:
        return ones
    both = keep[pair_a] & keep[pair_b]
    a, b = pair_a[both], pair_b[both]
    twos = np.repeat(row[None, :], len(a), axis=0)
    twos[np.arange(len(a)), all_i[a]] = all_k[a]
    twos[np.arange(len(a)), all_i[b]] = all_k[b]
    return np.concatenate([ones, twos])


def _moves(variants: VariantSet) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every single change (clause type, variant), and every pair of changes to two different
    clause types, in a fixed order; ``neighbours`` keeps those that change a given row."""
    found = variants.memo.get("moves")
    if found is None:
        counts = [int(c) for c in variants.counts]
        all_i = np.array([i for i, c in enumerate(counts) for _ in range(c + 1)], dtype=np.intp)
        all_k = np.array([k for c in counts for k in range(c + 1)], dtype=ROW_DTYPE)
        a, b = np.triu_indices(len(all_i), k=1)
        differ = all_i[a] != all_i[b]
        found = variants.memo["moves"] = (all_i, all_k, a[differ], b[differ])
    return found


def changes(row: np.ndarray, base: np.ndarray) -> np.ndarray:
    """How many clause types each row changes from ``base``."""
    return per_row(row != base)


def size(rows: np.ndarray) -> np.ndarray:
    """How many clauses each package row holds."""
    return per_row(rows > 0)


def per_row(mask: np.ndarray) -> np.ndarray:
    """The count of True in each row of a (rows, clause types) mask. Summed column by column:
    numpy is ten times slower summing the ten entries of each row than the long columns."""
    if mask.ndim == 1:
        return mask.sum()
    return np.ascontiguousarray(mask.T).sum(axis=0)


# --- what would it take --------------------------------------------------------------

@dataclass
class Advice:
    """The answer to "what would it take?"."""

    found: bool
    package: Package = ()
    steps: list[str] = field(default_factory=list)
    their_gain: float = 0.0
    your_cost: float = 0.0
    blockers: list[str] = field(default_factory=list)
    gap: float = 0.0

    def text(self) -> str:
        if self.found:
            out = S["wwit.it_would_take"] + " " + "; ".join(self.steps) + " " + \
                S["wwit.raises"].format(delta=self.their_gain, cost=-self.your_cost)
            if self.blockers:
                out += " " + S["wwit.or"].format(what="; ".join(self.blockers))
            return out
        out = S["wwit.none_now"]
        if self.gap > 0:
            out += " " + S["wwit.gap"].format(gap=self.gap)
        if self.blockers:
            out += " " + S["wwit.would_change"].format(what="; ".join(self.blockers))
        return out


def describe_steps(search: Search, base: np.ndarray, row: np.ndarray) -> list[str]:
    steps = []
    for i, (k0, k1) in enumerate(zip(base, row)):
        if k0 == k1:
            continue
        old = search.variants.clauses[i][k0 - 1] if k0 else None
        new = search.variants.clauses[i][k1 - 1] if k1 else None
        if old is None:
            steps.append(S["wwit.add"].format(clause=new))
        elif new is None:
            steps.append(S["wwit.drop"].format(clause=old))
        else:
            steps.append(S["wwit.change"].format(old=old, new=new))
    return steps


def _side_score(search: Search, side: Sequence[str], partners: Sequence[str], rows: np.ndarray) -> np.ndarray:
    return sum(search.tables(p, partners).score(rows) for p in side)


def what_would_it_take(rules: Rules, state: State, sender: Sequence[str], receivers: Sequence[str],
                       pkg: Package, samples: int = 2048, addressee: str | None = None) -> Advice:
    """The smallest change to ``pkg`` that turns the answer: the fewest clauses changed, then the
    least value given away (never the best deal for the sender). With ``addressee``, only that
    receiver's answer and red lines count (one power's red line is never another's advice)."""
    search = Search(rules, state, pkg)
    partners = treaty_partners(rules, sender, receivers)
    judges = [addressee] if addressee is not None else list(receivers)
    base = search.rows_of(pkg)
    gen = np.random.default_rng([state.seed, 11, state.turn, len(state.proposals)])
    cands = np.concatenate([base[None, :], neighbours(search.variants, base),
                            _mutations(search.variants, base, samples, gen)])
    ok = np.ones(len(cands), dtype=bool)
    for r in judges:
        ok &= search.tables(r, partners).accepts(cands)
    mine = _side_score(search, sender, partners, cands)
    theirs = sum(search.tables(r, partners).score(cands) for r in judges)
    if ok.any():
        base_mine = _side_score(search, sender, partners, base[None, :])[0]
        base_theirs = sum(search.tables(r, partners).score(base[None, :])[0] for r in judges)
        cost = base_mine - mine
        # Fewest changes first; among those, the least given away (a change that also suits the
        # sender costs nothing, but does not beat a smaller change), then the narrowest margin.
        surplus = sum(search.tables(r, partners).score(cands) - search.tables(r, partners).threshold
                      for r in judges)
        order = 1e6 * changes(cands, base) + np.maximum(cost, 0.0) + 0.01 * np.maximum(surplus, 0.0)
        order = np.where(ok, order, np.inf)
        best = int(np.argmin(order))
        row = cands[best]
        return Advice(True, search.variants.package(row), describe_steps(search, base, row),
                      float(theirs[best] - base_theirs), float(cost[best]),
                      blockers=_state_red_lines(rules, state, judges, partners, pkg))
    return _blockers(rules, state, search, judges, partners, cands, pkg)


def describe_condition(rules: Rules, cond: object) -> str:
    """A condition in the player's words (state values and places by their names)."""
    return describe(rules, cond)


_FLIP = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}


def what_must_become_true(rules: Rules, cond: object, state: State | None = None) -> str:
    """The opposite of a red line's condition, in the player's words: what must become true for
    the red line to lift ("Comintern activity is below 60", not "at least 60")."""
    if isinstance(cond, C.Compare):
        c = cond.compare
        other = f"{c.value:g}" if c.to is None else d.value_name(rules, c.to, state)
        return S["cond.compare"].format(value=d.value_name(rules, c.var, state), op=d._op(_FLIP[c.op]), other=other)
    if isinstance(cond, C.Not):
        return d.describe(rules, cond.not_, state)
    if isinstance(cond, C.FlagTest):
        return d._flag_source(rules, cond.flag, negated=True)
    if isinstance(cond, C.AllOf):
        return S["cond.either"] + S["cond.or_long"].join(what_must_become_true(rules, c, state) for c in cond.all)
    if isinstance(cond, C.AnyOf):
        return S["cond.and"].join(what_must_become_true(rules, c, state) for c in cond.any)
    if isinstance(cond, C.ConferenceTest) and cond.conference.state == "not_started" and not cond.conference.attending:
        title = rules.scenario.conferences[cond.conference.id].title
        return S["wwit.conference_opens"].format(conference=title)
    return S["cond.not"].format(what=d.describe(rules, cond, state))


def _lift(rules: Rules, power: str, line: object, state: State | None = None) -> str:
    return S["wwit.once"].format(power=rules.power_name(power, state),
                                 condition=what_must_become_true(rules, line.when, state),  # type: ignore[attr-defined]
                                 reason=line.reason)  # type: ignore[attr-defined]


def _runs_into(rules: Rules, line: object, pkg: Package) -> bool:
    if line.requires is not None:  # type: ignore[attr-defined]
        return not any(_match(rules, line.requires, c) for c in pkg)  # type: ignore[attr-defined]
    if not any(_match(rules, line.refuses, c) for c in pkg):  # type: ignore[attr-defined]
        return False
    return line.unless is None or not any(_match(rules, line.unless, c) for c in pkg)  # type: ignore[attr-defined]


def _state_red_lines(rules: Rules, state: State, receivers: Sequence[str], partners: Sequence[str],
                     pkg: Package) -> list[str]:
    """Red lines that depend on the state and that the package as offered runs into."""
    return [_lift(rules, r, line, state) for r in receivers for line in active_red_lines(rules, state, r, partners)
            if line.when is not None and _runs_into(rules, line, pkg)]


def _mutations(variants: VariantSet, base: np.ndarray, n: int, gen: np.random.Generator) -> np.ndarray:
    rows = np.repeat(base[None, :], n, axis=0)
    flips = gen.random(rows.shape) < 0.25
    picks = (gen.random(rows.shape) * (variants.counts + 1)).astype(ROW_DTYPE)
    return np.where(flips, picks, rows).astype(ROW_DTYPE)


def _blockers(rules: Rules, state: State, search: Search, receivers: Sequence[str], partners: Sequence[str],
              cands: np.ndarray, pkg: Package = ()) -> Advice:
    """Nothing passes: say which conditions of the state stand in the way, and how far off it is."""
    blockers: list[str] = []
    ok_without = np.ones(len(cands), dtype=bool)
    for r in receivers:
        t = search.tables(r, partners)
        lines = active_red_lines(rules, state, r, partners)
        keep = [i for i, line in enumerate(lines) if line.when is None]
        relaxed = Tables(t.evaluator, t.partners, t.values, t.const, t.threshold, t.allowed,
                         [t.refuses[i] for i in keep], [t.unless[i] for i in keep], repeats=t.repeats)
        ok_without &= relaxed.accepts(cands)
        for line in lines:
            if line.when is not None and _runs_into(rules, line, pkg):
                blockers.append(_lift(rules, r, line))
    if ok_without.any() and blockers:
        return Advice(False, blockers=sorted(set(blockers)))
    gap = 0.0
    for r in receivers:
        t = search.tables(r, partners)
        usable = ~t.blocked(cands)
        best = t.score(cands)[usable].max() if usable.any() else -np.inf
        gap = max(gap, float(t.threshold - best) if np.isfinite(best) else 99.0)
        worst = sorted((line for line in context_lines(rules, state, r, partners) if line.value < -1),
                       key=lambda line: line.value)[:2]
        blockers += [S["wwit.weighs"].format(label=line.label, value=line.value) for line in worst]
    # Never "short by 0": a gap under one point is rounded up to the point it takes.
    return Advice(False, gap=float(np.ceil(gap)) if gap > 0 else 0.0, blockers=sorted(set(blockers)))


# --- the AI's searches ------------------------------------------------------------------

def _pick(objective: np.ndarray, feasible: np.ndarray) -> int | None:
    if not feasible.any():
        return None
    return int(np.argmax(np.where(feasible, objective, -np.inf)))


def _kept(*arrays_and_mask: np.ndarray) -> tuple[np.ndarray, ...]:
    """The rows of each array where the mask (last argument) holds, in their order: searching
    only these gives the same best package as masking all of them."""
    *arrays, mask = arrays_and_mask
    if mask.all():
        return tuple(arrays)
    keep = np.flatnonzero(mask)
    return tuple(a.take(keep, axis=0) for a in arrays)


def counter_offer(rules: Rules, state: State, responder: str, sender: Sequence[str], pkg: Package,
                  gen: np.random.Generator, boldness: float) -> Package | None:
    """The responder's counter to ``pkg`` from ``sender``: best for it, acceptable (it thinks) to them."""
    search = Search(rules, state, pkg)
    partners = treaty_partners(rules, [responder], sender)  # the counter goes from responder to sender
    base = search.rows_of(pkg)
    n = rules.scenario.tuning.search_samples
    cands = np.concatenate([neighbours(search.variants, base), random_rows(search.variants, n, gen)])
    cands, = _kept(cands, size(cands) <= max(rules.scenario.tuning.max_clauses, len(pkg)))
    mine = search.tables(responder, partners)
    my_score, my_blocked = mine.judge(cands)
    cands, my_score = _kept(cands, my_score, ~my_blocked & (my_score >= mine.threshold))
    if not len(cands):
        return None
    feasible = np.ones(len(cands), dtype=bool)
    slack = np.full(len(cands), np.inf)
    for s in sender:
        est = search.estimated(responder, s, partners)
        est_score, est_blocked = est.judge(cands)
        surplus = est_score - est.threshold - MARGIN
        feasible &= ~est_blocked & (surplus >= 0)
        slack = np.minimum(slack, surplus)
    objective = my_score + (1 - boldness) * np.where(np.isfinite(slack), slack, 0) \
        - CHANGE_COST * changes(cands, base)
    best = _pick(objective, feasible)
    return None if best is None else search.variants.package(cands[best])


def best_offer(rules: Rules, state: State, proposer: Sequence[str], receivers: Sequence[str],
               gen: np.random.Generator, boldness: float, around: Package = (),
               reach: float = TRY_REACH, search: Search | None = None,
               pool: np.ndarray | None = None) -> tuple[Package, float] | None:
    """What the proposing side should offer on its own initiative: (package, its value to the
    proposer) or None. It may reach a little beyond what it thinks the other side will take
    (``reach`` points short of their threshold): a refusal teaches it their price, and time
    and fear may close the gap. ``search``: one already made for this very state (a power that
    weighs several partners in a row), used when its variants hold ``around``; ``pool``: the
    random packages to try (drawn here when not given; a power weighing several partners
    draws them once for all)."""
    if search is None or search.state is not state or search.variants is not VariantSet.for_search(rules, around):
        search = Search(rules, state, around)
    partners = treaty_partners(rules, proposer, receivers)
    if pool is None or pool.shape[1] != len(search.variants.clauses):
        pool = random_rows(search.variants, rules.scenario.tuning.search_samples, gen)
    parts = [pool]
    if around:
        parts.append(neighbours(search.variants, search.rows_of(around)))
    cands = np.concatenate(parts)
    sizes = size(cands)
    cands, sizes = _kept(cands, sizes, sizes <= rules.scenario.tuning.max_clauses)
    # The proposer's own tables first: the other side's tables are built, and its model of
    # them judged, only for the packages the proposer would sign (most searches stop here).
    feasible = np.ones(len(cands), dtype=bool)
    value = np.zeros(len(cands))
    for p in proposer:
        t = search.tables(p, partners)
        score, blocked = t.judge(cands)
        feasible &= ~blocked & (score >= t.threshold)
        value += score
    cands, value, sizes = _kept(cands, value, sizes, feasible)
    if not len(cands):
        return None
    feasible = np.ones(len(cands), dtype=bool)
    slack = np.full(len(cands), np.inf)
    for r in receivers:
        est = search.estimated(proposer[0], r, partners)
        est_score, est_blocked = est.judge(cands)
        surplus = est_score - est.threshold
        feasible &= ~est_blocked & (surplus >= -reach)
        slack = np.minimum(slack, surplus)
    objective = value + (1 - boldness) * np.where(np.isfinite(slack), slack, 0) - 0.5 * sizes
    best = _pick(objective, feasible)
    if best is None:
        return None
    return search.variants.package(cands[best]), float(value[best])


def bloc_terms(rules: Rules, state: State, members: Sequence[str], gen: np.random.Generator) -> Package | None:
    """A bloc's own terms when no package both it and the hub power would take: the package
    every member accepts that leaves the least-satisfied member best off (a public position)."""
    search = Search(rules, state)
    cands = random_rows(search.variants, rules.scenario.tuning.search_samples, gen)
    feasible = size(cands) <= rules.scenario.tuning.max_clauses
    worst = np.full(len(cands), np.inf)
    for m in members:
        t = search.tables(m, members)
        score, blocked = t.judge(cands)
        feasible &= ~blocked
        worst = np.minimum(worst, score - t.threshold)
    # The least-satisfied member must at least prefer these terms to its threshold's half.
    feasible &= worst >= -0.5 * max(rules.scenario.powers[m].threshold for m in members)
    best = _pick(worst - 0.5 * size(cands), feasible)
    return None if best is None else search.variants.package(cands[best])
