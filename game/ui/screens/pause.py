"""The game menu (Esc on the map): back to the game, save, load, settings,
main menu, quit."""
from __future__ import annotations

import pygame

from game.i18n import S
from game.ui.saves_link import saves_status
from game.ui.screens.base import Screen


class PauseScreen(Screen):
    name = "pause"
    modal = True

    def compose(self) -> None:
        ui = self.ui
        assert ui is not None
        w, h = 380, 524 + (52 if self.app.reloader is not None else 0)
        x, y = self.sc.width / 2 - w / 2, self.sc.height / 2 - h / 2
        self.box = (x, y, w, h)
        ui.label(self.r(x + 24, y + 16, w - 48, 36), S["ui.menu.game_menu"], "heading")
        has_saves = self.app.store is not None and self.app.session is not None
        _, can_load, why = saves_status(self.app)
        items = [
            (S["ui.menu.resume"], S["ui.menu.resume.tip"], self.app.pop, True),
            (S["ui.menu.save"], S["ui.menu.save.tip"] if has_saves else S["ui.menu.no_saves_module"], self._save,
             has_saves),
            (S["ui.menu.load"], S["ui.menu.load.tip"] if can_load else why, self._load, can_load),
            (S["ui.menu.undo"], S["ui.menu.undo.tip"], self._undo,
             bool(self.app.session and self.app.session.can_undo())),
            (S["ui.menu.encyclopedia"], S["ui.menu.encyclopedia.tip"], self._encyclopedia, True),
            (S["ui.menu.settings"], S["ui.menu.settings.tip"], self._settings, True),
            (S["ui.menu.main"], S["ui.menu.main.tip"], self._main, True),
        ]
        if self.app.reloader is not None:
            edited = self.app.scenario_edited()
            items.insert(-1, (S["ui.reload.restart"], S["ui.reload.restart.tip"] if edited else S["ui.reload.same"],
                              self._restart, edited))
        items += [
            (S["ui.menu.quit"], S["ui.menu.quit.tip"], self.app.quit, True),
        ]
        yy = y + 66
        first = None
        for text, tip, action, enabled in items:
            b = ui.button(self.r(x + 24, yy, w - 48, 44), text, action, tip, "menu_item", enabled)
            first = first or b
            yy += 52
        ui.focus_on(first)

    def _save(self) -> None:
        from game.ui.screens.saveload import SaveScreen
        self.app.replace(SaveScreen(self.app))

    def _load(self) -> None:
        from game.ui.screens.saveload import LoadScreen
        self.app.replace(LoadScreen(self.app))

    def _restart(self) -> None:
        self.app.pop()
        self.app.restart_edited()

    def _undo(self) -> None:
        from game.ui.saves_link import undo
        self.app.pop()
        undo(self.app)

    def _encyclopedia(self) -> None:
        from game.ui.screens.encyclopedia import EncyclopediaScreen
        self.app.pop()   # over the game screen, so that its names come first
        self.app.push(EncyclopediaScreen(self.app))

    def _settings(self) -> None:
        from game.ui.screens.settings import SettingsScreen
        self.app.replace(SettingsScreen(self.app))

    def _main(self) -> None:
        from game.ui.screens.menu import MenuScreen
        self.app.close_game()
        self.app.session = None
        self.app.switch(MenuScreen(self.app))

    def draw_back(self, surface: pygame.Surface) -> None:
        self.draw_card(surface, self.r(*self.box), "paper_light", "ink")
