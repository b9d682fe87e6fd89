"""Turning views into terminal text: the turn summary, the powers, the
inbox with breakdowns, events, treaties, and the end-of-game report.

What changes in play (news, attitudes, objectives, conferences) is read from
the viewer's observation (``Game.observe``), so the terminal shows a seat
what that seat may know and nothing more."""
from __future__ import annotations

from game.engine.describe import describe_effects
from game.engine.events import event_by_id
from game.engine.obligations import worded
from game.engine.game import Game
from game.engine.glossary import glossary_of
from game.engine.debrief import debrief
from game.engine.legal import OBSERVER
from game.engine.scoring import historical_outcome, outcome
from game.engine.views import (hub_values, negotiator_rows, proposal_line,
                               recorded_breakdown, treaty_lines)
from game.i18n import S, news_text, status_text


def rule(title: str = "") -> str:
    return f"== {title} " + "=" * max(0, 66 - len(title)) if title else "=" * 70


def summary(game: Game, viewer: str) -> str:
    rules, obs = game.rules, game.observe(viewer)
    sc = rules.scenario
    out = [rule(S["text.turn"].format(title=sc.title, turn=obs["turn"] + 1, turns=rules.last_turn + 1, date=obs["date"]))]
    if viewer in sc.powers:
        leader = sc.powers[viewer].leaders[game.state.leaders[viewer]].name   # who leads a power is public
        out.append(S["text.you_are"].format(power=rules.power_name(viewer, game.state), leader=leader))
    if obs["hub_values"]:
        hub = obs["hub_name"]
        vals = ", ".join(f"{title} {obs['hub_values'][vid]:.0f}" for vid, title, _ in hub_values(rules, game.state)[:9])
        out.append(f"{hub}: {vals}")
    for cid, cs in obs["conferences"].items():
        if cs["state"] not in ("open", "broken"):
            continue
        c = sc.conferences[cid]
        who = ", ".join(rules.power_name(p, game.state) for p in cs["attending"])
        out.append(S["text.sitting"].format(conference=c.title, state=cs["state"], place=c.place, who=who))
    news = [n for n in obs["news"] if n["turn"] in (obs["turn"], obs["turn"] - 1)]
    if news:
        out.append(rule(S["text.news"]))
        out += [f"  {n['date']}  {news_text(n)}" for n in news[-18:]]
    return "\n".join(out)


def powers_table(game: Game, viewer: str) -> str:
    """Every partner power, its attitudes as the viewer reads them ("?" where it cannot)."""
    out = [S["text.powers.head"]]
    for r in game.observe(viewer)["powers"]:
        tag = S["text.you_tag"] if r["controller"] == "human" else ""
        att = r["attitudes"]
        cells = [f"{att[a]:{w}.0f}" if a in att else f"{'?':>{w}}" for a, w in
                 (("trust", 6), ("fear_of_revolution", 6), ("commercial_interest", 6), ("left_out", 9), ("closeness", 6))]
        out.append(f"{(r['name'] + tag)[:16]:16}{r['status_text'][:27]:28}{''.join(cells)}  {r['leader']}")
    out.append(S["text.powers.key"])
    return "\n".join(out)


def power_detail(game: Game, power: str, viewer: str) -> str:
    rules, state = game.rules, game.state
    obs = game.observe(viewer)
    p = rules.scenario.powers[power]
    leader = p.leaders[state.leaders[power]]
    out = [rule(rules.power_name(power, state)), S["text.leader"].format(name=leader.name, title=leader.title) + (f" ({leader.government})" if leader.government else "")]
    if leader.note:
        out.append(leader.note)
    if p.wants:
        out.append(S["text.wants"].format(wants=p.wants))
    row = next((r for r in obs["powers"] if r["id"] == power), None)
    if row is not None:
        out.append(S["text.status_with"].format(hub=obs["hub_name"], status=status_text(row["status"])))
        claims = row["claims"]
        if claims:
            out.append(S["text.claims"].format(prewar=claims.get("prewar_debt", 0.0), war=claims.get("war_debt", 0.0),
                                               property=claims.get("property", 0.0),
                                               counter=claims.get("counter_claim", 0.0)))
        att = row["attitudes"]
        if att:
            out.append(S["text.attitudes"].format(trust=att["trust"], fear=att["fear_of_revolution"],
                                                  interest=att["commercial_interest"], left_out=att["left_out"],
                                                  closeness=att["closeness"]))
        trust_series = state.series.get(f"{power}.trust", []) if row["exact"] else []
        if len(trust_series) > 1:
            out.append(S["text.trust_over_time"] + " ".join(f"{x:.0f}" for x in trust_series[-10:]))
    for g in row["grievances"] if row is not None else []:
        out.append(S["text.grievance"].format(against=rules.power_name(g["against"], state), reason=g["reason"],
                                              now=g["now"], was=g["was"], day=g["day"], half=g["half_life"]))
    causes = [c for c in obs["causes"] if c["var"].startswith(power + ".")][-8:]
    if causes:
        out.append(S["text.recent_changes"])
        out += [f"  {c['date']}  {c['var'].split('.', 1)[1]} {c['by']:+.0f}: {c['cause']}" for c in causes]
    treaties = treaty_lines(rules, state, power)
    out.append(S["text.treaties"] + ("" if treaties else S["text.none"]))
    out += ["  " + t for t in treaties]
    negs = negotiator_rows(rules, state, power) if power in obs["envoys"] else []
    if negs:
        out.append(S["text.negotiators"])
        out += [f"  {nid:10} {name:22} {skills}; " + S["text.mission"].format(mission=mission) for nid, name, skills, mission in negs]
    return "\n".join(out)


def clause_help(game: Game) -> str:
    out = [rule(S["text.clauses"])]
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


def answers_to(game: Game, viewer: str, recent: bool = True, most: int = 12) -> str:
    """How the viewer's proposals were answered: the last turn's (``recent``), or the latest ``most`` of all.

    A proposal to several powers shows each answer as it comes, before the last one closes it.
    """
    rules, state = game.rules, game.state
    seen = {p["id"] for p in game.observe(viewer)["proposals"] if viewer in p["sender"] and p["answers"]}
    answered = [p for p in state.proposals if p.id in seen
                and (not recent or (p.closed_turn if p.closed_turn is not None else state.turn) >= state.turn - 1)]
    out = []
    for p in answered[-most:]:
        out.append(proposal_line(rules, p, state))
        for r in p.receivers:
            if r not in p.answers:
                continue
            view = recorded_breakdown(rules, state, p, r, viewer)
            if view is not None:
                out.append(view.text())
    return "\n".join(out)


def event_text(game: Game, event_id: str, chooser: str | None = None) -> str:
    e = event_by_id(game.rules, event_id)
    title, text = worded(game.rules, game.state, event_id, chooser or e.chooser or game.rules.hub)
    out = [rule(title), text]
    if names_note(game, text):
        out.append(names_note(game, text))
    for o in e.options:
        out.append(f"  {o.id}: {o.title}" + (f" - {o.text}" if o.text else ""))
        effects = describe_effects(game.rules, o.effects, e.chooser, game.state)
        if effects:
            out.append(f"      ({effects})")
    return "\n".join(out)


def levers_text(game: Game, power: str) -> str:
    """Every policy lever of the hub: its setting now, its range and what it does."""
    rules, state = game.rules, game.state
    levers = rules.scenario.policies
    if not levers:
        return S["text.no_levers"]
    out = [rule(S["text.levers"])]
    for lid, pol in levers.items():
        now = state.values.get(f"{rules.hub}.{pol.var}", pol.min)
        out.append(S["text.lever_line"].format(id=lid, title=pol.title, now=now, low=pol.min, high=pol.max, step=pol.step))
        if pol.description:
            out.append(f"      {pol.description}")
        if pol.low or pol.high:
            out.append("      " + S["text.lever_ends"].format(low=pol.low or "-", high=pol.high or "-"))
    if power != rules.hub:  # only the hub may set them: no 'Set one with' for the others
        out.append(S["text.levers_hub_only"].format(hub=rules.power_name(rules.hub, state)))
    else:
        out.append(S["text.lever_usage"])
    return "\n".join(out)


def agenda_text(game: Game, conferences: list[str]) -> str:
    """The agenda of each conference: the questions one may speak on."""
    rules, state = game.rules, game.state
    if not conferences:
        return S["text.no_conferences"]
    out = []
    for cid in conferences:
        c = rules.scenario.conferences[cid]
        cs = state.conferences.get(cid)
        out.append(rule(S["text.agenda_of"].format(conference=c.title, state=getattr(cs, "state", "not_started"))))
        if not c.agenda:
            out.append("  " + S["text.no_agenda"])
        for item in c.agenda:
            about = f" ({', '.join(item.clauses)})" if item.clauses else ""
            out.append(f"  {item.id}: {item.title}{about}")
        if c.agenda:
            out.append(S["text.speak_with"].format(conference=cid, item=c.agenda[0].id))
    return "\n".join(out)


def objectives_text(game: Game, power: str) -> str:
    res = game.observe(power)["objectives"].get(power, [])
    if not res:
        return S["text.no_objectives"]
    out = [rule(S["text.objectives"])]
    for o in res:
        out.append(f"  [{'x' if o['met'] else ' '}] {o['title']} ({o['points']:+.0f})")
    out.append(S["text.points_of"].format(got=sum(o["points"] for o in res if o["met"]),
                                          best=sum(o["points"] for o in res if o["points"] > 0)))
    return "\n".join(out)


def final_report(game: Game, viewer: str = OBSERVER) -> str:
    """The end: every power's objectives as the viewer may read them (everyone's, once the game is over)."""
    rules, state = game.rules, game.state
    obs = game.observe(viewer)
    sc = rules.scenario
    out = [rule(S["text.the_end"].format(title=sc.title))]
    if state.end_reason:
        out.append(state.end_reason)
    for p, res in obs["objectives"].items():
        if not res:
            continue
        pts = sum(o["points"] for o in res if o["met"])
        tag = S["text.you_tag"] if state.controllers[p] == "human" else ""
        out.append(S["text.power_points"].format(power=rules.power_name(p, state) + tag, points=pts))
        for o in res:
            out.append(f"   [{'x' if o['met'] else ' '}] {o['title']} ({o['points']:+.0f})")
    got = outcome(rules, state)
    hist = historical_outcome(rules)
    names = {o.id: o for o in sc.history.outcomes}
    if got:
        out.append(S["text.outcome"].format(outcome=names[got].title))
        if names[got].text:
            out.append(names[got].text)
    out.append(" ".join(n.text(S) for n in debrief(rules, state)["game"]))  # what happened here, and why
    if hist:
        same = S["text.as_history"] if got == hist else S["text.unlike_history"]
        out.append(S["text.in_history"].format(outcome=names[hist].title, same=same))
    if sc.history.summary:
        out.append(sc.history.summary.strip())
    out.append(rule(S["text.beside_history"]))
    for t in obs["treaties"]:
        out.append(f"  {t['signed']}  {t['title']}: {', '.join(c['type'] for c in t['clauses'])}")
    for m in sc.history.timeline:
        out.append(f"  {m.date}  " + S["text.history_tag"] + f" {m.text}")
    return "\n".join(out)


def glossary_text(game: "Game", term: str = "") -> str:
    """The glossary: every entry's name grouped by kind (no term), or the entry a name, spelling or id
    names exactly, else every entry whose names contain ``term``, in full."""
    entries = game.rules.scenario.glossary
    if not entries:
        return S["text.glossary.empty"]
    g = glossary_of(entries)
    term = (term or "").strip()
    if not term:
        out = []
        for kind, group in g.grouped():
            out.append(rule(S[f"ui.ency.group.{kind}"]))
            out += [f"  {e.term}" + (f"  ({', '.join(e.aka)})" if e.aka else "") for e in group]
        return "\n".join(out)
    hits = g.lookup(term)
    if not hits:
        return S["text.glossary.none"].format(term=term)
    return "\n\n".join(f"{e.term} ({e.kind})\n  " + " ".join(e.text.split()) for e in hits)


def names_note(game: "Game", text: str) -> str:
    """A quiet pointer under a text that names glossary entries: ``(glossary: Rathenau, Genoa)``; empty
    when it names none."""
    g = glossary_of(game.rules.scenario.glossary)
    seen: dict[str, str] = {}
    for span in g.find(text):
        seen.setdefault(span.entry, " ".join(text[span.start:span.end].split()))
    return S["text.glossary.see"].format(names=", ".join(seen.values())) if seen else ""