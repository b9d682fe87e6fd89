"""Who is on the stage, and who is talking to whom.

A power may enter the stage late or leave it early (``enters:`` / ``leaves:``
in the scenario), and a power may break off relations with the hub power
and have them restored (the ``break_relations`` / ``restore_relations``
effects). While off the stage, or while relations are broken, no proposal
runs between the two and the AI makes none; the checks in ``legal`` and the
AI read these two questions here, so that the rule has one home."""
from __future__ import annotations

from game.engine.rules import Rules
from game.engine.state import State


def on_stage(rules: Rules, state: State, power: str) -> bool:
    """Whether ``power`` has entered the stage and not yet left it, today."""
    spec = rules.scenario.powers[power]
    if spec.enters is None and spec.leaves is None:
        return True
    today = state.today
    return (spec.enters is None or today >= spec.enters) and (spec.leaves is None or today < spec.leaves)


def may_talk(rules: Rules, state: State, a: str, b: str) -> bool:
    """Whether a proposal may run between ``a`` and ``b`` now: both on stage, and, if one is the hub
    power, the other has not broken off relations with it."""
    if not (on_stage(rules, state, a) and on_stage(rules, state, b)):
        return False
    hub = rules.hub
    return not ((a == hub and b in state.broken) or (b == hub and a in state.broken))


def why_not(rules: Rules, state: State, a: str, b: str) -> str:
    """Why ``a`` and ``b`` may not talk (for the one-line refusal)."""
    for p in (a, b):
        spec = rules.scenario.powers[p]
        if not on_stage(rules, state, p):
            if spec.enters is not None and state.today < spec.enters:
                return f"{spec.name} does not enter the stage before {spec.enters.isoformat()}"
            return f"{spec.name} has left the stage"
    other = b if a == rules.hub else a
    return (f"{rules.power_name(other, state)} has broken off relations with "
            f"{rules.power_name(rules.hub, state)}")
