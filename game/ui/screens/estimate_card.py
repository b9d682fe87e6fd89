"""The estimate card of the negotiation table: the other side's answer as
it would be now, every line of its reasons with sign and size, the total
against the threshold, red lines, and "what would it take" with a button
that puts the suggested package on the table.

Its widgets are made once; each line is a pair of labels from a pool, so
a new estimate changes only the texts that differ.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import pygame

from game.i18n import S
from game.ui import text as tx
from game.ui.links import glossary_for, linked
from game.ui.viewmodels.negotiation import EstimateVM

if TYPE_CHECKING:
    from game.ui.screens.base import Screen

POOL = 10
LINE_H = 21
#: The least room (logical units) kept for the notes under the reasons: red lines and what it would take.
NOTES_MIN = 48


class EstimateCard:
    def __init__(self, screen: "Screen", box: tuple[float, float, float, float],
                 use_advice: Callable[[], None]) -> None:
        self.screen = screen
        self.box = box
        self.vm: EstimateVM | None = None
        ui, r = screen.ui, screen.r
        assert ui is not None
        x, y, w, h = box
        self.heading = ui.label(r(x + 12, y + 8, w - 24, 28), "", "heading")
        self.total = ui.label(r(x + 12, y + 82, w - 24, 22), "", "number")
        self.total.set_tooltip(S["ui.neg.total.tip"])
        self.rows = []
        # The reasons start below the scale and its "threshold" mark, however large the text.
        mark_h = tx.font("telegram", screen.sc.font(10)).get_linesize() / screen.sc.s
        ly = max(y + 128, y + 121 + mark_h + 3)
        # Reasons wrap onto as many lines as they need: the pool is of lines, not of reasons.
        self.line_h = LINE_H * max(1.0, screen.sc.text)
        self.num_w = max(58.0, screen.text_w("\u2212100", "label", "number_right") + 4)
        # As many lines as the card has room for above a few lines of notes and the button (large UI scale and
        # text leave fewer); the last line then sums up the reasons that did not fit.
        self.pool = max(3, min(POOL, int((y + h - 44 - NOTES_MIN - 6 - ly) / self.line_h)))
        for i in range(self.pool):
            num = ui.label(r(x + 8, ly + i * self.line_h, self.num_w, self.line_h), "", "number_right")
            lab = ui.label(r(x + 14 + self.num_w, ly + i * self.line_h, w - 24 - self.num_w, self.line_h), "",
                           "caption")
            self.rows.append((num, lab))
        self.wrap_px = r(0, 0, w - 24 - self.num_w, 10).width - 6
        self.notes_y = ly + self.pool * self.line_h + 6
        self.notes = ui.text_box(r(x + 6, self.notes_y, w - 12, y + h - self.notes_y - 44), "", None)
        self.notes_html = ""
        self.use = ui.button(r(x + w - 190, y + h - 40, 178, 32), S["ui.neg.wwit.apply"], use_advice,
                             S["ui.neg.wwit.apply.tip"], "small_button")
        ui.set_visible(self.use, False)
        self.tips: list[str] = [""] * self.pool

    def show(self, vm: EstimateVM) -> None:
        ui = self.screen.ui
        assert ui is not None
        self.vm = vm
        ui.set_text(self.heading, vm.heading)
        if vm.empty:
            ui.set_text(self.total, "")
        else:
            ui.set_text(self.total, vm.total_text())
        slots = self._lay_out(list(vm.lines))
        for i, (num, lab) in enumerate(self.rows):
            number, text, tip = slots[i] if i < len(slots) else ("", "", "")
            ui.set_text(num, number)
            ui.set_text(lab, text)
            if self.tips[i] != tip:
                self.tips[i] = tip
                ui.set_tooltip(num, tip)
                ui.set_tooltip(lab, tip)
        pal = self.screen.pal
        parts = []
        for red in vm.red_lines:
            parts.append(f"<b>{_esc(S['ui.neg.red_line'].format(reason=red))}</b>")
        if vm.home:
            parts.append(f"<b>{_esc(vm.home)}</b>")
        if vm.advice:
            title = "" if vm.empty else f"<font face='telegram' color='{pal.accent}'>{S['ui.neg.wwit'].upper()}</font><br>"
            parts.append(title + linked(vm.advice, glossary_for(self.screen.app)))
        html = "<br>".join(parts)
        if html != self.notes_html:
            self.notes_html = html
            ui.set_html(self.notes, html)
        ui.set_visible(self.use, vm.advice_package is not None)

    def _lay_out(self, lines: list) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
        """The reasons as (number, text, tooltip) lines of the pool: each reason wrapped to the card's
        width, as many whole reasons as fit, then one line that sums up the rest."""
        from game.ui.theme import font_spec
        role, size, style = font_spec("label", "caption")
        px = self.screen.sc.font(size)
        out: list[tuple[str, str, str]] = []
        for k, line in enumerate(lines):
            wrapped = tx.wrap(line.label, role, px, self.wrap_px, style)
            room = self.pool - len(out) - (0 if k == len(lines) - 1 else 1)
            if len(wrapped) > room:
                rest = lines[k:]
                total = sum(x.value for x in rest)
                tip = "; ".join(f"{x.text} {x.label}" for x in rest)
                out.append((("+" if total > 0 else "") + f"{total:.0f}",
                            S["ui.neg.more_lines"].format(n=len(rest)), tip))
                break
            for j, part in enumerate(wrapped):
                out.append((line.text if j == 0 else "", part, line.tooltip))
        return out

    def draw(self, surface: pygame.Surface) -> None:
        sc, pal = self.screen.sc, self.screen.pal
        x, y, w, h = self.box
        box = self.screen.r(*self.box)
        self.screen.draw_card(surface, box, "card", "rule")
        vm = self.vm
        if vm is None or vm.empty:
            return
        # The verdict, as a rubber stamp (the word says it; the colour only helps).
        colour = pal.rgb("positive") if vm.accepted else pal.rgb("accent")
        word = tx.render(vm.verdict, "telegram", sc.font(19), colour, "bold")
        stamp = pygame.Surface((word.get_width() + sc.px(18), word.get_height() + sc.px(8)), pygame.SRCALPHA)
        pygame.draw.rect(stamp, colour, stamp.get_rect(), max(2, sc.px(2)))
        stamp.blit(word, (sc.px(9), sc.px(4)))
        stamp = pygame.transform.rotate(stamp, 3)
        surface.blit(stamp, (box.x + sc.px(14), box.y + sc.px(40)))
        # The scale: where the total sits against the threshold.
        bar = self.screen.r(x + 12, y + 108, w - 24, 12)
        threshold = 0.0 if vm.threshold is None else vm.threshold
        lo = min(-40.0, vm.total - 5, threshold - 5)
        hi = max(40.0, vm.total + 5, threshold + 5)

        def at(v: float) -> int:
            return bar.x + int((v - lo) / (hi - lo) * bar.width)

        pygame.draw.rect(surface, pal.rgb("paper_light"), bar)
        pygame.draw.rect(surface, pal.rgb("rule"), bar, 1)
        zero, thr, tot = at(0), at(threshold), at(vm.total)
        fill = pygame.Rect(min(zero, tot), bar.y + 2, abs(tot - zero), bar.height - 4)
        pygame.draw.rect(surface, colour, fill)
        pygame.draw.line(surface, pal.rgb("ink"), (zero, bar.y - sc.px(2)), (zero, bar.bottom + sc.px(2)), 1)
        if vm.threshold is None:
            return  # the viewer's envoys cannot read it: no mark
        pygame.draw.line(surface, pal.rgb("ink"), (thr, bar.y - sc.px(4)), (thr, bar.bottom + sc.px(4)),
                         max(2, sc.px(2)))
        mark = tx.render("\u25b2 " + S["ui.neg.threshold"], "telegram", sc.font(10), pal.rgb("ink_soft"))
        surface.blit(mark, (min(thr - sc.px(5), bar.right - mark.get_width()), bar.bottom + sc.px(1)))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
