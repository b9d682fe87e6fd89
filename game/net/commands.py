"""``python main.py classroom host``: the teacher's game, joined from the students' browsers.

It joins the ``classroom`` command if another module made it (packets,
export), or makes it.
"""
from __future__ import annotations

import argparse
import re
import os
import sys
from typing import Any, Callable

from game.errors import UsageError
from game.scenario import load_rules


def register(sub: argparse._SubParsersAction) -> None:
    classroom = sub.choices.get("classroom")
    if classroom is None:
        classroom = sub.add_parser("classroom", help="classroom play: students join the teacher's game "
                                                     "from their browsers")
    inner = next((a for a in classroom._actions if isinstance(a, argparse._SubParsersAction)), None)
    if inner is None:
        inner = classroom.add_subparsers(dest="classroom_command", metavar="host", required=True)
    add_host(inner)


def add_host(inner: argparse._SubParsersAction) -> None:
    h = inner.add_parser("host", help="run the game here and let students join it from a browser on this network")
    h.add_argument("--scenario", default="genoa_rapallo_1922", metavar="ID|PATH",
                   help="a scenario id or a scenario file (default: genoa_rapallo_1922)")
    h.add_argument("--mods", action="append", metavar="DIR", help="mod folders to load")
    h.add_argument("--host", default=None, metavar="ADDR",
                   help="the address to listen on (default: this machine's address on the local network)")
    h.add_argument("--port", type=_port, default=8765, metavar="N", help="the port (default 8765; 0 picks a free one)")
    h.add_argument("--code", default=None, metavar="CODE", help="the join code students type (default: 4 random "
                                                                 "letters and digits)")
    h.add_argument("--saves", default=None, metavar="DIR", help="where the game and its roles are saved "
                                                                 "(default: $RAPALLO_SAVES or saves/)")
    h.add_argument("--resume", action="store_true", help="continue the classroom game saved in the saves folder, "
                                                          "with its join code and its students' seats")
    h.add_argument("--no-window", action="store_true", help="run without the facilitator's window")
    h.set_defaults(func=cmd_host)


def _port(text: str) -> int:
    if not re.fullmatch(r"\d{1,5}", text) or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 0 to 65535, not {text!r}")
    return int(text)


def _code(text: str) -> str:
    code = text.strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{3,12}", code):
        raise UsageError(f"--code {text!r}: a join code is 3 to 12 letters or digits")
    return code


def cmd_host(args: argparse.Namespace) -> int:
    from game.content import saves_dir
    from game.net.server import lan_address, serve
    from game.net.session import HostSession
    from game.saves.errors import SaveError
    rules = load_rules(args.scenario, args.mods or ())
    if not rules.scenario.roles:
        raise UsageError(f"{args.scenario}: this scenario has no roles: section, so there is nothing to join")
    folder = saves_dir(args.saves)
    if args.resume:
        try:
            session = HostSession.resume(rules, folder)
        except SaveError as e:
            raise UsageError(str(e)) from None
        if args.code and _code(args.code) != session.code:
            raise UsageError(f"--code: the resumed game keeps its join code {session.code}; leave --code out")
    else:
        if HostSession.exists_in(folder):
            raise UsageError(f"{folder}: a classroom game is saved here already; continue it with --resume, "
                             "or start a new one with --saves ANOTHER_FOLDER")
        session = HostSession.new(rules, folder, _code(args.code) if args.code else None)
    host = args.host or lan_address()
    address: list[str] = []

    def announce(addr: str, port: int) -> None:
        address.append(f"http://{addr}:{port}/")
        print(f"Students open: {address[0]}", flush=True)
        print(f"Join code: {session.code}", flush=True)
        print(f"Facilitator key (keep it to yourself): {session.key}", flush=True)
        print(f"Saving to {folder}. Stop with Ctrl+C; continue later with --resume.", flush=True)

    from game.display import FIRST_FRAME_ONLY   # the start benchmark's switch: one frame, then close
    window = not args.no_window and _display()
    try:
        if window:
            _with_window(lambda on_ready: serve(session, host, args.port, announce, on_ready),
                         lambda: (address[0], session.code), bool(os.environ.get(FIRST_FRAME_ONLY)))
        else:
            import asyncio   # here, not at the top: the launcher lists this command before the menu's first frame
            asyncio.run(serve(session, host, args.port, announce))
    except OSError as e:
        raise UsageError(f"cannot listen on {host}:{args.port} ({e.strerror or e}); try another --port") from None
    return 0


def _display() -> bool:
    from game.display import display_available
    ok, why = display_available()
    if not ok:
        print(f"No window ({why}): the host runs without one.", file=sys.stderr)
    return ok


def _with_window(serving: Callable[[Callable[..., None]], Any], url_code: Callable[[], tuple[str, str]],
                 first_frame_only: bool) -> None:
    """The server's loop in a thread, the window on the main thread; a failure to listen reaches the caller."""
    import asyncio
    import threading

    from game.net import window
    failed: list[BaseException] = []

    def start(on_ready: Callable[..., None]) -> "threading.Thread":
        def main() -> None:
            try:
                asyncio.run(serving(on_ready))
            except BaseException as e:  # noqa: BLE001 - handed to the main thread below
                failed.append(e)
        thread = threading.Thread(target=main, name="classroom-host", daemon=True)
        thread.start()
        return thread

    try:
        window.run(start, url_code, first_frame_only)
    except TimeoutError:
        if failed:
            raise failed[0] from None
        raise
