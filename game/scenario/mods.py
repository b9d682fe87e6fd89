"""Mods: folders with a ``mod.yaml`` that add scenarios or patch existing ones.

A mod is found in the project's ``mods/`` folder or in a folder named by
``--mods DIR`` (DIR is a mod itself, or a folder of mods). Its ``mod.yaml``
says who it is and what it needs; every other ``*.yaml`` file beside it is
a scenario (standalone or ``extends:``) or a patch (``patches: ID``).

Mods load in a fixed order: a mod comes after the mods it ``requires`` and
``load_after``, and otherwise in the order of their ids, so that the same
folders always give the same game.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from pydantic import Field, ValidationError

from game.engine.model.common import Id, Strict
from game.content import MODS
from game.scenario.findings import Finding, did_you_mean
from game.scenario.schema_errors import findings_from
from game.scenario.strictyaml import SourceMap, load_file

MANIFEST = "mod.yaml"


class ModsError(ValueError):
    """A ``--mods`` folder that does not exist or holds no mod (bad usage, not a broken mod)."""


class ModManifest(Strict):
    """The ``mod.yaml`` of a mod: who it is and what it needs."""

    id: Id = Field(description="The mod's id: lower case letters, digits and underscores.")
    version: str = Field(pattern=r"^[0-9]+(\.[0-9]+)*([-+][0-9A-Za-z.-]+)?$",
                         description="Its version, like 1.0.0 (three numbers need no quotes; write \"1.0\" in quotes).")
    title: str = Field(min_length=1, description="Its name, as players see it.")
    description: str = Field("", description="A few sentences on what it changes.")
    requires: list[Id] = Field(default_factory=list, description="Mods that must be installed; they load first.")
    load_after: list[Id] = Field(default_factory=list,
                                 description="Mods that, if installed, load before this one (their changes lose to its).")


@dataclass
class Mod:
    """A mod folder with its manifest (None if mod.yaml is broken) and the findings about it."""

    folder: Path
    display: str
    manifest: ModManifest | None
    findings: list[Finding] = field(default_factory=list)
    source: SourceMap | None = None

    @property
    def id(self) -> str:
        return self.manifest.id if self.manifest else self.folder.name

    @property
    def manifest_path(self) -> Path:
        return self.folder / MANIFEST

    def files(self) -> list[Path]:
        """Its scenario and patch files, in name order."""
        return sorted(p for p in self.folder.glob("*.yaml") if p.is_file() and p.name != MANIFEST)


def read_mod(folder: Path, display: str) -> Mod:
    name = f"{display}/{MANIFEST}"
    data, source, findings = load_file(str(folder / MANIFEST), name)
    mod = Mod(folder, display, None, list(findings), source)
    if data is None and findings:
        return mod
    if not isinstance(data, dict):
        mod.findings.append(source.finding((), "S003", "mod.yaml is a mapping of keys (id:, version:, title: ...)"))
        return mod
    if isinstance(data.get("version"), (int, float)) and not isinstance(data.get("version"), bool):
        mod.findings.append(source.finding(("version",), "S003",
                                           f"version: write it as text with three numbers, like 1.0.0, or in "
                                           f"quotes (\"{data['version']}\"): 1.10 written as a number is 1.1"))
        data = {**data, "version": "0"}
    try:
        mod.manifest = ModManifest.model_validate(data)
    except ValidationError as e:
        mod.findings += findings_from(e, data, source, ModManifest)
    return mod


def mod_folders(dirs: Iterable[Path]) -> list[Path]:
    """The mod folders in ``dirs``: a folder with mod.yaml, or the folders inside with one."""
    out: list[Path] = []
    for d in dirs:
        if (d / MANIFEST).is_file():
            out.append(d)
        elif d.is_dir():
            out += sorted(p for p in d.iterdir() if (p / MANIFEST).is_file())
    return out


def scenario_dirs_for(mods: Sequence[str]) -> list[Path]:
    """The mod folders named by ``--mods`` options; ModsError if one names no mod."""
    out: list[Path] = []
    for m in mods:
        d = Path(m)
        if not d.is_dir():
            what = "is a file, not a mod's folder" if d.exists() else "there is no such folder"
            raise ModsError(f"--mods {m}: {what}")
        found = mod_folders([d])
        if not found:
            raise ModsError(f"--mods {m}: no {MANIFEST} there, and no folder inside it has one")
        out += [f for f in found if f.resolve() not in {o.resolve() for o in out}]
    return out


def _display(folder: Path) -> str:
    from game.scenario.documents import display_name
    return display_name(folder)


def load_order(mods: list[Mod]) -> tuple[list[Mod], list[Finding]]:
    """Mods sorted so each comes after what it requires and loads after, then by id."""
    findings: list[Finding] = []
    by_id: dict[str, Mod] = {}
    for m in sorted(mods, key=lambda m: (m.id, m.display)):
        if m.id in by_id:
            findings.append(_at(m, ("id",), "D003", f"two mods have the id '{m.id}': {by_id[m.id].display} "
                                                    f"and {m.display}; only the first is used"))
            continue
        by_id[m.id] = m
    after: dict[str, set[str]] = {i: set() for i in by_id}
    for m in by_id.values():
        man = m.manifest
        if man is None:
            continue
        for i, req in enumerate(man.requires):
            if req not in by_id:
                findings.append(_at(m, ("requires", i), "D001",
                                    f"the mod '{m.id}' requires the mod '{req}', which is not installed"
                                    f"{did_you_mean(req, by_id)}"))
            elif req != m.id:
                after[m.id].add(req)
        for other in man.load_after:
            if other in by_id and other != m.id:
                after[m.id].add(other)
    order: list[Mod] = []
    ready = [mid for mid, deps in after.items() if not deps]
    heapq.heapify(ready)
    waiting = {mid: set(deps) for mid, deps in after.items() if deps}
    while ready:
        done = heapq.heappop(ready)
        order.append(by_id[done])
        for mid, deps in list(waiting.items()):
            deps.discard(done)
            if not deps:
                del waiting[mid]
                heapq.heappush(ready, mid)
    for mid in sorted(waiting):
        m = by_id[mid]
        circle = ", ".join(sorted(waiting))
        field_ = "requires" if m.manifest and m.manifest.requires else "load_after"
        findings.append(_at(m, (field_,), "D002", f"the mods {circle} require or load after each other in a circle; "
                                                  "they load in the order of their ids"))
        order.append(m)
    return order, findings


def _at(mod: Mod, path: tuple[object, ...], code: str, message: str) -> Finding:
    source = mod.source or SourceMap(f"{mod.display}/{MANIFEST}")
    return source.finding(path, code, message)


@dataclass
class ModSet:
    """The installed mods in load order (``mods``), every mod folder found (``found``,
    a duplicate id included), and what is wrong with them."""

    mods: list[Mod] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    found: list[Mod] = field(default_factory=list)

    @classmethod
    def discover(cls, folders: Iterable[Path]) -> "ModSet":
        seen: set[Path] = set()
        mods: list[Mod] = []
        for f in folders:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                mods.append(read_mod(f, _display(f)))
        ordered, findings = load_order(mods)
        return cls(ordered, [f for m in mods for f in m.findings] + findings, mods)

    def by_folder(self, folder: Path) -> Mod | None:
        key = folder.resolve()
        return next((m for m in self.found if m.folder.resolve() == key), None)

    def findings_for(self, mod: Mod) -> list[Finding]:
        """What is wrong with one mod (its manifest, its requirements, its place in the order)."""
        name = f"{mod.display}/{MANIFEST}"
        return [f for f in self.findings if f.file == name]


def project_mods() -> list[Path]:
    return mod_folders([MODS])
