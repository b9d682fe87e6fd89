"""The map: Europe with every power coloured, patterned and labelled by
its relations with the hub power; a summary on hover; a click (or Enter on
a power) opens its panel; the United States and Japan in insets. Beside
the map: papers awaiting an answer, the player's pending proposals, and
the latest dispatches."""
from __future__ import annotations

import pygame

from game.i18n import S, status_text
from game.ui import text as tx
from game.ui.screens.game_base import GameScreen
from game.ui.screens.negotiation import paper_line
from game.ui.theme import HUB_PATTERN, PATTERNS
from game.ui.viewmodels.world import MapVM, PapersVM, dispatches, map_vm, papers
from game.ui.widgets.mapview import MapView

SIDE = 372


def headline(text: str) -> str:
    """A dispatch's headline: the item up to its first bracket (the full text opens on a click)."""
    cut = text.find(" (")
    return (text[:cut] if cut > 20 else text).rstrip(".")


def short(date: str) -> str:
    """``13 April 1922`` -> ``13 Apr``."""
    parts = date.split()
    return f"{parts[0]} {parts[1][:3]}" if len(parts) >= 2 else date


class MapScreen(GameScreen):
    name = "map"

    def compose_body(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        x, y, w, h = self.body
        self.view = MapView(self.rules.powers, self.rules.hub)
        self.map_rect = (x + 8, y + 6, w - SIDE - 20, h - 12)
        self.view.layout(self.r(*self.map_rect))
        self.hover: str | None = None
        self.hover_region: str | None = None
        self.mouse = (0, 0)
        self.vm: MapVM | None = None
        self.papers_vm: PapersVM | None = None
        sx = w - SIDE
        self.side_x = sx
        ui.label(r(sx, y + 6, SIDE - 16, 32), S["ui.map.inbox"], "heading")
        ui.label(r(sx, y + 164, SIDE - 16, 32), S["ui.map.outbox"], "heading")
        ui.label(r(sx, y + 292, SIDE - 16, 32), S["ui.map.dispatches"], "heading")
        self.l_inbox_none = ui.label(r(sx + 4, y + 40, SIDE - 20, 24), S["ui.map.inbox.none"], "italic")
        self.l_outbox_none = ui.label(r(sx + 4, y + 200, SIDE - 20, 24), S["ui.map.outbox.none"], "italic")
        self.news_top, self.news_bottom = y + 326, y + h - 8
        self.news: list = []
        # Tab reads as the eye does: the map (top to bottom), then the side column from its top.
        self._power_hotspots()
        ui.reserve("papers")
        ui.reserve("news")

    def _power_hotspots(self) -> None:
        ui = self.ui
        assert ui is not None
        self.off_map = [pid for pid in self.rules.powers if self.view.anchor(pid) is None]
        x, y, w, h = self.map_rect
        bx = x + 8
        for pid in self.off_map:     # their buttons sit along the map's top edge: read first
            name = self.rules.power_name(pid, self.state)
            b = ui.button(self.r(bx, y + 8, 190, 30), name, lambda p=pid: self.open_power(p), self._power_tip(pid),
                          "small_button", group="offmap")
            ui.control_of(b).power_id = pid  # type: ignore[union-attr]
            bx += 196
        on_map = [(self.view.anchor(pid), pid) for pid in self.rules.powers if pid not in self.off_map]
        for at, pid in sorted(on_map, key=lambda a: (a[0][1], a[0][0])):   # top to bottom, then left to right
            w, h = self.sc.px(110), self.sc.px(34)
            spot = ui.hotspot(pygame.Rect(at[0] - w // 2, at[1] - h // 2, w, h), lambda p=pid: self.open_power(p),
                              self._power_tip(pid), group="powers")
            spot.power_id = pid

    def _power_tip(self, pid: str) -> str:
        name = self.rules.power_name(pid, self.state)
        if pid == self.rules.hub:
            return f"{name}. {S['ui.map.hover.hub']}"
        return S["ui.map.power.tip"].format(name=name, status=status_text(self.state.status.get(pid, 0)))

    def refresh_body(self) -> None:
        ui = self.ui
        assert ui is not None
        self.vm = map_vm(self.rules, self.state, self.session.power)
        for c in ui.order:
            if c.group in ("powers", "offmap") and c.power_id:
                c.tooltip = self._power_tip(c.power_id)
        pv = papers(self.rules, self.state, self.session.power)
        if pv != self.papers_vm:
            self.papers_vm = pv
            self._make_papers(pv)
        news = dispatches(self.rules, self.state, self.session.power).items
        if news != self.news:
            self.news = news
            self._make_news(news)

    def _make_news(self, news: list) -> None:  # type: ignore[type-arg]
        """Each dispatch a headline that opens to its whole text; those that do not fit behind one more line."""
        ui, r = self.ui, self.r
        assert ui is not None
        ui.remove_group("news")
        sx = self.side_x
        row = 31 * max(1.0, self.sc.text)
        room = max(1, int((self.news_bottom - self.news_top) // row))
        shown = news if len(news) <= room else news[:room - 1]
        y = self.news_top
        for d in shown:
            whole = d.full or d.text
            ui.button(r(sx - 4, y, SIDE - 12, row - 2), S["ui.dispatch.headline"].format(date=short(d.date),
                      headline=headline(d.text)), lambda d=d: self.open_dispatch(d),
                      S["ui.dispatch.open.tip"].format(text=whole), "list_item", group="news")
            y += row
        if len(shown) < len(news):
            rest = news[len(shown):]
            ui.button(r(sx - 4, y, SIDE - 12, row - 2), S["ui.dispatch.more"].format(n=len(rest)),
                      lambda: self.open_dispatches(rest), S["ui.dispatch.more.tip"], "list_item", group="news")
        if not news:
            ui.label(r(sx + 4, y, SIDE - 20, 24), S["ui.dispatch.none"], "italic")

    def open_dispatch(self, d) -> None:  # type: ignore[no-untyped-def]
        from game.ui.screens.announcement import AnnouncementScreen, dispatch_announcement
        self.app.push(AnnouncementScreen(self.app, dispatch_announcement(d.date, headline(d.text), d.full or d.text,
                                                                         d.kind)))

    def open_dispatches(self, items: list) -> None:  # type: ignore[type-arg]
        from game.ui.screens.announcement import Announcement, AnnouncementScreen
        lines = tuple(f"{d.date}: {d.full or d.text}" for d in items)
        self.app.push(AnnouncementScreen(self.app, Announcement(S["ui.dispatch.kicker"], items[0].date,
                                                                S["ui.dispatch.older"], "", lines, "telegram")))

    def _make_papers(self, pv: PapersVM) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        ui.remove_group("papers")
        sx, y = self.side_x, self.body[1]
        ui.set_visible(self.l_inbox_none, not pv.incoming)
        ui.set_visible(self.l_outbox_none, not pv.outgoing and not pv.answered)
        for i, p in enumerate(pv.incoming[:4]):
            ui.button(r(sx, y + 40 + i * 31, SIDE - 16, 29), paper_line(self.rules, self.state, self.session.power, p.id)
                      or p.label, lambda pid=p.id: self.open_paper(pid),
                      p.tooltip, "list_item", group="papers")
        rows = list(pv.outgoing) + list(pv.answered)
        for i, p in enumerate(rows[:3]):
            line = paper_line(self.rules, self.state, self.session.power, p.id) or p.label
            label = line if p.kind == "out" else f"{line} \u2014 {S['ui.neg.status.' + p.status]}"
            ui.button(r(sx, y + 200 + i * 31, SIDE - 16, 29), label, lambda pid=p.id: self.open_paper(pid),
                      p.tooltip, "list_item", group="papers")

    # --- actions ---------------------------------------------------------------------------

    def open_power(self, pid: str) -> None:
        if pid == self.session.power and self.session.is_hub:
            self.goto("home")          # the player's own country: its levers and envoys
            return
        from game.ui.screens.power import PowerScreen
        self.app.push(PowerScreen(self.app, pid))

    def open_paper(self, proposal_id: int) -> None:
        from game.ui.screens.negotiation import NegotiationScreen
        self.app.push(NegotiationScreen(self.app, proposal=proposal_id))

    def back(self) -> None:
        self.open_menu()

    # --- the mouse on the map -------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self._hover(event.pos)
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.app.over_widget(event.pos):
                return False
            adv = self.advisor.area()
            if adv is not None and adv.collidepoint(event.pos):
                return False
            hit = self.view.hit(event.pos)
            if hit is None:
                return False
            target = hit.power or hit.owner
            if target is not None:
                self.open_power(target)
                return True
        return False

    def _hover(self, pos: tuple[int, int]) -> None:
        self.mouse = pos
        adv = self.advisor.area()
        if self.app.over_widget(pos) or (adv is not None and adv.collidepoint(pos)):
            self.hover, self.hover_region = None, None
            return
        hit = self.view.hit(pos)
        if hit is None:
            self.hover, self.hover_region = None, None
            return
        self.hover = hit.power
        if hit.power is None and hit.owner is not None:
            self.hover_region = S["ui.map.hover.colony"].format(name=hit.region, owner=self.rules.power_name(hit.owner, self.state))
        elif hit.power is None:
            self.hover_region = S["ui.map.hover.neutral"].format(name=hit.region)
        else:
            self.hover_region = None

    # --- drawing --------------------------------------------------------------------------

    def draw_body(self, surface: pygame.Surface) -> None:
        if self.vm is None:
            return
        pal, sc = self.pal, self.sc
        rect = self.view.rect
        names = {p: mp.name for p, mp in self.vm.powers.items()}
        labels = {p: ("" if mp.is_hub else S[f"ui.status.short.{mp.status}"]) for p, mp in self.vm.powers.items()}
        self.view.text = sc.text
        surface.blit(self.view.surface(pal, self.vm.statuses, sc.s, names, labels), rect.topleft)
        pygame.draw.rect(surface, pal.rgb("ink"), rect, max(1, sc.px(1)))
        rows = [(pal.rgb("hub").lerp(pal.rgb("paper_light"), 0.35), HUB_PATTERN,
                 S["ui.map.legend.hub"].format(hub=self.vm.hub_name))]
        for level in range(4):
            rows.append((pal.status(level), PATTERNS[level], status_text(level)))
        rows.append((pal.status(1).lerp(pal.rgb("land"), 0.6), "plain", S["ui.map.legend.colony"]))
        rows.append((pal.rgb("land"), "plain", S["ui.map.legend.neutral"]))
        title = S["ui.map.legend"].format(hub=self.vm.hub_name)
        self.view.legend(surface, self.view.legend_corner(sc.s, rows, title, sc.px(8)), pal, sc.s, rows, title)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        if self.vm is None:
            return
        focus = self.ui.focus if self.ui is not None and self.ui.keyboard_mode else None
        if self.hover is not None:
            self.view.draw_highlight(surface, self.hover, self.pal.rgb("focus"), max(2, self.sc.px(2)))
            self._card(surface, self.vm.powers[self.hover].hover_lines(self.vm.hub_name), self.mouse)
        elif self.hover_region:
            self._card(surface, [self.hover_region], self.mouse)
        elif focus is not None and focus.group == "powers":
            for pid, mp in self.vm.powers.items():
                at = self.view.anchor(pid)
                if at is not None and focus.area.collidepoint(at):
                    self.view.draw_highlight(surface, pid, self.pal.rgb("focus"), max(2, self.sc.px(2)))

    def _card(self, surface: pygame.Surface, lines: list[str], pos: tuple[int, int]) -> None:
        sc, pal = self.sc, self.pal
        px = sc.font(14)
        imgs = [tx.render(line, "body" if i == 0 else "ui", sc.font(17) if i == 0 else px, pal.rgb("ink"),
                          "bold" if i == 0 else "regular") for i, line in enumerate(lines)]
        w = max(i.get_width() for i in imgs) + sc.px(20)
        h = sum(i.get_height() for i in imgs) + sc.px(14)
        x, y = pos[0] + sc.px(18), pos[1] + sc.px(18)
        if x + w > self.app.size[0]:
            x = pos[0] - w - sc.px(10)
        if y + h > self.app.size[1] - sc.px(60):
            y = pos[1] - h - sc.px(10)
        box = pygame.Rect(x, y, w, h)
        pygame.draw.rect(surface, pal.rgb("paper_light"), box)
        pygame.draw.rect(surface, pal.rgb("ink"), box, max(1, sc.px(1)))
        yy = y + sc.px(7)
        for img in imgs:
            surface.blit(img, (x + sc.px(10), yy))
            yy += img.get_height()
