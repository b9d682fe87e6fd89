"""The classroom host's web server (aiohttp): the student page and the
websocket at ``/ws`` that speaks the protocol of docs/CLASSROOM.md.

Everything runs on one asyncio event loop in one thread, so the game is
touched from that thread only. A client is trusted with nothing: the join
code gates joining, a role's token is needed to take it back, every message
is size- and rate-limited, and what a client sees is its seat's observation
(computed once per change per seat and shared by every client at that seat)
plus its own role's brief, sent to it alone.
"""
from __future__ import annotations

import asyncio
import json
import socket
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from aiohttp import WSMsgType, web

from game.net.mapsvg import map_svg
from game.net.session import HostSession, Refused, Seat, write_all

WEB = Path(__file__).resolve().parent / "web"
MAX_MESSAGE = 64 * 1024          # bytes a client may send in one message
RATE = 20.0                      # messages a second a connection may keep up
BURST = 40.0                     # ... and how many it may send at once
CONTENT_TYPES = {".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml"}


def lan_address() -> str:
    """The address other machines on the network reach this one at, found without sending a packet
    (connecting a UDP socket only picks a route); 127.0.0.1 when there is no network."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.connect(("10.255.255.255", 1))
        return str(s.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        s.close()


@dataclass(eq=False)
class Client:
    """One websocket connection and what it holds."""

    ws: web.WebSocketResponse
    seat: Seat | None = None
    last: str = ""                       # the observation last sent, to send only what changed
    choosing: bool = False               # asked for the roles and has not joined yet: gets their updates
    ready: bool = False                  # told it has joined: observations may follow
    allowance: float = BURST
    checked: float = field(default_factory=time.monotonic)

    def within_rate(self) -> bool:
        now = time.monotonic()
        self.allowance = min(BURST, self.allowance + (now - self.checked) * RATE)
        self.checked = now
        if self.allowance < 1.0:
            return False
        self.allowance -= 1.0
        return True


class HostServer:
    """The web face of a HostSession."""

    def __init__(self, session: HostSession) -> None:
        self.session = session
        self.clients: set[Client] = set()
        self._write_lock = asyncio.Lock()
        self._asked = self._written = 0     # persist() calls made, and how many of them a finished write covers
        self._map: tuple[tuple[str, ...], bytes] | None = None   # the names it was drawn with, and the drawing
        self.files = {p.name: p for p in WEB.iterdir() if p.is_file() and p.suffix in CONTENT_TYPES}
        self.app = web.Application(client_max_size=MAX_MESSAGE)
        self.app.router.add_get("/", self.index)
        self.app.router.add_get("/ws", self.websocket)
        self.app.router.add_get("/map.svg", self.map)
        self.app.router.add_get("/{name}", self.static)

    # --- files: only the page's own, by name ------------------------------------------------------

    async def index(self, request: web.Request) -> web.StreamResponse:
        return self._file("index.html")

    async def map(self, request: web.Request) -> web.StreamResponse:
        rules, state = self.session.rules, self.session.game.state
        names = {p: rules.power_name(p, state) for p in rules.powers}
        if self._map is None or self._map[0] != tuple(names.values()):   # drawn again only after a rename
            self._map = (tuple(names.values()), map_svg(powers=names).encode())
        return web.Response(body=self._map[1], content_type="image/svg+xml", charset="utf-8",
                            headers={"Cache-Control": "max-age=3600", "X-Content-Type-Options": "nosniff"})

    async def static(self, request: web.Request) -> web.StreamResponse:
        return self._file(request.match_info["name"])

    def _file(self, name: str) -> web.StreamResponse:
        path = self.files.get(name)
        if path is None:
            raise web.HTTPNotFound(text="not found")
        return web.Response(body=path.read_bytes(), content_type=CONTENT_TYPES[path.suffix], charset="utf-8",
                            headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})

    # --- the websocket ----------------------------------------------------------------------------

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE, heartbeat=30)
        await ws.prepare(request)
        client = Client(ws)
        self.clients.add(client)
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    if msg.type == WSMsgType.BINARY:
                        await self._send(client, {"op": "error", "message": "send JSON text, not binary"})
                    continue
                if not client.within_rate():
                    await self._send(client, {"op": "error", "message": "too many messages: slow down"})
                    continue
                await self._handle(client, msg.data)
        finally:
            self.clients.discard(client)
            if client.seat is not None:      # the role is free again for whoever is choosing
                await self._broadcast_roles()
        return ws

    async def _handle(self, client: Client, data: str) -> None:
        try:
            msg = json.loads(data)
        except ValueError:
            await self._send(client, {"op": "error", "message": "that message is not JSON"})
            return
        if not isinstance(msg, dict) or not isinstance(msg.get("op"), str):
            await self._send(client, {"op": "error", "message": "a message is a JSON object with an 'op'"})
            return
        handler: Callable[[Client, dict[str, Any]], Any] | None = getattr(self, "op_" + msg["op"], None)
        if handler is None:
            await self._send(client, {"op": "error", "message": f"unknown op {msg['op']!r}"})
            return
        try:
            await handler(client, msg)
        except Refused as e:
            reply = "result" if msg["op"] == "command" else "error"
            body: dict[str, Any] = {"op": reply, "message": str(e)}
            if reply == "result":
                body = {"op": "result", "ok": False, "error": str(e)}
            await self._send(client, body)
        except OSError as e:    # the disk refused a save: the class must hear it, the teacher must see it
            print(f"error: the classroom game could not be saved ({e})", file=sys.stderr, flush=True)
            await self._send(client, {"op": "error", "message": "the host could not save the game; tell the teacher"})
        except Exception:       # a bug must not take the host down with it: report it and keep serving
            traceback.print_exc()
            await self._send(client, {"op": "error", "message": "the host could not do that (an internal error)"})

    def _held(self, besides: Client | None = None) -> frozenset[str]:
        return frozenset(c.seat.role for c in self.clients if c.seat is not None and c is not besides)

    async def op_roles(self, client: Client, msg: dict[str, Any]) -> None:
        client.choosing = client.seat is None
        await self._send(client, {"op": "roles", "roles": self.session.role_list(self._held())})

    async def op_join(self, client: Client, msg: dict[str, Any]) -> None:
        seat, token = self.session.join(msg.get("code", ""), str(msg.get("role", "")), str(msg.get("token") or ""),
                                        str(msg.get("key") or ""), self._held(besides=client))
        for other in list(self.clients):   # the same student in a newer window: the older one gives the role up
            if other is not client and other.seat is not None and other.seat.role == seat.role \
                    and seat.role not in ("facilitator", "observer"):
                other.seat, other.ready = None, False
                await self._send(other, {"op": "error", "message": "this role was taken up in another window"})
        # Seated at once, so that nobody else takes the role while its token is being saved; observations
        # start only after "joined" (``ready``), which waits for the save.
        client.seat, client.ready, client.last, client.choosing = seat, False, "", False
        try:
            await self.persist()
        except BaseException:
            client.seat = None
            raise
        s = self.session
        powers = [{"id": p, "name": s.rules.power_name(p, s.game.state)} for p in s.rules.powers]
        await self._send(client, {"op": "joined", "role": seat.role, "seat": seat.seat, "token": token,
                                  "brief": s.brief(seat.role), "clauses": s.clause_catalogue(), "powers": powers,
                                  "round_minutes": s.rules.scenario.classroom.round_minutes})
        client.ready = True
        await self._observe(client)
        await self._broadcast_roles()

    async def op_command(self, client: Client, msg: dict[str, Any]) -> None:
        if client.seat is None or not client.ready:
            raise Refused("join a role first")
        self.session.command(client.seat, msg.get("text", ""))
        await self.persist()
        await self._send(client, {"op": "result", "ok": True})
        await self.broadcast()

    async def op_estimate(self, client: Client, msg: dict[str, Any]) -> None:
        if client.seat is None:
            raise Refused("join a role first")
        views = self.session.estimate(client.seat, str(msg.get("text", "")))
        await self._send(client, {"op": "estimate", "text": msg.get("text", ""), "estimates": views})

    async def op_ping(self, client: Client, msg: dict[str, Any]) -> None:
        await self._send(client, {"op": "pong"})

    async def persist(self) -> None:
        """Return once every change made before this call is on disk. Changes that come together share one
        write (a group commit): 35 students joining at once cost a few writes, not 35."""
        self._asked += 1
        mine = self._asked
        async with self._write_lock:
            if self._written >= mine:
                return
            covered = self._asked
            jobs = self.session.pending_writes()
            if jobs:
                await asyncio.to_thread(write_all, jobs)
                for _path, _data, done in jobs:
                    done()
            self._written = covered

    # --- the host's window, on this loop ---------------------------------------------------------------

    async def status(self) -> dict[str, Any]:
        """What the host's window shows: the date and who holds which role (no secrets)."""
        state = self.session.game.state
        return {"turn": state.turn, "last_turn": self.session.rules.last_turn, "date": state.date,
                "roles": self.session.role_list(self._held())}

    async def facilitator(self, text: str) -> str:
        """A facilitator's command from the host's window; "" when done, else why it was refused."""
        try:
            self.session.command(Seat("facilitator", "facilitator"), text)
        except Refused as e:
            return str(e)
        await self.persist()
        await self.broadcast()
        return ""

    # --- sending ----------------------------------------------------------------------------------

    async def broadcast(self) -> None:
        """The new observation to every client whose seat can see a change (once per seat, shared)."""
        await asyncio.gather(*(self._observe(c) for c in list(self.clients) if c.seat is not None and c.ready))

    async def _observe(self, client: Client) -> None:
        assert client.seat is not None
        data = self.session.observation_json(client.seat.seat)
        if data == client.last:
            return
        client.last = data
        head = json.dumps({"op": "observation", "seat": client.seat.seat})
        await self._send_text(client, head[:-1] + ', "data": ' + data + "}")

    async def _broadcast_roles(self) -> None:
        roles = self.session.role_list(self._held())
        waiting = [c for c in self.clients if c.choosing]
        await asyncio.gather(*(self._send(c, {"op": "roles", "roles": roles}) for c in waiting))

    async def _send(self, client: Client, body: dict[str, Any]) -> None:
        await self._send_text(client, json.dumps(body))

    @staticmethod
    async def _send_text(client: Client, text: str) -> None:
        if client.ws.closed:
            return
        try:
            await client.ws.send_str(text)
        except (ConnectionError, RuntimeError):
            pass  # the client went away mid-send; its handler cleans up


async def serve(session: HostSession, host: str, port: int, announce: Callable[[str, int], None],
                on_ready: Callable[[asyncio.AbstractEventLoop, HostServer], None] | None = None) -> None:
    """Serve until cancelled (Ctrl+C); ``announce(host, port)`` once listening, then ``on_ready(loop, server)``
    (the window's way in: it calls the server's coroutines on this loop, never the game directly)."""
    server = HostServer(session)
    runner = web.AppRunner(server.app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = runner.addresses[0][1] if runner.addresses else port
    announce(host, int(bound))
    if on_ready is not None:
        on_ready(asyncio.get_running_loop(), server)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
