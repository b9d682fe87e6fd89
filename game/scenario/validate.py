"""The checker behind ``python main.py validate``: scenario files, scenario
folders and mod folders in, every finding out (sorted by file and line).

A path that does not exist, or holds nothing to check, is a usage problem
(``NothingToCheck``), not a finding: the command exits with status 2.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from game.scenario.documents import Document, read_document
from game.scenario.findings import Finding, errors
from game.scenario.library import Library
from game.scenario.loader import check, tidy
from game.scenario.mods import MANIFEST, mod_folders

SUFFIXES = (".yaml", ".yml")


class NothingToCheck(ValueError):
    """A path given to the checker that does not exist or holds no scenario or mod."""


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return len(errors(self.findings))

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    def summary(self) -> str:
        n = len(self.files)
        what = f"{n} file{'s' if n != 1 else ''}"
        if not self.findings:
            return f"Checked {what}: no errors, no warnings."
        e, w = self.errors, self.warnings
        return f"Checked {what}: {e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''}."


def _targets(paths: Sequence[str]) -> tuple[list[Path], list[Path]]:
    """(mod folders, loose scenario files) named by the paths."""
    mods: list[Path] = []
    files: list[Path] = []
    for text in paths:
        p = Path(text)
        if not p.exists():
            raise NothingToCheck(f"{text}: there is no such file or folder")
        if p.is_file():
            if p.name == MANIFEST:
                mods.append(p.parent)
            elif p.suffix in SUFFIXES:
                files.append(p)
            else:
                raise NothingToCheck(f"{text}: not a YAML file (scenario files end in .yaml)")
            continue
        if not p.is_dir():
            from game.guarded import _not_regular
            raise NothingToCheck(f"{text}: {_not_regular(p.stat().st_mode, 'scenario file')}")
        if (p / MANIFEST).is_file():
            mods.append(p)
            continue
        inside = mod_folders([p])
        loose = sorted(f for f in p.iterdir() if f.is_file() and f.suffix in SUFFIXES)
        if not inside and not loose:
            raise NothingToCheck(f"{text}: no scenario files (*.yaml) and no mods (folders with {MANIFEST}) here")
        mods += inside
        files += loose
    return mods, files


def _check_document(lib: Library, doc: Document) -> list[Finding]:
    if doc.path.resolve() in lib.ignored:
        return [f for f in lib.findings if f.file == doc.display]
    return check(lib.resolve(doc)).findings


def _duplicate_ids(docs: Iterable[Document]) -> list[Finding]:
    seen: dict[str, Document] = {}
    out = []
    for doc in docs:
        sid = doc.id
        if sid is None or doc.is_patch:
            continue
        first = seen.setdefault(sid, doc)
        if first is not doc and first.path.resolve() != doc.path.resolve():
            out.append(doc.source.finding(("id",), "I005", f"the id '{sid}' is also used by {first.display}; "
                                                           "ids must be unique"))
    return out


def validate_paths(paths: Sequence[str], mods: Sequence[Path] = ()) -> Report:
    """Check everything the paths name, with the project's mods and ``mods`` installed."""
    mod_dirs, files = _targets(paths)
    lib = Library.for_game([*mods, *mod_dirs])
    report = Report()
    docs: list[Document] = []
    for folder in mod_dirs:
        mod = lib.modset.by_folder(folder)
        if mod is None:
            continue
        report.files.append(f"{mod.display}/{MANIFEST}")
        report.findings += lib.modset.findings_for(mod)
        docs += [read_document(p) for p in mod.files()]
    docs += [read_document(p) for p in files]
    unique: dict[Path, Document] = {}
    for doc in docs:
        unique.setdefault(doc.path.resolve(), doc)
    for doc in unique.values():
        report.files.append(doc.display)
        report.findings += _check_document(lib, doc)
    report.findings = tidy(report.findings + _duplicate_ids(unique.values()))
    return report
