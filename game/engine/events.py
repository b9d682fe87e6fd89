"""Scripted events: each turn, every event whose date window is open, whose
conditions hold and whose chance comes up (drawn from the game's own
generator) fires: its text becomes news, its effects apply, and if it has
options its chooser decides, now if the chooser is an AI, during the turn
if it is a person."""
from __future__ import annotations

from game.engine.model.events import Event
from game.engine.rules import Rules
from game.engine.state import PendingChoice, Rng, State
from game.engine.strings import say
from game.engine.world import Ctx


def due(rules: Rules, state: State, event: Event) -> bool:
    if event.once and event.id in state.fired:
        return False
    today = state.today
    if (event.from_ and today < event.from_) or (event.to and today > event.to):
        return False
    ctx = Ctx(rules, state, self_=event.chooser)
    return event.conditions is None or bool(event.conditions.holds(ctx))


def fire_due_events(rules: Rules, state: State) -> list[str]:
    fired = []
    for event in rules.scenario.events:
        if not due(rules, state, event):
            continue
        if event.chance < 1.0:
            with Rng(state) as gen:
                if gen.random() >= event.chance:
                    continue
        fire(rules, state, event)
        fired.append(event.id)
    return fired


def fire(rules: Rules, state: State, event: Event) -> None:
    state.fired[event.id] = state.turn
    ctx = Ctx(rules, state, self_=event.chooser)
    kind = "decision" if event.private else "event"     # a decision in a cabinet stays with its chooser
    ctx.news(say("news.event", title=event.title, text=event.text), kind, [event.chooser] if event.chooser else [])
    state.news[-1]["event"] = event.id
    for effect in event.effects:
        effect.apply(ctx)
    if not event.options:
        return
    chooser = event.chooser or rules.hub
    if state.controllers.get(chooser) == "ai":
        choose(rules, state, event.id, chooser, ai_choice(rules, state, event))
    else:
        state.choices.append(PendingChoice(event.id, chooser, state.turn))


def event_by_id(rules: Rules, event_id: str) -> Event:
    """A scripted event, or the decision a clause's obligation puts (game.engine.obligations)."""
    for e in rules.scenario.events:
        if e.id == event_id:
            return e
    for ct in rules.scenario.clause_types.values():
        for ob in ct.obligations:
            if ob.id == event_id:
                return ob.as_event()
    raise KeyError(event_id)


def ai_choice(rules: Rules, state: State, event: Event) -> str:
    weights = [o.ai_weight for o in event.options]
    total = sum(weights)
    if total <= 0:
        return event.options[0].id
    with Rng(state) as gen:
        x = gen.random() * total
    for option, w in zip(event.options, weights):
        x -= w
        if x < 0:
            return option.id
    return event.options[-1].id


def choose(rules: Rules, state: State, event_id: str, power: str, option_id: str) -> None:
    event = event_by_id(rules, event_id)
    option = {o.id: o for o in event.options}[option_id]
    partner = next((c.partner for c in state.choices if c.event == event_id and c.chooser == power), None)
    state.choices = [c for c in state.choices if not (c.event == event_id and c.chooser == power)]
    ctx = Ctx(rules, state, self_=power, partner=partner)
    ctx.news(say("news.choice", power=rules.power_name(power, state), option=option.title), "choice", [power])
    for effect in option.effects:
        effect.apply(ctx)
