"""Conferences: opening and closing on their dates, who attends, plenary
speeches, private meetings beside the plenary, walk-outs and collapse.

While a conference sits, every attending delegation can table proposals
to every other without a negotiator's mission. Private meetings bring the
two sides closer (which the powers left outside fear); a separate treaty
between a few attendees breaks the conference (see ``treaties``).
"""
from __future__ import annotations

from game.engine.enums import ConferenceStage
from game.engine.rules import Rules
from game.engine.state import ConferenceState, State
from game.engine.strings import S, say
from game.engine.world import ACTIONS, Ctx

#: Mood a delegation loses when its proposal at a conference is turned down.
REBUFF_MOOD = 8.0
#: Unity a private meeting between two members of a bloc adds.
BLOC_MEETING_UNITY = 4.0
#: Unity a bloc loses when one member meets the hub power privately.
SEPARATE_TALKS_UNITY = 1.0


def init_conferences(rules: Rules) -> dict[str, ConferenceState]:
    return {cid: ConferenceState(invited=list(c.invited)) for cid, c in rules.scenario.conferences.items()}


def is_sitting(state: State, cid: str) -> bool:
    c = state.conferences.get(cid)
    return bool(c) and c.state in ("open", "broken")


def sitting(state: State) -> list[str]:
    return [cid for cid in state.conferences if is_sitting(state, cid)]


def update_on_date(rules: Rules, state: State) -> None:
    """Open and close conferences by the calendar; collapse the deserted."""
    today = state.today
    for cid, cs in state.conferences.items():
        spec = rules.scenario.conferences[cid]
        if cs.state == "not_started" and spec.opens <= today <= spec.closes:
            _open(rules, state, cid)
        elif cs.state in ("open", "broken") and today > spec.closes:
            _close(rules, state, cid, "news.conference_closes")
        elif cs.state in ("open", "broken") and len(cs.attending) < spec.collapse_below:
            _close(rules, state, cid, "news.conference_collapses")


def _open(rules: Rules, state: State, cid: str) -> None:
    cs, spec = state.conferences[cid], rules.scenario.conferences[cid]
    cs.state = ConferenceStage.OPEN
    cs.attending = [p for p in cs.invited if p not in cs.walked_out]
    Ctx(rules, state).news(say("news.conference_opens", conference=spec.title, place=spec.place or spec.title),
                           "conference", cs.attending)


def _close(rules: Rules, state: State, cid: str, key: str) -> None:
    cs, spec = state.conferences[cid], rules.scenario.conferences[cid]
    cs.state = ConferenceStage.CLOSED
    cs.attending = []
    Ctx(rules, state).news(say(key, conference=spec.title), "conference")


def attend(rules: Rules, state: State, cid: str, power: str) -> None:
    cs = state.conferences[cid]
    if power not in cs.attending:
        cs.attending.append(power)
    if power in cs.walked_out:
        cs.walked_out.remove(power)
    Ctx(rules, state).news(say("news.attend", power=rules.power_name(power, state),
                                                   conference=rules.scenario.conferences[cid].title), "conference", [power])


def walk_out(rules: Rules, state: State, cid: str, power: str) -> None:
    cs = state.conferences[cid]
    if power in cs.attending:
        cs.attending.remove(power)
    cs.walked_out.append(power)
    Ctx(rules, state).news(say("news.walkout", power=rules.power_name(power, state),
                                                    conference=rules.scenario.conferences[cid].title), "conference", [power])


def speak(rules: Rules, state: State, cid: str, power: str, item: str) -> None:
    spec = rules.scenario.conferences[cid]
    agenda = {a.id: a for a in spec.agenda}[item]
    state.conferences[cid].speeches.append({"turn": state.turn, "power": power, "item": item})
    ctx = Ctx(rules, state, self_=power)
    ctx.news(say("news.speech", power=rules.power_name(power, state), item=agenda.title), "speech", [power])
    for effect in agenda.speech:
        effect.apply(ctx)


def spoke_this_turn(state: State, cid: str, power: str) -> bool:
    return any(s["turn"] == state.turn and s["power"] == power for s in state.conferences[cid].speeches)


def channel_between(rules: Rules, cid: str, a: str, b: str) -> str:
    for ch in rules.scenario.conferences[cid].private_channels:
        members = set(ch.members) | {ch.host}
        if a in members and b in members:
            return ch.title
    return ""


def meet(rules: Rules, state: State, cid: str, a: str, b: str) -> None:
    cs = state.conferences[cid]
    channel = channel_between(rules, cid, a, b)
    cs.meetings.append({"turn": state.turn, "date": state.date, "a": a, "b": b, "channel": channel})
    ctx = Ctx(rules, state)
    spec = rules.scenario.conferences[cid]
    names = rules.scenario.powers
    ctx.news(say("news.meeting", a=names[a].name, b=names[b].name, channel=channel or spec.title),
             "meeting", [a, b])
    cause = S["cause.meeting"].format(conference=spec.title)
    if rules.hub in (a, b):
        other = b if a == rules.hub else a
        ctx.adjust(f"{other}.closeness", rules.scenario.tuning.private_meeting_closeness, cause)
        for bid, bloc in rules.scenario.blocs.items():
            if other in bloc.members and rules.hub not in bloc.members:
                # Separate talks with the hub power breed suspicion among the member's partners.
                ctx.adjust(f"world.{bid}_unity", -SEPARATE_TALKS_UNITY,
                           S["cause.separate_talks"].format(power=names[other].name))
        return
    for bid, bloc in rules.scenario.blocs.items():
        if a in bloc.members and b in bloc.members:
            ctx.adjust(f"world.{bid}_unity", BLOC_MEETING_UNITY, cause)


def met_this_turn(state: State, cid: str, power: str) -> bool:
    return any(m["turn"] == state.turn and power in (m["a"], m["b"]) for m in state.conferences[cid].meetings)


def called_meeting_this_turn(state: State, cid: str, power: str) -> bool:
    """Whether ``power`` asked for a private meeting this session (``a`` is the side that asked)."""
    return any(m["turn"] == state.turn and m["a"] == power for m in state.conferences[cid].meetings)


def met_pair_this_turn(state: State, cid: str, a: str, b: str) -> bool:
    return any(m["turn"] == state.turn and {a, b} == {m["a"], m["b"]} for m in state.conferences[cid].meetings)


def excluded_from(state: State, cid: str, power: str) -> bool:
    return power in state.conferences[cid].excluded


def scripted(rules: Rules, state: State, cid: str, action: str, power: str | None) -> None:
    cs = state.conferences[cid]
    if action == "open" and cs.state == "not_started":
        _open(rules, state, cid)
    elif action == "close" and cs.state in ("open", "broken"):
        _close(rules, state, cid, "news.conference_closes")
    elif action == "invite" and power and power not in cs.invited:
        cs.invited.append(power)
        if cs.state in ("open", "broken"):
            attend(rules, state, cid, power)
    elif action == "exclude" and power and power not in cs.excluded:
        cs.excluded.append(power)


def rebuff(rules: Rules, state: State, cid: str | None, powers: list[str]) -> None:
    """A delegation whose proposal at a conference is turned down loses patience."""
    if cid is None or not is_sitting(state, cid):
        return
    ctx = Ctx(rules, state)
    for p in powers:
        if p != rules.hub:
            ctx.adjust(f"{p}.mood", -REBUFF_MOOD, None)


def commission_for(rules: Rules, cid: str, parties: list[str], clause_types: list[str]) -> str:
    """Where a proposal is tabled: the commission whose members include every party and whose
    agenda covers the most of its clauses, or the plenary."""
    spec = rules.scenario.conferences[cid]
    items = {a.id: set(a.clauses) for a in spec.agenda}
    best, best_cover = "plenary", 0
    for com in spec.commissions:
        if not all(p in com.members for p in parties):
            continue
        covered = set().union(*(items.get(a, set()) for a in com.agenda)) if com.agenda else set()
        cover = len(covered & set(clause_types))
        if cover > best_cover:
            best, best_cover = com.id, cover
    return best


def venue_name(rules: Rules, cid: str, channel: str | None) -> str:
    spec = rules.scenario.conferences[cid]
    for com in spec.commissions:
        if com.id == channel:
            return com.title
    return f"the plenary of the {spec.title}"


# Scripted effects reach this through world.ACTIONS (world is below this module).
ACTIONS["conference"] = scripted
