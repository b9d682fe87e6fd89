"""Scenarios from YAML: the strict reader, inheritance and mods, validation
into the engine's model, the checker's passes (findings with
file:line:col), and the list of scenarios the game can offer.

The passes run in order: ``strictyaml`` (parse) → ``library`` with
``merge`` and ``mods`` (extends, remove, patches) → ``schema_errors``
(the pydantic model) → ``references`` → ``meaning``; ``loader`` strings
them together. ``catalog`` lists scenarios for the menu, ``reload``
watches files for the window, ``validate`` and ``commands`` serve the
command line, ``schema`` and ``docs`` write editor schemas and the
reference.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from game.errors import UsageError

if TYPE_CHECKING:
    from game.engine.rules import Rules


def mod_dirs(mods: Sequence[str] | None) -> list[Path]:
    """The folders of ``--mods`` options, or a usage error naming the bad one."""
    from game.scenario.mods import ModsError, scenario_dirs_for
    try:
        return scenario_dirs_for(mods or ())
    except ModsError as e:
        raise UsageError(str(e)) from None


def load_rules(scenario_id: str, mods: Sequence[str] = ()) -> "Rules":
    """The rules of a scenario by id or by file path, or a UsageError saying what is wrong."""
    from game.scenario.catalog import catalog, find
    from game.scenario.findings import errors
    extra = mod_dirs(mods)
    if scenario_id.endswith((".yaml", ".yml")) or "/" in scenario_id or "\\" in scenario_id:
        return _rules_from_file(scenario_id, extra)
    entry = find(scenario_id, extra)
    if entry is None:
        known = ", ".join(e.id for e in catalog(extra)) or "none"
        raise UsageError(f"unknown scenario {scenario_id!r}; known: {known}")
    if not entry.playable:
        msgs = "\n".join(str(f) for f in errors(entry.findings)[:20])
        raise UsageError(f"scenario {scenario_id!r} has errors:\n{msgs}")
    return entry.rules()


def _rules_from_file(path: str, extra: Sequence[Path]) -> "Rules":
    from game.scenario.findings import errors
    from game.scenario.loader import ScenarioError, load_scenario, rules_from
    if not Path(path).is_file():
        raise UsageError(f"{path}: there is no such scenario file")
    loaded = load_scenario(path, extra_dirs=extra)
    try:
        return rules_from(loaded)
    except ScenarioError as e:
        msgs = "\n".join(str(f) for f in errors(e.findings)[:20]) or str(e)
        raise UsageError(f"scenario file {path} has errors:\n{msgs}") from None
