"""What no sum can buy: red lines, clauses barred or already in force, scarce goods
already granted, and the count of refusals a re-sent package has met."""
from __future__ import annotations

from typing import Sequence

from game.engine.clauses import Clause, Package
from game.engine.model.clauses import ClauseMatch, RedLine
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.treaties import clause_status
from game.engine.world import Ctx


def _match(rules: Rules, m: ClauseMatch, clause: Clause) -> bool:
    if clause.type != m.clause:
        return False
    ct = rules.clause_type(clause.type)
    for name, bound in m.at_least.items():
        p = ct.params[name]
        if rules.param_number(clause, name) < p.number(bound):
            return False
    for name, bound in m.at_most.items():
        p = ct.params[name]
        if rules.param_number(clause, name) > p.number(bound):
            return False
    return True


def active_red_lines(rules: Rules, state: State, evaluator: str, partners: Sequence[str]) -> list[RedLine]:
    ctx = Ctx(rules, state, self_=evaluator, partner=partners[0] if evaluator == rules.hub else evaluator)
    return [r for r in rules.scenario.powers[evaluator].red_lines if r.when is None or r.when.holds(ctx)]


def red_lines_hit(rules: Rules, state: State, evaluator: str, partners: Sequence[str], pkg: Package) -> list[str]:
    hits = []
    for r in active_red_lines(rules, state, evaluator, partners):
        if r.requires is not None:
            if not any(_match(rules, r.requires, c) for c in pkg):
                hits.append(r.reason)
        elif any(_match(rules, r.refuses, c) for c in pkg):
            if r.unless is None or not any(_match(rules, r.unless, c) for c in pkg):
                hits.append(r.reason)
    return hits


def in_force_with(state: State, partners: Sequence[str]) -> dict[str, list[Clause]]:
    """Clauses already in force with any of these partners, by type."""
    out: dict[str, list[Clause]] = {}
    for t in state.treaties:
        if t.in_force and t.hub_party and any(p in t.partners for p in partners):
            for c in t.clauses:
                out.setdefault(c.type, []).append(c)
    return out


def clause_allowed(rules: Rules, state: State, partners: Sequence[str], clause: Clause,
                   in_force: dict[str, list[Clause]] | None = None) -> bool:
    """Whether this clause is possible with these partners now: not barred by the scenario, not a
    repeat of one in force (unless repeatable), and, for a recognition, one that raises the status
    of at least one partner (Britain's de facto recognition, already granted, changes nothing)."""
    ct = rules.clause_type(clause.type)
    if ct.partners is not None and any(p not in ct.partners for p in partners):
        return False
    if ct.exclusive is not None and _taken(rules, state, clause, ct.exclusive):
        return False
    if ct.status_param is not None:
        # A recognition that raises nobody's standing changes nothing, and is worth nothing.
        return any(clause_status(rules, clause) > state.status.get(p, 0) for p in partners)
    held = (in_force if in_force is not None else in_force_with(state, partners)).get(clause.type, [])
    return ct.repeatable or not held


def _taken(rules: Rules, state: State, clause: Clause, param: str) -> bool:
    """Whether a scarce good (this value of ``param``) is already granted to some power."""
    mine = rules.param_number(clause, param)
    return any(t.in_force and t.hub_party and c.type == clause.type and rules.param_number(c, param) == mine
               for t in state.treaties for c in t.clauses)


def disallowed(rules: Rules, state: State, partners: Sequence[str], pkg: Package) -> list[str]:
    """Clauses not allowed in this package: barred with these partners, or already in force."""
    held = in_force_with(state, partners)
    return [c.type for c in pkg if not clause_allowed(rules, state, partners, c, held)]


def times_refused(rules: Rules, state: State, evaluator: str, partners: Sequence[str], pkg: Package) -> int:
    """How often ``evaluator`` already refused (or countered) this very package from this side.
    Repetition is not persuasion: each refusal makes the same terms weigh less, never more."""
    if not pkg:
        return 0
    return refusals(rules, state, evaluator, partners).get(tuple(sorted(map(str, pkg))), 0)


def refusals(rules: Rules, state: State, evaluator: str, partners: Sequence[str]) -> dict[tuple[str, ...], int]:
    """Every package ``evaluator`` refused (or countered) from this side, as its sorted clauses
    written out, with how often."""
    side = set(partners)
    out: dict[tuple[str, ...], int] = {}
    for p in state.proposals:
        if p.answers.get(evaluator) not in ("reject", "counter"):
            continue
        theirs = p.receivers if rules.hub in p.sender else p.sender
        if set(theirs) == side:
            key = tuple(sorted(map(str, p.clauses)))
            out[key] = out.get(key, 0) + 1
    return out
