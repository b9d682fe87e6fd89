"""Home: the player's own government. For Moscow, the domestic levers
(Comintern activity, concessions, grain export, gold spending); for
every power, its negotiators and their missions; and the state of the
country with small charts."""
from __future__ import annotations

import pygame
from pygame_gui.elements import UIImage

from game.engine.commands import AssignNegotiator, SetPolicy
from game.i18n import S
from game.ui import text as tx
from game.ui.screens.game_base import GameScreen
from game.ui.viewmodels.home import HomeVM, home
from game.ui.widgets.charts import sparkline


class HomeScreen(GameScreen):
    name = "home"

    def compose_body(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        x, y, w, h = self.body
        s = self.session
        heading = S["ui.home.heading"] if s.is_hub else S["ui.home.heading_partner"].format(
            power=self.rules.power_name(s.power, self.state))
        ui.label(r(16, y + 4, w - 32, 40), heading, "heading")
        vm = home(self.rules, self.state, s.power)
        self.vm: HomeVM = vm
        ui.label(r(16, y + 46, 560, 30), S["ui.home.policy"], "heading")
        self.levers = {}
        ly = y + 84
        # The levers close up (to the room their two caption lines need) when the state of the country
        # would otherwise run under the bar of buttons at the foot (large UI scale and text).
        rows = (len(vm.values) + 1) // 2
        need = 84 + 72 * len(vm.levers) + 10 + 36 + 30 * rows
        self.lever_step = 72.0 if not vm.levers else max(62.0, 72 - max(0.0, need - h) / len(vm.levers))
        if not vm.levers:
            ui.label(r(18, ly, 560, 24), S["ui.home.policy.none"], "italic")
        for lev in vm.levers:
            ui.label(r(16, ly, 220, 26), lev.title, None, lev.tooltip)
            slider = ui.slider(r(240, ly + 2, 250, 24), lev.value, lev.lo, lev.hi, lev.step,
                               lambda v, lever=lev.id: self.set_policy(lever, v), lev.tooltip)
            val = ui.label(r(498, ly, 60, 26), f"{lev.value:.0f}", "number", lev.tooltip)
            self.levers[lev.id] = (slider, val)
            ly += self.lever_step
        self.lever_caps_y = y + 84
        self.values_y = ly + 10 if vm.levers else y + 130
        ui.label(r(16, self.values_y, 560, 30), S["ui.home.state"], "heading") if vm.values else None
        self.value_labels = []
        self.sparks: list = []
        if vm.values:
            # In a box that scrolls when the levers above leave too little room (large UI scale and text).
            top = self.values_y + 36
            row_h = max(30.0, self.line_h("label", "caption") + 4)
            rows = (len(vm.values) + 1) // 2
            with ui.scrolling(r(0, top, 600, y + h - 4 - top), self.sc.px(rows * row_h)):
                for i, v in enumerate(vm.values):
                    col, ry = i % 2, (i // 2) * row_h
                    t = ui.label(r(16 + col * 290, ry, 170, 26), v.title, "caption", v.tooltip)
                    n = ui.label(r(180 + col * 290, ry, 40, 26), v.text, "number_right", v.tooltip)
                    self.value_labels.append((t, n, v.id))
                    self.sparks.append(UIImage(r(226 + col * 290, ry + 4, 56, 18), self._spark(v.history, (56, 18)),
                                               ui.manager, container=ui.container))
        ui.label(r(620, y + 46, w - 636, 30), S["ui.home.negotiators"], "heading")
        self.mission_widgets = {}
        ny = y + 84
        if not vm.negotiators:
            ui.label(r(622, ny, w - 640, 24), S["ui.home.negotiators.none"], "italic")
        # Each negotiator: name and mission on one line, skills on the next, stacked by measured height so
        # that the largest text does not run the drop-down over the skills line.
        name_h = max(28.0, self.line_h("label"))
        skills_h = self.line_h("label", "caption")
        cw = min(284.0, (w - 636) / 2)
        for n in vm.negotiators:
            # (a label grows by the text factor itself: give it the height at normal text)
            ui.label(r(620, ny, w - 644 - cw, name_h / self.sc.text), n.name, None, n.tooltip)
            ui.label(r(620, ny + name_h, w - 636, skills_h / self.sc.text), n.skills, "caption", n.tooltip)
            self.mission_widgets[n.id] = ui.choice(r(w - 16 - cw, ny, cw, name_h), list(n.options), n.mission,
                                                   lambda m, nid=n.id: self.assign(nid, m),
                                                   S["ui.home.mission.tip"].format(name=n.name))
            ny += name_h + skills_h + 6

    def advisor_rect(self) -> tuple[float, float, float, float]:
        return (self.sc.width - 516, self.sc.height - 54 - 196, 500.0, 186.0)

    def refresh_body(self) -> None:
        ui = self.ui
        assert ui is not None
        vm = home(self.rules, self.state, self.session.power)
        for lev in vm.levers:
            slider, val = self.levers.get(lev.id, (None, None))
            if slider is not None:
                ui.set_slider(slider, lev.value)
                ui.set_text(val, f"{lev.value:.0f}")
        for n in vm.negotiators:
            w = self.mission_widgets.get(n.id)
            if w is not None:
                self.mission_widgets[n.id] = ui.set_choice(w, n.mission, list(n.options))
        for (t, num, vid), v, spark in zip(self.value_labels, vm.values, self.sparks):
            ui.set_text(num, v.text)
            spark.set_image(self._spark(v.history, (56, 18)))
        self.vm = vm

    def _spark(self, history: list[float], size: tuple[float, float]) -> pygame.Surface:
        """A value's history as a small line (an image, so that it scrolls with its row)."""
        rect = self.r(0, 0, *size)
        surf = pygame.Surface(rect.size, pygame.SRCALPHA)
        if len(history) > 1:
            sparkline(surf, rect, history, self.pal)
        return surf

    def set_policy(self, lever: str, value: float) -> None:
        out = self.session.attempt(SetPolicy(self.session.power, lever, value))
        if not out.ok:
            self.app.toast(S["ui.toast.not_possible"].format(reason=out.message))

    def assign(self, negotiator: str, mission: str) -> None:
        out = self.session.attempt(AssignNegotiator(self.session.power, negotiator, mission))
        if not out.ok:
            self.app.toast(S["ui.toast.not_possible"].format(reason=out.message))

    def draw_body(self, surface: pygame.Surface) -> None:
        sc, pal = self.sc, self.pal
        y = self.lever_caps_y
        for lev in self.vm.levers:
            lo = tx.render("\u2212 " + lev.low, "body", sc.font(13), pal.rgb("ink_soft"), "italic")
            surface.blit(lo, (sc.px(240), sc.px(y + 27)))
            hi = tx.render(lev.high + " +", "body", sc.font(13), pal.rgb("ink_soft"), "italic")
            surface.blit(hi, (sc.px(490) - hi.get_width(), sc.px(y + 27) + lo.get_height()))
            y += self.lever_step
        self.rule(surface, 604, self.body[1] + 50, 0)
        pygame.draw.line(surface, pal.rgb("rule"), (sc.px(604), sc.px(self.body[1] + 50)),
                         (sc.px(604), sc.px(self.body[1] + self.body[3] - 10)))
