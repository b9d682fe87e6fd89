"""The value of every variant of every clause type to one evaluator, all at once: the clause
terms of ``terms.term_value`` laid out as arrays over (term slot, clause type, variant).

A clause type's value is its terms summed in order (each once per owner: the partners for the
hub, the evaluator itself otherwise) plus the negotiator's skill bonus. Here the k-th term of
every clause type is worked out in one step: each factor of ``per`` is an array that holds the
clause parameters (fixed) and the state values (read afresh), padded with 1.0; a missing term
is 0 x 1.0. Multiplying by 1.0, dividing by 1.0 and adding 0.0 change no bit, and every
variant goes through the same operations in the same order as ``term_value``, so the table is
the very one the breakdown would give, term by term (a test compares them exactly).

The plan (which factor is which, the fixed arrays) is made once per variant set, evaluator and
partners, since the terms never change; each table is kept with what it read (weights, skill
bonus, state values, which conditions hold) and given again while those stay the same.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from game.engine.model.clauses import Term
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.valuation.terms import _side_key, _weights
from game.engine.world import Ctx

if TYPE_CHECKING:
    from game.engine.valuation.tables import VariantSet


@dataclass
class _ValuePlan:
    """What one evaluator's value table with some partners reads and how it is laid out."""

    owners: list[tuple[str, str]]       # (self, partner) of each owner of the terms
    names: tuple[str, ...]              # the state values read, one per state factor
    refs: list[tuple[int, str]]         # (owner, ref as written) of each state factor
    factors: np.ndarray                 # (F, S, C, V): parameters, 1.0 where a state value goes or nothing
    at: tuple[np.ndarray, ...]          # (f, s, c) of each state factor
    amounts: np.ndarray                 # (S, C, 1); 0 where a clause type has fewer terms
    interests: tuple[str, ...]          # the personality weights read
    interest_of: np.ndarray             # (S, C, 1): 1 + index into ``interests``; 0 for unweighted
    offsets: np.ndarray                 # (S, C, 1)
    divisors: np.ndarray | None         # (S, C, V): 1 + rate x years of discounted terms (else 1); None if none
    conds: list[tuple[int, int, Term, int]]   # (slot, clause type, term, owner) of conditional terms
    skills: list[str]                   # each clause type's skill ("" for none)
    valid: np.ndarray                   # (C, V) bool: the variants that exist
    #: amount x weight per personality, and the skill bonus per negotiator, as arrays.
    memo: dict = field(default_factory=dict)


def value_plan(rules: Rules, variants: "VariantSet", evaluator: str, partners: tuple[str, ...]) -> _ValuePlan:
    slot = ("value_plan", evaluator, partners)
    plan = variants.memo.get(slot)
    if plan is None:
        plan = variants.memo[slot] = _make_plan(rules, variants, evaluator, partners)
    return plan


def _make_plan(rules: Rules, variants: "VariantSet", evaluator: str, partners: tuple[str, ...]) -> _ValuePlan:
    side = _side_key(rules, evaluator)
    owners = partners if evaluator == rules.hub else (evaluator,)
    ctxs = [Ctx(rules, None, self_=evaluator, partner=p) for p in owners]  # type: ignore[arg-type]
    n, c_count, v_count = len(partners), len(variants.clauses), variants.width - 1
    # Each clause type's terms in the order they are summed: (term, owner) pairs.
    seqs = []
    for type_id in rules.clause_ids:
        terms = rules.clause_type(type_id).value.get(side, [])
        seqs.append([(t, j) for t in terms for j in (range(1) if t.once else range(len(owners)))])
    s_count = max(1, max(len(s) for s in seqs))
    f_count = max(1, max((len(t.per) for s in seqs for t, _ in s), default=1))
    factors = np.ones((f_count, s_count, c_count, v_count))
    amounts, offsets = np.zeros((s_count, c_count, 1)), np.zeros((s_count, c_count, 1))
    rates, years = np.zeros((s_count, c_count, 1)), np.zeros((s_count, c_count, v_count))
    interest_of = np.zeros((s_count, c_count, 1), dtype=np.intp)
    interests: list[str] = []
    names, refs, at = [], [], []
    conds = []
    discounted = False
    valid = np.zeros((c_count, v_count), dtype=bool)
    for c, seq in enumerate(seqs):
        count = len(variants.clauses[c])
        valid[c, :count] = True
        split, whole = variants.param_arrays(rules, c, n)
        for s, (term, j) in enumerate(seq):
            params = whole if term.once else split
            amounts[s, c, 0], offsets[s, c, 0] = term.amount, term.offset
            if term.interest:
                if term.interest not in interests:
                    interests.append(term.interest)
                interest_of[s, c, 0] = 1 + interests.index(term.interest)
            if term.discount is not None:
                discounted = True
                rates[s, c, 0] = term.discount.rate
                years[s, c, :count] = params[term.discount.param]
            if term.when is not None:
                conds.append((s, c, term, j))
            for f, ref in enumerate(term.per):
                if "." in ref:
                    names.append(ctxs[j].resolve(ref))
                    refs.append((j, ref))
                    at.append((f, s, c))
                else:
                    factors[f, s, c, :count] = params[ref]
    skills = [rules.clause_type(t).skill or "" for t in rules.clause_ids]
    where = tuple(np.array(x, dtype=np.intp) for x in zip(*at)) if at else (np.zeros(0, dtype=np.intp),) * 3
    return _ValuePlan([(evaluator, p) for p in owners], tuple(names), refs, factors, where, amounts,
                      tuple(interests), interest_of, offsets, 1.0 + rates * years if discounted else None,
                      conds, skills, valid)


def value_table(rules: Rules, state: State, variants: "VariantSet", evaluator: str,
                partners: tuple[str, ...], bonus: dict[str, float]) -> np.ndarray:
    """(C, W): the value of each variant to the evaluator; column 0 (absent) is 0. Kept per
    evaluator and partners with everything it read, and given again while that stays put."""
    plan = value_plan(rules, variants, evaluator, partners)
    known = state.values
    noting = getattr(known, "names", None)
    if noting is not None:   # a reading copy of the values (``build_tables_noting_reads``)
        noting.update(plan.names)
    read = list(map(dict.get.__get__(known), plan.names))
    ctxs = [Ctx(rules, state, self_=s, partner=p) for s, p in plan.owners] if plan.conds or None in read else []
    holds = tuple(term.when.holds(ctxs[j]) for _, _, term, j in plan.conds)  # type: ignore[union-attr]
    weights = _weights(state, evaluator)
    head = (tuple(weights.items()), tuple(bonus.items()))
    key = (head, tuple(read), holds)
    slot = ("values", evaluator, partners)
    hit = variants.memo.get(slot)
    if hit is not None and hit[0] == key:
        return hit[1]
    complete = None not in read
    if not complete:
        read = _fill_missing(plan, read, ctxs, holds)
    values = _compute(plan, head, read, holds, variants.width)
    if complete:
        variants.memo[slot] = (key, values)
    return values


def _fill_missing(plan: _ValuePlan, read: list, ctxs: list[Ctx], holds: tuple[bool, ...]) -> list:
    """Values that are not state values (a partner's standing): read as ``term_value`` reads them,
    unless their term's condition does not hold (then the term is 0 and reads nothing)."""
    idle = {(s, c) for (s, c, _, _), h in zip(plan.conds, holds) if not h}
    out = list(read)
    for i, v in enumerate(read):
        if v is None:
            f, s, c = (int(a[i]) for a in plan.at)
            j, ref = plan.refs[i]
            out[i] = 0.0 if (s, c) in idle else ctxs[j].value(ref)
    return out


def _compute(plan: _ValuePlan, head: tuple[tuple, tuple], read: list, holds: tuple[bool, ...],
             width: int) -> np.ndarray:
    factors = plan.factors
    if plan.names:
        factors = factors.copy()
        factors[plan.at] = np.array(read, dtype=float)[:, None]
    prod = factors[0]
    for f in range(1, len(factors)):
        prod = prod * factors[f]
    scaled, bonus = _fixed_parts(plan, head)
    # amount x weight x (product - offset), in that order, as term_value does it.
    value = scaled * (prod - plan.offsets)
    if plan.divisors is not None:
        value = value / plan.divisors
    if plan.conds and not all(holds):
        on = np.ones(plan.amounts.shape, dtype=bool)
        for (s, c, _, _), h in zip(plan.conds, holds):
            on[s, c, 0] = h
        value = np.where(on, value, 0.0)
    # Summed term after term along the first axis (numpy adds whole slices in order there; it
    # sums pairwise only along the contiguous last axis), then the skill bonus.
    col = np.add.reduce(value, axis=0)
    col = col + bonus
    values = np.zeros((len(plan.skills), width))
    values[:, 1:] = np.where(plan.valid, col, 0.0)
    values.setflags(write=False)
    return values



def _fixed_parts(plan: _ValuePlan, head: tuple[tuple, tuple]) -> tuple[np.ndarray, np.ndarray]:
    """(amount x weight of every term slot, each clause type's skill bonus) for these weights and
    this bonus: they change only when a personality or the negotiator across the table does."""
    found = plan.memo.get(head)
    if found is None:
        weights, bonus = dict(head[0]), dict(head[1])
        weight = np.array([1.0, *(weights.get(k, 1.0) for k in plan.interests)])[plan.interest_of]
        if len(plan.memo) >= 64:
            plan.memo.clear()
        found = plan.memo[head] = (plan.amounts * weight, np.array([bonus.get(s, 0.0) for s in plan.skills])[:, None])
    return found
