"""The ledger as data: series over time for the economy and for each
power's attitudes, the gold account line by line, and the objectives."""
from __future__ import annotations

from dataclasses import dataclass

from game.engine.rules import Rules
from game.engine.observe import observe
from game.engine.state import State
from game.i18n import S
from game.ui.viewmodels.common import power_name, short_date, var_title
from game.ui.viewmodels.world import short_name

ECONOMY = ("trade", "output", "famine", "discontent", "nep_support", "prestige", "harvest", "comintern")
ATTITUDES = ("trust", "closeness", "left_out", "fear_of_revolution", "commercial_interest", "mood", "status")


@dataclass(frozen=True)
class SeriesVM:
    id: str
    name: str
    values: tuple[float, ...]
    tooltip: str


@dataclass(frozen=True)
class ChartVM:
    title: str
    dates: tuple[str, ...]
    series: tuple[SeriesVM, ...]
    bounds: tuple[float, float] | None


@dataclass(frozen=True)
class ObjectiveVM:
    title: str
    points: float
    met: bool
    text: str


def _series(rules: Rules, state: State, name: str, label: str) -> SeriesVM | None:
    vals = state.series.get(name)
    if not vals:
        return None
    v = tuple(float(x) for x in vals)
    tip = S["ui.ledger.series.tip"].format(name=label, first=v[0], last=v[-1], low=min(v), high=max(v))
    return SeriesVM(name, label, v, tip)


def gold_chart(rules: Rules, state: State) -> ChartVM:
    s = _series(rules, state, f"{rules.hub}.gold", var_title(rules, f"{rules.hub}.gold"))
    return ChartVM(var_title(rules, f"{rules.hub}.gold"), tuple(state.series_dates), (s,) if s else (), None)


def economy_chart(rules: Rules, state: State, which: tuple[str, ...] = ECONOMY) -> ChartVM:
    series = tuple(x for x in (_series(rules, state, f"{rules.hub}.{v}", short_name(rules, f"{rules.hub}.{v}"))
                               for v in which) if x)
    return ChartVM(S["ui.ledger.economy"], tuple(state.series_dates), series, (0.0, 100.0))


def attitude_chart(rules: Rules, state: State, attitude: str) -> ChartVM:
    series = tuple(x for x in (_series(rules, state, f"{p}.{attitude}", power_name(rules, p, state)) for p in rules.partners)
                   if x)
    if attitude == "status":
        return ChartVM(S["ui.ledger.status"], tuple(state.series_dates), series, (0.0, 3.0))
    title = var_title(rules, f"{rules.partners[0]}.{attitude}") if rules.partners else attitude
    return ChartVM(title, tuple(state.series_dates), series, (0.0, 100.0))


def attitude_options(rules: Rules) -> list[tuple[str, str]]:
    out = []
    for a in ATTITUDES:
        if a == "status":
            out.append((a, S["ui.short.status"]))
        elif rules.partners:
            out.append((a, var_title(rules, f"{rules.partners[0]}.{a}")))
    return out


def gold_account(rules: Rules, state: State, limit: int = 40) -> list[str]:
    """The movements of the hub's gold, summed by turn and cause, newest first."""
    rows: dict[tuple[str, str], float] = {}
    order: list[tuple[str, str]] = []
    for entry in state.ledger:
        if entry.get("power") != rules.hub:
            continue
        key = (entry["date"], entry["label"])
        if key not in rows:
            order.append(key)
            rows[key] = 0.0
        rows[key] += float(entry["amount"])
    out = []
    for key in reversed(order):
        amount = rows[key]
        if abs(amount) < 0.05:
            continue
        out.append(S["ui.ledger.gold.line"].format(date=short_date(key[0]), amount=amount, label=key[1]))
        if len(out) >= limit:
            break
    return out


def objective_rows(rules: Rules, state: State, power: str) -> list[ObjectiveVM]:
    """The power's objectives as its own seat reads them (another power's only once the game is over)."""
    out = []
    for o in observe(rules, state, power)["objectives"].get(power, []):
        mark = "\u00d7" if o["met"] else " "
        out.append(ObjectiveVM(o["title"], o["points"], o["met"],
                               S["ui.ledger.objective"].format(mark=mark, title=o["title"], points=o["points"])))
    return out
