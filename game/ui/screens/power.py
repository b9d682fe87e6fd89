"""A power's panel: who leads it and what it wants; where it stands on the
ladder of relations; its attitudes, each with a small chart of the last
turns and the causes of the changes; claims; treaties in force (which the
player may tear up, after a warning); grievances fading visibly."""
from __future__ import annotations

import pygame

from game.engine.commands import CancelTreaty
from game.i18n import S, status_text
from game.ui import text as tx
from game.ui.links import glossary_for, linked
from game.ui.screens.game_base import GameScreen
from game.ui.theme import PATTERNS
from game.ui.viewmodels.power import PowerPanelVM, power_panel
from game.ui.widgets.charts import sparkline
from game.ui.widgets.patterns import swatch


class PowerScreen(GameScreen):
    name = "power"

    def __init__(self, app, power: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.power = power
        self.vm: PowerPanelVM | None = None

    def compose_body(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        x, y, w, h = self.body
        # The third column moves left (and the charts beside the attitudes shorten) when the logical canvas
        # is narrow (large UI scale: 1024 wide), so that treaties and their Cancel keep a readable width.
        c3 = self.c3 = 860.0 if w >= 1200 else 780.0
        self.col = (16.0, 440.0, c3)
        hub = self.power == self.rules.hub
        self.l_name = ui.label(r(16, y + 2, 410, 52), "", "title")
        dy = 44 * (self.sc.text - 1)  # the title's extra height in larger text
        self.l_leader = ui.label(r(18, y + 52 + dy, 410, 24), "", None)
        self.l_gov = ui.label(r(18, y + 74 + 1.3 * dy, 410, 22), "", "italic")
        top = y + 100 + 1.6 * dy + 6 * (self.sc.text - 1) * 10  # below the government line in any text size
        bottom = y + h - 46
        self.ladder_y = min(y + 330, bottom - 6 - self.line_h("label", "caption") - 76)
        self.t_text = ui.text_box(r(12, top, 418, self.ladder_y - (4 if hub else 38) - top), "", None)
        self.text_html = ""
        if not hub:
            ui.label(r(16, self.ladder_y - 34, 410, 32),
                     S["ui.power.status"].format(hub=self.rules.power_name(self.rules.hub, self.state)), "heading",
                     S["ui.power.status.tip"])
        self.l_facing = ui.label(r(18, self.ladder_y + 76, 410, 22), "", "caption")
        ui.label(r(440, y + 8, 400, 30), S["ui.home.state"] if hub else S["ui.power.attitudes"], "heading")
        self.att_labels: list = []
        for i in range(8):
            t = ui.label(r(440, y + 44 + i * 30, 190, 26), "", None)
            v = ui.label(r(630, y + 44 + i * 30, 56, 26), "", "number_right")
            self.att_labels.append((t, v))
        self.claims_y = y + 44 + 8 * 30 + 10
        if not hub:
            ui.label(r(440, self.claims_y, 400, 30), S["ui.power.claims"], "heading")
        self.claim_labels = []
        for i in range(5):
            vx = min(690.0, c3 - 120)
            t = ui.label(r(440, self.claims_y + 34 + i * 24, vx - 440, 22), "", "caption")
            v = ui.label(r(vx, self.claims_y + 34 + i * 24, 110, 22), "", "number_right")
            self.claim_labels.append((t, v))
        ui.label(r(c3, y + 8, w - c3 - 16, 30), S["ui.power.treaties"], "heading")
        self.l_no_treaty = ui.label(r(c3 + 2, y + 42, w - c3 - 20, 22), S["ui.power.treaties.none"], "italic")
        self.griev_y = y + 210
        ui.label(r(c3, self.griev_y, w - c3 - 16, 30), S["ui.power.grievances"], "heading")
        # "Why they think so" keeps room for a few lines of its box, down to the foot of the body.
        self.causes_y = min(y + 360, y + h - 8 - 100 - 32)
        ui.label(r(c3, self.causes_y, w - c3 - 16, 30), S["ui.power.causes"], "heading")
        self.t_causes = ui.text_box(r(c3 - 4, self.causes_y + 32, w - c3 - 8, min(h - (self.causes_y - y) - 84, y + h - 8 - self.causes_y - 32)), "", None)
        self.causes_html = ""
        name = self.rules.power_name(self.power, self.state)
        self.b_negotiate = ui.button(r(16, bottom, 260, 38), S["ui.power.negotiate"].format(name=name),
                                     self.negotiate, S["ui.power.negotiate.tip"].format(name=name), "primary")
        ui.button(r(284, bottom, 120, 38), S["ui.back"], self.back, S["ui.back.tip"])
        self.treaty_key: tuple = ()

    def refresh_body(self) -> None:
        ui = self.ui
        assert ui is not None
        vm = power_panel(self.rules, self.state, self.power, self.session.power)
        self.vm = vm
        ui.set_text(self.l_name, vm.name)
        ui.set_text(self.l_leader, vm.leader)
        ui.set_text(self.l_gov, vm.government)
        g, seen = glossary_for(self.app), set()
        html = "".join(f"<i>{linked(t, g, seen)}</i><br><br>" if i == 0 else f"{linked(t, g, seen)}<br><br>"
                       for i, t in enumerate(x for x in (vm.note, vm.description, vm.wants) if x))
        if html != self.text_html:
            self.text_html = html
            ui.set_html(self.t_text, html)
        ui.set_text(self.l_facing, vm.facing)
        for (t, v), a in zip(self.att_labels, list(vm.attitudes) + [None] * 8):
            ui.set_text(t, a.title if a else "")
            ui.set_text(v, a.text if a else "")
            if a is not None:
                _tip(t, a.tooltip)
                _tip(v, a.tooltip)
        for (t, v), c in zip(self.claim_labels, list(vm.claims) + [None] * 5):
            ui.set_text(t, c.title if c else "")
            ui.set_text(v, (c.text + " m") if c else "")
            if c is not None:
                _tip(t, c.tooltip + " " + S["ui.power.claims.unit"])
                _tip(v, c.tooltip + " " + S["ui.power.claims.unit"])
        key = tuple((t.id, t.title) for t in vm.treaties)
        if key != self.treaty_key:
            self.treaty_key = key
            self._make_treaties(vm)
        ui.set_visible(self.l_no_treaty, not vm.treaties)
        chtml = "<br>".join(_esc(c) for c in vm.causes) or f"<i>{S['ui.power.causes.none']}</i>"
        if chtml != self.causes_html:
            self.causes_html = chtml
            ui.set_html(self.t_causes, chtml)
        can = self.power != self.session.power and (self.session.is_hub or self.power == self.rules.hub)
        ui.set_enabled(self.b_negotiate, can)

    def _make_treaties(self, vm: PowerPanelVM) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        ui.remove_group("treaties")
        x, y, w, h = self.body
        for i, t in enumerate(vm.treaties[:4]):
            t_ = max(1.0, self.sc.text)
            yy = y + 42 + i * 40 * t_
            lab = ui.label(r(self.c3 + 2, yy, w - self.c3 - 130, 22), t.title, None)
            lab.set_tooltip(f"{t.title} ({t.partners}), {S['ui.power.signed'].format(date=t.signed)}: {t.text}")
            sub = ui.label(r(self.c3 + 2, yy + 18 * t_, w - self.c3 - 130, 18), S["ui.power.signed"].format(date=t.signed), "caption")
            self._track(lab)
            self._track(sub)
            ok, why = self.session.legal(CancelTreaty(self.session.power, t.id))
            ui.button(r(w - 122, yy + 4, 106, 30), S["ui.power.cancel"], lambda tid=t.id, title=t.title:
                      self.confirm_cancel(tid, title), S["ui.power.cancel.tip"] if ok else why, "small_button",
                      ok, group="treaties")

    def _track(self, element) -> None:  # type: ignore[no-untyped-def]
        from game.ui.controls import Control
        assert self.ui is not None
        c = Control("label", element, group="treaties", enabled=False)
        self.ui.order.append(c)
        self.ui.by_element[id(element)] = c

    def confirm_cancel(self, treaty: int, title: str) -> None:
        from game.ui.screens.confirm import ConfirmScreen
        name = self.rules.power_name(self.power, self.state)

        def do() -> None:
            out = self.session.attempt(CancelTreaty(self.session.power, treaty))
            if not out.ok:
                self.app.toast(S["ui.toast.not_possible"].format(reason=out.message))

        self.app.push(ConfirmScreen(self.app, S["ui.power.confirm_cancel"].format(title=title, name=name), do))

    def negotiate(self) -> None:
        from game.ui.screens.negotiation import NegotiationScreen
        other = self.power if self.session.is_hub else self.rules.hub
        self.app.replace(NegotiationScreen(self.app, counterpart=other))

    def shortcut(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_n and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.negotiate()
            return True
        return super().shortcut(event)

    def draw_body(self, surface: pygame.Surface) -> None:
        vm = self.vm
        if vm is None:
            return
        sc, pal = self.sc, self.pal
        x, y, w, h = self.body
        # The ladder of relations: four steps, the current one marked by pattern, colour and a pointer.
        if not vm.is_hub:
            step_w = 100
            for level in range(4):
                box = self.r(16 + level * (step_w + 4), self.ladder_y, step_w, 30)
                swatch(surface, box, pal.status(level), PATTERNS[level], pal.rgb("ink_soft"), max(4, sc.px(6)))
                if level == vm.status:
                    pygame.draw.rect(surface, pal.rgb("ink"), box.inflate(sc.px(6), sc.px(6)), max(2, sc.px(3)))
                lab = tx.render(S[f"ui.status.short.{level}"], "ui", sc.font(11), pal.rgb("ink"))
                surface.blit(lab, (box.centerx - lab.get_width() // 2, box.bottom + sc.px(4)))
            mark = tx.render("\u25b2 " + status_text(vm.status), "telegram", sc.font(12), pal.rgb("ink"), "bold")
            surface.blit(mark, (sc.px(16), sc.px(self.ladder_y + 54)))
        # Small charts beside the attitudes.
        for i, a in enumerate(vm.attitudes[:8]):
            rect = self.r(696, y + 48 + i * 30, min(140, self.c3 - 20 - 696), 20)
            if len(a.history) > 1:
                sparkline(surface, rect, a.history, pal)
        # Grievances: a bar that empties as they fade.
        gy = self.griev_y + 36
        if not vm.grievances:
            surface.blit(tx.render(S["ui.power.grievances.none"], "body", sc.font(15), pal.rgb("ink_soft"), "italic"),
                         (sc.px(self.c3 + 2), sc.px(gy)))
        for g in vm.grievances[:3]:
            lines = tx.wrap(g.text, "ui", sc.font(12), sc.px(w - self.c3 - 20))
            tx.blit_lines(surface, lines[:2], (sc.px(self.c3 + 2), sc.px(gy)), "ui", sc.font(12), pal.rgb("ink"))
            bar = self.r(self.c3 + 2, gy + 32, w - self.c3 - 20, 8)
            pygame.draw.rect(surface, pal.rgb("paper_light"), bar)
            pygame.draw.rect(surface, pal.rgb("accent"), (bar.x, bar.y, int(bar.width * g.fraction), bar.height))
            pygame.draw.rect(surface, pal.rgb("rule"), bar, 1)
            gy += 46


def _tip(element, text: str) -> None:  # type: ignore[no-untyped-def]
    if getattr(element, "_tip_text", None) != text:
        element._tip_text = text
        element.set_tooltip(text)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
