"""The engine's side of conditions and effects: reading and changing the
state through named values, with ``hub.``, ``partner.`` and ``self.``
resolved for the powers concerned. Every change is clamped to its range and
its cause is remembered, so that attitude histories can say why.

A few effects do more than change values: sign a treaty, table a proposal,
raise a status floor, act on a conference. Those belong to modules above this
one that change the state through ``Ctx`` themselves (treaties, negotiation,
conference), so each of them puts its action in ``ACTIONS`` when it is
imported, and the imports keep pointing down."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable, Iterable

from game.engine.clauses import Clause
from game.engine.model.common import Status
from game.engine.rules import Rules
from game.engine.state import Grievance, State
from game.engine.strings import Said, say
from game.engine.variables import normalise

if TYPE_CHECKING:
    from game.engine.model.effects import ProposeSpec, SignSpec, WithdrawSpec

#: How many remembered causes of changes the state keeps.
CAUSES_KEPT = 600

#: Actions of the modules above, by name: ``recompute_status`` and ``sign_treaty`` (treaties),
#: ``table_proposal`` (negotiation), ``conference`` (conference).
ACTIONS: dict[str, Callable[..., object]] = {}


def engine_action(name: str) -> Callable[..., object]:
    try:
        return ACTIONS[name]
    except KeyError:
        raise RuntimeError(f"the engine action {name!r} is not installed; import game.engine.game first") from None


class Ctx:
    """A view of one state under one set of rules, for conditions and effects."""

    def __init__(self, rules: Rules, state: State, self_: str | None = None,
                 partner: str | None = None) -> None:
        self.rules = rules
        self.state = state
        self.self_ = self_
        self.partner = partner
        self._today: dt.date | None = None

    def scoped(self, self_: str | None = None, partner: str | None = None) -> "Ctx":
        return Ctx(self.rules, self.state, self_, partner)

    # --- reading ------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        if self._today is None:
            self._today = self.state.today
        return self._today

    def resolve(self, ref: str) -> str:
        owner, _, name = ref.partition(".")
        if owner == "hub":
            return f"{self.rules.hub}.{name}"
        if owner == "self":
            if self.self_ is None:
                raise KeyError(f"{ref}: 'self' has no meaning here")
            return f"{self.self_}.{name}"
        if owner == "partner":
            if self.partner is None:
                raise KeyError(f"{ref}: 'partner' has no meaning here")
            return f"{self.partner}.{name}"
        return normalise(ref)

    def value(self, ref: str) -> float:
        name = self.resolve(ref)
        v = self.state.values.get(name)
        if v is None:
            if name.endswith(".status") and name.split(".")[0] in self.rules.partners:
                return float(self.status(name.split(".")[0]))
            raise KeyError(f"unknown state value {ref!r}")
        return v

    def ref_value(self, ref: str | float, clause: Clause | None = None, split: int = 1) -> float:
        """A term's factor: a number, a clause parameter, or a state value."""
        if isinstance(ref, (int, float)):
            return float(ref)
        if "." in ref:
            return self.value(ref)
        if clause is None:
            raise KeyError(f"parameter {ref!r} outside a clause")
        ct = self.rules.clause_type(clause.type)
        num = self.rules.param_number(clause, ref)
        return num / split if ct.params[ref].split else num

    def status(self, power: str) -> int:
        return self.state.status.get(power, 0)

    def has_treaty(self, powers: tuple[str, ...], any_of: bool, clauses: tuple[str, ...],
                   in_force: bool, signed_from: dt.date | None, signed_to: dt.date | None,
                   between: tuple[str, ...] = ()) -> bool:
        """``powers``: the hub's partners in a treaty of the hub; ``between``: parties of any treaty."""
        for t in self.state.treaties:
            if in_force and not t.in_force:
                continue
            if between:
                if not all(p in t.parties(self.rules.hub) for p in between):
                    continue
            elif not t.hub_party:
                continue
            signed = dt.date.fromisoformat(t.signed)
            if (signed_from and signed < signed_from) or (signed_to and signed > signed_to):
                continue
            if powers:
                hit = any(p in t.partners for p in powers) if any_of else all(p in t.partners for p in powers)
                if not hit:
                    continue
            types = {c.type for c in t.clauses}
            if all(c in types for c in clauses):
                return True
        return False

    def flag(self, name: str) -> bool:
        return name in self.state.flags

    def fired(self, event: str) -> bool:
        return event in self.state.fired

    def conference_state(self, conference: str) -> str:
        c = self.state.conferences.get(conference)
        return c.state if c else "not_started"

    def attending(self, conference: str, power: str) -> bool:
        c = self.state.conferences.get(conference)
        return bool(c) and c.state in ("open", "broken") and power in c.attending

    def leader(self, power: str) -> str:
        return self.state.leaders[power]

    def relations_broken(self, power: str) -> bool:
        return power in self.state.broken

    # --- writing -------------------------------------------------------------

    def adjust(self, ref: str, by: float, cause: str | None) -> None:
        name = self.resolve(ref)
        self.set_value(name, self.value(name) + by, cause)

    def set_value(self, ref: str, to: float, cause: str | None) -> None:
        name = self.resolve(ref)
        old = self.value(name)
        new = self.rules.vars.clamp(name, float(to))
        if new == old:
            return
        self.state.values[name] = new
        if name.endswith(".closeness"):
            update_left_out(self.rules, self.state)
        if name.endswith(".gold"):
            self.state.ledger.append({"turn": self.state.turn, "date": self.state.date,
                                      "power": name.split(".")[0], "amount": new - old,
                                      "label": cause or "adjustment"})
        if cause:
            self.state.causes.append({"turn": self.state.turn, "date": self.state.date, "var": name,
                                      "by": round(new - old, 3), "cause": cause})
            if len(self.state.causes) > CAUSES_KEPT:
                del self.state.causes[: len(self.state.causes) - CAUSES_KEPT]

    def set_flag(self, name: str, on: bool) -> None:
        flags = set(self.state.flags)
        flags.add(name) if on else flags.discard(name)
        self.state.flags = sorted(flags)

    def news(self, said: Said, kind: str = "news", powers: Iterable[str] = ()) -> None:
        """Add a news entry: the key and arguments of what is said (strings.say), never the words."""
        self.state.news.append({"turn": self.state.turn, "date": self.state.date, "kind": kind,
                                "key": said["key"], "args": said["args"], "powers": list(powers)})

    def set_leader(self, power: str, leader: str) -> None:
        if leader not in self.rules.scenario.powers[power].leaders:
            raise KeyError(f"{power} has no leader {leader!r}")
        self.state.leaders[power] = leader
        info = self.rules.scenario.powers[power].leaders[leader]
        self.news(say("news.leader", leader=info.name, power=self.rules.power_name(power, self.state)), "government",
                  [power])

    def rename(self, power: str, name: str, adjective: str) -> None:
        old = self.rules.power_name(power, self.state)
        self.state.names[power] = {"name": name,
                                   "adjective": adjective or self.rules.power_adjective(power, self.state)}
        self.news(say("news.rename", old=old, new=name), "government", [power])

    def set_status_floor(self, power: str, status: str) -> None:
        self.state.status_floor[power] = int(Status.parse(status))
        engine_action("recompute_status")(self.rules, self.state)

    def add_grievance(self, power: str, against: str | None, amount: float, reason: str,
                      half_life_days: int | None) -> None:
        half = half_life_days or self.rules.scenario.tuning.grievance_half_life_days
        self.state.grievances.append(Grievance(power, against or self.rules.hub, float(amount), reason,
                                               self.state.date, half))

    def scripted_proposal(self, spec: "ProposeSpec") -> None:
        clauses = [self.rules.normalise(Clause.of(c.type, c.params)) for c in spec.clauses]
        engine_action("table_proposal")(self.rules, self.state, list(spec.from_), [spec.to], clauses,
                                        title=spec.title, text=spec.text or "", conference=spec.conference,
                                        delivered=True)

    def scripted_treaty(self, spec: "SignSpec") -> None:
        clauses = [self.rules.normalise(Clause.of(c.type, c.params)) for c in spec.clauses]
        parties, hub_party = spec.parties(self.rules.hub)
        engine_action("sign_treaty")(self.rules, self.state, parties, clauses, spec.title, proposed_by=[],
                                     hub_party=hub_party)

    def withdraw(self, spec: "WithdrawSpec") -> None:
        parties, hub_party = spec.parties(self.rules.hub)
        for t in list(self.state.treaties):
            if t.in_force and t.hub_party == hub_party and all(p in t.partners for p in parties) \
                    and all(c in {k.type for k in t.clauses} for c in spec.clauses):
                engine_action("cancel_treaty")(self.rules, self.state, t, spec.by)

    def conference(self, conference: str, action: str, power: str | None) -> None:
        engine_action("conference")(self.rules, self.state, conference, action, power)

    def adjust_personality(self, power: str, interest: str, by: float) -> None:
        weights = self.state.personality[power]
        weights[interest] = min(5.0, max(0.0, weights.get(interest, 1.0) + by))

    def end_scenario(self, reason: str) -> None:
        self.state.end_reason = reason

    def break_relations(self, power: str, reason: str) -> None:
        """No scripted penalties here: the event that breaks relations says what else it costs."""
        state = self.state
        if power not in state.broken:
            state.broken = sorted([*state.broken, power])
        for t in state.treaties:
            if t.in_force and t.hub_party and power in t.partners:
                t.in_force, t.cancelled, t.cancelled_by = False, state.date, power
        for p in state.proposals:
            if p.status == "pending" and p.involves(power) and p.involves(self.rules.hub):
                p.status, p.closed_turn = "expired", state.turn
        state.status_floor[power] = int(Status.none)
        engine_action("recompute_status")(self.rules, state)
        self.news(say("news.relations", text=reason), "relations", [power])

    def restore_relations(self, power: str, to: str, reason: str) -> None:
        self.state.broken = [p for p in self.state.broken if p != power]
        self.state.status_floor[power] = int(Status.parse(to))
        engine_action("recompute_status")(self.rules, self.state)
        self.news(say("news.relations", text=reason), "relations", [power])


def update_left_out(rules: Rules, state: State) -> None:
    """A power fears being left out in proportion to its rivals' closeness to the hub power."""
    for p in rules.partners:
        fears = rules.scenario.powers[p].fears
        level = sum(w * state.values.get(f"{r}.closeness", 0.0) for r, w in fears.items() if r != p)
        state.values[f"{p}.left_out"] = round(min(100.0, max(0.0, level)), 6)
