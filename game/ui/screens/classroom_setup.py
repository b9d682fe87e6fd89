"""Setting up a classroom session: the scenario, the delegations students
play (the AI plays the rest), the number of students, the minutes of
negotiation a round and the facilitator's PIN; draw the roles, then start."""
from __future__ import annotations

from pathlib import Path

import pygame

from game.engine.rules import Rules
from game.i18n import S
from game.errors import UsageError
from game.ui.screens.base import Screen
from game.ui.viewmodels.newgame import scenarios


class ClassroomSetupScreen(Screen):
    name = "classroom_setup"

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.items = [s for s in scenarios() if s.playable]
        self.scenario = next((s.id for s in self.items if s.id == "genoa_rapallo_1922"),
                             self.items[0].id if self.items else "")
        self.rules: Rules | None = None
        self.chosen: set[str] = set()
        self.students = 12
        self.minutes = 15
        self.cast_html = ""
        self.message = ""
        self.pin = ""  # kept across rebuilds (drawing the roles, another scenario)
        self._load()

    def _load(self) -> None:
        from game.ui.demo import load_rules
        self.rules = load_rules(self.scenario) if self.scenario else None
        if self.rules is not None:
            sc = self.rules.scenario
            cast = {r.delegation for r in sc.roles.values()}
            self.chosen = {p for p in sc.powers if sc.powers[p].playable and p in cast}
            self.minutes = sc.classroom.round_minutes
        self.cast_html = ""

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        W, H = self.sc.width, self.sc.height
        ui.label(r(40, 12, 700, 60), S["cls.setup.title"], "title")
        ui.label(r(40, 86, 200, 30), S["cls.setup.scenario"])
        first = ui.choice(r(250, 84, 420, 34), [(s.id, s.title) for s in self.items] or [("", "-")], self.scenario,
                          self.set_scenario)
        ui.label(r(40, 130, 620, 26), S["cls.setup.delegations"], "subheading")
        y = 160.0
        sc = self.rules.scenario if self.rules else None
        for pid in (sc.powers if sc else {}):
            ok = sc.powers[pid].playable and any(x.delegation == pid for x in sc.roles.values())
            ui.check(r(40, y, 360, 30), sc.powers[pid].name, pid in self.chosen,
                     lambda on, p=pid: self.toggle(p, on), enabled=ok)
            y += 34
        ui.label(r(40, y + 10, 290, 30), S["cls.setup.students"])
        self.l_students = ui.label(r(330, y + 10, 50, 30), str(self.students))
        ui.slider(r(390, y + 10, 270, 30), self.students, 1, 40, 1, self.set_students, S["cls.setup.students"])
        ui.label(r(40, y + 50, 290, 30), S["cls.setup.minutes"])
        self.l_minutes = ui.label(r(330, y + 50, 50, 30), str(self.minutes))
        ui.slider(r(390, y + 50, 270, 30), self.minutes, 5, 60, 5, self.set_minutes, S["cls.setup.minutes"])
        ui.label(r(40, y + 90, 290, 30), S["cls.setup.pin"], None, S["ui.classroom.pin.tip"])
        self.e_pin = ui.text_entry(r(330, y + 90, 160, 34), self.pin, self.start, S["ui.classroom.pin.tip"])
        x = 700.0
        ui.label(r(x, 130, W - x - 40, 26), S["ui.classroom.cast"], "subheading")
        note = S["cls.setup.packets"].format(id=self.scenario) if sc and sc.roles else S["ui.classroom.no_roles"]
        ui.text_box(r(x - 4, 160, W - x - 36, H - 300), self.cast_html or _esc(note), "card_text")
        ui.button(r(x, H - 130, 220, 44), S["ui.classroom.draw"], self.draw)
        ui.button(r(x + 230, H - 130, 260, 44), S["ui.classroom.packets"], self.packets,
                  S["ui.classroom.packets.tip"], enabled=bool(sc and sc.roles))
        self.l_msg = ui.label(r(40, H - 120, 620, 28), self.message, "italic")
        ui.button(r(40, H - 70, 140, 46), S["ui.back"], self.app.pop, S["ui.back.tip"])
        ui.button(r(W - 260, H - 70, 220, 46), S["ui.classroom.start"], self.start, S["ui.classroom.start.tip"],
                  "primary")
        ui.focus_on(first)

    def set_scenario(self, sid: str) -> None:
        self.scenario = sid
        self._load()
        self.pin = self.e_pin.get_text()
        self.build()

    def toggle(self, pid: str, on: bool) -> None:
        (self.chosen.add if on else self.chosen.discard)(pid)
        self.cast_html = ""

    def set_students(self, v: float) -> None:
        self.students = int(v)
        assert self.ui is not None
        self.ui.set_text(self.l_students, str(self.students))

    def set_minutes(self, v: float) -> None:
        self.minutes = int(v)
        assert self.ui is not None
        self.ui.set_text(self.l_minutes, str(self.minutes))

    def _delegations(self) -> list[str]:
        assert self.rules is not None
        return [p for p in self.rules.powers if p in self.chosen]

    def draw(self) -> None:
        from game.classroom.session import draw_roles
        if self.rules is None:
            return
        try:
            cast = draw_roles(self.rules, self._delegations(), self.students, self.rules.scenario.seed)
        except UsageError as e:
            self._say(str(e))
            return
        sc = self.rules.scenario
        self.cast_html = "<br>".join(_esc(S["ui.classroom.student_line"].format(
            n=s.number, delegation=sc.powers[s.delegation].name, roles=", ".join(sc.roles[x].name for x in s.roles)))
            for s in cast)
        self.message = ""
        self.pin = self.e_pin.get_text()
        self.build()

    def packets(self) -> None:
        from game.classroom.packets import write_packets
        if self.rules is None:
            return
        folder = (self.app.store.folder.parent if self.app.store is not None else Path.cwd()) / \
            f"packets-{self.scenario}"
        try:
            write_packets(self.rules, folder)
        except OSError as e:
            self._say(str(e))
            return
        self._say(S["ui.classroom.packets_written"].format(folder=folder))

    def _say(self, message: str) -> None:
        self.message = message
        assert self.ui is not None
        self.ui.set_text(self.l_msg, message)

    def start(self) -> None:
        from game.classroom.session import Session as ClassSession
        from game.ui.screens.classroom_privacy import PrivacyScreen
        if self.rules is None:
            return
        try:
            cls = ClassSession.start(self.rules, self._delegations(), self.students, self.e_pin.get_text(),
                                     round_minutes=self.minutes, now=self.app.time)
        except UsageError as e:
            self._say(str(e))
            return
        if self.app.store is not None:
            import datetime as dt
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
            cls.save_to = self.app.store.folder / f"classroom-{self.scenario}-{stamp}.rapallo"
            cls.save(cls.save_to)
        self.app.classroom = cls
        self.app.switch(PrivacyScreen(self.app, cls.current_seat()))

    def draw_back(self, surface: pygame.Surface) -> None:
        self.rule(surface, 40, 74, self.sc.width - 80, double=True)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
