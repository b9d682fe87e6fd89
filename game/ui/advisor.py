"""The advisor: a secretary of the Narkomindel who explains the first
turns, one short note at a time, when the moment comes (the map, a first
proposal, a refusal, a conference). Each note is shown once; the player
can dismiss a note or turn the advisor off (Settings turns it back on).
A note never tells the player to do what they have already done: each
says what counts as done (the game's state, or opening the screen it
points to), and a done note is spent as if it had been read.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

import pygame

from game.engine import conference as conf
from game.i18n import S
from game.ui.widgets import pictures

if TYPE_CHECKING:
    from game.ui.screens.base import Screen
    from game.saves.session import Session


def _never(s: "Session") -> bool:
    return False


@dataclass(frozen=True)
class Note:
    id: str
    screens: tuple[str, ...]
    text_key: str
    when: Callable[["Session"], bool]
    #: The player has already done what the note asks (then it is never shown).
    done: Callable[["Session"], bool] = _never
    #: Screens whose opening does what the note asks ("open the ledger (L)").
    done_on: tuple[str, ...] = ()


def _sent(s: "Session") -> bool:
    return any(s.power in p.sender for p in s.state.proposals)


def _answered(s: "Session") -> bool:
    return any(s.power in p.sender and p.status in ("accepted", "rejected", "countered") for p in s.state.proposals)


def _out_this_turn(s: "Session") -> bool:
    """Papers of ours sent this turn that have not gone out yet (they go when the turn ends)."""
    return any(s.power in p.sender and p.turn == s.state.turn and p.status == "pending" for p in s.state.proposals)


def _ended_with_papers_out(s: "Session") -> bool:
    return any(s.power in p.sender and p.turn < s.state.turn for p in s.state.proposals)


def _sitting(s: "Session") -> bool:
    return any(s.power in s.state.conferences[c].invited for c in conf.sitting(s.state))


NOTES: tuple[Note, ...] = (
    Note("welcome", ("map",), "ui.adv.welcome", lambda s: True),
    Note("negotiate", ("map",), "ui.adv.negotiate", lambda s: True, _sent, ("negotiation",)),
    Note("channel", ("negotiation",), "ui.adv.channel", lambda s: True, _sent),
    Note("estimate", ("negotiation",), "ui.adv.estimate", lambda s: True),
    Note("end_turn", ("map", "negotiation"), "ui.adv.end_turn", _out_this_turn, _ended_with_papers_out),
    Note("refusal", ("map", "negotiation"), "ui.adv.refusal", _answered),
    Note("conference", ("map", "conference"), "ui.adv.conference", _sitting),
    Note("ledger", ("map",), "ui.adv.ledger", lambda s: s.state.turn >= 3, _never, ("ledger",)),
)


def current_note(screen_name: str, session: "Session | None", seen: list[str], on: bool) -> Note | None:
    if not on or session is None:
        return None
    for note in NOTES:
        if note.id in seen:
            continue
        if screen_name in note.screens and note.when(session) and not note.done(session):
            return note
    return None


def spend_done_notes(screen_name: str, seen: list[str]) -> bool:
    """Opening a screen does what the notes pointing to it ask: mark them as read. True if any was."""
    fresh = [n.id for n in NOTES if screen_name in n.done_on and n.id not in seen]
    seen.extend(fresh)
    return bool(fresh)


class AdvisorCard:
    """The advisor's card: a panel above the screen's widgets, built only when the note changes.

    Each screen says where it goes (``rect``, logical units) so that it covers nothing essential;
    a narrow card drops the portrait and stacks its buttons."""

    def __init__(self, screen: "Screen", rect: tuple[float, float, float, float]) -> None:
        self.screen = screen
        self.rect_logical = rect
        self.note: Note | None = None
        self.panel = None

    def area(self) -> pygame.Rect | None:
        return self.screen.r(*self.rect_logical) if self.note is not None else None

    def refresh(self) -> None:
        app = self.screen.app
        if app.session is not None and spend_done_notes(self.screen.name, app.settings.advisor_seen):
            app.settings.save(app.settings_dir)
        note = current_note(self.screen.name, app.session, app.settings.advisor_seen, app.settings.advisor)
        if note == self.note and (note is None or self.panel is not None):
            return
        ui = self.screen.ui
        assert ui is not None
        ui.remove_group("advisor")
        if self.panel is not None:
            self.panel.kill()
            self.panel = None
        self.note = note
        if note is None or self.rect_logical[2] <= 0:
            return
        from pygame_gui.core import ObjectID
        from pygame_gui.elements import UIButton, UIImage, UILabel, UIPanel, UITextBox
        sc, pal = self.screen.sc, self.screen.pal
        x, y, w, h = self.rect_logical
        self.panel = UIPanel(self.screen.r(x, y, w, h), starting_height=20, manager=app.manager,
                             container=self.screen.root, object_id=ObjectID(object_id="#advisor"))
        pr = lambda a, b, c, d: pygame.Rect(sc.px(a), sc.px(b), sc.px(c), sc.px(d))  # noqa: E731
        oid = lambda name: ObjectID(object_id=name)  # noqa: E731
        wide = w >= 400
        tx0 = 100 if wide else 8
        if wide:
            pic = pr(8, 8, 84, 104)
            UIImage(pic, pictures.draw("secretary", pic.size, pal.rgb("ink"), pal.rgb("paper_light")), app.manager,
                    container=self.panel)
        UILabel(pr(tx0, 4, w - tx0 - 10, 20), S["ui.adv.name"].upper(), app.manager, container=self.panel,
                object_id=oid("#subheading"))
        UILabel(pr(tx0, 22, w - tx0 - 10, 18), S["ui.adv.role"], app.manager, container=self.panel,
                object_id=oid("#caption"))
        buttons_h = 44 if wide else 80
        UITextBox(S[note.text_key], pr(tx0 - 4, 40, w - tx0 - 4, h - 40 - buttons_h), app.manager,
                  container=self.panel, object_id=oid("#advisor_text"))
        if wide:
            off_rect, ok_rect = pr(w - 300, h - 40, 150, 32), pr(w - 142, h - 40, 130, 32)
        else:
            off_rect, ok_rect = pr(8, h - 76, w - 16, 32), pr(8, h - 40, w - 16, 32)
        off = UIButton(off_rect, S["ui.adv.off"], app.manager, container=self.panel, object_id=oid("#small_button"),
                       tool_tip_text=S["ui.adv.off.tip"])
        ok = UIButton(ok_rect, S["ui.adv.next"], app.manager, container=self.panel, object_id=oid("#small_button"),
                      tool_tip_text=S["ui.adv.next.tip"])
        ui.adopt("button", off, self.turn_off, S["ui.adv.off.tip"], "advisor")
        ui.adopt("button", ok, self.dismiss, S["ui.adv.next.tip"], "advisor")

    def dismiss(self) -> None:
        app = self.screen.app
        if self.note is not None and self.note.id not in app.settings.advisor_seen:
            app.settings.advisor_seen.append(self.note.id)
            app.settings.save(app.settings_dir)
        self.refresh()

    def turn_off(self) -> None:
        app = self.screen.app
        app.settings.advisor = False
        app.settings.save(app.settings_dir)
        self.refresh()

    def draw(self, surface: pygame.Surface) -> None:
        """A shadow under the card (the card itself is a pygame_gui panel)."""
        if self.note is None or self.panel is None:
            return
        box = self.screen.r(*self.rect_logical).move(self.screen.sc.px(4), self.screen.sc.px(4))
        pygame.draw.rect(surface, self.screen.pal.rgb("ink_faint"), box)
