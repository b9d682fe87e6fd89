"""Proposals and answers: tabling, accepting, rejecting, countering.

A proposal goes from one side (a power, or several as joint terms) to the
other; it reaches them when the turn resolves, unless it is tabled by a
script. Each answer is stored with the answering power's full breakdown,
so that the proposer can read why. When every receiver has accepted, the
treaty is signed.
"""
from __future__ import annotations

from typing import Any

from game.engine.clauses import Clause, Package
from game.engine.conference import commission_for, rebuff
from game.engine.enums import ProposalStatus
from game.engine.ratification import refuse, refusals
from game.engine.rules import Rules
from game.engine.sides import treaty_partners
from game.engine import sidetalks as side
from game.engine.state import Proposal, State
from game.engine.strings import S, say
from game.engine.treaties import sign_treaty
from game.engine.valuation import Verdict, evaluate, times_refused
from game.engine.world import ACTIONS, Ctx

#: Turns a delivered proposal waits for an answer before it lapses.
PROPOSAL_LIFETIME = 2


def partners_of(rules: Rules, proposal: Proposal) -> list[str]:
    """The non-hub side of a proposal."""
    return treaty_partners(rules, proposal.sender, proposal.receivers)


def names(rules: Rules, powers: list[str], state: State | None = None) -> str:
    return ", ".join(rules.power_name(p, state) for p in powers)


def table_proposal(rules: Rules, state: State, sender: list[str], receivers: list[str], clauses: list[Clause],
                   title: str = "", text: str = "", conference: str | None = None, channel: str | None = None,
                   reply_to: int | None = None, delivered: bool = False, negotiator: str | None = None) -> Proposal:
    pid = state.new_id()
    if conference is not None and channel is None:
        channel = commission_for(rules, conference, list(sender) + list(receivers), [c.type for c in clauses])
    if not title:
        title = S["title.counter"].format(id=reply_to) if reply_to else S["title.proposal"].format(id=pid)
    terms = side.normalise_terms(rules, clauses) if side.is_side(rules, sender, receivers) \
        else rules.normalise_package(clauses)
    prop = Proposal(pid, list(sender), list(receivers), list(terms), state.turn,
                    state.date, title, text, conference, channel, reply_to, delivered=delivered,
                    negotiator=negotiator)
    state.proposals.append(prop)
    what = ", ".join(rules.clause_phrase(c.type) for c in prop.clauses)
    key = "news.proposal" if len(prop.sender) == 1 else "news.proposal_joint"   # "Britain, France propose"
    Ctx(rules, state).news(say(key, sender=names(rules, prop.sender, state), receivers=names(rules, prop.receivers, state),
                                                     title=title, clauses=what),
                           _kind(rules, prop, "proposal"), prop.sender + prop.receivers)
    state.news[-1]["proposal"] = pid
    return prop


def _kind(rules: Rules, proposal: Proposal, kind: str) -> str:
    """News of talks among other powers travels by intelligence (observe), not only to the parties."""
    return "side_talk" if side.is_side(rules, proposal.sender, proposal.receivers) else kind


def verdict_of(rules: Rules, state: State, proposal: Proposal, power: str) -> Verdict:
    if side.is_side(rules, proposal.sender, proposal.receivers):
        return side.judge(rules, state, power, proposal.sender[0], tuple(proposal.clauses))
    return evaluate(rules, state, power, partners_of(rules, proposal), tuple(proposal.clauses))


def verdict_record(v: Verdict) -> dict[str, Any]:
    return {"total": round(v.total, 3), "threshold": v.threshold, "red_lines": list(v.red_lines),
            "lines": [[line.label, round(line.value, 3), line.kind] for line in v.lines]}


def answer(rules: Rules, state: State, proposal: Proposal, power: str, response: str,
           counter: Package | None = None) -> Proposal | None:
    """Record ``power``'s answer; sign, close or counter as it requires."""
    verdict = verdict_of(rules, state, proposal, power)
    repeated = times_refused(rules, state, power, partners_of(rules, proposal), tuple(proposal.clauses))
    proposal.answers[power] = response
    proposal.verdicts[power] = verdict_record(verdict)
    ctx = Ctx(rules, state)
    who = rules.power_name(power, state)
    is_side = side.is_side(rules, proposal.sender, proposal.receivers)
    if not is_side:
        _note_nearness(rules, state, proposal, verdict, repeated)
    if response == "accept":
        if is_side:
            proposal.closed_turn = state.turn
            proposal.status = ProposalStatus.ACCEPTED
            side.sign(rules, state, proposal)
        elif all(proposal.answers.get(r) == "accept" for r in proposal.receivers):
            proposal.closed_turn = state.turn
            partners = partners_of(rules, proposal)
            refused = refusals(rules, state, partners, tuple(proposal.clauses))
            if refused:
                proposal.status = ProposalStatus.UNRATIFIED
                refuse(rules, state, partners, refused, proposal.title)
                return None
            proposal.status = ProposalStatus.ACCEPTED
            sign_treaty(rules, state, partners_of(rules, proposal), list(proposal.clauses), proposal.title
                        if not proposal.title.startswith(("proposal", "counter")) else "",
                        proposal.sender, proposal.conference)
        return None
    proposal.closed_turn = state.turn
    rebuff(rules, state, proposal.conference, proposal.sender)
    if response == "reject" or not counter:
        proposal.status = ProposalStatus.REJECTED
        if is_side:
            side.refused(rules, state, proposal)
        ctx.news(say("news.rejected", power=who, title=proposal.title), _kind(rules, proposal, "answer"),
                 proposal.sender + [power])
        return None
    proposal.status = ProposalStatus.COUNTERED
    ctx.news(say("news.countered", power=who, title=proposal.title), _kind(rules, proposal, "answer"),
             proposal.sender + [power])
    return table_proposal(rules, state, [power], list(proposal.sender), list(counter), conference=proposal.conference,
                          channel=proposal.channel, reply_to=proposal.id)


def _note_nearness(rules: Rules, state: State, proposal: Proposal, verdict: Verdict, repeated: int) -> None:
    """An offer within reach of acceptance brings the two sides visibly closer; the same
    offer sent again does not (its near miss was already felt)."""
    tun = rules.scenario.tuning
    if verdict.red_lines or repeated:
        return
    gap = max(0.0, -verdict.margin)
    boost = tun.near_deal_closeness * max(0.0, 1.0 - gap / 25.0)
    if boost <= 0:
        return
    ctx = Ctx(rules, state)
    for p in partners_of(rules, proposal):
        ctx.adjust(f"{p}.closeness", boost, S["cause.near_deal"])


def withdraw(rules: Rules, state: State, proposal: Proposal, power: str) -> None:
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.closed_turn = state.turn
    Ctx(rules, state).news(say("news.withdrawn", power=rules.power_name(power, state), title=proposal.title),
                           "answer", proposal.sender + proposal.receivers)


def deliver_and_expire(rules: Rules, state: State) -> None:
    ctx = Ctx(rules, state)
    for prop in state.proposals:
        if prop.status != "pending":
            continue
        if not prop.delivered:
            prop.delivered = True
            prop.turn = state.turn
        elif state.turn - prop.turn >= PROPOSAL_LIFETIME:
            prop.status = ProposalStatus.EXPIRED
            prop.closed_turn = state.turn
            ctx.news(say("news.expired", title=prop.title), "answer", prop.sender + prop.receivers)


def pending_for(state: State, power: str) -> list[Proposal]:
    """Delivered proposals awaiting this power's answer."""
    return [p for p in state.proposals
            if p.status == "pending" and p.delivered and power in p.receivers and power not in p.answers]


def open_between(rules: Rules, state: State, a: str, b: str) -> list[Proposal]:
    return [p for p in state.proposals if p.status == "pending" and p.involves(a) and p.involves(b)]


# Scripted effects reach this through world.ACTIONS (world is below this module).
ACTIONS["table_proposal"] = table_proposal
