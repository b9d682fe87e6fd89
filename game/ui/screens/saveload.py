"""Save and load dialogs, over the saves package (game/saves/).

Save: a name (proposed from the power and the date) and the saves already
there; Enter saves. Load: the saves, newest first, each with its scenario,
power, game date, turn and when it was saved; one that cannot be loaded is
listed with the reason, and cannot be chosen."""
from __future__ import annotations

import pygame

from game.i18n import S
from game.ui import saves_link
from game.ui.screens.base import Screen
from game.ui.viewmodels.common import date_text

PAGE = 8


def _row(info) -> str:  # type: ignore[no-untyped-def]
    if not info.ok:
        return S["ui.save.row_bad"].format(name=info.name)
    return S["ui.save.row"].format(name=info.name, scenario=info.scenario_title, power=info.power_name or "-",
                                   date=date_text(info.date), turn=info.turn + 1, when=info.local_time())


class LoadScreen(Screen):
    name = "load"
    modal = True

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.page = 0

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        W, H = self.sc.width, self.sc.height
        w, h = min(900.0, W - 80), min(560.0, H - 60)
        x, y = (W - w) / 2, (H - h) / 2
        self.box = (x, y, w, h)
        ui.label(r(x + 24, y + 14, w - 48, 40), S["ui.save.load_heading"], "heading")
        infos = saves_link.listing(self.app)
        self.infos = infos
        first = None
        if not infos:
            ui.label(r(x + 24, y + 70, w - 48, 28), S["ui.menu.no_saves"], "italic")
        shown = infos[self.page * PAGE:(self.page + 1) * PAGE]
        for i, info in enumerate(shown):
            tip = S["ui.save.load_tip"].format(path=info.path) if info.ok else info.problem
            b = ui.button(r(x + 24, y + 64 + i * 50, w - 48, 44), _row(info),
                          lambda ref=str(info.path): self.load(ref), tip, "paper_item", info.ok)
            first = first or (b if info.ok else None)
        pages = max(1, (len(infos) + PAGE - 1) // PAGE)
        if pages > 1:
            ui.button(r(x + 24, y + h - 56, 200, 40), S["ui.save.more"].format(page=self.page + 1, pages=pages),
                      self.next_page, S["ui.save.more.tip"], "small_button")
        back = ui.button(r(x + w - 164, y + h - 56, 140, 40), S["ui.cancel"], self.app.pop, S["ui.back.tip"])
        ui.focus_on(first or back)

    def next_page(self) -> None:
        pages = max(1, (len(self.infos) + PAGE - 1) // PAGE)
        self.page = (self.page + 1) % pages
        self.build()

    def load(self, ref: str) -> None:
        saves_link.open_save(self.app, ref)

    def draw_back(self, surface: pygame.Surface) -> None:
        self.draw_card(surface, self.r(*self.box), "paper_light", "ink")


class SaveScreen(Screen):
    name = "save"
    modal = True

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        W, H = self.sc.width, self.sc.height
        w, h = min(760.0, W - 80), min(480.0, H - 60)
        x, y = (W - w) / 2, (H - h) / 2
        self.box = (x, y, w, h)
        ui.label(r(x + 24, y + 14, w - 48, 40), S["ui.save.heading"], "heading")
        ui.label(r(x + 24, y + 62, 120, 32), S["ui.save.name"], None, S["ui.save.name.tip"])
        self.entry = ui.text_entry(r(x + 140, y + 62, w - 170, 34), saves_link.default_name(self.app), self.save,
                                   S["ui.save.name.tip"])
        ui.label(r(x + 24, y + 108, w - 48, 24), S["ui.save.existing"], "subheading")
        listing = saves_link.listing(self.app)
        mine = [i for i in listing if i.ok and i.kind == "manual"][:6]
        if not mine:
            # Autosaves are not listed here (they are not overwritten by name), but they exist: say so.
            autos = sum(1 for i in listing if i.ok and i.kind != "manual")
            ui.label(r(x + 24, y + 136, w - 48, 26),
                     S["ui.save.none_manual"].format(n=autos) if autos else S["ui.menu.no_saves"], "italic")
        for i, info in enumerate(mine):
            ui.button(r(x + 24, y + 134 + i * 40, w - 48, 36), _row(info),
                      lambda n=info.name: self.use_name(n), S["ui.save.overwrite.tip"], "paper_item")
        ui.button(r(x + w - 324, y + h - 56, 150, 40), S["ui.save.do"], self.save, S["ui.save.do.tip"], "primary")
        ui.button(r(x + w - 164, y + h - 56, 140, 40), S["ui.cancel"], self.app.pop, S["ui.back.tip"])
        ui.focus_on(self.entry)
        ui.keyboard_mode = True

    def use_name(self, name: str) -> None:
        assert self.ui is not None
        self.entry.set_text(name)

    def save(self) -> None:
        if saves_link.save_as(self.app, self.entry.get_text()):
            self.app.pop()

    def draw_back(self, surface: pygame.Surface) -> None:
        self.draw_card(surface, self.r(*self.box), "paper_light", "ink")
