"""The conference: the sessions as a strip of dates, the delegations
around the table with lines for who has met whom (this session bold,
earlier ones faint), the agenda with a Speak button for each item, the
commissions, the private channel and who is kept out of it; attend, walk
out, meet privately, or table a proposal here."""
from __future__ import annotations

import math

import pygame

from game.engine.commands import Attend, MeetPrivately, Speak, WalkOut
from game.i18n import S
from game.ui import text as tx
from game.ui.screens.game_base import GameScreen
from game.ui.viewmodels.common import short_date
from game.ui.viewmodels.conference import ConferenceVM, conference_vm, which


class ConferenceScreen(GameScreen):
    name = "conference"

    def __init__(self, app, conference: str | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.cid = conference
        self.vm: ConferenceVM | None = None
        self.meet_with: str | None = None

    def compose_body(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        x, y, w, h = self.body
        s = self.session
        self.cid = self.cid or which(self.rules, self.state, s.power)
        if self.cid is None:
            ui.label(r(16, y + 20, w - 32, 30), S["ui.conf.none_left"], "italic")
            return
        vm = conference_vm(self.rules, self.state, s.power, self.cid)
        self.vm = vm
        ui.label(r(16, y + 4, 700, 40), vm.heading, "heading")
        self.l_state = ui.label(r(16, y + 38 + 30 * (self.sc.text - 1), 700, 24), "", "italic")
        self.l_session = ui.label(r(w - 420, y + 8, 404, 24), "", "number_right")
        self.l_session.set_tooltip(vm.session_tip)
        self.table_box = (16.0, y + 96, 560.0, h - 160)
        rx = 596.0
        self.right_x = rx
        ui.label(r(rx, y + 96, w - rx - 16, 30), S["ui.conf.agenda"], "heading")
        self.speak_buttons = {}
        # Agenda, commissions and channels stack by measured height in a box that scrolls when they are
        # taller than the room above the buttons (large UI scale and text); inside, places are relative.
        title_h, cap_h = max(22.0, self.line_h("label")), self.line_h("label", "caption")
        agenda_h = max(32.0, title_h + 4)
        height = len(vm.agenda) * agenda_h + 8
        height += (32 + len(vm.commissions) * (title_h + cap_h + 2)) if vm.commissions else 0
        height += (32 + sum(title_h + cap_h * (2 if ch.extra else 1) + 4 for ch in vm.channels)) if vm.channels else 0
        top = y + 130
        with ui.scrolling(r(rx, top, w - rx - 8, y + h - 56 - top), self.sc.px(height)) as inner:
            iw = inner.width / self.sc.s - 8       # the inner width in logical units, a margin on the right
            ay = 0.0
            for a in vm.agenda:
                ui.label(r(0, ay, iw - 114, title_h / self.sc.text), a.title, None, a.effects)
                self.speak_buttons[a.id] = ui.button(r(iw - 104, ay, 104, 28), S["ui.conf.speak"],
                                                     lambda item=a.id: self.speak(item),
                                                     S["ui.conf.speak.tip"].format(item=a.title, effects=a.effects),
                                                     "small_button")
                ay += agenda_h
            ay += 8
            if vm.commissions:
                ui.label(r(0, ay, iw, 30), S["ui.conf.commissions"], "heading")
                ay += 32
                for c in vm.commissions:
                    lab = ui.label(r(0, ay, iw, title_h / self.sc.text), c.title, None, f"{c.members}. {c.extra}")
                    lab.set_tooltip(f"{c.members}. {c.extra}")
                    ui.label(r(10, ay + title_h, iw - 10, cap_h / self.sc.text), c.members, "caption", c.members)
                    ay += title_h + cap_h + 2
            if vm.channels:
                ui.label(r(0, ay, iw, 30), S["ui.conf.channels"], "heading")
                ay += 32
                for ch in vm.channels:
                    ui.label(r(0, ay, iw, title_h / self.sc.text), ch.title, None, ch.members)
                    ui.label(r(10, ay + title_h, iw - 10, cap_h / self.sc.text), ch.members, "caption", ch.members)
                    if ch.extra:
                        ui.label(r(10, ay + title_h + cap_h, iw - 10, cap_h / self.sc.text), ch.extra, "caption",
                                 ch.extra)
                    ay += title_h + cap_h * (2 if ch.extra else 1) + 4
        bottom = y + h - 48
        # The row of buttons, each as wide as its words in the current text size.
        bx = 16.0
        aw = max(130.0, self.text_w(S["ui.conf.attend"], "button"))
        self.b_attend = ui.button(r(bx, bottom, aw, 38), S["ui.conf.attend"], self.attend, S["ui.conf.attend.tip"])
        bx += aw + 6
        ww = max(110.0, self.text_w(S["ui.conf.walkout"], "button"))
        self.b_walkout = ui.button(r(bx, bottom, ww, 38), S["ui.conf.walkout"], self.walkout,
                                   S["ui.conf.walkout.tip"])
        bx += ww + 14
        lw = self.text_w(S["ui.conf.meet_with"], "label", "italic") + 4
        ui.label(r(bx, bottom + 6, lw, 26), S["ui.conf.meet_with"], "italic")
        bx += lw
        self.others = list(vm.others) or [("", "-")]
        self.meet_with = self._first_meetable(self.others)
        dw = min(200.0, max(140.0, max(self.text_w(n, "drop_down_menu") for _, n in self.others)))
        self.w_meet = ui.choice(r(bx, bottom + 4, dw, 32), self.others, self.meet_with, self._set_meet,
                                S["ui.conf.meet.tip"])
        bx += dw + 6
        mw = max(140.0, self.text_w(S["ui.conf.meet"], "button"))
        self.b_meet = ui.button(r(bx, bottom, mw, 38), S["ui.conf.meet"], self.meet, S["ui.conf.meet.tip"])
        bx += mw + 12
        pw = max(200.0, self.text_w(S["ui.conf.propose"], "button", "primary"))
        self.b_propose = ui.button(r(max(bx, w - 16 - pw), bottom, min(pw, w - 16 - bx), 38), S["ui.conf.propose"],
                                   self.propose, S["ui.conf.propose.tip"], "primary")

    def _first_meetable(self, others: list[tuple[str, str]]) -> str:
        """The first delegation the player may meet now (else the first one), so that the button
        starts out usable when any meeting is possible."""
        s = self.session
        for pid, _ in others:
            if pid and self.cid and s.legal(MeetPrivately(s.power, self.cid, pid))[0]:
                return pid
        return others[0][0]

    def advisor_rect(self) -> tuple[float, float, float, float]:
        return (16.0, self.sc.height - 54 - 56 - 196, 500.0, 186.0)

    def _set_meet(self, pid: str) -> None:
        self.meet_with = pid
        self.refresh_body()

    def refresh_body(self) -> None:
        ui = self.ui
        if ui is None or self.cid is None:
            return
        s = self.session
        vm = conference_vm(self.rules, self.state, s.power, self.cid)
        self.vm = vm
        ui.set_text(self.l_state, vm.state.capitalize())
        ui.set_text(self.l_session, vm.session_text)
        me = s.power
        for item, b in self.speak_buttons.items():
            ok, why = s.legal(Speak(me, self.cid, item))
            c = ui.control_of(b)
            base = c.tooltip.split(" \u2014 ")[0] if c else ""
            ui.set_enabled(b, ok, base if ok else f"{base} \u2014 {why}")
        ok, why = s.legal(Attend(me, self.cid))
        ui.set_enabled(self.b_attend, ok, S["ui.conf.attend.tip"] if ok else why)
        ok, why = s.legal(WalkOut(me, self.cid))
        ui.set_enabled(self.b_walkout, ok, S["ui.conf.walkout.tip"] if ok else why)
        others = list(vm.others) or [("", "-")]
        if self.meet_with not in [o[0] for o in others]:
            self.meet_with = self._first_meetable(others)
        self.w_meet = ui.set_choice(self.w_meet, self.meet_with, others)
        ok, why = s.legal(MeetPrivately(me, self.cid, self.meet_with or me))
        ui.set_enabled(self.b_meet, ok, S["ui.conf.meet.tip"] if ok else why)
        attending = any(seat.is_player and seat.attending for seat in vm.seats)
        ui.set_enabled(self.b_propose, attending and bool(vm.others),
                       S["ui.conf.propose.tip"] if attending else S["ui.conf.not_attending"])

    # --- commands ---------------------------------------------------------------------------

    def _do(self, cmd) -> None:  # type: ignore[no-untyped-def]
        out = self.session.attempt(cmd)
        if not out.ok:
            self.app.toast(S["ui.toast.not_possible"].format(reason=out.message))

    def speak(self, item: str) -> None:
        assert self.cid is not None
        self._do(Speak(self.session.power, self.cid, item))

    def attend(self) -> None:
        assert self.cid is not None
        self._do(Attend(self.session.power, self.cid))

    def walkout(self) -> None:
        from game.ui.screens.confirm import ConfirmScreen
        assert self.cid is not None and self.vm is not None
        cid = self.cid
        self.app.push(ConfirmScreen(self.app, S["ui.conf.confirm_walkout"].format(conference=self.vm.title),
                                    lambda: self._do(WalkOut(self.session.power, cid))))

    def meet(self) -> None:
        if self.cid is None or not self.meet_with:
            return
        self._do(MeetPrivately(self.session.power, self.cid, self.meet_with))

    def propose(self) -> None:
        from game.ui.screens.negotiation import NegotiationScreen
        other = self.meet_with if self.session.is_hub else self.rules.hub
        self.app.replace(NegotiationScreen(self.app, counterpart=other or None, conference=self.cid))

    # --- drawing --------------------------------------------------------------------------

    def draw_body(self, surface: pygame.Surface) -> None:
        vm = self.vm
        if vm is None:
            return
        sc, pal = self.sc, self.pal
        x, y, w, h = self.body
        # The sessions as a strip of dates.
        n = len(vm.sessions)
        if n:
            sw = min(70.0, (w - 760) / n)
            # Day and month if every session's date fits its box, else the day alone for all of them.
            inner = self.r(0, 0, sw - 4, 26).width - 2
            f = tx.font("ui", sc.font(10))
            whole = all(f.size(short_date(d))[0] <= inner for d in vm.sessions)
            for i, d in enumerate(vm.sessions):
                box = self.r(w - 16 - (n - i) * sw, y + 40, sw - 4, 26)
                fill = "ink" if i == vm.current else ("paper_dark" if i < vm.current else "paper_light")
                pygame.draw.rect(surface, pal.rgb(fill), box)
                pygame.draw.rect(surface, pal.rgb("rule"), box, 1)
                ink = pal.rgb("paper_light" if i == vm.current else "ink")
                lab = tx.render(short_date(d) if whole else short_date(d).split()[0], "ui", sc.font(10), ink)
                surface.blit(lab, (box.centerx - lab.get_width() // 2, box.centery - lab.get_height() // 2))
        self.rule(surface, 16, y + 76, w - 32)
        # The table: delegations around it, meetings as lines between them.
        tbx, tby, tbw, tbh = self.table_box
        surface.blit(tx.render(S["ui.conf.table"].upper(), "telegram", sc.font(12), pal.rgb("ink_soft"), "bold"),
                     (sc.px(tbx), sc.px(tby)))
        cx, cy = tbx + tbw / 2, tby + 30 + (tbh - 80) / 2
        rx, ry = tbw / 2 - 80, (tbh - 80) / 2 - 20
        table = self.r(cx - rx * 0.55, cy - ry * 0.55, rx * 1.1, ry * 1.1)
        pygame.draw.ellipse(surface, pal.rgb("paper_dark"), table)
        pygame.draw.ellipse(surface, pal.rgb("ink_soft"), table, max(1, sc.px(2)))
        seats = {}
        k = len(vm.seats)
        for i, seat in enumerate(vm.seats):
            a = -math.pi / 2 + 2 * math.pi * i / max(1, k)
            seats[seat.id] = (cx + rx * math.cos(a), cy + ry * math.sin(a))
        for m in vm.meetings:
            if m.a in seats and m.b in seats:
                p, q = self.sc.px(seats[m.a][0]), self.sc.px(seats[m.a][1])
                p2, q2 = self.sc.px(seats[m.b][0]), self.sc.px(seats[m.b][1])
                colour = pal.rgb("accent") if m.this_session else pal.rgb("ink_faint")
                pygame.draw.line(surface, colour, (p, q), (p2, q2), max(3, sc.px(4)) if m.this_session else 1)
        for seat in vm.seats:
            sx, sy = seats[seat.id]
            style = "bold" if seat.is_player else "regular"
            name = tx.render(seat.name, "body", sc.font(15), pal.rgb("ink") if seat.attending else pal.rgb("ink_faint"),
                             style)
            box = name.get_rect()
            box.inflate_ip(sc.px(14), sc.px(10))
            box.center = (sc.px(sx), sc.px(sy))
            pygame.draw.rect(surface, pal.rgb("paper_light") if seat.attending else pal.rgb("paper"), box)
            pygame.draw.rect(surface, pal.rgb("ink") if seat.attending else pal.rgb("ink_faint"), box,
                             max(2, sc.px(2)) if seat.is_player else 1)
            surface.blit(name, (box.x + sc.px(7), box.y + sc.px(5)))
            notes = []
            if seat.walked_out:
                notes.append(S["ui.conf.walked_out"])
            elif not seat.attending:
                notes.append(S["ui.conf.absent_mark"])
            if seat.excluded:
                notes.append(S["ui.conf.excluded_mark"])
            if seat.is_player:
                notes.append(S["ui.conf.you"])
            if notes:
                lab = tx.render(", ".join(notes), "ui", sc.font(11), pal.rgb("ink_soft"))
                surface.blit(lab, (box.centerx - lab.get_width() // 2, box.bottom + sc.px(2)))
        # The legend of the lines and the latest meetings.
        ly = tby + tbh - 40
        pygame.draw.line(surface, pal.rgb("accent"), (sc.px(tbx), sc.px(ly + 8)), (sc.px(tbx + 30), sc.px(ly + 8)),
                         max(3, sc.px(4)))
        surface.blit(tx.render(S["ui.conf.table.this"], "ui", sc.font(12), pal.rgb("ink")), (sc.px(tbx + 36), sc.px(ly)))
        pygame.draw.line(surface, pal.rgb("ink_faint"), (sc.px(tbx + 150), sc.px(ly + 8)),
                         (sc.px(tbx + 180), sc.px(ly + 8)), 1)
        surface.blit(tx.render(S["ui.conf.table.earlier"], "ui", sc.font(12), pal.rgb("ink")),
                     (sc.px(tbx + 186), sc.px(ly)))
        recent = [m.text for m in vm.meetings[-2:]] or [S["ui.conf.no_meetings"]]
        for i, t in enumerate(reversed(recent)):
            surface.blit(tx.render(t, "ui", sc.font(11), pal.rgb("ink_soft")), (sc.px(tbx), sc.px(ly + 18 + i * 14)))
        pygame.draw.line(surface, pal.rgb("rule"), (sc.px(self.right_x - 10), sc.px(y + 90)),
                         (sc.px(self.right_x - 10), sc.px(y + h - 60)))
