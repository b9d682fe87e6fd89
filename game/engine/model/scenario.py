"""The top of a scenario file: dates, powers, clause types, conferences,
events, objectives, history and the tuning of the engine's coefficients."""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from game.engine.model.clauses import ClauseType, Flow
from game.engine.model.common import Id, Strict
from game.engine.model.conditions import Condition
from game.engine.model.effects import ClauseRef, Parties, clause_list
from game.engine.model.events import Conference, Event, History, Objective
from game.engine.model.powers import Bloc, Power
from game.engine.model.roles import Classroom, Role
from game.engine.model.sidetalks import SideTalks

FORMAT_VERSION = 1
#: The longest game a scenario may span, start to end (the calendar also stops at the last day a date can hold).
MAX_YEARS = 100


class Period(Strict):
    """A stretch of the calendar with its own turn length (a conference in sessions)."""

    from_: dt.date = Field(alias="from", description="First day of the period.")
    to: dt.date = Field(description="Last day of the period.")
    step_days: int = Field(ge=1, le=366, description="Days per turn inside the period (a conference in sessions of a few days).")


class Calendar(Strict):
    """How long a turn is: step_days, shorter inside the listed periods."""

    step_days: int = Field(30, ge=1, le=366, description="Days per turn outside the periods.")
    periods: list[Period] = Field(default_factory=list, description="Stretches of the calendar with shorter turns.")


class Interest(Strict):
    """Something powers care about; each power's personality weighs it."""

    title: str = Field(min_length=1, description="Its name, as players read it in breakdowns.")
    description: str = Field("", description="A sentence on what it covers, for the glossary.")


class Variable(Strict):
    """A named state value the scenario adds (the engine's own are listed in the reference)."""

    scope: Literal["hub", "partners", "powers", "world"] = Field(
        description="hub: the hub power only; partners: every other power; powers: every power; world: one value.")
    min: float = Field(0.0, description="Smallest value it can take; changes are kept at or above it.")
    max: float = Field(100.0, description="Largest value it can take; changes are kept at or below it.")
    default: float = Field(0.0, description="Its value at the start, unless a power's values: say otherwise.")
    title: str = Field(min_length=1, description="Its name, as players read it.")
    description: str = Field("", description="A sentence on what it measures.")

    @model_validator(mode="after")
    def _range(self) -> "Variable":
        if not self.min <= self.default <= self.max:
            raise ValueError(f"default {self.default:g} is outside {self.min:g}..{self.max:g}")
        return self


class PolicyRule(Strict):
    """How an AI hub power sets a lever: the first rule whose condition holds gives the value."""

    when: Condition | None = Field(None, description="The rule applies while this holds (none: always).")
    value: float = Field(description="The setting the AI chooses when the rule applies.")


class Policy(Strict):
    """A domestic lever of the hub power: setting it sets a hub state value."""

    title: str = Field(min_length=1, description="Its name, as players read it.")
    var: Id = Field(description="The hub state value it sets (e.g. comintern).")
    min: float = Field(0.0, description="Lowest setting.")
    max: float = Field(100.0, description="Highest setting.")
    step: float = Field(10.0, gt=0, description="How far one change of the setting moves it.")
    description: str = Field("", description="A sentence on what the lever does.")
    low: str = Field("", description="What a low setting means, in a few words.")
    high: str = Field("", description="What a high setting means, in a few words.")
    ai: list[PolicyRule] = Field(default_factory=list, description="Rules an AI follows to set it, first match wins.")


class InitialTreaty(Parties):
    """A treaty already in force when the scenario starts (its effects are in the starting values)."""

    title: str = Field(min_length=1, description="The treaty's name (Treaty of Riga).")
    clauses: list[ClauseRef] = Field(min_length=1, description="Its clauses: clause type ids, or {type_id: {param: value}}.")
    signed: dt.date = Field(description="The day it was signed.")

    @field_validator("clauses", mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return clause_list(value)


class Relation(Strict):
    """How two powers regard each other (-100..100)."""

    between: list[Id] = Field(min_length=2, max_length=2, description="The two powers.")
    value: float = Field(ge=-100, le=100, description="-100 (enemies) to 100 (allies); kept as relation.<a>__<b>.")


class Tuning(Strict):
    """Coefficients of the engine's own mechanics (defaults suit most scenarios)."""

    trust_weight: float = Field(0.4, description="Value per point of trust above 50 (below 50: negative).")
    regard_weight: float = Field(0.3, description="The hub power's value per point of regard above 50.")
    left_out_weight: float = Field(0.35, description="Value per point of fear of being left out.")
    urgency_weight: float = Field(0.04, description="Value per point of urgency per month without a deal.")
    grievance_half_life_days: int = Field(120, ge=1, description="Default days for a grievance to fade by half.")
    closeness_decay: float = Field(0.2, ge=0, le=1, description="Share of closeness lost per month.")
    private_meeting_closeness: float = Field(20, ge=0, description="Closeness a private meeting adds.")
    near_deal_closeness: float = Field(40, ge=0, description="Closeness an offer within reach of acceptance adds.")
    cancel_trust: float = Field(20, ge=0, description="Trust every power loses when the hub power cancels a treaty.")
    cancel_prestige: float = Field(10, ge=0, description="Prestige lost by cancelling a treaty.")
    cancel_grievance: float = Field(40, ge=0, description="Grievance of the partner whose treaty is cancelled.")
    skill_bonus: float = Field(0.8, ge=0, description="Value per skill point above 5, per clause that skill helps.")
    exact_breakdown_skill: int = Field(7, ge=0, le=10, description="Persuasion at which the player sees exact breakdowns.")
    what_would_it_take_skill: int = Field(6, ge=0, le=10, description="Guile at which the player sees what would change a refusal.")
    proposal_cooldown: int = Field(2, ge=0, description="Turns an AI waits between proposals to the same power.")
    search_samples: int = Field(1536, ge=64, le=200000, description="Random packages an AI scores per search.")
    max_clauses: int = Field(4, ge=1, le=20, description="The most clauses an AI puts in one proposal.")
    ai_noise: float = Field(0.15, ge=0, le=1, description="How wrongly an AI guesses the other side's values (0 = exactly).")
    joint_pressure: float = Field(0.15, ge=0, description="Hub value per point of bloc unity for joint terms (refusing a united front costs).")
    breach_grace: float = Field(0.0, ge=0, description="Grievance below which a breach is overlooked.")
    ratification_floor: float = Field(0.0, description="A treaty signed by a person is refused at home when the power's own breakdown of it falls below this (red lines always refuse).")
    ratification_grievance: float = Field(15, ge=0, description="Grievance of the other side when a signed treaty is not ratified.")
    repeat_penalty: float = Field(5, ge=0, description="Value a power takes off, per earlier refusal, a package it already refused and now sees again unchanged.")


class GlossaryEntry(Strict):
    """One entry of the glossary and encyclopedia: a person, place, term or treaty named in the game."""

    id: Id = Field(description="The entry's id (lists merge by id, so a mod may add or correct entries).")
    term: str = Field(min_length=1, description="The name as headed in the glossary (De jure recognition).")
    kind: Literal["person", "place", "term", "treaty", "power"] = Field(
        description="person, place, term, treaty or power.")
    text: str = Field(min_length=1, description="A few sentences in the project's own words.")
    aka: list[str] = Field(default_factory=list, description="Other spellings that find it (NEP, Rapallo).")


class Scenario(Strict):
    """A scenario: a stretch of history, its powers and everything they can do."""

    format_version: int = Field(FORMAT_VERSION, description="Version of the scenario format; this engine reads 1.")
    id: Id = Field(description="The scenario's id, used by --scenario, extends: and patches:.")
    title: str = Field(min_length=1, description="Its name in the scenario list.")
    summary: str = Field("", description="One paragraph shown in the scenario list.")
    start: dt.date = Field(description="The first day of the first turn.")
    end: dt.date = Field(description="The last day; objectives are scored then.")
    calendar: Calendar = Field(default_factory=Calendar, description="How long a turn is.")
    hub: Id = Field(description="The power every treaty is made with (Soviet Russia).")
    seed: int = Field(1922, ge=0, description="Default random seed.")
    interests: dict[Id, Interest] = Field(default_factory=dict, description="What powers care about (trade, debts...); personalities weigh them.")
    variables: dict[Id, Variable] = Field(default_factory=dict, description="State values this scenario adds to the engine's own.")
    policies: dict[Id, Policy] = Field(default_factory=dict, description="Domestic levers of the hub power.")
    dynamics: list[Flow] = Field(default_factory=list, description="Monthly changes to state values (the economy).")
    powers: dict[Id, Power] = Field(min_length=2, description="Every state in the scenario, the hub power included, by id.")
    blocs: dict[Id, Bloc] = Field(default_factory=dict, description="Powers that act together (the Allies).")
    relations: list[Relation] = Field(default_factory=list, description="How pairs of powers regard each other at the start (default 0).")
    clause_types: dict[Id, ClauseType] = Field(min_length=1, description="The kinds of treaty article that can be negotiated.")
    treaties: list[InitialTreaty] = Field(default_factory=list, description="Treaties in force at the start.")
    conferences: dict[Id, Conference] = Field(default_factory=dict, description="Multilateral conferences, by id.")
    events: list[Event] = Field(default_factory=list, description="Scripted news and decisions, checked in this order each turn.")
    objectives: dict[Id, list[Objective]] = Field(default_factory=dict, description="For each power id, what it scores points for.")
    side_talks: SideTalks = Field(default_factory=SideTalks, description="Talks among the powers other than the hub: "
                                  "topics they may bargain over, and how far news of them travels.")
    history: History = Field(default_factory=History, description="What really happened, for the debrief.")
    tuning: Tuning = Field(default_factory=Tuning, description="Coefficients of the engine's mechanics (defaults suit most scenarios).")
    roles: dict[Id, Role] = Field(default_factory=dict, description="People students play in class, by id, each in a power's delegation.")
    classroom: Classroom = Field(default_factory=Classroom, description="How a class plays it: round length, glossary, injects, debrief questions.")
    teacher_note: str = Field("", description="A short note for teachers: what the scenario simplifies, which "
                              "figures are illustrative, and the myths it avoids (shown in packets and docs).")
    glossary: list[GlossaryEntry] = Field(default_factory=list, description="People, places, terms and treaties "
                                          "the game names, explained (the terminal's glossary command).")
    next: Id | None = Field(None, description="The scenario a campaign continues into at this one's end "
                            "(play --continue, Game.continue_into); none: the story ends here.")
    carry: list[Literal["treaties", "statuses", "values", "flags"]] = Field(
        default_factory=lambda: ["treaties", "statuses", "values", "flags"],
        description="What carries over into next: treaties in force, statuses and broken relations, state values "
                    "both scenarios have, flags.")

    @model_validator(mode="after")
    def _basics(self) -> "Scenario":
        if self.format_version != FORMAT_VERSION:
            raise ValueError(f"format_version {self.format_version} is not supported (this game reads {FORMAT_VERSION})")
        if self.end <= self.start:
            raise ValueError("end is not after start")
        if self.end.year - self.start.year > MAX_YEARS:     # a typo like 9999 would make a game of 200,000 turns
            raise ValueError(f"end is more than {MAX_YEARS} years after start ({self.start} to {self.end})")
        return self

    @property
    def partners(self) -> list[str]:
        """Every power but the hub, in file order."""
        return [p for p in self.powers if p != self.hub]
