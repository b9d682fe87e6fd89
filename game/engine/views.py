"""Views: what one power may see of the game, as plain data for front ends.

Front ends (terminal, window, classroom) draw these and send commands; they
hold no rules. A player sees attitudes, claims, treaties and news; how
exactly they read another power's reasons, and whether they can ask what
would change its mind, depends on their negotiators' skill (a facilitator
sees everything exactly).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from game.engine import conference as conf, sidetalks
from game.engine.conference import venue_name
from game.engine.clauses import Package, package_text
from game.engine.legal import FACILITATOR
from game.engine.negotiation import pending_for
from game.engine.negotiators import mission_key, negotiators_reaching
from game.engine.ratification import ratification_refusal
from game.engine.rules import Rules
from game.engine.sides import treaty_partners
from game.engine.search import Advice, what_would_it_take
from game.engine.state import Proposal, State
from game.engine.strings import S, status_text
from game.engine.valuation import Verdict, clause_allowed, evaluate


@dataclass(frozen=True)
class Insight:
    """How well a viewer reads another power: exact numbers? what would it take?"""

    exact: bool
    what_it_takes: bool
    via: str = ""


def insight(rules: Rules, state: State, viewer: str | None, about: str) -> Insight:
    if viewer is None:
        return Insight(True, True, "facilitator")
    negs = rules.scenario.powers[viewer].negotiators
    if not negs:
        return Insight(True, True, "embassy")
    reaching = negotiators_reaching(rules, state, viewer, about) or list(negs.items())
    tun = rules.scenario.tuning
    best_p = max(reaching, key=lambda n: n[1].skills.persuasion)
    best_g = max(reaching, key=lambda n: n[1].skills.guile)
    return Insight(best_p[1].skills.persuasion >= tun.exact_breakdown_skill,
                   best_g[1].skills.guile >= tun.what_would_it_take_skill, best_p[1].name)


def shown(value: float, exact: bool) -> float:
    """A number as a viewer sees it: exact, or rounded to the nearest 5."""
    return round(value, 1) if exact else 5.0 * round(value / 5.0)


def threshold_seen(value: float, own: bool, exact: bool | None) -> float | None:
    """A power's threshold as a viewer may read it (the one rule; observations use it too): exactly
    its own (or as the facilitator), to the nearest 5 through envoys who read that power exactly,
    otherwise not at all."""
    if own:
        return float(value)
    return shown(value, False) if exact else None


def threshold_shown(rules: Rules, state: State, viewer: str | None, about: str, value: float) -> float | None:
    """``threshold_seen`` for a viewer (None: the facilitator)."""
    if viewer in (None, FACILITATOR, about):
        return float(value)
    if viewer not in rules.scenario.powers:
        return None
    return threshold_seen(value, False, insight(rules, state, viewer, about).exact)


@dataclass
class BreakdownView:
    power: str
    power_name: str
    heading: str
    lines: list[tuple[str, float]]
    total: float
    threshold: float | None  # None: the viewer cannot read it (see threshold_seen)
    accepted: bool
    red_lines: list[str]
    exact: bool
    advice: str = ""
    threshold_exact: bool = True

    def against(self) -> str:
        """The threshold as far as the viewer may read it."""
        if self.threshold is None:
            return S["verdict.against.hidden"]
        key = "verdict.against" if self.threshold_exact else "verdict.against.about"
        return S[key].format(threshold=self.threshold)

    def text(self) -> str:
        sign = "" if self.exact else S["verdict.about"] + " "
        out = [f"{self.power_name} weighs: {self.heading}"]
        for label, value in self.lines:
            out.append(f"  {sign}{value:+6.0f}  {label}")
        out.append("  " + "-" * 6)
        verdict = S["verdict.accepted"] if self.accepted else S["verdict.refused"]
        out.append(f"  {sign}{self.total:+6.0f}  {self.against()}: {verdict}")
        for r in self.red_lines:
            out.append("  " + S["verdict.red_line"].format(reason=r))
        if self.advice:
            out.append("  " + self.advice)
        return "\n".join(out)


def breakdown_view(rules: Rules, state: State, verdict: Verdict, viewer: str | None,
                   advice: Advice | None = None, advice_hidden: bool = False) -> BreakdownView:
    ins = insight(rules, state, viewer, verdict.evaluator)
    exact = ins.exact or viewer == verdict.evaluator
    lines = [(line.label, shown(line.value, exact)) for line in verdict.lines if abs(line.value) >= 0.5]
    lines.sort(key=lambda item: -abs(item[1]))
    text = ""
    if advice is not None:
        text = advice.text()
    elif advice_hidden and viewer is not None:
        skill = rules.scenario.tuning.what_would_it_take_skill
        able = [n.name for n in rules.scenario.powers[viewer].negotiators.values() if n.skills.guile >= skill]
        text = S["wwit.hidden"].format(skill=skill, who=", ".join(able) or "none of yours")
    own = viewer is None or viewer == verdict.evaluator
    return BreakdownView(verdict.evaluator, rules.power_name(verdict.evaluator, state),
                         package_text(verdict.package) or "-", lines, shown(verdict.total, exact),
                         threshold_seen(verdict.threshold, own, ins.exact), verdict.accepted,
                         list(verdict.red_lines), exact, text, own)


def estimate(rules: Rules, state: State, viewer: str, sender: Sequence[str], receivers: Sequence[str],
             pkg: Package) -> list[BreakdownView]:
    """How each receiver would judge ``pkg`` now, as the viewer can read it, with advice if refused.

    Between two powers other than the hub (a side talk) the receiver weighs the topic's terms; the
    advice of what would it take is for treaties with the hub only."""
    if sidetalks.is_side(rules, sender, receivers):
        return [breakdown_view(rules, state, sidetalks.judge(rules, state, r, sender[0], pkg), viewer)
                for r in receivers]
    partners = treaty_partners(rules, sender, receivers)
    views = []
    for r in receivers:
        verdict = evaluate(rules, state, r, partners, pkg)
        ins = insight(rules, state, viewer, r)
        advice = None
        if not verdict.accepted and ins.what_it_takes:
            advice = what_would_it_take(rules, state, sender, receivers, pkg, addressee=r)
        views.append(breakdown_view(rules, state, verdict, viewer, advice, not verdict.accepted and not ins.what_it_takes))
    return views


def home_refusal(rules: Rules, state: State, viewer: str, sender: Sequence[str], receivers: Sequence[str],
                 pkg: Package) -> str | None:
    """Why the viewer's own government would refuse to ratify ``pkg`` if it were signed now, or None.

    A person may sign what the AI would not; their cabinet, parliament or Politburo then weighs it
    (game/engine/ratification.py). The estimate says so before the proposal goes out."""
    if not pkg or sidetalks.is_side(rules, sender, receivers) or viewer not in (*sender, *receivers):
        return None
    partners = treaty_partners(rules, sender, receivers)
    if not all(clause_allowed(rules, state, partners, c) for c in pkg):
        return None         # a clause that cannot be signed at all is the estimate's red line already
    refusal = ratification_refusal(rules, state, viewer, partners, pkg)
    return refusal.reason if refusal is not None else None


def recorded_breakdown(rules: Rules, state: State, proposal: Proposal, power: str,
                       viewer: str | None) -> BreakdownView | None:
    """The breakdown stored with an answer (as it was when the answer was given)."""
    rec = proposal.verdicts.get(power)
    if rec is None:
        return None
    ins = insight(rules, state, viewer, power)
    exact = ins.exact or viewer == power
    lines = [(label, shown(v, exact)) for label, v, _kind in rec["lines"] if abs(v) >= 0.5]
    lines.sort(key=lambda item: -abs(item[1]))
    accepted = proposal.answers.get(power) == "accept"
    own = viewer is None or viewer == power
    return BreakdownView(power, rules.power_name(power, state), package_text(tuple(proposal.clauses)), lines,
                         shown(rec["total"], exact), threshold_seen(rec["threshold"], own, ins.exact), accepted,
                         rec["red_lines"], exact, threshold_exact=own)


@dataclass
class PowerRow:
    id: str
    name: str
    leader: str
    status: int
    status_text: str
    trust: float
    fear_of_revolution: float
    commercial_interest: float
    left_out: float
    closeness: float
    controller: str
    attending: list[str] = field(default_factory=list)


def power_rows(rules: Rules, state: State) -> list[PowerRow]:
    rows = []
    for p in rules.partners:
        v = state.values
        leader = rules.scenario.powers[p].leaders[state.leaders[p]].name
        attending = [cid for cid in conf.sitting(state) if p in state.conferences[cid].attending]
        rows.append(PowerRow(p, rules.power_name(p, state), leader, state.status.get(p, 0),
                             status_text(state.status.get(p, 0)), v[f"{p}.trust"], v[f"{p}.fear_of_revolution"],
                             v[f"{p}.commercial_interest"], v[f"{p}.left_out"], v[f"{p}.closeness"],
                             state.controllers[p], attending))
    return rows


def hub_values(rules: Rules, state: State) -> list[tuple[str, str, float]]:
    """(id, title, value) of the hub power's own state values."""
    out = []
    for name, d in sorted(rules.vars.defs.items()):
        if d.scope == "hub" and name.startswith(rules.hub + "."):
            out.append((d.name, d.title, state.values[name]))
    order = ["gold", "trade", "output", "harvest", "famine", "discontent", "nep_support", "comintern", "prestige",
             "concessions", "grain_export", "gold_spending"]
    out.sort(key=lambda t: order.index(t[0]) if t[0] in order else 99)
    return out


def causes_of(state: State, power: str, limit: int = 8) -> list[dict[str, Any]]:
    """The latest remembered causes of changes to a power's values."""
    mine = [c for c in state.causes if c["var"].startswith(power + ".")]
    return mine[-limit:]


def inbox(rules: Rules, state: State, power: str) -> list[Proposal]:
    return pending_for(state, power)


def outbox(state: State, power: str) -> list[Proposal]:
    return [p for p in state.proposals if power in p.sender and p.status == "pending"]


def negotiator_rows(rules: Rules, state: State, power: str) -> list[tuple[str, str, str, str]]:
    """(id, name, skills, mission) of a power's negotiators."""
    out = []
    for nid, n in rules.scenario.powers[power].negotiators.items():
        s = n.skills
        mission = state.missions.get(mission_key(power, nid), "home")
        out.append((nid, n.name, f"persuasion {s.persuasion}, economics {s.economics}, guile {s.guile}", mission))
    return out


def proposal_line(rules: Rules, p: Proposal, state: State | None = None) -> str:
    sender = ", ".join(rules.power_name(s, state) for s in p.sender)
    receivers = ", ".join(rules.power_name(r, state) for r in p.receivers)
    if p.conference:
        at = f" in {venue_name(rules, p.conference, p.channel)}"
    else:
        at = ""
    return f"[{p.id}] {sender} -> {receivers}{at}: {package_text(tuple(p.clauses))} ({p.title}; {p.status})"


def treaty_lines(rules: Rules, state: State, power: str | None = None) -> list[str]:
    out = []
    for t in state.treaties:
        if power and power != rules.hub and power not in t.partners:
            continue
        who = ", ".join(rules.power_name(p, state) for p in t.partners)
        state_txt = "in force" if t.in_force else f"cancelled {t.cancelled}"
        out.append(f"[{t.id}] {t.title} - {who}, signed {t.signed}: {package_text(tuple(t.clauses))} ({state_txt})")
    return out
