"""Powers, their leaders, negotiators, personalities and blocs."""
from __future__ import annotations

import datetime as dt

from typing import Literal

from pydantic import StrictBool, Field, field_validator

from game.engine.model.clauses import RedLine, Term
from game.engine.model.common import Id, Strict


class Leader(Strict):
    """A head of government or foreign minister who can lead a power."""

    name: str = Field(min_length=1, description="Full name, as players read it.")
    title: str = Field("", description="E.g. Prime Minister, People's Commissar for Foreign Affairs.")
    government: str = Field("", description="The government or party in office under this leader.")
    note: str = Field("", description="One sentence on the leader's line, for the power panel.")


class Skills(Strict):
    persuasion: int = Field(5, ge=0, le=10, description="Wins recognition and goodwill; shows exact breakdowns when high.")
    economics: int = Field(5, ge=0, le=10, description="Wins trade, credits and concessions.")
    guile: int = Field(5, ge=0, le=10, description="Wins renunciations and side deals; reads what would change a refusal.")


class Negotiator(Strict):
    """A diplomat who works one mission at a time (a power, or a conference)."""

    name: str = Field(min_length=1, description="Full name, as players read it.")
    title: str = Field("", description="Office or role (People's Commissar for Foreign Trade).")
    skills: Skills = Field(default_factory=Skills, description="Persuasion, economics and guile, 0..10 each (default 5).")
    mission: Id = Field("home", description="Where the negotiator starts: home, a power id or a conference id.")
    note: str = Field("", description="One sentence on the diplomat, for the power panel.")


class AIProfile(Strict):
    """How an AI-played power behaves beyond its valuations."""

    proposes: StrictBool = Field(True, description="Whether it makes proposals of its own.")
    patience: int = Field(3, ge=0, le=20, description="Counter-offers it makes to one proposal before only answering yes or no.")
    walkout_mood: float = Field(15, ge=0, le=100, description="It walks out of a conference when its mood falls below this.")
    boldness: float = Field(0.5, ge=0, le=1, description="How much of the surplus it asks for in its own proposals.")


class Power(Strict):
    """A state in the scenario: its leaders, interests, claims, attitudes and red lines."""

    name: str = Field(min_length=1, description="The power's name, as players read it.")
    adjective: str = Field("", description="E.g. British, Soviet.")
    description: str = Field("", description="A few sentences on its situation, for the power panel and briefings.")
    playable: StrictBool = Field(True, description="Whether a player (or a class delegation) may take it.")
    leader: Id = Field(description="Id of the leader in office at the start (one of leaders).")
    leaders: dict[Id, Leader] = Field(min_length=1, description="Everyone who may lead it in the scenario, by id (leader: and set_leader name one).")
    personality: dict[Id, float] = Field(
        default_factory=dict, description="Weight of each interest (trade, debts, ...): 1 is ordinary, 2 double.")
    threshold: float = Field(10.0, description="An offer is accepted when its value reaches this.")
    values: dict[Id, float] = Field(default_factory=dict, description="Starting state values (trust, gold, claims...).")
    status: Literal["none", "de_facto", "de_jure", "full_relations"] = Field(
        "none", description="Starting status with the hub power.")
    fears: dict[Id, float] = Field(
        default_factory=dict, description="Rivals whose deal with the hub power this power fears being left out of (weight 0..2).")
    red_lines: list[RedLine] = Field(default_factory=list, description="Refusals no value can buy.")
    attitude: list[Term] = Field(
        default_factory=list,
        description="Terms it feels about any treaty with the hub power (say, distaste for Comintern activity).")
    negotiators: dict[Id, Negotiator] = Field(default_factory=dict, description="Its diplomats, by id.")
    ai: AIProfile = Field(default_factory=AIProfile, description="How it behaves when the AI plays it.")
    wants: str = Field("", description="What it wants, in a sentence, for the power panel.")
    enters: dt.date | None = Field(None, description="The day it enters the stage: before it, it makes and receives "
                                   "no proposals and the AI does not play it (none: from the start).")
    leaves: dt.date | None = Field(None, description="The day it leaves the stage: from then on it makes and "
                                   "receives no proposals and the AI does not play it (none: never).")

    @field_validator("personality")
    @classmethod
    def _weights(cls, v: dict[str, float]) -> dict[str, float]:
        for k, w in v.items():
            if not 0 <= w <= 5:
                raise ValueError(f"weight of {k!r} must be within 0..5, not {w}")
        return v


class Bloc(Strict):
    """Powers that act together: joint terms while united, grievance when one breaks away."""

    name: str = Field(min_length=1, description="The bloc's name, as players read it inside a sentence (breaking ranks with the Allied front).")
    members: list[Id] = Field(min_length=2, description="The member powers.")
    leader: Id = Field(description="The member that drafts joint terms.")
    unity: float = Field(60, ge=0, le=100, description="Starting unity; kept as world.<bloc>_unity.")
    joint_above: float = Field(60, ge=0, le=100, description="While unity is at least this, members offer only joint terms.")
    split_cost: float = Field(20, ge=0, le=100, description="Unity lost when a member signs a separate treaty with the hub power.")
    solidarity: float = Field(0.3, ge=0, description="Per point of unity, how much a member dislikes a separate deal.")
    description: str = Field("", description="A sentence on what holds it together.")
