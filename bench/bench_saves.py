"""Saves: writing and loading a finished, full-length Genoa game, against the bars
(save <= 100 ms, load <= 100 ms, median of several runs; file <= 1 MB).

Two games: a campaign (one human, the AI plays the rest) and a hot-seat game (every
power human: the longest command log). "save" is what autosave does every turn (build,
encode, write atomically with fsync); "load" is quick load and ``play --load`` with the
scenario in memory; "cold load" also reads the scenario; "careful load" is the path of
edited or migrated saves (the whole log replayed); "verify" is ``replay --verify``.

    python -m bench.bench_saves
"""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import numpy as np

from bench.common import machine, median_ms, report
from game.scenario import load_rules
from game.engine.commands import Advance, EndTurn
from game.engine.game import Game
from game.saves import SaveStore, document, load
from game.saves.document import SaveMeta
from game.saves.verify import verify

RUNS = 15
BAR_MS = 100.0
BAR_BYTES = 1024 * 1024


def random_game(rules, humans: list[str], seed: int) -> Game:  # type: ignore[no-untyped-def]
    """A finished game in which the human powers play random legal commands."""
    rng = np.random.default_rng(seed)
    g = Game.new(rules, seed=seed, humans=humans)
    while not g.is_terminal():
        waiting = [p for p in g.humans() if p not in g.state.ended]
        if not waiting:
            g.apply(Advance())
            continue
        legal = g.legal_commands(waiting[int(rng.integers(len(waiting)))])
        others = [c for c in legal if not isinstance(c, EndTurn)]
        ends = [c for c in legal if isinstance(c, EndTurn)]
        g.apply(others[int(rng.integers(len(others)))] if others and (not ends or rng.random() > 0.3)
                else (ends or legal)[0])
    return g


def bench_game(rules, label: str, game: Game, folder: Path) -> list[str]:  # type: ignore[no-untyped-def]
    store = SaveStore(folder)
    meta = SaveMeta(power=game.humans()[0], game_id="bench", name=label)
    lines = []
    for fmt, suffix in (("gzip", ".rapallo"), ("plain", ".json")):
        path = folder / f"{label}{suffix}"
        store.write(path, document.build(game, meta))
        assert load(path, current=rules).game.state_hash() == game.state_hash()
        name = f"{label} ({len(game.log)} cmds) {fmt}"
        save = median_ms(lambda: store.write(path, document.build(game, meta)), RUNS)
        warm = median_ms(lambda: load(path, current=rules), RUNS)
        size = path.stat().st_size
        lines.append(report(f"{name}: save", save, "ms", f"<= {BAR_MS:.0f} ms", save <= BAR_MS))
        lines.append(report(f"{name}: load", warm, "ms", f"<= {BAR_MS:.0f} ms", warm <= BAR_MS))
        lines.append(report(f"{name}: file size", size / 1024, "KB", "<= 1024 KB", size <= BAR_BYTES))
        lines.append(report(f"{name}: cold load", median_ms(lambda: load(path), 5), "ms", "(info)", True))
    edited = folder / f"{label}-edited.json"
    doc = document.build(game, meta)
    doc["seal"] = ""
    edited.write_text(json.dumps(doc))
    lines.append(report(f"{label}: careful load (replays the log)", median_ms(lambda: load(edited, current=rules), 3),
                        "ms", "(info)", True))
    lines.append(report(f"{label}: replay --verify", median_ms(lambda: verify(folder / f"{label}.rapallo"), 3), "ms",
                        "(info)", True))
    return lines


def main() -> list[str]:
    lines = [f"machine: {machine()}"]
    print(lines[0])
    rules = load_rules("genoa_rapallo_1922")
    folder = Path(tempfile.mkdtemp(prefix="bench-saves-"))
    try:
        for label, humans, seed in (("campaign", [rules.hub], 1), ("hot-seat", list(rules.powers), 2)):
            lines += bench_game(rules, label, random_game(rules, humans, seed), folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return lines


if __name__ == "__main__":
    main()
