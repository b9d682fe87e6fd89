"""The host's window (pygame-ce + pygame_gui): the address and the join code large enough for the
projector, which roles are taken, the game's date, and the facilitator's Advance button.

Threads: the window runs on the main thread (SDL wants it); the server's event loop runs in another,
and owns the game. The window never touches the game: it asks the loop for a status (a plain dict)
and sends the facilitator's commands through it, each with ``run_coroutine_threadsafe``.
"""
from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future
from typing import Any, Callable

import pygame
import pygame_gui

from game.ui.theme import Scale, make_manager, palette_for

SIZE = (1280, 720)
TEXT = {
    "caption": "Rapallo: classroom host",
    "open": "Students open  {url}",
    "code": "Join code  {code}",
    "date": "Round {turn} of {last}  ·  {date}",
    "roles": "Roles ({held} of {total} taken)",
    "taken": "taken",
    "free": "free",
    "advance": "Advance the round",
    "advanced": "The round advanced.",
    "refused": "Refused: {error}",
    "keys": "Tab moves to the button, Enter presses it; closing the window stops the host.",
}


class HostWindow:
    """The window's widgets, drawn from a status dict; ``advance`` is called when the button is pressed."""

    def __init__(self, surface: pygame.Surface, url: str, code: str, advance: Callable[[], None]) -> None:
        self.surface, self.advance = surface, advance
        scale = Scale(surface.get_size())
        self.palette = palette_for(False)
        self.manager = make_manager(surface.get_size(), self.palette, scale)
        r = scale.rect
        pygame_gui.elements.UILabel(r(40, 24, 1200, 50), TEXT["open"].format(url=url), self.manager,
                                    object_id="#heading")
        self.code_label = pygame_gui.elements.UILabel(r(40, 78, 1200, 70), TEXT["code"].format(code=code),
                                                      self.manager, object_id="#title")
        self.date = pygame_gui.elements.UILabel(r(40, 156, 760, 36), "", self.manager, object_id="#subtitle")
        self.button = pygame_gui.elements.UIButton(r(900, 152, 340, 48), TEXT["advance"], self.manager,
                                                   object_id="#primary")
        self.note = pygame_gui.elements.UILabel(r(820, 206, 420, 30), "", self.manager, object_id="#caption")
        self.roles_head = pygame_gui.elements.UILabel(r(40, 206, 760, 30), "", self.manager, object_id="#heading")
        self.roles = pygame_gui.elements.UITextBox("", r(40, 242, 1200, 420), self.manager)
        pygame_gui.elements.UILabel(r(40, 672, 1200, 30), TEXT["keys"], self.manager, object_id="#caption")
        self._shown: Any = None
        # pygame_gui wants every font it will draw loaded up front: the bold body face of the role list.
        self.manager.preload_fonts([{"name": "body", "point_size": scale.font(16), "style": "bold",
                                     "antialiased": "1"}])

    @property
    def shown(self) -> bool:
        return self._shown is not None

    def show(self, status: dict[str, Any]) -> None:
        if status == self._shown:
            return
        self._shown = status
        self.date.set_text(TEXT["date"].format(turn=status["turn"] + 1, last=status["last_turn"] + 1,
                                               date=status["date"]))
        roles = status["roles"]
        self.roles_head.set_text(TEXT["roles"].format(held=sum(r["held"] for r in roles), total=len(roles)))
        lines = [f"<b>{r['delegation_name']}</b>: {r['name']} — {TEXT['taken'] if r['held'] else TEXT['free']}"
                 for r in roles]
        self.roles.set_text("<br>".join(lines))

    def say(self, text: str) -> None:
        self.note.set_text(text)

    def handle(self, event: pygame.event.Event) -> None:
        self.manager.process_events(event)
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.button:
            self.advance()
        elif event.type == pygame.KEYDOWN and event.key in (pygame.K_TAB, pygame.K_RETURN, pygame.K_KP_ENTER):
            if event.key == pygame.K_TAB:
                self.manager.set_focus_set(self.button)
            elif self.button.is_focused:
                self.advance()

    def draw(self, dt: float) -> None:
        self.manager.update(dt)
        self.surface.fill(pygame.Color(self.palette.as_dict()["paper"]))
        self.manager.draw_ui(self.surface)
        if self.button.is_focused:   # the focus, visible: a ring around the button
            pygame.draw.rect(self.surface, pygame.Color(self.palette.as_dict()["ink"]),
                             self.button.rect.inflate(8, 8), 3)


def run(serve_in_thread: Callable[[Callable[[asyncio.AbstractEventLoop, Any], None]], threading.Thread],
        url_code: Callable[[], tuple[str, str]], first_frame_only: bool = False) -> None:
    """Start the server thread, then run the window until it is closed (after one frame with a first
    status drawn, for the start benchmark and the tests)."""
    ready: Future[tuple[asyncio.AbstractEventLoop, Any]] = Future()
    thread = serve_in_thread(lambda loop, server: ready.set_result((loop, server)))
    while not ready.done():                   # TimeoutError when the server stopped before it listened
        if not thread.is_alive():
            raise TimeoutError("the server stopped before it was ready")
        try:
            ready.result(timeout=0.1)
        except TimeoutError:
            pass
    loop, server = ready.result()
    pygame.init()
    surface = pygame.display.set_mode(SIZE, pygame.RESIZABLE)
    pygame.display.set_caption(TEXT["caption"])
    url, code = url_code()
    pending: list[Future[Any]] = []

    def advance() -> None:
        pending.append(asyncio.run_coroutine_threadsafe(server.facilitator("advance"), loop))

    window = HostWindow(surface, url, code, advance)
    clock = pygame.time.Clock()
    status, asked = asyncio.run_coroutine_threadsafe(server.status(), loop), -1000
    try:
        while True:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    return
                window.handle(event)
            if status.done() and pygame.time.get_ticks() - asked >= 500:   # twice a second is enough
                window.show(status.result())
                status, asked = asyncio.run_coroutine_threadsafe(server.status(), loop), pygame.time.get_ticks()
            for f in [f for f in pending if f.done()]:
                pending.remove(f)
                error = f.result()
                window.say(TEXT["advanced"] if not error else TEXT["refused"].format(error=error))
            window.draw(clock.tick(30) / 1000)
            pygame.display.flip()
            if first_frame_only and window.shown:
                return
    finally:
        pygame.quit()
