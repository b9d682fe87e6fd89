"""The roles pass: a scenario's classroom roles must sit in real delegations,
name only verbs the game knows, and suggest only events that exist; every
power a class may play should have at least one role once any role exists.

Conditions in a role's objectives are checked by the references pass like
any other condition (it walks the whole scenario).
"""
from __future__ import annotations

from typing import Any

from game.engine.model.roles import MAY_VERBS
from game.engine.model.scenario import Scenario
from game.scenario.findings import Finding, did_you_mean
from game.scenario.strictyaml import SourceMap

Path = tuple[Any, ...]


def check_roles(scenario: Scenario, source: SourceMap) -> list[Finding]:
    """Findings about the ``roles:`` and ``classroom:`` sections, each at the line it concerns."""
    out: list[Finding] = []
    powers = sorted(scenario.powers)
    for rid, role in scenario.roles.items():
        base: Path = ("roles", rid)
        if role.delegation not in scenario.powers:
            out.append(source.finding(base + ("delegation",), "R050",
                                      f"unknown delegation '{role.delegation}'{did_you_mean(role.delegation, powers)}"))
        for i, verb in enumerate(role.may):
            if verb not in MAY_VERBS:
                out.append(source.finding(base + ("may", i), "R051",
                                          f"unknown verb '{verb}' in may (one of: {', '.join(MAY_VERBS)})"
                                          f"{did_you_mean(verb, MAY_VERBS)}"))
        seen: set[str] = set()
        for i, obj in enumerate(role.objectives):
            if obj.id in seen:
                out.append(source.finding(base + ("objectives", i, "id"), "S050",
                                          f"the objective id '{obj.id}' is used twice in role '{rid}'"))
            seen.add(obj.id)
    events = sorted(e.id for e in scenario.events)
    for i, eid in enumerate(scenario.classroom.injects):
        if eid not in events:
            out.append(source.finding(("classroom", "injects", i), "R052",
                                      f"unknown event '{eid}'{did_you_mean(eid, events)}"))
    if scenario.roles:
        cast = {r.delegation for r in scenario.roles.values()}
        for pid, power in scenario.powers.items():
            if power.playable and pid not in cast:
                out.append(source.finding(("powers", pid), "M050",
                                          f"{power.name} has no classroom role, so no student can sit in its "
                                          f"delegation; add a role with delegation: {pid}", key=True))
    return out
