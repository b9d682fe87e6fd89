"""The player's own government: domestic levers (for the hub power), the
negotiators and where each is posted, and the state of the country."""
from __future__ import annotations

from dataclasses import dataclass

from game.engine.legal import missions
from game.engine.rules import Rules
from game.engine.state import State
from game.i18n import S
from game.engine.views import hub_values, negotiator_rows
from game.ui.viewmodels.common import num, series, var_description
from game.ui.viewmodels.power import ValueVM


@dataclass(frozen=True)
class LeverVM:
    id: str
    title: str
    value: float
    lo: float
    hi: float
    step: float
    low: str
    high: str
    tooltip: str


@dataclass(frozen=True)
class NegotiatorVM:
    id: str
    name: str
    skills: str
    mission: str
    options: tuple[tuple[str, str], ...]
    tooltip: str


@dataclass(frozen=True)
class HomeVM:
    levers: tuple[LeverVM, ...]
    negotiators: tuple[NegotiatorVM, ...]
    values: tuple[ValueVM, ...]


def mission_label(rules: Rules, mission: str, state: State | None = None) -> str:
    if mission in rules.scenario.powers:
        return rules.power_name(mission, state)
    if mission in rules.scenario.conferences:
        return rules.scenario.conferences[mission].title
    return S["mission.home"].capitalize()


def home(rules: Rules, state: State, player: str) -> HomeVM:
    levers = []
    if player == rules.hub:
        for lever, pol in rules.scenario.policies.items():
            value = state.values.get(f"{rules.hub}.{pol.var}", pol.min)
            tip = S["ui.home.policy.tip"].format(description=" ".join(pol.description.split()), low=pol.low or "-",
                                                 high=pol.high or "-")
            levers.append(LeverVM(lever, pol.title, value, pol.min, pol.max, pol.step, pol.low, pol.high, tip))
    negs = []
    tun = rules.scenario.tuning
    allowed = missions(rules, state, player)
    for nid, name, _skills, mission in negotiator_rows(rules, state, player):
        n = rules.scenario.powers[player].negotiators[nid]
        sk = n.skills
        skills = S["ui.home.skills"].format(persuasion=sk.persuasion, economics=sk.economics, guile=sk.guile)
        opts = [(m, mission_label(rules, m, state)) for m in allowed]
        if mission not in allowed:
            opts.insert(0, (mission, mission_label(rules, mission, state)))
        tip = " ".join(x for x in (n.title + "." if n.title else "", n.note,
                                   S["ui.home.skills.tip"].format(need_p=tun.exact_breakdown_skill,
                                                                  need_g=tun.what_would_it_take_skill)) if x)
        negs.append(NegotiatorVM(nid, name, skills, mission, tuple(opts), tip))
    values = []
    if player == rules.hub:
        for vid, title, value in hub_values(rules, state):
            if vid in ("concessions", "grain_export", "gold_spending", "comintern"):
                continue
            name = f"{rules.hub}.{vid}"
            hist = tuple(series(state, name)[-12:])
            values.append(ValueVM(vid, title, value, num(value), f"{title}: {num(value)}. {var_description(rules, name)}",
                                  hist))
    return HomeVM(tuple(levers), tuple(negs), tuple(values))
