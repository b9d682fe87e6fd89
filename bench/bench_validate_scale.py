"""How validation grows with the size of a file: many minimal powers, many
events. The checker must stay linear (indexes by id, line maps built once),
so 600 powers validate in well under 3 s. Prints the median of several runs."""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from game.scenario.documents import clear_cache
from game.scenario.validate import validate_paths

HEAD = """id: scale_{kind}_{n}
title: Scale
start: 1921-01-01
end: 1921-12-31
hub: p0
interests:
  trade: {{title: Trade}}
clause_types:
  deal:
    title: A deal
    value:
      hub: [{{label: trade, interest: trade, amount: 1}}]
      partner: [{{label: trade, interest: trade, amount: 1}}]
"""


def powers_file(n: int) -> str:
    lines = [HEAD.format(kind="powers", n=n), "powers:"]
    for i in range(n):
        lines.append(f"  p{i}: {{name: Power {i}, leader: l, leaders: {{l: {{name: L}}}}, playable: false}}")
    return "\n".join(lines) + "\n"


def events_file(n: int) -> str:
    lines = [HEAD.format(kind="events", n=n), "powers:",
             "  p0: {name: Hub, leader: l, leaders: {l: {name: L}}, playable: false}",
             "  p1: {name: Other, leader: l, leaders: {l: {name: L}}, playable: false}", "events:"]
    for i in range(n):
        lines.append(f"  - {{id: e{i}, title: Event {i}, text: Something happens., from: 1921-02-01, "
                     f"effects: [{{adjust: {{var: p1.trust, by: 1}}}}]}}")
    return "\n".join(lines) + "\n"


def timed(text: str, folder: Path, runs: int = 3) -> tuple[float, int]:
    path = folder / "scale.yaml"
    path.write_text(text, encoding="utf-8")
    times = []
    for _ in range(runs):
        clear_cache()
        t = time.perf_counter()
        report = validate_paths([str(path)])
        times.append(time.perf_counter() - t)
    return statistics.median(times), report.errors


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        for n in (150, 300, 600, 1000):
            text = powers_file(n)
            secs, errs = timed(text, folder)
            print(f"{n:6d} powers ({len(text) // 1024} KB): {secs:6.2f} s median of 3, {errs} errors")
        for n in (1000, 10000):
            text = events_file(n)
            secs, errs = timed(text, folder)
            print(f"{n:6d} events ({len(text) // 1024} KB): {secs:6.2f} s median of 3, {errs} errors")


if __name__ == "__main__":
    main()
