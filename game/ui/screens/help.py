"""F1: every key, on one card."""
from __future__ import annotations

import pygame

from game.i18n import S
from game.ui import text as tx
from game.ui.screens.base import Screen


class HelpScreen(Screen):
    name = "help"
    modal = True

    def compose(self) -> None:
        assert self.ui is not None
        w = 640
        # The card grows with its lines (wrapped to its width at this text size), up to the screen's height.
        sc = self.sc
        px = sc.font(15)
        unit = sc.px(100) / 100
        self.lines = [(part, style) for line in S["ui.help.keys"].split("\n")
                      for style in ["bold" if line.endswith(":") and len(line) < 30 else "regular"]
                      for part in tx.wrap(line, "ui", px, int(sc.px(w) - sc.px(60)), style)]
        h = min(max(460, (sc.px(70) + len(self.lines) * int(px * 1.45) + sc.px(80)) / unit), sc.height - 16)
        self.box = (self.sc.width / 2 - w / 2, self.sc.height / 2 - h / 2, w, h)
        x, y = self.box[0], self.box[1]
        self.ui.label(self.r(x + 30, y + 20, 400, 36), S["ui.help.heading"], "heading")
        self.close = self.ui.button(self.r(x + w - 150, y + h - 60, 120, 40), S["ui.close"], self.app.pop,
                                    S["ui.back.tip"])
        self.ui.button(self.r(x + w - 330, y + h - 60, 170, 40), S["ui.menu.encyclopedia"], self._encyclopedia,
                       S["ui.menu.encyclopedia.tip"])
        self.ui.focus_on(self.close)

    def _encyclopedia(self) -> None:
        from game.ui.screens.encyclopedia import EncyclopediaScreen
        self.app.pop()   # over the screen the help was opened on, so that its names come first
        self.app.push(EncyclopediaScreen(self.app))

    def draw_back(self, surface: pygame.Surface) -> None:
        box = self.r(*self.box)
        self.draw_card(surface, box, "paper_light", "ink")
        sc = self.sc
        px = sc.font(15)
        y = box.y + sc.px(70)
        for part, style in self.lines:
            surface.blit(tx.render(part, "ui", px, self.pal.rgb("ink"), style), (box.x + sc.px(30), y))
            y += int(px * 1.45)
