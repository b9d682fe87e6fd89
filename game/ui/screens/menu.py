"""The main menu: new game, continue, load, classroom, scenarios
and mods, settings, quit; a picture and an epigraph beside them."""
from __future__ import annotations

import pygame

from game.i18n import S
from game.ui import text as tx
from game.ui.saves_link import saves_status
from game.ui.screens.base import Screen
from game.ui.widgets import pictures


#: Where the menu's items start (below the title's rule) and the room kept for the keys hint at the foot.
TOP, FOOT = 200.0, 50.0


class MenuScreen(Screen):
    name = "menu"

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        ui.label(r(90, 70, 520, 64), S["ui.title"], "title")
        # (up to the picture, which starts at 560: a longer line is cut, whole in its tooltip)
        ui.label(r(92, 70 + max(64.0, 44 * 1.2 * self.sc.text), 456, 30), S["ui.subtitle"], "subtitle",
                 S["ui.subtitle"])
        can_continue, can_load, why = saves_status(self.app)
        items = [
            ("new", S["ui.menu.new"], S["ui.menu.new.tip"], self._new, True),
            ("continue", S["ui.menu.continue"], S["ui.menu.continue.tip"] if can_continue else why,
             self._continue, can_continue),
            ("load", S["ui.menu.load"], S["ui.menu.load.tip"] if can_load else why, self._load, can_load),
            ("classroom", S["ui.menu.classroom"], S["ui.menu.classroom.tip"], self._classroom, True),
            ("scenarios", S["ui.menu.scenarios"], S["ui.menu.scenarios.tip"], self._scenarios, True),
            ("encyclopedia", S["ui.menu.encyclopedia"], S["ui.menu.encyclopedia.tip"], self._encyclopedia, True),
            ("settings", S["ui.menu.settings"], S["ui.menu.settings.tip"], self._settings, True),
            ("quit", S["ui.menu.quit"], S["ui.menu.quit.tip"], self.app.quit, True),
        ]
        self.buttons = {}
        # Laid out from the room there is between the rule and the keys hint at the foot, so that a large
        # UI scale and text (the logical canvas is then its smallest, 576 high) still shows Quit whole.
        step = min(50.0, (self.sc.height - FOOT - TOP) / len(items))
        for i, (key, text, tip, action, enabled) in enumerate(items):
            self.buttons[key] = ui.button(r(80, TOP + i * step, 340, min(44.0, step - 3)), text, action, tip,
                                          "menu_item", enabled)
        ui.focus_on(self.buttons["new"])

    def _new(self) -> None:
        from game.ui.screens.newgame import NewGameScreen
        self.app.push(NewGameScreen(self.app))

    def _classroom(self) -> None:
        from game.ui.screens.classroom_setup import ClassroomSetupScreen
        self.app.push(ClassroomSetupScreen(self.app))

    def _continue(self) -> None:
        from game.ui.saves_link import continue_latest
        continue_latest(self.app)

    def _load(self) -> None:
        from game.ui.screens.saveload import LoadScreen
        self.app.push(LoadScreen(self.app))

    def on_enter(self) -> None:
        # A save may have appeared since the menu was built (a game was left): offer it.
        can_continue, can_load, why = saves_status(self.app)
        if self.ui is not None:
            self.ui.set_enabled(self.buttons["continue"], can_continue, S["ui.menu.continue.tip"] if can_continue else why)
            self.ui.set_enabled(self.buttons["load"], can_load, S["ui.menu.load.tip"] if can_load else why)

    def _scenarios(self) -> None:
        from game.ui.screens.scenarios import ScenariosScreen
        self.app.push(ScenariosScreen(self.app))

    def _encyclopedia(self) -> None:
        from game.ui.screens.encyclopedia import EncyclopediaScreen
        self.app.push(EncyclopediaScreen(self.app))

    def _settings(self) -> None:
        from game.ui.screens.settings import SettingsScreen
        self.app.push(SettingsScreen(self.app))

    def back(self) -> None:
        pass  # the main menu is the bottom of everything; Quit closes the game

    def draw_back(self, surface: pygame.Surface) -> None:
        sc, pal = self.sc, self.pal
        self.rule(surface, 90, 180, 460, double=True)
        pic = self.r(560, 80, sc.width - 640, min(sc.height - 250, (sc.width - 640) * 0.66))
        surface.blit(pictures.draw("conference", pic.size, pal.rgb("ink"), pal.rgb("paper_light")), pic.topleft)
        px = sc.font(17)
        lines = tx.wrap(S["ui.menu.epigraph"], "body", px, pic.width, "italic")
        y = tx.blit_lines(surface, lines, (pic.x, pic.bottom + sc.px(14)), "body", px, pal.rgb("ink_soft"), "italic")
        small = sc.font(13)
        by = tx.wrap("\u2014 " + S["ui.menu.epigraph_by"], "ui", small, pic.width)   # wraps at large text
        tx.blit_lines(surface, by, (pic.x, y + sc.px(2)), "ui", small, pal.rgb("ink_faint"))
        foot = tx.render(S["ui.menu.footer"], "ui", small, pal.rgb("ink_soft"))
        surface.blit(foot, (sc.px(90), self.app.size[1] - sc.px(40)))
