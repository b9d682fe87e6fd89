"""The classroom host under a full class: 35 scripted websocket clients on loopback against a
``classroom host`` subprocess (so the host has the machine to itself, as on a teacher's laptop,
and the clients run in this process).

Bars (issue 10): every client joined and got its observation within 1 s; a command's result and
the new observation to every client it affects within 200 ms at p95. Commands are students'
(policy changes and proposals, one at a time); the facilitator's ``advance`` resolves a whole
turn with the AI playing and is reported on its own line. Also: one save (what every accepted
command costs before its ack) and one seat's observation, in process.

    python -m bench.bench_classroom_net
"""
from __future__ import annotations

import asyncio
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import yaml

from bench.common import ROOT, median_ms, report

CLIENTS = 35
CODE = "BENCH"
COMMANDS = 60            # student commands timed
ADVANCES = 5             # facilitator advances timed
SETTLE_S = 0.4           # quiet time after a result in which the observations it caused must have arrived
POWERS = ("soviet_russia", "britain", "france", "germany", "italy", "united_states", "japan", "belgium", "poland")


def class_scenario(folder: Path) -> Path:
    """Genoa with 35 roles spread over the nine delegations (every role may propose; Soviet ones set policy)."""
    doc = yaml.safe_load((ROOT / "scenarios" / "genoa_rapallo_1922.yaml").read_text(encoding="utf-8"))
    roles = {}
    for i in range(CLIENTS - 1):                       # the 35th client is the facilitator
        power = POWERS[i % len(POWERS)]
        roles[f"{power}_{i}"] = {"delegation": power, "name": f"Student {i}", "public": "A delegate.",
                                 "briefing": f"Brief {i}.", "may": ["propose", "answer", "sign", "speak", "policy"]}
    doc["roles"] = roles
    path = folder / "class.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def start_host(scenario: Path, saves: Path) -> tuple[subprocess.Popen, str, str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "classroom", "host", "--scenario", str(scenario),
                             "--host", "127.0.0.1", "--port", "0", "--saves", str(saves), "--code", CODE,
                             "--no-window"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout], daemon=True).start()
    url = key = ""
    while not (url and key):
        line = lines.get(timeout=30)
        if line.startswith("Students open: "):
            url = line.split(": ", 1)[1].strip()
        elif line.startswith("Facilitator key"):
            key = line.rsplit(": ", 1)[1].strip()
    return proc, url, key


class Student:
    def __init__(self, ws: Any, role: str, seat: str) -> None:
        self.ws, self.role, self.seat = ws, role, seat
        self.observations: list[float] = []        # arrival times
        self.results: asyncio.Queue[tuple[float, dict[str, Any]]] = asyncio.Queue()
        self.first = asyncio.get_running_loop().create_future()

    async def listen(self) -> None:
        async for msg in self.ws:
            now = time.perf_counter()
            body = json.loads(msg.data)
            if body["op"] == "observation":
                self.observations.append(now)
                if not self.first.done():
                    self.first.set_result(now)
            elif body["op"] in ("result", "error"):
                await self.results.put((now, body))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


async def run_class(url: str, key: str, roles: list[str]) -> dict[str, list[float]]:
    import aiohttp
    async with aiohttp.ClientSession() as http:
        seats = [(r, r.rsplit("_", 1)[0], {"role": r}) for r in roles] + [("facilitator", "facilitator",
                                                                          {"role": "facilitator", "key": key})]
        start = time.perf_counter()
        sockets = await asyncio.gather(*(http.ws_connect(url + "ws") for _ in seats))
        students = [Student(ws, role, seat) for ws, (role, seat, _) in zip(sockets, seats)]
        tasks = [asyncio.create_task(s.listen()) for s in students]
        await asyncio.gather(*(s.ws.send_str(json.dumps({"op": "join", "code": CODE, **extra}))
                               for s, (_, _, extra) in zip(students, seats)))
        firsts = await asyncio.wait_for(asyncio.gather(*(s.first for s in students)), timeout=30)
        joined = [(t - start) * 1000 for t in firsts]
        await asyncio.sleep(SETTLE_S)

        async def timed(student: Student, text: str) -> tuple[float, float, bool]:
            marks = [len(s.observations) for s in students]
            t0 = time.perf_counter()
            await student.ws.send_str(json.dumps({"op": "command", "text": text}))
            t_result, body = await asyncio.wait_for(student.results.get(), timeout=60)
            await asyncio.sleep(SETTLE_S)
            arrivals = [t for s, m in zip(students, marks) for t in s.observations[m:]]
            done = max([t_result, *arrivals])
            return (t_result - t0) * 1000, (done - t0) * 1000, bool(body.get("ok"))

        soviets = [s for s in students if s.seat == "soviet_russia"]
        others = [s for s in students if s.seat not in ("soviet_russia", "facilitator")]
        result_ms, all_ms, advance_ms, refused = [], [], [], 0
        for i in range(COMMANDS):
            if i % 2 == 0:
                s = soviets[i // 2 % len(soviets)]
                text = f"soviet_russia: policy comintern {20 + 10 * (i // 2 % 6)}"
            else:
                s = others[i // 2 % len(others)]
                text = f"{s.seat}: propose soviet_russia: trade_agreement(terms=basic)"
            r, a, ok = await timed(s, text)
            result_ms.append(r)
            all_ms.append(a)
            refused += not ok
        teacher = students[-1]
        for _ in range(ADVANCES):
            advance_ms.append((await timed(teacher, "advance"))[1])
        for s in students:
            await s.ws.close()
        for t in tasks:
            t.cancel()
        return {"joined": joined, "result": result_ms, "all": all_ms, "advance": advance_ms, "refused": [refused]}


def in_process(scenario: Path, folder: Path) -> tuple[float, float]:
    from game.net.session import HostSession
    from game.scenario import load_rules
    session = HostSession.new(load_rules(str(scenario)), folder, CODE)
    session.game.apply("advance", by="facilitator")
    save = median_ms(session.save_game, 15)

    def observe() -> None:
        session.version += 1
        session.observation_json("soviet_russia")
    return save, median_ms(observe, 15)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        scenario = class_scenario(folder)
        roles = list(yaml.safe_load(scenario.read_text(encoding="utf-8"))["roles"])
        save_ms, observe_ms = in_process(scenario, folder / "inproc")
        proc, url, key = start_host(scenario, folder / "saves")
        try:
            numbers = asyncio.run(run_class(url, key, roles))
        finally:
            proc.kill()
            proc.wait()
    report(f"{CLIENTS} clients joined, slowest first observation", max(numbers["joined"]), "ms", "<= 1000 ms",
           max(numbers["joined"]) <= 1000)
    report(f"{CLIENTS} clients joined, median first observation", statistics.median(numbers["joined"]), "ms",
           "-", True)
    report("command result p95", p95(numbers["result"]), "ms", "<= 200 ms", p95(numbers["result"]) <= 200)
    report("command result + every new observation p95", p95(numbers["all"]), "ms", "<= 200 ms",
           p95(numbers["all"]) <= 200)
    report("command result + every new observation median", statistics.median(numbers["all"]), "ms", "-", True)
    report("advance (turn resolves, AI plays) median", statistics.median(numbers["advance"]), "ms", "-", True)
    report("advance (turn resolves, AI plays) max", max(numbers["advance"]), "ms", "-", True)
    report("save before each ack (in process) median", save_ms, "ms", "-", True)
    report("one seat's observation (in process) median", observe_ms, "ms", "-", True)
    print(f"({COMMANDS} student commands, {numbers['refused'][0]} of them refused by the rules; "
          f"{ADVANCES} advances by the facilitator)")


if __name__ == "__main__":
    main()
