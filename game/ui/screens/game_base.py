"""What every game screen shares: the top bar (date, turn, the values that
matter, the score), the bar of buttons at the bottom (map, home,
negotiate, conference, ledger, menu, end turn), their keys, and the
advisor's card."""
from __future__ import annotations

import pygame

from game.i18n import S
from game.ui.advisor import AdvisorCard
from game.ui.screens.base import Screen
from game.ui.viewmodels.world import HudVM, hud

TOP = 52
BOTTOM = 54

NAV = (("map", "ui.nav.map", pygame.K_m), ("home", "ui.nav.home", pygame.K_h),
       ("negotiation", "ui.nav.negotiate", pygame.K_n), ("conference", "ui.nav.conference", pygame.K_c),
       ("ledger", "ui.nav.ledger", pygame.K_l))


class GameScreen(Screen):
    """A screen of the game in progress (needs ``app.session``)."""

    @property
    def session(self):  # type: ignore[no-untyped-def]
        assert self.app.session is not None
        return self.app.session

    @property
    def rules(self):  # type: ignore[no-untyped-def]
        return self.session.rules

    @property
    def state(self):  # type: ignore[no-untyped-def]
        return self.session.state

    @property
    def body(self) -> tuple[float, float, float, float]:
        """The logical area between the two bars: x, y, w, h."""
        return (0.0, self.top_h, self.sc.width, self.sc.height - self.top_h - BOTTOM)

    @property
    def top_h(self) -> float:
        """The top bar's height: two lines (the date over the turn) in the current text size."""
        return max(float(TOP), round(8 + 1.25 * (22 + 13) * self.sc.text))

    def compose(self) -> None:
        self._compose_bars()
        self.compose_body()
        self.advisor = AdvisorCard(self, self.advisor_rect())

    def compose_body(self) -> None:
        pass

    def advisor_rect(self) -> tuple[float, float, float, float]:
        """Where the advisor's card goes on this screen (logical x, y, w, h): over nothing essential."""
        return (16.0, self.sc.height - BOTTOM - 196, 500.0, 186.0)

    # --- the bars ------------------------------------------------------------------------

    def _compose_bars(self) -> None:
        ui, r, W = self.ui, self.r, self.sc.width
        assert ui is not None
        self.hud_vm: HudVM | None = None
        t = self.sc.text
        self.l_date = ui.label(r(16, 3, 228, 28), "", "heading")
        self.l_turn = ui.label(r(17, 3 + round(22 * 1.2 * t), 228, 20), "", "caption")
        self.stat_labels: list[tuple] = []
        self.l_player = ui.label(r(W - 190, 6, 176, 20), "", "caption")
        self.l_score = ui.label(r(W - 190, 6 + round(13 * 1.3 * t), 176, 22), "", "number")
        y = self.sc.height - BOTTOM + 9
        self.nav: dict[str, object] = {}
        x = 16
        for key, label, _ in NAV:
            text = S[label] if key != "home" or self.session.is_hub else S["ui.nav.home_partner"]
            self.nav[key] = ui.button(r(x, y, 128, 38), text, lambda k=key: self.goto(k), S[label + ".tip"],
                                      group="nav")
            x += 134
        self.nav["menu"] = ui.button(r(x + 12, y, 100, 38), S["ui.nav.menu"], self.open_menu, S["ui.nav.menu.tip"],
                                     group="nav")
        self.end_button = ui.button(r(W - 206, y, 190, 38), S["ui.nav.end_turn"], self.end_turn,
                                    S["ui.nav.end_turn.tip"], "primary", group="nav")
        nav_button = self.nav.get(self.name)
        if nav_button is not None:
            nav_button.select()  # type: ignore[attr-defined]

    def refresh_bars(self) -> None:
        ui = self.ui
        assert ui is not None
        vm = hud(self.rules, self.state, self.session.power)
        old = self.hud_vm
        self.hud_vm = vm
        ui.set_text(self.l_date, vm.date)
        ui.set_text(self.l_turn, vm.turn)
        if old is None or old.turn_tip != vm.turn_tip:
            self.l_turn.set_tooltip(vm.turn_tip)
        if old is None or [s.id for s in old.stats] != [s.id for s in vm.stats]:
            self._make_stats(vm)
        for (cap, val, stat_id), stat in zip(self.stat_labels, vm.stats):
            ui.set_text(val, stat.value)
            if old is None or stat not in old.stats:
                val.set_tooltip(stat.tooltip)
                cap.set_tooltip(stat.tooltip)
        ui.set_text(self.l_player, vm.player)
        ui.set_text(self.l_score, vm.score)
        if old is None or old.score_tip != vm.score_tip:
            self.l_score.set_tooltip(vm.score_tip)
        conf_button = self.nav["conference"]
        ui.set_enabled(conf_button, vm.conference is not None,
                       S["ui.nav.conference.tip"] if vm.conference else S["ui.nav.conference.none"])
        if vm.decisions:
            ui.set_text(self.end_button, S["ui.nav.decide"])
            c = ui.control_of(self.end_button)
            if c is not None and c.tooltip != S["ui.nav.decide.tip"]:
                c.tooltip = S["ui.nav.decide.tip"]
                self.end_button.set_tooltip(c.tooltip)
        else:
            ui.set_text(self.end_button, S["ui.nav.end_turn"])
            c = ui.control_of(self.end_button)
            if c is not None and c.tooltip != S["ui.nav.end_turn.tip"]:
                c.tooltip = S["ui.nav.end_turn.tip"]
                self.end_button.set_tooltip(c.tooltip)

    def _make_stats(self, vm: HudVM) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        for cap, val, _ in self.stat_labels:
            cap.kill()
            val.kill()
        self.stat_labels = []
        x0, x1 = 250.0, self.sc.width - 200.0
        # Each value gets the room its caption needs (measured in the current text size) and a gap;
        # what is left is shared out, and if there is too little the captions are cut (tooltip whole).
        needs = [max(self.text_w(st.label.upper(), "label", "hud_caption"), self.text_w("0000", "label", "number"))
                 for st in vm.stats]
        gap = 14.0
        spare = (x1 - x0) - sum(needs) - gap * len(needs)
        share = spare / max(1, len(needs))
        x = x0
        for stat, need in zip(vm.stats, needs):
            w = max(24.0, need + share) if spare < 0 else need + share
            cap = ui.label(r(x, 5, w, 16), stat.label.upper(), "hud_caption", stat.tooltip)
            val = ui.label(r(x, 5 + round(12 * 1.35 * self.sc.text), w, 26), stat.value, "number", stat.tooltip)
            self.stat_labels.append((cap, val, stat.id))
            x += w + gap

    def refresh(self) -> None:
        self.refresh_bars()
        self.refresh_body()
        self.advisor.refresh()

    def refresh_body(self) -> None:
        pass

    # --- moving between screens -------------------------------------------------------------

    def goto(self, name: str) -> None:
        if name == self.name:
            return
        app = self.app
        if name == "map":
            while len(app.stack) > 1 and app.top.name != "map":
                app.pop()
            return
        screen = make_game_screen(app, name)
        if screen is None:
            return
        if app.top.name == "map":
            app.push(screen)
        else:
            app.replace(screen)

    def open_menu(self) -> None:
        from game.ui.screens.pause import PauseScreen
        self.app.push(PauseScreen(self.app))

    def end_turn(self) -> None:
        self.app.end_turn()

    def back(self) -> None:
        self.goto("map")

    def shortcut(self, event: pygame.event.Event) -> bool:
        if event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            return False
        if event.key == pygame.K_e:
            self.end_turn()
            return True
        for key, _, k in NAV:
            if event.key == k:
                if key == "conference" and (self.hud_vm is None or self.hud_vm.conference is None):
                    self.app.toast(S["ui.nav.conference.none"])
                    return True
                self.goto(key)
                return True
        if event.key in (pygame.K_F5, pygame.K_F9):
            from game.ui.saves_link import quick
            quick(self.app, save=event.key == pygame.K_F5)
            return True
        return False

    # --- drawing ---------------------------------------------------------------------------

    def draw_back(self, surface: pygame.Surface) -> None:
        sc, pal = self.sc, self.pal
        top = self.r(0, 0, sc.width, self.top_h)
        pygame.draw.rect(surface, pal.rgb("paper_dark"), top)
        self.rule(surface, 0, self.top_h - 4, sc.width, double=True, colour="ink_soft")
        bottom = self.r(0, sc.height - BOTTOM, sc.width, BOTTOM)
        pygame.draw.rect(surface, pal.rgb("paper_dark"), bottom)
        self.rule(surface, 0, sc.height - BOTTOM, sc.width, double=True, colour="ink_soft")
        self.draw_body(surface)
        self.advisor.draw(surface)

    def draw_body(self, surface: pygame.Surface) -> None:
        pass

    def draw_front(self, surface: pygame.Surface) -> None:
        self.draw_overlay(surface)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        pass


def make_game_screen(app, name: str):  # type: ignore[no-untyped-def]
    if name == "home":
        from game.ui.screens.home import HomeScreen
        return HomeScreen(app)
    if name == "negotiation":
        from game.ui.screens.negotiation import NegotiationScreen
        return NegotiationScreen(app)
    if name == "conference":
        from game.ui.screens.conference import ConferenceScreen
        return ConferenceScreen(app)
    if name == "ledger":
        from game.ui.screens.ledger import LedgerScreen
        return LedgerScreen(app)
    return None
