"""The end of the game: the score against the objectives, the outcome
beside history's, the player's timeline beside history's, charts of the
main values over the game, and every power's score. At the end of a
campaign's part (1921, whose ``next:`` is Genoa) a button plays on into the
next part as the same power, with a line saying what carries over; when the
next part cannot be played, that line says why instead."""
from __future__ import annotations

import pygame

from game.i18n import S
from game.saves.campaign import NextPart
from game.ui import text as tx
from game.ui.links import glossary_for, linked
from game.ui.screens.base import Screen
from game.ui.viewmodels.common import short_date
from game.ui.viewmodels.ending import EndVM, end_vm
from game.ui.viewmodels.ledger import attitude_chart, economy_chart
from game.ui.widgets.charts import LineChart, Series, styled


#: The height of the line on the next part at the normal text size (it grows with the text: two lines at the largest).
NOTE_H = 52


class EndScreen(Screen):
    name = "end"
    #: The campaign's next part, looked up once per screen (loading a scenario takes a moment).
    _next: tuple[NextPart | None] | None = None

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None and self.app.session is not None
        s = self.app.session
        vm = end_vm(s.rules, s.state, s.power)
        self.vm: EndVM = vm
        W, H = self.sc.width, self.sc.height
        ui.label(r(24, 4, W - 48, 60), vm.heading, "title")
        ui.label(r(24, 62 + 30 * (self.sc.text - 1), 560, 30), vm.score, "heading", S["ui.end.score.tip"])
        col_w = 400.0
        obj = "".join(f"{'<b>' if o.met else ''}{_esc(o.text)}{'</b>' if o.met else ''} \u2014 "
                      f"{S['ui.ledger.met'] if o.met else S['ui.ledger.not_met']}<br>" for o in vm.objectives)
        g = glossary_for(self.app)   # the debrief's names link to the encyclopedia
        out = f"<b>{_esc(vm.outcome)}</b><br>{linked(vm.outcome_text, g)}<br><i>{_esc(vm.versus)}</i>"
        if vm.end_reason:
            out = f"{_esc(vm.end_reason)}<br>" + out
        ui.label(r(24, 100, col_w, 26), S["ui.end.objectives"], "subheading")
        ui.text_box(r(20, 124, col_w, 190), obj, None).set_tooltip(S["ui.end.objectives.tip"])
        ui.label(r(24, 320, col_w, 26), S["ui.end.outcome"], "subheading")
        ui.text_box(r(20, 344, col_w, 150), out, None)
        part = self.next_part()
        self.note_h = NOTE_H * self.sc.text ** 2
        below = 70 + (self.note_h + 8 if part is not None else 0)     # the line on the campaign's next part
        ui.label(r(24, 500, col_w, 26), S["ui.end.powers"], "subheading")
        powers = "<br>".join(f"{'<b>' if me else ''}{_esc(S['ui.end.power_row'].format(name=n, score=sc))}"
                             f"{'</b>' if me else ''}" for n, sc, me in vm.powers)
        ui.text_box(r(20, 524, col_w, H - 524 - below), powers, None).set_tooltip(S["ui.end.powers.tip"])
        tl_x = 440.0
        tl_w = W - tl_x - 24
        ui.label(r(tl_x, 100, tl_w, 26), S["ui.end.timeline"], "subheading")
        half = tl_w / 2
        mine = [f"<font face='telegram'>{row.date}</font> {_esc(row.yours)}" for row in vm.timeline if row.yours]
        hist = [f"<font face='telegram'>{row.date}</font> <i>{linked(row.history, g)}</i>" for row in vm.timeline
                if row.history]
        ui.label(r(tl_x + 4, 124, half - 12, 22), S["ui.end.yours"], "caption")
        ui.label(r(tl_x + half + 4, 124, half - 12, 22), S["ui.end.theirs"], "caption")
        ui.text_box(r(tl_x - 4, 146, half - 4, 228), "<br>".join(mine), "card_text")
        ui.text_box(r(tl_x + half, 146, half - 4, 228), "<br>".join(hist), "card_text")
        self.charts_box = (tl_x, 390, tl_w, H - 390 - 70)
        self.charts: list[LineChart] = []
        bx = W - 24
        playable = part is not None and part.playable
        for key, action in (("ui.end.menu", self.menu), ("ui.end.new", self.new_game), ("ui.end.ledger", self.ledger)):
            bx -= 170
            primary = key == "ui.end.new" and not playable
            b = ui.button(r(bx, H - 56, 160, 40), S[key], action, object_id="primary" if primary else None)
            if primary:
                ui.focus_on(b)
        if part is not None:
            self._next_part_row(part, col_w, bx)
        self._charts()

    def _next_part_row(self, part: NextPart, col_w: float, buttons_x: float) -> None:
        """The line on what carries over (or why the campaign cannot go on), under the powers, and the
        button that plays on, first in the row and focused."""
        ui, r, H = self.ui, self.r, self.sc.height
        assert ui is not None and self.app.session is not None
        carried = part.carried()
        line = carried if part.playable else part.problem
        ui.text_box(r(20, H - 62 - self.note_h, col_w, self.note_h), _esc(line), "card_text")
        if not part.playable:
            return
        text = S["ui.end.continue"].format(title=part.title)
        w = min(self.text_w(text, "button", "primary"), buttons_x - 34)
        power = self.app.session.rules.power_name(self.app.session.power, self.app.session.state)
        b = ui.button(r(buttons_x - 10 - w, H - 56, w, 40), text, self.play_on,
                      S["ui.end.continue.tip"].format(title=part.title, power=power, carried=carried), "primary")
        ui.focus_on(b)

    def next_part(self) -> NextPart | None:
        s = self.app.session
        if s is None or not s.power or getattr(self.app, "classroom", None) is not None:
            return None             # an observer has no seat to carry on; a classroom ends with its debrief
        if self._next is None:
            self._next = (s.next_part(),)
        return self._next[0]

    def play_on(self) -> None:
        """The next part, from where this game ended, on the map; a notice if it cannot start."""
        self.app.play_on()

    def _charts(self) -> None:
        s = self.app.session
        assert s is not None
        x, y, w, h = self.charts_box
        vms = [economy_chart(s.rules, s.state, ("discontent", "trade", "prestige")), attitude_chart(s.rules, s.state, "trust")]
        self.charts = []
        for k, vm in enumerate(vms):
            series = []
            for i, ser in enumerate(vm.series):
                colour, mark, dash = styled(self.pal, i)
                series.append(Series(ser.name, list(ser.values), colour, mark, dash))
            cw = w / 2
            chart = LineChart(self.r(x + k * cw, y + 18, cw - 8, h - 18), list(vm.dates), series, vm.bounds, self.sc.s)
            chart.text = self.sc.text
            chart.title = vm.title  # type: ignore[attr-defined]
            self.charts.append(chart)

    def menu(self) -> None:
        from game.ui.screens.menu import MenuScreen
        self.app.close_game()
        self.app.session = None
        self.app.switch(MenuScreen(self.app))

    def new_game(self) -> None:
        from game.ui.screens.menu import MenuScreen
        from game.ui.screens.newgame import NewGameScreen
        self.app.close_game()
        self.app.session = None
        self.app.switch(MenuScreen(self.app))
        self.app.push(NewGameScreen(self.app))

    def ledger(self) -> None:
        self.app.push(_EndLedger(self.app))

    def back(self) -> None:
        self.menu()

    def draw_back(self, surface: pygame.Surface) -> None:
        sc, pal = self.sc, self.pal
        self.rule(surface, 24, 96, sc.width - 48, double=True)
        for c in self.charts:
            surface.blit(tx.render(c.title.upper(), "telegram", sc.font(11), pal.rgb("ink_soft"), "bold"),  # type: ignore[attr-defined]
                         (c.rect.x, c.rect.y - sc.px(16)))
            c.draw(surface, pal, short_date)


def _EndLedger(app):  # type: ignore[no-untyped-def]
    from game.ui.screens.ledger import LedgerScreen

    class EndLedger(LedgerScreen):
        def back(self) -> None:
            self.app.pop()

        def goto(self, name: str) -> None:
            self.app.pop()

        def end_turn(self) -> None:
            self.app.pop()

    return EndLedger(app)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
