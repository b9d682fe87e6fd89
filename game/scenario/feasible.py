"""Can a condition ever hold? A cautious static answer for the meaning pass.

``Feasibility.never(condition, path)`` returns why a condition can never
hold in a game of this scenario (and where in the file the impossible part
is), or None when it might. It only says "never" when that is certain from
the scenario alone: a comparison outside a value's range, contradictory
bounds inside one ``all``, a date window outside the scenario, a treaty
with a clause no such partner may sign, a leader nothing ever puts in
office, an event that itself never fires. (A flag that nothing raises is
the meaning pass's M007, not a "never" here, so it is reported once.)
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from game.engine.model import conditions as C
from game.engine.model.common import Status
from game.engine.model.scenario import Scenario
from game.engine.variables import VarSpace, normalise

Path = tuple[Any, ...]


@dataclass(frozen=True)
class Never:
    """Why a condition can never hold, and the path of the part that cannot."""

    reason: str
    path: Path


def value_range(vars: VarSpace, sc: Scenario, ref: str) -> tuple[float, float] | None:
    """The range of a state value (aliases hub./partner./self. included), if known."""
    owner, _, name = ref.partition(".")
    if name == "status" and (owner in sc.powers or owner in ("partner", "self")):
        return 0.0, float(Status.full_relations)
    if owner == "hub":
        owner = sc.hub
    if owner in ("partner", "self"):
        by_name = getattr(vars, "by_name", None)
        if by_name is not None:
            d = by_name.get(name)
            return (d.min, d.max) if d else None
        for n, d in vars.defs.items():
            if n.split(".", 1)[1] == name and n.split(".", 1)[0] in sc.powers:
                return d.min, d.max
        return None
    found = vars.defs.get(normalise(f"{owner}.{name}"))
    return (found.min, found.max) if found else None


def _fmt(x: float) -> str:
    return f"{x:g}"


class Feasibility:
    def __init__(self, scenario: Scenario, vars: VarSpace,
                 leaders_possible: dict[str, set[str]], never_events: Callable[[], set[str]]) -> None:
        self.sc = scenario
        self.vars = vars
        self.leaders = leaders_possible
        self.never_events = never_events

    def never(self, cond: Any, path: Path) -> Never | None:
        check = getattr(self, "_" + type(cond).__name__, None)
        return check(cond, path) if check else None

    # --- composites ----------------------------------------------------------------

    def _AllOf(self, c: C.AllOf, path: Path) -> Never | None:
        for i, sub in enumerate(c.all):
            n = self.never(sub, path + ("all", i))
            if n:
                return n
        return self._bounds(c.all, path + ("all",)) or self._dates(c.all, path + ("all",))

    def _AnyOf(self, c: C.AnyOf, path: Path) -> Never | None:
        if not c.any:
            return Never("'any' lists no conditions, so none can hold", path)
        reasons = [self.never(sub, path + ("any", i)) for i, sub in enumerate(c.any)]
        if all(reasons):
            return Never("none of the 'any' conditions can hold (" + "; ".join(r.reason for r in reasons if r) + ")",
                         path)
        return None

    def _AtLeast(self, c: C.AtLeast, path: Path) -> Never | None:
        spec = c.at_least
        possible = sum(1 for i, sub in enumerate(spec.of) if not self.never(sub, path + ("at_least", "of", i)))
        if spec.count > possible:
            return Never(f"at_least asks for {spec.count} of {len(spec.of)} conditions, but only {possible} "
                         "can ever hold", path + ("at_least", "count"))
        return None

    # --- leaves --------------------------------------------------------------------

    def _Compare(self, c: C.Compare, path: Path) -> Never | None:
        spec = c.compare
        rng = value_range(self.vars, self.sc, spec.var)
        if rng is None:
            return None
        lo, hi = rng
        if spec.value is not None:
            if not _possible(spec.op, spec.value, lo, hi):
                return Never(f"{spec.var} {spec.op} {_fmt(spec.value)} is impossible: {spec.var} stays within "
                             f"{_fmt(lo)}..{_fmt(hi)}", path + ("compare", "value"))
            return None
        other = value_range(self.vars, self.sc, spec.to or "")
        if other is not None:
            olo, ohi = other
            impossible = {"<": lo >= ohi, "<=": lo > ohi, ">": hi <= olo, ">=": hi < olo,
                          "==": hi < olo or lo > ohi, "!=": lo == hi == olo == ohi}[spec.op]
            if impossible:
                return Never(f"{spec.var} {spec.op} {spec.to} is impossible: their ranges are {_fmt(lo)}..{_fmt(hi)} "
                             f"and {_fmt(olo)}..{_fmt(ohi)}", path + ("compare",))
        return None

    def _DateWindow(self, c: C.DateWindow, path: Path) -> Never | None:
        d = c.date
        if d.from_ and d.to and d.to < d.from_:
            return Never(f"the date window ends ({d.to}) before it begins ({d.from_})", path + ("date",))
        if (d.from_ and d.from_ > self.sc.end) or (d.to and d.to < self.sc.start):
            return Never(f"the date window {d.from_ or '…'} to {d.to or '…'} lies outside the scenario "
                         f"({self.sc.start} to {self.sc.end})", path + ("date",))
        return None

    def _StatusTest(self, c: C.StatusTest, path: Path) -> Never | None:
        s = c.status
        if s.power == self.sc.hub:
            return Never(f"'{s.power}' is the hub power: it has no status with itself", path + ("status", "power"))
        if s.at_least and s.at_most and Status[s.at_least] > Status[s.at_most]:
            return Never(f"a status cannot be at least {s.at_least} and at most {s.at_most}", path + ("status",))
        return None

    def _TreatyTest(self, c: C.TreatyTest, path: Path) -> Never | None:
        t = c.treaty
        for key, powers in (("with", t.with_), ("with_any", t.with_any)):
            if self.sc.hub in powers and (key == "with" or len(powers) == 1):
                return Never(f"every treaty is made with the hub power '{self.sc.hub}', so it is never listed "
                             f"among the partners in '{key}'", path + ("treaty", key))
        if t.signed_from and t.signed_to and t.signed_to < t.signed_from:
            return Never("signed_to is before signed_from", path + ("treaty", "signed_to"))
        if (t.signed_from and t.signed_from > self.sc.end) or (t.signed_to and t.signed_to < self.sc.start):
            return Never("the signing window lies outside the scenario", path + ("treaty",))
        for i, cid in enumerate(t.clauses):
            topic = next((tid for tid, tp in self.sc.side_talks.topics.items() if cid in tp.terms), None)
            if topic is not None and cid not in self.sc.clause_types and (t.with_ or t.with_any or self.sc.hub in t.between):
                parties = self.sc.side_talks.topics[topic].parties
                return Never(f"'{cid}' is a term of the side talks '{topic}', agreed only among its parties "
                             f"({', '.join(parties)}) and never in a treaty with the hub power: test it with "
                             f"between: [two of them]", path + ("treaty", "clauses", i))
            ct = self.sc.clause_types.get(cid)
            if ct is None or ct.partners is None:
                continue
            allowed = set(ct.partners)
            if t.with_ and not set(t.with_) <= allowed:
                bad = sorted(set(t.with_) - allowed)
                return Never(f"the clause '{cid}' may only be agreed with {', '.join(ct.partners)}, not with "
                             f"{', '.join(bad)}", path + ("treaty", "clauses", i))
            if t.with_any and not set(t.with_any) & allowed:
                return Never(f"the clause '{cid}' may only be agreed with {', '.join(ct.partners)}",
                             path + ("treaty", "clauses", i))
            if not t.with_ and not t.with_any and not allowed - {self.sc.hub}:
                return Never(f"no power may agree to the clause '{cid}'", path + ("treaty", "clauses", i))
        return None

    def _EventTest(self, c: C.EventTest, path: Path) -> Never | None:
        if c.event in self.never_events():
            return Never(f"the event '{c.event}' can never fire", path + ("event",))
        return None

    def _LeaderTest(self, c: C.LeaderTest, path: Path) -> Never | None:
        lt = c.leader
        possible = self.leaders.get(lt.power)
        if possible is not None and lt.is_ not in possible and lt.is_ in self.sc.powers[lt.power].leaders:
            return Never(f"{lt.is_} never leads {lt.power}: not at the start, and no set_leader effect puts them "
                         "in office", path + ("leader", "is"))
        return None

    # --- across an 'all' -------------------------------------------------------------

    def _bounds(self, conds: list[Any], path: Path) -> Never | None:
        """Comparisons of one value with numbers that contradict each other."""
        lows: dict[str, tuple[float, bool, int]] = {}
        highs: dict[str, tuple[float, bool, int]] = {}
        for i, c in enumerate(conds):
            if not isinstance(c, C.Compare) or c.compare.value is None:
                continue
            var, op, v = c.compare.var, c.compare.op, c.compare.value
            if op in (">", ">=", "=="):
                strict = op == ">"
                old = lows.get(var)
                if old is None or v > old[0] or (v == old[0] and strict):
                    lows[var] = (v, strict, i)
            if op in ("<", "<=", "=="):
                strict = op == "<"
                old = highs.get(var)
                if old is None or v < old[0] or (v == old[0] and strict):
                    highs[var] = (v, strict, i)
        for var, (lo, lo_strict, i) in lows.items():
            if var in highs:
                hi, hi_strict, j = highs[var]
                if lo > hi or (lo == hi and (lo_strict or hi_strict)):
                    return Never(f"{var} cannot be both {'>' if lo_strict else '>='} {_fmt(lo)} and "
                                 f"{'<' if hi_strict else '<='} {_fmt(hi)}", path + (max(i, j),))
        return None

    def _dates(self, conds: list[Any], path: Path) -> Never | None:
        """Date windows in one 'all' that do not overlap."""
        start, end, last = dt.date.min, dt.date.max, None
        for i, c in enumerate(conds):
            if isinstance(c, C.DateWindow):
                start = max(start, c.date.from_ or dt.date.min)
                end = min(end, c.date.to or dt.date.max)
                last = i
        if last is not None and end < start:
            return Never("its date windows do not overlap", path + (last,))
        return None


def _possible(op: str, value: float, lo: float, hi: float) -> bool:
    return {"<": lo < value, "<=": lo <= value, ">": hi > value, ">=": hi >= value,
            "==": lo <= value <= hi, "!=": not (lo == hi == value)}[op]
