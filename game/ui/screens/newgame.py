"""A new game: the scenarios on the left (a broken one says what is wrong
in plain words), the chosen one's dates, description and powers on the
right, the power to play and the difficulty, and Begin."""
from __future__ import annotations

import pygame

from game.i18n import S
from game.ui.links import glossary_for, linked
from game.ui.screens.base import Screen
from game.saves.session import Session
from game.ui.viewmodels.newgame import ScenarioVM, difficulties, scenarios


class NewGameScreen(Screen):
    name = "newgame"

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.items: list[ScenarioVM] = scenarios()
        pref = getattr(app, "preferred_scenario", None) or app.settings.last_scenario
        self.chosen = next((i for i, s in enumerate(self.items) if s.id == pref and s.playable),
                           next((i for i, s in enumerate(self.items) if s.playable), 0))
        self.power: str | None = None
        self.difficulty = app.settings.difficulty if app.settings.difficulty in dict(difficulties()) else "normal"

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        W, H = self.sc.width, self.sc.height
        ui.label(r(40, 12, 600, 60), S["ui.new.heading"], "title")
        ui.label(r(40, 86, 340, 24), S["ui.new.scenarios"], "subheading")
        self.list_buttons = []
        y = 114
        for i, s in enumerate(self.items):
            b = ui.button(r(40, y, 340, 40), s.title, lambda i=i: self.choose(i), s.dates or S["ui.new.broken"],
                          "list_item")
            self.list_buttons.append(b)
            y += 46
        if not self.items:
            ui.label(r(40, 120, 340, 30), S["ui.new.no_scenarios"], "italic")
        x = 420.0
        self.l_title = ui.label(r(x, 80, W - x - 40, 40), "", "heading")
        self.l_dates = ui.label(r(x, 120, W - x - 40, 24), "", "italic")
        self.t_summary = ui.text_box(r(x - 4, 148, W - x - 36, 200), "", None)
        self.summary_html = ""
        ui.label(r(x, 366, 140, 30), S["ui.new.play_as"], None, S["ui.new.play_as.tip"])
        self.w_power = ui.choice(r(x + 150, 364, 300, 34), [("", "-")], "", self.set_power, S["ui.new.play_as.tip"])
        ui.label(r(x, 410, 140, 30), S["ui.new.difficulty"], None, S["ui.new.difficulty.tip"])
        self.w_difficulty = ui.choice(r(x + 150, 408, 420, 34), difficulties(), self.difficulty, self.set_difficulty,
                                      S["ui.new.difficulty.tip"])
        # The note on the seat (who it bargains with) wraps: it runs to two or three lines with side talks.
        self.l_note = ui.text_box(r(x - 4, 448, W - x - 36, min(84, H - 78 - 448)), "", None)
        self.b_start = ui.button(r(W - 240, H - 70, 200, 46), S["ui.new.start"], self.start, S["ui.new.start.tip"],
                                 "primary")
        ui.button(r(40, H - 70, 140, 46), S["ui.back"], self.app.pop, S["ui.back.tip"])
        self.show_choice()
        if self.list_buttons:
            ui.focus_on(self.list_buttons[self.chosen])

    def choose(self, i: int) -> None:
        self.chosen = i
        self.power = None
        self.show_choice()

    def show_choice(self) -> None:
        ui = self.ui
        assert ui is not None
        for i, b in enumerate(self.list_buttons):
            if (i == self.chosen) != b.is_selected:
                b.select() if i == self.chosen else b.unselect()
        if not self.items:
            ui.set_enabled(self.b_start, False)
            return
        s = self.items[self.chosen]
        ui.set_text(self.l_title, s.title)
        ui.set_text(self.l_dates, s.dates)
        if s.playable:
            html = f"{linked(s.summary, glossary_for(self.app))}<br><br><i>{_esc(S['ui.new.powers'].format(powers=s.all_powers))}</i>"
            if s.warnings:
                html += "<br><br>" + _esc(S["ui.scen.warnings"].format(n=len(s.warnings))) + "<br>" + \
                    "<br>".join(_esc(w) for w in s.warnings[:4])
        else:
            html = f"<b>{_esc(S['ui.new.broken'])}</b><br>" + "<br>".join(_esc(p) for p in s.problems[:8])
        if html != self.summary_html:
            self.summary_html = html
            ui.set_html(self.t_summary, html)
        options = list(s.powers) or [("", "-")]
        if self.power not in [p for p, _ in options]:
            last = self.app.settings.last_power
            self.power = last if last in [p for p, _ in options] else (s.hub or options[0][0])
        self.w_power = ui.set_choice(self.w_power, self.power, options)
        ui.set_enabled(self.w_power, s.playable)
        self.set_power(self.power)
        ui.set_enabled(self.b_start, s.playable, S["ui.new.start.tip"] if s.playable else S["ui.new.broken"])

    def set_power(self, power: str) -> None:
        self.power = power
        s = self.items[self.chosen] if self.items else None
        if s is None or not s.playable or self.ui is None:
            return
        name = dict(s.powers).get(power, power)
        hub = dict(s.powers).get(s.hub, s.hub)
        side = dict(s.side)
        if power == s.hub:
            note = S["ui.new.hub_note"].format(power=name)
            if side:
                note += " " + S["ui.new.hub_side_note"]
        else:
            note = S["ui.new.partner_note"].format(power=name, hub=hub)
            if side.get(power):
                note += " " + S["ui.new.side_note"].format(names=side[power])
        self.ui.set_html(self.l_note, _esc(note))

    def set_difficulty(self, level: str) -> None:
        self.difficulty = level

    def start(self) -> None:
        if not self.items or not self.items[self.chosen].playable or not self.power:
            return
        from game.ui.demo import load_rules
        s = self.items[self.chosen]
        rules = load_rules(s.id)
        settings = self.app.settings
        settings.last_scenario, settings.last_power, settings.difficulty = s.id, self.power, self.difficulty
        settings.save(self.app.settings_dir)
        session = Session.start(rules, self.power, self.difficulty, store=self.app.store)
        session.scenario_path = s.path
        self.app.start(session)

    def shortcut(self, event: pygame.event.Event) -> bool:
        return False

    def draw_back(self, surface: pygame.Surface) -> None:
        self.rule(surface, 40, 74, self.sc.width - 80, double=True)
        pygame.draw.line(surface, self.pal.rgb("rule"), (self.sc.px(400), self.sc.px(90)),
                         (self.sc.px(400), self.sc.px(self.sc.height - 90)))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
