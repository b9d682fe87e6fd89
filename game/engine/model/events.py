"""Conferences, events, objectives and the historical record of a scenario."""
from __future__ import annotations

import datetime as dt

from pydantic import StrictBool, Field, model_validator

from game.engine.model.common import Id, Strict
from game.engine.model.conditions import Condition
from game.engine.model.effects import Effect


class AgendaItem(Strict):
    """A question before a conference; speaking on it moves opinions."""

    id: Id = Field(description="The item's id, unique in its conference.")
    title: str = Field(min_length=1, description="The question, as players read it.")
    clauses: list[Id] = Field(default_factory=list, description="Clause types this item is about.")
    speech: list[Effect] = Field(default_factory=list, description="What a speech by the hub power on it does.")


class Commission(Strict):
    """A conference commission: members only; proposals tabled there need no negotiator mission."""

    id: Id = Field(description="The commission's id, unique in its conference.")
    title: str = Field(min_length=1, description="Its name, as players read it, also inside a sentence (in Political commission): no leading The.")
    members: list[Id] = Field(min_length=1, description="The powers that sit on it.")
    agenda: list[Id] = Field(default_factory=list, description="Ids of the agenda items it deals with.")


class PrivateChannel(Strict):
    """Talks beside the plenary (the villa talks): members meet; the excluded fear being left out."""

    id: Id = Field(description="The channel's id, unique in its conference.")
    title: str = Field(min_length=1, description="Its name, as players read it (the villa talks).")
    host: Id = Field(description="The power that hosts the talks.")
    members: list[Id] = Field(min_length=1, description="The powers that meet in it.")
    excludes: list[Id] = Field(default_factory=list, description="Powers kept out, who fear being left out while it meets.")


class Conference(Strict):
    """A multilateral conference held in sessions between two dates."""

    title: str = Field(min_length=1, description="Its name, as players read it; the news puts The before it (Genoa Conference, not The Genoa Conference).")
    place: str = Field("", description="Where it sits.")
    opens: dt.date = Field(description="The day it opens (an effect can open it earlier).")
    closes: dt.date = Field(description="The day it closes (it can close earlier, or collapse).")
    host: Id = Field(description="The power that hosts and presides.")
    invited: list[Id] = Field(min_length=2, description="The powers invited; they attend when it opens (an invite effect adds more).")
    agenda: list[AgendaItem] = Field(default_factory=list, description="The questions before it.")
    commissions: list[Commission] = Field(default_factory=list, description="Its commissions.")
    private_channels: list[PrivateChannel] = Field(default_factory=list, description="Talks beside the plenary.")
    side_treaty: list[Effect] = Field(
        default_factory=list,
        description="What happens when two attendees sign a separate treaty while it sits: it is broken.")
    collapse_below: int = Field(2, ge=0, description="It closes early when fewer powers than this still attend.")
    description: str = Field("", description="A few sentences for players.")

    @model_validator(mode="after")
    def _dates(self) -> "Conference":
        if self.closes < self.opens:
            raise ValueError("closes is before opens")
        return self


class Option(Strict):
    """One choice in an event, with the effects it has."""

    id: Id = Field(description="The option's id, unique in its event.")
    title: str = Field(min_length=1, description="The choice, as the chooser reads it.")
    text: str = Field("", description="A sentence on what choosing it means.")
    effects: list[Effect] = Field(default_factory=list, description="What happens if it is chosen.")
    ai_weight: float = Field(1.0, ge=0, description="How likely an AI chooser is to pick it, relative to the others.")


class Event(Strict):
    """News or a decision: fires in a date window when its conditions hold and its chance comes up."""

    id: Id = Field(description="The event's id, unique in the scenario.")
    title: str = Field(min_length=1, description="The headline; the news adds a full stop after it, so end it with no punctuation.")
    text: str = Field(min_length=1, description="The news, as players read it.")
    picture: str | None = Field(None, description="An image id under assets/pictures, if any.")
    from_: dt.date | None = Field(None, alias="from", description="First day it can fire.")
    to: dt.date | None = Field(None, description="Last day it can fire.")
    conditions: Condition | None = Field(None, description="It fires only while this holds (none: whenever its window is open).")
    chance: float = Field(1.0, ge=0, le=1, description="Chance per eligible turn, drawn from the game's generator.")
    once: StrictBool = Field(True, description="Fires at most once.")
    chooser: Id | None = Field(None, description="The power that chooses among the options.")
    private: StrictBool = Field(False, description=(
        "Its news reaches only the chooser (a decision taken in a cabinet, not in public); "
        "it needs a chooser."))
    effects: list[Effect] = Field(default_factory=list, description="Applied when it fires, before any option.")
    options: list[Option] = Field(default_factory=list, description="Choices for the chooser (with options, a chooser is needed).")

    @model_validator(mode="after")
    def _options(self) -> "Event":
        if self.options and self.chooser is None:
            raise ValueError("an event with options needs a chooser")
        if self.chooser is not None and not self.options:
            raise ValueError("an event with a chooser needs options")
        if self.private and self.chooser is None:
            raise ValueError("a private event needs a chooser, the one power that hears of it")
        if self.from_ and self.to and self.to < self.from_:
            raise ValueError("'to' is before 'from'")
        return self


class Objective(Strict):
    """Points a power scores if a condition holds (at the end, or at any turn's end)."""

    id: Id = Field(description="The objective's id, unique for its power.")
    title: str = Field(min_length=1, description="What the delegation aims at, in a few words.")
    points: float = Field(description="Points scored when it is met.")
    condition: Condition = Field(description="When it is met.")
    any_time: StrictBool = Field(False, description="Met once it holds at the end of any turn (default: at the end).")
    secret: StrictBool = Field(False, description="In classroom play, shown only to its delegation.")


class Outcome(Strict):
    """A way the scenario can turn out; the first that holds at the end names the game's outcome."""

    id: Id = Field(description="The outcome's id.")
    title: str = Field(min_length=1, description="The outcome, in a few words.")
    condition: Condition = Field(description="When the game turned out this way.")
    historical: StrictBool = Field(False, description="This is what happened.")
    text: str = Field("", description="A few sentences for the debrief.")


class Milestone(Strict):
    date: dt.date = Field(description="When it happened (it may lie outside the scenario).")
    text: str = Field(min_length=1, description="What happened.")


class History(Strict):
    """What really happened, for the end-of-game comparison and the debrief."""

    summary: str = Field("", description="A paragraph on what really happened.")
    timeline: list[Milestone] = Field(default_factory=list, description="Dated milestones, shown beside the game's own timeline.")
    outcomes: list[Outcome] = Field(default_factory=list, description="Ways the game can end, checked in order; mark what happened with historical: true.")
