"""What every screen shares: a root container holding its widgets (built
once per window size, killed when the screen goes), a ``Controls``
registry for actions and keyboard focus, and the hooks the app calls.

``compose`` builds the widgets; ``refresh`` pushes the latest view-model
into them (the app calls it when the game changed, never every frame);
``draw_back`` and ``draw_front`` draw by hand under and over the widgets.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.core import UIContainer

from game.ui.controls import Controls

if TYPE_CHECKING:
    from game.ui.app import App


class Screen:
    name = "screen"
    #: A modal screen is drawn over a dimmed picture of the one below.
    modal = False

    def __init__(self, app: "App") -> None:
        self.app = app
        self.root: UIContainer | None = None
        self.ui: Controls | None = None
        self.seen_version = -1
        self.built_key: Any = None

    # --- life cycle --------------------------------------------------------------------

    @property
    def sc(self):  # type: ignore[no-untyped-def]
        return self.app.scale

    @property
    def pal(self):  # type: ignore[no-untyped-def]
        return self.app.palette

    def r(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        return self.sc.rect(x, y, w, h)

    def text_w(self, text: str, element: str = "label", object_id: str | None = None) -> float:
        """How wide ``text`` is in logical units in the theme's font for that element (with its padding)."""
        from game.ui import text as tx
        from game.ui.theme import font_spec
        role, size, style = font_spec(element, object_id)
        px = tx.font(role, self.sc.font(size), style).size(text)[0]
        pad = {"button": 2 * 8 + 4, "drop_down_menu": 40}.get(element, 2)
        return px / self.sc.s + pad

    def line_h(self, element: str = "label", object_id: str | None = None) -> float:
        """How tall a line of text is in logical units in the theme's font for that element (at the chosen
        text size), so that rows can be stacked by measured height rather than fixed pixels."""
        from game.ui import text as tx
        from game.ui.theme import font_spec
        role, size, style = font_spec(element, object_id)
        return tx.font(role, self.sc.font(size), style).get_linesize() / self.sc.s + 2

    def build(self) -> None:
        self.destroy()
        self.root = UIContainer(pygame.Rect((0, 0), self.app.size), self.app.manager, starting_height=1)
        self.ui = Controls(self.app.manager, self.root, self.app.scale.text)
        self.ui.measure = lambda text, element, object_id=None: int(self.text_w(text, element, object_id) * self.sc.s)
        self.compose()
        self.built_key = self.app.layout_key()
        self.seen_version = -1

    def destroy(self) -> None:
        if self.root is not None:
            self.root.kill()
        self.root = None
        self.ui = None

    def compose(self) -> None:
        """Create the widgets (layout in logical units through ``self.r``)."""

    def refresh(self) -> None:
        """Show the latest state: called on entering and when the game changed."""

    def on_enter(self) -> None:
        """Called each time the screen becomes the top one."""

    def hide(self) -> None:
        if self.root is not None:
            self.root.hide()

    def show(self) -> None:
        if self.root is not None:
            self.root.show()
            if self.ui is not None:
                self.ui.rehide()

    # --- input -------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        """Events other than widget presses: hand-drawn content, hover. True if used."""
        return False

    def shortcut(self, event: pygame.event.Event) -> bool:
        """A key that is not navigation. True if used."""
        return False

    def back(self) -> None:
        """Escape: by default, close this screen."""
        self.app.pop()

    # --- frame -------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        pass

    def draw_back(self, surface: pygame.Surface) -> None:
        pass

    def draw_front(self, surface: pygame.Surface) -> None:
        pass

    # --- helpers -------------------------------------------------------------------------

    def rule(self, surface: pygame.Surface, x: float, y: float, w: float, double: bool = False,
             colour: str = "rule") -> None:
        """A printer's rule (a thin line; two for a double rule)."""
        c = self.pal.rgb(colour)
        x0, y0, x1 = self.sc.px(x), self.sc.px(y), self.sc.px(x + w)
        thick = max(1, self.sc.px(1))
        pygame.draw.line(surface, c, (x0, y0), (x1, y0), thick)
        if double:
            gap = max(2, self.sc.px(3))
            pygame.draw.line(surface, c, (x0, y0 + gap), (x1, y0 + gap), thick)

    def draw_card(self, surface: pygame.Surface, rect: pygame.Rect, fill: str = "card", border: str = "rule") -> None:
        pygame.draw.rect(surface, self.pal.rgb(fill), rect)
        pygame.draw.rect(surface, self.pal.rgb(border), rect, max(1, self.sc.px(1)))
