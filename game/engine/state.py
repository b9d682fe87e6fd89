"""The game state: everything that changes, and nothing that doesn't.

The rules (the scenario) are not part of the state; the state names them by
id. Everything here is plain data that converts to JSON and back exactly,
so that a state can be hashed, saved, cloned and compared. The random
generator's state is part of it.
"""
from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np

from game.engine.clauses import Clause
from game.engine.enums import ConferenceStage, ProposalStatus


@dataclass
class Grievance:
    """A remembered wrong; its weight halves every ``half_life`` days."""

    holder: str
    against: str
    amount: float
    reason: str
    day: str
    half_life: int

    def weight(self, today: dt.date) -> float:
        days = (today - dt.date.fromisoformat(self.day)).days
        return self.amount * 0.5 ** (max(0, days) / self.half_life)


@dataclass
class Treaty:
    id: int
    title: str
    partners: list[str]
    clauses: list[Clause]
    signed: str
    turn: int
    in_force: bool = True
    cancelled: str | None = None
    cancelled_by: str | None = None
    conference: str | None = None
    proposed_by: list[str] = field(default_factory=list)
    flowed: dict[str, float] = field(default_factory=dict)
    #: False for a treaty among other powers (Locarno): then ``partners`` are all its parties and the
    #: hub power is not one of them. Left out of the record when True, so older saves hash the same.
    hub_party: bool = True

    def parties(self, hub: str) -> list[str]:
        """Every party to the treaty, the hub power first when it is one."""
        return [hub, *self.partners] if self.hub_party else list(self.partners)


@dataclass
class Proposal:
    id: int
    sender: list[str]
    receivers: list[str]
    clauses: list[Clause]
    turn: int
    date: str
    title: str = ""
    text: str = ""
    conference: str | None = None
    channel: str | None = None
    reply_to: int | None = None
    status: ProposalStatus = ProposalStatus.PENDING
    delivered: bool = False            # proposals reach the other side when the turn resolves
    answers: dict[str, str] = field(default_factory=dict)
    verdicts: dict[str, dict[str, Any]] = field(default_factory=dict)
    negotiator: str | None = None
    closed_turn: int | None = None

    def involves(self, power: str) -> bool:
        return power in self.sender or power in self.receivers


@dataclass
class ConferenceState:
    state: ConferenceStage = ConferenceStage.NOT_STARTED
    invited: list[str] = field(default_factory=list)
    attending: list[str] = field(default_factory=list)
    walked_out: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    speeches: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class PendingChoice:
    event: str
    chooser: str
    turn: int
    partner: str | None = None      # the other party, for a treaty's obligation


@dataclass
class State:
    scenario: str
    seed: int
    turn: int
    date: str
    rng: dict[str, Any]
    values: dict[str, float]
    personality: dict[str, dict[str, float]]
    leaders: dict[str, str]
    controllers: dict[str, str]
    status_floor: dict[str, int]
    status: dict[str, int]
    missions: dict[str, str]
    treaties: list[Treaty] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    conferences: dict[str, ConferenceState] = field(default_factory=dict)
    grievances: list[Grievance] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    fired: dict[str, int] = field(default_factory=dict)
    objectives_met: dict[str, int] = field(default_factory=dict)
    choices: list[PendingChoice] = field(default_factory=list)
    ended: list[str] = field(default_factory=list)
    news: list[dict[str, Any]] = field(default_factory=list)
    causes: list[dict[str, Any]] = field(default_factory=list)
    ledger: list[dict[str, Any]] = field(default_factory=list)
    series: dict[str, list[float]] = field(default_factory=dict)
    series_dates: list[str] = field(default_factory=list)
    finished: bool = False
    end_reason: str = ""
    next_id: int = 1
    #: Powers that have broken off relations with the hub power (left out of the record when empty).
    broken: list[str] = field(default_factory=list)
    #: Powers renamed by a ``rename`` effect: power -> {"name", "adjective"} (left out of the record when empty).
    names: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def today(self) -> dt.date:
        return dt.date.fromisoformat(self.date)

    def new_id(self) -> int:
        n = self.next_id
        self.next_id += 1
        return n

    # --- JSON round trip -------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data (shares lists with the state: copy before changing it)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name in ("treaties", "proposals"):
                v = [_record(x) for x in v]
            elif f.name == "conferences":
                v = {k: c.__dict__ for k, c in v.items()}
            elif f.name == "grievances":
                v = [x.__dict__ for x in v]
            elif f.name == "choices":     # a partner only for obligations: older saves and hashes stay as they were
                v = [x.__dict__ if x.partner else {k: w for k, w in x.__dict__.items() if k != "partner"} for x in v]
            out[f.name] = v
        if not out["broken"]:
            del out["broken"]          # so that states from before the field keep their hash
        if not out["names"]:
            del out["names"]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "State":
        """The state from plain data; ValueError (or TypeError) if the data is not a state."""
        if not isinstance(data, dict):
            raise ValueError("a state is a mapping")
        d = dict(data)
        for name, kind in _SHAPES.items():
            if name in d and not isinstance(d[name], kind):
                raise ValueError(f"state field {name!r} should be a {kind.__name__ if isinstance(kind, type) else 'number'}")
        d["treaties"] = [Treaty(**{**t, "clauses": [_clause(c) for c in t["clauses"]]}) for t in d["treaties"]]
        d["proposals"] = [Proposal(**{**p, "clauses": [_clause(c) for c in p["clauses"]],
                                      "status": ProposalStatus(p.get("status", "pending"))}) for p in d["proposals"]]
        d["conferences"] = {k: ConferenceState(**{**v, "state": ConferenceStage(v.get("state", "not_started"))})
                            for k, v in d["conferences"].items()}
        d["grievances"] = [Grievance(**g) for g in d["grievances"]]
        d["choices"] = [PendingChoice(**c) for c in d["choices"]]
        known = {f.name for f in fields(cls)}
        unknown = set(d) - known
        if unknown:
            raise ValueError(f"unknown state fields: {', '.join(sorted(unknown))}")
        return cls(**d)

    def clone(self) -> "State":
        return State.from_dict(copy.deepcopy(self.to_dict()))

    def hash(self) -> str:
        """A short, stable digest of everything in the state."""
        blob = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"), allow_nan=False)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


#: The JSON shape of the state's top-level fields (checked when a state is read from data).
_SHAPES: dict[str, Any] = {
    "scenario": str, "seed": int, "turn": int, "date": str, "rng": dict, "values": dict, "personality": dict,
    "leaders": dict, "controllers": dict, "status_floor": dict, "status": dict, "missions": dict,
    "treaties": list, "proposals": list, "conferences": dict, "grievances": list, "flags": list, "fired": dict,
    "objectives_met": dict, "choices": list, "ended": list, "news": list, "causes": list, "ledger": list,
    "series": dict, "series_dates": list, "finished": bool, "end_reason": str, "next_id": int,
    "broken": list, "names": dict,
}


#: Bounds that keep a long campaign's state flat (none of them is reached in a six-month scenario).
NEWS_KEPT = 400                 # the latest news items (treaty, relations and ratification news are kept apart)
NEWS_LASTING = ("treaty", "relations", "ratification", "chain")
LASTING_KEPT = 200              # the latest of those lasting items
PROPOSAL_DAYS_KEPT = 365        # closed proposals (not accepted ones) older than this are dropped
LEDGER_KEPT = 240               # the latest entries of the gold ledger
SERIES_POINTS = 96              # past this, the older half of every chart keeps every other point


def compact(state: State) -> None:
    """Bound what grows with every turn: old news, old closed proposals, the ledger and the charts.

    Accepted proposals stay (the debrief reads why a treaty was signed); the charts are thinned, not cut,
    so that they still run from the first day."""
    if len(state.news) > NEWS_KEPT + LASTING_KEPT:
        lasting = [n for n in state.news if n.get("kind") in NEWS_LASTING][-LASTING_KEPT:]
        rest = [n for n in state.news if n.get("kind") not in NEWS_LASTING][-NEWS_KEPT:]
        keep = {id(n) for n in lasting} | {id(n) for n in rest}
        state.news = [n for n in state.news if id(n) in keep]
    today = state.today
    if any(p.status not in ("pending", "accepted") and (today - dt.date.fromisoformat(p.date)).days > PROPOSAL_DAYS_KEPT
           for p in state.proposals):
        state.proposals = [p for p in state.proposals if p.status in ("pending", "accepted")
                           or (today - dt.date.fromisoformat(p.date)).days <= PROPOSAL_DAYS_KEPT]
    if len(state.ledger) > LEDGER_KEPT:
        del state.ledger[: len(state.ledger) - LEDGER_KEPT]
    if len(state.series_dates) > SERIES_POINTS:
        n = len(state.series_dates)
        drop = set(range(1, n // 2, 2))
        state.series_dates = [d for i, d in enumerate(state.series_dates) if i not in drop]
        for name, points in state.series.items():
            late = n - len(points)          # a chart that began late lines up with the last dates
            state.series[name] = [v for i, v in enumerate(points) if i + late not in drop]


def _record(obj: Treaty | Proposal) -> dict[str, Any]:
    d = dict(obj.__dict__)
    if isinstance(obj, Treaty):
        # Defaults added after saves existed are left out, so that older states keep their hash.
        if d.get("hub_party", True):
            d.pop("hub_party", None)
    d["clauses"] = [{"type": c.type, "params": [list(kv) for kv in c.params]} for c in obj.clauses]
    return d


def _clause(data: Any) -> Clause:
    if isinstance(data, Clause):
        return data
    return Clause(data["type"], tuple((k, v) for k, v in data["params"]))


def _plain(obj: Any) -> Any:
    """asdict() output made JSON-exact: clauses as dicts, numpy scalars as Python numbers."""
    if isinstance(obj, dict):
        if set(obj) == {"type", "params"} and isinstance(obj["params"], tuple):
            return {"type": obj["type"], "params": [[k, _plain(v)] for k, v in obj["params"]]}
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, np.floating):
        return float(obj)
    if isinstance(obj, np.integer):
        return int(obj)
    return obj


def new_rng_state(seed: int) -> dict[str, Any]:
    return _plain(np.random.Generator(np.random.PCG64(seed)).bit_generator.state)


class Rng:
    """The game's generator, borrowed from the state and written back after use."""

    def __init__(self, state: State) -> None:
        self._state = state
        bg = np.random.PCG64()
        bg.state = state.rng
        self.gen = np.random.Generator(bg)

    def __enter__(self) -> np.random.Generator:
        return self.gen

    def __exit__(self, *exc: object) -> None:
        self._state.rng = _plain(self.gen.bit_generator.state)
