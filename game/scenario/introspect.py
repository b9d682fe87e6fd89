"""Looking inside the scenario model's classes: which models a scenario
holds, and which keys hold a condition. Shared by the reference generator
and the merge rules, so both read the model the same way."""
from __future__ import annotations

import typing
from typing import Any, Iterator

from pydantic import BaseModel

from game.engine.model.conditions import CONDITION_KINDS, Condition
from game.engine.model.effects import EFFECT_KINDS


def models_in(tp: Any) -> Iterator[type[BaseModel]]:
    """The model classes named anywhere inside a type (list[Term] gives Term)."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        yield tp
    for a in typing.get_args(tp):
        yield from models_in(a)


def models_under(root: type[BaseModel]) -> list[type[BaseModel]]:
    """Every model reachable from ``root``, breadth first (conditions and effects left out)."""
    skip = set(CONDITION_KINDS.values()) | set(EFFECT_KINDS.values())
    seen: list[type[BaseModel]] = []
    queue = [root]
    while queue:
        m = queue.pop(0)
        if m in seen:
            continue
        seen.append(m)
        for f in m.model_fields.values():
            queue += [t for t in models_in(f.annotation) if t not in seen and t not in skip]
    return seen


def holds_condition(annotation: Any) -> bool:
    """A field typed Condition or Optional[Condition]."""
    union = typing.get_args(Condition)[0]
    return annotation is Condition or annotation == union or any(
        a is Condition or a == union for a in typing.get_args(annotation))


def condition_keys(root: type[BaseModel]) -> frozenset[str]:
    """Keys that hold one condition anywhere under ``root`` (condition, conditions, when)."""
    return frozenset(f.alias or name for m in models_under(root) for name, f in m.model_fields.items()
                     if holds_condition(f.annotation))
