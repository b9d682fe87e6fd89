"""Start to the main menu, beside the floor: a bare pygame_gui window with seven buttons.

    python bench/bench_start.py [--runs N]

Each run is a fresh process under SDL's dummy drivers, timed from its launch
to its exit after the first frame: ``python main.py`` with
RAPALLO_EXIT_AFTER_FIRST_FRAME=1 (the launcher, the window, the menu's first
frame), and bench/floor_window.py. The two alternate, so that a busy machine
slows both alike. Bar (issue 14): the game's median at most 1.5 times the floor's.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BAR = 1.5


def _env() -> dict[str, str]:
    return {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1",
            "RAPALLO_EXIT_AFTER_FIRST_FRAME": "1", "PYTHONPATH": str(ROOT),
            "RAPALLO_SAVES": tempfile.mkdtemp(prefix="rapallo-bench-saves-"),
            "RAPALLO_CONFIG_DIR": tempfile.mkdtemp(prefix="rapallo-bench-config-")}


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=_env(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def measure(runs: int = 7) -> tuple[list[float], list[float]]:
    game_cmd = [sys.executable, str(ROOT / "main.py")]
    floor_cmd = [sys.executable, str(ROOT / "bench" / "floor_window.py")]
    timed(game_cmd), timed(floor_cmd)  # warm the file cache; not counted
    game, floor = [], []
    for _ in range(runs):
        game.append(timed(game_cmd))
        floor.append(timed(floor_cmd))
    return game, floor


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args(argv if argv is not None else [])
    game, floor = measure(args.runs)
    g, f = statistics.median(game), statistics.median(floor)
    ratio = g / f
    print(f"start to the menu's first frame: median {g:.3f} s of {len(game)} runs "
          f"(min {min(game):.3f}, max {max(game):.3f})")
    print(f"bare pygame_gui window, 7 buttons: median {f:.3f} s of {len(floor)} runs "
          f"(min {min(floor):.3f}, max {max(floor):.3f})")
    print(f"ratio {ratio:.2f} (bar {BAR}): {'ok' if ratio <= BAR else 'MISSED'}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
