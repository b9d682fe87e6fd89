"""Turning views into terminal text: the turn summary, the powers, the
inbox with breakdowns, events, treaties, and the end-of-game report."""
from __future__ import annotations

from game.engine import conference as conf
from game.engine.describe import describe_effects
from game.engine.events import event_by_id
from game.engine.game import Game
from game.engine.scoring import historical_outcome, objectives, outcome
from game.engine.views import (causes_of, hub_values, negotiator_rows, power_rows, proposal_line,
                               recorded_breakdown, treaty_lines)
from game.engine.strings import status_text


def rule(title: str = "") -> str:
    return f"== {title} " + "=" * max(0, 66 - len(title)) if title else "=" * 70


def summary(game: Game, viewer: str) -> str:
    rules, state = game.rules, game.state
    sc = rules.scenario
    out = [rule(f"{sc.title}: turn {state.turn + 1} of {rules.last_turn + 1}, {state.date}")]
    name = sc.powers[viewer].name
    out.append(f"You are {name}. Leader: {sc.powers[viewer].leaders[state.leaders[viewer]].name}.")
    hub = sc.powers[rules.hub].name
    vals = ", ".join(f"{title} {value:.0f}" for _, title, value in hub_values(rules, state)[:9])
    out.append(f"{hub}: {vals}")
    for cid in conf.sitting(state):
        cs = state.conferences[cid]
        c = sc.conferences[cid]
        who = ", ".join(sc.powers[p].name for p in cs.attending)
        out.append(f"{c.title} is sitting ({cs.state}) at {c.place}: {who}")
    news = [n for n in state.news if n["turn"] == state.turn or n["turn"] == state.turn - 1]
    if news:
        out.append(rule("News"))
        out += [f"  {n['date']}  {n['text']}" for n in news[-18:]]
    return "\n".join(out)


def powers_table(game: Game) -> str:
    rows = power_rows(game.rules, game.state)
    out = [f"{'power':16}{'status':28}{'trust':>6}{'fear':>6}{'trade':>6}{'left out':>9}{'near':>6}  leader"]
    for r in rows:
        tag = " (you)" if r.controller == "human" else ""
        out.append(f"{(r.name + tag)[:16]:16}{r.status_text[:27]:28}{r.trust:6.0f}{r.fear_of_revolution:6.0f}"
                   f"{r.commercial_interest:6.0f}{r.left_out:9.0f}{r.closeness:6.0f}  {r.leader}")
    out.append("trust: in Moscow's word; fear: of revolution; trade: commercial interest; "
               "left out: fear a rival settles first; near: closeness to a deal")
    return "\n".join(out)


def power_detail(game: Game, power: str) -> str:
    rules, state = game.rules, game.state
    p = rules.scenario.powers[power]
    leader = p.leaders[state.leaders[power]]
    out = [rule(p.name), f"Leader: {leader.name}, {leader.title}" + (f" ({leader.government})" if leader.government else "")]
    if leader.note:
        out.append(leader.note)
    if p.wants:
        out.append(f"Wants: {p.wants}")
    if power != rules.hub:
        v = state.values
        out.append(f"Status with {rules.scenario.powers[rules.hub].name}: {status_text(state.status.get(power, 0))}")
        out.append(f"Claims: pre-war debts {v[power + '.prewar_debt']:.0f}, war debts {v[power + '.war_debt']:.0f}, "
                   f"nationalized property {v[power + '.property']:.0f} (million gold rubles); "
                   f"counter-claim for intervention {v[power + '.counter_claim']:.0f}")
        out.append(f"Attitudes: trust {v[power + '.trust']:.0f}, fear of revolution {v[power + '.fear_of_revolution']:.0f}, "
                   f"commercial interest {v[power + '.commercial_interest']:.0f}, fear of being left out "
                   f"{v[power + '.left_out']:.0f}, closeness to a deal {v[power + '.closeness']:.0f}")
        trust_series = state.series.get(f"{power}.trust", [])
        if len(trust_series) > 1:
            out.append("Trust over time: " + " ".join(f"{x:.0f}" for x in trust_series[-10:]))
    grievances = [g for g in state.grievances if g.holder == power]
    for g in grievances:
        out.append(f"Grievance against {rules.scenario.powers[g.against].name}: {g.reason} "
                   f"(now {g.weight(state.today):.0f}, was {g.amount:.0f} on {g.day}; halves every {g.half_life} days)")
    causes = causes_of(state, power)
    if causes:
        out.append("Recent changes:")
        out += [f"  {c['date']}  {c['var'].split('.', 1)[1]} {c['by']:+.0f}: {c['cause']}" for c in causes]
    treaties = treaty_lines(rules, state, power)
    out.append("Treaties: " + ("" if treaties else "none"))
    out += ["  " + t for t in treaties]
    negs = negotiator_rows(rules, state, power)
    if negs:
        out.append("Negotiators:")
        out += [f"  {nid:10} {name:22} {skills}; mission: {mission}" for nid, name, skills, mission in negs]
    return "\n".join(out)


def clause_help(game: Game) -> str:
    out = [rule("Clauses")]
    for cid, ct in game.rules.scenario.clause_types.items():
        params = []
        for name, p in ct.params.items():
            if p.choices:
                params.append(f"{name}={'|'.join(p.choices)}")
            else:
                params.append(f"{name}={p.min:g}..{p.max:g}" + (f" {p.unit}" if p.unit else ""))
        out.append(f"{cid}({', '.join(params)})" if params else cid)
        out.append(f"    {ct.title}. {ct.description}".rstrip())
    return "\n".join(out)


def answers_to(game: Game, viewer: str) -> str:
    rules, state = game.rules, game.state
    out = []
    for p in state.proposals:
        if viewer in p.sender and p.status in ("accepted", "rejected", "countered") and \
                (p.closed_turn or 0) >= state.turn - 1:
            out.append(proposal_line(rules, p))
            for r in p.receivers:
                view = recorded_breakdown(rules, state, p, r, viewer)
                if view is not None:
                    out.append(view.text())
    return "\n".join(out)


def event_text(game: Game, event_id: str) -> str:
    e = event_by_id(game.rules, event_id)
    out = [rule(e.title), e.text]
    for o in e.options:
        out.append(f"  {o.id}: {o.title}" + (f" - {o.text}" if o.text else ""))
        effects = describe_effects(game.rules, o.effects)
        if effects:
            out.append(f"      ({effects})")
    return "\n".join(out)


def objectives_text(game: Game, power: str) -> str:
    res = objectives(game.rules, game.state, power)
    if not res:
        return "This power has no objectives in this scenario."
    out = [rule("Your objectives (if the game ended now)")]
    for o in res:
        out.append(f"  [{'x' if o.met else ' '}] {o.title} ({o.points:+.0f})")
    out.append(f"  {sum(o.points for o in res if o.met):.0f} of {sum(o.points for o in res if o.points > 0):.0f} points")
    return "\n".join(out)


def final_report(game: Game) -> str:
    rules, state = game.rules, game.state
    sc = rules.scenario
    out = [rule(f"The end: {sc.title}")]
    if state.end_reason:
        out.append(state.end_reason)
    for p in rules.powers:
        res = objectives(rules, state, p)
        if not res:
            continue
        pts = sum(o.points for o in res if o.met)
        tag = " (you)" if state.controllers[p] == "human" else ""
        out.append(f"{sc.powers[p].name}{tag}: {pts:.0f} points")
        for o in res:
            out.append(f"   [{'x' if o.met else ' '}] {o.title} ({o.points:+.0f})")
    got = outcome(rules, state)
    hist = historical_outcome(rules)
    names = {o.id: o for o in sc.history.outcomes}
    if got:
        out.append(f"Outcome: {names[got].title}.")
        if names[got].text:
            out.append(names[got].text)
    if hist:
        same = "as in history" if got == hist else "unlike history"
        out.append(f"In 1922: {names[hist].title} ({same}).")
    if sc.history.summary:
        out.append(sc.history.summary.strip())
    out.append(rule("Your treaties beside history"))
    for t in state.treaties:
        out.append(f"  {t.signed}  {t.title}: {', '.join(c.type for c in t.clauses)}")
    for m in sc.history.timeline:
        out.append(f"  {m.date}  (history) {m.text}")
    return "\n".join(out)
