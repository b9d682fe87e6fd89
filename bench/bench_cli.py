"""The launcher's limits in practice: a million seeds are streamed, so ``simulate --seeds 1000000 | head``
starts printing at once, stops when the reader goes away, and holds little memory."""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time

from bench.common import ROOT, report


def _million_seeds_into_head() -> tuple[float, float]:
    """Seconds until ``simulate --seeds 10**6 --json | head -c 200`` ends, and the simulator's peak RSS in MB."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    sim = subprocess.Popen([sys.executable, "main.py", "simulate", "--scenario", "genoa_rapallo_1922",
                            "--seeds", "1000000", "--turns", "1", "--json"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert sim.stdout is not None
    sim.stdout.read(200)
    sim.stdout.close()                      # the reader goes away, as head does
    sim.wait(timeout=600)
    seconds = time.perf_counter() - t
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return seconds, peak


def main() -> None:
    runs = [_million_seeds_into_head() for _ in range(3)]
    seconds = statistics.median(r[0] for r in runs)
    peak = max(r[1] for r in runs)
    report("simulate --seeds 10**6 | head: seconds to stop", seconds, "s", "< 30 s", seconds < 30)
    report("simulate --seeds 10**6 | head: peak memory", peak, "MB", "< 200 MB", peak < 200)


if __name__ == "__main__":
    main()
