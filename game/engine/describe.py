"""Conditions in the player's words, using the scenario's own names.

``Condition.describe()`` speaks in ids (it has no scenario to hand); this
module knows the scenario, so "no longer: the Genoa Conference has not
started, and Soundings in Berlin has not gone that way" replaces
"genoa is not_started and not (flag berlin_pressed is set)".
"""
from __future__ import annotations

from typing import Any

from game.engine.model import conditions as C
from game.engine.model import effects as E
from game.engine.rules import Rules

_OPS = {"<": "below", "<=": "at most", ">": "above", ">=": "at least", "==": "exactly", "!=": "other than"}
_STATUS = {"none": "no relations", "de_facto": "de facto relations", "de_jure": "de jure recognition",
           "full_relations": "full relations"}


def value_name(rules: Rules, ref: str) -> str:
    d = rules.vars.defs.get(ref)
    owner = ref.split(".")[0]
    if d is None:
        return ref
    if owner in rules.scenario.powers:
        return f"{rules.scenario.powers[owner].name}'s {d.title[0].lower() + d.title[1:]}"
    return d.title


def _power(rules: Rules, pid: str) -> str:
    return rules.scenario.powers[pid].name if pid in rules.scenario.powers else pid


def _flag_source(rules: Rules, flag: str) -> str:
    for event in rules.scenario.events:
        if any(isinstance(e, E.RaiseFlag) and e.flag == flag for e in event.effects):
            return f"{event.title} has happened"
        for option in event.options:
            if any(isinstance(e, E.RaiseFlag) and e.flag == flag for e in option.effects):
                return f"{event.title} has gone the way of \"{option.title}\""
    return f"the flag {flag} is raised"


def describe(rules: Rules, cond: Any) -> str:
    if isinstance(cond, C.Compare):
        c = cond.compare
        other = f"{c.value:g}" if c.to is None else value_name(rules, c.to)
        return f"{value_name(rules, c.var)} is {_OPS[c.op]} {other}"
    if isinstance(cond, C.ConferenceTest):
        c = cond.conference
        title = rules.scenario.conferences[c.id].title if c.id in rules.scenario.conferences else c.id
        if c.attending:
            return f"{_power(rules, c.attending)} attends the {title}"
        return {"not_started": f"the {title} has not opened", "open": f"the {title} is sitting",
                "closed": f"the {title} is over", "broken": f"the {title} is broken"}.get(c.state or "", title)
    if isinstance(cond, C.FlagTest):
        return _flag_source(rules, cond.flag)
    if isinstance(cond, C.StatusTest):
        s = cond.status
        bound = f"at least {_STATUS[s.at_least]}" if s.at_least else f"at most {_STATUS[s.at_most or 'none']}"
        return f"{_power(rules, s.power)} has {bound} with {_power(rules, rules.hub)}"
    if isinstance(cond, C.TreatyTest):
        t = cond.treaty
        who = " or ".join(_power(rules, p) for p in (t.with_any or t.with_)) or "anyone"
        what = ", ".join(rules.scenario.clause_types[c].title.lower() for c in t.clauses
                         if c in rules.scenario.clause_types)
        return f"a treaty with {who}" + (f" including {what}" if what else "")
    if isinstance(cond, C.EventTest):
        title = next((e.title for e in rules.scenario.events if e.id == cond.event), cond.event)
        return f"{title} has happened"
    if isinstance(cond, C.LeaderTest):
        p = rules.scenario.powers.get(cond.leader.power)
        name = p.leaders[cond.leader.is_].name if p and cond.leader.is_ in p.leaders else cond.leader.is_
        return f"{name} leads {_power(rules, cond.leader.power)}"
    if isinstance(cond, C.DateWindow):
        d = cond.date
        if d.from_ and d.to:
            return f"the date is between {d.from_:%d %B %Y} and {d.to:%d %B %Y}"
        return f"the date is after {d.from_:%d %B %Y}" if d.from_ else f"the date is before {d.to:%d %B %Y}"
    if isinstance(cond, C.AllOf):
        return ", and ".join(describe(rules, c) for c in cond.all)
    if isinstance(cond, C.AnyOf):
        return "either " + ", or ".join(describe(rules, c) for c in cond.any)
    if isinstance(cond, C.Not):
        inner = cond.not_
        if isinstance(inner, C.FlagTest):
            text = _flag_source(rules, inner.flag)
            return text.replace(" has gone the way", " has not gone the way").replace(" has happened", " has not happened")
        if isinstance(inner, C.ConferenceTest) and inner.conference.state == "open" and not inner.conference.attending:
            title = rules.scenario.conferences[inner.conference.id].title
            return f"the {title} is not sitting"
        return f"not: {describe(rules, inner)}"
    if isinstance(cond, C.AtLeast):
        parts = "; ".join(describe(rules, c) for c in cond.at_least.of)
        return f"at least {cond.at_least.count} of: {parts}"
    return cond.describe() if hasattr(cond, "describe") else str(cond)
