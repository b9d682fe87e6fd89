"""A card that announces something worth a pause, drawn like the event
screen: a picture, a kicker ("Treaty signed", "Dispatch"), the date, a
title and the full text. Used for the player's own treaty signings and
for a dispatch opened from the map. Enter or Esc closes it; the next
announcement waiting (another treaty) follows."""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.i18n import S
from game.ui import text as tx
from game.ui.links import glossary_for, linked
from game.ui.screens.base import Screen
from game.ui.viewmodels.common import clause_text, date_text, power_name
from game.ui.widgets import pictures


@dataclass(frozen=True)
class Announcement:
    kicker: str
    date: str
    title: str
    lead: str              # one line under the title (the parties)
    lines: tuple[str, ...]  # the body, one paragraph (or article) each
    picture: str


def treaty_announcement(rules, treaty, state=None) -> Announcement:  # type: ignore[no-untyped-def]
    """A treaty as the player reads it when it is signed: its title, parties (the hub and its partners), date
    and every clause in words."""
    lines = tuple(S["ui.treaty.article"].format(n=i + 1, text=clause_text(rules, c))
                  for i, c in enumerate(treaty.clauses))
    where = ""
    if treaty.conference and treaty.conference in rules.scenario.conferences:
        where = " " + S["ui.treaty.at"].format(conference=rules.scenario.conferences[treaty.conference].title)
    return Announcement(S["ui.treaty.kicker"], date_text(treaty.signed), treaty.title[:1].upper() + treaty.title[1:],
                        S["ui.treaty.parties"].format(parties=_and([power_name(rules, p, state) for p in treaty.parties(rules.hub)])) + where, lines, "signing")


def dispatch_announcement(date: str, headline: str, text: str, kind: str) -> Announcement:
    picture = {"treaty": "signing", "conference": "conference", "event": "newspaper"}.get(kind, "telegram")
    return Announcement(S["ui.dispatch.kicker"], date, headline, "", (text,), picture)


class AnnouncementScreen(Screen):
    name = "announcement"
    modal = True

    def __init__(self, app, item: Announcement) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.item = item

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        a = self.item
        W, H = self.sc.width, self.sc.height
        w, h = min(980.0, W - 80), min(H - 60, 470.0)
        x, y = (W - w) / 2, (H - h) / 2
        self.box = (x, y, w, h)
        wide = w >= 760
        self.pic = (x + 24, y + 24, 300, 220) if wide else None
        tx_x = x + (348 if wide else 24)
        tw = x + w - 24 - tx_x
        t = self.sc.text
        ui.label(r(tx_x, y + 20, tw, 20 * t), f"{a.kicker} \u00b7 {a.date}".upper(), "subheading")
        ty = y + 20 + 22 * t
        ui.label(r(tx_x, ty, tw, 40 * t), a.title, "heading", a.title)
        ty += 42 * t
        if a.lead:
            ui.label(r(tx_x, ty, tw, 26 * t), a.lead, "italic", a.lead)
            ty += 28 * t
        g, seen = glossary_for(self.app), set()    # each name a link to the encyclopedia, once
        body = "<br>".join(linked(line, g, seen) for line in a.lines)
        self.body = ui.text_box(r(tx_x - 4, ty, tw + 4, y + h - 70 - ty), body, None)
        close = ui.button(r(x + w - 200, y + h - 54, 176, 38), S["ui.announce.close"], self.close,
                          S["ui.announce.close.tip"], "primary")
        ui.focus_on(close)

    def close(self) -> None:
        self.app.pop()
        self.app.prompt_events()

    def back(self) -> None:
        self.close()

    def draw_back(self, surface: pygame.Surface) -> None:
        sc, pal = self.sc, self.pal
        box = self.r(*self.box)
        pygame.draw.rect(surface, pal.rgb("ink_soft"), box.move(sc.px(6), sc.px(6)))
        self.draw_card(surface, box, "paper_light", "ink")
        pygame.draw.rect(surface, pal.rgb("ink"), box.inflate(-sc.px(8), -sc.px(8)), 1)
        if self.pic is not None:
            pic = self.r(*self.pic)
            surface.blit(pictures.draw(self.item.picture, pic.size, pal.rgb("ink"), pal.rgb("paper_light")),
                         pic.topleft)
            cap = tx.render(S["ui.event.picture.caption"], "ui", sc.font(10), pal.rgb("ink_faint"))
            surface.blit(cap, (pic.x, pic.bottom + sc.px(3)))


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else S["ui.treaty.and"].format(most=", ".join(items[:-1]), last=items[-1])


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
