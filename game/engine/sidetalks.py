"""Talks among the powers other than the hub (the scenario's ``side_talks:``).

The hub's own negotiations run through clause types and the valuation
tables; talks between two other powers run through topics: any two parties
of a topic may propose a package of its terms to each other, the receiver
judges it term by term (each term's value to it and the changes whose
condition holds, each a line with its reason, its relation with the
proposer, and a penalty for a package it already refused), and accepting
signs a treaty among the two through the existing treaty machinery (so
``treaty: {between: [...]}`` conditions and the debrief see it) and runs
the topic's ``on_sign`` effects.

News of these talks travels as far as intelligence allows (``news_level``):
the parties read everything, the facilitator and the observer too; another
power reads the terms when its intelligence about one party reaches
``full``, hears only that talks are under way at ``rumour``, and otherwise
nothing. The AI half (``ai_proposals``, ``ai_answer``) is cheap: a topic
has a handful of terms, so every subset is scored exactly, with noise on
its guess of the other side.
"""
from __future__ import annotations

import functools
import itertools
from typing import Iterator

import numpy as np

from game.engine.clauses import Clause, ClauseError, Package, package
from game.engine.commands import Answer, IllegalCommand, Propose
from game.engine.model.sidetalks import Topic
from game.engine.negotiators import negotiators_reaching
from game.engine.rules import Rules
from game.engine.stage import may_talk, on_stage, why_not
from game.engine.state import Proposal, State
from game.engine.strings import S, say
from game.engine.treaties import sign_treaty
from game.engine.sides import treaty_partners
from game.engine.valuation import Line, Verdict, evaluate, times_refused
from game.engine.variables import relation_name
from game.engine.world import Ctx

#: How far (in value) an AI proposer's guess of the receiver's judgement may be off.
GUESS_NOISE = 4.0


def is_side(rules: Rules, sender: list[str] | tuple[str, ...], receivers: list[str] | tuple[str, ...]) -> bool:
    """Whether a proposal runs between powers other than the hub (a side talk)."""
    return rules.hub not in sender and rules.hub not in receivers


def topics_of(rules: Rules, power: str) -> list[str]:
    return [tid for tid, t in rules.scenario.side_talks.topics.items() if power in t.parties]


def shared_topics(rules: Rules, a: str, b: str) -> list[str]:
    """The topics ``a`` and ``b`` may bargain over together (a topic ``with`` a party needs that party)."""
    out = []
    for tid in topics_of(rules, a):
        topic = rules.scenario.side_talks.topics[tid]
        if b in topic.parties and (topic.with_ is None or topic.with_ in (a, b)):
            out.append(tid)
    return out


def topic_of(rules: Rules, clauses: Package | list[Clause]) -> str | None:
    """The one topic all these terms belong to, or None."""
    tids = {rules.side_terms.get(c.type) for c in clauses}
    return tids.pop() if len(tids) == 1 and None not in tids else None


def _fail(msg: str) -> None:
    raise IllegalCommand(msg)


def normalise_terms(rules: Rules, clauses: Package | list[Clause]) -> Package:
    """Side-talk terms take no parameters; unknown ids are refused with the known ones."""
    for c in clauses:
        if c.type not in rules.side_terms:
            known = ", ".join(rules.side_terms) or "none in this scenario"
            raise ClauseError(f"{c.type!r} is not a term of talks among the other powers; terms: {known}")
        if c.params:
            raise ClauseError(f"{c.type} takes no parameters")
    return package(Clause.of(c.type) for c in clauses)


def check_proposal(rules: Rules, state: State, cmd: Propose) -> Propose:
    """The one-line refusal of a proposal between two powers other than the hub, or the command."""
    names = rules.scenario.powers
    if cmd.joint or len(cmd.to) != 1:
        _fail("talks among the other powers run between two powers: propose to one power, alone")
    other = cmd.to[0]
    shared = shared_topics(rules, cmd.power, other)
    if not shared:
        _fail(f"{names[cmd.power].name} and {names[other].name} share no topic of talks; every treaty "
              f"without {names[rules.hub].name} is on a topic of the scenario's side_talks")
    if not may_talk(rules, state, cmd.power, other):
        _fail(f"no proposal between {cmd.power} and {other}: {why_not(rules, state, cmd.power, other)}")
    try:
        clauses = normalise_terms(rules, cmd.clauses)
    except ClauseError as e:
        raise IllegalCommand(str(e)) from None
    if not clauses:
        _fail("an empty proposal")
    tid = topic_of(rules, clauses)
    if tid not in shared:
        terms = ", ".join(t for s in shared for t in rules.scenario.side_talks.topics[s].terms)
        _fail(f"{names[cmd.power].name} and {names[other].name} may bargain only over terms of "
              f"{', '.join(shared)} ({terms}), one topic a proposal")
    if cmd.conference is not None:
        _fail("talks among the other powers run through embassies: leave out @CONFERENCE")
    return Propose(cmd.power, (other,), clauses)


# --- judgement -----------------------------------------------------------------------------

def verdict_on(rules: Rules, state: State, evaluator: str, proposal: Proposal) -> Verdict:
    """``evaluator``'s own judgement of a proposal it received, a side talk or a treaty with the hub.

    Every reader of an inbox (the terminal, the window, the bots) asks here, so that a side-talk
    proposal is never weighed as a treaty with the hub power."""
    if is_side(rules, proposal.sender, proposal.receivers):
        others = [p for p in (*proposal.sender, *proposal.receivers) if p != evaluator]
        return judge(rules, state, evaluator, others[0], tuple(proposal.clauses))
    return evaluate(rules, state, evaluator, treaty_partners(rules, proposal.sender, proposal.receivers),
                    tuple(proposal.clauses))


def judge(rules: Rules, state: State, evaluator: str, other: str, pkg: Package) -> Verdict:
    """``evaluator``'s judgement of a package of side-talk terms with ``other``, term by term."""
    tid = topic_of(rules, pkg)
    reds: list[str] = []
    lines: list[Line] = []
    topic = rules.scenario.side_talks.topics[tid] if tid else None
    if topic is None or tid not in shared_topics(rules, evaluator, other):
        reds.append(S["line.side_not_topic"])
    else:
        ctx = Ctx(rules, state, self_=evaluator, partner=other)
        for clause in pkg:
            term = topic.terms[clause.type]
            tv = term.values.get(evaluator)
            lines.append(Line(term.title, tv.value if tv else 0.0, "clause", clause.type))
            for ch in tv.changes if tv else []:
                if ch.when.holds(ctx):
                    lines.append(Line(ch.reason, ch.by, "clause", clause.type))
        rel = state.values.get(relation_name(evaluator, other), 0.0)
        if rel and topic.relation_weight:
            lines.append(Line(S["line.side_relation"].format(power=rules.power_name(other, state), value=rel),
                              rel * topic.relation_weight, "attitude"))
        times = times_refused(rules, state, evaluator, [other], pkg)
        if times:
            lines.append(Line(S["line.repeated"].format(times=times),
                              -rules.scenario.tuning.repeat_penalty * times, "context"))
        bound = terms_in_force(state, evaluator, other)
        reds += [S["line.side_in_force"].format(term=topic.terms[c.type].title) for c in pkg if c.type in bound]
    if not pkg:
        reds.append(S["line.empty"])
    total = round(sum(line.value for line in lines), 6)
    return Verdict(evaluator, (other,), pkg, tuple(lines), total, topic.threshold if topic else 0.0, tuple(reds))


def terms_in_force(state: State, a: str, b: str) -> set[str]:
    """The side-talk terms already in force between these two (signing one again would change nothing)."""
    return {c.type for t in state.treaties if t.in_force and not t.hub_party
            and a in t.partners and b in t.partners for c in t.clauses}


def sign(rules: Rules, state: State, proposal: Proposal) -> None:
    """Both sides agree: a treaty among them, and the topic's effects."""
    tid = topic_of(rules, proposal.clauses)
    topic = rules.scenario.side_talks.topics[tid]  # type: ignore[index]
    parties = [*proposal.receivers, *proposal.sender]
    parties.sort(key=lambda p: rules.power_index[p])
    title = proposal.title if not proposal.title.startswith(("proposal", "counter")) else \
        S["title.side_treaty"].format(topic=topic.title, date=state.date)
    # A term's effects come once, when it first enters into force (a moratorium is granted once,
    # however many of the Allies back it); the topic's come with every treaty.
    granted = {c.type for t in state.treaties if t.in_force and not t.hub_party for c in t.clauses}
    sign_treaty(rules, state, parties, list(proposal.clauses), title, list(proposal.sender), hub_party=False)
    ctx = Ctx(rules, state)
    for effect in topic.on_sign:
        effect.apply(ctx)
    for clause in proposal.clauses:
        if clause.type not in granted:
            for effect in topic.terms[clause.type].on_sign:
                effect.apply(ctx)


def refused(rules: Rules, state: State, proposal: Proposal) -> None:
    """A refusal (not a counter): the topic's ``on_refuse`` effects (the powers fail to agree)."""
    tid = topic_of(rules, proposal.clauses)
    if tid is not None:
        ctx = Ctx(rules, state)
        for effect in rules.scenario.side_talks.topics[tid].on_refuse:
            effect.apply(ctx)


# --- intelligence -----------------------------------------------------------------------------

def intelligence(rules: Rules, state: State, seat: str, about: str) -> float:
    """What ``seat`` learns of ``about``'s talks: its standing intelligence and its envoys posted there."""
    spec = rules.scenario.side_talks.intelligence
    base = state.values.get(f"{seat}.{spec.var}", 0.0) if spec.var else 0.0
    reaching = negotiators_reaching(rules, state, seat, about)
    guile = max((n.skills.guile for _, n in reaching), default=0)
    return base + spec.per_guile * guile


def news_level(rules: Rules, state: State, seat: str, parties: list[str]) -> str | None:
    """``"full"``, ``"rumour"`` or None: how much ``seat`` (a power) learns of talks among ``parties``."""
    if seat in parties:
        return "full"
    spec = rules.scenario.side_talks.intelligence
    best = max((intelligence(rules, state, seat, p) for p in parties), default=0.0)
    if best >= spec.full:
        return "full"
    return "rumour" if best >= spec.rumour else None


def rumour(rules: Rules, entry: dict) -> dict:
    """The news entry a seat with only a rumour of these talks reads instead."""
    names = [rules.scenario.powers[p].name for p in entry.get("powers", []) if p in rules.scenario.powers]
    return {**entry, "kind": "side_rumour", **say("news.side_rumour", parties=" and ".join(names)),
            "proposal": None}


# --- the AI --------------------------------------------------------------------------------------

def _packages(topic: Topic) -> tuple[tuple[Package, tuple[str, ...]], ...]:
    """Every non-empty package of a topic's terms, with its key (sorted term ids), made once per topic."""
    return _packages_of(tuple(topic.terms))


@functools.lru_cache(maxsize=64)
def _packages_of(ids: tuple[str, ...]) -> tuple[tuple[Package, tuple[str, ...]], ...]:
    out = []
    for n in range(1, len(ids) + 1):
        for combo in itertools.combinations(ids, n):
            pkg = package(Clause.of(t) for t in combo)
            out.append((pkg, tuple(sorted(map(str, pkg)))))
    return tuple(out)


def _open_or_recent(rules: Rules, state: State, a: str, b: str) -> bool:
    wait = rules.scenario.tuning.proposal_cooldown
    for p in state.proposals:
        if p.involves(a) and p.involves(b) and is_side(rules, p.sender, p.receivers):
            if p.status == "pending" or (a in p.sender and p.turn > state.turn - wait):
                return True
    return False


def ai_proposals(rules: Rules, state: State, power: str, gen: np.random.Generator) -> Iterator[Propose]:
    """The side proposal ``power`` tables this turn, if any: the package best for itself that it guesses
    the other side will take, when its own judgement clears the topic's threshold. One counterpart a
    turn is considered, in turn (the AI's full turn stays cheap however many topics a scenario has)."""
    pairs = [(tid, other) for tid in topics_of(rules, power)
             for other in rules.scenario.side_talks.topics[tid].parties
             if other != power and tid in shared_topics(rules, power, other)]
    if not pairs:
        return
    start = state.turn % len(pairs)
    for tid, other in pairs[start:] + pairs[:start]:
        if not on_stage(rules, state, other) or not may_talk(rules, state, power, other) \
                or _open_or_recent(rules, state, power, other):
            continue
        best = _best_for(rules, state, power, other, rules.scenario.side_talks.topics[tid], gen)
        if best is not None:
            yield Propose(power, (other,), best)
        return


def _term_values(rules: Rules, state: State, evaluator: str, other: str, topic: Topic) -> dict[str, float]:
    """Each term's value to ``evaluator`` now (the sum ``judge`` makes, term by term), plus the relation."""
    ctx = Ctx(rules, state, self_=evaluator, partner=other)
    out = {}
    for tid, term in topic.terms.items():
        tv = term.values.get(evaluator)
        out[tid] = (tv.value + sum(ch.by for ch in tv.changes if ch.when.holds(ctx))) if tv else 0.0
    return out


def _refused(rules: Rules, state: State, evaluator: str, other: str) -> dict[tuple[str, ...], int]:
    """How often ``evaluator`` refused each package from ``other`` (``times_refused``, for every package at once)."""
    out: dict[tuple[str, ...], int] = {}
    for p in state.proposals:
        if p.answers.get(evaluator) in ("reject", "counter") and p.sender == [other]:
            key = tuple(sorted(map(str, p.clauses)))
            out[key] = out.get(key, 0) + 1
    return out


def _best_for(rules: Rules, state: State, power: str, other: str, topic: Topic,
              gen: np.random.Generator, exclude: Package = ()) -> Package | None:
    """The same sums as ``judge``, each term valued once: a topic's few subsets are then cheap to score."""
    rel = state.values.get(relation_name(power, other), 0.0) * topic.relation_weight
    mine = _term_values(rules, state, power, other, topic)
    if sum(v for v in mine.values() if v > 0) + rel < topic.threshold:
        return None                 # nothing on this topic is worth it to this power now
    boldness = rules.scenario.powers[power].ai.boldness
    theirs = _term_values(rules, state, other, power, topic)
    refused_mine, refused_theirs = _refused(rules, state, power, other), _refused(rules, state, other, power)
    bound = terms_in_force(state, power, other)
    penalty = rules.scenario.tuning.repeat_penalty
    best, best_value = None, -float("inf")
    for pkg, key in _packages(topic):
        if pkg == exclude or any(c.type in bound for c in pkg):
            continue
        own = sum(mine[c.type] for c in pkg) + rel - penalty * refused_mine.get(key, 0)
        if own < topic.threshold:
            continue
        their = sum(theirs[c.type] for c in pkg) + rel - penalty * refused_theirs.get(key, 0)
        guess = their + float(gen.normal(0.0, GUESS_NOISE)) + boldness * 2.0
        if guess < topic.threshold:
            continue
        if own > best_value:
            best, best_value = pkg, own
    return best


def ai_answer(rules: Rules, state: State, power: str, prop: Proposal, gen: np.random.Generator,
              may_counter: bool) -> Answer:
    """Accept what clears the topic's threshold; otherwise counter once patience allows, or refuse."""
    other = prop.sender[0]
    pkg = tuple(prop.clauses)
    if judge(rules, state, power, other, pkg).accepted:
        return Answer(power, prop.id, "accept")
    tid = topic_of(rules, pkg)
    if may_counter and tid is not None:
        counter = _best_for(rules, state, power, other, rules.scenario.side_talks.topics[tid], gen, exclude=pkg)
        if counter:
            return Answer(power, prop.id, "counter", counter)
    return Answer(power, prop.id, "reject")
