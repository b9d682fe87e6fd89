"""The window's loop, made to be stepped: ``App.step(events)`` handles one
batch of input, updates and draws one frame, and returns at once, so that
tests and the screenshot tool drive it frame by frame with no blocking
loop. ``run_window`` is the real loop around it.

The app owns the display surface, the pygame_gui manager (made again when
the window size, UI scale, text size or palette changes), the stack of
screens (a modal one is drawn over a dimmed picture of the one below),
the game session, and a few things every screen shares: short messages
("toasts"), the keyboard-focus tooltip and the help overlay.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import pygame
import pygame_gui

from game import i18n
from game.errors import UsageError
from game.i18n import S
from game.ui import text as tx
from game.ui.links import link_target
from game.ui.settings import Settings
from game.ui.theme import Scale, make_manager, palette_for
from game.ui.widgets.paper import paper

if TYPE_CHECKING:
    from game.ui.screens.base import Screen
    from game.saves.session import Session

TOAST_SECONDS = 6.0
#: A notice shown this long has been seen: the next click, key or change of screen puts it away.
TOAST_READ_SECONDS = 1.0
TOASTS_SHOWN = 2

# pygame_gui asks for fonts to be preloaded; ours load on first use, at a cost too small to matter.
warnings.filterwarnings("ignore", message=".*not already loaded.*", category=UserWarning)
warnings.filterwarnings("ignore", message=".*[Pp]reload.*", category=UserWarning)


class App:
    def __init__(self, size: tuple[int, int] | None = None, settings: Settings | None = None, *,
                 window: bool = False, settings_dir: Path | None = None, first_screen: "Screen | None" = None) -> None:
        self.settings_dir = settings_dir
        self.settings = settings if settings is not None else Settings.load(settings_dir)
        i18n.use_setting(self.settings.language)
        self.window = window
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(350, 40)
        self.surface = self._set_mode(size or self.settings.window_size, window and self.settings.fullscreen)
        pygame.display.set_caption(S["ui.window_title"])
        self.size: tuple[int, int] = self.surface.get_size()
        self.palette = palette_for(self.settings.colour_blind)
        self.scale = Scale(self.size, self.settings.ui_scale, self.settings.text_factor)
        self.manager = make_manager(self.size, self.palette, self.scale)
        self.stack: list[Screen] = []
        self.session: Session | None = None
        self.announced: set[int] = set()   # treaties already shown to the player as a card
        #: ``play --campaign``: at the end of a part with a next one, play on into it without asking.
        self.campaign = False
        self.running = True
        self.time = 0.0
        self.frames = 0
        #: Notices on screen: (text, when it expires, when it appeared).
        self.toasts: list[tuple[str, float, float]] = []
        self._under: pygame.Surface | None = None
        self.settings_version = 0
        from game.saves.store import SaveStore
        self.store: SaveStore | None = SaveStore()
        self.reloader = None
        self._reload_seen = 0
        if first_screen is None:
            from game.ui.screens.menu import MenuScreen
            first_screen = MenuScreen(self)
        self.switch(first_screen)

    # --- display ---------------------------------------------------------------------------

    def _set_mode(self, size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        flags = pygame.RESIZABLE
        if fullscreen:
            sizes = pygame.display.get_desktop_sizes() or [size]
            return pygame.display.set_mode(sizes[0], pygame.FULLSCREEN)
        return pygame.display.set_mode(size, flags)

    def layout_key(self) -> tuple:
        return (self.scale.key(), self.settings.colour_blind, self.settings_version)

    def resize(self, size: tuple[int, int], fullscreen: bool | None = None) -> None:
        """A new window size (or full screen): everything is laid out again."""
        if fullscreen is not None or tuple(size) != tuple(self.surface.get_size()):
            self.surface = self._set_mode(size, bool(fullscreen) and self.window)
        self.size = self.surface.get_size()
        self._restyle()

    def apply_settings(self, settings: Settings, save: bool = True) -> None:
        old = self.settings
        self.settings = settings
        if save:
            settings.save(self.settings_dir)
        self.settings_version += 1
        if old.language != settings.language:
            i18n.set_language(settings.language or "en")
        if self.window and (old.fullscreen != settings.fullscreen or old.window_size != settings.window_size):
            self.resize(settings.window_size, settings.fullscreen)
            return
        self._restyle()

    def _restyle(self) -> None:
        self.palette = palette_for(self.settings.colour_blind)
        self.scale = Scale(self.size, self.settings.ui_scale, self.settings.text_factor)
        for s in self.stack:
            s.destroy()
        self.manager = make_manager(self.size, self.palette, self.scale)
        tx.clear_cache()
        for s in self.stack:
            s.build()
            s.hide()
        if self.stack:
            self.top.show()
            self._snapshot_under()

    # --- screens ---------------------------------------------------------------------------

    @property
    def top(self) -> "Screen":
        return self.stack[-1]

    def switch(self, screen: "Screen") -> None:
        """Replace every screen with this one."""
        self.settle_toasts()
        for s in self.stack:
            s.destroy()
        self.stack = []
        self._under = None
        self.push(screen)

    def push(self, screen: "Screen") -> None:
        if self.stack and screen.modal:
            self._under = self._render(self.top, dim=True)
        if self.stack:
            self.top.hide()
        self.stack.append(screen)
        screen.build()
        screen.on_enter()

    def pop(self) -> None:
        if len(self.stack) <= 1:
            return
        gone = self.stack.pop()
        gone.destroy()
        self.top.show()
        self._snapshot_under()
        self.top.on_enter()

    def replace(self, screen: "Screen") -> None:
        """Put this screen in place of the top one."""
        if len(self.stack) <= 1:
            self.switch(screen)
            return
        gone = self.stack.pop()
        gone.destroy()
        self.top.show()
        self._snapshot_under()
        self.push(screen)

    def find(self, name: str) -> "Screen | None":
        return next((s for s in reversed(self.stack) if s.name == name), None)

    def _snapshot_under(self) -> None:
        self._under = None
        if len(self.stack) >= 2 and self.top.modal:
            below = self.stack[-2]
            self.top.hide()
            below.show()
            self._under = self._render(below, dim=True)
            below.hide()
            self.top.show()

    def _render(self, screen: "Screen", dim: bool) -> pygame.Surface:
        self._refresh_if_needed(screen)
        self.manager.update(0.0)
        surf = pygame.Surface(self.size).convert() if pygame.display.get_surface() else pygame.Surface(self.size)
        self._draw_screen(surf, screen)
        self.manager.draw_ui(surf)
        screen.draw_front(surf)
        if dim:
            veil = pygame.Surface(self.size, pygame.SRCALPHA)
            veil.fill((42, 33, 25, 120))
            surf.blit(veil, (0, 0))
        return surf

    # --- the game --------------------------------------------------------------------------

    def start(self, session: "Session") -> None:
        """Begin playing a session: the map, then any decision that is waiting."""
        from game.ui.screens.world import MapScreen
        if session.store is None and self.store is not None:
            session.store = self.store
        if self.session is not None and self.session is not session:
            self.session.close()      # one game, one autosaving session: the hot-seat hands the game on
        self.session = session
        # Treaties signed before this game was opened were announced when they were signed.
        self.announced = {t.id for t in session.state.treaties}
        self.reloader = None
        if self.settings.watch_scenario:
            self.reloader = make_reloader(session.rules.id)
        self.switch(MapScreen(self))
        self.prompt_events()

    def prompt_events(self) -> None:
        if self.session is None:
            return
        if self.session.game.is_terminal():
            from game.ui.screens.ending import EndScreen
            if self.campaign and self.play_on():
                return
            if self.top.name != "end":
                self.switch(EndScreen(self))
            return
        waiting = self.session.pending_choices()
        if waiting and self.top.name != "event":
            from game.ui.screens.event import EventScreen
            self.push(EventScreen(self, waiting[0]))
            return
        self.announce_treaties()

    def play_on(self) -> bool:
        """Carry the finished game on into its campaign's next part, on the map; False (and the ending says
        why) when there is none or it cannot be played."""
        s = self.session
        part = s.next_part() if s is not None and s.power else None
        if s is None or part is None or not part.playable:
            return False
        from game.saves.errors import SaveError
        try:
            s.continue_campaign(part)
        except SaveError as e:
            self.toast(str(e))
            return False
        self.start(s)
        self.toast(S["ui.end.continued"].format(title=part.title, carried=part.carried()))
        return True

    def announce_treaties(self) -> None:
        """A treaty of the player's own is news worth a card, not a line: announce each new one once."""
        s = self.session
        if s is None or self.top.modal:
            return
        new = [t for t in s.state.treaties if t.id not in self.announced
               and s.power in t.parties(s.rules.hub)]  # the hub signs its own, not those among the others
        if new:
            from game.ui.screens.announcement import AnnouncementScreen, treaty_announcement
            self.announced.add(new[0].id)
            self.push(AnnouncementScreen(self, treaty_announcement(s.rules, new[0], s.state)))

    def end_turn(self) -> None:
        s = self.session
        if s is None:
            return
        if s.pending_choices():
            self.toast(S["ui.toast.decide_first"])
            self.prompt_events()
            return
        before = s.state.date
        out = s.end_turn()
        if not out.ok:
            self.toast(S["ui.toast.not_possible"].format(reason=out.message))
            return
        if not s.game.is_terminal():
            from game.ui.viewmodels.common import date_text
            self.toast(S["ui.toast.new_turn"].format(before=date_text(before), date=date_text(s.state.date)))
        self.prompt_events()
        if getattr(self, "classroom", None) is not None:  # hot-seat: pass the machine on
            from game.ui.screens.classroom_privacy import after_turn
            after_turn(self)

    def over_widget(self, pos: tuple[int, int]) -> bool:
        """Whether a visible widget is under this point (the screens' own full-window containers aside)."""
        roots = {id(s.root) for s in self.stack if s.root is not None}
        roots.add(id(self.manager.get_root_container()))
        for sprite in self.manager.get_sprite_group().sprites():
            if id(sprite) in roots or not getattr(sprite, "visible", False):
                continue
            rect = getattr(sprite, "rect", None)
            if rect is not None and rect.collidepoint(pos) and getattr(sprite, "image", None) is not None:
                if type(sprite).__name__ == "UIContainer" and getattr(sprite, "parent_element", None) is None:
                    continue
                return True
        return False

    def toast(self, message: str) -> None:
        """A notice for a few seconds; the same notice is not stacked twice, and at most two show at once."""
        self.toasts = [t for t in self.toasts if t[0] != message]
        self.toasts.append((message, self.time + TOAST_SECONDS, self.time))
        self.toasts = self.toasts[-TOASTS_SHOWN:]

    def settle_toasts(self, older_than: float = TOAST_READ_SECONDS) -> None:
        """The player has moved on (a click, a key, another screen): notices already read go, so that
        none stays over the tabs and buttons under it. Notices that have just appeared stay."""
        self.toasts = [t for t in self.toasts if self.time - t[2] < older_than]

    def quit(self) -> None:
        self.close_game()
        self.running = False

    # --- one frame -------------------------------------------------------------------------

    def step(self, events: Iterable[pygame.event.Event] | None = None, dt: float = 1 / 60) -> bool:
        """Handle input, update and draw one frame; False once the app should close."""
        batch = pygame.event.get() + (list(events) if events is not None else [])
        for event in batch:
            self._event(event)
            if not self.running:
                return False
        self.time += dt
        self._notices()
        self._watch_scenario()
        self.manager.update(dt)
        self.top.update(dt)
        self._refresh_if_needed(self.top)
        self.draw()
        self.frames += 1
        return self.running

    def _notices(self) -> None:
        """What the saves package had to tell the player (an autosave that failed, a replayed save)."""
        s = self.session
        if s is not None and s.notices:
            for n in s.notices:
                self.toast(n)
            s.notices.clear()

    def _watch_scenario(self) -> None:
        """For scenario authors: tell them when the scenario file changed, and whether it still loads."""
        r = self.reloader
        if r is None or self.session is None or not r.poll():
            return
        if r.stale:
            first = next((f.plain() for f in r.findings if f.is_error), "")
            self.toast(S["ui.reload.broken"].format(problem=first))
        elif self.scenario_edited():
            self.toast(S["ui.reload.ready"])

    def scenario_edited(self) -> bool:
        """The scenario on disk loads and differs from the one being played."""
        r, s = self.reloader, self.session
        if r is None or s is None or r.rules is None or not r.ok:
            return False
        return r.rules.content_hash != s.rules.content_hash

    def restart_edited(self) -> None:
        """A new game on the edited scenario, same power and difficulty."""
        from game.saves.session import Session
        r, s = self.reloader, self.session
        if r is None or s is None or r.rules is None:
            return
        self.close_game()
        self.start(Session.start(r.rules, s.power, s.difficulty, store=self.store))

    def close_game(self) -> None:
        """Leaving a game (main menu, quit): keep it in an autosave if it moved since it was saved."""
        s = self.session
        if s is not None and s.store is not None:
            try:
                s.autosave_if_changed()
            except Exception:  # noqa: BLE001 - leaving must never fail on a full disk
                pass

    def _refresh_if_needed(self, screen: "Screen") -> None:
        version = (self.session.version if self.session else 0, self.settings_version)
        if screen.seen_version != version:
            screen.seen_version = version  # type: ignore[assignment]
            screen.refresh()

    def _event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type == pygame.VIDEORESIZE and self.window:
            self.resize((event.w, event.h))
            if not self.settings.fullscreen:
                self.settings.window_size = (event.w, event.h)
            return
        top = self.top
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.settle_toasts()      # drawn, not widgets: the click still reaches what lies under a notice
        if event.type == pygame.KEYDOWN and self._key(event, top):
            if self.top is not top:   # the key opened or closed a screen: its repeats, queued meanwhile, are not for the next
                for e in [e for e in pygame.event.get(pygame.KEYDOWN) if e.key != event.key]:
                    pygame.event.post(e)
            return
        if event.type == pygame.USEREVENT and hasattr(event, "user_type"):
            return  # pygame_gui's old-style duplicates of its events
        if event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED and link_target(event) is not None:
            from game.ui.screens.encyclopedia import open_encyclopedia
            open_encyclopedia(self, link_target(event))   # a name in a text: its encyclopedia entry
            return
        if event.type == pygame.MOUSEMOTION and top.ui is not None:
            pass
        self.manager.process_events(event)
        if top.ui is not None and top.ui.handle_gui_event(event):
            return
        if top is self.top:
            top.handle(event)

    def _key(self, event: pygame.event.Event, top: "Screen") -> bool:
        if event.key == pygame.K_ESCAPE:
            top.back()
            return True
        if event.key == pygame.K_F1:
            if top.name != "help":
                from game.ui.screens.help import HelpScreen
                self.push(HelpScreen(self))
            return True
        if event.key == pygame.K_F2:
            from game.ui.screens.encyclopedia import open_encyclopedia
            open_encyclopedia(self)
            return True
        if top.ui is not None and top.ui.handle_key(event):
            return True
        if top.ui is not None and top.ui._typing() is not None:
            return False
        if event.key == pygame.K_z and event.mod & pygame.KMOD_CTRL and self.session is not None:
            from game.ui.saves_link import undo
            undo(self)
            return True
        return top.shortcut(event)

    # --- drawing ---------------------------------------------------------------------------

    def _draw_screen(self, surf: pygame.Surface, screen: "Screen") -> None:
        surf.blit(paper(self.size, self.palette.paper), (0, 0))
        screen.draw_back(surf)

    def draw(self) -> None:
        surf = self.surface
        top = self.top
        if top.modal and self._under is not None:
            surf.blit(self._under, (0, 0))
            top.draw_back(surf)
        else:
            self._draw_screen(surf, top)
        self.manager.draw_ui(surf)
        top.draw_front(surf)
        if top.ui is not None:
            top.ui.draw_focus(surf, self.palette.rgb("focus"), max(2, self.scale.px(2)))
            self._draw_focus_tip(surf, top)
        self._draw_toasts(surf)

    def _draw_focus_tip(self, surf: pygame.Surface, top: "Screen") -> None:
        ui = top.ui
        c = ui.hint() if ui is not None else None  # keyboard focus, or a disabled control under the mouse
        text = ui.hint_text(c) if ui is not None and c is not None else ""
        if c is None or not text:
            return
        sc = self.scale
        px = sc.font(13)
        width = sc.px(320)
        lines = tx.wrap(text, "ui", px, width - sc.px(16))
        h = len(lines) * int(px * 1.3) + sc.px(10)
        box = self.focus_tip_box(c.area, width, h)
        x, y = box.topleft
        pygame.draw.rect(surf, self.palette.rgb("paper_light"), box)
        pygame.draw.rect(surf, self.palette.rgb("focus"), box, max(1, sc.px(1)))
        tx.blit_lines(surf, lines, (x + sc.px(8), y + sc.px(5)), "ui", px, self.palette.rgb("ink"), leading=1.3)

    def focus_tip_box(self, area: pygame.Rect, width: int, h: int) -> pygame.Rect:
        """Where the focus tip goes: beside the control if it fits there (so that it does not cover the next
        item of a list), else below it, else above it; always inside the window."""
        gap, (W, H) = self.scale.px(6), self.size
        y_beside = min(max(0, area.y), H - h)
        if area.right + gap + width <= W:
            return pygame.Rect(area.right + gap, y_beside, width, h)
        x = min(max(0, area.x), W - width)
        y = area.bottom + gap
        if y + h > H:
            y = max(0, area.top - h - gap)
        return pygame.Rect(x, y, width, h)

    def _draw_toasts(self, surf: pygame.Surface) -> None:
        self.toasts = [t for t in self.toasts if t[1] > self.time]
        if not self.toasts:
            return
        # Telegram strips under the top bar, newest first: clear of every screen's buttons.
        sc = self.scale
        px = sc.font(14)
        y = sc.px(58)
        for message, *_ in reversed(self.toasts):
            lines = tx.wrap(message.upper(), "telegram", px, sc.px(760))
            h = len(lines) * int(px * 1.3) + sc.px(12)
            w = max(tx.font("telegram", px).size(line)[0] for line in lines) + sc.px(24)
            box = pygame.Rect((self.size[0] - w) // 2, y, w, h)
            shadow = box.move(sc.px(3), sc.px(3))
            pygame.draw.rect(surf, self.palette.rgb("ink_faint"), shadow)
            pygame.draw.rect(surf, self.palette.rgb("paper_light"), box)
            pygame.draw.rect(surf, self.palette.rgb("ink"), box, max(1, sc.px(1)))
            tx.blit_lines(surf, lines, (box.x + sc.px(12), box.y + sc.px(6)), "telegram", px,
                          self.palette.rgb("ink"), leading=1.3)
            y = box.bottom + sc.px(6)


def make_reloader(scenario_id: str):  # type: ignore[no-untyped-def]
    """The scenario package's hot reloader for this scenario, if this build has one."""
    try:
        from game.scenario.reload import Reloader
    except ImportError:
        return None
    try:
        return Reloader(scenario_id)
    except Exception:  # noqa: BLE001 - watching is a convenience for authors; it must not stop a game
        return None


def run_window(args: argparse.Namespace | None = None) -> int:
    """``python main.py``: the game in a window until it is closed.

    ``play --load SAVE`` and ``play --campaign`` open on their game (``args.session``, made by game.cli as the
    terminal's is); with ``--campaign`` a finished part goes on into the next, and a next part that cannot be
    loaded is one line and exit status 2 before the window opens, as in the terminal."""
    session = getattr(args, "session", None) if args is not None else None
    campaign = bool(getattr(args, "campaign", False)) and session is not None
    if campaign:
        part = session.next_part()
        if part is not None and part.rules is None:       # missing or broken: the installation's fault
            raise UsageError(part.problem)
    os.environ.setdefault("SDL_VIDEO_ALLOW_SCREENSAVER", "1")
    app = App(window=True)
    if args is not None and getattr(args, "scenario", None):
        app.preferred_scenario = args.scenario  # type: ignore[attr-defined]
    if session is not None:
        app.campaign = campaign
        app.start(session)
    clock = pygame.time.Clock()
    first_frame_only = bool(os.environ.get("RAPALLO_EXIT_AFTER_FIRST_FRAME"))  # see game.cli.FIRST_FRAME_ONLY
    while app.running:
        dt = clock.tick(60) / 1000.0
        app.step(dt=min(dt, 0.25))
        pygame.display.flip()
        if first_frame_only:  # the benchmark reads when the first frame was on screen
            print(f"first frame at {time.time():.6f}", file=sys.stderr, flush=True)
            break
    app.settings.save(app.settings_dir)
    pygame.quit()
    return 0
