"""Scenarios chained: the end of one scenario carried into the start of the next.

A scenario may name the one that follows it (``next:``) and what carries
over (``carry:``: treaties, statuses, values, flags). ``carry_over`` writes
the end of the first part into the fresh initial state of the second,
before its first turn begins, so that the chain stays a pure function of
the seed and the commands: a save of the second part replays by replaying
the first part's log, carrying over, then replaying its own log.

What carries, and how:
- ``treaties``: every treaty in force whose parties all exist in the second
  scenario, with the clauses the second scenario knows; the second scenario's own starting treaties among powers that
  were all in the first are dropped (the game, not the history book, now
  says which of them exist);
- ``statuses``: broken relations, and each power's status at the end. A
  status that a carried treaty still grants is not made a floor: it stays
  the treaty's, so that it falls when the second scenario's rules cancel or
  break the treaty. Only what the first part's events set (its floor) and
  what no carried treaty explains (a recognition whose clause type the
  second scenario does not know, a treaty that cannot carry) become the new
  floor;
- ``values``: every state value both scenarios have;
- ``flags``: every flag raised.
"""
from __future__ import annotations

from typing import Any

from game.engine.clauses import Clause, ClauseError
from game.engine.rules import Rules
from game.engine.state import State, Treaty
from game.engine.strings import say
from game.engine.world import Ctx, engine_action, update_left_out

#: What a chain may carry (the default is all of it).
CARRY_KINDS = ("treaties", "statuses", "values", "flags")


def carry_over(before: Rules, ended: State, rules: Rules, state: State, carry: tuple[str, ...]) -> None:
    """Write what ``carry`` names of the ended state into ``state``, a fresh initial state of ``rules``."""
    shared = [p for p in rules.scenario.powers if p in before.scenario.powers]
    if "treaties" in carry:
        _treaties(before, ended, rules, state)
    if "statuses" in carry:
        granted = _granted(rules, state)
        for p in shared:
            if p in ended.status and p in state.status_floor:
                reached, floor = ended.status[p], ended.status_floor.get(p, 0)
                state.status_floor[p] = floor if granted.get(p, 0) >= reached else reached
        state.broken = sorted(p for p in ended.broken if p in rules.scenario.powers)
    if "values" in carry:
        for name, v in ended.values.items():
            if name in state.values:
                state.values[name] = rules.vars.clamp(name, v)
    if "flags" in carry:
        state.flags = sorted(set(state.flags) | set(ended.flags))
    engine_action("recompute_status")(rules, state)
    update_left_out(rules, state)
    state.series, state.series_dates = {}, []          # the caller records the first point again
    title = before.scenario.title
    Ctx(rules, state).news(say("news.continued", title=title, date=ended.date), "chain", [])


def _granted(rules: Rules, state: State) -> dict[str, int]:
    """The status each partner's treaties in force grant in ``state``, without any floor."""
    floors = dict(state.status_floor)
    state.status_floor = {p: 0 for p in floors}
    engine_action("recompute_status")(rules, state)
    state.status_floor = floors
    return dict(state.status)


def _treaties(before: Rules, ended: State, rules: Rules, state: State) -> None:
    old = set(before.scenario.powers)
    state.treaties = [t for t in state.treaties if not set(t.parties(rules.hub)) <= old]
    for t in ended.treaties:
        if not t.in_force or not all(p in rules.scenario.powers for p in t.parties(before.hub)):
            continue
        clauses = []
        for c in t.clauses:
            try:
                clauses.append(rules.normalise(Clause(c.type, c.params)))
            except (ClauseError, KeyError, ValueError):
                continue         # a clause type the second scenario does not know (its status carries as a floor)
        if not clauses:
            continue
        state.treaties.append(Treaty(state.new_id(), t.title, list(t.partners), clauses, t.signed, 0,
                                     proposed_by=list(t.proposed_by), flowed=dict(t.flowed),
                                     hub_party=t.hub_party))
    state.treaties.sort(key=lambda t: (t.signed, t.id))


def part_record(rules: Rules, state: State, humans: list[str], log: list[str]) -> dict[str, Any]:
    """What a save keeps of an ended part so that the next part replays: its scenario, seed, people,
    commands and final hash."""
    return {"scenario": rules.id, "content_hash": rules.content_hash, "seed": state.seed, "humans": list(humans),
            "log": list(log), "state_hash": state.hash()}
