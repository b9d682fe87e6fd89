"""Classroom roles: the historical people students play, each in a power's
delegation, with a public role, a secret brief and personal objectives; and
the scenario's ``classroom:`` section (round length, glossary, suggested
injects, debrief questions).

A role's objectives are written in the same condition language as a
power's; ``may`` names what the student at that seat may do in the game.
"""
from __future__ import annotations

from pydantic import Field, StrictBool

from game.engine.model.common import Id, Strict
from game.engine.model.events import Objective

#: What a role's ``may`` can name: the command verbs a delegation uses, plus
#: ``sign`` (accepting a treaty) and ``read`` (reading the delegation's reports).
MAY_VERBS: tuple[str, ...] = ("propose", "answer", "sign", "withdraw", "speak", "meet", "attend", "walkout",
                              "assign", "policy", "cancel", "choose", "end", "read")

DEFAULT_MAY: tuple[str, ...] = ("propose", "answer", "sign", "speak")


class Role(Strict):
    """A person a student plays: one member of a power's delegation."""

    delegation: Id = Field(description="The power whose delegation the person sits in.")
    name: str = Field(min_length=1, description="Full name, as students read it.")
    title: str = Field("", description="Office in 1922 (People's Commissar for Foreign Trade).")
    public: str = Field(min_length=1, description="The public role: what everyone in the room may know.")
    briefing: str = Field(min_length=1, description="The secret brief: what the person wants, fears and cannot say "
                                                     "aloud. Printed only in this role's packet.")
    objectives: list[Objective] = Field(default_factory=list,
                                        description="Personal objectives with points, in the condition language.")
    may: list[str] = Field(default_factory=lambda: list(DEFAULT_MAY),
                           description="What the student may do in the game: " + ", ".join(MAY_VERBS) + ".")
    portrait: str | None = Field(None, description="An image id under assets/pictures, if any.")
    round_minutes: int | None = Field(None, ge=1, le=240,
                                      description="Minutes of negotiation this role needs a round, if more than "
                                                  "the scenario's default.")
    unconfirmed: StrictBool = Field(False, description="The person's part in the events is not confirmed by the "
                                                       "project's sources; packets say so.")


class Classroom(Strict):
    """How a class plays the scenario: round length, glossary, injects and debrief questions."""

    round_minutes: int = Field(15, ge=1, le=240, description="Default minutes of negotiation in each round.")
    glossary: dict[str, str] = Field(default_factory=dict, description="Terms and their meaning, printed in "
                                                                       "every packet.")
    injects: list[Id] = Field(default_factory=list, description="Event ids the facilitator's guide suggests "
                                                                "injecting.")
    questions: list[str] = Field(default_factory=list, description="Questions for the debrief discussion.")
