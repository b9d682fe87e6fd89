"""One YAML file of a scenario set, read once: its data, its source map, and
what it is (a scenario, an ``extends:`` child, an abstract template, or a
mod's patch).

Reading is cached by path and content, so that the catalog, the checker
and the reloader can ask for the same file many times and parse it only
when its bytes changed. Cached data is shared: treat it
as read-only.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content import ROOT
from game.scenario.findings import Finding
from game.scenario.merge import Tree
from game.scenario.strictyaml import SourceMap, load_bytes, read_bytes

_CACHE: dict[tuple[str, str], tuple[bytes, "Document"]] = {}
_CACHE_LIMIT = 256


def display_name(path: Path) -> str:
    """How a file is named in findings: relative to the working folder, else to the project."""
    p = Path(os.path.abspath(path))
    for base in (Path.cwd(), ROOT):
        try:
            return str(p.relative_to(base))
        except ValueError:
            continue
    return str(p)


@dataclass
class Document:
    path: Path
    display: str
    data: Any
    source: SourceMap
    findings: list[Finding] = field(default_factory=list)

    @property
    def tree(self) -> Tree:
        return Tree(self.data, self.source)

    def _get(self, key: str) -> Any:
        return self.data.get(key) if isinstance(self.data, dict) else None

    @property
    def id(self) -> str | None:
        v = self._get("id")
        return v if isinstance(v, str) else None

    @property
    def extends(self) -> Any:
        return self._get("extends")

    @property
    def patches(self) -> Any:
        return self._get("patches")

    @property
    def is_patch(self) -> bool:
        return isinstance(self.data, dict) and "patches" in self.data

    @property
    def abstract(self) -> bool:
        return self._get("abstract") is True

    @property
    def label(self) -> str:
        """Its id, or the file name when it has none."""
        return self.id or self.path.stem


def stamp(path: Path) -> tuple[int, int] | None:
    """(modification time, size) of a file, or None if it is gone."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def read_document(path: Path, display: str | None = None) -> Document:
    """The parsed file (from the cache when its bytes have not changed)."""
    name = display or display_name(path)
    raw, findings = read_bytes(str(path), name)
    if raw is None:
        return Document(Path(path), name, None, SourceMap(name), findings)
    key = (str(Path(os.path.abspath(path))), name)
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    hit = _CACHE.get(key)
    if hit is not None and hit[0] == digest:
        return hit[1]
    data, source, findings = load_bytes(raw, name)
    doc = Document(Path(path), name, data, source, findings)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (digest, doc)
    return doc


def clear_cache() -> None:
    _CACHE.clear()
