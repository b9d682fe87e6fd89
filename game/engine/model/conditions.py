"""Conditions: declarative tests on the state, used by events, objectives,
red lines, outcomes and flows. Data, never code.

A condition is a mapping with exactly one key naming its kind::

    all:
      - date: {from: 1922-04-10, to: 1922-05-19}
      - compare: {var: germany.left_out, op: ">", value: 40}
      - not: {treaty: {with: [germany], clauses: [renounce_claims]}}

Each kind is a model below; its docstring is the one-line meaning printed in
the scenario reference. ``holds(ctx)`` evaluates it against a ``Context``
(the engine supplies one); ``describe()`` says it in words, for players.
"""
from __future__ import annotations

import datetime as dt
import operator
from typing import Annotated, Any, Callable, Iterator, Literal, Protocol, Union

from pydantic import StrictBool, Discriminator, Field, Tag, model_validator

from game.engine.model.common import Id, Status, Strict, VarRef


class Context(Protocol):
    """What a condition may read. The engine implements it over the state."""

    @property
    def today(self) -> dt.date: ...
    def value(self, ref: str) -> float: ...
    def status(self, power: str) -> int: ...
    def has_treaty(self, powers: tuple[str, ...], any_of: bool, clauses: tuple[str, ...],
                   in_force: bool, signed_from: dt.date | None, signed_to: dt.date | None,
                   between: tuple[str, ...] = ()) -> bool: ...
    def flag(self, name: str) -> bool: ...
    def fired(self, event: str) -> bool: ...
    def conference_state(self, conference: str) -> str: ...
    def attending(self, conference: str, power: str) -> bool: ...
    def leader(self, power: str) -> str: ...
    def relations_broken(self, power: str) -> bool: ...


OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt,
    ">=": operator.ge, "==": operator.eq, "!=": operator.ne,
}
Op = Literal["<", "<=", ">", ">=", "==", "!="]


class CompareSpec(Strict):
    var: VarRef = Field(description="The state value to test, e.g. soviet_russia.gold.")
    op: Op = Field(description="One of < <= > >= == !=.")
    value: float | None = Field(None, description="A number to compare with.")
    to: VarRef | None = Field(None, description="Another state value to compare with (instead of value).")

    @model_validator(mode="after")
    def _one_side(self) -> "CompareSpec":
        if (self.value is None) == (self.to is None):
            raise ValueError("compare needs exactly one of 'value' or 'to'")
        return self


class Compare(Strict):
    """A state value compared with a number or with another state value."""

    compare: CompareSpec

    def holds(self, ctx: Context) -> bool:
        c = self.compare
        other = c.value if c.to is None else ctx.value(c.to)
        return OPS[c.op](ctx.value(c.var), other)

    def describe(self) -> str:
        c = self.compare
        other = f"{c.value:g}" if c.to is None else c.to
        return f"{c.var} {c.op} {other}"


class DateSpec(Strict):
    from_: dt.date | None = Field(None, alias="from", description="First day (inclusive).")
    to: dt.date | None = Field(None, description="Last day (inclusive).")


class DateWindow(Strict):
    """The game's date lies in a window (either end may be left open)."""

    date: DateSpec

    def holds(self, ctx: Context) -> bool:
        d = self.date
        return (d.from_ is None or ctx.today >= d.from_) and (d.to is None or ctx.today <= d.to)

    def describe(self) -> str:
        d = self.date
        return f"the date is between {d.from_ or 'the start'} and {d.to or 'the end'}"


class StatusSpec(Strict):
    power: Id = Field(description="The power whose status with the hub power is tested.")
    at_least: Literal["none", "de_facto", "de_jure", "full_relations"] | None = Field(None, description="The lowest rung that satisfies it.")
    at_most: Literal["none", "de_facto", "de_jure", "full_relations"] | None = Field(None, description="The highest rung that satisfies it.")


class StatusTest(Strict):
    """A power's status with the hub power is at least / at most a rung of the ladder."""

    status: StatusSpec

    def holds(self, ctx: Context) -> bool:
        s, level = self.status, ctx.status(self.status.power)
        return ((s.at_least is None or level >= Status[s.at_least])
                and (s.at_most is None or level <= Status[s.at_most]))

    def describe(self) -> str:
        s = self.status
        bound = f"at least {s.at_least}" if s.at_least else f"at most {s.at_most}"
        return f"{s.power}'s status is {bound}"


class TreatySpec(Strict):
    with_: list[Id] = Field(default_factory=list, alias="with",
                            description="The treaty binds the hub power and all of these powers.")
    with_any: list[Id] = Field(default_factory=list,
                               description="The treaty binds the hub power and at least one of these powers.")
    between: list[Id] = Field(default_factory=list,
                              description="The treaty binds all of these powers, the hub power among them or not "
                                          "(Locarno); use instead of with and with_any.")
    clauses: list[Id] = Field(default_factory=list, description="Clause types the treaty must contain.")
    in_force: StrictBool = Field(True, description="true: still in force now; false: signed at any time.")
    signed_from: dt.date | None = Field(None, description="Signed on or after this date.")
    signed_to: dt.date | None = Field(None, description="Signed on or before this date.")


class TreatyTest(Strict):
    """A treaty with given partners and clauses exists (in force, or signed in a window)."""

    treaty: TreatySpec

    def holds(self, ctx: Context) -> bool:
        t = self.treaty
        powers = tuple(t.with_any) if t.with_any else tuple(t.with_)
        if t.between:
            return ctx.has_treaty((), False, tuple(t.clauses), t.in_force, t.signed_from, t.signed_to,
                                  between=tuple(t.between))
        return ctx.has_treaty(powers, bool(t.with_any), tuple(t.clauses), t.in_force,
                              t.signed_from, t.signed_to)

    def describe(self) -> str:
        t = self.treaty
        if t.between:
            what = f" with {', '.join(t.clauses)}" if t.clauses else ""
            return f"a treaty between {' and '.join(t.between)}{what}" + (" in force" if t.in_force else "")
        who = " or ".join(t.with_any) if t.with_any else " and ".join(t.with_) or "anyone"
        what = f" with {', '.join(t.clauses)}" if t.clauses else ""
        return f"a treaty with {who}{what}" + (" in force" if t.in_force else "")


class FlagTest(Strict):
    """A flag set by an event or effect is raised."""

    flag: Id

    def holds(self, ctx: Context) -> bool:
        return ctx.flag(self.flag)

    def describe(self) -> str:
        return f"flag {self.flag} is set"


class EventTest(Strict):
    """An event has already happened in this game."""

    event: Id

    def holds(self, ctx: Context) -> bool:
        return ctx.fired(self.event)

    def describe(self) -> str:
        return f"event {self.event} has happened"


class ConferenceSpec(Strict):
    id: Id = Field(description="The conference.")
    state: Literal["not_started", "open", "closed", "broken"] | None = Field(
        None, description="Its state: not_started, open, closed or broken (a side treaty broke it).")
    attending: Id | None = Field(None, description="This power is attending it now.")


class ConferenceTest(Strict):
    """A conference is in a given state, or a power is attending it."""

    conference: ConferenceSpec

    def holds(self, ctx: Context) -> bool:
        c = self.conference
        state = ctx.conference_state(c.id)
        if c.state is not None and state != c.state and not (c.state == "open" and state == "broken"):
            return False
        return c.attending is None or ctx.attending(c.id, c.attending)

    def describe(self) -> str:
        c = self.conference
        if c.attending:
            return f"{c.attending} attends {c.id}"
        return f"{c.id} is {c.state}"


class LeaderSpec(Strict):
    power: Id = Field(description="The power.")
    is_: Id = Field(alias="is", description="The leader id.")


class LeaderTest(Strict):
    """A power is led by a given leader."""

    leader: LeaderSpec

    def holds(self, ctx: Context) -> bool:
        return ctx.leader(self.leader.power) == self.leader.is_

    def describe(self) -> str:
        return f"{self.leader.power} is led by {self.leader.is_}"


class AllOf(Strict):
    """Every condition in the list holds."""

    all: list["Condition"]

    def holds(self, ctx: Context) -> bool:
        return all(c.holds(ctx) for c in self.all)

    def describe(self) -> str:
        return " and ".join(c.describe() for c in self.all)


class AnyOf(Strict):
    """At least one condition in the list holds."""

    any: list["Condition"]

    def holds(self, ctx: Context) -> bool:
        return any(c.holds(ctx) for c in self.any)

    def describe(self) -> str:
        return "(" + " or ".join(c.describe() for c in self.any) + ")"


class Not(Strict):
    """The condition does not hold."""

    not_: "Condition" = Field(alias="not")

    def holds(self, ctx: Context) -> bool:
        return not self.not_.holds(ctx)

    def describe(self) -> str:
        return f"not ({self.not_.describe()})"


class AtLeastSpec(Strict):
    count: int = Field(ge=0, description="How many must hold.")
    of: list["Condition"] = Field(description="The conditions to count.")


class AtLeast(Strict):
    """At least a number of the listed conditions hold."""

    at_least: AtLeastSpec

    def holds(self, ctx: Context) -> bool:
        return sum(1 for c in self.at_least.of if c.holds(ctx)) >= self.at_least.count

    def describe(self) -> str:
        parts = "; ".join(c.describe() for c in self.at_least.of)
        return f"at least {self.at_least.count} of: {parts}"


class RelationsSpec(Strict):
    power: Id = Field(description="The power whose relations with the hub power are tested.")
    broken: StrictBool = Field(description="true: broken off now; false: not broken off now.")


class RelationsTest(Strict):
    """Relations between a power and the hub power are broken off now (or not)."""

    relations: RelationsSpec

    def holds(self, ctx: Context) -> bool:
        return ctx.relations_broken(self.relations.power) == self.relations.broken

    def describe(self) -> str:
        r = self.relations
        return f"{r.power} has {'broken off' if r.broken else 'not broken off'} relations"


CONDITION_KINDS: dict[str, type[Strict]] = {
    "all": AllOf, "any": AnyOf, "not": Not, "at_least": AtLeast, "compare": Compare,
    "date": DateWindow, "status": StatusTest, "treaty": TreatyTest, "flag": FlagTest,
    "event": EventTest, "conference": ConferenceTest, "leader": LeaderTest, "relations": RelationsTest,
}


def single_key(value: Any) -> str | None:
    """The kind of a one-key mapping (conditions and effects), or None."""
    if isinstance(value, dict):
        return next(iter(value)) if len(value) == 1 else None
    for kind, cls in CONDITION_KINDS.items():
        if type(value) is cls:
            return kind
    return getattr(value, "KIND", None)


Condition = Annotated[
    Union[tuple(Annotated[cls, Tag(kind)] for kind, cls in CONDITION_KINDS.items())],  # type: ignore[misc]
    Discriminator(single_key, custom_error_type="unknown_condition",
                  custom_error_message="a condition is a mapping with one key, one of: "
                  + ", ".join(CONDITION_KINDS)),
]

for _cls in (AllOf, AnyOf, Not, AtLeastSpec, AtLeast):
    _cls.model_rebuild()


def walk(cond: Any) -> Iterator[Any]:
    """Every condition inside ``cond``, itself included (for reference checks)."""
    yield cond
    if isinstance(cond, AllOf):
        for c in cond.all:
            yield from walk(c)
    elif isinstance(cond, AnyOf):
        for c in cond.any:
            yield from walk(c)
    elif isinstance(cond, Not):
        yield from walk(cond.not_)
    elif isinstance(cond, AtLeast):
        for c in cond.at_least.of:
            yield from walk(c)
