"""What each clause brings a power: its terms from the scenario, weighed by the power's
interests and split among the partners of a treaty."""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

from game.engine.clauses import Clause
from game.engine.model.clauses import Term
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.strings import S
from game.engine.valuation.lines import Line
from game.engine.world import Ctx

Num = float | np.ndarray


def term_value(ctx: Ctx, term: Term, params: Mapping[str, Num], weights: Mapping[str, float]) -> Num:
    """amount x weight x (product(per) - offset) / (1 + rate x years)."""
    if term.when is not None and not term.when.holds(ctx):
        return 0.0
    weight = weights.get(term.interest, 1.0) if term.interest else 1.0
    prod: Num = 1.0
    for ref in term.per:
        prod = prod * (ctx.value(ref) if "." in ref else params[ref])
    value = term.amount * weight * (prod - term.offset)
    if term.discount is not None:
        value = value / (1.0 + term.discount.rate * params[term.discount.param])
    return value


def clause_params(rules: Rules, clause: Clause, split: int) -> dict[str, float]:
    ct = rules.clause_type(clause.type)
    out = {}
    for name, p in ct.params.items():
        num = p.number(clause.get(name, p.default))  # type: ignore[arg-type]
        out[name] = num / split if p.split else num
    return out


def format_label(label: str, clause: Clause | None, ctx: Ctx) -> str:
    if "{" not in label:
        return label
    values: dict[str, str] = {}
    if clause is not None:
        for k, v in clause.params:
            values[k] = f"{v:g}" if isinstance(v, float) else str(v).replace("_", " ")
    try:
        return label.format_map(_Lenient(values))
    except (ValueError, IndexError):
        return label


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _weights(state: State, power: str) -> dict[str, float]:
    return state.personality[power]


def _side_key(rules: Rules, evaluator: str) -> str:
    return "hub" if evaluator == rules.hub else "partner"


def clause_lines(rules: Rules, state: State, evaluator: str, partners: Sequence[str],
                 clause: Clause) -> list[Line]:
    """The terms one clause brings the evaluator (summed over partners for the hub)."""
    ct = rules.clause_type(clause.type)
    terms = ct.value.get(_side_key(rules, evaluator), [])
    n = len(partners)
    params = clause_params(rules, clause, n)
    whole = clause_params(rules, clause, 1)
    weights = _weights(state, evaluator)
    lines = []
    for term in terms:
        total = 0.0
        owners = partners if evaluator == rules.hub else [evaluator]
        if term.once:
            owners = owners[:1]
        for p in owners:
            ctx = Ctx(rules, state, self_=evaluator, partner=p)
            total += float(term_value(ctx, term, whole if term.once else params, weights))
        if total != 0.0:
            label = format_label(term.label, clause, Ctx(rules, state, evaluator, owners[0]))
            if evaluator == rules.hub and n > 1:
                label = S["line.several_powers"].format(label=label, n=n)
            lines.append(Line(label, total, "clause", clause.type))
    return lines
