"""Objectives, scores, and how a game compares with history."""
from __future__ import annotations

from dataclasses import dataclass

from game.engine.rules import Rules
from game.engine.state import State
from game.engine.world import Ctx


@dataclass(frozen=True)
class ObjectiveResult:
    id: str
    title: str
    points: float
    met: bool
    secret: bool


def objective_key(power: str, objective: str) -> str:
    return f"{power}.{objective}"


def check_any_time(rules: Rules, state: State) -> None:
    """Record any-time objectives that hold at the end of this turn."""
    for power, objectives in rules.scenario.objectives.items():
        ctx = Ctx(rules, state, self_=power)
        for obj in objectives:
            key = objective_key(power, obj.id)
            if obj.any_time and key not in state.objectives_met and obj.condition.holds(ctx):
                state.objectives_met[key] = state.turn


def objectives(rules: Rules, state: State, power: str) -> list[ObjectiveResult]:
    ctx = Ctx(rules, state, self_=power)
    out = []
    for obj in rules.scenario.objectives.get(power, []):
        if obj.any_time:
            met = objective_key(power, obj.id) in state.objectives_met
        else:
            met = bool(obj.condition.holds(ctx))
        out.append(ObjectiveResult(obj.id, obj.title, obj.points, met, obj.secret))
    return out


def score(rules: Rules, state: State, power: str) -> float:
    return float(sum(o.points for o in objectives(rules, state, power) if o.met))


def scores(rules: Rules, state: State) -> dict[str, float]:
    return {p: score(rules, state, p) for p in rules.powers}


def outcome(rules: Rules, state: State) -> str | None:
    """The first of the scenario's outcomes that holds now (its id), or None."""
    ctx = Ctx(rules, state)
    for o in rules.scenario.history.outcomes:
        if o.condition.holds(ctx):
            return o.id
    return None


def historical_outcome(rules: Rules) -> str | None:
    for o in rules.scenario.history.outcomes:
        if o.historical:
            return o.id
    return None
