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


def describe_effect(rules: Rules, effect: Any) -> str:
    """One effect in the player's words: "Britain's trust +4", "a proposal from ..."."""
    if isinstance(effect, E.Adjust):
        return f"{value_name(rules, effect.adjust.var)} {effect.adjust.by:+g}"
    if isinstance(effect, E.SetValue):
        return f"{value_name(rules, effect.set.var)} set to {effect.set.to:g}"
    if isinstance(effect, E.SetLeader):
        p = rules.scenario.powers[effect.set_leader.power]
        return f"{p.leaders[effect.set_leader.leader].name} takes office in {p.name}"
    if isinstance(effect, E.SetStatus):
        return f"{_power(rules, effect.set_status.power)}: {_STATUS.get(effect.set_status.to, effect.set_status.to)}"
    if isinstance(effect, E.Grievance):
        g = effect.grievance
        return f"{_power(rules, g.power)} remembers: {g.reason} ({-g.amount:+g}, fading)"
    if isinstance(effect, E.Propose):
        spec = effect.propose
        who = ", ".join(_power(rules, p) for p in spec.from_)
        return f"{who} table {spec.title} to {_power(rules, spec.to)}"
    if isinstance(effect, E.Sign):
        return f"a treaty with {', '.join(_power(rules, p) for p in effect.sign.with_)}: {effect.sign.title}"
    if isinstance(effect, E.Personality):
        p = effect.personality
        interest = rules.scenario.interests.get(p.interest)
        return f"{_power(rules, p.power)} cares {'more' if p.by > 0 else 'less'} about {interest.title.lower() if interest else p.interest}"
    if isinstance(effect, E.Exclude):
        return f"{_power(rules, effect.exclude.power)} excluded from the {rules.scenario.conferences[effect.exclude.conference].title}'s commissions"
    if isinstance(effect, E.Invite):
        return f"{_power(rules, effect.invite.power)} invited to the {rules.scenario.conferences[effect.invite.conference].title}"
    if isinstance(effect, (E.RaiseFlag, E.ClearFlag, E.News)):
        return ""
    if isinstance(effect, E.EndScenario):
        return "the scenario ends"
    return type(effect).__name__


def describe_effects(rules: Rules, effects: list[Any]) -> str:
    return "; ".join(t for t in (describe_effect(rules, e) for e in effects) if t)
