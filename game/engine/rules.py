"""Rules: a validated scenario prepared for play.

Wraps the scenario model with what the engine needs quickly: the order of
clause types, the parameter variants the AI searches over, the variable
space, and the normalisation of clauses written by players.
"""
from __future__ import annotations

import datetime as dt
import itertools
from functools import cached_property
from typing import TYPE_CHECKING

from game.engine.clauses import Clause, ClauseError, Package, package
from game.engine.model.clauses import ClauseType
from game.engine.model.scenario import Scenario
from game.engine.variables import VarSpace

if TYPE_CHECKING:
    from game.engine.state import State

#: At most this many parameter variants of one clause type enter the AI's search.
MAX_VARIANTS = 12


class RulesError(ValueError):
    """A scenario that validates but cannot be played (should be caught by the checker)."""


class Rules:
    """The scenario plus indexes; immutable and shared by every state of one game."""

    def __init__(self, scenario: Scenario, content_hash: str = "", difficulty: str = "normal") -> None:
        self.scenario = scenario
        #: The scenario's content (and its mods'): what a save must find again to replay the same game.
        self.content_hash = content_hash
        #: The difficulty level (game.engine.difficulty) whose tuning ``scenario`` already carries.
        self.difficulty = difficulty
        self.hub = scenario.hub
        if self.hub not in scenario.powers:
            raise RulesError(f"the hub power {self.hub!r} is not among the powers")
        self.powers: list[str] = list(scenario.powers)
        self.partners: list[str] = scenario.partners
        self.vars = VarSpace(scenario)
        self.clause_ids: list[str] = list(scenario.clause_types)
        self.clause_index = {c: i for i, c in enumerate(self.clause_ids)}
        self.variants: list[list[Clause]] = [self._variants(c) for c in self.clause_ids]
        self.power_index = {p: i for i, p in enumerate(self.powers)}
        #: The topic of each side-talk term (talks among the other powers), by term id.
        self.side_terms: dict[str, str] = {t: tid for tid, topic in scenario.side_talks.topics.items()
                                           for t in topic.terms}

    @property
    def id(self) -> str:
        return self.scenario.id

    def power_name(self, power: str, state: "State | None" = None) -> str:
        """The power's name as players read it now: a ``rename`` effect in the state wins over the scenario's."""
        renamed = state.names.get(power, {}).get("name") if state is not None else None
        return renamed or self.scenario.powers[power].name

    def power_adjective(self, power: str, state: "State | None" = None) -> str:
        renamed = state.names.get(power, {}).get("adjective") if state is not None else None
        return renamed or self.scenario.powers[power].adjective

    def clause_type(self, type_id: str) -> ClauseType:
        return self.scenario.clause_types[type_id]

    def clause_phrase(self, type_id: str) -> str:
        """A clause's title inside a sentence ("credits and loans"): only the first letter lowered, and not
        even that when the title opens with a power's name or adjective ("German tax reforms")."""
        title = self.clause_title(type_id)
        first = title.split(" ", 1)[0].split("'", 1)[0]
        proper = {w for p in self.scenario.powers.values() for w in (p.name.split(" ", 1)[0], p.adjective) if w}
        return title if first in proper else title[:1].lower() + title[1:]

    def clause_title(self, type_id: str) -> str:
        """The title of a clause type or of a side-talk term (a treaty among other powers holds those)."""
        if type_id in self.side_terms:
            return self.scenario.side_talks.topics[self.side_terms[type_id]].terms[type_id].title
        return self.clause_type(type_id).title

    def _variants(self, type_id: str) -> list[Clause]:
        ct = self.clause_type(type_id)
        names = list(ct.params)
        grids = [ct.params[n].search_levels() for n in names]
        combos = list(itertools.product(*grids)) if names else [()]
        if len(combos) > MAX_VARIANTS:
            stride = len(combos) / MAX_VARIANTS
            combos = [combos[int(i * stride)] for i in range(MAX_VARIANTS)]
        return [Clause.of(type_id, dict(zip(names, combo))) for combo in combos]

    def normalise(self, clause: Clause) -> Clause:
        """Fill defaults, check names and ranges, snap numbers to their step."""
        ct = self.scenario.clause_types.get(clause.type)
        if ct is None:
            raise ClauseError(f"unknown clause type {clause.type!r}; known: {', '.join(self.clause_ids)}")
        given = clause.param_dict
        unknown = set(given) - set(ct.params)
        if unknown:
            raise ClauseError(f"{clause.type} has no parameter {', '.join(sorted(unknown))}; "
                              f"it takes: {', '.join(ct.params) or 'none'}")
        out: dict[str, object] = {}
        for name, p in ct.params.items():
            v = given.get(name, p.default)
            if p.choices is not None:
                if str(v) not in p.choices:
                    raise ClauseError(f"{clause.type}.{name} must be one of {', '.join(p.choices)}, not {v!r}")
                out[name] = str(v)
            else:
                try:
                    num = float(v)
                except (TypeError, ValueError):
                    raise ClauseError(f"{clause.type}.{name} must be a number, not {v!r}") from None
                if not float(p.min) <= num <= float(p.max):  # type: ignore[arg-type]
                    raise ClauseError(f"{clause.type}.{name} must be within {p.min:g}..{p.max:g}, not {num:g}")
                out[name] = p.snap(num)
        return Clause.of(clause.type, out)

    def normalise_package(self, clauses: Package | list[Clause]) -> Package:
        return package(self.normalise(c) for c in clauses)

    def param_number(self, clause: Clause, name: str) -> float:
        p = self.clause_type(clause.type).params[name]
        return p.number(clause.get(name, p.default))  # type: ignore[arg-type]

    @cached_property
    def turn_dates(self) -> list[dt.date]:
        """The first day of every turn, from start to end."""
        cal = self.scenario.calendar
        days: list[dt.date] = []
        d = self.scenario.start
        while d <= self.scenario.end:
            days.append(d)
            step = cal.step_days
            for period in cal.periods:
                if period.from_ <= d <= period.to:
                    step = period.step_days
                    break
            if (dt.date.max - d).days < step:
                break                       # the calendar's last day: no turn can start after it
            nxt = d + dt.timedelta(days=step)
            # Do not jump over the start of a period with shorter turns.
            for period in cal.periods:
                if d < period.from_ < nxt:
                    nxt = period.from_
            d = nxt
        return days

    def turn_length_days(self, turn: int) -> int:
        dates = self.turn_dates
        if turn + 1 < len(dates):
            return (dates[turn + 1] - dates[turn]).days
        return max(1, (self.scenario.end - dates[turn]).days + 1)

    @property
    def last_turn(self) -> int:
        return len(self.turn_dates) - 1
