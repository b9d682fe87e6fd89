"""The scenarios the game can offer: every ``*.yaml`` in scenarios/ and in
the installed mods (each resolved through ``extends`` and mods' patches),
each with its findings if it is broken, so that a menu can list a broken
scenario in plain words instead of crashing. Abstract templates and patch
files are not scenarios of their own and are not listed."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from game.engine.rules import Rules
from game.content import ROOT
from game.scenario.documents import Document
from game.scenario.findings import Finding, errors
from game.scenario.library import Library
from game.scenario.loader import Loaded, check, rules_from


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
    mod: str | None = None

    @property
    def playable(self) -> bool:
        return self.loaded is not None and self.loaded.ok

    def rules(self) -> Rules:
        assert self.loaded is not None
        return rules_from(self.loaded)

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "start": self.start, "end": self.end,
                "powers": self.powers, "playable": self.playable, "path": _rel(self.path), "mod": self.mod,
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


def _entry(lib: Library, doc: Document) -> Entry:
    loaded = check(lib.resolve(doc))
    mod = lib.mod_for(doc)
    mod_id = mod.id if mod else None
    sc = loaded.scenario
    if sc is None:
        data = loaded.data if isinstance(loaded.data, dict) else (doc.data if isinstance(doc.data, dict) else {})
        title = data.get("title")
        return Entry(doc.label, doc.path, title if isinstance(title, str) else doc.path.stem,
                     findings=loaded.findings, loaded=loaded, mod=mod_id)
    playable = [p for p, power in sc.powers.items() if power.playable]
    return Entry(sc.id, doc.path, sc.title, sc.start.isoformat(), sc.end.isoformat(), playable, sc.summary,
                 loaded.findings, loaded, mod_id)


def entry_for(path: Path, extra_dirs: Iterable[Path] = ()) -> Entry:
    lib = Library.for_game(extra_dirs)
    return _entry(lib, lib.document(path))


def catalog(extra_dirs: Iterable[Path] = (), library: Library | None = None) -> list[Entry]:
    """Every scenario that can be listed: scenarios/ first, then each mod's, in load order."""
    lib = library if library is not None else Library.for_game(extra_dirs)
    return [_entry(lib, doc) for doc in lib.scenario_docs() if not doc.abstract]


def find(scenario_id: str, extra_dirs: Iterable[Path] = (), library: Library | None = None) -> Entry | None:
    """The scenario with this id (a template comes back unplayable, saying why)."""
    lib = library if library is not None else Library.for_game(extra_dirs)
    doc = lib.by_id.get(scenario_id)
    if doc is None:
        return None
    entry = _entry(lib, doc)
    if doc.abstract:
        entry.findings = [doc.source.finding(("abstract",), "I009", f"'{scenario_id}' is an abstract template: it "
                                             "cannot be played, only extended"), *entry.findings]
        entry.loaded = None
    return entry
