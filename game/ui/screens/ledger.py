"""The ledger: charts over time of the economy (gold on its own scale, the
0-100 indices together) and of each power's attitude (chosen from a
list), the gold account line by line, and the objectives. Lines are told
apart by dash, marker and name; hovering a point gives its value, and
each series' check box carries its numbers in its tooltip."""
from __future__ import annotations

import pygame

from game.i18n import S
from game.ui import text as tx
from game.ui.screens.game_base import GameScreen
from game.ui.viewmodels.common import short_date
from game.ui.viewmodels.ledger import (ATTITUDES, ChartVM, attitude_chart, attitude_options, economy_chart,
                                       gold_account, gold_chart, objective_rows)
from game.ui.widgets.charts import LineChart, Series, styled

TABS = ("economy", "attitudes", "gold", "objectives")


class LedgerScreen(GameScreen):
    name = "ledger"

    def __init__(self, app, tab: str = "economy") -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.tab = tab
        self.attitude = "trust"
        self.hidden: set[str] = set()
        self.charts: list[LineChart] = []
        self.hover: tuple | None = None
        self._charts_key: tuple | None = None

    def compose_body(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        x, y, w, h = self.body
        ui.label(r(16, y + 4, 300, 40), S["ui.ledger.heading"], "heading")
        self.tabs = {}
        tx_ = 250.0
        for t in TABS:
            label = S[f"ui.ledger.{t}"]
            tip = S[f"ui.ledger.{t}.tip"].format(hub=self.rules.power_name(self.rules.hub, self.state))
            tw = max(150.0, self.text_w(label, "button", "tab"))
            self.tabs[t] = ui.button(r(tx_, y + 8, tw, 32), label, lambda t=t: self.set_tab(t), tip, "tab")
            tx_ += tw + 6
        self.w_attitude = None
        if self.tab == "attitudes":
            ui.label(r(w - 340, y + 10, 80, 28), S["ui.ledger.which"], "italic")
            self.w_attitude = ui.choice(r(w - 260, y + 10, 244, 30), attitude_options(self.rules), self.attitude,
                                        self.set_attitude, S["ui.ledger.which.tip"])
        self.chart_area = (16.0, y + 52, w - 250, h - 60)
        self.side = (w - 224, y + 52, 208, h - 60)
        self.text_box = None
        if self.tab in ("gold", "objectives"):
            self.text_box = ui.text_box(r(16, y + 52, w - 32, h - 60), "", "card_text")
            self.text_html = ""
        for t, b in self.tabs.items():
            if t == self.tab:
                b.select()
        self.series_checks: dict[str, object] = {}
        self._checks_key = None

    def advisor_rect(self) -> tuple[float, float, float, float]:
        return (self.sc.width - 228, self.sc.height - 54 - 330, 212.0, 320.0)

    def set_tab(self, tab: str) -> None:
        if tab != self.tab:
            self.tab = tab
            self.hidden = set()
            self.build()

    def set_attitude(self, a: str) -> None:
        self.attitude = a
        self.hidden = set()
        self._charts_key = None
        self.refresh_body()

    def toggle(self, sid: str, on: bool) -> None:
        (self.hidden.discard if on else self.hidden.add)(sid)
        self._charts_key = None
        self._layout_charts()

    def _vms(self) -> list[ChartVM]:
        if self.tab == "economy":
            return [gold_chart(self.rules, self.state), economy_chart(self.rules, self.state)]
        if self.tab == "attitudes":
            return [attitude_chart(self.rules, self.state, self.attitude)]
        return []

    def refresh_body(self) -> None:
        ui = self.ui
        assert ui is not None
        if self.tab == "gold" and self.text_box is not None:
            lines = gold_account(self.rules, self.state)
            html = "<br>".join(_esc(l) for l in lines) if lines else f"<i>{S['ui.ledger.gold.none']}</i>"
            html = f"<font face='telegram'>{html}</font>"
            if html != self.text_html:
                self.text_html = html
                ui.set_html(self.text_box, html)
            return
        if self.tab == "objectives" and self.text_box is not None:
            rows = objective_rows(self.rules, self.state, self.session.power)
            html = "<br>".join((f"<b>{_esc(o.text)}</b>" if o.met else _esc(o.text)) +
                               f" \u2014 {S['ui.ledger.met'] if o.met else S['ui.ledger.not_met']}" for o in rows)
            if html != self.text_html:
                self.text_html = html
                ui.set_html(self.text_box, html)
            return
        self.vms = self._vms()
        self._make_checks()
        self._charts_key = None
        self._layout_charts()

    def _make_checks(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        ids = tuple(s.id for vm in self.vms for s in vm.series)
        key = (self.tab, self.attitude, ids)
        if key == self._checks_key:
            for vm in self.vms:
                for s in vm.series:
                    c = ui.control_of(self.series_checks.get(s.id))
                    if c is not None and c.tooltip != s.tooltip:
                        c.tooltip = s.tooltip
                        self.series_checks[s.id].set_tooltip(s.tooltip)  # type: ignore[attr-defined]
            return
        self._checks_key = key
        ui.remove_group("series")
        self.series_checks = {}
        x, y, w, h = self.side
        yy = y + 4
        for vm in self.vms:
            for s in vm.series:
                self.series_checks[s.id] = ui.check(r(x, yy, 200, 22), s.name, s.id not in self.hidden,
                                                    lambda on, sid=s.id: self.toggle(sid, on), s.tooltip,
                                                    group="series")
                yy += 28

    def _layout_charts(self) -> None:
        vms = getattr(self, "vms", [])
        key = (self.tab, self.attitude, tuple(sorted(self.hidden)), tuple((vm.title, vm.series) for vm in vms))
        if key == self._charts_key:
            return
        self._charts_key = key
        x, y, w, h = self.chart_area
        self.charts = []
        if not vms:
            return
        heights = [0.38, 0.62] if len(vms) == 2 else [1.0]
        yy = y
        i_style = 0
        for vm, frac in zip(vms, heights):
            ch = h * frac
            series = []
            for s in vm.series:
                colour, mark, dash = styled(self.pal, i_style)
                i_style += 1
                if s.id in self.hidden:
                    continue
                series.append(Series(s.name, list(s.values), colour, mark, dash))
            chart = LineChart(self.r(x, yy + 22, w, ch - 28), list(vm.dates), series, vm.bounds, self.sc.s)
            chart.text = self.sc.text
            chart.title = vm.title  # type: ignore[attr-defined]
            chart.title_y = yy  # type: ignore[attr-defined]
            self.charts.append(chart)
            yy += ch

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.hover = None
            for c in self.charts:
                hit = c.point_at(event.pos)
                if hit is not None:
                    self.hover = (hit, event.pos)
        return False

    def draw_body(self, surface: pygame.Surface) -> None:
        sc, pal = self.sc, self.pal
        for c in self.charts:
            surface.blit(tx.render(c.title.upper(), "telegram", sc.font(12), pal.rgb("ink_soft"), "bold"),  # type: ignore[attr-defined]
                         (c.rect.x, sc.px(c.title_y)))  # type: ignore[attr-defined]
            c.draw(surface, pal, short_date)
            if len(c.dates) < 2:
                surface.blit(tx.render(S["ui.ledger.one_point"], "body", sc.font(14), pal.rgb("ink_soft"), "italic"),
                             (c.plot.x + sc.px(10), c.plot.y + sc.px(10)))

    def draw_overlay(self, surface: pygame.Surface) -> None:
        if self.hover is None:
            return
        (ser, i, value), pos = self.hover
        sc, pal = self.sc, self.pal
        chart = self.charts[0]
        dates = chart.dates
        text = S["ui.ledger.point.tip"].format(name=ser.name, date=dates[i] if i < len(dates) else "", value=value)
        img = tx.render(text, "ui", sc.font(13), pal.rgb("ink"))
        box = img.get_rect().inflate(sc.px(14), sc.px(8))
        box.topleft = (pos[0] + sc.px(14), pos[1] - box.height - sc.px(6))
        pygame.draw.rect(surface, pal.rgb("paper_light"), box)
        pygame.draw.rect(surface, pal.rgb("ink"), box, 1)
        surface.blit(img, (box.x + sc.px(7), box.y + sc.px(4)))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["LedgerScreen", "ATTITUDES"]
