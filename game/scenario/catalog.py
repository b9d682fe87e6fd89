"""The scenarios the game can offer: every ``*.yaml`` in scenarios/ (and,
through ``extra_dirs``, in mods), each with its findings if it is broken,
so that a menu can list a broken scenario in plain words instead of
crashing."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from game.paths import ROOT, SCENARIOS
from game.scenario.findings import Finding, errors
from game.scenario.loader import Loaded, load_scenario, rules_from
from game.engine.rules import Rules


@dataclass
class Entry:
    id: str
    path: Path
    title: str = ""
    start: str = ""
    end: str = ""
    powers: list[str] = field(default_factory=list)
    summary: str = ""
    findings: list[Finding] = field(default_factory=list)
    loaded: Loaded | None = None

    @property
    def playable(self) -> bool:
        return self.loaded is not None and self.loaded.ok

    def rules(self) -> Rules:
        assert self.loaded is not None
        return rules_from(self.loaded)

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "start": self.start, "end": self.end,
                "powers": self.powers, "playable": self.playable, "path": _rel(self.path),
                "errors": [str(f) for f in errors(self.findings)]}


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def scenario_files(dirs: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        if d.is_dir():
            files += sorted(p for p in d.glob("*.yaml") if p.is_file())
    return files


def entry_for(path: Path) -> Entry:
    loaded = load_scenario(path, _rel(path))
    sc = loaded.scenario
    if sc is None:
        data = loaded.data if isinstance(loaded.data, dict) else {}
        return Entry(str(data.get("id") or path.stem), path, str(data.get("title") or path.stem),
                     findings=loaded.findings, loaded=loaded)
    playable = [p for p, power in sc.powers.items() if power.playable]
    return Entry(sc.id, path, sc.title, sc.start.isoformat(), sc.end.isoformat(), playable, sc.summary,
                 loaded.findings, loaded)


def catalog(extra_dirs: Iterable[Path] = ()) -> list[Entry]:
    return [entry_for(p) for p in scenario_files([SCENARIOS, *extra_dirs])]


def find(scenario_id: str, extra_dirs: Iterable[Path] = ()) -> Entry | None:
    path = SCENARIOS / f"{scenario_id}.yaml"
    if path.is_file():
        e = entry_for(path)
        if e.id == scenario_id:
            return e
    for e in catalog(extra_dirs):
        if e.id == scenario_id:
            return e
    return None
