"""Terms that do not depend on the clauses: attitudes, fear of being left out, time
waiting, grievances, bloc solidarity, and the skill of the negotiator across the table."""
from __future__ import annotations

from datetime import date
from functools import lru_cache, partial
from typing import Callable, Iterator, Sequence

from game.engine.negotiators import facing
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.strings import S
from game.engine.valuation.lines import Line
from game.engine.valuation.terms import _weights, format_label, term_value
from game.engine.world import Ctx


def _months_waiting(rules: Rules, state: State, partners: Sequence[str]) -> float:
    last = rules.scenario.start
    for t in state.treaties:
        if t.hub_party and any(p in t.partners for p in partners):
            last = max(last, _day(t.signed))
    return max(0.0, (state.today - last).days / 30.0)


@lru_cache(maxsize=1024)
def _day(iso: str) -> date:
    return date.fromisoformat(iso)


def context_lines(rules: Rules, state: State, evaluator: str, partners: Sequence[str]) -> list[Line]:
    """Terms that do not depend on the clauses: attitudes, fears, time, grievances, blocs."""
    return [Line(label(), value, kind) for value, kind, label in _context_terms(rules, state, evaluator, partners)]


def context_value(rules: Rules, state: State, evaluator: str, partners: Sequence[str]) -> float:
    """The sum of ``context_lines``, the same to the last bit, without writing their labels
    (the AI's tables need only the sum, many times a turn)."""
    return sum(value for value, _, _ in _context_terms(rules, state, evaluator, partners))


def _context_terms(rules: Rules, state: State, evaluator: str,
                   partners: Sequence[str]) -> Iterator[tuple[float, str, Callable[[], str]]]:
    """(value, kind, how to write its label) of each context term, in the breakdown's order."""
    tun = rules.scenario.tuning
    hub = rules.hub
    v = state.values
    others = list(partners) if evaluator == hub else [hub]
    if evaluator == hub:
        regard = sum(v[f"{p}.regard"] for p in partners) / len(partners)
        yield (regard - 50) * tun.regard_weight, "attitude", lambda: S["line.regard"].format(value=regard)
    else:
        trust = v[f"{evaluator}.trust"]
        yield (trust - 50) * tun.trust_weight, "attitude", lambda: S["line.trust"].format(value=trust)
        left = v[f"{evaluator}.left_out"]
        if left > 0:
            yield left * tun.left_out_weight, "context", lambda: _left_out_label(rules, state, evaluator)
    weights = _weights(state, evaluator)
    owners = partners if evaluator == hub else [evaluator]
    for term in rules.scenario.powers[evaluator].attitude:
        val = sum(float(term_value(Ctx(rules, state, evaluator, p), term, {}, weights)) for p in owners) / len(owners)
        if val:
            yield val, "attitude", partial(format_label, term.label, None, Ctx(rules, state, evaluator, owners[0]))
    urgency = v[f"{evaluator}.urgency"]
    months = _months_waiting(rules, state, partners)
    if urgency and months:
        yield urgency * months * tun.urgency_weight, "context", lambda: S["line.urgency"].format(months=months)
    today = state.today
    for g in state.grievances:
        if g.holder == evaluator and g.against in others:
            w = g.weight(today)
            if w >= 0.5:
                yield -w, "grievance", partial(S["line.grievance"].format, reason=g.reason, since=g.day)
    yield from _bloc_terms(rules, state, evaluator, partners)


def _left_out_label(rules: Rules, state: State, power: str) -> str:
    fears = rules.scenario.powers[power].fears
    if not fears:
        return S["line.left_out"].format(rival="")
    rival = max(fears, key=lambda r: fears[r] * state.values.get(f"{r}.closeness", 0.0))
    return S["line.left_out"].format(rival=S["line.left_out.rival"].format(rival=rules.power_name(rival, state)))


def _bloc_terms(rules: Rules, state: State, evaluator: str,
               partners: Sequence[str]) -> Iterator[tuple[float, str, Callable[[], str]]]:
    tun = rules.scenario.tuning
    for bid, bloc in rules.scenario.blocs.items():
        unity = state.values[f"world.{bid}_unity"]
        if evaluator == rules.hub:
            if len(partners) > 1 and all(p in bloc.members for p in partners) and unity >= bloc.joint_above:
                yield unity * tun.joint_pressure, "context", partial(S["line.united_front"].format, bloc=bloc.name,
                                                                     unity=unity)
        elif evaluator in bloc.members and unity > 0:
            together = [p for p in partners if p in bloc.members]
            if len(together) < 2:
                yield -unity * bloc.solidarity, "context", partial(S["line.solidarity"].format, bloc=bloc.name,
                                                                   unity=unity)


def skill_bonus(rules: Rules, state: State, evaluator: str, partners: Sequence[str]) -> tuple[str, dict[str, float]]:
    """(negotiator name, bonus per skill) for the negotiator facing the evaluator."""
    other_side = list(partners) if evaluator == rules.hub else [rules.hub]
    face = facing(rules, state, other_side, evaluator)
    if face is None:
        return "", {}
    _, _, neg = face
    k = rules.scenario.tuning.skill_bonus
    s = neg.skills
    return neg.name, {"persuasion": (s.persuasion - 5) * k, "economics": (s.economics - 5) * k,
                      "guile": (s.guile - 5) * k}
