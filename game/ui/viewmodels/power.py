"""A power's panel as data: leader and government, what it wants, its
place on the ladder of relations, its attitudes with their recent history
and the causes of their changes, its claims and the hub's counter-claims,
treaties in force, and grievances with how far they have faded."""
from __future__ import annotations

from dataclasses import dataclass

from game.engine.legal import OBSERVER
from game.engine.negotiators import negotiators_reaching
from game.engine.observe import observe
from game.engine.rules import Rules
from game.engine.state import State
from game.i18n import S, status_text
from game.engine.views import hub_values, shown
from game.ui.viewmodels.common import (date_text, num, package_words, power_name, series, short_date, var_description,
                                       var_title)

ATTITUDES = ("trust", "regard", "fear_of_revolution", "commercial_interest", "left_out", "closeness", "mood",
             "urgency")
CLAIMS = ("prewar_debt", "war_debt", "property", "counter_claim", "defaulted")


@dataclass(frozen=True)
class ValueVM:
    id: str
    title: str
    value: float
    text: str
    tooltip: str
    history: tuple[float, ...]


@dataclass(frozen=True)
class TreatyVM:
    id: int
    title: str
    text: str
    signed: str
    partners: str


@dataclass(frozen=True)
class GrievanceVM:
    text: str
    now: float
    was: float
    fraction: float
    tooltip: str


@dataclass(frozen=True)
class PowerPanelVM:
    id: str
    name: str
    leader: str
    government: str
    note: str
    description: str
    wants: str
    status: int
    status_text: str
    is_player: bool
    is_hub: bool
    attitudes: tuple[ValueVM, ...]
    claims: tuple[ValueVM, ...]
    treaties: tuple[TreatyVM, ...]
    grievances: tuple[GrievanceVM, ...]
    causes: tuple[str, ...]
    facing: str


def _value(rules: Rules, state: State, power: str, v: str, exact: bool) -> ValueVM | None:
    """One of a power's values and its recent history, as exactly as the player reads that power."""
    name = f"{power}.{v}"
    if name not in state.values:
        return None
    value = shown(state.values[name], exact)
    hist = tuple(shown(x, exact) for x in series(state, name)[-8:])
    history = " \u2192 ".join(num(x) for x in hist) if len(hist) > 1 else num(value)
    tip = S["ui.power.trend.tip"].format(title=var_title(rules, name), value=value, history=history,
                                         description=var_description(rules, name))
    return ValueVM(v, var_title(rules, name), value, num(value), tip, hist)


def power_panel(rules: Rules, state: State, power: str, player: str) -> PowerPanelVM:
    p = rules.scenario.powers[power]
    leader = p.leaders[state.leaders[power]]
    obs = observe(rules, state, player if player in rules.scenario.powers else OBSERVER)
    # How exactly the player reads this power (None: not at all), by the same rule as its observation.
    exact = True if power == player else next((row["exact"] for row in obs["powers"] if row["id"] == power), None)
    if power == rules.hub:
        # The hub has no attitude towards itself: its panel shows the state of the country instead,
        # which only the hub's own delegation reads.
        names = [vid for vid, _, _ in hub_values(rules, state) if vid in obs["hub_values"]][:8]
        attitudes = tuple(a for a in (_value(rules, state, power, v, True) for v in names) if a is not None)
        claims: tuple[ValueVM, ...] = ()
    else:
        read = [] if exact is None else ATTITUDES
        attitudes = tuple(a for a in (_value(rules, state, power, v, bool(exact)) for v in read) if a is not None)
        claims = tuple(c for c in (_value(rules, state, power, v, bool(exact)) for v in CLAIMS if exact is not None)
                       if c is not None)
    treaties = []
    for t in state.treaties:
        if not t.in_force or (power != rules.hub and power not in t.partners):
            continue
        treaties.append(TreatyVM(t.id, t.title, package_words(rules, t.clauses), date_text(t.signed),
                                 ", ".join(power_name(rules, x, state) for x in t.partners)))
    griev = []
    for g in state.grievances:
        if g.holder != power:
            continue
        now = g.weight(state.today)
        if now < 0.5:
            continue
        reason = g.reason if g.against == rules.hub else f"{g.reason} ({power_name(rules, g.against, state)})"
        griev.append(GrievanceVM(
            S["ui.power.grievance"].format(reason=reason, now=now, was=g.amount, since=date_text(g.day),
                                           half=g.half_life),
            now, g.amount, now / g.amount if g.amount else 0.0,
            S["ui.power.grievance.tip"].format(half=g.half_life)))
    mine = [c for c in obs["causes"] if c["var"].startswith(power + ".")][-16:]
    causes = tuple(S["ui.power.cause"].format(date=short_date(c["date"]), title=var_title(rules, c["var"]),
                                              by=c["by"], cause=c["cause"])
                   for c in reversed(mine) if abs(c["by"]) >= 0.5)[:10]
    if power == player:
        facing = S["ui.power.you"]
    else:
        negs = [n.name for _, n in negotiators_reaching(rules, state, player, power)]
        facing = S["ui.power.facing"].format(names=", ".join(negs)) if negs else \
            S["ui.power.facing.none"].format(name=rules.power_name(power, state))
        if not rules.scenario.powers[player].negotiators:
            facing = ""
    level = state.status.get(power, 0)
    return PowerPanelVM(
        power, rules.power_name(power, state), S["ui.power.leader"].format(name=leader.name, title=leader.title or "").rstrip(", "),
        S["ui.power.government"].format(government=leader.government) if leader.government else "",
        leader.note, " ".join(p.description.split()), S["ui.power.wants"].format(wants=p.wants) if p.wants else "",
        level, status_text(level), power == player, power == rules.hub, attitudes, claims, tuple(treaties),
        tuple(griev), causes, facing)
