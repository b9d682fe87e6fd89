"""Text drawn by hand (on the map, in charts, in pictures): the bundled
fonts at pixel sizes, and a cache of rendered lines so that a frame that
draws what it drew before lays out nothing new."""
from __future__ import annotations

from collections import OrderedDict

import pygame

from game.ui import stats
from game.ui.theme import FONT_FILES, FONTS

_fonts: dict[tuple[str, str, int], pygame.font.Font] = {}
_cache: "OrderedDict[tuple, pygame.Surface]" = OrderedDict()
CACHE_SIZE = 3000


def font(role: str, px: int, style: str = "regular") -> pygame.font.Font:
    key = (role, style, px)
    f = _fonts.get(key)
    if f is None:
        files = FONT_FILES[role]
        f = pygame.font.Font(str(FONTS / files.get(style, files["regular"])), max(6, px))
        if style not in files:
            f.bold = style == "bold"
            f.italic = style == "italic"
        _fonts[key] = f
    return f


def render(text: str, role: str, px: int, colour: pygame.Color | str | tuple, style: str = "regular") -> pygame.Surface:
    """One line of text, antialiased on a transparent background (cached)."""
    c = pygame.Color(colour)
    key = (text, role, px, style, tuple(c))
    surf = _cache.get(key)
    if surf is not None:
        _cache.move_to_end(key)
        return surf
    stats.bump("render")
    surf = font(role, px, style).render(text, True, c)
    _cache[key] = surf
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return surf


def wrap(text: str, role: str, px: int, width: int, style: str = "regular") -> list[str]:
    """Break text into lines no wider than ``width`` pixels."""
    f = font(role, px, style)
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        line = ""
        for w in words:
            trial = f"{line} {w}".strip()
            if line and f.size(trial)[0] > width:
                lines.append(line)
                line = w
            else:
                line = trial
        lines.append(line)
    return lines


def blit_lines(surface: pygame.Surface, lines: list[str], pos: tuple[int, int], role: str, px: int,
               colour: pygame.Color | str, style: str = "regular", leading: float = 1.25) -> int:
    """Draw lines downwards from pos; returns the y below the last."""
    x, y = pos
    step = int(px * leading)
    for line in lines:
        if line:
            surface.blit(render(line, role, px, colour, style), (x, y))
        y += step
    return y


def clear_cache() -> None:
    _cache.clear()
