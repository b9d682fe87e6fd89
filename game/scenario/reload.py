"""Reloading a scenario after its author edits it, for the game window.

A ``Reloader`` watches every file a scenario is built from (its own file,
what it ``extends``, the mods' patches and their mod.yaml) by polling
modification times: no threads, no file-system events, so it runs the same
everywhere. When a file changes it loads the scenario again. A reload that
passes the checker replaces ``rules``; a reload with errors keeps the last
good ``rules`` and exposes the ``findings`` so the window can show them.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Iterable

from game.engine.rules import Rules
from game.scenario.catalog import find
from game.scenario.documents import stamp
from game.scenario.findings import Finding, errors
from game.scenario.library import Library
from game.scenario.loader import Loaded, load_scenario, rules_from


class Reloader:
    """Keeps the last good rules of one scenario and reloads them when its files change.

    Give a scenario id (looked up in scenarios/ and the mods, like the game
    does) or the path of a scenario file.
    """

    def __init__(self, scenario: str | Path, extra_dirs: Iterable[Path] = (), interval: float = 0.5,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.scenario = scenario
        self.extra_dirs = list(extra_dirs)
        self.interval = interval
        self.clock = clock
        self.rules: Rules | None = None
        self.findings: list[Finding] = []
        self.reloads = 0
        self._stamps: dict[Path, tuple[int, int] | None] = {}
        self._last_poll = float("-inf")
        self.reload()

    @property
    def ok(self) -> bool:
        """The last attempt had no errors (``rules`` is what is on disk now)."""
        return self.rules is not None and not errors(self.findings)

    @property
    def stale(self) -> bool:
        """The files on disk have errors, so ``rules`` is an older, good version."""
        return self.rules is not None and bool(errors(self.findings))

    @property
    def files(self) -> list[Path]:
        return list(self._stamps)

    def _load(self) -> Loaded | None:
        lib = Library.for_game(self.extra_dirs)
        if isinstance(self.scenario, Path) or str(self.scenario).endswith((".yaml", ".yml")):
            return load_scenario(Path(self.scenario), library=lib)
        entry = find(str(self.scenario), library=lib)
        if entry is None:
            self.findings = [Finding(str(self.scenario), 1, 1, "I001",
                                     f"there is no scenario with the id '{self.scenario}'")]
            return None
        if entry.loaded is None:
            self.findings = entry.findings
        return entry.loaded

    def reload(self) -> bool:
        """Load now; True if the rules were replaced."""
        self.reloads += 1
        loaded = self._load()
        watched = list(loaded.files) if loaded is not None else []
        if loaded is not None:
            self.findings = loaded.findings
        if loaded is None or not loaded.ok:  # keep watching what the good version was built from
            watched += [p for p in self._stamps if p not in watched]
        self._stamps = {Path(f): stamp(Path(f)) for f in watched}
        if loaded is None or not loaded.ok:
            return False
        try:
            self.rules = rules_from(loaded)
        except ValueError as e:
            self.findings = getattr(e, "findings", self.findings)
            return False
        return True

    def changed(self) -> bool:
        """Whether any watched file was edited, created or deleted since the last load."""
        return any(stamp(p) != st for p, st in self._stamps.items())

    def poll(self) -> bool:
        """Call often (every frame is fine): reloads at most once per ``interval`` seconds,
        and only if a file changed. True when a reload was attempted (good or not)."""
        now = self.clock()
        if now - self._last_poll < self.interval:
            return False
        self._last_poll = now
        if not self.changed():
            return False
        self.reload()
        return True
