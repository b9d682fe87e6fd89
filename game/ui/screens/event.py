"""An event that asks for a decision: a dialog with the date, the picture,
the text, and one button per option with its known effects beneath it.
Esc puts the decision off (the turn cannot end until it is taken)."""
from __future__ import annotations

import pygame

from game.engine.commands import ChooseOption
from game.i18n import S
from game.ui import text as tx
from game.ui.advisor import AdvisorCard
from game.ui.links import glossary_for, linked
from game.ui.screens.base import Screen
from game.ui.viewmodels.event import EventVM, event_vm
from game.ui.widgets import pictures


class EventScreen(Screen):
    name = "event"
    modal = True

    def __init__(self, app, event_id: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.event_id = event_id
        self.vm: EventVM | None = None

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None and self.app.session is not None
        self.vm = vm = event_vm(self.app.session.rules, self.app.session.state, self.event_id)
        W, H = self.sc.width, self.sc.height
        w, h = min(980.0, W - 80), min(H - 60, 300.0 + 72 * max(1, len(vm.options)) + 70)
        x, y = (W - w) / 2, (H - h) / 2
        self.box = (x, y, w, h)
        self.pic = (x + 24, y + 24, 300, 220)
        tx_x = x + 348
        ui.label(r(tx_x, y + 20, w - 372, 20), vm.date.upper(), "subheading")
        ui.label(r(tx_x, y + 40, w - 372, 40), vm.title, "heading")
        body = f"<p>{linked(vm.text, glossary_for(self.app))}</p>"   # names link to the encyclopedia
        if vm.effects:
            body += f"<br><i>{_esc(S['ui.event.effects'].format(effects='; '.join(vm.effects)))}</i>"
        ui.text_box(r(tx_x - 4, y + 82, w - 368, 200), body, None)
        oy = y + 296
        first = None
        n = max(1, len(vm.options))
        opt_h = min(72.0, (h - 300 - 60) / n)
        for o in vm.options:
            b = ui.button(r(x + 24, oy, w - 48, 34), o.title, lambda oid=o.id: self.choose(oid),
                          S["ui.event.option.tip"].format(title=o.text or o.title, effects=o.effects_text),
                          "list_item")
            lab = ui.label(r(x + 36, oy + 34, w - 72, 22), o.effects_text, "caption")
            lab.set_tooltip(o.effects_text)
            first = first or b
            oy += opt_h
        ui.button(r(x + w - 200, y + h - 50, 176, 36), S["ui.event.later"], self.app.pop, S["ui.event.later.tip"],
                  "small_button")
        if first is not None:
            ui.focus_on(first)
            ui.keyboard_mode = True   # Enter answers with the focused option: show the ring, as the confirm box does
        self.advisor = AdvisorCard(self, (x + 24, y + h - 56, 0, 0))  # no room here: the advisor speaks elsewhere

    def choose(self, option: str) -> None:
        s = self.app.session
        assert s is not None
        out = s.attempt(ChooseOption(s.power, self.event_id, option))
        if not out.ok:
            self.app.toast(S["ui.toast.not_possible"].format(reason=out.message))
            return
        self.app.pop()
        self.app.prompt_events()

    def draw_back(self, surface: pygame.Surface) -> None:
        vm = self.vm
        if vm is None:
            return
        sc, pal = self.sc, self.pal
        box = self.r(*self.box)
        shadow = box.move(sc.px(6), sc.px(6))
        pygame.draw.rect(surface, pal.rgb("ink_soft"), shadow)
        self.draw_card(surface, box, "paper_light", "ink")
        pygame.draw.rect(surface, pal.rgb("ink"), box.inflate(-sc.px(8), -sc.px(8)), 1)
        pic = self.r(*self.pic)
        surface.blit(pictures.draw(vm.picture, pic.size, pal.rgb("ink"), pal.rgb("paper_light")), pic.topleft)
        cap = tx.render(S["ui.event.picture.caption"], "ui", sc.font(10), pal.rgb("ink_faint"))
        surface.blit(cap, (pic.x, pic.bottom + sc.px(3)))
        x, y, w, h = self.box
        self.rule(surface, x + 24, y + 284, w - 48, double=True)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
