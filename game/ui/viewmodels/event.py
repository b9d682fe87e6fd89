"""An event as data: its text and date, the picture that goes with it, and
each option with its known effects in plain words."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.describe import describe_effect
from game.engine.events import event_by_id
from game.engine.obligations import worded
from game.engine.rules import Rules
from game.engine.state import State
from game.i18n import S
from game.ui.viewmodels.common import date_text
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


def describe(rules: Rules, effect: Any, chooser: str | None = None, state: State | None = None) -> str | None:
    """One effect in a few words (the engine's wording, shared with the terminal), powers by their name of the
    day when the state is given."""
    return describe_effect(rules, effect, chooser, state)


def event_vm(rules: Rules, state: State, event_id: str) -> EventVM:
    e = event_by_id(rules, event_id)
    fired_turn = state.fired.get(event_id, state.turn)
    date = next((n["date"] for n in reversed(state.news) if n.get("event") == event_id), state.date)
    effects = tuple(x for x in (describe(rules, ef, e.chooser, state) for ef in e.effects) if x)
    options = tuple(OptionVM(o.id, o.title, o.text, tuple(x for x in (describe(rules, ef, e.chooser, state)
                                                                      for ef in o.effects) if x))
                    for o in e.options)
    del fired_turn
    title, text = worded(rules, state, event_id, next((c.chooser for c in state.choices if c.event == event_id),
                                                      e.chooser or rules.hub))   # a treaty's partner named
    return EventVM(e.id, title, " ".join(text.split()), date_text(date), picture_for(e.id, e.title, e.picture),
                   effects, options)
