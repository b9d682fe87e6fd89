"""Small helpers every view-model shares: dates, numbers, names, clause
texts for people, and the history of a value."""
from __future__ import annotations

import datetime as dt
from typing import Any

from game.engine.clauses import Clause, Package
from game.engine.rules import Rules
from game.engine.state import State

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def date_text(iso: str) -> str:
    """``1922-04-16`` -> ``16 April 1922``."""
    try:
        d = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def short_date(iso: str) -> str:
    try:
        d = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    return f"{d.day} {MONTHS[d.month - 1][:3]}"


def num(value: float, digits: int = 0) -> str:
    """A number as players read it: thousands separated, no needless decimals."""
    if value != value:  # NaN
        return "?"
    if digits == 0:
        return f"{value:,.0f}".replace("-", "\u2212")
    return f"{value:,.{digits}f}".replace("-", "\u2212")


def signed(value: float) -> str:
    return ("+" if value > 0 else "") + num(value)


def power_name(rules: Rules, pid: str, state: State | None = None) -> str:
    """The name players read now (given the state, a ``rename`` effect counts)."""
    p = rules.scenario.powers.get(pid)
    return rules.power_name(pid, state) if p else pid.replace("_", " ").title()


def names(rules: Rules, pids: list[str] | tuple[str, ...], state: State | None = None) -> str:
    return ", ".join(power_name(rules, p, state) for p in pids)


def humanise(ident: str) -> str:
    return str(ident).replace("_", " ")


def var_def(rules: Rules, name: str) -> Any | None:
    return rules.vars.defs.get(name)


def var_title(rules: Rules, name: str) -> str:
    d = var_def(rules, name)
    return d.title if d else humanise(name.split(".")[-1])


def var_description(rules: Rules, name: str) -> str:
    d = var_def(rules, name)
    return d.description if d else ""


def series(state: State, name: str) -> list[float]:
    return list(state.series.get(name, []))


def last_change(state: State, name: str) -> float | None:
    """The change of a charted value over the last turn, if it is charted."""
    s = state.series.get(name)
    if not s or len(s) < 2:
        return None
    return float(s[-1] - s[-2])


def param_text(rules: Rules, clause_type: str, name: str, value: Any) -> str:
    p = rules.clause_type(clause_type).params[name]
    if p.choices is not None:
        return humanise(value)
    unit = f" {p.unit}" if p.unit else ""
    return f"{num(float(value))}{unit}"


def clause_text(rules: Rules, clause: Clause, with_params: bool = True) -> str:
    """``credits(amount=100, guarantee=private)`` -> ``Credits and loans (amount 100 million gold rubles, private)``."""
    ct = rules.scenario.clause_types.get(clause.type)
    if ct is None:   # a term of talks among the other powers has a title and no parameters
        return rules.clause_title(clause.type) if clause.type in rules.side_terms else str(clause)
    if not with_params or not ct.params:
        return ct.title
    parts = []
    for name, p in ct.params.items():
        value = clause.get(name, p.default)
        title = (p.title or humanise(name)).lower()
        text = param_text(rules, clause.type, name, value)
        parts.append(text if p.choices is not None else f"{title} {text}")
    return f"{ct.title} ({', '.join(parts)})"


def package_words(rules: Rules, pkg: Package | list[Clause]) -> str:
    return "; ".join(clause_text(rules, c) for c in pkg) or "\u2014"
