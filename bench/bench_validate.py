"""Checker speed: every pass (parse, inheritance, schema, references, meaning)
on the largest shipped scenario, read from disk afresh each run (no cache),
and the whole catalog as the game's menu builds it.

    python -m bench.bench_validate
"""
from __future__ import annotations

from pathlib import Path

from bench.common import ROOT, machine, median_ms, report
from game.scenario.catalog import catalog
from game.scenario.documents import clear_cache
from game.scenario.loader import load_scenario

RUNS = 15


def largest_scenario() -> Path:
    files = [*(ROOT / "scenarios").glob("*.yaml"), *(ROOT / "mods").glob("*/*.yaml")]
    return max((f for f in files if f.name != "mod.yaml"), key=lambda f: f.stat().st_size)


def validate_once(path: Path) -> None:
    clear_cache()
    loaded = load_scenario(path)
    assert loaded.scenario is not None, [str(f) for f in loaded.findings[:3]]


def catalog_once() -> None:
    clear_cache()
    assert catalog()


def main() -> list[str]:
    path = largest_scenario()
    size_kb = path.stat().st_size / 1024
    validate_once(path)  # warm imports
    ms = median_ms(lambda: validate_once(path), RUNS)
    lines = [report(f"validate {path.name} ({size_kb:.0f} KB), median of {RUNS}", ms, "ms", "< 500 ms", ms < 500)]
    ms = median_ms(catalog_once, 5)
    lines.append(report("catalog of every scenario and mod, median of 5", ms, "ms", "< 1000 ms", ms < 1000))
    return lines


if __name__ == "__main__":
    print(f"machine: {machine()}")
    main()
