"""The projector view, for the wall: the map of relations, the round and its
clock, the treaties signed and the public news. Never a secret: no
proposal, objective or brief is drawn here (the seats' observer view decides
what is public once it lands; until then game.classroom.views does), unless
the facilitator reveals the delegations' objectives for the debrief."""
from __future__ import annotations

import pygame

from game.classroom.views import ProjectorVM, facilitator_vm, projector_vm
from game.i18n import S, status_text
from game.ui.screens.base import Screen
from game.ui.screens.classroom_privacy import classroom_of
from game.ui.theme import HUB_PATTERN, PATTERNS
from game.ui.viewmodels.world import map_vm
from game.ui.widgets.mapview import MapView

SIDE = 430


class ProjectorScreen(Screen):
    name = "projector"

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        cls = classroom_of(self.app)
        assert cls is not None
        W, H = self.sc.width, self.sc.height
        self.view = MapView(cls.game.rules.powers, cls.game.rules.hub)
        self.view.layout(r(16, 16, W - SIDE - 32, H - 32))
        vm = self.vm = projector_vm(cls, self.app.time)
        x = W - SIDE
        self.l_round = ui.label(r(x, 14, SIDE - 16, 30), vm.round, "heading")
        self.l_clock = ui.label(r(x, 48, SIDE - 16, 56), self._clock(vm), "title")
        ui.label(r(x, 112, SIDE - 16, 28), S["cls.projector.treaties"], "subheading")
        treaties = "<br>".join(_esc(t) for t in vm.treaties) or f"<i>{_esc(S['cls.projector.no_treaties'])}</i>"
        ui.text_box(r(x - 4, 140, SIDE - 12, 170), treaties, "card_text")
        if cls.revealed:  # the facilitator chose to show every delegation's objectives (the debrief)
            ui.label(r(x, 318, SIDE - 16, 28), S["cls.facilitator.delegations"], "subheading")
            ui.text_box(r(x - 4, 346, SIDE - 12, H - 346 - 16), _rows_html(facilitator_vm(cls, self.app.time)),
                        "card_text")
        else:
            ui.label(r(x, 318, SIDE - 16, 28), S["cls.projector.news"], "subheading")
            ui.text_box(r(x - 4, 346, SIDE - 12, H - 346 - 16), "<br><br>".join(_esc(n) for n in vm.news) or "-",
                        "card_text")
        self.shown = vm.clock

    @staticmethod
    def _clock(vm: ProjectorVM) -> str:
        return f"{vm.clock} ({S['cls.projector.paused']})" if vm.paused else vm.clock

    def update(self, dt: float) -> None:
        cls = classroom_of(self.app)
        if cls is None or self.ui is None:
            return
        cls.clock.tick(self.app.time)
        vm = projector_vm(cls, self.app.time)
        if vm.clock != self.shown:
            self.shown = vm.clock
            self.ui.set_text(self.l_clock, self._clock(vm))

    def back(self) -> None:
        from game.ui.screens.classroom_facilitator import FacilitatorScreen
        self.app.switch(FacilitatorScreen(self.app))  # behind the PIN again

    def draw_back(self, surface: pygame.Surface) -> None:
        cls = classroom_of(self.app)
        if cls is None:
            return
        pal, sc = self.pal, self.sc
        rules, state = cls.game.rules, cls.game.state
        mvm = map_vm(rules, state, "")
        names = {p: mp.name for p, mp in mvm.powers.items()}
        labels = {p: ("" if mp.is_hub else S[f"ui.status.short.{mp.status}"]) for p, mp in mvm.powers.items()}
        rect = self.view.rect
        surface.blit(self.view.surface(pal, mvm.statuses, sc.s, names, labels), rect.topleft)
        pygame.draw.rect(surface, pal.rgb("ink"), rect, max(1, sc.px(1)))
        rows = [(pal.rgb("hub").lerp(pal.rgb("paper_light"), 0.35), HUB_PATTERN,
                 S["ui.map.legend.hub"].format(hub=mvm.hub_name))]
        rows += [(pal.status(level), PATTERNS[level], status_text(level)) for level in range(4)]
        self.view.legend(surface, (rect.right - sc.px(8), rect.bottom - sc.px(8)), pal, sc.s, rows,
                         S["ui.map.legend"].format(hub=mvm.hub_name))


def _rows_html(vm) -> str:  # type: ignore[no-untyped-def]
    from game.ui.screens.classroom_facilitator import FacilitatorScreen
    return FacilitatorScreen._rows_html(vm)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
