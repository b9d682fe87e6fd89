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
from typing import Any, Iterable

from game.engine import conference as conf
from game.engine.clauses import package_text
from game.engine.legal import FACILITATOR, OBSERVER
from game.engine.negotiators import mission_key
from game.engine import sidetalks as side
from game.engine.rules import Rules
from game.engine.scoring import objectives, scores
from game.engine.state import Proposal, State
from game.engine.strings import news_text, status_text
from game.engine.views import insight, shown, threshold_seen

#: News of these kinds is private to the powers it names (talks, answers, envoys' orders, decisions).
PRIVATE_NEWS = ("proposal", "answer", "mission", "meeting", "choice", "decision")

#: A partner's attitudes to the hub power that a delegation may read (exactly or roughly, by insight).
ATTITUDES = ("trust", "fear_of_revolution", "commercial_interest", "left_out", "closeness")

#: A partner's claims on the hub power, read the same way.
CLAIMS = ("prewar_debt", "war_debt", "property", "counter_claim")


def seats(rules: Rules) -> list[str]:
    """Every seat of a game of these rules."""
    return [*rules.powers, FACILITATOR, OBSERVER]


def may_see_news(entry: dict[str, Any], seat: str) -> bool:
    """Whether a news entry reaches ``seat``: public news reaches everyone, private news its powers."""
    if seat == FACILITATOR:
        return True
    return entry.get("kind") not in PRIVATE_NEWS or seat in entry.get("powers", [])


def may_see_proposal(p: Proposal, seat: str) -> bool:
    """The sender always; a receiver once it has been delivered; the facilitator always."""
    if seat == FACILITATOR:
        return True
    return seat in p.sender or (seat in p.receivers and p.delivered)


def observe(rules: Rules, state: State, seat: str) -> dict[str, Any]:
    """What ``seat`` may know now; raises ValueError for an unknown seat."""
    return observe_all(rules, state, [seat])[seat]


def observe_all(rules: Rules, state: State, seats_: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """Every listed seat's observation (all seats by default), sharing the work common to them.

    Parts that read the same for several seats (treaties, public news, a partner's attitudes as read
    exactly or roughly) are one object shared between their observations: serialise them, never
    mutate them."""
    wanted = seats(rules) if seats_ is None else list(seats_)
    known = set(seats(rules))
    for seat in wanted:
        if seat not in known:
            raise ValueError(f"unknown seat {seat!r}; one of: {', '.join(seats(rules))}")
    common = _Common(rules, state)
    return {seat: common.observe(seat) for seat in wanted}


class _Common:
    """One state's observable parts, each computed once however many seats ask for it."""

    def __init__(self, rules: Rules, state: State) -> None:
        self.rules, self.state = rules, state
        self._exact: dict[tuple[str, str], bool | None] = {}
        self._cache: dict[Any, Any] = {}

    def _once(self, key: Any, make: Any) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def exact(self, seat: str, about: str) -> bool | None:
        """Exactly (True), roughly (False) or not at all (None): how ``seat`` reads ``about``."""
        key = (seat, about)
        if key not in self._exact:
            if seat == FACILITATOR or seat == about:
                self._exact[key] = True
            elif seat == OBSERVER:
                self._exact[key] = None
            else:
                self._exact[key] = insight(self.rules, self.state, seat, about).exact
        return self._exact[key]

    def observe(self, seat: str) -> dict[str, Any]:
        rules, state = self.rules, self.state
        power = seat if seat in rules.scenario.powers else None
        return {
            "seat": seat, "scenario": state.scenario, "turn": state.turn, "last_turn": rules.last_turn,
            "date": state.date, "finished": state.finished, "end_reason": state.end_reason if state.finished else "",
            "hub": rules.hub, "hub_name": rules.power_name(rules.hub, state), "ended": list(state.ended),
            "you": _you(rules, state, power),
            "objectives": self.objectives(seat),
            "envoys": {p: self._once(("envoys", p), lambda p=p: _envoys(rules, state, p))
                       for p in rules.powers if seat in (p, FACILITATOR)},
            "powers": [self.power(seat, p) for p in rules.partners],
            "hub_values": self._once("hub_values", lambda: _hub_values(rules, state))
            if seat in (rules.hub, FACILITATOR) else {},
            "proposals": [self.proposal(seat, p) for p in state.proposals if may_see_proposal(p, seat)],
            "news": self.news(seat),
            # Every treaty in the state is signed, and signed treaties are public (those among other powers too).
            "treaties": self._once("treaties", lambda: [_treaty(rules, t) for t in state.treaties]),
            "conferences": {cid: self.conference(seat, cid) for cid in state.conferences},
            "choices": [{"event": c.event, "chooser": c.chooser, "turn": c.turn} for c in state.choices
                        if seat in (c.chooser, FACILITATOR)],
            "causes": self.causes(seat),
            "scores": self._once("scores", lambda: scores(rules, state))
            if state.finished or seat == FACILITATOR else {},
        }

    def objectives(self, seat: str) -> dict[str, list[dict[str, Any]]]:
        everyone = seat == FACILITATOR or self.state.finished
        return {p: self._once(("objectives", p), lambda p=p: _objectives_of(self.rules, self.state, p))
                for p in self.rules.powers if everyone or p == seat}

    def power(self, seat: str, p: str) -> dict[str, Any]:
        base = self._once(("power", p), lambda: _power_base(self.rules, self.state, p))
        exact = self.exact(seat, p)
        told = seat in (p, self.rules.hub, FACILITATOR)  # a grievance is known to its holder and the hub
        return {**base, "exact": exact,
                "attitudes": self._once(("attitudes", p, exact), lambda: _read(self.state, p, ATTITUDES, exact)),
                "claims": self._once(("claims", p, exact), lambda: _read(self.state, p, CLAIMS, exact)),
                "grievances": self._once(("grievances", p, exact), lambda: _grievances(self.state, p, exact))
                if told else []}

    def proposal(self, seat: str, p: Proposal) -> dict[str, Any]:
        base = self._once(("proposal", p.id), lambda: _proposal_base(p))
        verdicts = {}
        for who, rec in p.verdicts.items():
            exact = self.exact(seat, who)
            if exact is None:
                continue
            own = seat in (who, FACILITATOR)
            verdicts[who] = self._once(("verdict", p.id, who, exact, own), lambda: _verdict(rec, exact, own))
        return {**base, "verdicts": verdicts}

    def news(self, seat: str) -> list[dict[str, Any]]:
        """The news ``seat`` may read, in step with its inbox: news of a proposal reaches a receiver
        only when the proposal itself does (when the turn resolves)."""
        def entries() -> list[tuple[dict[str, Any], Proposal | None, dict[str, Any]]]:
            by_id = {p.id: p for p in self.state.proposals}
            # keys and arguments, and the English words
            return [(n, by_id.get(n.get("proposal", -1)), {**_plain(n), "text": news_text(n)}) for n in self.state.news]
        out = []
        rumoured: set[tuple[int, frozenset[str]]] = set()      # a rumour of the same talks once a turn
        for i, (n, prop, plain) in enumerate(self._once("news", entries)):
            if n.get("kind") == "side_talk" and seat not in n.get("powers", ()):
                seen = self.side_talk(seat, i, n, plain)
                if seen is not None and seen.get("kind") == "side_rumour":
                    key = (int(n.get("turn", 0)), frozenset(n.get("powers", ())))
                    if key in rumoured:
                        continue
                    rumoured.add(key)
                if seen is not None:
                    out.append(seen)
            elif may_see_news(n, seat) and (prop is None or may_see_proposal(prop, seat)):
                out.append(plain)
        return out

    def side_talk(self, seat: str, i: int, n: dict[str, Any], plain: dict[str, Any]) -> dict[str, Any] | None:
        """News of talks among other powers, for a seat not at the table: in full, as a rumour, or not at
        all, as far as its intelligence about the parties reaches now (the facilitator and observer: in full)."""
        if seat in (FACILITATOR, OBSERVER):
            return plain
        parties = tuple(n.get("powers", ()))
        level = self._once(("side_level", seat, parties),
                           lambda: side.news_level(self.rules, self.state, seat, list(parties)))
        if level == "full":
            return plain
        if level == "rumour":
            return self._once(("side_rumour", i), lambda: (lambda r: {**_plain(r), "text": news_text(r)})(
                side.rumour(self.rules, n)))
        return None

    def conference(self, seat: str, cid: str) -> dict[str, Any]:
        cs = self.state.conferences[cid]
        base = self._once(("conference", cid), lambda: {
            "state": cs.state, "invited": list(cs.invited), "attending": list(cs.attending),
            "walked_out": list(cs.walked_out), "excluded": list(cs.excluded),
            "speeches": [_plain(s) for s in cs.speeches]})
        meetings = self._once(("meetings", cid), lambda: [(m, _plain(m)) for m in cs.meetings])
        return {**base, "meetings": [plain for m, plain in meetings if seat in (m.get("a"), m.get("b"), FACILITATOR)]}

    def causes(self, seat: str) -> list[dict[str, Any]]:
        """Causes of changes: a delegation knows why its own values moved; the hub power, why its partners' did.
        The longest part of an observation, so each cause is made plain once per way of reading it, and a
        delegation walks only its own causes."""
        rules, causes = self.rules, self.state.causes
        by_owner: dict[str, list[int]] = self._once("causes_by_owner", lambda: _group_by_owner(causes))
        if seat == FACILITATOR:
            seen = range(len(causes))
        else:
            owners = {seat, *rules.partners} if seat == rules.hub else {seat}
            groups = [by_owner[o] for o in owners if o in by_owner]
            seen = groups[0] if len(groups) == 1 else sorted(i for g in groups for i in g)
        made: dict[tuple[int, bool | None], dict[str, Any]] = self._once("cause_shown", dict)
        exact_of: dict[str, bool] = {}
        out = []
        for i in seen:
            c = causes[i]
            owner = c["var"].split(".", 1)[0]
            exact = exact_of.get(owner)
            if exact is None:
                exact = exact_of[owner] = owner not in rules.scenario.powers or bool(self.exact(seat, owner))
            entry = made.get((i, exact))
            if entry is None:
                base = made.get((i, None))
                if base is None:
                    base = made[(i, None)] = _plain(c)
                entry = made[(i, exact)] = {**base, "by": _plain(shown(c["by"], exact))}
            out.append(entry)
        return out


def _group_by_owner(causes: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Indexes of the causes, by the power (or other owner) whose value moved."""
    out: dict[str, list[int]] = {}
    for i, c in enumerate(causes):
        out.setdefault(c["var"].split(".", 1)[0], []).append(i)
    return out


def _you(rules: Rules, state: State, power: str | None) -> dict[str, Any] | None:
    if power is None:
        return None
    return {"power": power, "name": rules.power_name(power, state), "controller": state.controllers[power],
            "ended": power in state.ended}


def _objectives_of(rules: Rules, state: State, power: str) -> list[dict[str, Any]]:
    return [{"id": o.id, "title": o.title, "points": float(o.points), "met": o.met, "secret": o.secret}
            for o in objectives(rules, state, power)]


def _envoys(rules: Rules, state: State, power: str) -> list[dict[str, Any]]:
    out = []
    for nid, n in rules.scenario.powers[power].negotiators.items():
        s = n.skills
        out.append({"id": nid, "name": n.name, "title": n.title, "mission": state.missions.get(mission_key(power, nid), "home"),
                    "skills": {"persuasion": s.persuasion, "economics": s.economics, "guile": s.guile}})
    return out


def _power_base(rules: Rules, state: State, p: str) -> dict[str, Any]:
    spec = rules.scenario.powers[p]
    return {"id": p, "name": rules.power_name(p, state), "leader": spec.leaders[state.leaders[p]].name,
            "status": int(state.status.get(p, 0)), "status_text": status_text(state.status.get(p, 0)),
            "controller": state.controllers[p],
            "attending": [cid for cid in conf.sitting(state) if p in state.conferences[cid].attending]}


def _read(state: State, p: str, names: tuple[str, ...], exact: bool | None) -> dict[str, float]:
    """Some of a partner's values, exactly or roughly (nothing when the seat cannot read it)."""
    if exact is None:
        return {}
    return {a: shown(state.values[f"{p}.{a}"], exact) for a in names if f"{p}.{a}" in state.values}


def _grievances(state: State, p: str, exact: bool | None) -> list[dict[str, Any]]:
    """The wrongs a partner remembers, with their weight now and at first, as the seat reads it."""
    if exact is None:
        return []
    return [{"against": g.against, "reason": g.reason, "now": shown(g.weight(state.today), exact),
             "was": shown(g.amount, exact), "day": g.day, "half_life": g.half_life}
            for g in state.grievances if g.holder == p]


def _hub_values(rules: Rules, state: State) -> dict[str, float]:
    return {d.name: round(state.values[n], 3) for n, d in sorted(rules.vars.defs.items())
            if d.scope == "hub" and n.startswith(rules.hub + ".")}


def _clauses(clauses: Any) -> list[dict[str, Any]]:
    return [{"type": c.type, "params": {k: _plain(v) for k, v in c.params}} for c in clauses]


def _verdict(rec: dict[str, Any], exact: bool, own: bool) -> dict[str, Any]:
    v: dict[str, Any] = {
        "lines": [[label, shown(value, exact)] for label, value, _kind in rec["lines"] if abs(value) >= 0.5],
        "total": shown(rec["total"], exact), "red_lines": list(rec["red_lines"]), "exact": exact}
    threshold = threshold_seen(rec["threshold"], own, exact)
    if threshold is not None:
        v["threshold"] = threshold
    return v


def _proposal_base(p: Proposal) -> dict[str, Any]:
    return {"id": p.id, "sender": list(p.sender), "receivers": list(p.receivers), "text": package_text(tuple(p.clauses)),
            "clauses": _clauses(p.clauses), "turn": p.turn, "date": p.date, "title": p.title, "note": p.text,
            "conference": p.conference, "channel": p.channel, "reply_to": p.reply_to, "status": p.status,
            "delivered": p.delivered, "answers": dict(p.answers), "negotiator": p.negotiator,
            "closed_turn": p.closed_turn}


def _treaty(rules: Rules, t: Any) -> dict[str, Any]:
    return {"id": t.id, "title": t.title, "partners": list(t.partners), "parties": t.parties(rules.hub),
            "hub_party": t.hub_party, "text": package_text(tuple(t.clauses)),
            "clauses": _clauses(t.clauses), "signed": t.signed, "turn": t.turn, "in_force": t.in_force,
            "cancelled": t.cancelled, "cancelled_by": t.cancelled_by, "conference": t.conference}


def _plain(obj: Any) -> Any:
    """Strict JSON: plain containers, finite numbers. Plain atoms take the short way (this runs for
    every entry of news and causes, the bulk of an observation)."""
    t = type(obj)
    if t is str or t is int or t is bool or obj is None:
        return obj
    if t is float:
        return obj if math.isfinite(obj) else None
    if t is dict:
        return {k if type(k) is str else str(k): _plain(v) for k, v in obj.items()}
    if t is list or t is tuple:
        return [_plain(v) for v in obj]
    return _plain_other(obj)


def _plain_other(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, bool) or isinstance(obj, str):
        return obj
    if isinstance(obj, int):
        return int(obj)
    if isinstance(obj, float) or hasattr(obj, "__float__"):
        f = float(obj)
        return f if math.isfinite(f) else None
    return str(obj)
