"""Negotiators: who can carry a proposal to whom, and whose skill faces whom.

A negotiator works one mission at a time: ``home``, a power (an embassy or
a delegation in its capital) or a conference (everyone who attends it). A
power that has no negotiators in the scenario deals through its ordinary
embassies and may propose to anyone.
"""
from __future__ import annotations

from game.engine.model.powers import Negotiator
from game.engine.rules import Rules
from game.engine.state import State


def mission_key(power: str, negotiator: str) -> str:
    return f"{power}.{negotiator}"


def negotiators_reaching(rules: Rules, state: State, power: str, other: str) -> list[tuple[str, Negotiator]]:
    """The power's negotiators who can talk to ``other`` now, best first."""
    out = []
    for nid, neg in rules.scenario.powers[power].negotiators.items():
        mission = state.missions.get(mission_key(power, nid), "home")
        if mission == other or _both_attend(state, mission, power, other):
            out.append((nid, neg))
    out.sort(key=lambda item: -(item[1].skills.persuasion + item[1].skills.economics + item[1].skills.guile))
    return out


def _both_attend(state: State, conference: str, a: str, b: str) -> bool:
    c = state.conferences.get(conference)
    return bool(c) and c.state in ("open", "broken") and a in c.attending and b in c.attending


def can_reach(rules: Rules, state: State, sender: str, receiver: str) -> bool:
    if not rules.scenario.powers[sender].negotiators:
        return True
    return bool(negotiators_reaching(rules, state, sender, receiver))


def facing(rules: Rules, state: State, side: list[str], evaluator: str) -> tuple[str, str, Negotiator] | None:
    """The best negotiator of ``side`` talking to ``evaluator``: (power, id, negotiator)."""
    best = None
    for power in side:
        for nid, neg in negotiators_reaching(rules, state, power, evaluator)[:1]:
            score = neg.skills.persuasion + neg.skills.economics + neg.skills.guile
            if best is None or score > best[0]:
                best = (score, power, nid, neg)
    return None if best is None else best[1:]
