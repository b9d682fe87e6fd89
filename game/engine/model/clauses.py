"""Clause types: the articles a treaty is made of, and how each side values them.

A clause type names its parameters (numbers with a range and step, or
named choices), the value terms each side of a treaty feels, what it does
while in force (monthly flows), and what signing or cancelling it does.
Every number a power uses to judge an offer comes from here and from the
power's personality, so that a modder can add a clause type without code.

A value term is ``amount x weight(interest) x product(per)``: ``per`` lists
parameters of the clause (``amount``) and state values (``partner.prewar_debt``,
``hub.comintern``); ``discount`` shrinks the term for a delay such as a
moratorium. ``hub`` terms are felt by the hub power, ``partner`` terms by
each power on the other side.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import StrictBool, Field, field_validator, model_validator

from game.engine.model.common import Id, Strict
from game.engine.model.conditions import Condition
from game.engine.model.effects import Effect
from game.engine.model.obligations import Obligation

#: A reference inside a clause: one of its parameters (``amount``) or a state value (``partner.market``).
Ref = str


class Param(Strict):
    """A clause parameter: a number in a range, or one of named choices (each worth a number)."""

    title: str | None = Field(None, description="How the parameter is shown to players.")
    min: float | None = Field(None, description="Smallest value (numbers).")
    max: float | None = Field(None, description="Largest value (numbers).")
    step: float | None = Field(None, gt=0, description="Steps a player can choose in (numbers).")
    choices: dict[Id, float] | None = Field(None, description="Named choices and the number each counts as.")
    default: float | Id = Field(description="The value when a proposal does not say.")
    levels: list[float | Id] | None = Field(None, description="Values the AI considers when it searches (default: min, middle, max, or every choice).")
    unit: str | None = Field(None, description="Unit shown after the number.")
    split: StrictBool = Field(False, description="In a treaty with several partners, each bears an equal share.")

    @model_validator(mode="after")
    def _kind(self) -> "Param":
        if self.choices is not None:
            if self.min is not None or self.max is not None:
                raise ValueError("a parameter has either choices or min/max, not both")
            if not self.choices:
                raise ValueError("choices must not be empty")
            names = list(self.choices)
            if self.default not in names:
                raise ValueError(f"default {self.default!r} is not one of the choices {names}")
            for lvl in self.levels or []:
                if lvl not in names:
                    raise ValueError(f"level {lvl!r} is not one of the choices {names}")
            return self
        if self.min is None or self.max is None:
            raise ValueError("a number parameter needs min and max (or give choices)")
        if self.min > self.max:
            raise ValueError("min is larger than max")
        if isinstance(self.default, str):
            raise ValueError("a number parameter needs a number as default")
        for what, v in [("default", self.default), *(("levels", lv) for lv in self.levels or [])]:
            if isinstance(v, str) or not self.min <= v <= self.max:
                raise ValueError(f"{what}: {v!r} is outside min..max ({self.min:g}..{self.max:g})")
        return self

    @property
    def is_choice(self) -> bool:
        return self.choices is not None

    def number(self, value: float | str | bool) -> float:
        """The number a given parameter value counts as."""
        if self.choices is not None:
            return self.choices[str(value)]
        return float(value)

    def search_levels(self) -> list[float | str]:
        if self.levels:
            return list(self.levels)
        if self.choices is not None:
            return list(self.choices)
        lo, hi = float(self.min or 0), float(self.max or 0)
        mid = self.snap((lo + hi) / 2)
        return sorted({lo, mid, hi})

    def snap(self, value: float) -> float:
        lo, hi = float(self.min or 0), float(self.max or 0)
        value = min(hi, max(lo, value))
        if self.step:
            value = lo + round((value - lo) / self.step) * self.step
        return min(hi, max(lo, round(value, 6)))


class Discount(Strict):
    param: Id = Field(description="A parameter counted in years (e.g. moratorium_years).")
    rate: float = Field(0.05, ge=0, description="The term is divided by (1 + rate x years).")


class Term(Strict):
    """One line of a valuation breakdown: amount x weight(interest) x product(per)."""

    label: str = Field(min_length=1, description="What the player reads beside the number; {param} placeholders allowed.")
    interest: Id | None = Field(None, description="The personality weight that scales it (none: unscaled).")
    amount: float = Field(description="Base size, in points of value.")
    per: list[Ref] = Field(default_factory=list, description="Parameters of the clause and state values to multiply by.")
    offset: float = Field(0.0, description="Subtracted from the product of 'per' before scaling (e.g. 50 to centre a 0..100 value).")
    discount: Discount | None = Field(None, description="Shrinks the term for a delay counted in years (a moratorium).")
    when: Condition | None = Field(None, description="The term counts only while this holds.")
    once: StrictBool = Field(False, description="For the hub power in a treaty with several partners: count it once "
                             "(a matter of principle), not once per partner.")


class Flow(Strict):
    """A monthly change to a state value, scaled by the length of the turn."""

    var: str = Field(description="The state value changed (hub.gold, partner.trust, soviet_russia.famine...).")
    amount: float = Field(description="Change per month before 'per'.")
    per: list[Ref] = Field(default_factory=list, description="Parameters and state values to multiply by.")
    offset: float = Field(0.0, description="Subtracted from the product of 'per'.")
    label: str = Field(min_length=1, description="Shown in the ledger (gold is accounted line by line).")
    when: Condition | None = Field(None, description="It flows only while this holds.")
    cap: Ref | float | None = Field(None, description="The most this flow may add in all (a parameter or a number): a loan paid out in tranches.")
    delay_years: Ref | float | None = Field(None, description="The flow starts this many years after signing (e.g. a moratorium).")
    refund_on_cancel: StrictBool = Field(False, description="If the hub power cancels the treaty, what flowed is called back.")


class Breach(Strict):
    """While a treaty is in force and the condition holds, the partner counts it as broken."""

    when: Condition = Field(description="While this holds, the treaty counts as broken.")
    grievance: float = Field(gt=0, description="Grievance added per month of breach.")
    reason: str = Field(min_length=1, description="What the partner says was broken, in its voice.")


class ClauseType(Strict):
    """A kind of treaty article (credits, recognition, debt acknowledgement...)."""

    title: str = Field(min_length=1, description="Its name, as players read it.")
    description: str = Field("", description="One or two sentences for players and the glossary.")
    granted_by: Literal["hub", "partner", "mutual"] = Field(
        "mutual", description="Who gives it: the hub power, its partner, or both.")
    params: dict[Id, Param] = Field(default_factory=dict, description="Its parameters (an amount, a share, a form), by id.")
    value: dict[Literal["hub", "partner"], list[Term]] = Field(
        default_factory=dict, description="Value terms felt by each side.")
    grants_status: Literal["de_facto", "de_jure"] | None = Field(
        None, description="The status it gives the partner while in force.")
    status_param: Id | None = Field(
        None, description="A choice parameter whose choice names are statuses (de_facto, de_jure).")
    each_month: list[Flow] = Field(default_factory=list, description="What it does while in force.")
    on_sign: list[Effect] = Field(default_factory=list, description="What signing a treaty with it does, once.")
    on_cancel: list[Effect] = Field(default_factory=list, description="What cancelling a treaty with it does, once.")
    breach: Breach | None = Field(None, description="When the partner counts the treaty as broken (checked from a month after signing: a treaty is not broken on the day it is signed).")
    skill: Literal["persuasion", "economics", "guile"] | None = Field(
        None, description="The negotiator skill that helps win it.")
    partners: list[Id] | None = Field(None, description="Only these powers may be party to it (e.g. secret military cooperation).")
    repeatable: StrictBool = Field(False, description="It may be agreed again while an earlier one is in force (a second loan).")
    exclusive: Id | None = Field(None, description="A parameter whose value, once granted to one power in a treaty in force, is gone for every other (a concession's sector).")
    obligations: list[Obligation] = Field(
        default_factory=list, description="Decisions a treaty with it brings back to its parties after signing.")

    @model_validator(mode="after")
    def _status_param(self) -> "ClauseType":
        if self.status_param is not None:
            p = self.params.get(self.status_param)
            if p is None or p.choices is None:
                raise ValueError(f"status_param {self.status_param!r} must name a choice parameter")
            bad = [c for c in p.choices if c not in ("none", "de_facto", "de_jure", "full_relations")]
            if bad:
                raise ValueError(f"choices of {self.status_param!r} must be statuses; not {bad}")
        return self


class ClauseMatch(Strict):
    """A clause type, optionally with parameters at least (or at most) some values."""

    clause: Id = Field(description="The clause type id.")
    at_least: dict[Id, float | Id] = Field(default_factory=dict, description="Parameters that must be at least these values (a choice counts as its number).")
    at_most: dict[Id, float | Id] = Field(default_factory=dict, description="Parameters that must be at most these values.")

    @classmethod
    def coerce(cls, value: Any) -> Any:
        return {"clause": value} if isinstance(value, str) else value


class RedLine(Strict):
    """A refusal that no sum of value can buy: the power refuses a clause (unless another is in
    the same package), or refuses any treaty that lacks a clause; optionally only while a
    condition holds."""

    refuses: ClauseMatch | None = Field(None, description="The clause it refuses.")
    unless: ClauseMatch | None = Field(None, description="The refusal is lifted if the package also has this.")
    requires: ClauseMatch | None = Field(None, description="Instead of 'refuses': it refuses any treaty without this.")
    when: Condition | None = Field(None, description="The refusal applies only while this holds.")
    reason: str = Field(min_length=1, description="Shown to the player, in the power's voice.")

    @field_validator("refuses", "unless", "requires", mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return ClauseMatch.coerce(value)

    @model_validator(mode="after")
    def _one(self) -> "RedLine":
        if (self.refuses is None) == (self.requires is None):
            raise ValueError("a red line has either 'refuses' or 'requires'")
        if self.requires is not None and self.unless is not None:
            raise ValueError("'unless' goes with 'refuses', not with 'requires'")
        return self
