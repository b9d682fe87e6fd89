"""AI powers: every power, the hub included, can be played by this module.

Each turn an AI power, in order: answers what awaits it (accept when its
own breakdown clears its threshold; otherwise counter with the best package
it thinks the other side will take, as long as its patience lasts; else
refuse), sets policy by the scenario's declarative rules, places its
negotiators, acts at conferences (private talks, speeches, walk-outs), and
proposes on its own initiative. Members of a united bloc leave proposals to
the bloc's leader, who drafts joint terms. A power other than the hub also
bargains with the others on the scenario's side-talk topics (``sidetalks``:
one proposal a turn at most, answered like the hub's).

``turn`` is a generator: it yields one command at a time and reads the
state again after the game has applied it, so each decision sees the last.
AI randomness comes from a generator derived from the seed, the turn and
the power, so it never disturbs the game's own generator.
"""
from __future__ import annotations

from typing import Iterator

import numpy as np

from game.engine import conference as conf
from game.engine.commands import (Answer, AssignNegotiator, Command, MeetPrivately, Propose, SetPolicy, Speak,
                                  WalkOut)
from game.engine.legal import proposals_left
from game.engine.negotiation import open_between, pending_for
from game.engine.negotiators import can_reach, mission_key
from game.engine.rules import Rules
from game.engine.sides import treaty_partners
from game.engine.stage import may_talk, on_stage
from game.engine import sidetalks
from game.engine.search import Search, best_offer, bloc_terms, counter_offer, lazy_generator, random_rows
from game.engine.state import Proposal, State
from game.engine.valuation import evaluate
from game.engine.world import Ctx

#: Partners the hub AI considers proposing to in one turn.
HUB_PROPOSAL_CANDIDATES = 3
#: Proposals the hub AI tables in one turn.
HUB_PROPOSALS_PER_TURN = 2


def turn(rules: Rules, state: State, power: str) -> Iterator[Command]:
    if not on_stage(rules, state, power):
        return
    gen = lazy_generator([state.seed, 3, state.turn, rules.power_index[power]])
    yield from _answers(rules, state, power, gen)
    if power == rules.hub:
        yield from _policies(rules, state, power)
    yield from _negotiators(rules, state, power)
    yield from _conference_actions(rules, state, power)
    yield from _proposals(rules, state, power, gen)


# --- answers ------------------------------------------------------------------------

def chain_length(state: State, proposal: Proposal) -> int:
    by_id = {p.id: p for p in state.proposals}
    n, p = 0, proposal
    while p.reply_to is not None and p.reply_to in by_id:
        n += 1
        p = by_id[p.reply_to]
    return n


def _answers(rules: Rules, state: State, power: str, gen: np.random.Generator) -> Iterator[Command]:
    profile = rules.scenario.powers[power].ai
    for prop in list(pending_for(state, power)):
        if prop.status != "pending":
            continue
        if sidetalks.is_side(rules, prop.sender, prop.receivers):
            yield sidetalks.ai_answer(rules, state, power, prop, gen, chain_length(state, prop) < profile.patience * 2)
            continue
        partners = treaty_partners(rules, prop.sender, prop.receivers)
        verdict = evaluate(rules, state, power, partners, tuple(prop.clauses))
        if verdict.accepted:
            yield Answer(power, prop.id, "accept")
            continue
        counter = None
        if chain_length(state, prop) < profile.patience * 2:
            counter = counter_offer(rules, state, power, prop.sender, tuple(prop.clauses), gen, profile.boldness)
        if counter and counter != tuple(prop.clauses):
            yield Answer(power, prop.id, "counter", counter)
        else:
            yield Answer(power, prop.id, "reject")


# --- policy ---------------------------------------------------------------------------

def _policies(rules: Rules, state: State, power: str) -> Iterator[Command]:
    ctx = Ctx(rules, state, self_=power)
    for lever, pol in rules.scenario.policies.items():
        for rule in pol.ai:
            if rule.when is None or rule.when.holds(ctx):
                current = state.values[f"{rules.hub}.{pol.var}"]
                if abs(current - rule.value) > 1e-9:
                    yield SetPolicy(power, lever, rule.value)
                break


# --- negotiators -------------------------------------------------------------------------

def prospect(rules: Rules, state: State, partner: str) -> float:
    """A cheap guess at how promising talks with a partner are."""
    v = state.values
    return (v[f"{partner}.closeness"] + v[f"{partner}.left_out"] + v[f"{partner}.market"]
            + v[f"{partner}.commercial_interest"] * 0.5 + v[f"{partner}.trust"] * 0.5
            - 15 * state.status.get(partner, 0))


def _negotiators(rules: Rules, state: State, power: str) -> Iterator[Command]:
    negs = rules.scenario.powers[power].negotiators
    if not negs:
        return
    ranked = sorted(negs, key=lambda n: -(negs[n].skills.economics + negs[n].skills.persuasion + negs[n].skills.guile))
    sitting = [cid for cid in conf.sitting(state) if power in state.conferences[cid].attending]
    if power == rules.hub:
        targets = sorted((p for p in rules.partners if may_talk(rules, state, power, p)),
                         key=lambda p: -prospect(rules, state, p))
    else:
        targets = [rules.hub]
    plan: list[str] = []
    if sitting:
        plan += [sitting[0]] * min(3, len(ranked))
    for t in targets:
        if len(plan) >= len(ranked):
            break
        plan.append(t)
    plan += ["home"] * (len(ranked) - len(plan))
    current = {n: state.missions.get(mission_key(power, n), "home") for n in ranked}
    wanted = dict(zip(ranked, plan))
    # Keep negotiators where they are if their post is still wanted by someone.
    free_posts = list(plan)
    for n in ranked:
        if current[n] in free_posts:
            free_posts.remove(current[n])
            wanted[n] = current[n]
        else:
            wanted[n] = ""
    for n in ranked:
        if not wanted[n]:
            wanted[n] = free_posts.pop(0)
        if wanted[n] != current[n]:
            yield AssignNegotiator(power, n, wanted[n])


# --- conferences ----------------------------------------------------------------------------

def _conference_actions(rules: Rules, state: State, power: str) -> Iterator[Command]:
    profile = rules.scenario.powers[power].ai
    for cid in conf.sitting(state):
        cs = state.conferences[cid]
        if power not in cs.attending:
            continue
        spec = rules.scenario.conferences[cid]
        if power != rules.hub and state.values[f"{power}.mood"] < profile.walkout_mood:
            yield WalkOut(power, cid)
            continue
        partner = _meeting_partner(rules, state, cid, power)
        if partner and not conf.met_this_turn(state, cid, power) and not conf.met_this_turn(state, cid, partner):
            yield MeetPrivately(power, cid, partner)
        if power == rules.hub and spec.agenda and not conf.spoke_this_turn(state, cid, power):
            spoken = {s["item"] for s in cs.speeches if s["power"] == power}
            todo = [a.id for a in spec.agenda if a.id not in spoken]
            if todo:
                yield Speak(power, cid, todo[0])


def _meeting_partner(rules: Rules, state: State, cid: str, power: str) -> str | None:
    cs = state.conferences[cid]
    if conf.excluded_from(state, cid, power):
        return None
    hub = rules.hub
    if power == hub:
        options = [p for p in cs.attending if p != hub and not conf.excluded_from(state, cid, p)]
        if not options:
            return None
        best = max(options, key=lambda p: state.values[f"{p}.left_out"] + state.values[f"{p}.closeness"] * 0.5)
        return best if state.values[f"{best}.left_out"] >= 20 else None
    for bid, bloc in rules.scenario.blocs.items():
        if bloc.leader == power and state.values[f"world.{bid}_unity"] >= bloc.joint_above:
            channels = [ch for ch in rules.scenario.conferences[cid].private_channels if ch.host == power]
            if channels and hub in cs.attending and hub in channels[0].members:
                return hub
    return None


# --- proposals ---------------------------------------------------------------------------------

def _cooling(rules: Rules, state: State, a: str, b: str) -> bool:
    wait = rules.scenario.tuning.proposal_cooldown
    return any(p.turn > state.turn - wait and a in p.sender and b in p.receivers for p in state.proposals)


def _busy(rules: Rules, state: State, a: str, b: str) -> bool:
    return bool(open_between(rules, state, a, b))


def _last_package(state: State, a: str, b: str) -> tuple:
    for p in reversed(state.proposals):
        if p.involves(a) and p.involves(b):
            return tuple(p.clauses)
    return ()


def _venue(rules: Rules, state: State, power: str, others: list[str]) -> str | None:
    for cid in conf.sitting(state):
        cs = state.conferences[cid]
        parties = [power, *others]
        if all(p in cs.attending and p not in cs.excluded for p in parties):
            return cid
    return None


def _proposals(rules: Rules, state: State, power: str, gen: np.random.Generator) -> Iterator[Command]:
    profile = rules.scenario.powers[power].ai
    if not profile.proposes:
        return
    hub = rules.hub
    if power == hub:
        yield from _hub_proposals(rules, state, gen)
        return
    # Talks among the other powers first (cheap: a topic has a handful of terms), then with the hub.
    if proposals_left(state, power) > 1:
        yield from sidetalks.ai_proposals(rules, state, power, gen)
    if state.status.get(power, 0) >= 3 or proposals_left(state, power) <= 0:   # its counters count too
        return
    if not may_talk(rules, state, power, hub):
        return
    side = [power]
    for bid, bloc in rules.scenario.blocs.items():
        if power in bloc.members and state.values[f"world.{bid}_unity"] >= bloc.joint_above:
            if bloc.leader != power:
                return
            side = [power] + [m for m in bloc.members if m != power and not _busy(rules, state, m, hub)
                              and may_talk(rules, state, m, hub)]
    if any(_busy(rules, state, m, hub) or _cooling(rules, state, m, hub) for m in side):
        return
    venue = _venue(rules, state, power, side[1:] + [hub]) if len(side) > 1 else None
    if len(side) > 1 and venue is None:
        side = [power]
    if len(side) == 1 and not can_reach(rules, state, power, hub) and _venue(rules, state, power, [hub]) is None:
        return
    found = best_offer(rules, state, side, [hub], gen, profile.boldness, _last_package(state, power, hub))
    if found is None and len(side) > 1 and not _posed_lately(rules, state, side):
        terms = bloc_terms(rules, state, side, gen)
        found = (terms, 0.0) if terms else None
    if found is not None:
        yield Propose(power, (hub,), found[0], venue or _venue(rules, state, power, [hub]), tuple(side[1:]))


def _posed_lately(rules: Rules, state: State, side: list[str]) -> bool:
    """A bloc restates its public terms at most every other cooldown."""
    wait = 2 * rules.scenario.tuning.proposal_cooldown
    return any(p.turn > state.turn - wait and set(side) <= set(p.sender) for p in state.proposals)


def _hub_proposals(rules: Rules, state: State, gen: np.random.Generator) -> Iterator[Command]:
    hub = rules.hub
    profile = rules.scenario.powers[hub].ai
    options = [p for p in rules.partners
               if may_talk(rules, state, hub, p) and state.status.get(p, 0) < 3 and not _busy(rules, state, hub, p) and not _cooling(rules, state, hub, p)
               and (can_reach(rules, state, hub, p) or _venue(rules, state, hub, [p]))]
    options.sort(key=lambda p: -prospect(rules, state, p))
    found = []
    # One search and one draw of random packages for all the candidates: the state stays put
    # meanwhile, and each candidate's own tables judge the same packages.
    search = Search(rules, state) if options else None
    pool = random_rows(search.variants, rules.scenario.tuning.search_samples, gen) if search else None
    for p in options[:HUB_PROPOSAL_CANDIDATES]:
        offer = best_offer(rules, state, [hub], [p], gen, profile.boldness, _last_package(state, hub, p),
                           search=search, pool=pool)
        if offer is not None:
            found.append((offer[1], p, offer[0]))
    found.sort(key=lambda item: -item[0])
    # counters to people's proposals this turn count against the same limit as proposals
    for _, p, pkg in found[:max(0, min(HUB_PROPOSALS_PER_TURN, proposals_left(state, hub)))]:
        venue = None if can_reach(rules, state, hub, p) else _venue(rules, state, hub, [p])
        yield Propose(hub, (p,), pkg, venue)
