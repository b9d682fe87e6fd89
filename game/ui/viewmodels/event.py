"""An event as data: its text and date, the picture that goes with it, and
each option with its known effects in plain words."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.events import event_by_id
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.strings import S
from game.ui.viewmodels.common import date_text, humanise, names, power_name, var_title
from game.ui.widgets.pictures import picture_for


@dataclass(frozen=True)
class OptionVM:
    id: str
    title: str
    text: str
    effects: tuple[str, ...]

    @property
    def effects_text(self) -> str:
        return S["ui.event.effects"].format(effects="; ".join(self.effects) or S["ui.event.no_effects"])


@dataclass(frozen=True)
class EventVM:
    id: str
    title: str
    text: str
    date: str
    picture: str
    effects: tuple[str, ...]
    options: tuple[OptionVM, ...]


def _target(rules: Rules, ref: str, chooser: str | None) -> str:
    owner, _, var = ref.partition(".")
    if owner in ("self", "hub"):
        owner = chooser or rules.hub if owner == "self" else rules.hub
    name = f"{owner}.{var}"
    title = var_title(rules, name)
    if owner in rules.scenario.powers and owner != rules.hub:
        return f"{power_name(rules, owner)}: {title.lower()}"
    return title


def describe(rules: Rules, effect: Any, chooser: str | None = None) -> str | None:
    """One effect in a few words, or None for what a player need not be told."""
    if hasattr(effect, "adjust"):
        a = effect.adjust
        return S["ui.event.adjust"].format(target=_target(rules, a.var, chooser), by=a.by)
    if hasattr(effect, "set"):
        return S["ui.event.set"].format(target=_target(rules, effect.set.var, chooser), to=effect.set.to)
    if hasattr(effect, "flag"):
        return S["ui.event.flag"].format(name=humanise(effect.flag))
    if hasattr(effect, "news"):
        return None
    if hasattr(effect, "set_leader"):
        c = effect.set_leader
        leader = rules.scenario.powers[c.power].leaders[c.leader].name
        return S["ui.event.leader"].format(leader=leader, power=power_name(rules, c.power))
    if hasattr(effect, "set_status"):
        return S["ui.event.status"].format(power=power_name(rules, effect.set_status.power),
                                           status=humanise(effect.set_status.to))
    if hasattr(effect, "grievance"):
        g = effect.grievance
        return S["ui.event.grievance"].format(power=power_name(rules, g.power), amount=g.amount, reason=g.reason)
    if hasattr(effect, "propose"):
        p = effect.propose
        return S["ui.event.propose"].format(sender=names(rules, p.from_), title=p.title)
    if hasattr(effect, "sign"):
        return S["ui.event.sign"].format(title=effect.sign.title)
    for kind in ("open_conference", "close_conference"):
        if hasattr(effect, kind):
            cid = getattr(effect, kind)
            return S["ui.event.conference"].format(conference=rules.scenario.conferences[cid].title,
                                                   action=S["ui.event." + kind])
    for kind in ("invite", "exclude"):
        if hasattr(effect, kind):
            c = getattr(effect, kind)
            return S["ui.event.conference"].format(conference=rules.scenario.conferences[c.conference].title,
                                                   action=S["ui.event." + kind].format(power=power_name(rules, c.power)))
    if hasattr(effect, "personality"):
        p = effect.personality
        interest = rules.scenario.interests.get(p.interest)
        return S["ui.event.personality"].format(power=power_name(rules, p.power),
                                                more_less=S["ui.event.more"] if p.by > 0 else S["ui.event.less"],
                                                interest=(interest.title if interest else humanise(p.interest)).lower())
    if hasattr(effect, "end_scenario"):
        return S["ui.event.end"]
    return None


def event_vm(rules: Rules, state: State, event_id: str) -> EventVM:
    e = event_by_id(rules, event_id)
    fired_turn = state.fired.get(event_id, state.turn)
    date = next((n["date"] for n in reversed(state.news) if n.get("event") == event_id), state.date)
    effects = tuple(x for x in (describe(rules, ef, e.chooser) for ef in e.effects) if x)
    options = tuple(OptionVM(o.id, o.title, o.text, tuple(x for x in (describe(rules, ef, e.chooser)
                                                                      for ef in o.effects) if x))
                    for o in e.options)
    del fired_turn
    return EventVM(e.id, e.title, " ".join(e.text.split()), date_text(date), picture_for(e.id, e.title, e.picture),
                   effects, options)
