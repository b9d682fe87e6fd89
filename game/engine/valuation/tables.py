"""The same arithmetic as ``evaluate`` laid out as numpy tables, so that the AI can score
many thousands of candidate packages at once: a package is a row of variant indices."""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from game.engine.clauses import Clause, Package
from game.engine.model.clauses import ClauseMatch
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.valuation.admissible import _match, active_red_lines, clause_allowed, in_force_with, refusals
from game.engine.valuation.context import context_value, skill_bonus
from game.engine.valuation.values import value_table

#: Package rows hold one small variant index per clause type.
ROW_DTYPE = np.int8
#: The variant set without extras, one per rules (the rules never change).
_BASE_VARIANTS: "weakref.WeakKeyDictionary[Rules, VariantSet]" = weakref.WeakKeyDictionary()
#: Packages judged in one go (``Tables.judge``); a larger batch is judged in slices of this size.
JUDGED_AT_ONCE = 4096
#: Variant sets with extra clauses kept per rules (beyond this, the kept ones are dropped).
EXTRA_SETS_KEPT = 32


@dataclass
class VariantSet:
    """The candidate variants of every clause type for one search (0 = absent)."""

    clauses: list[list[Clause]]
    width: int = 0
    counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    #: What does not depend on the state, worked out once per variant set: parameter
    #: arrays per (clause type, split) and red-line match tables per clause match.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def for_search(cls, rules: Rules, extra: Package = ()) -> "VariantSet":
        extra = tuple(c for c in extra if c not in rules.variants[rules.clause_index[c.type]])
        cached = _BASE_VARIANTS.get(rules)
        if cached is None:
            cached = _BASE_VARIANTS[rules] = cls._build(rules, ())
        if not extra:
            return cached
        # The same few packages come back to be countered (a scripted offer, a human's terms):
        # their variant sets are kept too, so that their plans and tables are not made afresh.
        kept = cached.memo.setdefault("with_extra", {})
        found = kept.get(extra)
        if found is None:
            if len(kept) >= EXTRA_SETS_KEPT:
                kept.clear()
            found = kept[extra] = cls._build(rules, extra)
        return found

    def param_arrays(self, rules: Rules, i: int, n: int) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
        """(split by ``n``, whole) parameter values of every variant of clause type ``i``."""
        key = ("params", i, n)
        if key not in self.memo:
            ct = rules.clause_type(rules.clause_ids[i])
            vlist = self.clauses[i]
            whole = {pn: np.array([p.number(c.get(pn, p.default)) for c in vlist]) for pn, p in ct.params.items()}
            split = {pn: (whole[pn] / n if p.split else whole[pn]) for pn, p in ct.params.items()}
            self.memo[key] = (split, whole)
        return self.memo[key]

    @classmethod
    def _build(cls, rules: Rules, extra: Package) -> "VariantSet":
        lists = [list(v) for v in rules.variants]
        for c in extra:
            i = rules.clause_index[c.type]
            if c not in lists[i]:
                lists[i].append(c)
        width = 1 + max(len(v) for v in lists)
        return cls(lists, width, np.array([len(v) for v in lists], dtype=np.int64))

    def index_of(self, rules: Rules, pkg: Package) -> np.ndarray:
        row = np.zeros(len(self.clauses), dtype=ROW_DTYPE)
        for c in pkg:
            i = rules.clause_index[c.type]
            row[i] = self.clauses[i].index(c) + 1
        return row

    def package(self, row: np.ndarray) -> Package:
        return tuple(self.clauses[i][k - 1] for i, k in enumerate(row) if k > 0)


@dataclass
class Tables:
    """One side's valuation laid out for numpy: a package is a row of variant indices."""

    evaluator: str
    partners: tuple[str, ...]
    values: np.ndarray          # (C, W): value of each variant; column 0 (absent) is 0
    const: float
    threshold: float
    allowed: np.ndarray         # (C, W) bool: variants possible now (column 0 always)
    refuses: list[np.ndarray | None]   # per active red line, (C, W) bool; None: "requires" (refuses all...)
    unless: list[np.ndarray | None]     # ...unless the package has this
    #: Other powers' models of these tables (``Search.estimated``), by (observer, learned offset).
    estimates: dict = field(default_factory=dict, repr=False, compare=False)
    #: Red-line bits already worked out for the same permissions and red lines (shared per variant set).
    bits_memo: dict | None = field(default=None, repr=False, compare=False)
    #: Packages the evaluator already refused from this side, as (row, value taken off): the
    #: same terms again weigh less each time (``times_refused``).
    repeats: tuple[tuple[np.ndarray, float], ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        c, w = self.values.shape
        if len(self.refuses) > 29:
            raise ValueError(f"{self.evaluator} has more than 29 red lines active at once")
        self._flat = np.ascontiguousarray(self.values).ravel()
        # Every red line is one bit: a package is refused when one of its clauses sets a
        # "refuses" bit (low 32 bits) that no clause's "unless" bit (high 32 bits) clears.
        # "requires" lines, and the empty package (bit 30), refuse by default.
        key = (self.allowed.tobytes(), tuple(map(id, self.refuses)), tuple(map(id, self.unless)))
        if self.bits_memo is not None and key in self.bits_memo:
            self._always, self._bits, self._offsets = self.bits_memo[key][2:]
            return
        bits = np.zeros((c, w), dtype=np.uint64)
        always = 1 << 30
        for i, (ref, unl) in enumerate(zip(self.refuses, self.unless)):
            if ref is None:
                always |= 1 << i
            else:
                bits[ref] |= np.uint64(1 << i)
            if unl is not None:
                bits[unl] |= np.uint64(1 << (i + 32))
        bits[~self.allowed] |= np.uint64(1 << 31)
        bits[:, 1:] |= np.uint64(1 << 62)
        self._always = np.uint64(always)
        self._bits = bits.ravel()
        #: Where each clause type's row starts in the flattened tables.
        self._offsets = (np.arange(c, dtype=np.intp) * w)[:, None]
        if self.bits_memo is not None:
            # The match tables are kept alive with the key, so that their ids stay theirs.
            self.bits_memo[key] = (self.refuses, self.unless, self._always, self._bits, self._offsets)

    def reweighed(self, values: np.ndarray, threshold: float) -> "Tables":
        """The same red lines and permissions with other values and threshold (another
        power's model of these tables): the red-line bits are shared, not rebuilt."""
        other = object.__new__(Tables)
        other.__dict__.update(self.__dict__)
        other.values, other.threshold, other.estimates = values, threshold, {}
        other._flat = np.ascontiguousarray(values).ravel()
        return other

    def with_repeats(self, repeats: tuple[tuple[np.ndarray, float], ...]) -> "Tables":
        """The same tables with these refused packages weighing less (shares every array)."""
        other = object.__new__(Tables)
        other.__dict__.update(self.__dict__)
        other.repeats, other.estimates = repeats, {}
        return other

    def judge(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(score, blocked) of every package row. Every clause of every row is gathered in one
        go from the flattened tables, along a (clause type, row) array: numpy is fastest
        gathering along long arrays, and then adds the clause types' values row after row of
        that array, in order (a reduction over the first axis is no pairwise sum), as
        ``evaluate`` adds the clauses' terms. A large batch goes in slices that stay in the
        processor's cache (the gathered arrays are 8 bytes a clause)."""
        if len(rows) > JUDGED_AT_ONCE:
            parts = [self.judge(rows[i:i + JUDGED_AT_ONCE]) for i in range(0, len(rows), JUDGED_AT_ONCE)]
            return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
        at = np.ascontiguousarray(rows.T, dtype=np.intp)
        at += self._offsets
        score = np.add.reduce(self._flat.take(at), axis=0)
        score += self.const
        found = np.bitwise_or.reduce(self._bits.take(at), axis=0)
        for row, penalty in self.repeats:
            same = np.logical_and.reduce(at == (row.astype(np.intp)[:, None] + self._offsets), axis=0)
            score[same] -= penalty
        refused = (found & np.uint64(0xFFFFFFFF)) | self._always
        return score, (refused & ~(found >> np.uint64(32))) != 0

    def score(self, rows: np.ndarray) -> np.ndarray:
        return self.judge(rows)[0]

    def blocked(self, rows: np.ndarray) -> np.ndarray:
        return self.judge(rows)[1]

    def accepts(self, rows: np.ndarray) -> np.ndarray:
        score, blocked = self.judge(rows)
        return ~blocked & (score >= self.threshold)


def build_tables(rules: Rules, state: State, evaluator: str, partners: Sequence[str],
                 variants: VariantSet) -> Tables:
    """The evaluator's tables for a treaty of the hub with ``partners``: what ``evaluate`` says
    of any package, for all packages at once."""
    return with_refusals(rules, state, _base_tables(rules, state, evaluator, partners, variants), variants)


def with_refusals(rules: Rules, state: State, tables: Tables, variants: VariantSet) -> Tables:
    """``tables`` with the packages their evaluator already refused from this side taken down
    by the repeat penalty, once per refusal. Apart from the rest of the tables because refusals
    change within a turn while the values the tables read do not."""
    repeats = []
    penalty = rules.scenario.tuning.repeat_penalty
    for key, times in refusals(rules, state, tables.evaluator, tables.partners).items():
        row = _row_of_text(variants, key)
        if row is not None:
            repeats.append((row, penalty * times))
    return tables.with_repeats(tuple(repeats)) if repeats else tables


def _row_of_text(variants: VariantSet, key: tuple[str, ...]) -> np.ndarray | None:
    """The row of a package given as its clauses written out, or None when no row of this
    variant set is that package (a clause not among the variants, two clauses of one type)."""
    by_text = variants.memo.get("by_text")
    if by_text is None:
        by_text = variants.memo["by_text"] = {str(c): (i, k + 1) for i, vlist in enumerate(variants.clauses)
                                              for k, c in enumerate(vlist)}
    row = np.zeros(len(variants.clauses), dtype=ROW_DTYPE)
    for text in key:
        at = by_text.get(text)
        if at is None or row[at[0]]:
            return None
        row[at[0]] = at[1]
    return row


def _base_tables(rules: Rules, state: State, evaluator: str, partners: Sequence[str],
                 variants: VariantSet) -> Tables:
    partners = tuple(partners)
    name, bonus = skill_bonus(rules, state, evaluator, partners)
    values = value_table(rules, state, variants, evaluator, partners, bonus)
    const = context_value(rules, state, evaluator, partners)
    refuses, unless = [], []
    for r in active_red_lines(rules, state, evaluator, partners):
        if r.requires is not None:
            refuses.append(None)
            unless.append(_match_table(rules, r.requires, variants))
        else:
            assert r.refuses is not None
            refuses.append(_match_table(rules, r.refuses, variants))
            unless.append(None if r.unless is None else _match_table(rules, r.unless, variants))
    return Tables(evaluator, partners, values, const, rules.scenario.powers[evaluator].threshold,
                  _allowed(rules, state, partners, variants), refuses, unless,
                  bits_memo=variants.memo.setdefault("bits", {}))


def _allowed(rules: Rules, state: State, partners: tuple[str, ...], variants: VariantSet) -> np.ndarray:
    """(C, W) bool: the variants possible with these partners now (column 0, absent, always).
    They depend on the partners' standing and the hub's treaties in force, which seldom change:
    kept per partners with what they were worked out from."""
    key = (tuple(state.status.get(p, 0) for p in partners),
           tuple((tuple(t.partners), tuple(t.clauses)) for t in state.treaties if t.in_force and t.hub_party))
    slot = ("allowed", partners)
    hit = variants.memo.get(slot)
    if hit is not None and hit[0] == key:
        return hit[1]
    allowed = np.zeros((len(variants.clauses), variants.width), dtype=bool)
    allowed[:, 0] = True
    held = in_force_with(state, partners)
    for i, type_id in enumerate(rules.clause_ids):
        ct = rules.clause_type(type_id)
        vlist = variants.clauses[i]
        if ct.status_param is None and ct.exclusive is None:
            # Only the type matters (barred partners, one in force): one answer for every variant.
            allowed[i, 1:1 + len(vlist)] = bool(vlist) and clause_allowed(rules, state, partners, vlist[0], held)
        else:
            for k, c in enumerate(vlist):
                allowed[i, k + 1] = clause_allowed(rules, state, partners, c, held)
    allowed.setflags(write=False)
    variants.memo[slot] = (key, allowed)
    return allowed


def _match_table(rules: Rules, m: ClauseMatch, variants: VariantSet) -> np.ndarray:
    key = ("match", id(m))
    hit = variants.memo.get(key)
    if hit is not None and hit[0] is m:
        return hit[1]
    table = _match_table_of(rules, m, variants)
    table.setflags(write=False)
    variants.memo[key] = (m, table)
    return table


def _match_table_of(rules: Rules, m: ClauseMatch, variants: VariantSet) -> np.ndarray:
    table = np.zeros((len(variants.clauses), variants.width), dtype=bool)
    if m.clause in rules.clause_index:
        i = rules.clause_index[m.clause]
        for k, c in enumerate(variants.clauses[i]):
            table[i, k + 1] = _match(rules, m, c)
    return table


class _Reading(dict):
    """A copy of ``state.values`` that notes every name read from it."""

    def __init__(self, values: dict[str, float]) -> None:
        super().__init__(values)
        self.names: set[str] = set()

    def __getitem__(self, name: str) -> float:
        self.names.add(name)
        return super().__getitem__(name)

    def get(self, name: str, default: float | None = None) -> float | None:  # type: ignore[override]
        self.names.add(name)
        return super().get(name, default)

    def __contains__(self, name: object) -> bool:
        self.names.add(name)  # type: ignore[arg-type]
        return super().__contains__(name)


def build_tables_noting_reads(rules: Rules, state: State, evaluator: str, partners: Sequence[str],
                              variants: VariantSet) -> tuple[Tables, tuple[tuple[str, float | None], ...]]:
    """``build_tables`` without the refusals (``with_refusals`` adds them), and the state values
    it read with what they were then. The tables stay right while those values (and what else
    they read: the date, treaties, statuses, missions, flags) stay the same, so a cache can keep
    them across a turn in which other values move."""
    values = state.values
    reading = _Reading(values)
    state.values = reading
    try:
        tables = _base_tables(rules, state, evaluator, partners, variants)
    finally:
        state.values = values
    return tables, tuple((name, values.get(name)) for name in reading.names)
