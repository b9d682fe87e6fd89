"""The checker's index of state values: the engine's ``VarSpace`` without
its one-name-per-pair-of-powers table, and with lookups by owner and by
name built once. With n powers the engine lists n²/2 relation values; the
checker only needs to know whether a relation name is well formed, so its
cost stays linear in the file (600 powers validate in well under a second
instead of half a minute)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from game.engine.model.scenario import Scenario
from game.engine.variables import VarDef, VarSpace, normalise

RELATION = VarDef("world", "relation", -100, 100, 0, "Relation")


class _Defs(dict[str, VarDef]):
    """``defs`` that answer for ``relation.a__b`` without listing every pair."""

    def __init__(self, powers: set[str]) -> None:
        super().__init__()
        self.powers = powers

    def _relation(self, key: object) -> bool:
        if not isinstance(key, str) or not key.startswith("relation."):
            return False
        a, sep, b = key[len("relation."):].partition("__")
        return bool(sep) and a != b and a in self.powers and b in self.powers

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key) or self._relation(key)

    def __getitem__(self, key: str) -> VarDef:
        if self._relation(key) and not super().__contains__(key):
            return RELATION
        return super().__getitem__(key)

    def get(self, key: str, default: VarDef | None = None) -> VarDef | None:  # type: ignore[override]
        return self[key] if key in self else default


class CheckerVars(VarSpace):
    """Every state value a scenario has, indexed for the checker."""

    def __init__(self, scenario: Scenario) -> None:
        self.hub = scenario.hub
        self.powers = list(scenario.powers)
        self.partners = scenario.partners
        self.defs = _Defs(set(self.powers))
        from game.engine.variables import CORE_VARIABLES
        custom = tuple(VarDef(v.scope, k, v.min, v.max, v.default, v.title, v.description)
                       for k, v in scenario.variables.items())
        self.by_owner: dict[str, set[str]] = {}
        self.by_name: dict[str, VarDef] = {}
        self.scopes: dict[str, set[str]] = {"hub": set(), "partners": set(), "powers": set(), "world": set()}
        for d in CORE_VARIABLES + custom:
            self.scopes[d.scope].add(d.name)
            if d.scope != "world":
                self.by_name.setdefault(d.name, d)
            for owner in self._owners(d.scope):
                self.defs[f"{owner}.{d.name}"] = d
                self.by_owner.setdefault(owner, set()).add(d.name)
        for bloc_id, bloc in scenario.blocs.items():
            d = VarDef("world", f"{bloc_id}_unity", 0, 100, bloc.unity, f"Unity of {bloc.name}")
            self.defs[f"world.{bloc_id}_unity"] = d
            self.by_owner.setdefault("world", set()).add(d.name)
        self._suffix_cache: dict[str, set[str]] = {}
        self._scenario = scenario
        self._models: list[tuple[Any, tuple[Any, ...]]] | None = None

    @property
    def models(self) -> list[tuple[Any, tuple[Any, ...]]]:
        """Every model in the scenario (conditions, effects, clauses...) with its path as written in YAML,
        in file order: one walk, without recursion, shared by all the passes."""
        if self._models is None:
            self._models = models_in(self._scenario)
        return self._models

    def known(self, name: str) -> bool:
        return normalise(name) in self.defs

    def owned(self, owner: str) -> set[str]:
        """The names after ``owner.`` (``trust`` for ``britain``)."""
        return self.by_owner.get(owner, set())

    def alias_suffixes(self, alias: str) -> set[str]:
        """Names valid after ``hub.``, ``partner.`` or ``self.`` (as the engine's, without the scan)."""
        if alias not in self._suffix_cache:
            s = self.scopes
            if alias == "hub":
                names = self.owned(self.hub)
            elif alias == "partner":
                names = (s["partners"] | s["powers"]) if self.partners else set()
            else:
                names = set(s["powers"])
                if self.partners:
                    names |= s["partners"]
                if self.hub in self.powers:
                    names |= s["hub"]
            self._suffix_cache[alias] = set(names)
        return self._suffix_cache[alias]


def models_in(root: Any, base: tuple[Any, ...] = ()) -> list[tuple[Any, tuple[Any, ...]]]:
    out: list[tuple[Any, tuple[Any, ...]]] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(root, base)]
    while stack:
        node, path = stack.pop()
        if isinstance(node, BaseModel):
            out.append((node, path))
            kids = [(getattr(node, name), path + (f.alias or name,)) for name, f in type(node).model_fields.items()]
        elif isinstance(node, (list, tuple)):
            kids = [(item, path + (i,)) for i, item in enumerate(node)]
        elif isinstance(node, dict):
            kids = [(v, path + (k,)) for k, v in node.items()]
        else:
            continue
        stack.extend(k for k in reversed(kids) if isinstance(k[0], (BaseModel, list, tuple, dict)))
    return out
