"""Start to the main menu, beside the floor: a bare pygame_gui window with seven buttons.

    python bench/bench_start.py [--runs N] [--root CHECKOUT]

Each run is a fresh process under SDL's dummy drivers, timed from its launch
to the moment its first frame is on screen (each prints that moment and
exits): ``python main.py`` with RAPALLO_EXIT_AFTER_FIRST_FRAME=1 (the
launcher, the window, the menu's first frame), and bench/floor_window.py. The two alternate, so that a busy machine
slows both alike. Bar (issue 14): the game's median at most 1.5 times the floor's.

The window keeps the paper texture it generates in the user's cache folder;
the runs share one (in a temporary folder), filled by a first start that is
reported on its own: the first start on a machine, which happens once.
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


def _env(home: str, root: Path = ROOT) -> dict[str, str]:
    """Headless, and the user's folders (found by platformdirs, as in a real start) inside ``home``."""
    # Bytecode is written as on a player's machine (pip compiles an installed wheel's; a checkout's first run does).
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAPALLO_") and k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1",
            "RAPALLO_EXIT_AFTER_FIRST_FRAME": "1", "PYTHONPATH": str(root), "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_CACHE_HOME": f"{home}/cache", "XDG_DATA_HOME": f"{home}/data",
            "RAPALLO_SAVES": f"{home}/saves"}  # a checkout's saves/ folder is the repository's: keep out of it


def timed(cmd: list[str], home: str, root: Path = ROOT) -> float:
    """Seconds from launching ``cmd`` to its first frame on screen."""
    start = time.time()
    out = subprocess.run(cmd, cwd=root, env=_env(home, root), check=True, capture_output=True, text=True)
    shown = [line for line in out.stderr.splitlines() if line.startswith("first frame at ")]
    if not shown:
        raise SystemExit(f"{' '.join(cmd)} did not draw a frame:\n{out.stderr[-2000:]}")
    return float(shown[-1].split()[-1]) - start


def measure(runs: int = 7, root: Path = ROOT) -> tuple[float, list[float], list[float]]:
    """(the first start, with an empty cache; then the game's and the floor's times, alternating).

    ``root``: the checkout whose ``main.py`` is timed (another one, for a before/after comparison)."""
    game_cmd = [sys.executable, str(root / "main.py")]
    floor_cmd = [sys.executable, str(ROOT / "bench" / "floor_window.py")]
    home = tempfile.mkdtemp(prefix="rapallo-bench-home-")
    timed(floor_cmd, home)  # warm the operating system's file cache; not counted
    first = timed(game_cmd, home, root)
    game, floor = [], []
    for _ in range(runs):
        game.append(timed(game_cmd, home, root))
        floor.append(timed(floor_cmd, home))
    return first, game, floor


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--root", type=Path, default=ROOT, help="the checkout to time (default: this one)")
    args = p.parse_args(argv if argv is not None else [])
    first, game, floor = measure(args.runs, args.root.resolve())
    g, f = statistics.median(game), statistics.median(floor)
    ratio = g / f
    print(f"start to the menu's first frame: median {g:.3f} s of {len(game)} runs "
          f"(min {min(game):.3f}, max {max(game):.3f})")
    print(f"bare pygame_gui window, 7 buttons: median {f:.3f} s of {len(floor)} runs "
          f"(min {min(floor):.3f}, max {max(floor):.3f})")
    print(f"first start on this machine (empty cache): {first:.3f} s")
    print(f"ratio {ratio:.2f} (bar {BAR}): {'ok' if ratio <= BAR else 'MISSED'}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
