"""Effects: declarative changes to the state, used by events, options,
clauses and conferences. Data, never code.

An effect is a mapping with exactly one key naming its kind::

    - adjust: {var: germany.left_out, by: 15, cause: "The villa talks exclude Berlin"}
    - news: "Chicherin telephones Maltzan at two in the morning."
    - propose: {from: [britain, france, italy, belgium, japan], to: soviet_russia,
                clauses: [debt_acknowledgement: {share: 100}], title: "The London memorandum"}

Each kind's ``apply(world)`` calls the engine through the ``World`` protocol.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Protocol, Union

from pydantic import Discriminator, Field, Tag, field_validator, model_validator

from game.engine.model.common import Id, Strict, VarRef
from game.engine.model.conditions import single_key

ParamValue = Union[float, int, str, bool]


class ClauseRef(Strict):
    """One clause of a scripted treaty or proposal: a clause type and its parameters.

    Written in YAML either as the bare type id (``renounce_claims``: default
    parameters) or as a one-key mapping (``credits: {amount: 200}``).
    """

    type: Id = Field(description="The clause type id.")
    params: dict[Id, ParamValue] = Field(default_factory=dict, description="Parameter values; those left out take their default.")

    @classmethod
    def coerce(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"type": value, "params": {}}
        if isinstance(value, dict) and len(value) == 1 and "type" not in value:
            (kind, params), = value.items()
            return {"type": kind, "params": params if params is not None else {}}
        return value


def clause_list(values: Any) -> Any:
    if isinstance(values, list):
        return [ClauseRef.coerce(v) for v in values]
    return values


class World(Protocol):
    """What an effect may change. The engine implements it over the state."""

    def adjust(self, ref: str, by: float, cause: str | None) -> None: ...
    def set_value(self, ref: str, to: float, cause: str | None) -> None: ...
    def set_flag(self, name: str, on: bool) -> None: ...
    def news(self, text: str) -> None: ...
    def set_leader(self, power: str, leader: str) -> None: ...
    def rename(self, power: str, name: str, adjective: str) -> None: ...
    def set_status_floor(self, power: str, status: str) -> None: ...
    def add_grievance(self, power: str, against: str | None, amount: float, reason: str,
                      half_life_days: int | None) -> None: ...
    def scripted_proposal(self, spec: "ProposeSpec") -> None: ...
    def scripted_treaty(self, spec: "SignSpec") -> None: ...
    def withdraw(self, spec: "WithdrawSpec") -> None: ...
    def conference(self, conference: str, action: str, power: str | None) -> None: ...
    def adjust_personality(self, power: str, interest: str, by: float) -> None: ...
    def end_scenario(self, reason: str) -> None: ...
    def break_relations(self, power: str, reason: str) -> None: ...
    def restore_relations(self, power: str, to: str, reason: str) -> None: ...


class AdjustSpec(Strict):
    var: VarRef = Field(description="The state value to change.")
    by: float = Field(description="How much to add (negative to subtract); the result is kept in range.")
    cause: str | None = Field(None, description="Why, in the player's words; shown in attitude histories.")


class Adjust(Strict):
    """Add to a state value (kept within its range); the cause is remembered."""

    adjust: AdjustSpec

    def apply(self, world: World) -> None:
        world.adjust(self.adjust.var, self.adjust.by, self.adjust.cause)


class SetSpec(Strict):
    var: VarRef = Field(description="The state value to set.")
    to: float = Field(description="The new value; it is kept within the range.")
    cause: str | None = Field(None, description="Why, in the player's words; shown in attitude histories.")


class SetValue(Strict):
    """Set a state value (kept within its range)."""

    set: SetSpec

    def apply(self, world: World) -> None:
        world.set_value(self.set.var, self.set.to, self.set.cause)


class RaiseFlag(Strict):
    """Raise a named flag, for later conditions."""

    flag: Id

    def apply(self, world: World) -> None:
        world.set_flag(self.flag, True)


class ClearFlag(Strict):
    """Lower a named flag."""

    clear_flag: Id

    def apply(self, world: World) -> None:
        world.set_flag(self.clear_flag, False)


class News(Strict):
    """Add an item to the turn's news."""

    news: str = Field(min_length=1)

    def apply(self, world: World) -> None:
        world.news({"key": "news.text", "args": {"text": self.news}})


class LeaderChange(Strict):
    power: Id = Field(description="The power whose government changes.")
    leader: Id = Field(description="The new leader: one of the power's leaders.")


class SetLeader(Strict):
    """A power's government changes hands to one of its listed leaders."""

    set_leader: LeaderChange

    def apply(self, world: World) -> None:
        world.set_leader(self.set_leader.power, self.set_leader.leader)


class RenameSpec(Strict):
    power: Id = Field(description="The power that takes a new name.")
    name: str = Field(min_length=1, description="Its new name, as players read it.")
    adjective: str = Field("", description="Its new adjective (none: the old one stays).")


class Rename(Strict):
    """A power takes a new name from now on (Soviet Russia becomes the Soviet Union); every view shows it
    and the news says so. Treaties and news already written keep the name they were written with."""

    rename: RenameSpec

    def apply(self, world: World) -> None:
        world.rename(self.rename.power, self.rename.name, self.rename.adjective)


class StatusChange(Strict):
    power: Id = Field(description="The power whose status with the hub power is set.")
    to: Literal["none", "de_facto", "de_jure", "full_relations"] = Field(
        description="none, de_facto, de_jure or full_relations.")


class SetStatus(Strict):
    """Set the lowest status a power can have with the hub power (treaties may raise it)."""

    set_status: StatusChange

    def apply(self, world: World) -> None:
        world.set_status_floor(self.set_status.power, self.set_status.to)


class GrievanceSpec(Strict):
    power: Id = Field(description="The power that holds the grievance.")
    against: Id | None = Field(None, description="Whom it is held against (default: the hub power).")
    amount: float = Field(gt=0, description="How much it weighs at first, in points of value.")
    reason: str = Field(min_length=1, description="What happened, in the player's words.")
    half_life_days: int | None = Field(None, gt=0, description="Days for it to fade by half (default: tuning).")


class Grievance(Strict):
    """A power remembers a wrong; the weight fades by half every half-life, visibly."""

    grievance: GrievanceSpec

    def apply(self, world: World) -> None:
        g = self.grievance
        world.add_grievance(g.power, g.against, g.amount, g.reason, g.half_life_days)


class ProposeSpec(Strict):
    from_: list[Id] = Field(alias="from", min_length=1, description="The proposing side (several powers: joint terms).")
    to: Id = Field(description="The receiving side.")
    clauses: list[ClauseRef] = Field(min_length=1, description="Its clauses: clause type ids, or {type_id: {param: value}}.")
    title: str = Field(min_length=1, description="What the document is called (a memorandum, a note).")
    text: str | None = Field(None, description="A sentence shown with it.")
    conference: Id | None = Field(None, description="The conference it is tabled at, if any.")

    @field_validator("clauses", mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return clause_list(value)


class Propose(Strict):
    """Table a proposal from one power (or several, as joint terms) to another."""

    propose: ProposeSpec

    def apply(self, world: World) -> None:
        world.scripted_proposal(self.propose)


class Parties(Strict):
    """Who is bound by a treaty: the hub power and ``with``, or ``between`` any two or more powers."""

    with_: Annotated[list[Id], Field(min_length=1)] | None = Field(None, alias="with",
                                                                  description="The hub power's partners.")
    between: Annotated[list[Id], Field(min_length=2)] | None = Field(None, description="Every party of a treaty that need not include "
                              "the hub power (Locarno): two or more distinct powers. Give with or between.")

    @model_validator(mode="after")
    def _one_way(self) -> "Parties":
        if (self.with_ is None) == (self.between is None):
            raise ValueError("a treaty names its parties with 'with' (the hub power's partners) or 'between' "
                             "(two or more powers), not both and not neither")
        return self

    def parties(self, hub: str) -> tuple[list[str], bool]:
        """(the partners as the engine records them, whether the hub power is a party)."""
        if self.with_ is not None:
            return list(self.with_), True
        assert self.between is not None
        if hub in self.between:
            return [p for p in self.between if p != hub], True
        return list(self.between), False

    def named(self) -> list[str]:
        return list(self.with_ or self.between or [])


class SignSpec(Parties):
    clauses: list[ClauseRef] = Field(min_length=1, description="Its clauses: clause type ids, or {type_id: {param: value}}.")
    title: str = Field(min_length=1, description="The treaty's name.")

    @field_validator("clauses", mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return clause_list(value)


class Sign(Strict):
    """A treaty is signed (scripted): of the hub power with partners, or between other powers."""

    sign: SignSpec

    def apply(self, world: World) -> None:
        world.scripted_treaty(self.sign)


class WithdrawSpec(Parties):
    clauses: list[Id] = Field(min_length=1, description="Clause types (or side-talk terms): every treaty in force "
                                                         "among these parties that holds all of them is cancelled.")
    by: Id = Field(description="The party that withdraws; the cancellation is recorded against it.")


class Withdraw(Strict):
    """A party withdraws from treaties in force (a broken pledge, a guarantee taken back): each treaty among
    the parties named that holds the clauses is cancelled by ``by``, with its ``on_cancel`` effects when the
    hub power is a party. Nothing happens when no such treaty is in force; the event's text says why."""

    withdraw: WithdrawSpec

    def apply(self, world: World) -> None:
        world.withdraw(self.withdraw)


class ConferencePower(Strict):
    conference: Id = Field(description="The conference.")
    power: Id = Field(description="The power.")


class OpenConference(Strict):
    """Open a conference now (otherwise it opens on its date)."""

    open_conference: Id

    def apply(self, world: World) -> None:
        world.conference(self.open_conference, "open", None)


class CloseConference(Strict):
    """Close a conference now (otherwise it closes on its date)."""

    close_conference: Id

    def apply(self, world: World) -> None:
        world.conference(self.close_conference, "close", None)


class Invite(Strict):
    """Invite a power to a conference."""

    invite: ConferencePower

    def apply(self, world: World) -> None:
        world.conference(self.invite.conference, "invite", self.invite.power)


class Exclude(Strict):
    """Exclude a power from a conference's commissions and private channels."""

    exclude: ConferencePower

    def apply(self, world: World) -> None:
        world.conference(self.exclude.conference, "exclude", self.exclude.power)


class PersonalityChange(Strict):
    power: Id = Field(description="The power whose personality changes.")
    interest: Id = Field(description="The interest whose weight changes.")
    by: float = Field(description="How much to add to the weight (negative to lower it); kept within 0..5.")


class Personality(Strict):
    """Change how much a power weighs one of its interests (a new government, a crisis)."""

    personality: PersonalityChange

    def apply(self, world: World) -> None:
        p = self.personality
        world.adjust_personality(p.power, p.interest, p.by)


class EndScenario(Strict):
    """End the scenario at the end of this turn, with a reason."""

    end_scenario: str

    def apply(self, world: World) -> None:
        world.end_scenario(self.end_scenario)


class BreakSpec(Strict):
    power: Id = Field(description="The power that breaks off relations with the hub power (or that the hub power "
                                  "breaks with).")
    reason: str = Field(min_length=1, description="What happened, in the player's words; shown in the news.")


class BreakRelations(Strict):
    """Relations with the hub power are broken off: the power's status floor falls to none, its treaties with
    the hub power are cancelled, its pending proposals with the hub power lapse, and no proposal runs between
    them until relations are restored."""

    break_relations: BreakSpec

    def apply(self, world: World) -> None:
        world.break_relations(self.break_relations.power, self.break_relations.reason)


class RestoreSpec(Strict):
    power: Id = Field(description="The power whose relations with the hub power are restored.")
    to: Literal["none", "de_facto", "de_jure", "full_relations"] = Field(
        "full_relations", description="The status floor restored (default full_relations).")
    reason: str = Field(min_length=1, description="What happened, in the player's words; shown in the news.")


class RestoreRelations(Strict):
    """Relations broken off are restored: proposals run again and the status floor is set (default full
    relations); cancelled treaties stay cancelled."""

    restore_relations: RestoreSpec

    def apply(self, world: World) -> None:
        r = self.restore_relations
        world.restore_relations(r.power, r.to, r.reason)


EFFECT_KINDS: dict[str, type[Strict]] = {
    "adjust": Adjust, "set": SetValue, "flag": RaiseFlag, "clear_flag": ClearFlag,
    "news": News, "set_leader": SetLeader, "rename": Rename, "set_status": SetStatus, "grievance": Grievance,
    "propose": Propose, "sign": Sign, "withdraw": Withdraw, "open_conference": OpenConference,
    "close_conference": CloseConference, "invite": Invite, "exclude": Exclude,
    "personality": Personality, "end_scenario": EndScenario,
    "break_relations": BreakRelations, "restore_relations": RestoreRelations,
}


def _effect_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        return single_key(value)
    for kind, cls in EFFECT_KINDS.items():
        if type(value) is cls:
            return kind
    return None


Effect = Annotated[
    Union[tuple(Annotated[cls, Tag(kind)] for kind, cls in EFFECT_KINDS.items())],  # type: ignore[misc]
    Discriminator(_effect_kind, custom_error_type="unknown_effect",
                  custom_error_message="an effect is a mapping with one key, one of: " + ", ".join(EFFECT_KINDS)),
]
