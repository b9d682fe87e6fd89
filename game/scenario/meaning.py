"""The meaning pass: a scenario that loads and whose ids all exist may
still not make sense. This pass warns about what a reader of the file
would call a mistake: an event that can never fire (M001), an objective
or outcome that can never be met (M002), a date outside the scenario
(M003), a power without objectives (M004), a clause type worth nothing
(M005), a number outside the range of the value it sets (M006), and a
flag that is tested but never raised (M007).
"""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any, Iterator

from pydantic import BaseModel

from game.engine.model import conditions as C
from game.engine.model import effects as E
from game.engine.model.scenario import Scenario
from game.engine.rules import Rules, RulesError
from game.scenario.varindex import CheckerVars
from game.scenario.feasible import Feasibility, Never, value_range
from game.scenario.findings import Finding, did_you_mean
from game.scenario.strictyaml import SourceMap

Path = tuple[Any, ...]


def walk(node: Any, path: Path = ()) -> Iterator[tuple[Any, Path]]:
    """Every model, list item and mapping value in the scenario, with its path as written in YAML."""
    yield node, path
    if isinstance(node, BaseModel):
        for name, f in type(node).model_fields.items():
            yield from walk(getattr(node, name), path + (f.alias or name,))
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            yield from walk(item, path + (i,))
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, path + (k,))


class MeaningChecker:
    def __init__(self, scenario: Scenario, source: SourceMap, vars: CheckerVars | None = None) -> None:
        self.sc = scenario
        self.source = source
        self.vars = vars or CheckerVars(scenario)
        self.findings: list[Finding] = []
        self.nodes = self.vars.models  # only models are tested below (conditions, effects)
        self.flags_raised = {n.flag for n, _ in self.nodes if isinstance(n, E.RaiseFlag)}
        leaders: dict[str, set[str]] = {pid: {p.leader} for pid, p in scenario.powers.items()}
        for n, _ in self.nodes:
            if isinstance(n, E.SetLeader) and n.set_leader.power in leaders:
                leaders[n.set_leader.power].add(n.set_leader.leader)
        self._never_events: set[str] | None = None
        self.feasible = Feasibility(scenario, self.vars, leaders, self.never_events)
        try:
            # Only the calendar is needed: not a whole Rules (whose tables grow with the square of the powers).
            self.turns: list[dt.date] | None = Rules.turn_dates.func(SimpleNamespace(scenario=scenario))
        except (RulesError, KeyError, ValueError, OverflowError):
            self.turns = None

    def run(self) -> list[Finding]:
        self._events()
        self._objectives()
        self._dates()
        self._powers()
        self._clauses()
        self._ranges()
        self._flags()
        self._derived()
        return self.findings

    def _add(self, path: Path, code: str, message: str, key: bool = False) -> None:
        self.findings.append(self.source.finding(path, code, message, key=key))

    # --- events ----------------------------------------------------------------------

    def never_events(self) -> set[str]:
        """Events that can never fire (computed once; events that wait on such events count too)."""
        if self._never_events is None:
            self._never_events = set()
            while True:
                found = {e.id for i, e in enumerate(self.sc.events)
                         if e.id not in self._never_events and self._event_never(i) is not None}
                if not found:
                    break
                self._never_events |= found
        return self._never_events

    def _event_never(self, i: int) -> Never | None:
        e, base = self.sc.events[i], ("events", i)
        first, last = max(e.from_ or self.sc.start, self.sc.start), min(e.to or self.sc.end, self.sc.end)
        if first > last:
            return Never(f"its window {e.from_ or '…'} to {e.to or '…'} lies outside the scenario "
                         f"({self.sc.start} to {self.sc.end})", base + ("from" if e.from_ and e.from_ > self.sc.end
                                                                       else "to",))
        if self.turns is not None and not any(first <= d <= last for d in self.turns):
            before = [d for d in self.turns if d < first]
            after = [d for d in self.turns if d > last]
            near = ", ".join(str(d) for d in (before[-1:] + after[:1]))
            return Never(f"no turn begins between {first} and {last} (events are checked when a turn begins; "
                         f"the nearest turns begin on {near})", base + ("from" if e.from_ else "to",))
        if e.chance == 0:
            return Never("its chance is 0", base + ("chance",))
        if e.conditions is not None:
            if e.once and any(isinstance(c, C.EventTest) and c.event == e.id for c in _conjuncts(e.conditions)):
                return Never("it fires only once, but its conditions require that it has already fired",
                             base + ("conditions",))
            return self.feasible.never(e.conditions, base + ("conditions",))
        return None

    def _events(self) -> None:
        never = self.never_events()
        for i, e in enumerate(self.sc.events):
            why = self._event_never(i) if e.id in never else None
            if why is not None:
                self._add(why.path, "M001", f"the event '{e.id}' can never fire: {why.reason}")
            if e.chooser is not None and len(e.options) == 1:
                self._add(("events", i, "options"), "M009",
                          f"the event '{e.id}' gives {e.chooser} one option only: add another (a choice needs two), "
                          "or drop chooser: and options: and put the effects under the event's effects:")

    # --- objectives and outcomes ---------------------------------------------------------

    def _objectives(self) -> None:
        for pid, objs in self.sc.objectives.items():
            for i, obj in enumerate(objs):
                why = self.feasible.never(obj.condition, ("objectives", pid, i, "condition"))
                if why is not None:
                    self._add(why.path, "M002", f"the objective '{obj.id}' of {pid} can never be met: {why.reason}")
        for i, out in enumerate(self.sc.history.outcomes):
            why = self.feasible.never(out.condition, ("history", "outcomes", i, "condition"))
            if why is not None:
                self._add(why.path, "M002", f"the outcome '{out.id}' can never happen: {why.reason}")
        outcomes = self.sc.history.outcomes
        if outcomes and not any(o.historical for o in outcomes):
            self._add(("history", "outcomes"), "M010", "none of the outcomes is marked historical: true, so the end "
                      "of the game and simulate cannot say which one happened (mark what really happened)")

    # --- dates ---------------------------------------------------------------------------

    def _dates(self) -> None:
        start, end = self.sc.start, self.sc.end

        def check(path: Path, d: dt.date | None, what: str) -> None:
            if d is not None and not start <= d <= end:
                self._add(path, "M003", f"{what} ({d}) lies outside the scenario ({start} to {end})")

        for i, e in enumerate(self.sc.events):
            if not ((e.from_ and e.from_ > end) or (e.to and e.to < start)):  # else M001 says it
                check(("events", i, "from"), e.from_, f"the event '{e.id}' begins")
                check(("events", i, "to"), e.to, f"the event '{e.id}' ends")
        for cid, conf in self.sc.conferences.items():
            check(("conferences", cid, "opens"), conf.opens, f"the conference '{cid}' opens")
            check(("conferences", cid, "closes"), conf.closes, f"the conference '{cid}' closes")
        for i, period in enumerate(self.sc.calendar.periods):
            check(("calendar", "periods", i, "from"), period.from_, "a calendar period begins")
            check(("calendar", "periods", i, "to"), period.to, "a calendar period ends")
        for node, path in self.nodes:
            if isinstance(node, C.DateWindow) and self.feasible.never(node, ()) is None:
                check(path + ("date", "from"), node.date.from_, "a date condition begins")
                check(path + ("date", "to"), node.date.to, "a date condition ends")
            elif isinstance(node, C.TreatyTest) and self.feasible.never(node, ()) is None:
                check(path + ("treaty", "signed_from"), node.treaty.signed_from, "a treaty's signing window begins")
                check(path + ("treaty", "signed_to"), node.treaty.signed_to, "a treaty's signing window ends")

    # --- powers and clauses ----------------------------------------------------------------

    def _powers(self) -> None:
        for pid, p in self.sc.powers.items():
            if p.playable and not self.sc.objectives.get(pid):
                self._add(("powers", pid), "M004", f"{pid} has no objectives, so it cannot be scored or given to a "
                                                   "delegation in class (add some under objectives:)", key=True)

    def _clauses(self) -> None:
        for cid, ct in self.sc.clause_types.items():
            if not any(ct.value.values()):
                self._add(("clause_types", cid), "M005", f"the clause type '{cid}' has no value terms, so neither "
                                                         "side cares whether it is in a treaty (add value: hub: / "
                                                         "partner: terms)", key=True)

    # --- ranges ----------------------------------------------------------------------------

    def _ranges(self) -> None:
        for pid, p in self.sc.powers.items():
            for name, v in p.values.items():
                self._in_range(("powers", pid, "values", name), f"{pid}.{name}", v, "starts at")
        for node, path in self.nodes:
            if isinstance(node, E.SetValue):
                self._in_range(path + ("set", "to"), node.set.var, node.set.to, "is set to")
        for lid, pol in self.sc.policies.items():
            rng = value_range(self.vars, self.sc, f"hub.{pol.var}")
            if rng and (pol.min < rng[0] or pol.max > rng[1]):
                self._add(("policies", lid), "M006", f"the policy '{lid}' goes from {pol.min:g} to {pol.max:g}, "
                                                     f"beyond the range of hub.{pol.var} ({rng[0]:g}..{rng[1]:g})",
                          key=True)

    def _in_range(self, path: Path, var: str, value: float, verb: str) -> None:
        rng = value_range(self.vars, self.sc, var)
        if rng is not None and not rng[0] <= value <= rng[1]:
            self._add(path, "M006", f"{var} {verb} {value:g}, outside its range {rng[0]:g}..{rng[1]:g} "
                                    "(it will be kept within the range)")

    # --- flags -----------------------------------------------------------------------------

    def _flags(self) -> None:
        for node, path in self.nodes:
            if isinstance(node, C.FlagTest) and node.flag not in self.flags_raised:
                self._add(path + ("flag",), "M007", f"the flag '{node.flag}' is tested here, but no effect raises "
                                                    f"it (raise it with - flag: {node.flag})"
                                                    f"{did_you_mean(node.flag, self.flags_raised)}")


    def _derived(self) -> None:
        """M008: setting a value the engine recomputes does nothing lasting."""
        for node, path in self.nodes:
            for kind, spec, where in ((E.Adjust, "adjust", "var"), (E.SetValue, "set", "var")):
                if isinstance(node, kind):
                    ref = getattr(node, spec).var
                    d = self.vars.defs.get(ref) or self.vars.by_name.get(ref.split(".", 1)[-1])
                    if d is not None and d.derived:
                        self._add(path + (spec, where), "M008",
                                  f"{ref} is recomputed by the engine, so this change does not last; "
                                  f"{d.description}")
        for pid, p in self.sc.powers.items():
            for name in p.values:
                d = self.vars.defs.get(f"{pid}.{name}")
                if d is not None and d.derived:
                    self._add(("powers", pid, "values", name), "M008",
                              f"{pid}.{name} is recomputed by the engine, so its starting value is not kept",
                              key=True)


def _conjuncts(cond: Any) -> Iterator[Any]:
    """The conditions that must all hold for ``cond`` to hold."""
    yield cond
    if isinstance(cond, C.AllOf):
        for c in cond.all:
            yield from _conjuncts(c)


def check_meaning(scenario: Scenario, source: SourceMap, vars: CheckerVars | None = None) -> list[Finding]:
    return MeaningChecker(scenario, source, vars).run()
