"""Pictures for events and screens, drawn by the project in code: simple
period vignettes in sepia ink (a conference table, the famine steppe, a
telegram, a villa, the Kremlin, Genoa harbour, a signing, a newspaper, a
train, the secretary). They are vectors, so they are sharp at any size.

An event names a picture with ``picture: ID``; a PNG at
``assets/pictures/ID.png`` overrides the drawing of that id, so a modder
can ship an image. Without one, the event's id and title choose a drawing.
"""
from __future__ import annotations

import math
import random
from typing import Callable

import pygame

from game.content import PICTURES as PICTURES_DIR
from game.ui import text as tx

_cache: dict[tuple, pygame.Surface] = {}

#: Words in an event's id or title that choose a drawing.
KEYWORDS: tuple[tuple[str, str], ...] = (
    ("famine", "famine"), ("volga", "famine"), ("harvest", "famine"), ("hunger", "famine"),
    ("villa", "villa"), ("telephone", "telegram"), ("easter", "telegram"), ("note", "telegram"),
    ("curzon", "telegram"), ("soundings", "telegram"), ("berlin", "telegram"),
    ("lenin", "kremlin"), ("moscow", "kremlin"), ("politburo", "kremlin"), ("congress", "kremlin"),
    ("memorandum", "signing"), ("treaty", "signing"), ("protest", "newspaper"), ("murder", "newspaper"),
    ("returns", "newspaper"), ("declines", "newspaper"), ("washington", "newspaper"),
    ("concession", "train"), ("urquhart", "train"), ("boulogne", "train"), ("journey", "train"),
    ("hague", "conference"), ("opening", "conference"), ("session", "conference"), ("conference", "conference"),
    ("cannes", "conference"), ("adjourns", "harbour"), ("genoa", "harbour"),
)


def picture_for(event_id: str, title: str, picture: str | None = None) -> str:
    if picture:
        return picture
    words = f"{event_id} {title}".lower()
    for word, pic in KEYWORDS:
        if word in words:
            return pic
    return "newspaper"


def draw(picture: str, size: tuple[int, int], ink: pygame.Color, paper: pygame.Color) -> pygame.Surface:
    """The picture at this size (cached); unknown ids get the newspaper."""
    key = (picture, size, tuple(ink), tuple(paper))
    surf = _cache.get(key)
    if surf is not None:
        return surf
    png = PICTURES_DIR / f"{picture}.png"
    if png.is_file():
        surf = pygame.transform.smoothscale(pygame.image.load(str(png)), size)
    else:
        surf = pygame.Surface(size)
        surf.fill(paper)
        p = _Pen(surf, ink, paper)
        DRAWINGS.get(picture, _newspaper)(p)
        p.engrave()
    p_frame(surf, ink)
    if len(_cache) > 40:
        _cache.clear()
    _cache[key] = surf
    return surf


def p_frame(surf: pygame.Surface, ink: pygame.Color) -> None:
    w, h = surf.get_size()
    t = max(1, w // 320)
    pygame.draw.rect(surf, ink, (0, 0, w, h), t)
    gap = max(3, w // 110)
    pygame.draw.rect(surf, ink, (gap, gap, w - 2 * gap, h - 2 * gap), max(1, t // 2 or 1))


class _Pen:
    """Drawing in fractions of the picture (0..1), in tones between paper (0) and ink (1)."""

    def __init__(self, surf: pygame.Surface, ink: pygame.Color, paper: pygame.Color) -> None:
        self.s = surf
        self.w, self.h = surf.get_size()
        self.ink = ink
        self.paper = paper
        self.rng = random.Random(1922)

    def tone(self, t: float) -> pygame.Color:
        return self.paper.lerp(self.ink, max(0.0, min(1.0, t)))

    def xy(self, x: float, y: float) -> tuple[int, int]:
        return int(x * self.w), int(y * self.h)

    def rect(self, x: float, y: float, w: float, h: float, t: float, width: int = 0) -> None:
        pygame.draw.rect(self.s, self.tone(t), pygame.Rect(*self.xy(x, y), int(w * self.w), int(h * self.h)), width)

    def poly(self, pts: list[tuple[float, float]], t: float, width: int = 0) -> None:
        pygame.draw.polygon(self.s, self.tone(t), [self.xy(*p) for p in pts], width)

    def line(self, a: tuple[float, float], b: tuple[float, float], t: float, width: float = 0.004) -> None:
        pygame.draw.line(self.s, self.tone(t), self.xy(*a), self.xy(*b), max(1, int(width * self.w)))

    def circle(self, x: float, y: float, r: float, t: float, width: int = 0) -> None:
        pygame.draw.circle(self.s, self.tone(t), self.xy(x, y), max(1, int(r * self.w)), width)

    def ellipse(self, x: float, y: float, w: float, h: float, t: float, width: int = 0) -> None:
        pygame.draw.ellipse(self.s, self.tone(t), pygame.Rect(*self.xy(x, y), int(w * self.w), int(h * self.h)), width)

    def text(self, s: str, x: float, y: float, size: float, t: float = 1.0, role: str = "telegram",
             style: str = "regular", centre: bool = False) -> None:
        img = tx.font(role, max(6, int(size * self.h)), style).render(s, True, self.tone(t))
        pos = self.xy(x, y)
        if centre:
            pos = (pos[0] - img.get_width() // 2, pos[1])
        self.s.blit(img, pos)

    def hatch(self, x: float, y: float, w: float, h: float, t: float, step: float = 0.012, angle: int = 0) -> None:
        """Engraver's hatching over an area (horizontal, or diagonal when angle is 45)."""
        r = pygame.Rect(*self.xy(x, y), int(w * self.w), int(h * self.h))
        gap = max(2, int(step * self.w))
        c = self.tone(t)
        clip = self.s.get_clip()
        self.s.set_clip(r)
        if angle == 45:
            for k in range(-r.h, r.w, gap):
                pygame.draw.line(self.s, c, (r.x + k, r.bottom), (r.x + k + r.h, r.y))
        else:
            for yy in range(r.y, r.bottom, gap):
                pygame.draw.line(self.s, c, (r.x, yy), (r.right, yy))
        self.s.set_clip(clip)

    def engrave(self) -> None:
        """Fine paper-coloured lines over everything, as in a halftone or engraving."""
        gap = max(3, self.h // 120)
        c = self.paper
        overlay = pygame.Surface((self.w, self.h), pygame.SRCALPHA)
        for yy in range(0, self.h, gap):
            pygame.draw.line(overlay, (c.r, c.g, c.b, 70), (0, yy), (self.w, yy))
        self.s.blit(overlay, (0, 0))


def _sky(p: _Pen, horizon: float, t: float = 0.12) -> None:
    p.hatch(0, 0, 1, horizon, t, step=0.02)


def _conference(p: _Pen) -> None:
    # A hall: arched windows, a long table in perspective, delegates on both sides.
    p.rect(0, 0, 1, 0.55, 0.18)
    for i in range(5):
        x = 0.08 + i * 0.19
        p.rect(x, 0.08, 0.09, 0.34, 0.05)
        p.ellipse(x, 0.03, 0.09, 0.1, 0.05)
        p.line((x + 0.045, 0.08), (x + 0.045, 0.42), 0.35, 0.003)
        p.line((x, 0.25), (x + 0.09, 0.25), 0.35, 0.003)
    p.line((0.5, 0.0), (0.5, 0.12), 0.6, 0.003)
    for k in range(7):
        p.circle(0.44 + k * 0.02, 0.14 + (0.012 if k % 2 else 0), 0.006, 0.7)
    p.rect(0, 0.55, 1, 0.45, 0.3)
    p.hatch(0, 0.55, 1, 0.45, 0.45, step=0.015, angle=45)
    table = [(0.36, 0.5), (0.64, 0.5), (0.98, 0.98), (0.02, 0.98)]
    p.poly(table, 0.55)
    p.poly([(0.37, 0.51), (0.63, 0.51), (0.94, 0.96), (0.06, 0.96)], 0.42)
    for side in (-1, 1):
        for k in range(5):
            f = k / 4
            x = 0.5 + side * (0.16 + 0.33 * f)
            y = 0.5 + 0.4 * f
            s = 0.5 + 0.7 * f
            p.ellipse(x - 0.035 * s, y - 0.03 * s, 0.07 * s, 0.09 * s, 0.85)
            p.circle(x, y - 0.05 * s, 0.018 * s, 0.8)
    for k in range(6):
        f = k / 5
        p.rect(0.44 + 0.02 * f - 0.01, 0.58 + 0.32 * f, 0.12 - 0.04 * f, 0.012, 0.15)


def _famine(p: _Pen) -> None:
    horizon = 0.55
    _sky(p, horizon, 0.1)
    p.circle(0.75, 0.38, 0.07, 0.3)
    for k in range(14):
        a = math.pi + k * math.pi / 13
        p.line((0.75 + 0.09 * math.cos(a), 0.38 + 0.09 * 1.6 * math.sin(a)),
               (0.75 + 0.16 * math.cos(a), 0.38 + 0.16 * 1.6 * math.sin(a)), 0.3, 0.002)
    p.rect(0, horizon, 1, 1 - horizon, 0.35)
    p.hatch(0, horizon, 1, 1 - horizon, 0.6, step=0.014)
    for k in range(40):
        x = p.rng.random()
        y = horizon + 0.05 + p.rng.random() * 0.4
        hgt = 0.04 + 0.06 * (y - horizon)
        bend = p.rng.uniform(-0.02, 0.02)
        p.line((x, y), (x + bend, y - hgt), 0.85, 0.002)
        p.ellipse(x + bend - 0.004, y - hgt - 0.015, 0.008, 0.018, 0.85)
    # a cart on the horizon
    p.rect(0.18, horizon - 0.06, 0.12, 0.04, 0.85)
    p.circle(0.2, horizon - 0.015, 0.016, 0.9, 2)
    p.circle(0.28, horizon - 0.015, 0.016, 0.9, 2)
    p.ellipse(0.32, horizon - 0.08, 0.06, 0.05, 0.85)
    p.line((0.31, horizon - 0.04), (0.34, horizon - 0.06), 0.85)
    for k in range(4):
        x, y = 0.4 + 0.08 * k, 0.15 + 0.05 * (k % 2)
        p.line((x - 0.02, y), (x, y + 0.012), 0.85, 0.003)
        p.line((x, y + 0.012), (x + 0.02, y), 0.85, 0.003)


def _telegram(p: _Pen) -> None:
    p.rect(0, 0, 1, 1, 0.22)
    p.hatch(0, 0, 1, 1, 0.3, step=0.02, angle=45)
    p.poly([(0.12, 0.12), (0.9, 0.08), (0.92, 0.9), (0.1, 0.93)], 0.02)
    p.text("ТЕЛЕГРАММА", 0.51, 0.15, 0.075, 0.9, style="bold", centre=True)
    p.text("TELEGRAM  \u00b7  TÉLÉGRAMME", 0.51, 0.25, 0.045, 0.7, centre=True)
    p.line((0.16, 0.33), (0.86, 0.32), 0.7, 0.003)
    lines = ["NARKOMINDEL MOSCOW", "DELEGATION READY STOP", "ANSWER BY WIRE STOP", "CHICHERIN"]
    for i, s in enumerate(lines):
        p.text(s, 0.17, 0.4 + i * 0.11, 0.055, 0.85)
    p.circle(0.76, 0.74, 0.075, 0.75, 3)
    p.circle(0.76, 0.74, 0.055, 0.75, 1)
    p.text("1922", 0.76, 0.715, 0.04, 0.75, centre=True)


def _villa(p: _Pen) -> None:
    horizon = 0.7
    _sky(p, horizon, 0.1)
    p.rect(0, horizon, 1, 0.3, 0.35)
    p.hatch(0, horizon, 1, 0.3, 0.5, step=0.012, angle=45)
    p.rect(0.3, 0.35, 0.4, 0.35, 0.12)
    p.rect(0.3, 0.35, 0.4, 0.35, 0.7, 2)
    p.poly([(0.28, 0.35), (0.5, 0.22), (0.72, 0.35)], 0.25)
    p.poly([(0.28, 0.35), (0.5, 0.22), (0.72, 0.35)], 0.7, 2)
    for row in range(2):
        for col in range(5):
            x = 0.33 + col * 0.075
            y = 0.4 + row * 0.14
            p.rect(x, y, 0.035, 0.08, 0.75)
    for x in (0.44, 0.5, 0.56):
        p.rect(x - 0.008, 0.58, 0.016, 0.12, 0.3)
    p.poly([(0.46, 0.7), (0.54, 0.7), (0.7, 1.0), (0.3, 1.0)], 0.15)
    for x, hgt in ((0.12, 0.45), (0.2, 0.38), (0.8, 0.42), (0.88, 0.5), (0.06, 0.3)):
        p.ellipse(x - 0.03, horizon - hgt, 0.06, hgt + 0.03, 0.9)


def _kremlin(p: _Pen) -> None:
    horizon = 0.78
    _sky(p, horizon, 0.12)
    # cathedral domes behind the wall
    for x, r, hgt in ((0.55, 0.045, 0.38), (0.63, 0.035, 0.45), (0.71, 0.04, 0.4), (0.47, 0.03, 0.46)):
        p.rect(x - r * 0.7, hgt, r * 1.4, horizon - hgt, 0.45)
        p.ellipse(x - r, hgt - r * 1.6, 2 * r, r * 2.2, 0.8)
        p.poly([(x - r * 0.3, hgt - r * 1.2), (x, hgt - r * 3.0), (x + r * 0.3, hgt - r * 1.2)], 0.8)
        p.line((x, hgt - r * 3.0), (x, hgt - r * 3.8), 0.8, 0.003)
    # the wall with swallow-tail merlons
    p.rect(0, 0.6, 1, horizon - 0.6, 0.7)
    for k in range(26):
        x = k / 25
        p.poly([(x - 0.012, 0.6), (x - 0.012, 0.57), (x, 0.585), (x + 0.012, 0.57), (x + 0.012, 0.6)], 0.7)
    # a gate tower with a tent roof
    p.rect(0.16, 0.36, 0.1, 0.42, 0.75)
    p.rect(0.175, 0.28, 0.07, 0.08, 0.7)
    p.poly([(0.17, 0.28), (0.21, 0.1), (0.25, 0.28)], 0.85)
    p.circle(0.21, 0.42, 0.025, 0.15)
    p.rect(0.19, 0.62, 0.04, 0.16, 0.2)
    p.rect(0, horizon, 1, 1 - horizon, 0.3)
    p.hatch(0, horizon, 1, 1 - horizon, 0.45, step=0.012)


def _harbour(p: _Pen) -> None:
    horizon = 0.55
    _sky(p, horizon, 0.08)
    # hills with houses
    p.poly([(0, horizon), (0, 0.35), (0.2, 0.28), (0.4, 0.38), (0.55, horizon)], 0.3)
    for k in range(14):
        x = 0.03 + 0.035 * k
        y = 0.36 + 0.1 * abs(math.sin(k * 1.7))
        if x < 0.5:
            p.rect(x, y, 0.025, 0.035, 0.08)
            p.rect(x, y, 0.025, 0.035, 0.6, 1)
    p.rect(0, horizon, 1, 1 - horizon, 0.25)
    p.hatch(0, horizon, 1, 1 - horizon, 0.4, step=0.016)
    # the Lanterna
    p.rect(0.78, 0.2, 0.035, 0.35, 0.75)
    p.rect(0.772, 0.35, 0.051, 0.02, 0.85)
    p.rect(0.785, 0.14, 0.022, 0.06, 0.3)
    p.poly([(0.78, 0.14), (0.796, 0.1), (0.812, 0.14)], 0.85)
    # a steamer
    p.poly([(0.3, 0.68), (0.7, 0.68), (0.66, 0.76), (0.34, 0.76)], 0.85)
    p.rect(0.38, 0.6, 0.22, 0.08, 0.5)
    for x in (0.44, 0.52):
        p.rect(x, 0.5, 0.03, 0.1, 0.85)
        for k in range(4):
            p.circle(x + 0.03 + k * 0.03, 0.46 - k * 0.025, 0.015 + k * 0.005, 0.35)
    p.line((0.34, 0.76), (0.66, 0.76), 0.9)


def _signing(p: _Pen) -> None:
    p.rect(0, 0, 1, 1, 0.4)
    p.hatch(0, 0, 1, 1, 0.55, step=0.014, angle=45)
    p.poly([(0.2, 0.08), (0.78, 0.1), (0.8, 0.92), (0.18, 0.9)], 0.03)
    p.text("TREATY", 0.49, 0.14, 0.06, 0.85, role="body", style="bold", centre=True)
    for i in range(9):
        y = 0.28 + i * 0.055
        p.line((0.25, y), (0.74 - (0.15 if i == 8 else 0), y + 0.002), 0.55, 0.002)
    p.circle(0.62, 0.8, 0.055, 0.7)
    p.circle(0.62, 0.8, 0.04, 0.85, 1)
    p.line((0.3, 0.82), (0.5, 0.8), 0.8, 0.002)
    # a pen
    p.poly([(0.55, 0.72), (0.9, 0.35), (0.92, 0.37), (0.57, 0.74)], 0.9)
    p.poly([(0.55, 0.72), (0.52, 0.77), (0.57, 0.74)], 0.7)


def _newspaper(p: _Pen) -> None:
    p.rect(0, 0, 1, 1, 0.3)
    p.hatch(0, 0, 1, 1, 0.42, step=0.02)
    p.poly([(0.1, 0.06), (0.9, 0.06), (0.92, 0.94), (0.08, 0.94)], 0.03)
    p.text("THE EVENING CABLE", 0.5, 0.09, 0.07, 0.9, role="body", style="bold", centre=True)
    p.line((0.12, 0.2), (0.88, 0.2), 0.8, 0.004)
    p.line((0.12, 0.215), (0.88, 0.215), 0.8, 0.002)
    p.text("EUROPE AT THE TABLE", 0.5, 0.24, 0.06, 0.9, role="body", centre=True)
    for col in range(3):
        x = 0.13 + col * 0.255
        for i in range(11):
            y = 0.36 + i * 0.047
            w = 0.22 if i % 5 != 4 else 0.14
            p.line((x, y), (x + w, y), 0.5, 0.003)
    p.rect(0.39, 0.36, 0.22, 0.2, 0.6)
    p.hatch(0.39, 0.36, 0.22, 0.2, 0.3, step=0.01, angle=45)


def _train(p: _Pen) -> None:
    horizon = 0.66
    _sky(p, horizon, 0.1)
    p.rect(0, horizon, 1, 1 - horizon, 0.3)
    p.line((0, 0.8), (1, 0.8), 0.8, 0.006)
    for k in range(20):
        p.rect(k * 0.05, 0.81, 0.03, 0.015, 0.7)
    # locomotive
    p.rect(0.3, 0.58, 0.32, 0.16, 0.85)
    p.rect(0.55, 0.48, 0.12, 0.26, 0.88)
    p.rect(0.57, 0.51, 0.05, 0.06, 0.15)
    p.rect(0.34, 0.48, 0.04, 0.1, 0.9)
    p.rect(0.33, 0.47, 0.06, 0.015, 0.9)
    for x, r in ((0.36, 0.04), (0.46, 0.05), (0.58, 0.05)):
        p.circle(x, 0.76, r, 0.92, 3)
        p.circle(x, 0.76, 0.01, 0.92)
    p.line((0.36, 0.76), (0.58, 0.76), 0.92, 0.005)
    p.poly([(0.3, 0.74), (0.24, 0.8), (0.3, 0.8)], 0.9)
    # a carriage
    p.rect(0.68, 0.56, 0.28, 0.18, 0.7)
    for k in range(4):
        p.rect(0.7 + k * 0.065, 0.59, 0.04, 0.06, 0.15)
    for x in (0.74, 0.9):
        p.circle(x, 0.77, 0.03, 0.9, 3)
    for k in range(6):
        p.circle(0.35 - k * 0.05, 0.42 - k * 0.03, 0.03 + k * 0.01, 0.35 - k * 0.03)


def _secretary(p: _Pen) -> None:
    p.rect(0, 0, 1, 1, 0.25)
    p.hatch(0, 0, 1, 1, 0.35, step=0.018, angle=45)
    p.ellipse(0.12, 0.06, 0.76, 0.9, 0.06)
    p.ellipse(0.12, 0.06, 0.76, 0.9, 0.7, 2)
    # shoulders and collar
    p.ellipse(0.22, 0.62, 0.56, 0.5, 0.8)
    p.poly([(0.42, 0.64), (0.5, 0.78), (0.58, 0.64)], 0.1)
    # head, hair and bun
    p.ellipse(0.37, 0.3, 0.26, 0.34, 0.35)
    p.ellipse(0.35, 0.24, 0.3, 0.16, 0.85)
    p.circle(0.64, 0.3, 0.055, 0.85)
    p.rect(0.46, 0.58, 0.08, 0.07, 0.35)
    # pince-nez
    p.circle(0.45, 0.45, 0.03, 0.9, 2)
    p.circle(0.55, 0.45, 0.03, 0.9, 2)
    p.line((0.48, 0.45), (0.52, 0.45), 0.9, 0.003)
    p.line((0.5, 0.56), (0.5, 0.56), 0.6, 0.003)


DRAWINGS: dict[str, Callable[[_Pen], None]] = {
    "conference": _conference, "famine": _famine, "telegram": _telegram, "villa": _villa,
    "kremlin": _kremlin, "harbour": _harbour, "signing": _signing, "newspaper": _newspaper,
    "train": _train, "secretary": _secretary,
}
