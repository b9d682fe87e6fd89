"""The same arithmetic as ``evaluate`` laid out as numpy tables, so that the AI can score
many thousands of candidate packages at once: a package is a row of variant indices."""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from game.engine.clauses import Clause, Package
from game.engine.model.clauses import ClauseMatch, Term
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.valuation.admissible import _match, active_red_lines, clause_allowed, in_force_with, refusals
from game.engine.valuation.context import context_lines, skill_bonus
from game.engine.valuation.terms import _side_key, _weights, term_value
from game.engine.world import Ctx

#: Package rows hold one small variant index per clause type.
ROW_DTYPE = np.int8
#: The variant set without extras, one per rules (the rules never change).
_BASE_VARIANTS: "weakref.WeakKeyDictionary[Rules, VariantSet]" = weakref.WeakKeyDictionary()


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
        if not extra:
            cached = _BASE_VARIANTS.get(rules)
            if cached is None:
                cached = _BASE_VARIANTS[rules] = cls._build(rules, ())
            return cached
        return cls._build(rules, extra)

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
    #: How many variants each clause type has (the rest of a row of the tables is never read):
    #: with it, ``judge`` skips the red-line bits of clause types that no red line touches.
    counts: np.ndarray | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        c, w = self.values.shape
        if len(self.refuses) > 29:
            raise ValueError(f"{self.evaluator} has more than 29 red lines active at once")
        self._cols = [np.ascontiguousarray(self.values[i]) for i in range(c)]
        # Every red line is one bit: a package is refused when one of its clauses sets a
        # "refuses" bit (low 32 bits) that no clause's "unless" bit (high 32 bits) clears.
        # "requires" lines, and the empty package (bit 30), refuse by default.
        key = (self.allowed.tobytes(), tuple(map(id, self.refuses)), tuple(map(id, self.unless)),
               self.counts is not None)
        if self.bits_memo is not None and key in self.bits_memo:
            self._always, self._bits, self._plain, self._mixed = self.bits_memo[key][2:]
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
        self._bits = [np.ascontiguousarray(bits[i]) for i in range(c)]
        # A clause type is plain when every variant of it only says "the package is not empty":
        # its bits need no gathering, whether a row has any plain clause is enough.
        self._plain, self._mixed = [], list(range(c))
        if self.counts is not None:
            self._plain = [i for i in range(c) if (bits[i, 1:1 + int(self.counts[i])] == np.uint64(1 << 62)).all()]
            self._mixed = [i for i in range(c) if i not in self._plain]
        if self.bits_memo is not None:
            # The match tables are kept alive with the key, so that their ids stay theirs.
            self.bits_memo[key] = (self.refuses, self.unless, self._always, self._bits, self._plain, self._mixed)

    def reweighed(self, values: np.ndarray, threshold: float) -> "Tables":
        """The same red lines and permissions with other values and threshold (another
        power's model of these tables): the red-line bits are shared, not rebuilt."""
        other = object.__new__(Tables)
        other.__dict__.update(self.__dict__)
        other.values, other.threshold, other.estimates = values, threshold, {}
        other._cols = [np.ascontiguousarray(values[i]) for i in range(values.shape[0])]
        return other

    def with_repeats(self, repeats: tuple[tuple[np.ndarray, float], ...]) -> "Tables":
        """The same tables with these refused packages weighing less (shares every array)."""
        other = object.__new__(Tables)
        other.__dict__.update(self.__dict__)
        other.repeats, other.estimates = repeats, {}
        return other

    def judge(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(score, blocked) of every package row. Column by column: numpy is fastest
        gathering along long arrays, not reducing along the short axis of each row (and from
        a contiguous copy of the columns, which the gathers read faster than strided ones)."""
        cols = np.ascontiguousarray(rows.T)
        score = self._cols[0].take(cols[0])
        for i in range(1, len(self._cols)):
            score += self._cols[i].take(cols[i])
        if self._plain:
            found = cols[self._plain].any(axis=0).astype(np.uint64) << np.uint64(62)
        else:
            found = np.zeros(len(rows), dtype=np.uint64)
        for i in self._mixed:
            found |= self._bits[i].take(cols[i])
        score += self.const
        for row, penalty in self.repeats:
            same = cols[0] == row[0]
            for i in range(1, len(cols)):
                same &= cols[i] == row[i]
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
    values = _values(rules, state, variants, evaluator, partners, bonus)
    const = sum(line.value for line in context_lines(rules, state, evaluator, partners))
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
                  bits_memo=variants.memo.setdefault("bits", {}), counts=variants.counts)


@dataclass
class _Plan:
    """What the value columns of one evaluator with some partners read from the state: the
    names of the state values their terms multiply (``partner.`` and ``self.`` resolved), and
    the terms with a condition. Worked out once per variant set, since the terms never change."""

    ctxs: list[tuple[str, str]]                    # (self, partner) of each owner of the terms
    names: tuple[str, ...]                         # the values every unconditional term reads
    spans: list[slice]                             # each column's share of ``names``
    conds: list[list[tuple[Term, int, tuple[str, ...]]]]   # each column's conditional terms


def _plan(rules: Rules, variants: VariantSet, evaluator: str, partners: tuple[str, ...]) -> _Plan:
    slot = ("plan", evaluator, partners)
    plan = variants.memo.get(slot)
    if plan is not None:
        return plan
    side = _side_key(rules, evaluator)
    owners = partners if evaluator == rules.hub else (evaluator,)
    ctxs = [Ctx(rules, None, self_=evaluator, partner=p) for p in owners]  # type: ignore[arg-type]
    names: list[str] = []
    spans, conds = [], []
    for type_id in rules.clause_ids:
        start, mine = len(names), []
        for term in rules.clause_type(type_id).value.get(side, []):
            for j, ctx in enumerate(ctxs[:1] if term.once else ctxs):
                read = tuple(ctx.resolve(ref) for ref in term.per if "." in ref)
                if term.when is not None:
                    mine.append((term, j, read))
                else:
                    names.extend(read)
        spans.append(slice(start, len(names)))
        conds.append(mine)
    plan = variants.memo[slot] = _Plan([(evaluator, p) for p in owners], tuple(names), spans, conds)
    return plan


def _values(rules: Rules, state: State, variants: VariantSet, evaluator: str, partners: tuple[str, ...],
            bonus: dict[str, float]) -> np.ndarray:
    """(C, W): the value of each variant to the evaluator; column 0 (absent) is 0. The whole
    table, and each of its columns, is kept (one per evaluator and partners) with everything it
    read: the weights, the skill bonus, the state values its terms multiply and whether their
    conditions hold. Most columns read values that stay put from one turn to the next, and a
    kept one is the very array the same arithmetic would give again."""
    plan = _plan(rules, variants, evaluator, partners)
    known = state.values
    if isinstance(known, _Reading):   # note the names at once, and read at the speed of a plain dict
        known.names.update(plan.names)
        for conds in plan.conds:
            for _, _, names in conds:
                known.names.update(names)
    get = dict.get.__get__(known)
    weights = _weights(state, evaluator)
    ctxs = [Ctx(rules, state, self_=s, partner=p) for s, p in plan.ctxs]
    read = tuple(map(get, plan.names))
    cond_reads = [tuple(tuple(map(get, names)) if term.when.holds(ctxs[j]) else False  # type: ignore[union-attr]
                        for term, j, names in conds) for conds in plan.conds]
    head = (tuple(weights.items()), tuple(bonus.items()))
    key = (head, read, tuple(cond_reads))
    slot = ("values", evaluator, partners)
    hit = variants.memo.get(slot)
    if hit is not None and hit[0] == key:
        return hit[1]
    n = len(partners)
    side = _side_key(rules, evaluator)
    values = np.zeros((len(variants.clauses), variants.width))
    for i, type_id in enumerate(rules.clause_ids):
        ct = rules.clause_type(type_id)
        col_key = (head, read[plan.spans[i]], cond_reads[i])
        col_slot = ("column", evaluator, partners, i)
        kept = variants.memo.get(col_slot)
        if kept is not None and kept[0] == col_key:
            col = kept[1]
        else:
            col = _column(rules, variants, i, n, ct.value.get(side, []), ctxs, weights, bonus.get(ct.skill or "", 0.0))
            if not _missing(col_key[1], cond_reads[i]):
                variants.memo[col_slot] = (col_key, col)
        values[i, 1:1 + len(variants.clauses[i])] = col
    values.setflags(write=False)
    if not _missing(read, *cond_reads):
        variants.memo[slot] = (key, values)
    return values


def _missing(read: tuple, *cond_reads: tuple) -> bool:
    """Whether a name read is not a state value (``ctx.value`` then reads it elsewhere, the
    partner's status): what it read is not all in the key, so it is never kept."""
    return None in read or any(r is not False and None in r for reads in cond_reads for r in reads)


def _column(rules: Rules, variants: VariantSet, i: int, n: int, terms: list[Term], ctxs: list[Ctx],
            weights: dict[str, float], bonus: float) -> np.ndarray:
    """The values of every variant of clause type ``i``: its terms summed over their owners."""
    params, whole = variants.param_arrays(rules, i, n)
    start, col, fixed = _fixed_start(variants, terms, i, n, len(ctxs), params, whole, weights)
    for term, f in zip(terms[start:], fixed):
        for ctx in (ctxs[:1] if term.once else ctxs):
            col = col + (f if f is not None else term_value(ctx, term, whole if term.once else params, weights))
    col = col + bonus
    col.setflags(write=False)
    return col


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


def _fixed_start(variants: VariantSet, terms: list[Term], i: int, n: int, owners: int,
                 params: dict[str, np.ndarray], whole: dict[str, np.ndarray],
                 weights: dict[str, float]) -> tuple[int, np.ndarray, list[np.ndarray | None]]:
    """The sum of the leading terms that read nothing from the state, added in the same order
    as ``build_tables`` adds them (so the result is the same to the last bit), how many terms it
    covers, and for each later term its fixed array (``_fixed_term``) or None."""
    key = ("start", i, id(terms), n, owners, tuple(weights.get(t.interest, 1.0) for t in terms if t.interest))
    hit = variants.memo.get(key)
    if hit is None or hit[0] is not terms:
        col, start = np.zeros(len(variants.clauses[i])), 0
        for term in terms:
            fixed = _fixed_term(variants, term, i, 1 if term.once else n, whole if term.once else params, weights)
            if fixed is None:
                break
            for _ in range(1 if term.once else owners):
                col = col + fixed
            start += 1
        col.setflags(write=False)
        later = [_fixed_term(variants, term, i, 1 if term.once else n, whole if term.once else params, weights)
                 for term in terms[start:]]
        hit = variants.memo[key] = (terms, start, col, later)
    return hit[1], hit[2], hit[3]


def _fixed_term(variants: VariantSet, term: Term, i: int, n: int, params: dict[str, np.ndarray],
                weights: dict[str, float]) -> np.ndarray | None:
    """A term that reads nothing from the state (no condition, no state value) is the same array
    every turn for the same weight: worked out once. None for a term that reads the state."""
    weight = weights.get(term.interest, 1.0) if term.interest else 1.0
    key = ("term", id(term), i, n, weight)
    hit = variants.memo.get(key)
    if hit is None or hit[0] is not term:
        reads_state = term.when is not None or any("." in ref for ref in term.per)
        value = None if reads_state else term_value(None, term, params, weights)  # type: ignore[arg-type]
        hit = variants.memo[key] = (term, value)
    return hit[1]


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
