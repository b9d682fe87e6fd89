"""Obligations: what a treaty in force asks of its parties, turn after turn.

A clause type's ``obligations`` (data in the scenario) each describe a
decision, who takes it (the hub power or the partner), and when: so many turns
after signing, every so many turns, so many times, while a condition holds,
with a chance. When an occasion comes, the decision goes to that party through
the events machinery: news, then a choice among its options,
taken at once by an AI and during the turn by a person, with ``self.`` the
party who decides and ``partner.`` the other. This is how a treaty keeps
decisions coming after the signature: credit instalments, deliveries, and
the protests that a Comintern incident brings under non-interference.
"""
from __future__ import annotations

from typing import Iterator

from game.engine import events
from game.engine.model.obligations import Obligation
from game.engine.rules import Rules
from game.engine.state import PendingChoice, Rng, State, Treaty
from game.engine.strings import say
from game.engine.world import Ctx


def occasion(ob: Obligation, state: State, treaty: Treaty) -> bool:
    """Whether this turn is one of the obligation's occasions under this treaty."""
    k = state.turn - treaty.turn - ob.after
    return k >= 0 and k % ob.every == 0 and k // ob.every < ob.times


def parties(rules: Rules, ob: Obligation, treaty: Treaty) -> Iterator[tuple[str, str]]:
    """(who decides, the other party) for each party the obligation binds."""
    for partner in treaty.partners:
        yield (rules.hub, partner) if ob.chooser == "hub" else (partner, rules.hub)


def fire_due(rules: Rules, state: State) -> list[tuple[str, str, str]]:
    """Fire every obligation whose occasion is this turn: [(event, chooser, other party)]."""
    fired = []
    treaties = [t for t in state.treaties if t.in_force]
    # One open decision of a kind per party: start the round at another treaty each turn, so
    # that the same partner does not always come first (the trade agreements take turns).
    start = state.turn % len(treaties) if treaties else 0
    for treaty in treaties[start:] + treaties[:start]:
        for clause in treaty.clauses:
            if clause.type in rules.side_terms:
                continue   # a term of talks among other powers has no obligations
            for ob in rules.clause_type(clause.type).obligations:
                if not occasion(ob, state, treaty):
                    continue
                for chooser, other in parties(rules, ob, treaty):
                    if _comes_up(rules, state, ob, chooser, other):
                        put(rules, state, ob, chooser, other, treaty)
                        fired.append((ob.id, chooser, other))
    return fired


def _comes_up(rules: Rules, state: State, ob: Obligation, chooser: str, other: str) -> bool:
    if any(c.event == ob.id and c.chooser == chooser for c in state.choices):
        return False        # one open decision of a kind at a time: the next occasion brings the next
    if ob.when is not None and not ob.when.holds(Ctx(rules, state, self_=chooser, partner=other)):
        return False
    if ob.chance < 1.0:
        with Rng(state) as gen:
            if gen.random() >= ob.chance:
                return False
    return True


def put(rules: Rules, state: State, ob: Obligation, chooser: str, other: str, treaty: Treaty) -> None:
    """Put an obligation's decision to ``chooser``: the news, then the choice."""
    event = ob.as_event()       # not in state.fired: scripted events' conditions never name it
    ctx = Ctx(rules, state, self_=chooser, partner=other)
    names = {"{partner}": rules.power_name(other, state), "{treaty}": treaty.title}
    if treaty.title[:4].lower() == "the ":      # "The {treaty}" with "the draft treaty ...": one article, not two
        names = {"The {treaty}": "T" + treaty.title[1:], "the {treaty}": treaty.title, **names}
    title, text = event.title, event.text        # the scenario's own words, with the partner and treaty named
    for key, name in names.items():
        title, text = title.replace(key, name), text.replace(key, name)
    # A cabinet's question is its own: Moscow's reaches the partner it concerns (a protest, an instalment due),
    # a partner's stays in that capital (Moscow learns what it decided, not that it deliberated).
    ctx.news(say("news.event", title=title, text=text), "decision",
             [chooser, other] if chooser == rules.hub else [chooser])
    state.news[-1]["event"] = event.id
    state.choices.append(PendingChoice(event.id, chooser, state.turn, other))
    if state.controllers.get(chooser) == "ai":
        events.choose(rules, state, event.id, chooser, events.ai_choice(rules, state, event))


def worded(rules: Rules, state: State, event_id: str, chooser: str) -> tuple[str, str]:
    """An awaiting decision's title and text as its news put them: an obligation's with its partner and
    treaty named (the scenario's words hold ``{partner}`` and ``{treaty}``), any other event's as written."""
    for n in reversed(state.news):
        if n.get("event") == event_id and n.get("key") == "news.event" and chooser in n.get("powers", [chooser]):
            return str(n["args"]["title"]), str(n["args"]["text"])
    e = events.event_by_id(rules, event_id)
    return e.title, e.text
