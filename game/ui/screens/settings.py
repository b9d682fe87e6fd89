"""Settings: window size and full screen, UI scale, text size, language, the
colour-blind-safe palette, the advisor. Each change applies at once and
is written to the settings file."""
from __future__ import annotations

from dataclasses import replace

import pygame

from game.i18n import NAMES, S, available, language
from game.ui import text as tx
from game.ui.screens.base import Screen
from game.ui.settings import TEXT_SIZES, UI_SCALE_RANGE, WINDOW_SIZES, config_dir


class SettingsScreen(Screen):
    name = "settings"

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        st = self.app.settings
        ui.label(r(40, 12, 600, 60), S["ui.set.heading"], "title")
        x, y = 60.0, 100.0
        # The rows close up when the room above the Back button is short (large UI scale: the logical canvas
        # is then its smallest), so that the last check box never lies on Back.
        close = min(1.0, (self.sc.height - 78 - y - 30) / (6 * 52 + 44 + 52))
        rows = []
        sizes = [(s, f"{s[0]} \u00d7 {s[1]}") for s in WINDOW_SIZES]
        if tuple(st.window_size) not in WINDOW_SIZES:
            sizes.insert(0, (tuple(st.window_size), f"{st.window_size[0]} \u00d7 {st.window_size[1]}"))
        ui.label(r(x, y, 300, 32), S["ui.set.window"], None, S["ui.set.window.tip"])
        self.w_size = ui.choice(r(x + 320, y, 260, 34), sizes, tuple(st.window_size), self.set_size,
                                S["ui.set.window.tip"])
        rows.append(self.w_size)
        y += 52 * close
        self.w_full = ui.check(r(x, y + 4, 400, 26), S["ui.set.fullscreen"], st.fullscreen, self.set_full,
                               S["ui.set.fullscreen.tip"])
        y += 52 * close
        ui.label(r(x, y, 300, 32), S["ui.set.ui_scale"], None, S["ui.set.ui_scale.tip"])
        lo, hi = UI_SCALE_RANGE
        self.w_scale = ui.slider(r(x + 320, y + 4, 260, 26), round(st.ui_scale * 100), lo * 100, hi * 100, 5,
                                 self.set_scale, S["ui.set.ui_scale.tip"])
        self.l_scale = ui.label(r(x + 590, y, 80, 32), S["ui.set.percent"].format(value=st.ui_scale * 100), "number",
                                S["ui.set.ui_scale.tip"])
        y += 52 * close
        ui.label(r(x, y, 300, 32), S["ui.set.text_size"], None, S["ui.set.text_size.tip"])
        self.w_text = ui.choice(r(x + 320, y, 260, 34), [(k, S[f"ui.set.text.{k}"]) for k in TEXT_SIZES],
                                st.text_size, self.set_text, S["ui.set.text_size.tip"])
        y += 52 * close
        ui.label(r(x, y, 300, 32), S["ui.set.language"], None, S["ui.set.language.tip"])
        self.w_lang = ui.choice(r(x + 320, y, 260, 34), [(c, NAMES.get(c, c)) for c in available()],
                                st.language or language(), self.set_language, S["ui.set.language.tip"])
        y += 52 * close
        self.swatch_y = y      # the four colours of relations, shown beside the colour-blind switch
        self.w_cb = ui.check(r(x, y + 4, 500, 26), S["ui.set.colour_blind"], st.colour_blind, self.set_cb,
                             S["ui.set.colour_blind.tip"])
        y += 52 * close
        self.w_adv = ui.check(r(x, y + 4, 500, 26), S["ui.set.advisor"], st.advisor, self.set_adv,
                              S["ui.set.advisor.tip"])
        y += 44 * close
        ui.button(r(x, y, 340, 36), S["ui.set.advisor_reset"], self.reset_advisor, S["ui.set.advisor_reset.tip"],
                  "small_button")
        y += 52 * close
        self.w_watch = ui.check(r(x, y + 4, 700, 26), S["ui.set.watch"], st.watch_scenario, self.set_watch,
                                S["ui.set.watch.tip"])
        back = ui.button(r(40, self.sc.height - 70, 140, 46), S["ui.back"], self.app.pop, S["ui.back.tip"])
        ui.focus_on(self.w_size)
        del back, rows

    def _apply(self, **changes: object) -> None:
        new = replace(self.app.settings, **changes)  # type: ignore[arg-type]
        focus_kind = None
        if self.ui is not None and self.ui.focus is not None:
            focus_kind = self.ui.order.index(self.ui.focus) if self.ui.focus in self.ui.order else None
        keyboard = self.ui.keyboard_mode if self.ui is not None else False
        self.app.apply_settings(new)
        # The screen was built again: keep the keyboard where it was.
        if focus_kind is not None and self.ui is not None and focus_kind < len(self.ui.order):
            self.ui.focus = self.ui.order[focus_kind]
            self.ui.keyboard_mode = keyboard

    def set_size(self, size: tuple[int, int]) -> None:
        self._apply(window_size=tuple(size))
        if not self.app.window:
            self.app.resize(tuple(size))  # type: ignore[arg-type]

    def set_full(self, on: bool) -> None:
        self._apply(fullscreen=on)

    def set_scale(self, value: float) -> None:
        self._apply(ui_scale=round(value / 100, 2))

    def set_text(self, size: str) -> None:
        self._apply(text_size=size)

    def set_language(self, code: str) -> None:
        self._apply(language=code)

    def set_cb(self, on: bool) -> None:
        self._apply(colour_blind=on)

    def set_adv(self, on: bool) -> None:
        self._apply(advisor=on)

    def set_watch(self, on: bool) -> None:
        self._apply(watch_scenario=on)

    def reset_advisor(self) -> None:
        self._apply(advisor=True, advisor_seen=[])
        self.app.toast(S["ui.set.advisor_was_reset"])

    def draw_back(self, surface: pygame.Surface) -> None:
        sc, pal = self.sc, self.pal
        self.rule(surface, 40, 74, sc.width - 80, double=True)
        from game.ui.theme import PATTERNS
        from game.ui.widgets.patterns import swatch
        x = 420
        for level in range(4):
            box = self.r(x + level * 112, self.swatch_y, 100, 22)
            swatch(surface, box, pal.status(level), PATTERNS[level], pal.rgb("ink_soft"), max(4, sc.px(6)))
            lab = tx.render(S[f"ui.status.short.{level}"], "ui", sc.font(12), pal.rgb("ink"))
            surface.blit(lab, (box.x, box.bottom + sc.px(2)))
        path = config_dir() if self.app.settings_dir is None else self.app.settings_dir
        surface.blit(tx.render(S["ui.set.saved_to"].format(path=path / "settings.json"), "ui", sc.font(12),
                               pal.rgb("ink_soft")), (sc.px(200), sc.px(sc.height - 56)))
