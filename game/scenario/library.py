"""The set of scenario files the game can see, and inheritance across them.

A ``Library`` gathers the scenario folders (the project's ``scenarios/``
and any others) and the installed mods in load order, indexes every
scenario by id, and resolves one into plain merged data: its ``extends``
chain first (parent before child), then every mod's patches in load
order. Missing parents, circles, bad ``remove:`` paths, duplicate ids and
two mods changing the same key come back as findings, never exceptions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from game.content import SCENARIOS
from game.scenario.documents import Document, display_name, read_document
from game.scenario.findings import Finding, did_you_mean
from game.scenario.merge import Logical, Touch, Tree, dotted, merge, strip_meta
from game.scenario.mods import MANIFEST, Mod, ModSet, project_mods
from game.scenario.strictyaml import load_text


@dataclass
class Resolved:
    """A scenario's merged data, ready for the schema (``tree`` is None if it cannot be built)."""

    doc: Document
    tree: Tree | None
    findings: list[Finding] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    abstract: bool = False
    mods: list[str] = field(default_factory=list)


@dataclass
class _Patch:
    mod: Mod
    doc: Document


class Library:
    """Scenario folders plus mods: every scenario by id, and how to resolve one."""

    def __init__(self, scenario_dirs: Sequence[Path] = (SCENARIOS,), mod_dirs: Sequence[Path] = ()) -> None:
        self.scenario_dirs = _unique(scenario_dirs)
        self.modset = ModSet.discover(mod_dirs)
        self.documents: list[tuple[Document, Mod | None]] = []
        for d in self.scenario_dirs:
            if d.is_dir():
                self.documents += [(read_document(p), None) for p in sorted(d.glob("*.yaml")) if p.is_file()]
        for m in self.modset.mods:
            self.documents += [(read_document(p), m) for p in m.files()]
        self.findings: list[Finding] = list(self.modset.findings)
        self.by_id: dict[str, Document] = {}
        self.mod_of: dict[Path, Mod | None] = {}
        self.patches: dict[str, list[_Patch]] = {}
        self._index()
        self._memo: dict[Path, Resolved] = {}

    @classmethod
    def for_game(cls, extra_dirs: Iterable[Path] = ()) -> "Library":
        """The project's scenarios and mods, plus extra folders (mods, or plain scenario folders)."""
        extra = list(extra_dirs)
        mods = project_mods() + [d for d in extra if (d / MANIFEST).is_file()]
        plain = [d for d in extra if not (d / MANIFEST).is_file()]
        return cls([SCENARIOS, *plain], mods)

    def _index(self) -> None:
        self.ignored: set[Path] = set()
        for doc, mod in self.documents:
            self.mod_of[_key(doc.path)] = mod
            if doc.is_patch:
                self._index_patch(doc, mod)
                continue
            if mod is not None and doc.data is not None and not (
                    isinstance(doc.data, dict) and ("id" in doc.data or "extends" in doc.data)):
                self.ignored.add(_key(doc.path))
                self.findings.append(doc.source.finding((), "D005", f"{doc.path.name} has no id:, extends: or "
                                                                    "patches:, so it is neither a scenario nor a "
                                                                    "patch; the game ignores it"))
                continue
            sid = doc.id
            if sid is None:
                continue
            first = self.by_id.get(sid)
            if first is not None:
                self.findings.append(doc.source.finding(("id",), "I005", f"the id '{sid}' is also used by "
                                                                         f"{first.display}; ids must be unique"))
                continue
            self.by_id[sid] = doc

    def _index_patch(self, doc: Document, mod: Mod | None) -> None:
        # Misplaced or malformed patches are reported when the patch file itself is checked.
        if mod is not None and isinstance(doc.patches, str) and "extends" not in doc.data:
            self.patches.setdefault(doc.patches, []).append(_Patch(mod, doc))

    # --- queries ---------------------------------------------------------------------------

    def scenario_docs(self) -> list[Document]:
        """Every scenario file (not patches), in folder then mod order."""
        return [d for d, _ in self.documents if not d.is_patch and _key(d.path) not in self.ignored]

    def mod_for(self, doc: Document) -> Mod | None:
        return self.mod_of.get(_key(doc.path))

    def document(self, path: Path) -> Document:
        return read_document(path)

    def lookup(self, sid: str, near: Document | None = None) -> Document | None:
        """The scenario with this id: the shipped scenarios and installed mods first (by their index),
        then the files beside ``near`` (a modder's own folder), found by a cheap scan of their ``id:``
        lines rather than by parsing them all."""
        found = self.by_id.get(sid)
        if found is not None or near is None:
            return found
        for p in sibling_ids(_key(near.path).parent).get(sid, []):
            if p != _key(near.path):
                doc = read_document(p)
                if doc.id == sid and not doc.is_patch:
                    return doc
        return None

    def shadowed(self, sid: str, near: Document) -> Path | None:
        """A file beside ``near`` with the id of a shipped or installed scenario (which wins over it)."""
        if sid not in self.by_id or _key(near.path) in self.mod_of:
            return None
        winner = _key(self.by_id[sid].path)
        for p in sibling_ids(_key(near.path).parent).get(sid, []):
            if p not in (winner, _key(near.path)):
                return p
        return None

    # --- resolution ------------------------------------------------------------------------

    def resolve(self, doc: Document) -> Resolved:
        """The scenario in ``doc`` with its parents and the mods' patches merged in."""
        if doc.is_patch:
            return self._resolve_patch(doc)
        key = _key(doc.path)
        if key not in self._memo:
            self._memo[key] = self._resolve(doc, [])
        return self._memo[key]

    def resolve_text(self, text: str, path: Path, display: str | None = None) -> Resolved:
        """An unsaved file (an editor's buffer) resolved as if it were at ``path``."""
        name = display or display_name(path)
        data, source, findings = load_text(text, name)
        doc = Document(Path(path), name, data, source, findings)
        return self._resolve_patch(doc) if doc.is_patch else self._resolve(doc, [])

    def _resolve_patch(self, doc: Document) -> Resolved:
        """A patch file checked the only way it can be: as part of the scenario it patches."""
        res = Resolved(doc, None, list(doc.findings), [doc.path])
        if doc.data is None or not _check_meta(doc, res):
            return res
        if self.mod_for(doc) is None:
            res.findings.append(doc.source.finding(("patches",), "I007", "patches: works only in a mod folder (one "
                                                                         f"with a {MANIFEST}); use extends: here"))
            return res
        target = self.by_id.get(doc.patches)
        if target is None:
            res.findings.append(doc.source.finding(("patches",), "I006", f"patches '{doc.patches}', but there is no "
                                                   f"scenario with that id{did_you_mean(doc.patches, self.by_id)}"))
            return res
        return self.resolve(target)

    def _resolve(self, doc: Document, chain: list[Document]) -> Resolved:
        res = Resolved(doc, None, list(doc.findings), [doc.path])
        mod = self.mod_for(doc)
        if mod is not None:
            res.files.append(mod.manifest_path)
            res.findings += self.modset.findings_for(mod)
            res.mods.append(mod.id)
        res.findings += [f for f in self.findings if f.file == doc.display]
        if doc.data is None and doc.findings:  # it could not be read
            return res
        if not isinstance(doc.data, dict):  # the schema pass says what a scenario file should hold
            res.tree = doc.tree
            return res
        if not _check_meta(doc, res):
            return res
        res.abstract = doc.abstract
        parent_id = doc.extends
        if parent_id is None:
            res.tree = strip_meta(doc.tree)
        else:
            if not self._merge_parent(doc, parent_id, chain, res):
                return res
        sid = res.tree.data.get("id") if res.tree is not None and isinstance(res.tree.data, dict) else None
        if isinstance(sid, str) and not doc.is_patch:
            self._apply_patches(sid, res)
        self._check_next(doc, res)
        return res

    def _check_next(self, doc: Document, res: Resolved) -> None:
        """A ``next:`` written in this file must name a scenario the game can continue into (I012)."""
        nxt = doc.data.get("next")
        target = self.lookup(nxt, doc) if isinstance(nxt, str) else None
        if target is None and isinstance(nxt, str) and nxt == doc.data.get("id"):
            target = doc            # a part that names itself next
        if target is not None and target.abstract:     # the game would stop at the end with "cannot be played"
            res.findings.append(doc.source.finding(("next",), "I012", f"next: '{nxt}' is an abstract template: a "
                                                   "campaign cannot continue into it (name a playable scenario)"))
        if isinstance(nxt, str) and target is None:
            res.findings.append(doc.source.finding(("next",), "I012", f"next: '{nxt}', but there is no scenario "
                                                   "with that id to continue into (next: null ends the campaign "
                                                   f"here){did_you_mean(nxt, self.by_id)}"))
        if target is not None and not target.abstract:
            own = res.tree.data if res.tree is not None and isinstance(res.tree.data, dict) else doc.data
            start, end = _iso(self._inherited(target, "start")), _iso(own.get("end"))
            if start and end and start < end:
                res.findings.append(doc.source.finding(("next",), "I013", f"next: '{nxt}' starts on {start}, before "
                                                       f"this scenario ends on {end}: the campaign would go back in "
                                                       "time (name the part that follows this one)"))

    def _inherited(self, doc: Document, key: str) -> object:
        """``key`` as written in ``doc`` or in the nearest scenario it extends (no merging, no checks)."""
        seen: set[object] = set()
        current: Document | None = doc
        while current is not None and _key(current.path) not in seen:
            seen.add(_key(current.path))
            if key in current.data:
                return current.data[key]
            parent = current.extends
            current = self.lookup(parent, current) if isinstance(parent, str) else None
        return None

    def _merge_parent(self, doc: Document, parent_id: str, chain: list[Document], res: Resolved) -> bool:
        if any(_key(d.path) == _key(doc.path) for d in chain):
            names = " → ".join([*(d.label for d in chain), doc.label])
            res.findings.append(doc.source.finding(("extends",), "I002", f"scenarios extend each other in a circle: "
                                                                         f"{names}"))
            return False
        parent = self.lookup(parent_id, doc)
        if parent is None and parent_id == doc.id:
            res.findings.append(doc.source.finding(("extends",), "I002", f"the scenario '{parent_id}' extends "
                                                   "itself: extends names the scenario this one builds on"))
            return False
        if parent is None:
            res.findings.append(doc.source.finding(("extends",), "I001", f"extends '{parent_id}', but there is no "
                                                   f"scenario with that id{did_you_mean(parent_id, self.by_id)}"))
            return False
        if not isinstance(doc.data.get("id"), str) or doc.data.get("id") == parent_id:
            res.findings.append(doc.source.finding(("id",) if "id" in doc.data else ("extends",), "I008",
                                                   f"a scenario that extends '{parent_id}' needs an id of its own "
                                                   "(add a line like id: my_variant)"))
        hidden = self.shadowed(parent_id, doc)
        if hidden is not None:
            res.findings.append(doc.source.finding(("extends",), "I011", f"{display_name(hidden)} beside this file "
                                                   f"also has the id '{parent_id}', but extends uses the installed "
                                                   f"{parent.display} (installed scenarios and mods come first); "
                                                   "give your copy an id of its own"))
        up = self._memo.get(_key(parent.path))
        if up is None:
            up = self._memo[_key(parent.path)] = self._resolve(parent, [*chain, doc])
        res.files += [f for f in up.files if f not in res.files]
        res.findings += up.findings
        res.mods += [m for m in up.mods if m not in res.mods]
        if up.tree is None or not isinstance(up.tree.data, dict):
            return False
        merged, findings = merge(up.tree, doc.tree)
        res.findings += findings
        res.tree = merged.tree
        return True

    def _apply_patches(self, sid: str, res: Resolved) -> None:
        applied: list[tuple[Mod, dict[Logical, Touch]]] = []
        for patch in self.patches.get(sid, []):
            doc = patch.doc
            res.files += [p for p in (doc.path, patch.mod.manifest_path) if p not in res.files]
            res.findings += doc.findings + [f for f in self.findings if f.file == doc.display]
            res.findings += [f for f in self.modset.findings_for(patch.mod) if f not in res.findings]
            if patch.mod.id not in res.mods:
                res.mods.append(patch.mod.id)
            if doc.data is None or not _check_meta(doc, res) or res.tree is None:
                continue
            if "id" in doc.data:
                res.findings.append(doc.source.finding(("id",), "I007", "a patch cannot change the scenario's id; "
                                                                        "to make a new scenario, use extends:"))
                continue
            merged, findings = merge(res.tree, doc.tree)
            res.findings += findings
            res.tree = merged.tree
            res.findings += _conflicts(applied, patch.mod, merged.touched)
            applied.append((patch.mod, merged.touched))


def _check_meta(doc: Document, res: Resolved) -> bool:
    """The inheritance keys have the right shape (findings otherwise)."""
    data, ok = doc.data, True
    for key in ("extends", "patches"):
        if key in data and not (isinstance(data[key], str) and data[key]):
            res.findings.append(doc.source.finding((key,), "I004", f"{key}: names one scenario id, like "
                                                                   f"{key}: genoa_rapallo_1922"))
            ok = False
    if "abstract" in data and not isinstance(data["abstract"], bool):
        res.findings.append(doc.source.finding(("abstract",), "I004", "abstract: is true or false"))
        ok = False
    if "extends" in data and "patches" in data:
        res.findings.append(doc.source.finding(("patches",), "I007", "a file either extends a scenario (a new "
                                                                     "one) or patches it (in place), not both"))
        ok = False
    if "remove" in data and "extends" not in data and "patches" not in data:
        res.findings.append(doc.source.finding(("remove",), "I004", "remove: only works with extends: or "
                                                                    "patches: (there is nothing to remove from)"))
        ok = False
    return ok


def _conflicts(applied: list[tuple[Mod, dict[Logical, Touch]]], mod: Mod,
               touched: dict[Logical, Touch]) -> list[Finding]:
    out: list[Finding] = []
    for other, theirs in applied:
        if other.id == mod.id:
            continue
        prefixes = {p[:i] for p in theirs for i in range(1, len(p))}
        for path, touch in touched.items():
            clash = next((path[:i] for i in range(1, len(path) + 1) if path[:i] in theirs), None)
            if clash is None and path not in prefixes:
                continue
            if clash is not None and clash == path and theirs[clash].value == touch.value:
                continue  # both set the same value: no quarrel
            file, line, col = touch.loc
            out.append(Finding(file, line, col, "D004", f"{dotted(path)} is changed by the mods '{other.id}' and "
                                                       f"'{mod.id}'; '{mod.id}' loads later and wins"))
    return out


def _key(path: Path) -> Path:
    return Path(path).resolve()


_ID_LINE = re.compile(rb"^id:[ \t]*['\"]?([A-Za-z0-9_][A-Za-z0-9_-]*)", re.M)
_SCAN_LIMIT = 1 << 20
_SIBLINGS: dict[Path, tuple[tuple[tuple[str, int, int], ...], dict[str, list[Path]]]] = {}


def _head_id(path: Path) -> str | None:
    """The top-level id: of a scenario file, by a scan of its text (no YAML parse), or None."""
    try:
        with open(path, "rb") as f:
            head = f.read(_SCAN_LIMIT)
    except OSError:
        return None
    m = _ID_LINE.search(head)
    return m.group(1).decode() if m else None


def sibling_ids(folder: Path) -> dict[str, list[Path]]:
    """Every *.yaml in a folder by its id, kept while no file's time or size changes."""
    stamps = []
    try:
        entries = sorted(p for p in folder.glob("*.yaml") if p.is_file())
    except OSError:
        return {}
    for p in entries:
        st = p.stat()
        stamps.append((p.name, st.st_mtime_ns, st.st_size))
    key = tuple(stamps)
    hit = _SIBLINGS.get(folder)
    if hit is not None and hit[0] == key:
        return hit[1]
    index: dict[str, list[Path]] = {}
    for p in entries:
        sid = _head_id(p)
        if sid is not None:
            index.setdefault(sid, []).append(_key(p))
    _SIBLINGS[folder] = (key, index)
    return index


def _unique(dirs: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for d in dirs:
        if all(_key(d) != _key(o) for o in out):
            out.append(Path(d))
    return out


__all__ = ["Library", "Resolved"]


def _iso(value: object) -> str:
    """A YAML date (or ISO text) as YYYY-MM-DD for comparing, or '' when it is neither."""
    text = value.isoformat() if hasattr(value, "isoformat") else value
    return text if isinstance(text, str) and len(text) == 10 and text[4] == "-" and text[7] == "-" else ""
