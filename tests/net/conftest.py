"""Shared pieces of the classroom host tests: a scenario whose 30 roles carry marked briefings, a host run as a
subprocess on 127.0.0.1 with a free port, and a small websocket client."""
from __future__ import annotations

import asyncio
import json
import os
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

aiohttp = pytest.importorskip("aiohttp", reason="aiohttp is not installed (pip install -e '.[test]')")

ROOT = Path(__file__).resolve().parents[2]
CODE = "QX7K"
#: Roles per delegation in the marked scenario: 30 in all.
PER_POWER = {"soviet_russia": 6, "britain": 4, "france": 3, "germany": 4, "italy": 3, "united_states": 2,
             "japan": 2, "belgium": 3, "poland": 3}


def mark(role: str) -> str:
    return f"SECRETMARK-{role}-END"


def write_marked_scenario(folder: Path) -> Path:
    """Genoa with 30 roles whose briefings are unique marks; the first Soviet role may set policy, the second not."""
    doc = yaml.safe_load((ROOT / "scenarios" / "genoa_rapallo_1922.yaml").read_text(encoding="utf-8"))
    roles: dict[str, Any] = {}
    for power, n in PER_POWER.items():
        for i in range(n):
            rid = f"{power}_{i}"
            may = ["propose", "answer", "sign", "speak", "meet", "end"] + (["policy"] if i == 0 else [])
            roles[rid] = {"delegation": power, "name": f"Delegate {i} of {power}", "title": "Delegate",
                          "public": f"A member of the {power} delegation.", "briefing": mark(rid), "may": may}
    assert len(roles) == 30
    doc["roles"] = roles
    path = folder / "marked.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


@dataclass
class Host:
    proc: subprocess.Popen
    url: str
    key: str
    lines: list[str] = field(default_factory=list)

    @property
    def ws_url(self) -> str:
        return self.url + "ws"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)


def start_host(scenario: Path, saves: Path, *extra: str) -> Host:
    """Start ``classroom host`` and wait (up to 10 s) for the address and key it prints."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "classroom", "host", "--scenario", str(scenario),
                             "--host", "127.0.0.1", "--port", "0", "--saves", str(saves), "--no-window", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    seen: list[str] = []
    url = key = ""
    try:
        while not (url and key):
            line = lines.get(timeout=10)
            seen.append(line)
            if line.startswith("Students open: "):
                url = line.split(": ", 1)[1].strip()
            if line.startswith("Facilitator key"):
                key = line.rsplit(": ", 1)[1].strip()
    except queue.Empty:
        proc.kill()
        raise AssertionError(f"the host printed no address within 10 s: {seen} {proc.stderr.read()}") from None
    return Host(proc, url, key, seen)


class Client:
    """A websocket client speaking the protocol, keeping every raw message it received."""

    def __init__(self, session: aiohttp.ClientSession, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.session, self.ws, self.raw = session, ws, []

    @classmethod
    async def connect(cls, url: str) -> "Client":
        session = aiohttp.ClientSession()
        return cls(session, await session.ws_connect(url))

    async def send(self, **body: Any) -> None:
        await self.ws.send_str(json.dumps(body))

    async def recv(self, timeout: float = 10.0) -> dict[str, Any]:
        msg = await self.ws.receive(timeout=timeout)
        assert msg.type == aiohttp.WSMsgType.TEXT, f"expected a text message, got {msg.type}"
        self.raw.append(msg.data)
        return json.loads(msg.data)

    async def until(self, op: str, timeout: float = 10.0) -> dict[str, Any]:
        """The next message with ``op`` (others are kept in ``raw``)."""
        while True:
            body = await self.recv(timeout)
            if body["op"] == op:
                return body

    async def join(self, role: str, code: str = CODE, **more: Any) -> dict[str, Any]:
        """Join and return the answer ("joined" or "error"), past any update of the role list."""
        await self.send(op="join", code=code, role=role, **more)
        return await self.join_answer()

    async def join_answer(self) -> dict[str, Any]:
        while True:
            body = await self.recv()
            if body["op"] in ("joined", "error"):
                return body

    async def close(self) -> None:
        await self.ws.close()
        await self.session.close()


def run(coro: Any) -> Any:
    return asyncio.run(coro)


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_marked_scenario(tmp_path_factory.mktemp("scenario"))


@pytest.fixture(scope="module")
def host(marked: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Host]:
    h = start_host(marked, tmp_path_factory.mktemp("saves"), "--code", CODE)
    yield h
    h.stop()
