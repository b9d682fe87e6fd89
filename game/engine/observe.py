"""Observations: everything one seat may know, and nothing more, as strict JSON.

A seat is a power id, ``"facilitator"`` or ``"observer"``. Secret information
leaves the engine through here and nowhere else (after OpenSpiel's per-player
observations): a delegation reads its own objectives, envoys and proposals,
the public news, the treaties and the conferences as they sit, and of other
powers what its envoys' skill lets it read (``views.insight``). It never reads
another power's thresholds, value tables, objectives (until the game is over)
or private talks. The observer reads only what is public; the facilitator
reads everything.
"""
from __future__ import annotations

import math
from typing import Any

from game.engine import conference as conf
from game.engine.clauses import package_text
from game.engine.legal import FACILITATOR, OBSERVER
from game.engine.negotiators import mission_key
from game.engine.rules import Rules
from game.engine.scoring import objectives, scores
from game.engine.state import Proposal, State
from game.engine.strings import news_text, status_text
from game.engine.views import insight, shown

#: News of these kinds is private to the powers it names (talks, answers, envoys' orders, decisions).
PRIVATE_NEWS = ("proposal", "answer", "mission", "meeting", "choice")

#: A partner's attitudes to the hub power that a delegation may read (exactly or roughly, by insight).
ATTITUDES = ("trust", "fear_of_revolution", "commercial_interest", "left_out", "closeness")


def seats(rules: Rules) -> list[str]:
    """Every seat of a game of these rules."""
    return [*rules.powers, FACILITATOR, OBSERVER]


def may_see_news(entry: dict[str, Any], seat: str) -> bool:
    """Whether a news entry reaches ``seat``: public news reaches everyone, private news its powers."""
    if seat == FACILITATOR:
        return True
    return entry.get("kind") not in PRIVATE_NEWS or seat in entry.get("powers", [])


def _news(state: State, seat: str) -> list[dict[str, Any]]:
    """The news ``seat`` may read, in step with its inbox: news of a proposal reaches a receiver
    only when the proposal itself does (when the turn resolves)."""
    by_id = {p.id: p for p in state.proposals}
    out = []
    for n in state.news:
        prop = by_id.get(n.get("proposal", -1))
        if may_see_news(n, seat) and (prop is None or may_see_proposal(prop, seat)):
            out.append({**_plain(n), "text": news_text(n)})   # keys and arguments, and the English words
    return out


def may_see_proposal(p: Proposal, seat: str) -> bool:
    """The sender always; a receiver once it has been delivered; the facilitator always."""
    if seat == FACILITATOR:
        return True
    return seat in p.sender or (seat in p.receivers and p.delivered)


def observe(rules: Rules, state: State, seat: str) -> dict[str, Any]:
    """What ``seat`` may know now; raises ValueError for an unknown seat."""
    if seat not in seats(rules):
        raise ValueError(f"unknown seat {seat!r}; one of: {', '.join(seats(rules))}")
    power = seat if seat in rules.scenario.powers else None
    obs: dict[str, Any] = {
        "seat": seat, "scenario": state.scenario, "turn": state.turn, "last_turn": rules.last_turn,
        "date": state.date, "finished": state.finished, "end_reason": state.end_reason if state.finished else "",
        "hub": rules.hub, "ended": list(state.ended),
        "you": _you(rules, state, power),
        "objectives": _objectives(rules, state, seat),
        "envoys": {p: _envoys(rules, state, p) for p in rules.powers if seat in (p, FACILITATOR)},
        "powers": [_power(rules, state, seat, p) for p in rules.partners],
        "hub_values": _hub_values(rules, state) if seat in (rules.hub, FACILITATOR) else {},
        "proposals": [_proposal(rules, state, seat, p) for p in state.proposals if may_see_proposal(p, seat)],
        "news": _news(state, seat),
        # Every treaty in the state is signed, and signed treaties are public (those among other powers too).
        "treaties": [_treaty(rules, t) for t in state.treaties],
        "conferences": {cid: _conference(state, seat, cid) for cid in state.conferences},
        "choices": [{"event": c.event, "chooser": c.chooser, "turn": c.turn} for c in state.choices
                    if seat in (c.chooser, FACILITATOR)],
        "causes": [_cause(rules, state, seat, c) for c in state.causes if _may_see_var(rules, seat, c["var"])],
        "scores": scores(rules, state) if state.finished or seat == FACILITATOR else {},
    }
    return obs


def _you(rules: Rules, state: State, power: str | None) -> dict[str, Any] | None:
    if power is None:
        return None
    return {"power": power, "name": rules.scenario.powers[power].name, "controller": state.controllers[power],
            "ended": power in state.ended}


def _objectives(rules: Rules, state: State, seat: str) -> dict[str, list[dict[str, Any]]]:
    everyone = seat == FACILITATOR or state.finished
    return {p: [{"id": o.id, "title": o.title, "points": float(o.points), "met": o.met, "secret": o.secret}
                for o in objectives(rules, state, p)]
            for p in rules.powers if everyone or p == seat}


def _envoys(rules: Rules, state: State, power: str) -> list[dict[str, Any]]:
    out = []
    for nid, n in rules.scenario.powers[power].negotiators.items():
        s = n.skills
        out.append({"id": nid, "name": n.name, "title": n.title, "mission": state.missions.get(mission_key(power, nid), "home"),
                    "skills": {"persuasion": s.persuasion, "economics": s.economics, "guile": s.guile}})
    return out


def _exact(rules: Rules, state: State, seat: str, about: str) -> bool | None:
    """Exactly (True), roughly (False) or not at all (None): how ``seat`` reads ``about``."""
    if seat == FACILITATOR or seat == about:
        return True
    if seat == OBSERVER:
        return None
    return insight(rules, state, seat, about).exact


def _power(rules: Rules, state: State, seat: str, p: str) -> dict[str, Any]:
    spec = rules.scenario.powers[p]
    row: dict[str, Any] = {
        "id": p, "name": spec.name, "leader": spec.leaders[state.leaders[p]].name,
        "status": int(state.status.get(p, 0)), "status_text": status_text(state.status.get(p, 0)),
        "controller": state.controllers[p],
        "attending": [cid for cid in conf.sitting(state) if p in state.conferences[cid].attending],
    }
    exact = _exact(rules, state, seat, p)
    row["exact"] = exact
    row["attitudes"] = {} if exact is None else \
        {a: shown(state.values[f"{p}.{a}"], exact) for a in ATTITUDES if f"{p}.{a}" in state.values}
    return row


def _hub_values(rules: Rules, state: State) -> dict[str, float]:
    return {d.name: round(state.values[n], 3) for n, d in sorted(rules.vars.defs.items())
            if d.scope == "hub" and n.startswith(rules.hub + ".")}


def _clauses(clauses: Any) -> list[dict[str, Any]]:
    return [{"type": c.type, "params": {k: _plain(v) for k, v in c.params}} for c in clauses]


def _proposal(rules: Rules, state: State, seat: str, p: Proposal) -> dict[str, Any]:
    verdicts = {}
    for who, rec in p.verdicts.items():
        exact = _exact(rules, state, seat, who)
        if exact is None:
            continue
        v: dict[str, Any] = {
            "lines": [[label, shown(value, exact)] for label, value, _kind in rec["lines"] if abs(value) >= 0.5],
            "total": shown(rec["total"], exact), "red_lines": list(rec["red_lines"]), "exact": exact}
        if seat in (who, FACILITATOR):
            v["threshold"] = float(rec["threshold"])
        verdicts[who] = v
    return {"id": p.id, "sender": list(p.sender), "receivers": list(p.receivers), "text": package_text(tuple(p.clauses)),
            "clauses": _clauses(p.clauses), "turn": p.turn, "date": p.date, "title": p.title, "note": p.text,
            "conference": p.conference, "channel": p.channel, "reply_to": p.reply_to, "status": p.status,
            "delivered": p.delivered, "answers": dict(p.answers), "verdicts": verdicts, "negotiator": p.negotiator,
            "closed_turn": p.closed_turn}


def _treaty(rules: Rules, t: Any) -> dict[str, Any]:
    return {"id": t.id, "title": t.title, "partners": list(t.partners), "parties": t.parties(rules.hub),
            "hub_party": t.hub_party, "text": package_text(tuple(t.clauses)),
            "clauses": _clauses(t.clauses), "signed": t.signed, "turn": t.turn, "in_force": t.in_force,
            "cancelled": t.cancelled, "cancelled_by": t.cancelled_by, "conference": t.conference}


def _conference(state: State, seat: str, cid: str) -> dict[str, Any]:
    cs = state.conferences[cid]
    return {"state": cs.state, "invited": list(cs.invited), "attending": list(cs.attending),
            "walked_out": list(cs.walked_out), "excluded": list(cs.excluded),
            "speeches": [_plain(s) for s in cs.speeches],
            "meetings": [_plain(m) for m in cs.meetings if seat in (m.get("a"), m.get("b"), FACILITATOR)]}


def _may_see_var(rules: Rules, seat: str, var: str) -> bool:
    """Causes of changes: a delegation knows why its own values moved; the hub power, why its partners' did."""
    owner = var.split(".")[0]
    return seat == FACILITATOR or owner == seat or (seat == rules.hub and owner in rules.partners)


def _cause(rules: Rules, state: State, seat: str, c: dict[str, Any]) -> dict[str, Any]:
    owner = c["var"].split(".")[0]
    exact = owner not in rules.scenario.powers or _exact(rules, state, seat, owner)
    return _plain({**c, "by": shown(c["by"], bool(exact))})


def _plain(obj: Any) -> Any:
    """Strict JSON: plain containers, finite numbers."""
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, bool) or obj is None or isinstance(obj, str):
        return obj
    if isinstance(obj, int):
        return int(obj)
    if isinstance(obj, float) or hasattr(obj, "__float__"):
        f = float(obj)
        return f if math.isfinite(f) else None
    return str(obj)
