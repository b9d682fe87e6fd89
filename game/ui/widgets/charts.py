"""Charts drawn with pygame primitives: a sparkline for a panel, and line
charts for the ledger and the debrief. Lines are told apart by dash,
marker and a label at their end as well as by colour."""
from __future__ import annotations

import math

from dataclasses import dataclass
from typing import Sequence

import pygame

from game.i18n import S
from game.ui import text as tx
from game.ui.theme import Palette

MARKERS = ("circle", "square", "triangle", "diamond", "cross", "plus")
DASHES = ((1, 0), (6, 3), (2, 3), (8, 3, 2, 3), (4, 4), (10, 2))


def sparkline(surface: pygame.Surface, rect: pygame.Rect, values: Sequence[float], pal: Palette,
              bounds: tuple[float, float] | None = None) -> None:
    if len(values) < 2:
        return
    lo, hi = bounds if bounds else (min(values), max(values))
    if hi - lo < 10:
        mid = (hi + lo) / 2
        lo, hi = mid - 5, mid + 5
    pts = [(rect.x + i * (rect.width - 1) / (len(values) - 1),
            rect.bottom - 1 - (min(hi, max(lo, v)) - lo) / (hi - lo) * (rect.height - 2)) for i, v in enumerate(values)]
    pygame.draw.line(surface, pal.rgb("paper_dark"), rect.bottomleft, rect.bottomright)
    pygame.draw.aalines(surface, pal.rgb("ink"), False, pts)
    pygame.draw.circle(surface, pal.rgb("accent"), (int(pts[-1][0]), int(pts[-1][1])), 2)


@dataclass
class Series:
    name: str
    values: list[float]
    colour: pygame.Color
    marker: str
    dash: tuple[int, ...]


def _dashed(surface: pygame.Surface, colour: pygame.Color, pts: list[tuple[float, float]], dash: tuple[int, ...],
            width: int) -> None:
    if dash == (1, 0) or len(pts) < 2:
        if len(pts) >= 2:
            pygame.draw.lines(surface, colour, False, pts, width)
        return
    pattern = [d * width for d in dash]
    idx, left, on = 0, pattern[0], True
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        seg = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        pos = 0.0
        while pos < seg:
            step = min(left, seg - pos)
            a = (x0 + (x1 - x0) * pos / seg, y0 + (y1 - y0) * pos / seg)
            b = (x0 + (x1 - x0) * (pos + step) / seg, y0 + (y1 - y0) * (pos + step) / seg)
            if on:
                pygame.draw.line(surface, colour, a, b, width)
            pos += step
            left -= step
            if left <= 1e-6:
                idx = (idx + 1) % len(pattern)
                left = pattern[idx]
                on = not on


def marker(surface: pygame.Surface, kind: str, colour: pygame.Color, at: tuple[float, float], r: int) -> None:
    x, y = int(at[0]), int(at[1])
    if kind == "circle":
        pygame.draw.circle(surface, colour, (x, y), r)
    elif kind == "square":
        pygame.draw.rect(surface, colour, (x - r, y - r, 2 * r, 2 * r))
    elif kind == "triangle":
        pygame.draw.polygon(surface, colour, [(x, y - r - 1), (x - r - 1, y + r), (x + r + 1, y + r)])
    elif kind == "diamond":
        pygame.draw.polygon(surface, colour, [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)])
    elif kind == "cross":
        pygame.draw.line(surface, colour, (x - r, y - r), (x + r, y + r), max(2, r // 2))
        pygame.draw.line(surface, colour, (x - r, y + r), (x + r, y - r), max(2, r // 2))
    else:
        pygame.draw.line(surface, colour, (x - r, y), (x + r, y), max(2, r // 2))
        pygame.draw.line(surface, colour, (x, y - r), (x, y + r), max(2, r // 2))


def styled(pal: Palette, i: int) -> tuple[pygame.Color, str, tuple[int, ...]]:
    colours = pal.series or (pal.ink,)
    return pygame.Color(colours[i % len(colours)]), MARKERS[i % len(MARKERS)], DASHES[i % len(DASHES)]


def nice_ticks(lo: float, hi: float, most: int = 6) -> list[float]:
    """Round, evenly spaced axis values covering lo..hi: steps of 1, 2 or 5 times a power of ten,
    so that no label is a rounded in-between value (100, 102, 105, 108 looked like a skipped value)."""
    span = max(hi - lo, 1e-9)
    step = 1.0
    for exp in range(-3, 12):
        for m in (1, 2, 5):
            step = m * 10.0 ** exp
            if span / step <= most - 1:
                first = math.floor(lo / step) * step
                last = math.ceil(hi / step) * step
                if (last - first) / step <= most - 1:
                    n = int(round((last - first) / step))
                    return [round(first + k * step, 6) for k in range(n + 1)]
    return [lo, hi]


class LineChart:
    """A chart of several series over the same dates; ``point_at`` finds what the mouse is over."""

    def __init__(self, rect: pygame.Rect, dates: list[str], series: list[Series], bounds: tuple[float, float] | None,
                 scale: float) -> None:
        self.rect = rect
        self.dates = dates
        self.series = series
        self.s = scale
        #: The text-size factor for the axis and series labels.
        self.text = 1.0
        vals = [v for s in series for v in s.values]
        lo, hi = bounds if bounds else ((min(vals), max(vals)) if vals else (0.0, 1.0))
        if hi - lo < 1e-9:
            hi = lo + 1.0
        # The axis runs over round values, every one of them labelled.
        self.ticks = nice_ticks(lo, hi)
        lo, hi = self.ticks[0], self.ticks[-1]
        self.lo, self.hi = lo, hi
        label_w = int(120 * scale)
        self.plot = pygame.Rect(rect.x + int(44 * scale), rect.y + int(10 * scale),
                                rect.width - int(44 * scale) - label_w, rect.height - int(40 * scale))

    def xy(self, i: int, v: float) -> tuple[float, float]:
        n = max(1, len(self.dates) - 1)
        x = self.plot.x + i * self.plot.width / n
        y = self.plot.bottom - (v - self.lo) / (self.hi - self.lo) * self.plot.height
        return x, y

    def draw(self, surface: pygame.Surface, pal: Palette, date_label) -> None:  # type: ignore[no-untyped-def]
        s = self.s
        p = self.plot
        pygame.draw.rect(surface, pal.rgb("paper_light"), p)
        ink_soft = pal.rgb("ink_soft")
        step = self.ticks[1] - self.ticks[0] if len(self.ticks) > 1 else 1.0
        fmt = "{:,.0f}" if step >= 1 else "{:,.1f}" if step >= 0.1 else "{:,.2f}"
        for v in self.ticks:
            y = self.xy(0, v)[1]
            pygame.draw.line(surface, pal.rgb("paper_dark"), (p.x, y), (p.right, y))
            lab = tx.render(fmt.format(v), "ui", max(8, int(11 * s * self.text)), ink_soft)
            surface.blit(lab, (p.x - lab.get_width() - int(6 * s), y - lab.get_height() // 2))
        n = len(self.dates)
        ticks = sorted({0, n - 1} | {int(i * (n - 1) / 4) for i in range(5)}) if n > 1 else [0]
        for i in ticks:
            x = self.xy(i, self.lo)[0]
            pygame.draw.line(surface, ink_soft, (x, p.bottom), (x, p.bottom + int(4 * s)))
            lab = tx.render(date_label(self.dates[i]), "ui", max(8, int(11 * s * self.text)), ink_soft)
            surface.blit(lab, (min(p.right - lab.get_width(), max(p.x, x - lab.get_width() // 2)),
                               p.bottom + int(6 * s)))
        pygame.draw.rect(surface, pal.rgb("rule"), p, 1)
        ends: list[tuple[float, Series]] = []
        w = max(1, int(2 * s))
        for ser in self.series:
            pts = [self.xy(i, v) for i, v in enumerate(ser.values)]
            if not pts:
                continue
            _dashed(surface, ser.colour, pts, ser.dash, w)
            every = max(1, len(pts) // 8)
            for k, pt in enumerate(pts):
                if k % every == 0 or k == len(pts) - 1:
                    marker(surface, ser.marker, ser.colour, pt, max(2, int(3 * s)))
            ends.append((pts[-1][1], ser))
        self._draw_names(surface, pal, ends)

    def legend(self, ends: list[tuple[float, Series]]) -> list[tuple[float, Series | None, str]]:
        """The names at the end of the lines: (y, series, text), pushed apart and kept beside the plot.

        When more lines end than names fit in the plot's height (eleven partners in a long campaign), the
        highest lines are named and the rest counted on one row ("and 4 more"); the ledger names each on hover."""
        p, lh = self.plot, self.line_height
        fit = max(1, p.height // lh)
        ends = sorted(ends, key=lambda e: e[0])                       # top of the plot first
        rows: list[tuple[float, Series | None, str]] = [(y, ser, ser.name) for y, ser in ends]
        if len(ends) > fit:
            kept, rest = ends[:fit - 1], ends[fit - 1:]
            rows = [(y, ser, ser.name) for y, ser in kept]
            rows.append((rest[0][0], None, S["ui.chart.others"].format(n=len(rest))))
        ys = [y for y, _, _ in rows]
        for i in range(1, len(ys)):                                   # apart, downwards
            ys[i] = max(ys[i], ys[i - 1] + lh)
        bottom = p.bottom - lh // 2
        for i in reversed(range(len(ys))):                            # and back up, above the plot's foot
            ys[i] = min(ys[i], bottom if i == len(ys) - 1 else ys[i + 1] - lh)
        top = p.y + lh // 2
        for i in range(len(ys)):                                      # never above the plot's top
            ys[i] = max(ys[i], top if i == 0 else ys[i - 1] + lh)
        return [(y, ser, text) for y, (_, ser, text) in zip(ys, rows)]

    @property
    def line_height(self) -> int:
        return max(8, int(14 * self.s * self.text))

    def _draw_names(self, surface: pygame.Surface, pal: Palette, ends: list[tuple[float, Series]]) -> None:
        s, p, lh = self.s, self.plot, self.line_height
        for y, ser, text in self.legend(ends):
            if ser is not None:
                marker(surface, ser.marker, ser.colour, (p.right + int(10 * s), y), max(2, int(3 * s)))
            label = tx.render(text, "ui", max(8, int(12 * s * self.text)), pal.rgb("ink" if ser else "ink_soft"))
            surface.blit(label, (p.right + int(18 * s), y - lh // 2))

    def point_at(self, pos: tuple[int, int]) -> tuple[Series, int, float] | None:
        if not self.plot.inflate(int(8 * self.s), int(8 * self.s)).collidepoint(pos) or not self.dates:
            return None
        n = max(1, len(self.dates) - 1)
        i = round((pos[0] - self.plot.x) / self.plot.width * n)
        i = max(0, min(len(self.dates) - 1, i))
        best = None
        for ser in self.series:
            if i < len(ser.values):
                d = abs(self.xy(i, ser.values[i])[1] - pos[1])
                if best is None or d < best[0]:
                    best = (d, ser, i, ser.values[i])
        if best is None or best[0] > 30 * self.s:
            return None
        return best[1], best[2], best[3]
