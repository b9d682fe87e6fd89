"""Conditions in the player's words, using the scenario's own names.

``Condition.describe()`` speaks in ids (it has no scenario to hand); this
module knows the scenario, so "no longer: the Genoa Conference has not
started, and Soundings in Berlin has not gone that way" replaces
"genoa is not_started and not (flag berlin_pressed is set)".
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from game.engine.model import conditions as C
from game.engine.model import effects as E
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.strings import S

_OPS = ("<", "<=", ">", ">=", "==", "!=")


def _op(op: str) -> str:
    return S[f"cond.op.{_OPS.index(op)}"]


def _status(level: str) -> str:
    return S[f"cond.status.{level}"]


def value_name(rules: Rules, ref: str, state: State | None = None) -> str:
    d = rules.vars.defs.get(ref)
    owner = ref.split(".")[0]
    if d is None:
        return ref
    if owner in rules.scenario.powers:
        return S["cond.value_of"].format(power=rules.power_name(owner, state),
                                         value=d.title[0].lower() + d.title[1:])
    return d.title


def _power(rules: Rules, pid: str, state: State | None = None) -> str:
    return rules.power_name(pid, state) if pid in rules.scenario.powers else pid


def _flag_source(rules: Rules, flag: str, negated: bool = False) -> str:
    neg = ".not" if negated else ""
    for event in rules.scenario.events:
        if any(isinstance(e, E.RaiseFlag) and e.flag == flag for e in event.effects):
            return S["cond.event" + neg].format(event=event.title)
        for option in event.options:
            if any(isinstance(e, E.RaiseFlag) and e.flag == flag for e in option.effects):
                return S["cond.option" + neg].format(event=event.title, option=option.title)
    return S["cond.flag" + neg].format(flag=flag)


def _tests_flag(node: Any, flag: str) -> bool:
    """Whether a condition (or anything holding conditions) tests ``flag`` somewhere inside it."""
    if isinstance(node, C.FlagTest):
        return node.flag == flag
    if isinstance(node, (list, tuple)):
        return any(_tests_flag(n, flag) for n in node)
    if isinstance(node, dict):
        return any(_tests_flag(n, flag) for n in node.values())
    if isinstance(node, BaseModel):
        return any(_tests_flag(getattr(node, name), flag) for name in type(node).model_fields)
    return False


def flag_uses(rules: Rules, flag: str) -> list[str]:
    """What a raised flag bears on, in the player's words: the events and the red lines whose conditions
    test it (the flag's own name is the modder's, never shown)."""
    sc = rules.scenario
    out = [S["effect.flag.event"].format(event=e.title) for e in sc.events
           if _tests_flag(e.conditions, flag)]
    for pid, power in sc.powers.items():
        out += [S["effect.flag.red_line"].format(power=power.name, reason=line.reason)
                for line in power.red_lines if _tests_flag(getattr(line, "when", None), flag)]
    return out[:3]


def _date(d: object) -> str:
    return f"{d:%d %B %Y}"  # type: ignore[str-format]


def describe(rules: Rules, cond: Any, state: State | None = None) -> str:
    """A condition in words; given the state, a power is called by its name of the day (a ``rename``)."""
    if isinstance(cond, C.Compare):
        c = cond.compare
        other = f"{c.value:g}" if c.to is None else value_name(rules, c.to, state)
        return S["cond.compare"].format(value=value_name(rules, c.var, state), op=_op(c.op), other=other)
    if isinstance(cond, C.ConferenceTest):
        c = cond.conference
        title = rules.scenario.conferences[c.id].title if c.id in rules.scenario.conferences else c.id
        if c.attending:
            return S["cond.attends"].format(power=_power(rules, c.attending, state), conference=title)
        return S[f"cond.conference.{c.state}"].format(conference=title) if c.state else title
    if isinstance(cond, C.FlagTest):
        return _flag_source(rules, cond.flag)
    if isinstance(cond, C.StatusTest):
        s = cond.status
        key, level = ("cond.status_at_least", s.at_least) if s.at_least else ("cond.status_at_most", s.at_most or "none")
        return S[key].format(power=_power(rules, s.power, state), status=_status(level), hub=_power(rules, rules.hub, state))
    if isinstance(cond, C.TreatyTest):
        t = cond.treaty
        who = S["cond.or"].join(_power(rules, p, state) for p in (t.with_any or t.with_)) or S["cond.anyone"]
        what = ", ".join(rules.scenario.clause_types[c].title.lower() for c in t.clauses
                         if c in rules.scenario.clause_types)
        return S["cond.treaty_with"].format(who=who) + (S["cond.including"].format(what=what) if what else "")
    if isinstance(cond, C.EventTest):
        title = next((e.title for e in rules.scenario.events if e.id == cond.event), cond.event)
        return S["cond.event"].format(event=title)
    if isinstance(cond, C.LeaderTest):
        p = rules.scenario.powers.get(cond.leader.power)
        name = p.leaders[cond.leader.is_].name if p and cond.leader.is_ in p.leaders else cond.leader.is_
        return S["cond.leads"].format(leader=name, power=_power(rules, cond.leader.power, state))
    if isinstance(cond, C.DateWindow):
        d = cond.date
        if d.from_ and d.to:
            return S["cond.date_between"].format(start=_date(d.from_), end=_date(d.to))
        return S["cond.date_after"].format(date=_date(d.from_)) if d.from_ else \
            S["cond.date_before"].format(date=_date(d.to))
    if isinstance(cond, C.AllOf):
        return S["cond.and"].join(describe(rules, c, state) for c in cond.all)
    if isinstance(cond, C.AnyOf):
        return S["cond.either"] + S["cond.or_long"].join(describe(rules, c, state) for c in cond.any)
    if isinstance(cond, C.Not):
        inner = cond.not_
        if isinstance(inner, C.FlagTest):
            return _flag_source(rules, inner.flag, negated=True)
        if isinstance(inner, C.ConferenceTest) and inner.conference.state == "open" and not inner.conference.attending:
            return S["cond.conference.not_open"].format(conference=rules.scenario.conferences[inner.conference.id].title)
        return S["cond.not"].format(what=describe(rules, inner, state))
    if isinstance(cond, C.AtLeast):
        parts = "; ".join(describe(rules, c, state) for c in cond.at_least.of)
        return S["cond.at_least"].format(count=cond.at_least.count, parts=parts)
    return cond.describe() if hasattr(cond, "describe") else str(cond)


def _target(rules: Rules, ref: str, chooser: str | None, state: State | None = None) -> str:
    owner, _, var = ref.partition(".")
    pair = var.split("__")
    if owner == "relation" and len(pair) == 2 and all(p in rules.scenario.powers for p in pair):
        return S["effect.relation"].format(a=_power(rules, pair[0]), b=_power(rules, pair[1]))
    if owner in ("self", "hub"):
        owner = (chooser or rules.hub) if owner == "self" else rules.hub
    d = rules.vars.defs.get(f"{owner}.{var}")
    title = d.title if d else var.replace("_", " ")
    if owner in rules.scenario.powers and owner != rules.hub:
        return f"{_power(rules, owner, state)}: {title.lower()}"
    return title


def describe_effect(rules: Rules, effect: Any, chooser: str | None = None, state: State | None = None) -> str | None:
    """One effect in a few words (from the string catalogue), or None for what a player need not be told."""
    if isinstance(effect, E.Adjust):
        return S["effect.adjust"].format(target=_target(rules, effect.adjust.var, chooser, state), by=effect.adjust.by)
    if isinstance(effect, E.SetValue):
        return S["effect.set"].format(target=_target(rules, effect.set.var, chooser, state), to=effect.set.to)
    if isinstance(effect, E.RaiseFlag):
        uses = flag_uses(rules, effect.flag)
        return S["effect.flag"].format(uses="; ".join(uses)) if uses else S["effect.flag.quiet"]
    if isinstance(effect, E.SetLeader):
        c = effect.set_leader
        return S["effect.leader"].format(leader=rules.scenario.powers[c.power].leaders[c.leader].name,
                                           power=_power(rules, c.power, state))
    if isinstance(effect, E.Rename):
        return S["effect.rename"].format(power=_power(rules, effect.rename.power, state), name=effect.rename.name)
    if isinstance(effect, E.SetStatus):
        return S["effect.status"].format(power=_power(rules, effect.set_status.power, state),
                                           status=effect.set_status.to.replace("_", " "))
    if isinstance(effect, E.Grievance):
        g = effect.grievance
        return S["effect.grievance"].format(power=_power(rules, g.power, state), amount=g.amount, reason=g.reason)
    if isinstance(effect, E.Propose):
        p = effect.propose
        return S["effect.propose"].format(sender=", ".join(_power(rules, x, state) for x in p.from_), title=p.title)
    if isinstance(effect, E.Sign):
        return S["effect.sign"].format(title=effect.sign.title)
    if isinstance(effect, E.Withdraw):
        w = effect.withdraw
        parties, _ = w.parties(rules.hub)
        terms = {t: term.title for topic in rules.scenario.side_talks.topics.values() for t, term in topic.terms.items()}
        clauses = [terms.get(c) or (rules.scenario.clause_types[c].title if c in rules.scenario.clause_types else c)
                   for c in w.clauses]
        return S["effect.withdraw"].format(power=_power(rules, w.by),
                                           parties=", ".join(_power(rules, p) for p in parties if p != w.by)
                                           or _power(rules, rules.hub), clauses="; ".join(clauses))
    if isinstance(effect, (E.OpenConference, E.CloseConference)):
        kind = "open_conference" if isinstance(effect, E.OpenConference) else "close_conference"
        return S["effect.conference"].format(conference=rules.scenario.conferences[getattr(effect, kind)].title,
                                               action=S["effect." + kind])
    if isinstance(effect, (E.Invite, E.Exclude)):
        kind = "invite" if isinstance(effect, E.Invite) else "exclude"
        c = getattr(effect, kind)
        return S["effect.conference"].format(conference=rules.scenario.conferences[c.conference].title,
                                               action=S["effect." + kind].format(power=_power(rules, c.power, state)))
    if isinstance(effect, E.Personality):
        p = effect.personality
        interest = rules.scenario.interests.get(p.interest)
        return S["effect.personality"].format(power=_power(rules, p.power, state),
                                                more_less=S["effect.more"] if p.by > 0 else S["effect.less"],
                                                interest=(interest.title if interest else p.interest).lower())
    if isinstance(effect, E.EndScenario):
        return S["effect.end"]
    if isinstance(effect, E.BreakRelations):
        return S["effect.break"].format(power=_power(rules, effect.break_relations.power, state))
    if isinstance(effect, E.RestoreRelations):
        return S["effect.restore"].format(power=_power(rules, effect.restore_relations.power, state),
                                          status=effect.restore_relations.to.replace("_", " "))
    return None


def describe_effects(rules: Rules, effects: list[Any], chooser: str | None = None, state: State | None = None) -> str:
    return "; ".join(t for t in (describe_effect(rules, e, chooser, state) for e in effects) if t)
