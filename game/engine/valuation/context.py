"""Terms that do not depend on the clauses: attitudes, fear of being left out, time
waiting, grievances, bloc solidarity, and the skill of the negotiator across the table."""
from __future__ import annotations

from datetime import date
from typing import Sequence

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
            last = max(last, date.fromisoformat(t.signed))
    return max(0.0, (state.today - last).days / 30.0)


def context_lines(rules: Rules, state: State, evaluator: str, partners: Sequence[str]) -> list[Line]:
    """Terms that do not depend on the clauses: attitudes, fears, time, grievances, blocs."""
    tun = rules.scenario.tuning
    hub = rules.hub
    lines: list[Line] = []
    v = state.values
    others = list(partners) if evaluator == hub else [hub]
    if evaluator == hub:
        regard = sum(v[f"{p}.regard"] for p in partners) / len(partners)
        lines.append(Line(S["line.regard"].format(value=regard), (regard - 50) * tun.regard_weight, "attitude"))
    else:
        trust = v[f"{evaluator}.trust"]
        lines.append(Line(S["line.trust"].format(value=trust), (trust - 50) * tun.trust_weight, "attitude"))
        left = v[f"{evaluator}.left_out"]
        if left > 0:
            lines.append(Line(_left_out_label(rules, state, evaluator), left * tun.left_out_weight, "context"))
    weights = _weights(state, evaluator)
    for term in rules.scenario.powers[evaluator].attitude:
        owners = partners if evaluator == hub else [evaluator]
        val = sum(float(term_value(Ctx(rules, state, evaluator, p), term, {}, weights)) for p in owners) / len(owners)
        if val:
            lines.append(Line(format_label(term.label, None, Ctx(rules, state, evaluator, owners[0])), val, "attitude"))
    urgency = v[f"{evaluator}.urgency"]
    months = _months_waiting(rules, state, partners)
    if urgency and months:
        lines.append(Line(S["line.urgency"].format(months=months), urgency * months * tun.urgency_weight, "context"))
    today = state.today
    for g in state.grievances:
        if g.holder == evaluator and g.against in others:
            w = g.weight(today)
            if w >= 0.5:
                lines.append(Line(S["line.grievance"].format(reason=g.reason, since=g.day), -w, "grievance"))
    lines.extend(_bloc_lines(rules, state, evaluator, partners))
    return lines


def _left_out_label(rules: Rules, state: State, power: str) -> str:
    fears = rules.scenario.powers[power].fears
    if not fears:
        return S["line.left_out"].format(rival="")
    rival = max(fears, key=lambda r: fears[r] * state.values.get(f"{r}.closeness", 0.0))
    return S["line.left_out"].format(rival=S["line.left_out.rival"].format(rival=rules.power_name(rival, state)))


def _bloc_lines(rules: Rules, state: State, evaluator: str, partners: Sequence[str]) -> list[Line]:
    lines = []
    tun = rules.scenario.tuning
    for bid, bloc in rules.scenario.blocs.items():
        unity = state.values[f"world.{bid}_unity"]
        if evaluator == rules.hub:
            if len(partners) > 1 and all(p in bloc.members for p in partners) and unity >= bloc.joint_above:
                lines.append(Line(S["line.united_front"].format(bloc=bloc.name, unity=unity),
                                  unity * tun.joint_pressure, "context"))
        elif evaluator in bloc.members and unity > 0:
            together = [p for p in partners if p in bloc.members]
            if len(together) < 2:
                lines.append(Line(S["line.solidarity"].format(bloc=bloc.name, unity=unity),
                                  -unity * bloc.solidarity, "context"))
    return lines


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
