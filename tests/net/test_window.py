"""The host's window: it shows the address and code for the projector and who holds which role, and its
Advance button reaches the game only through the server's loop (the facilitator's seat)."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pygame
import pytest

from game.net.server import HostServer
from game.net.session import HostSession
from game.scenario import load_rules


@pytest.fixture
def session(tmp_path: Path) -> HostSession:
    return HostSession.new(load_rules("genoa_rapallo_1922"), tmp_path, "K7QX")


def test_the_advance_from_the_window_moves_the_round_and_is_saved(session: HostSession, tmp_path: Path) -> None:
    server = HostServer(session)
    before = asyncio.run(server.status())
    assert asyncio.run(server.facilitator("advance")) == ""
    after = asyncio.run(server.status())
    assert after["turn"] == before["turn"] + 1 and len(after["roles"]) == len(session.roles) > 20
    assert "briefing" not in str(after)
    again = HostSession.resume(load_rules("genoa_rapallo_1922"), tmp_path)
    assert again.game.state.turn == after["turn"] and again.code == "K7QX"
    assert asyncio.run(server.facilitator("soviet_russia: fly")) != ""


def test_the_window_shows_the_code_and_roles_and_enter_on_the_button_advances(session: HostSession) -> None:
    from game.net.window import SIZE, HostWindow
    pygame.init()
    surface = pygame.display.set_mode(SIZE)
    pressed: list[bool] = []
    window = HostWindow(surface, "http://127.0.0.1:8765/", "K7QX", lambda: pressed.append(True))
    status = asyncio.run(HostServer(session).status())
    window.show(status)
    window.draw(1 / 30)
    assert "K7QX" in window.code_label.text
    assert window.roles.html_text.count("free") == len(status["roles"])
    window.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode="\t"))
    window.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r"))
    assert pressed == [True]
    colours = {tuple(surface.get_at((x, y)))[:3] for x in range(0, SIZE[0], 9) for y in range(0, SIZE[1], 9)}
    assert len(colours) > 5, "the window looks blank"


def test_with_a_display_the_host_opens_its_window_and_serves_from_another_thread(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    from tests.net.conftest import ROOT
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT),
           "RAPALLO_EXIT_AFTER_FIRST_FRAME": "1"}
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "classroom", "host", "--host", "127.0.0.1",
                          "--port", "0", "--saves", str(tmp_path)], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Students open: http://127.0.0.1:" in out.stdout and "No window" not in out.stderr
