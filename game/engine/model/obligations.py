"""What a treaty asks of its parties after it is signed: decisions that come back.

A clause type's ``obligations`` put a decision to one party of each treaty in
force that holds the clause, on a schedule after signing: credit instalments,
deliveries, a protest at a Comintern incident. The decision is an event with
options, fired through the events machinery; its options read ``self.`` as
the party who decides and ``partner.`` as the other party."""
from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import Field

from game.engine.model.common import Id, Strict
from game.engine.model.conditions import Condition
from game.engine.model.events import Event, Option


class Obligation(Strict):
    """A decision a clause brings back to one party, turn after turn, while its treaty is in force."""

    id: Id = Field(description="The decision's id, unique among events and obligations (players choose by it).")
    title: str = Field(min_length=1, description="The headline.")
    text: str = Field(min_length=1, description="The news; {partner} is the other party's name, {treaty} the treaty's title.")
    options: list[Option] = Field(min_length=2, description="The choices, with their effects (self: who decides; partner: the other party).")
    chooser: Literal["hub", "partner"] = Field(
        description="Who decides: the hub power (facing each partner in turn), or the partner (facing the hub).")
    after: int = Field(1, ge=0, description="Turns after the signing of the first occasion.")
    every: int = Field(1, ge=1, description="Turns between occasions.")
    times: int = Field(1, ge=1, le=200, description="How many occasions in all.")
    chance: float = Field(1.0, ge=0, le=1, description="Chance that an occasion comes up, drawn from the game's generator.")
    when: Condition | None = Field(
        None, description="An occasion comes up only while this holds (self: who decides; partner: the other party).")

    @cached_property
    def event(self) -> Event:
        return Event(id=self.id, title=self.title, text=self.text, chooser="obligation", options=self.options)

    def as_event(self) -> Event:
        """The decision as an event with options, for the events machinery and the front ends."""
        return self.event
