"""Classroom: printing Genoa's packets (target <= 2 s) and exporting a save
(target <= 1 s), medians of several runs.

"packets" writes every role's page, the index and the facilitator's guide
with the scenario already loaded; "packets, cold" also reads and checks the
scenario, as ``classroom packets`` does. "export" is ``classroom export``
on a finished, full-length Genoa save: load, replay the log (the action log
is rebuilt that way), and write the four files.

    python -m bench.bench_classroom
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench.common import machine, median_ms, report
from bench.bench_saves import random_game
from game.classroom.export import export
from game.classroom.packets import write_packets
from game.engine.game import Game
from game.saves import SaveStore, document
from game.saves.document import SaveMeta
from game.scenario.loader import load_rules as load_file
from game.paths import SCENARIOS

RUNS = 7
GENOA = SCENARIOS / "genoa_rapallo_1922.yaml"


def main() -> None:
    print(f"machine: {machine()}")
    rules = load_file(GENOA)
    folder = Path(tempfile.mkdtemp(prefix="rapallo-bench-classroom-"))
    try:
        ms = median_ms(lambda: write_packets(rules, folder / "packets"), RUNS)
        report(f"packets, {len(rules.scenario.roles)} roles + guide", ms, "ms", "<= 2000 ms", ms <= 2000)
        ms = median_ms(lambda: write_packets(load_file(GENOA), folder / "packets"), RUNS)
        report("packets, cold (scenario read and checked)", ms, "ms", "<= 2000 ms", ms <= 2000)
        store = SaveStore(folder)
        observer = Game.new(rules)
        observer.run_to_end()
        hot = random_game(rules, list(rules.powers), seed=3)
        for label, game in (("observer run", observer), ("hot-seat, every power human", hot)):
            path = folder / f"{label.split()[0]}.rapallo"
            store.write(path, document.build(game, SaveMeta(power="", game_id="bench", name="bench",
                                                            kind="observer")))
            ms = median_ms(lambda: export(path, folder / "export", current=rules), RUNS)
            report(f"export, {label} ({len(game.log)} cmds)", ms, "ms", "<= 1000 ms", ms <= 1000)
            ms = median_ms(lambda: export(path, folder / "export"), RUNS)
            report(f"export, cold (scenario read), {label}", ms, "ms", "<= 1000 ms", ms <= 1000)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
