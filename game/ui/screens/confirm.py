"""A question before something that cannot be undone (tearing up a treaty,
walking out): Yes or No, with No first under the keyboard."""
from __future__ import annotations

from typing import Callable

import pygame

from game.i18n import S
from game.ui import text as tx
from game.ui.screens.base import Screen


class ConfirmScreen(Screen):
    name = "confirm"
    modal = True

    def __init__(self, app, question: str, on_yes: Callable[[], None]) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.question = question
        self.on_yes = on_yes

    def compose(self) -> None:
        ui = self.ui
        assert ui is not None
        w, h = 520, 220
        x, y = self.sc.width / 2 - w / 2, self.sc.height / 2 - h / 2
        self.box = (x, y, w, h)
        no = ui.button(self.r(x + w - 150, y + h - 58, 126, 40), S["ui.no"], self.app.pop)
        ui.button(self.r(x + w - 286, y + h - 58, 126, 40), S["ui.yes"], self.yes, object_id="primary")
        ui.focus_on(no)
        ui.keyboard_mode = True

    def yes(self) -> None:
        self.app.pop()
        self.on_yes()

    def draw_back(self, surface: pygame.Surface) -> None:
        box = self.r(*self.box)
        self.draw_card(surface, box, "paper_light", "ink")
        sc = self.sc
        lines = tx.wrap(self.question, "body", sc.font(18), box.width - sc.px(48))
        tx.blit_lines(surface, lines, (box.x + sc.px(24), box.y + sc.px(24)), "body", sc.font(18),
                      self.pal.rgb("ink"))
