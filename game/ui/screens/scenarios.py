"""Scenarios and mods: every scenario file the game finds, whether it can
be played, and if not, what the checker says in plain words; a button to
read the files again after editing them (through the scenario package's
reloader when it is there)."""
from __future__ import annotations

import pygame

from game.i18n import S
from game.ui.screens.base import Screen
from game.ui.viewmodels.newgame import scenarios




class ScenariosScreen(Screen):
    name = "scenarios"

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        W, H = self.sc.width, self.sc.height
        ui.label(r(40, 12, 700, 60), S["ui.scen.heading"], "title")
        self.box = ui.text_box(r(36, 90, W - 72, H - 180), "", "card_text")
        self.html = ""
        ui.button(r(W - 300, H - 70, 260, 46), S["ui.scen.reload"], self.reload, S["ui.scen.reload.tip"])
        back = ui.button(r(40, H - 70, 140, 46), S["ui.back"], self.app.pop, S["ui.back.tip"])
        ui.focus_on(back)
        self.show()

    def show(self) -> None:
        items = scenarios()
        parts = []
        for s in items:
            head = f"<b>{_esc(s.title)}</b> <font face='telegram'>({_esc(s.id)})</font>"
            if s.dates:
                head += f" \u2014 <i>{_esc(s.dates)}</i>"
            body = [_esc(S["ui.scen.file"].format(path=s.path))]
            if s.playable:
                body.append(_esc(S["ui.scen.playable"]))
                if s.warnings:
                    body.append(_esc(S["ui.scen.warnings"].format(n=len(s.warnings))))
                    body += [f"\u2003{_esc(w)}" for w in s.warnings[:6]]
            else:
                body.append(f"<b>{_esc(S['ui.scen.errors'].format(n=len(s.problems)))}</b>")
                body += [f"\u2003{_esc(p)}" for p in s.problems[:10]]
            parts.append(head + "<br>" + "<br>".join(body))
        html = "<br><br>".join(parts) or _esc(S["ui.new.no_scenarios"])
        if html != self.html and self.ui is not None:
            self.html = html
            self.ui.set_html(self.box, html)
        self.count = len(items)

    def reload(self) -> None:
        self.html = ""
        self.show()
        self.app.toast(S["ui.scen.reloaded"].format(n=self.count))

    def draw_back(self, surface: pygame.Surface) -> None:
        self.rule(surface, 40, 74, self.sc.width - 80, double=True)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
