"""Loading a scenario: the checker's passes in order, ending in validated data.

parse (strict YAML) → inheritance (``extends``, ``remove``, mods' patches)
→ schema (the pydantic model) → references (every id exists) → the
engine's assumptions (so a file that passes also runs) → meaning (what
would not make sense). ``load_scenario`` never raises for a bad file:
it returns every finding, each with its file, line and column.
``load_rules`` is for callers that need a playable scenario and raises
``ScenarioError`` (carrying the findings) otherwise.
"""
from __future__ import annotations

import copy
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
from game.scenario.roles_pass import check_roles
from game.scenario.sidetalks_pass import check_side_talks
from game.scenario.schema_errors import _data_path, findings_from
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
        schema = findings_from(e, data, source, Scenario)
        return None, schema + salvaged_references(data, source, e, schema)
    return scenario, run_passes(scenario, source)


_SALVAGE_ROUNDS = 6


def salvaged_references(data: dict[str, Any], source: SourceMap, err: ValidationError,
                        schema: list[Finding]) -> list[Finding]:
    """Reference findings on the well-formed rest of a file with schema errors, so a modder sees them all
    in one run: the broken pieces are cut out (the value, or its mapping when a key is missing) until the
    rest validates; findings that only follow from a cut (an id whose entry was cut) are left out."""
    work = copy.deepcopy(data)
    cut: set[str] = set()
    for _ in range(_SALVAGE_ROUNDS):
        for e in err.errors(include_url=False):
            path = _data_path(tuple(e["loc"]), work)
            if e["type"] == "missing" or len(path) > 0 and e["type"] in ("unknown_condition", "unknown_effect"):
                path = path[:-1]
            if not _cut(work, path, cut):
                return []
        try:
            scenario = Scenario.model_validate(work)
            break
        except ValidationError as again:
            err = again
    else:
        return []
    vars = CheckerVars(scenario)
    marked = {(f.file, f.line, f.col) for f in schema}
    out = []
    for f in _references(scenario, source, vars) + check_assumptions(scenario, source, vars):
        if (f.file, f.line, f.col) in marked or any(f"'{c}'" in f.message for c in cut):
            continue
        out.append(f)
    return out


def _cut(data: Any, path: tuple[Any, ...], cut: set[str]) -> bool:
    """Remove the value at ``path`` (or the smallest entry holding it that may be removed)."""
    while len(path) >= 2 or (len(path) == 1 and path[0] not in _REQUIRED):
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part] if isinstance(parent, dict) and part in parent or \
                isinstance(parent, list) and isinstance(part, int) and part < len(parent) else None
        last = path[-1]
        if isinstance(parent, dict) and last in parent:
            removed = parent.pop(last)
        elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
            removed = parent.pop(last)
        else:
            return True  # already gone with an earlier cut
        if len(path) == 2 and isinstance(last, str):
            cut.add(last)
        if isinstance(removed, dict) and isinstance(removed.get("id"), str):
            cut.add(removed["id"])
        return True
    return False


_REQUIRED = {"id", "title", "start", "end", "hub", "powers", "clause_types"}


def _references(scenario: Scenario, source: SourceMap, vars: CheckerVars) -> list[Finding]:
    return ReferenceChecker(scenario, source, vars).run()


#: The checker's passes after the schema, in order: each takes the scenario, its source map and the
#: index of state values, and returns findings. A new pass (the classroom's roles) appends itself here.
PASSES: list[Callable[[Scenario, SourceMap, CheckerVars], list[Finding]]] = [
    _references, check_assumptions, check_meaning,
    lambda scenario, source, vars: check_roles(scenario, source),
    lambda scenario, source, vars: check_side_talks(scenario, source)]


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
        # the reader already said what is wrong with a bad date or number: the schema's word on the same
        # value would say it twice
        read = {(f.file, f.line, f.col) for f in loaded.findings if f.code == "S003"}
        loaded.findings += [f for f in more if not (f.code == "S003" and (f.file, f.line, f.col) in read)]
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
