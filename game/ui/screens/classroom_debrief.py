"""The debrief screen: the same as debrief.html from ``classroom export``:
each delegation's points against its objectives, the class's timeline beside
1922's, the outcome beside history's, and questions for discussion."""
from __future__ import annotations

import pygame

from game.classroom.debrief import debrief_data
from game.i18n import S
from game.ui.links import glossary_for, linked
from game.ui.screens.base import Screen
from game.ui.screens.classroom_privacy import classroom_of


class DebriefScreen(Screen):
    name = "debrief"
    top = 96.0  # where the columns start (lower with larger text); the rule goes above them

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        cls = classroom_of(self.app)
        assert cls is not None
        d = debrief_data(cls.game)
        W, H = self.sc.width, self.sc.height
        # Larger text makes the title and the outcome taller: the columns start below them.
        tf = max(1.0, self.sc.text)
        top = self.top = 96 + 80 * (tf - 1)
        ui.label(r(24, 6, W - 48, 50), S["cls.debrief.title"].format(title=d.title), "title")
        ui.label(r(24, 6 + 52 * tf, W - 48, 28), S["cls.debrief.outcome"].format(ours=d.ours, theirs=d.theirs),
                 "italic")
        col = (W - 72) / 3
        ui.label(r(24, top, col, 26), S["cls.debrief.achieved"], "subheading")
        rows = "<br>".join(f"<b>{_esc(x.name)}</b>: {x.points:g} / {x.possible:g}<br>"
                           + "".join(f"&nbsp;&nbsp;+ {_esc(m)}<br>" for m in x.met)
                           + "".join(f"&nbsp;&nbsp;- <i>{_esc(m)}</i><br>" for m in x.missed) for x in d.results)
        ui.text_box(r(20, top + 28, col, H - top - 28 - 80), rows, "card_text")
        x2 = 24 + col + 12
        ui.label(r(x2, top, col, 26), S["cls.debrief.class"], "subheading")
        ui.text_box(r(x2 - 4, top + 28, col, (H - top - 108) * 0.6),
                    "<br>".join(f"<font face='telegram'>{t}</font> {_esc(s)}" for t, s in d.class_timeline) or "-",
                    "card_text")
        ui.label(r(x2, top + 28 + (H - top - 108) * 0.6 + 6, col, 26), S["cls.debrief.history"], "subheading")
        ui.text_box(r(x2 - 4, top + 28 + (H - top - 108) * 0.6 + 34, col, (H - top - 108) * 0.4 - 34),
                    "<br>".join(f"<font face='telegram'>{t}</font> <i>{linked(s, glossary_for(self.app))}</i>" for t, s in d.history_timeline),
                    "card_text")
        x3 = x2 + col + 12
        ui.label(r(x3, top, col, 26), S["cls.debrief.questions"], "subheading")
        ui.text_box(r(x3 - 4, top + 28, col, H - top - 28 - 80), "<br><br>".join(_esc(q) for q in d.questions) or "-",
                    "card_text")
        b = ui.button(r(W - 244, H - 62, 220, 44), S["ui.classroom.to_console"], self.back, "", "primary")
        ui.focus_on(b)

    def back(self) -> None:
        from game.ui.screens.classroom_facilitator import FacilitatorScreen
        self.app.switch(FacilitatorScreen(self.app))

    def draw_back(self, surface: pygame.Surface) -> None:
        self.rule(surface, 24, self.top - 6, self.sc.width - 48, double=True)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
