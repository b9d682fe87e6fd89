"""The facilitator's console, behind the PIN set at setup: the clock
(pause, resume, extend), the round (advance, undo), injects and news,
adjusting a value with a reason, reveal or hide on the projector, and every
delegation's score and secret objectives, with the latest actions."""
from __future__ import annotations

import pygame

from game.classroom.views import FacilitatorVM, facilitator_vm
from game.engine.commands import CommandError, IllegalCommand
from game.i18n import S
from game.errors import UsageError
from game.ui.screens.base import Screen
from game.ui.screens.classroom_privacy import PrivacyScreen, classroom_of


class FacilitatorScreen(Screen):
    name = "facilitator"

    def __init__(self, app, unlocked: bool = False) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.unlocked = unlocked
        self.message = ""
        self.event_id = ""
        self.var = ""
        self.shown_clock = ""

    @property
    def cls(self):  # type: ignore[no-untyped-def]
        c = classroom_of(self.app)
        assert c is not None
        return c

    def compose(self) -> None:
        assert self.ui is not None
        if self.unlocked:
            self._console()
        else:
            self._lock()

    def _lock(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        W, H = self.sc.width, self.sc.height
        ui.label(r(W / 2 - 240, H / 2 - 110, 480, 50), S["cls.facilitator.title"], "title")
        ui.label(r(W / 2 - 240, H / 2 - 50, 480, 30), S["cls.facilitator.pin"], "heading")
        self.pin = ui.text_entry(r(W / 2 - 120, H / 2 - 10, 240, 40), "", self.try_pin, S["cls.facilitator.pin"])
        self.pin.set_text_hidden(True)
        ui.button(r(W / 2 - 120, H / 2 + 44, 240, 44), S["ui.classroom.open"], self.try_pin, "", "primary")
        self.l_msg = ui.label(r(W / 2 - 240, H / 2 + 100, 480, 28), self.message, "italic")
        ui.focus_on(self.pin)

    def try_pin(self) -> None:
        if self.cls.unlock(self.pin.get_text()):
            self.unlocked, self.message = True, ""
            self.build()
        else:
            self.pin.set_text("")
            assert self.ui is not None
            self.ui.set_text(self.l_msg, S["cls.facilitator.pin_wrong"])

    def _console(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        W, H = self.sc.width, self.sc.height
        vm = self.vm = facilitator_vm(self.cls, self.app.time)
        # Larger text makes the title taller and wider: everything else starts below it.
        t = max(1.0, self.sc.text)
        top = 4 + 56 * t
        x = 350.0
        ui.label(r(24, 4, 640, 58), S["cls.facilitator.title"], "title")
        self.l_round = ui.label(r(24, top, x - 32, 28), vm.round, "heading")
        self.l_clock = ui.label(r(24, top + 30 * t, x - 32, 28), vm.clock, "subheading")
        running = self.cls.clock.running
        buttons = [
            (S["cls.facilitator.pause"] if running else S["cls.facilitator.resume"], self.toggle_clock),
            (S["cls.facilitator.extend"], self.extend),
            (S["cls.facilitator.advance"], self.advance),
            (S["cls.facilitator.undo"], self.undo),
            (S["cls.facilitator.hide"] if self.cls.revealed else S["cls.facilitator.reveal"], self.toggle_reveal),
            (S["ui.classroom.projector"], self.projector),
            (S["ui.classroom.debrief"], self.debrief),
            (S["ui.classroom.to_delegations"], self.back),
        ]
        y = top + 70 * t
        first = None
        for text, action in buttons:
            b = ui.button(r(24, y, 310, 36), text, action, "", "menu_item")
            first = first or b
            y += 40
        box_y = top + 26 * t
        box_h = H - 254 - box_y
        ui.label(r(x, top, W - x - 24, 26), S["cls.facilitator.delegations"], "subheading")
        ui.text_box(r(x - 4, box_y, (W - x) * 0.55, box_h), self._rows_html(vm), "card_text")
        lx = x + (W - x) * 0.55 + 8
        ui.label(r(lx, top, W - lx - 24, 26), S["cls.facilitator.log"], "subheading")
        ui.text_box(r(lx - 4, box_y, W - lx - 20, box_h), "<br>".join(_esc(line) for line in vm.log) or "-",
                    "card_text")
        self._tools(H - 244, vm)
        self.l_msg = ui.label(r(24, H - 36, W - 48, 28), self.message, "italic")
        ui.focus_on(first)

    def _tools(self, y: float, vm: FacilitatorVM) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        W = self.sc.width
        events = [(e, t) for e, t in vm.events] or [("", "-")]
        self.event_id = self.event_id if self.event_id in dict(events) else events[0][0]
        for dy, captions in ((0, ((24, S["ui.classroom.event"]),)),
                             (64, ((24, S["ui.classroom.headline"]), (332, S["ui.classroom.news_text"]))),
                             (128, ((24, S["ui.classroom.value"]), (332, S["ui.classroom.amount"]),
                                    (430, S["cls.facilitator.reason"])))):
            for cx, text in captions:
                ui.label(r(cx, y + dy, 300, 20), text, "caption")
        y += 20
        ui.choice(r(24, y, 420, 34), events, self.event_id, self._set_event, S["cls.facilitator.inject"])
        ui.button(r(452, y, 200, 34), S["cls.facilitator.inject"], self.inject)
        self.e_headline = ui.text_entry(r(24, y + 64, 300, 34), "", self.publish, S["ui.classroom.headline"])
        self.e_text = ui.text_entry(r(332, y + 64, W - 332 - 240, 34), "", self.publish, S["ui.classroom.news_text"])
        ui.button(r(W - 224, y + 64, 200, 34), S["cls.facilitator.news"], self.publish)
        values = [(v, v) for v in vm.values] or [("", "-")]
        self.var = self.var if self.var in dict(values) else values[0][0]
        ui.choice(r(24, y + 128, 300, 34), values, self.var, self._set_var, S["cls.facilitator.adjust"])
        self.e_by = ui.text_entry(r(332, y + 128, 90, 34), "-5", self.adjust, S["ui.classroom.amount"])
        self.e_reason = ui.text_entry(r(430, y + 128, W - 430 - 240, 34), "", self.adjust,
                                      S["cls.facilitator.reason"])
        ui.button(r(W - 224, y + 128, 200, 34), S["cls.facilitator.adjust"], self.adjust)

    @staticmethod
    def _rows_html(vm: FacilitatorVM) -> str:
        out = []
        for row in vm.rows:
            who = S["ui.classroom.students"] if row.student else S["ui.classroom.ai"]
            out.append(f"<b>{_esc(row.name)}</b> ({who}): {row.score:g}<br>"
                       + "<br>".join(f"&nbsp;&nbsp;{_esc(o)}" for o in row.objectives))
        return "<br>".join(out)

    # --- actions ---------------------------------------------------------------------------

    def _done(self, message: str) -> None:
        self.message = message
        self.build()

    def _try(self, action, ok: str) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except (IllegalCommand, CommandError, UsageError) as e:
            self._done(str(e))
            return
        self._done(ok)

    def _set_event(self, value: str) -> None:
        self.event_id = value

    def _set_var(self, value: str) -> None:
        self.var = value

    def toggle_clock(self) -> None:
        c = self.cls.clock
        c.pause(self.app.time) if c.running else c.resume(self.app.time)
        self._done("")

    def extend(self) -> None:
        self.cls.clock.extend(5, self.app.time)
        self._done("")

    def advance(self) -> None:
        self._try(lambda: self.cls.advance_round(self.app.time), S["ui.classroom.advanced"])

    def undo(self) -> None:
        self._try(lambda: self.cls.undo_round(self.app.time), S["ui.classroom.undone"])

    def inject(self) -> None:
        self._try(lambda: self.cls.inject(self.event_id), S["ui.classroom.injected"])

    def publish(self) -> None:
        headline, text = self.e_headline.get_text(), self.e_text.get_text()
        self._try(lambda: self.cls.news(headline, text), S["ui.classroom.published"])

    def adjust(self) -> None:
        try:
            by = float(self.e_by.get_text())
        except ValueError:
            self._done(S["ui.classroom.amount_number"])
            return
        reason = self.e_reason.get_text()
        self._try(lambda: self.cls.adjust(self.var, by, reason), S["ui.classroom.adjusted"])

    def toggle_reveal(self) -> None:
        self.cls.set_revealed(not self.cls.revealed)
        self._done("")

    def projector(self) -> None:
        from game.ui.screens.classroom_projector import ProjectorScreen
        self.app.switch(ProjectorScreen(self.app))

    def debrief(self) -> None:
        from game.ui.screens.classroom_debrief import DebriefScreen
        self.app.switch(DebriefScreen(self.app))

    def back(self) -> None:
        self.app.switch(PrivacyScreen(self.app, self.cls.current_seat()))

    def update(self, dt: float) -> None:
        if self.unlocked and self.ui is not None:
            if self.cls.clock.tick(self.app.time):
                self.build()
                return
            text = facilitator_clock(self)
            if text != self.shown_clock:
                self.shown_clock = text
                self.ui.set_text(self.l_clock, text)

    def draw_back(self, surface: pygame.Surface) -> None:
        self.rule(surface, 24, 56, self.sc.width - 48, double=True)


def facilitator_clock(screen: FacilitatorScreen) -> str:
    from game.classroom.views import clock_text
    text = clock_text(screen.cls, screen.app.time)
    return f"{text} ({S['cls.projector.paused']})" if not screen.cls.clock.running else text


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
