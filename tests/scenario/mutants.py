"""Meaningful mutations of the shipped Genoa scenario, for the test that the
checker and the engine agree: ids swapped for other ids of the same kind
(and for the hub), state values swapped, numbers pushed to 0, negative or
huge, dates moved, keys and list items removed. Seeded, so a mutant is
named by its number and can be replayed.
"""
from __future__ import annotations

import copy
import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from game.paths import ROOT
from game.scenario.strictyaml import load_text

WORK_NAME = "genoa_mutant.yaml"
GENOA = ROOT / "scenarios" / "genoa_rapallo_1922.yaml"
DATA: dict[str, Any] = load_text(GENOA.read_text(encoding="utf-8"), GENOA.name)[0]

POWERS = sorted(DATA["powers"])
HUB = DATA["hub"]
EVENTS = [e["id"] for e in DATA["events"]]
CONFERENCES = sorted(DATA.get("conferences", {}))
CLAUSES = sorted(DATA["clause_types"])
VARS = ["status", "gold", "discontent", "trust", "comintern", "left_out", "prestige", "grievance", "market",
        "credits", "nep_support", "tension", "x"]
NUMBERS = [0, -1, 1, 0.5, -100, 100, 1e6, -1e6, 10**12, 2, 1e-9]


def _nodes(node: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key) pair in the tree."""
    if isinstance(node, dict):
        for k, v in node.items():
            out.append((node, k))
            _nodes(v, out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.append((node, i))
            _nodes(v, out)
    return out


def _swap_string(rng: random.Random, value: str) -> str | None:
    if value in POWERS or value == HUB:
        return rng.choice([HUB, HUB, *POWERS, "observer"])
    if value in EVENTS:
        return rng.choice(EVENTS)
    if value in CONFERENCES:
        return rng.choice(CONFERENCES + POWERS[:2])
    if value in CLAUSES:
        return rng.choice(CLAUSES)
    if "." in value and value.split(".", 1)[0] in (*POWERS, "hub", "partner", "self", "world"):
        owner = rng.choice([value.split(".", 1)[0], "hub", "partner", "self", HUB, rng.choice(POWERS)])
        return f"{owner}.{rng.choice(VARS + [value.split('.', 1)[1]])}"
    if value in VARS:
        return rng.choice(VARS)
    return None


def _key_swap(rng: random.Random, parent: dict[str, Any], key: str) -> None:
    """Rename a mapping key that is an id (a power under objectives, fears, values, personality)."""
    pool = POWERS if key in POWERS else CLAUSES if key in CLAUSES else VARS if key in VARS else None
    if pool is None:
        return
    new = rng.choice(pool + [HUB])
    if new not in parent:
        parent[new] = parent.pop(key)


def mutate(seed: int, steps: int | None = None) -> dict[str, Any]:
    rng = random.Random(seed)
    data = copy.deepcopy(DATA)
    for _ in range(steps or rng.randint(1, 4)):
        nodes = _nodes(data, [])
        parent, key = rng.choice(nodes)
        value = parent[key]
        op = rng.random()
        if isinstance(value, str) and op < 0.8:
            new = _swap_string(rng, value)
            if new is not None:
                parent[key] = new
                continue
        if isinstance(value, bool):
            parent[key] = not value
        elif isinstance(value, (int, float)) and op < 0.8:
            parent[key] = type(value)(rng.choice(NUMBERS)) if isinstance(value, int) and \
                not isinstance(value, bool) and rng.random() < 0.5 else rng.choice(NUMBERS)
        elif isinstance(value, dt.date) and op < 0.8:
            parent[key] = value + dt.timedelta(days=rng.choice([-400, -60, -7, 7, 60, 400, 4000]))
        elif isinstance(parent, dict) and op < 0.5:
            _key_swap(rng, parent, key)
        elif isinstance(value, list) and value and op < 0.7:
            if rng.random() < 0.5:
                value.clear()
            else:
                value.append(copy.deepcopy(rng.choice(value)))
        elif isinstance(parent, dict) and key not in ("id", "hub", "start", "end", "title"):
            del parent[key]
        elif isinstance(parent, list):
            del parent[key]
    return data


def mutant_text(seed: int) -> str:
    return yaml.dump(mutate(seed), Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)


def write_mutant(seed: int, folder: Path) -> Path:
    path = folder / f"mutant_{seed}.yaml"
    path.write_text(mutant_text(seed), encoding="utf-8")
    return path
