"""The classroom facilitator's powers over the world: inject a scripted
event, publish news of their own, and move a state value with a reason.

They arrive as commands of the ``facilitator`` seat (game/engine/commands.py),
so they are logged, saved and replayed like any other: a session that used
them replays to the same state. Pacing (the clock, pausing, undoing a round)
is the classroom session's business, not the world's, and lives in
game/classroom/.
"""
from __future__ import annotations

from game.engine import events
from game.engine.commands import AdjustValue, FacilitatorCommand, IllegalCommand, InjectEvent, PostNews
from game.engine.rules import Rules
from game.engine.strings import say
from game.engine.state import State
from game.engine.world import Ctx

#: The news kind of what the facilitator publishes (front ends may mark it).
NEWS_KIND = "facilitator"
#: Longest headline and text a facilitator may publish (one screen of news).
MAX_HEADLINE, MAX_TEXT = 120, 1000


def check(rules: Rules, state: State, cmd: FacilitatorCommand) -> FacilitatorCommand:
    """Return the command if it can be carried out now, or raise IllegalCommand saying why."""
    if state.finished:
        raise IllegalCommand("the scenario has ended")
    if isinstance(cmd, InjectEvent):
        ids = [e.id for e in rules.scenario.events]
        if cmd.event not in ids:
            raise IllegalCommand(f"unknown event {cmd.event!r}; events: {', '.join(ids)}")
        event = events.event_by_id(rules, cmd.event)
        if event.once and cmd.event in state.fired:
            raise IllegalCommand(f"{event.title!r} has already happened (turn {state.fired[cmd.event]})")
    elif isinstance(cmd, PostNews):
        if not cmd.headline.strip() or not cmd.text.strip():
            raise IllegalCommand("news needs a headline and a text")
        if len(cmd.headline) > MAX_HEADLINE or len(cmd.text) > MAX_TEXT:
            raise IllegalCommand(f"news is at most {MAX_HEADLINE} characters of headline and {MAX_TEXT} of text")
    elif isinstance(cmd, AdjustValue):
        if not rules.vars.known(cmd.var):
            raise IllegalCommand(f"unknown state value {cmd.var!r}")
        if not cmd.reason.strip():
            raise IllegalCommand("say why: an adjustment needs a reason, which goes into the log")
        if cmd.by == 0:
            raise IllegalCommand("an adjustment of 0 changes nothing")
    return cmd


def execute(rules: Rules, state: State, cmd: FacilitatorCommand) -> None:
    """Carry out a checked facilitator command."""
    ctx = Ctx(rules, state)
    if isinstance(cmd, InjectEvent):
        events.fire(rules, state, events.event_by_id(rules, cmd.event))
        state.news[-1]["injected"] = True
    elif isinstance(cmd, PostNews):
        ctx.news(say("news.posted", headline=cmd.headline.strip(), text=cmd.text.strip()), NEWS_KIND)
    elif isinstance(cmd, AdjustValue):
        ctx.adjust(cmd.var, cmd.by, f"facilitator: {cmd.reason.strip()}")
