"""Clauses as value objects: a clause type id and its parameters.

They read like python-chess moves: ``Clause.parse("credits(amount=200)")``
round-trips through ``str()``, and ``repr()`` can be pasted back as code.
A package is a tuple of clauses with at most one of each type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

ParamValue = float | str

_CLAUSE = re.compile(r"^\s*([a-z][a-z0-9_]*)\s*(?:\((.*)\))?\s*$")


class ClauseError(ValueError):
    """A clause written wrongly (unknown type, bad parameter)."""


def _norm(value: object) -> ParamValue:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        f = float(value)
        return f
    return str(value)


def _fmt(value: ParamValue) -> str:
    return f"{value:g}" if isinstance(value, float) else value


@dataclass(frozen=True, order=True)
class Clause:
    """One article of a treaty: ``Clause("credits", (("amount", 200.0),))``."""

    type: str
    params: tuple[tuple[str, ParamValue], ...] = ()

    @classmethod
    def of(cls, type_: str, params: Mapping[str, object] | None = None) -> "Clause":
        items = tuple(sorted((k, _norm(v)) for k, v in (params or {}).items()))
        return cls(type_, items)

    @classmethod
    def parse(cls, text: str) -> "Clause":
        m = _CLAUSE.match(text)
        if not m:
            raise ClauseError(f"cannot read clause {text!r}; write it like credits(amount=200) or renounce_claims")
        params: dict[str, object] = {}
        if m.group(2) and m.group(2).strip():
            for part in m.group(2).split(","):
                if "=" not in part:
                    raise ClauseError(f"parameter {part.strip()!r} in {text!r} needs a value, like amount=200")
                key, raw = (s.strip() for s in part.split("=", 1))
                if not re.match(r"^[a-z][a-z0-9_]*$", key) or not raw:
                    raise ClauseError(f"bad parameter {part.strip()!r} in {text!r}")
                try:
                    params[key] = float(raw)
                except ValueError:
                    params[key] = raw
        return cls.of(m.group(1), params)

    @property
    def param_dict(self) -> dict[str, ParamValue]:
        return dict(self.params)

    def get(self, name: str, default: ParamValue | None = None) -> ParamValue | None:
        for k, v in self.params:
            if k == name:
                return v
        return default

    def __str__(self) -> str:
        if not self.params:
            return self.type
        return f"{self.type}(" + ", ".join(f"{k}={_fmt(v)}" for k, v in self.params) + ")"

    def __repr__(self) -> str:
        return f"Clause.parse({str(self)!r})"


Package = tuple[Clause, ...]


def package(clauses: Iterable[Clause]) -> Package:
    """A package in canonical order (by type); duplicate types are an error."""
    out = tuple(sorted(clauses, key=lambda c: c.type))
    types = [c.type for c in out]
    dup = {t for t in types if types.count(t) > 1}
    if dup:
        raise ClauseError(f"a treaty can hold one clause of each type; repeated: {', '.join(sorted(dup))}")
    return out


def parse_package(text: str) -> Package:
    """``"trade_agreement + credits(amount=100)"`` -> a package."""
    parts = [p for p in re.split(r"\s*\+\s*", text.strip()) if p]
    if not parts:
        raise ClauseError("a proposal needs at least one clause")
    return package(Clause.parse(p) for p in parts)


def package_text(pkg: Package) -> str:
    return " + ".join(str(c) for c in pkg)
