"""Loading a scenario: the checker's passes in order, ending in validated data.

parse (strict YAML) → inheritance (``extends``, ``remove``, mods' patches)
→ schema (the pydantic model) → references (every id exists) → meaning
(what would not make sense). ``load_scenario`` never raises for a bad file:
it returns every finding, each with its file, line and column.
``load_rules`` is for callers that need a playable scenario and raises
``ScenarioError`` (carrying the findings) otherwise.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from pydantic import ValidationError

from game.engine.model.scenario import Scenario
from game.engine.rules import Rules, RulesError
from game.scenario.assumptions import check_assumptions
from game.scenario.documents import read_document
from game.scenario.findings import Finding, errors
from game.scenario.library import Library, Resolved
from game.scenario.meaning import check_meaning
from game.scenario.references import ReferenceChecker
from game.scenario.schema_errors import findings_from
from game.scenario.strictyaml import SourceMap
from game.scenario.varindex import CheckerVars


class ScenarioError(ValueError):
    """A scenario that cannot be played; ``findings`` says why and where."""

    def __init__(self, path: str, findings: list[Finding]) -> None:
        self.path = path
        self.findings = findings
        first = errors(findings)[:1] or findings[:1]
        super().__init__(str(first[0]) if first else f"{path}: cannot be loaded")


@dataclass
class Loaded:
    """A scenario after every pass: the model if the schema accepted it, and all findings.

    ``files`` lists every file it was built from (itself, what it extends,
    mods' patches and their mod.yaml), for reloading after an edit.
    """

    path: str
    scenario: Scenario | None
    findings: list[Finding] = field(default_factory=list)
    content_hash: str = ""
    data: Any = None
    source: SourceMap | None = None
    files: list[Path] = field(default_factory=list)
    abstract: bool = False
    mods: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not self.abstract and not errors(self.findings)


def content_hash(scenario: Scenario) -> str:
    blob = json.dumps(scenario.model_dump(mode="json", by_alias=True), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def validate_data(data: Any, source: SourceMap) -> tuple[Scenario | None, list[Finding]]:
    """Schema, references and meaning, on already-parsed (and merged) data."""
    if not isinstance(data, dict):
        return None, [source.finding((), "S003", "a scenario file is a mapping of keys (id:, title:, powers: ...)")]
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as e:
        return None, findings_from(e, data, source, Scenario)
    return scenario, run_passes(scenario, source)


def _references(scenario: Scenario, source: SourceMap, vars: CheckerVars) -> list[Finding]:
    return ReferenceChecker(scenario, source, vars).run()


#: The checker's passes after the schema, in order: each takes the scenario, its source map and the
#: index of state values, and returns findings. A new pass (the classroom's roles) appends itself here.
PASSES: list[Callable[[Scenario, SourceMap, CheckerVars], list[Finding]]] = [
    _references, check_assumptions, check_meaning]


def run_passes(scenario: Scenario, source: SourceMap) -> list[Finding]:
    vars = CheckerVars(scenario)
    out: list[Finding] = []
    for check_pass in PASSES:
        out += check_pass(scenario, source, vars)
    return out


def tidy(findings: Iterable[Finding]) -> list[Finding]:
    """Sorted, without repeats, and without a later pass's finding at the place a parse error already marks."""
    unique = set(findings)
    parsed = {(f.file, f.line, f.col) for f in unique if f.code.startswith("P")}
    return sorted(f for f in unique if f.code.startswith("P") or (f.file, f.line, f.col) not in parsed)


def check(resolved: Resolved, display: str | None = None) -> Loaded:
    """Run schema, references and meaning on a resolved scenario."""
    name = display or resolved.doc.display
    loaded = Loaded(name, None, list(resolved.findings), files=list(resolved.files),
                    abstract=resolved.abstract, mods=list(resolved.mods))
    tree = resolved.tree
    if tree is None:
        loaded.findings = tidy(loaded.findings)
        return loaded
    loaded.data, loaded.source = tree.data, tree.source
    if not resolved.abstract:  # a template may leave out what its children fill in
        loaded.scenario, more = validate_data(tree.data, tree.source)
        loaded.findings += more
    loaded.findings = tidy(loaded.findings)
    if loaded.scenario is not None:
        loaded.content_hash = content_hash(loaded.scenario)
    return loaded


def load_scenario(path: str | Path, display: str | None = None, extra_dirs: Iterable[Path] = (),
                  library: Library | None = None) -> Loaded:
    """Every pass on one scenario file, with what it extends and the mods that patch it."""
    lib = library if library is not None else Library.for_game(extra_dirs)
    doc = read_document(Path(path), display)
    return check(lib.resolve(doc), display)


def load_scenario_text(text: str, path: str | Path, extra_dirs: Iterable[Path] = (),
                       library: Library | None = None) -> Loaded:
    """Every pass on text not (yet) saved, as if it were the file at ``path``."""
    lib = library if library is not None else Library.for_game(extra_dirs)
    return check(lib.resolve_text(text, Path(path)))


def rules_from(loaded: Loaded) -> Rules:
    if not loaded.ok or loaded.scenario is None:
        raise ScenarioError(loaded.path, loaded.findings)
    try:
        return Rules(loaded.scenario, loaded.content_hash)
    except RulesError as e:
        raise ScenarioError(loaded.path, [*loaded.findings, Finding(loaded.path, 1, 1, "S005", str(e))]) from None


def load_rules(path: str | Path, extra_dirs: Iterable[Path] = ()) -> Rules:
    return rules_from(load_scenario(path, extra_dirs=extra_dirs))
