"""The encyclopedia: every person, place, term and treaty of the scenario's
glossary, over whatever screen it was opened from (F2, a link in a text, the
help card or the game menu). On the left a search line and the entries
grouped by kind (first, when there are any, the names on the screen it was
opened from); on the right the chosen entry, its text with its own names as
links, and the same names as buttons ("see also") for the keyboard. Esc
closes it and leaves the game where it was."""
from __future__ import annotations

import pygame
import pygame_gui

from game.engine.glossary import Glossary
from game.i18n import S
from game.ui.links import glossary_for, linked, names_on
from game.ui.screens.base import Screen

LIST_W = 300.0
HERE = "here"   # the group of names on the screen below


class EncyclopediaScreen(Screen):
    name = "encyclopedia"
    modal = True

    def __init__(self, app, entry: str | None = None, here: list[str] | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.glossary: Glossary | None = glossary_for(app)
        below = app.stack[-1] if app.stack else None
        self.here = list(here) if here is not None else names_on(below, self.glossary)
        self.current = entry if self.glossary is not None and entry in self.glossary.by_id else None
        if self.current is None and self.glossary is not None and self.glossary.entries:
            self.current = (self.here or [e.id for _, es in self.glossary.grouped() for e in es])[0]
        self.query = ""
        self.page = 0
        self.see_page = 0                         # which two rows of "see also" are shown
        self.rows: list[tuple[str, str]] = []      # ("heading", kind) or ("entry", id)
        self.list_buttons: dict[str, object] = {}
        self.headings: list = []                  # type: ignore[type-arg]

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        W, H = self.sc.width, self.sc.height
        x, y, w, h = 30.0, 24.0, W - 60.0, H - 48.0
        self.box = (x, y, w, h)
        t = self.sc.text
        ui.label(r(x + 24, y + 12, LIST_W, 36 * t), S["ui.ency.heading"], "heading")
        self.search = ui.text_entry(r(x + 24, y + 14 + 40 * t, LIST_W, 34 * t), self.query, self._first_hit,
                                    S["ui.ency.search.tip"])
        self.search.placeholder_text = S["ui.ency.search"]   # pygame_gui shows it while the line is empty
        self.search.rebuild()
        self.list_top = y + 24 + 76 * t
        self.list_bottom = y + h - 64 - 40 * t
        ui.reserve("list")
        self.b_prev = ui.button(r(x + 24, self.list_bottom + 8, LIST_W / 2 - 4, 34 * t), S["ui.ency.prev"],
                                lambda: self._turn(-1), S["ui.ency.prev.tip"], "small_button")
        self.b_next = ui.button(r(x + 28 + LIST_W / 2, self.list_bottom + 8, LIST_W / 2 - 4, 34 * t),
                                S["ui.ency.next"], lambda: self._turn(1), S["ui.ency.next.tip"], "small_button")
        ex = x + 48 + LIST_W
        ew = x + w - 24 - ex
        self.entry_x, self.entry_w = ex, ew
        self.l_kind = ui.label(r(ex, y + 16, ew, 20 * t), "", "subheading")
        self.l_term = ui.label(r(ex, y + 16 + 22 * t, ew, 40 * t), "", "heading")
        top = y + 20 + 64 * t
        self.see_y = y + h - 64 - 30 * t - 44 * t * 2
        self.text = ui.text_box(r(ex - 4, top, ew + 4, self.see_y - top - 8), "", "card_text")
        self.l_see = ui.label(r(ex, self.see_y, ew, 26 * t), S["ui.ency.see_also"], "caption")
        ui.reserve("see")
        self.close = ui.button(r(x + w - 200, y + h - 54, 176, 40), S["ui.close"], self.app.pop,
                               S["ui.ency.close.tip"], "primary")
        self._fill_list()
        self._show()
        ui.focus_on(self.list_buttons.get(self.current or "") or self.search)

    # --- the list ---------------------------------------------------------------------------

    def _matches(self) -> list[tuple[str, list[str]]]:
        g = self.glossary
        if g is None:
            return []
        if self.query.strip():
            return [(kind, [e.id for e in es]) for kind, es in g.grouped(g.lookup(self.query))]
        groups = [(HERE, list(self.here))] if self.here else []
        return groups + [(kind, [e.id for e in es]) for kind, es in g.grouped()]

    def _fill_list(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        self.rows = [row for kind, ids in self._matches() for row in [("heading", kind)] + [("entry", i) for i in ids]]
        ui.remove_group("list")
        for lab in self.headings:
            lab.kill()
        self.headings, self.list_buttons = [], {}
        t = self.sc.text
        row_h = 30 * t
        per_page = max(2, int((self.list_bottom - self.list_top) // row_h))
        pages = self._pages(per_page)
        self.page = min(self.page, len(pages) - 1)
        rows = pages[self.page] if pages else []
        x, yy = self.box[0] + 24, self.list_top
        g = self.glossary
        for kind, value in rows:
            if kind == "heading":
                lab = ui.label(r(x + 4, yy + 6 * t, LIST_W - 8, 22 * t), S[f"ui.ency.group.{value}"].upper(),
                               "hud_caption")
                self.headings.append(lab)
            elif g is not None:
                e = g.by_id[value]
                b = ui.button(r(x, yy, LIST_W, row_h - 2), e.term, lambda i=value: self.open(i),
                              S["ui.ency.entry.tip"].format(term=e.term), "list_item", group="list")
                self.list_buttons.setdefault(value, b)
                if value == self.current:
                    b.select()  # type: ignore[attr-defined]
            yy += row_h
        if not self.rows:
            self.headings.append(ui.label(r(x + 4, yy, LIST_W - 8, 24 * t), S["ui.ency.none"], "italic"))
        ui.set_enabled(self.b_prev, self.page > 0, S["ui.ency.prev.tip"])
        ui.set_enabled(self.b_next, self.page < len(pages) - 1, S["ui.ency.next.tip"])

    def _pages(self, per_page: int) -> list[list[tuple[str, str]]]:
        """The rows cut into pages; a heading never ends a page (it moves on with its first entry)."""
        pages: list[list[tuple[str, str]]] = []
        page: list[tuple[str, str]] = []
        for i, row in enumerate(self.rows):
            last_slot = len(page) == per_page - 1
            if len(page) >= per_page or (last_slot and row[0] == "heading" and i + 1 < len(self.rows)):
                pages.append(page)
                page = []
            page.append(row)
        if page:
            pages.append(page)
        return pages

    def _page_of(self, entry: str) -> int | None:
        row_h = 30 * self.sc.text
        per_page = max(2, int((self.list_bottom - self.list_top) // row_h))
        for n, page in enumerate(self._pages(per_page)):
            if ("entry", entry) in page:
                return n
        return None

    def _turn(self, delta: int) -> None:
        self.page = max(0, self.page + delta)
        self._fill_list()
        first = next(iter(self.list_buttons.values()), None)
        if first is not None and self.ui is not None:
            self.ui.focus_on(first)

    def _first_hit(self) -> None:
        """Enter in the search line: open the first entry found."""
        first = next((v for kind, v in self.rows if kind == "entry"), None)
        if first is not None:
            self.open(first)
            b = self.list_buttons.get(first)
            if b is not None and self.ui is not None:
                self.ui.focus_on(b)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and getattr(event, "ui_element", None) is self.search:
            self.set_query(self.search.get_text())
            return True
        return False

    def set_query(self, text: str) -> None:
        self.query = text
        self.page = 0
        self._fill_list()

    # --- the entry ---------------------------------------------------------------------------

    def open(self, entry: str) -> None:
        """Show this entry (a click in the list, a link, a see-also button)."""
        if self.glossary is None or entry not in self.glossary.by_id:
            return
        if entry != self.current:
            self.see_page = 0
        self.current = entry
        page = self._page_of(entry)
        if page is not None and page != self.page:
            self.page = page
        self._fill_list()
        self._show()
        ui = self.ui
        if ui is not None and (ui.focus is None or ui.focus not in ui.order):
            # The button pressed was rebuilt: the keyboard goes on from the entry now shown.
            ui.focus_on(self.list_buttons.get(entry) or self.search)

    def _show(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        g = self.glossary
        ui.remove_group("see")
        if g is None or self.current is None:
            ui.set_text(self.l_term, S["ui.ency.heading"])
            ui.set_html(self.text, S["ui.ency.empty"])
            ui.set_visible(self.l_see, False)
            return
        e = g.by_id[self.current]
        ui.set_text(self.l_kind, S[f"ui.ency.kind.{e.kind}"].upper())
        ui.set_text(self.l_term, e.term)
        body = linked(" ".join(e.text.split()), g, skip={e.id})
        if e.aka:
            body += "<br><br><i>" + S["ui.ency.aka"].format(names=", ".join(e.aka)) + "</i>"
        ui.set_html(self.text, body)
        see = [i for i in g.entries_in(e.text) if i != e.id]
        ui.set_visible(self.l_see, bool(see))
        pages = self._see_pages(see)
        self.see_page %= max(1, len(pages))
        t = self.sc.text
        for i, (x, yy, bw) in (pages[self.see_page] if pages else {}).items():
            term = g.by_id[i].term
            ui.button(r(x, yy, bw, 38 * t), term, lambda i=i: self.open(i),
                      S["ui.ency.see.tip"].format(term=term), "small_button", group="see")
        if len(pages) > 1:
            # More names than two rows hold: this button shows the next two rows (and from the last, the first).
            label = S["ui.ency.see_more"].format(page=self.see_page + 1, pages=len(pages))
            bw = self._more_w(len(pages))
            self.b_more = ui.button(r(self.entry_x + self.entry_w - 200 - bw, self.see_y + 28 * t + 44 * t, bw,
                                      38 * t), label, self._more_see, S["ui.ency.see_more.tip"], "small_button",
                                    group="see")

    def _more_w(self, pages: int) -> float:
        label = S["ui.ency.see_more"].format(page=pages, pages=pages)
        return self.text_w(label, "button", "small_button") + 16

    def _see_pages(self, see: list[str]) -> list[dict[str, tuple[float, float, float]]]:
        """The see-also buttons laid out two rows at a time: entry -> (x, y, width). The second row stops clear
        of the close button, and of the button for the next rows when there is more than one page."""
        g = self.glossary
        assert g is not None
        t = self.sc.text
        top = self.see_y + 28 * t
        full = self.entry_x + self.entry_w
        widths = {i: min(self.entry_w, self.text_w(g.by_id[i].term, "button", "small_button") + 8) for i in see}

        def lay(reserve: float) -> list[dict[str, tuple[float, float, float]]]:
            pages: list[dict[str, tuple[float, float, float]]] = []
            page: dict[str, tuple[float, float, float]] = {}
            x, row = self.entry_x, 0
            for i in see:
                limit = full if row == 0 else full - 200 - reserve
                if x + widths[i] > limit and x > self.entry_x:
                    x, row = self.entry_x, row + 1
                    if row > 1:
                        pages.append(page)
                        page, row = {}, 0
                page[i] = (x, top + row * 44 * t, widths[i])
                x += widths[i] + 8
            return pages + [page] if page else pages

        pages = lay(0.0)
        return pages if len(pages) <= 1 else lay(self._more_w(len(pages) + 1) + 8)

    def _more_see(self) -> None:
        self.see_page += 1
        self._show()
        if self.ui is not None:
            self.ui.focus_on(self.b_more)

    # --- drawing ---------------------------------------------------------------------------

    def draw_back(self, surface: pygame.Surface) -> None:
        sc, pal = self.sc, self.pal
        box = self.r(*self.box)
        pygame.draw.rect(surface, pal.rgb("ink_soft"), box.move(sc.px(6), sc.px(6)))
        self.draw_card(surface, box, "paper_light", "ink")
        x = self.box[0] + 36 + LIST_W
        pygame.draw.line(surface, pal.rgb("rule"), (sc.px(x), sc.px(self.box[1] + 16)),
                         (sc.px(x), sc.px(self.box[1] + self.box[3] - 16)), max(1, sc.px(1)))


def open_encyclopedia(app, entry: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Open the encyclopedia (at an entry, if given) over the current screen; if it is open already,
    show the entry there."""
    top = app.top if app.stack else None
    if isinstance(top, EncyclopediaScreen):
        if entry is not None:
            top.open(entry)
        elif top.ui is not None:
            top.ui.focus_on(top.search)
        return
    app.push(EncyclopediaScreen(app, entry))
