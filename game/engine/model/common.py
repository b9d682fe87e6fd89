"""Shared building blocks of the scenario model: ids, references, statuses."""
from __future__ import annotations

from enum import IntEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

#: An identifier: lower case letters, digits and underscores, starting with a letter.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]

#: A named state value such as ``soviet_russia.gold``, ``world.allied_unity``;
#: inside a power or clause also ``self.trust``, ``hub.comintern``, ``partner.market``.
VarRef = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$", max_length=130)]


class Strict(BaseModel):
    """Base for every scenario model: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Status(IntEnum):
    """A power's place on the ladder of relations with the hub power."""

    none = 0
    de_facto = 1
    de_jure = 2
    full_relations = 3

    @classmethod
    def parse(cls, text: str) -> "Status":
        try:
            return cls[text]
        except KeyError:
            raise ValueError(f"unknown status {text!r}; one of: {', '.join(s.name for s in cls)}") from None


STATUS_NAMES = tuple(s.name for s in Status)


def text_field(description: str, default: Any = ..., **kw: Any) -> Any:
    """A Field whose description feeds the generated scenario reference."""
    return Field(default, description=description, **kw)
