"""Merging YAML trees: how ``extends`` and mod patches combine files.

Mappings merge key by key. Lists whose items all have an ``id`` (events,
options, objectives, agenda items...) merge item by item: an item with a
known id is merged into it, an item with a new id is added at the end. Any
other value (a number, a text, a list of names, a condition) replaces the
old one.
``remove:`` paths are taken out of the base before the merge.

Everything works on plain data plus a ``SourceMap``: the merged map keeps,
for every value, the file, line and column that wrote it, so a finding on
a merged value names the file that set it. A merge also reports which
paths it changed ("touched"), which is how two mods changing the same key
are noticed.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Iterable

from game.engine.model.scenario import Scenario
from game.scenario.findings import Finding, did_you_mean
from game.scenario.introspect import condition_keys
from game.scenario.strictyaml import Loc, Path, SourceMap

#: Keys that steer inheritance; they are never merged into the scenario.
META_KEYS = ("extends", "patches", "abstract", "remove")


#: Keys that hold one condition: a condition is replaced whole, never merged (a merge of two
#: one-key conditions would be neither).
CONDITION_SLOTS = condition_keys(Scenario)

#: A path by names and ids, as a modder writes it: ("events", "hague_invitation", "chance").
Logical = tuple[str, ...]

REMOVED = object()


@dataclass
class Tree:
    """Data with the source map that says where each part was written."""

    data: Any
    source: SourceMap


@dataclass
class Touch:
    """One change a patch made: the value it set (or REMOVED) and where it was written."""

    value: Any
    loc: Loc


@dataclass
class Merged:
    tree: Tree
    touched: dict[Logical, Touch] = field(default_factory=dict)


def is_id_list(value: Any) -> bool:
    """A non-empty list whose items are all mappings with a text ``id``."""
    return (isinstance(value, list) and bool(value)
            and all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in value))


def dotted(path: Iterable[Any]) -> str:
    return ".".join(str(p) for p in path)


class _Copier:
    def __init__(self, out: SourceMap) -> None:
        self.out = out

    def copy(self, node: Any, src: SourceMap, spath: Path, dpath: Path) -> Any:
        """A copy of ``node`` (containers only; scalars are shared) with its places moved to ``dpath``."""
        loc = src.values.get(spath)
        if loc is not None:
            self.out.values[dpath] = loc
        if isinstance(node, dict):
            out: dict[Any, Any] = {}
            for k, v in node.items():
                kloc = src.keys.get(spath + (k,))
                if kloc is not None:
                    self.out.keys[dpath + (k,)] = kloc
                out[k] = self.copy(v, src, spath + (k,), dpath + (k,))
            return out
        if isinstance(node, list):
            return [self.copy(v, src, spath + (i,), dpath + (i,)) for i, v in enumerate(node)]
        return node


def strip_meta(tree: Tree) -> Tree:
    """The tree without its top-level inheritance keys (a copy only if there were any)."""
    if not isinstance(tree.data, dict) or not any(k in tree.data for k in META_KEYS):
        return tree
    out = SourceMap(tree.source.file)
    c = _Copier(out)
    rest = {k: v for k, v in tree.data.items() if k not in META_KEYS}
    return Tree(c.copy(rest, tree.source, (), ()), out)


# --- remove ---------------------------------------------------------------------------------

def find_path(data: Any, logical: Logical) -> tuple[Path | None, int, list[str]]:
    """The place in ``data`` a dotted path names: (physical path, -1, []) when found,
    else (None, index of the first segment not found, the names available there)."""
    node: Any = data
    phys: Path = ()
    for i, seg in enumerate(logical):
        if isinstance(node, dict):
            key = next((k for k in node if str(k) == seg), None)
            if key is None:
                return None, i, [str(k) for k in node]
            node, phys = node[key], phys + (key,)
        elif is_id_list(node):
            j = next((j for j, item in enumerate(node) if item["id"] == seg), None)
            if j is None:
                return None, i, [item["id"] for item in node]
            node, phys = node[j], phys + (j,)
        elif isinstance(node, list) and i == len(logical) - 1:
            j = next((j for j, item in enumerate(node) if not isinstance(item, (dict, list)) and str(item) == seg),
                     None)
            if j is None:
                return None, i, [str(v) for v in node if not isinstance(v, (dict, list))]
            phys = phys + (j,)
        else:
            return None, i, []
    return phys, -1, []


def removal_paths(tree: Tree, base: Any) -> tuple[list[tuple[Logical, Path, Loc]], list[Finding]]:
    """Read a file's ``remove:`` list against the base it removes from."""
    if not isinstance(tree.data, dict) or "remove" not in tree.data:
        return [], []
    spec = tree.data["remove"]
    src = tree.source
    if isinstance(spec, str):
        spec_items: list[Any] = [spec]
        paths: list[Path] = [("remove",)]
    elif isinstance(spec, list):
        spec_items, paths = spec, [("remove", i) for i in range(len(spec))]
    else:
        return [], [src.finding(("remove",), "I004", "remove is a list of paths, like [powers.japan, events.famine]")]
    out: list[tuple[Logical, Path, Loc]] = []
    findings: list[Finding] = []
    for item, path in zip(spec_items, paths):
        segs = tuple(str(item).split(".")) if isinstance(item, str) else ()
        if not segs or not all(segs):
            findings.append(src.finding(path, "I004", f"'{item}' is not a path: write names joined by dots, "
                                                      "like powers.japan or events.famine"))
            continue
        phys, failed, options = find_path(base, segs)
        if phys is None:
            where = dotted(segs[:failed]) or "the top level"
            findings.append(src.finding(path, "I003", f"cannot remove '{item}': there is no '{segs[failed]}' in "
                                                      f"{where}{did_you_mean(segs[failed], options)}"))
            continue
        out.append((segs, phys, src.locate(path)))
    return out, findings


def _without(data: Any, src: SourceMap, gone: set[Path]) -> Tree:
    """A copy of the tree with the given physical paths left out (list positions closed up)."""
    out = SourceMap(src.file)
    copier = _Copier(out)

    def walk(node: Any, spath: Path, dpath: Path) -> Any:
        loc = src.values.get(spath)
        if loc is not None:
            out.values[dpath] = loc
        if not any(g[:len(spath)] == spath and len(g) > len(spath) for g in gone):
            return copier.copy(node, src, spath, dpath)
        if isinstance(node, dict):
            res: dict[Any, Any] = {}
            for k, v in node.items():
                if spath + (k,) in gone:
                    continue
                kloc = src.keys.get(spath + (k,))
                if kloc is not None:
                    out.keys[dpath + (k,)] = kloc
                res[k] = walk(v, spath + (k,), dpath + (k,))
            return res
        if isinstance(node, list):
            items = [(i, v) for i, v in enumerate(node) if spath + (i,) not in gone]
            return [walk(v, spath + (i,), dpath + (j,)) for j, (i, v) in enumerate(items)]
        return node

    return Tree(walk(data, (), ()), out)


# --- merge ----------------------------------------------------------------------------------

class _Merger:
    def __init__(self, base: SourceMap, over: SourceMap) -> None:
        self.bsrc, self.osrc = base, over
        self.out = SourceMap(over.file)
        self.copier = _Copier(self.out)
        self.touched: dict[Logical, Touch] = {}
        self.hints: list[Finding] = []

    def _new_entry(self, name: str, old: list[str], value: Any, opath: Path, logical: Logical) -> None:
        """A new mapping next to a near namesake is most often a misspelt name: say so (I010)."""
        if not isinstance(value, dict) or not logical:
            return
        close = difflib.get_close_matches(name, old, n=1, cutoff=0.8)
        if close:
            self.hints.append(self.osrc.finding(opath, "I010", f"'{name}' is new here: {dotted(logical)} has no "
                                                f"'{name}' to change, so this adds one; did you mean '{close[0]}'?",
                                                key=isinstance(opath[-1], str)))

    def _touch(self, logical: Logical, value: Any, opath: Path) -> None:
        self.touched[logical] = Touch(value, self.osrc.locate(opath, key=True))

    def merge(self, b: Any, bpath: Path, o: Any, opath: Path, dpath: Path, logical: Logical) -> Any:
        if isinstance(b, dict) and isinstance(o, dict) and not (logical and logical[-1] in CONDITION_SLOTS):
            return self._dicts(b, bpath, o, opath, dpath, logical)
        if is_id_list(b) and is_id_list(o):
            return self._id_lists(b, bpath, o, opath, dpath, logical)
        self._touch(logical, o, opath)
        return self.copier.copy(o, self.osrc, opath, dpath)

    def _dicts(self, b: dict[Any, Any], bpath: Path, o: dict[Any, Any], opath: Path, dpath: Path,
               logical: Logical) -> dict[Any, Any]:
        self.out.values[dpath] = self.osrc.locate(opath)
        res: dict[Any, Any] = {}
        for k, v in b.items():
            if k in o:
                self.out.keys[dpath + (k,)] = self.osrc.locate(opath + (k,), key=True)
                res[k] = self.merge(v, bpath + (k,), o[k], opath + (k,), dpath + (k,), logical + (str(k),))
            else:
                kloc = self.bsrc.keys.get(bpath + (k,))
                if kloc is not None:
                    self.out.keys[dpath + (k,)] = kloc
                res[k] = self.copier.copy(v, self.bsrc, bpath + (k,), dpath + (k,))
        for k, v in o.items():
            if k not in b:
                self._new_entry(str(k), [str(x) for x in b], v, opath + (k,), logical)
                self.out.keys[dpath + (k,)] = self.osrc.locate(opath + (k,), key=True)
                self._touch(logical + (str(k),), v, opath + (k,))
                res[k] = self.copier.copy(v, self.osrc, opath + (k,), dpath + (k,))
        return res

    def _id_lists(self, b: list[Any], bpath: Path, o: list[Any], opath: Path, dpath: Path,
                  logical: Logical) -> list[Any]:
        self.out.values[dpath] = self.osrc.locate(opath)
        over = {item["id"]: j for j, item in enumerate(o)}
        res: list[Any] = []
        for i, item in enumerate(b):
            j = over.pop(item["id"], None)
            if j is None:
                res.append(self.copier.copy(item, self.bsrc, bpath + (i,), dpath + (len(res),)))
            else:
                res.append(self.merge(item, bpath + (i,), o[j], opath + (j,), dpath + (len(res),),
                                      logical + (item["id"],)))
        for item_id, j in sorted(over.items(), key=lambda kv: kv[1]):
            self._new_entry(item_id, [item["id"] for item in b], o[j], opath + (j, "id"), logical)
            self._touch(logical + (item_id,), o[j], opath + (j,))
            res.append(self.copier.copy(o[j], self.osrc, opath + (j,), dpath + (len(res),)))
        return res


def merge(base: Tree, over: Tree) -> tuple[Merged, list[Finding]]:
    """``over`` (a file with extends: or patches:) laid over ``base`` (already resolved).

    The base's ``remove:`` targets are checked first (removing what is not
    there is a finding); the result never contains the inheritance keys.
    """
    removals, findings = removal_paths(over, base.data)
    if removals:
        base = _without(base.data, base.source, {phys for _, phys, _ in removals})
    over = strip_meta(over)
    m = _Merger(base.source, over.source)
    data = m.merge(base.data, (), over.data, (), (), ()) if isinstance(over.data, dict) else base.data
    if not isinstance(over.data, dict):
        m.out = base.source
    touched = {logical: Touch(REMOVED, loc) for logical, _, loc in removals}
    touched.update(m.touched)
    return Merged(Tree(data, m.out), touched), findings + m.hints
