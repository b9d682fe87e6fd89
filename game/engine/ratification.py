"""Ratification: a signature binds a power only when its politics at home agree.

An AI power signs only what its own breakdown accepts, so its cabinet,
parliament or Politburo already had their say. A person at the table may
sign anything; what the AI would have weighed for that power (its red
lines, the Allies' anger, opinion at home) then weighs at ratification:
a package that crosses one of the power's red lines, or that its own
breakdown counts as a net loss, is refused at home and never comes into
force. The refusal is news, with its reason, and the other side remembers
it. This is how the Politburo refused Krasin's Urquhart concession in 1922.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from game.engine.clauses import Package
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.strings import S, say
from game.engine.valuation import evaluate
from game.engine.world import Ctx


@dataclass(frozen=True)
class Refusal:
    """A signatory's politics at home refuse a treaty: who, and the main reason."""

    power: str
    reason: str
    total: float


def ratification_refusal(rules: Rules, state: State, power: str, partners: Sequence[str],
                         pkg: Package) -> Refusal | None:
    """Whether ``power``'s government at home refuses the package its negotiators signed.

    Only people's signatures are checked: an AI power's acceptance already passed
    the same breakdown."""
    if state.controllers.get(power) != "human":
        return None
    verdict = evaluate(rules, state, power, partners, pkg)
    if verdict.red_lines:
        return Refusal(power, verdict.red_lines[0], verdict.total)
    floor = rules.scenario.tuning.ratification_floor
    if verdict.total < floor:
        worst = min(verdict.lines, key=lambda line: line.value)
        return Refusal(power, S["ratify.net_loss"].format(total=verdict.total, worst=worst.label), verdict.total)
    return None


def refusals(rules: Rules, state: State, partners: Sequence[str], pkg: Package) -> list[Refusal]:
    """Every signatory (the hub first) whose government refuses to ratify."""
    out = []
    for power in [rules.hub, *partners]:
        r = ratification_refusal(rules, state, power, partners, pkg)
        if r is not None:
            out.append(r)
    return out


def refuse(rules: Rules, state: State, partners: Sequence[str], found: list[Refusal], title: str) -> None:
    """Record a failed ratification: news with the reason; the other side remembers it."""
    ctx = Ctx(rules, state)
    grievance = rules.scenario.tuning.ratification_grievance
    for r in found:
        who = rules.power_name(r.power, state)
        body = say("ratify.body.hub" if r.power == rules.hub else "ratify.body.partner", power=who)
        ctx.news(say("news.not_ratified", body=body, title=title, reason=r.reason),
                 "ratification", [rules.hub, *partners])
        others = list(partners) if r.power == rules.hub else [rules.hub]
        for other in others:
            if grievance > 0:
                ctx.add_grievance(other, r.power, grievance,
                                  S["cause.not_ratified"].format(power=who, title=title), None)
