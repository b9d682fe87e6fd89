"""Conferences, events, objectives and the historical record of a scenario."""
from __future__ import annotations

import datetime as dt

from pydantic import StrictBool, Field, model_validator

from game.engine.model.common import Id, Strict
from game.engine.model.conditions import Condition
from game.engine.model.effects import Effect


class AgendaItem(Strict):
    """A question before a conference; speaking on it moves opinions."""

    id: Id
    title: str = Field(min_length=1)
    clauses: list[Id] = Field(default_factory=list, description="Clause types this item is about.")
    speech: list[Effect] = Field(default_factory=list, description="What a speech by the hub power on it does.")


class Commission(Strict):
    """A conference commission: members only; proposals tabled there need no negotiator mission."""

    id: Id
    title: str = Field(min_length=1)
    members: list[Id] = Field(min_length=1)
    agenda: list[Id] = Field(default_factory=list)


class PrivateChannel(Strict):
    """Talks beside the plenary (the villa talks): members meet; the excluded fear being left out."""

    id: Id
    title: str = Field(min_length=1)
    host: Id
    members: list[Id] = Field(min_length=1)
    excludes: list[Id] = Field(default_factory=list)


class Conference(Strict):
    """A multilateral conference held in sessions between two dates."""

    title: str = Field(min_length=1)
    place: str = ""
    opens: dt.date
    closes: dt.date
    host: Id
    invited: list[Id] = Field(min_length=2)
    agenda: list[AgendaItem] = Field(default_factory=list)
    commissions: list[Commission] = Field(default_factory=list)
    private_channels: list[PrivateChannel] = Field(default_factory=list)
    side_treaty: list[Effect] = Field(
        default_factory=list,
        description="What happens when two attendees sign a separate treaty while it sits: it is broken.")
    collapse_below: int = Field(2, ge=0, description="It closes early when fewer powers than this still attend.")
    description: str = ""

    @model_validator(mode="after")
    def _dates(self) -> "Conference":
        if self.closes < self.opens:
            raise ValueError("closes is before opens")
        return self


class Option(Strict):
    """One choice in an event, with the effects it has."""

    id: Id
    title: str = Field(min_length=1)
    text: str = ""
    effects: list[Effect] = Field(default_factory=list)
    ai_weight: float = Field(1.0, ge=0, description="How likely an AI chooser is to pick it, relative to the others.")


class Event(Strict):
    """News or a decision: fires in a date window when its conditions hold and its chance comes up."""

    id: Id
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    picture: str | None = Field(None, description="An image id under assets/pictures, if any.")
    from_: dt.date | None = Field(None, alias="from", description="First day it can fire.")
    to: dt.date | None = Field(None, description="Last day it can fire.")
    conditions: Condition | None = None
    chance: float = Field(1.0, ge=0, le=1, description="Chance per eligible turn, drawn from the game's generator.")
    once: StrictBool = Field(True, description="Fires at most once.")
    chooser: Id | None = Field(None, description="The power that chooses among the options.")
    effects: list[Effect] = Field(default_factory=list, description="Applied when it fires, before any option.")
    options: list[Option] = Field(default_factory=list)

    @model_validator(mode="after")
    def _options(self) -> "Event":
        if self.options and self.chooser is None:
            raise ValueError("an event with options needs a chooser")
        if self.chooser is not None and not self.options:
            raise ValueError("an event with a chooser needs options")
        if self.from_ and self.to and self.to < self.from_:
            raise ValueError("'to' is before 'from'")
        return self


class Objective(Strict):
    """Points a power scores if a condition holds (at the end, or at any turn's end)."""

    id: Id
    title: str = Field(min_length=1)
    points: float
    condition: Condition
    any_time: StrictBool = Field(False, description="Met once it holds at the end of any turn (default: at the end).")
    secret: StrictBool = Field(False, description="In classroom play, shown only to its delegation.")


class Outcome(Strict):
    """A way the scenario can turn out; the first that holds at the end names the game's outcome."""

    id: Id
    title: str = Field(min_length=1)
    condition: Condition
    historical: StrictBool = Field(False, description="This is what happened.")
    text: str = ""


class Milestone(Strict):
    date: dt.date
    text: str = Field(min_length=1)


class History(Strict):
    """What really happened, for the end-of-game comparison and the debrief."""

    summary: str = ""
    timeline: list[Milestone] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
