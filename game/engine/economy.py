"""The monthly motion of the state: the scenario's dynamics (the economy,
attitudes drifting back to their baselines), treaty flows, fading
closeness, and each power's fear of being left out."""
from __future__ import annotations

from game.engine.model.clauses import Flow
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.treaties import flow_amount, run_treaty_flows
from game.engine.world import Ctx, update_left_out


def _per_partner(flow: Flow) -> bool:
    return flow.var.startswith("partner.") or any(r.startswith("partner.") for r in flow.per)


def run_dynamics(rules: Rules, state: State, months: float) -> None:
    """Compute every dynamic from the same state, then apply them together."""
    changes: list[tuple[Ctx, str, float, str]] = []
    for flow in rules.scenario.dynamics:
        owners = rules.partners if _per_partner(flow) else [None]
        for p in owners:
            ctx = Ctx(rules, state, self_=p, partner=p)
            amount = flow_amount(ctx, flow, None, 1, months)
            if amount:
                changes.append((ctx, flow.var, amount, flow.label))
    for ctx, var, amount, label in changes:
        ctx.adjust(var, amount, label)


def fade_closeness(rules: Rules, state: State, months: float) -> None:
    keep = (1.0 - rules.scenario.tuning.closeness_decay) ** months
    for p in rules.partners:
        state.values[f"{p}.closeness"] = round(state.values[f"{p}.closeness"] * keep, 6)


def prune_grievances(state: State) -> None:
    today = state.today
    state.grievances = [g for g in state.grievances if g.weight(today) >= 0.5]


def monthly(rules: Rules, state: State, months: float) -> None:
    run_dynamics(rules, state, months)
    run_treaty_flows(rules, state, months)
    fade_closeness(rules, state, months)
    update_left_out(rules, state)
    prune_grievances(state)
