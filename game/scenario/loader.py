"""Loading a scenario file: strict YAML, then the schema, then references.

``load_scenario`` never raises for a bad file: it returns the findings,
each with its place. ``load_rules`` is for callers that need a playable
scenario and raises ``ScenarioError`` (carrying the findings) otherwise.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.engine.model.scenario import Scenario
from game.engine.rules import Rules
from game.scenario.findings import Finding, errors
from game.scenario.references import ReferenceChecker
from game.scenario.schema_errors import findings_from
from game.scenario.strictyaml import SourceMap, load_file


class ScenarioError(ValueError):
    """A scenario that cannot be played; ``findings`` says why and where."""

    def __init__(self, path: str, findings: list[Finding]) -> None:
        self.path = path
        self.findings = findings
        first = errors(findings)[:1] or findings[:1]
        super().__init__(str(first[0]) if first else f"{path}: cannot be loaded")


@dataclass
class Loaded:
    path: str
    scenario: Scenario | None
    findings: list[Finding] = field(default_factory=list)
    content_hash: str = ""
    data: Any = None
    source: SourceMap | None = None

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not errors(self.findings)


def content_hash(scenario: Scenario) -> str:
    blob = json.dumps(scenario.model_dump(mode="json", by_alias=True), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def validate_data(data: Any, source: SourceMap) -> tuple[Scenario | None, list[Finding]]:
    """Schema then references, on already-parsed data."""
    if not isinstance(data, dict):
        return None, [source.finding((), "S003", "a scenario file is a mapping of keys (id:, title:, powers: ...)")]
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as e:
        return None, findings_from(e, data, source, Scenario)
    return scenario, ReferenceChecker(scenario, source).run()


def load_scenario(path: str | Path, display: str | None = None) -> Loaded:
    name = display or str(path)
    data, source, findings = load_file(str(path), name)
    if data is None or errors(findings):
        return Loaded(name, None, findings, data=data, source=source)
    scenario, more = validate_data(data, source)
    findings = sorted(set(findings + more))
    loaded = Loaded(name, scenario, findings, data=data, source=source)
    if scenario is not None:
        loaded.content_hash = content_hash(scenario)
    return loaded


def rules_from(loaded: Loaded) -> Rules:
    if not loaded.ok or loaded.scenario is None:
        raise ScenarioError(loaded.path, loaded.findings)
    return Rules(loaded.scenario, loaded.content_hash)


def load_rules(path: str | Path) -> Rules:
    return rules_from(load_scenario(path))
