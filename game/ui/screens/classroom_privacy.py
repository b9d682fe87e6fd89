"""Hot-seat privacy: between two delegations the window shows only this
screen ("Pass to the German delegation. Press when only they can see.").

It replaces every screen (``app.switch``), clears the toasts and holds no
picture of what came before, so nothing of the previous delegation's view
survives it. From here the facilitator can open the console (F9).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import S
from game.ui.screens.base import Screen

if TYPE_CHECKING:
    from game.classroom.session import Session as ClassSession


def classroom_of(app) -> "ClassSession | None":  # type: ignore[no-untyped-def]
    return getattr(app, "classroom", None)


class PrivacyScreen(Screen):
    name = "privacy"

    def __init__(self, app, delegation: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.delegation = delegation

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        cls = classroom_of(self.app)
        assert cls is not None
        rules, state = cls.game.rules, cls.game.state
        adjective = rules.power_adjective(self.delegation, state) or rules.power_name(self.delegation, state)
        W, H = self.sc.width, self.sc.height
        ui.label(r(60, H / 2 - 120, W - 120, 70), S["cls.privacy.pass"].format(adjective=adjective), "title")
        ui.label(r(60, H / 2 - 40, W - 120, 34), S["cls.privacy.press"], "heading")
        ui.label(r(60, H / 2 + 4, W - 120, 28), S["cls.privacy.hint"], "italic")
        ready = ui.button(r(W / 2 - 130, H / 2 + 60, 260, 52), S["ui.classroom.ready"], self.ready,
                          S["cls.privacy.press"], "primary")
        ui.button(r(W - 260, H - 70, 220, 44), S["ui.classroom.facilitator"], self.facilitator,
                  S["ui.classroom.facilitator.tip"])
        ui.focus_on(ready)

    def on_enter(self) -> None:
        self.app.toasts.clear()  # a toast may speak of the previous delegation's moves

    def ready(self) -> None:
        from game.saves.session import Session
        cls = classroom_of(self.app)
        assert cls is not None
        session = Session(cls.game, self.delegation)
        session.undo_allowed = False  # no undo at a delegation's seat: it could take back another delegation's move
        session.close()               # the classroom session saves every round; a seat keeps no autosaves of its own
        self.app.start(session)

    def facilitator(self) -> None:
        from game.ui.screens.classroom_facilitator import FacilitatorScreen
        self.app.switch(FacilitatorScreen(self.app))

    def shortcut(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_F9:
            self.facilitator()
            return True
        return False

    def back(self) -> None:
        pass  # Escape must not lead back to the previous delegation's screen

    def draw_back(self, surface: pygame.Surface) -> None:
        sc = self.sc
        self.rule(surface, 60, sc.height / 2 - 140, sc.width - 120, double=True)
        self.rule(surface, 60, sc.height / 2 + 140, sc.width - 120, double=True)


def after_turn(app) -> None:  # type: ignore[no-untyped-def]
    """After a delegation ended its turn in a classroom game: pass the machine on, or start the next round."""
    cls = classroom_of(app)
    if cls is None or app.session is None:
        return
    cls.game = app.session.game
    cls.sync(app.time)
    if cls.game.is_terminal():
        from game.ui.screens.classroom_debrief import DebriefScreen
        app.switch(DebriefScreen(app))
        return
    seat = cls.next_seat()
    app.session = None
    app.switch(PrivacyScreen(app, seat or cls.current_seat()))


def demo(app, scenario: str | None = None, rounds: int = 3) -> "ClassSession":  # type: ignore[no-untyped-def]
    """A classroom session some rounds in, for screenshots and tests: three delegations, news, an injection."""
    from game.classroom.session import Session as ClassSession
    from game.ui.demo import load_rules
    rules = load_rules(scenario)
    students = [p for p in ("soviet_russia", "germany", "britain") if p in rules.powers] or rules.powers[:1]
    cls = ClassSession.start(rules, students, students=max(6, len(students)), pin="1922", now=app.time)
    events = [e.id for e in rules.scenario.events]
    if "villa_talks" in events:
        cls.inject("villa_talks")
    cls.news(S["ui.classroom.demo_headline"], S["ui.classroom.demo_text"])
    for _ in range(rounds):
        if cls.game.is_terminal():
            break
        cls.advance_round(app.time)
    app.classroom = cls
    return cls
