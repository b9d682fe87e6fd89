"""Counters the benchmark and the tests read: how often text was laid out
again (pygame_gui ``set_text``/rebuilds and our own renders), so that a
frame in which nothing changed can be shown to have done no such work."""
from __future__ import annotations

from collections import Counter

counts: Counter[str] = Counter()


def bump(what: str, n: int = 1) -> None:
    counts[what] += n


def text_layouts() -> int:
    """Every text re-layout so far, of any kind."""
    return counts["set_text"] + counts["render"] + counts["html"] + counts["rebuild"]


def reset() -> None:
    counts.clear()
