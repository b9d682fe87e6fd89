"""The negotiation table as data: the clause rows a player can tick and
tune (each on the side that grants it), the channels that can carry an
offer, the live estimate of the other side's answer with every line of
its reasons and "what would it take", and a counter-offer shown as its
difference from the offer it answers.

A draft is a plain dict ``{clause type: {parameter: value}}``; the engine
normalises it into a package. A power other than the hub also bargains with
the powers it shares a side-talk topic with (``sidetalks``): with those the
rows are the topic's terms, which take no parameters.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Sequence

from game.engine import conference as conf
from game.engine.clauses import Clause, ClauseError, Package
from game.engine.negotiators import negotiators_reaching
from game.engine.rules import Rules
from game.engine.sides import treaty_partners
from game.engine.search import Advice, what_would_it_take
from game.engine.sidetalks import is_side, normalise_terms, shared_topics, terms_in_force, verdict_on
from game.engine.state import Proposal, State
from game.i18n import S
from game.engine.valuation import disallowed, evaluate
from game.engine.views import BreakdownView, breakdown_view, estimate, home_refusal, insight, recorded_breakdown
from game.ui.viewmodels.common import clause_text, humanise, num, param_text, power_name

Draft = dict[str, dict[str, Any]]


# --- clause rows ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ParamVM:
    name: str
    title: str
    kind: str                              # choice or number
    options: tuple[tuple[Any, str], ...]   # choices: (value, label)
    lo: float
    hi: float
    step: float
    unit: str
    default: Any


@dataclass(frozen=True)
class ClauseRowVM:
    type: str
    title: str
    side: str                # give, both, ask (from the player's side)
    params: tuple[ParamVM, ...]
    allowed: bool
    tooltip: str
    heading: str = ""        # a side-talk term: its topic's title, shown over its rows


def counterparts(rules: Rules, player: str) -> list[str]:
    """Whom the player may draft for: the hub drafts for every other power; another power for the
    hub and for the powers it shares a side-talk topic with."""
    if player == rules.hub:
        return [p for p in rules.powers if p != player]
    return [rules.hub] + [p for p in rules.powers if p not in (player, rules.hub) and shared_topics(rules, player, p)]


def side_rows(rules: Rules, state: State, player: str, counterpart: str) -> list[ClauseRowVM]:
    """The terms of every topic the two may bargain over, grouped under the topic's title. A term already in
    force between them is greyed out and says so in words, as Moscow's clauses in force are."""
    rows = []
    bound = terms_in_force(state, player, counterpart)
    name = power_name(rules, counterpart, state)
    for tid in shared_topics(rules, player, counterpart):
        topic = rules.scenario.side_talks.topics[tid]
        for term_id, term in topic.terms.items():
            title = term.title[:1].upper() + term.title[1:]
            if term_id in bound:
                rows.append(ClauseRowVM(term_id, S["ui.neg.term.in_force"].format(title=title), "both", (), False,
                                        S["ui.neg.term.in_force.tip"].format(title=title, name=name), topic.title))
                continue
            about = " ".join((term.description or topic.description).split())
            tip = S["ui.neg.term.tip"].format(title=term.title, topic=topic.title, description=about)
            rows.append(ClauseRowVM(term_id, title, "both", (), True, tip, topic.title))
    return rows


def partners_for(rules: Rules, player: str, counterpart: str) -> list[str]:
    """The hub's partners in a treaty between the player and the counterpart."""
    return treaty_partners(rules, [player], [counterpart])


def side_of(rules: Rules, granted_by: str, player: str) -> str:
    if granted_by == "mutual":
        return "both"
    mine = "hub" if player == rules.hub else "partner"
    return "give" if granted_by == mine else "ask"


def clause_rows(rules: Rules, state: State, player: str, counterpart: str) -> list[ClauseRowVM]:
    if is_side(rules, [player], [counterpart]):
        return side_rows(rules, state, player, counterpart)
    partners = partners_for(rules, player, counterpart)
    rows = []
    for type_id in rules.clause_ids:
        ct = rules.clause_type(type_id)
        params = []
        for name, p in ct.params.items():
            title = p.title or humanise(name)
            if p.choices is not None:
                params.append(ParamVM(name, title, "choice", tuple((c, humanise(c)) for c in p.choices), 0, 0, 1,
                                      "", p.default))
            else:
                params.append(ParamVM(name, title, "number", (), float(p.min or 0), float(p.max or 0),
                                      float(p.step or 1), p.unit or "", float(p.default)))
        try:
            allowed = not disallowed(rules, state, partners, (rules.normalise(Clause.of(type_id)),))
        except ClauseError:
            allowed = False
        name = power_name(rules, counterpart, state)
        tip = S["ui.neg.clause.tip"].format(title=ct.title, description=" ".join(ct.description.split())) if allowed \
            else S["ui.neg.clause.barred"].format(title=ct.title, name=name)
        rows.append(ClauseRowVM(type_id, ct.title, side_of(rules, ct.granted_by, player), tuple(params), allowed, tip))
    order = {"give": 0, "both": 1, "ask": 2}
    rows.sort(key=lambda r: order[r.side])
    return rows


def value_text(rules: Rules, clause_type: str, param: str, value: Any) -> str:
    return param_text(rules, clause_type, param, value)


def package_of(rules: Rules, draft: Draft) -> Package:
    """The draft as a normalised package (an empty tuple if nothing is ticked)."""
    if not draft:
        return ()
    if all(t in rules.side_terms for t in draft):
        return normalise_terms(rules, [Clause.of(t, p) for t, p in draft.items()])
    return rules.normalise_package([Clause.of(t, p) for t, p in draft.items()])


def draft_of(pkg: Package | Sequence[Clause]) -> Draft:
    return {c.type: dict(c.params) for c in pkg}


# --- channels -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChannelVM:
    conference: str | None
    label: str
    ok: bool
    tooltip: str


def channels(rules: Rules, state: State, player: str, counterpart: str) -> list[ChannelVM]:
    out: list[ChannelVM] = []
    name = power_name(rules, counterpart, state)
    if is_side(rules, [player], [counterpart]):    # talks among the other powers go through embassies
        return [ChannelVM(None, S["ui.neg.channel.envoy"].format(name=S["ui.neg.embassy"]), True,
                          S["ui.neg.channel.side.tip"].format(name=name))]
    negs = rules.scenario.powers[player].negotiators
    if not negs:
        out.append(ChannelVM(None, S["ui.neg.channel.envoy"].format(name=S["ui.neg.embassy"]), True,
                             S["ui.neg.channel.tip"]))
    else:
        direct = [n for nid, n in negotiators_reaching(rules, state, player, counterpart)
                  if state.missions.get(f"{player}.{nid}") == counterpart]
        if direct:
            out.append(ChannelVM(None, S["ui.neg.channel.envoy"].format(name=direct[0].name), True,
                                 S["ui.neg.channel.tip"]))
    for cid in conf.sitting(state):
        cs = state.conferences[cid]
        if player in cs.attending and counterpart in cs.attending:
            title = rules.scenario.conferences[cid].title
            out.append(ChannelVM(cid, S["ui.neg.channel.conference"].format(conference=title), True,
                                 S["ui.neg.channel.tip"]))
    if not out:
        home = S["ui.nav.home"] if player == rules.hub else S["ui.nav.home_partner"]
        out.append(ChannelVM(None, S["ui.neg.channel.none"], False,
                             S["ui.neg.channel.none.tip"].format(name=name, home=home)))
    return out


# --- estimates ------------------------------------------------------------------------------

@dataclass(frozen=True)
class LineVM:
    label: str
    value: float
    text: str
    tooltip: str


@dataclass(frozen=True)
class EstimateVM:
    heading: str
    power: str
    lines: tuple[LineVM, ...]
    total: float
    threshold: float | None  # None: the viewer's envoys cannot read it
    accepted: bool
    red_lines: tuple[str, ...]
    exact: bool
    verdict: str
    advice: str
    advice_package: Package | None
    empty: bool = False
    threshold_exact: bool = True
    home: str = ""          # why the viewer's own government would refuse to ratify it, if it would

    def total_text(self) -> str:
        """The total against the threshold, as far as the viewer may read the threshold."""
        if self.threshold is None:
            return S["ui.neg.total.hidden"].format(total=self.total)
        key = "ui.neg.total" if self.threshold_exact else "ui.neg.total.about"
        return S[key].format(total=self.total, threshold=self.threshold)


def _lines(rules: Rules, bv: BreakdownView, exactness: str) -> tuple[LineVM, ...]:
    out = []
    for label, value in bv.lines:
        sign = S["ui.neg.line.for"] if value >= 0 else S["ui.neg.line.against"]
        tip = f"{label}. " + S["ui.neg.line.tip"].format(name=bv.power_name, sign=sign, exactness=exactness)
        prefix = "" if bv.exact else "\u2248"
        out.append(LineVM(label, value, prefix + ("+" if value > 0 else "") + num(value), tip))
    return tuple(out)


def _exactness(rules: Rules, exact: bool) -> str:
    return S["ui.neg.exact"] if exact else S["ui.neg.about"].format(need=rules.scenario.tuning.exact_breakdown_skill)


def _vm(rules: Rules, bv: BreakdownView, heading: str, verdict: str, advice: Advice | None,
        advice_text: str) -> EstimateVM:
    return EstimateVM(heading, bv.power, _lines(rules, bv, _exactness(rules, bv.exact)), bv.total, bv.threshold,
                      bv.accepted, tuple(bv.red_lines), bv.exact, verdict, advice_text,
                      advice.package if advice is not None and advice.found and advice.package else None,
                      threshold_exact=bv.threshold_exact)


def estimate_vm(rules: Rules, state: State, viewer: str, sender: Sequence[str], receivers: Sequence[str],
                pkg: Package) -> EstimateVM:
    """How the (first) receiver would answer ``pkg`` now, as the viewer's negotiators can read it."""
    receiver = receivers[0]
    name = power_name(rules, receiver, state)
    if not pkg:
        return EstimateVM(S["ui.neg.estimate"].format(name=name), receiver, (), 0.0, 0.0, False, (), True, "",
                          S["ui.neg.estimate.empty"].format(name=name), None, empty=True)
    if is_side(rules, sender, receivers):
        bv = estimate(rules, state, viewer, sender, receivers, pkg)[0]
        word = S["ui.neg.verdict.yes"] if bv.accepted else S["ui.neg.verdict.no"]
        return _vm(rules, bv, S["ui.neg.estimate"].format(name=name), word, None, bv.advice)
    partners = treaty_partners(rules, sender, receivers)
    verdict = evaluate(rules, state, receiver, partners, pkg)
    ins = insight(rules, state, viewer, receiver)
    advice = None
    if not verdict.accepted and ins.what_it_takes:
        advice = what_would_it_take(rules, state, sender, receivers, pkg, addressee=receiver)
    bv = breakdown_view(rules, state, verdict, viewer, advice, not verdict.accepted and not ins.what_it_takes)
    word = S["ui.neg.verdict.yes"] if bv.accepted else S["ui.neg.verdict.no"]
    text = advice_words(rules, advice, pkg) if advice is not None else bv.advice
    vm = _vm(rules, bv, S["ui.neg.estimate"].format(name=name), word, advice, text)
    home = home_refusal(rules, state, viewer, sender, receivers, pkg)
    return replace(vm, home=S["ui.neg.home_refusal"].format(reason=home)) if home else vm


def advice_words(rules: Rules, advice: Advice, pkg: Package) -> str:
    """The engine's "what would it take", with the clauses named in words."""
    if not (advice.found and advice.package):
        return advice.text()
    before = {c.type: c for c in pkg}
    after = {c.type: c for c in advice.package}
    steps = []
    for t in sorted(set(before) | set(after), key=lambda t: rules.clause_index.get(t, 0)):
        if t in after and t not in before:
            steps.append(S["wwit.add"].format(clause=clause_text(rules, after[t])))
        elif t in before and t not in after:
            steps.append(S["wwit.drop"].format(clause=clause_text(rules, before[t], with_params=False)))
        elif before[t] != after[t]:
            steps.append(S["wwit.change"].format(old=clause_text(rules, before[t]), new=clause_text(rules, after[t])))
    out = "; ".join(steps) + " " + \
        S["wwit.raises"].format(delta=advice.their_gain, cost=-advice.your_cost)
    if advice.blockers:
        out += " " + S["wwit.or"].format(what="; ".join(advice.blockers))
    return out


def own_view(rules: Rules, state: State, player: str, proposal: Proposal) -> EstimateVM:
    """How an incoming proposal weighs for the player (always exact: it is their own judgement)."""
    verdict = verdict_on(rules, state, player, proposal)
    bv = breakdown_view(rules, state, verdict, player)
    word = S["ui.neg.verdict.yes"] if bv.accepted else S["ui.neg.verdict.no"]
    return _vm(rules, bv, S["ui.neg.estimate_ours"], word, None, "")


def recorded_vm(rules: Rules, state: State, proposal: Proposal, viewer: str) -> EstimateVM | None:
    """Why the other side answered a proposal as it did (the breakdown kept with the answer)."""
    for power in proposal.receivers:
        bv = recorded_breakdown(rules, state, proposal, power, viewer)
        if bv is not None:
            word = S["ui.neg.verdict.accepted"] if bv.accepted else S["ui.neg.verdict.refused"]
            return _vm(rules, bv, S["ui.neg.recorded"].format(name=bv.power_name), word, None, "")
    return None


# --- differences ----------------------------------------------------------------------------

@dataclass(frozen=True)
class DiffVM:
    type: str
    kind: str          # added, removed, changed, same
    text: str


def diff(rules: Rules, mine: Package | Sequence[Clause], theirs: Package | Sequence[Clause]) -> dict[str, DiffVM]:
    """Their package against mine, clause type by clause type."""
    a = {c.type: c for c in mine}
    b = {c.type: c for c in theirs}
    out: dict[str, DiffVM] = {}
    for t in sorted(set(a) | set(b)):
        if t in b and t not in a:
            out[t] = DiffVM(t, "added", S["ui.neg.diff.added"])
        elif t in a and t not in b:
            out[t] = DiffVM(t, "removed", S["ui.neg.diff.removed"])
        elif a[t] != b[t]:
            ct = rules.clause_type(t)
            was = ", ".join(param_text(rules, t, k, a[t].get(k, p.default)) for k, p in ct.params.items()
                            if a[t].get(k, p.default) != b[t].get(k, p.default))
            out[t] = DiffVM(t, "changed", S["ui.neg.diff.changed"].format(was=was))
        else:
            out[t] = DiffVM(t, "same", "")
    return out


def diff_summary(rules: Rules, mine: Package | Sequence[Clause], theirs: Package | Sequence[Clause]) -> list[str]:
    """The difference in words, one line per changed clause."""
    lines = []
    a = {c.type: c for c in mine}
    for t, d in diff(rules, mine, theirs).items():
        if d.kind == "same":
            continue
        clause = next((c for c in theirs if c.type == t), None) or a[t]
        lines.append(f"{d.text}: {clause_text(rules, clause)}")
    return lines
