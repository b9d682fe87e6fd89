"""Patterns laid over colours, so that no status is told by colour alone:
plain, dots, lines, cross-hatching, and the diagonal hatching of the hub
power. ``fill_polygons`` lays a pattern inside polygons on a surface."""
from __future__ import annotations

import pygame

_tiles: dict[tuple, pygame.Surface] = {}


def tile(name: str, colour: pygame.Color, step: int, width: int = 1) -> pygame.Surface | None:
    """A repeating tile of the pattern, or None for 'plain'."""
    if name == "plain":
        return None
    key = (name, tuple(colour), step, width)
    t = _tiles.get(key)
    if t is not None:
        return t
    step = max(3, step)
    t = pygame.Surface((step, step), pygame.SRCALPHA)
    if name == "dots":
        r = max(1, step // 6)
        pygame.draw.circle(t, colour, (step // 2, step // 2), r)
    elif name == "lines":
        pygame.draw.line(t, colour, (0, step // 2), (step, step // 2), width)
    elif name == "cross":
        pygame.draw.line(t, colour, (0, step // 2), (step, step // 2), width)
        pygame.draw.line(t, colour, (step // 2, 0), (step // 2, step), width)
    elif name == "diagonal":
        pygame.draw.line(t, colour, (0, step), (step, 0), width)
        pygame.draw.line(t, colour, (-1, 1), (1, -1), width)
        pygame.draw.line(t, colour, (step - 1, step + 1), (step + 1, step - 1), width)
    _tiles[key] = t
    return t


def tiled(size: tuple[int, int], t: pygame.Surface, origin: tuple[int, int] = (0, 0)) -> pygame.Surface:
    w, h = size
    out = pygame.Surface((max(1, w), max(1, h)), pygame.SRCALPHA)
    tw, th = t.get_size()
    ox, oy = -(origin[0] % tw), -(origin[1] % th)
    for y in range(oy, h, th):
        for x in range(ox, w, tw):
            out.blit(t, (x, y))
    return out


def fill_polygons(surface: pygame.Surface, polygons: list[list[tuple[float, float]]], t: pygame.Surface | None,
                  holes: list[list[tuple[float, float]]] | None = None) -> None:
    """Lay the tile inside the polygons (screen coordinates), aligned to the surface."""
    if t is None or not polygons:
        return
    xs = [p[0] for poly in polygons for p in poly]
    ys = [p[1] for poly in polygons for p in poly]
    x0, y0 = int(min(xs)) - 1, int(min(ys)) - 1
    w, h = int(max(xs)) - x0 + 2, int(max(ys)) - y0 + 2
    if w <= 0 or h <= 0:
        return
    mask = pygame.Surface((w, h), pygame.SRCALPHA)
    for poly in polygons:
        if len(poly) >= 3:
            pygame.draw.polygon(mask, (255, 255, 255, 255), [(x - x0, y - y0) for x, y in poly])
    for hole in holes or []:
        if len(hole) >= 3:
            pygame.draw.polygon(mask, (0, 0, 0, 0), [(x - x0, y - y0) for x, y in hole])
    pat = tiled((w, h), t, (x0, y0))
    pat.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    surface.blit(pat, (x0, y0))


def swatch(surface: pygame.Surface, rect: pygame.Rect, fill: pygame.Color, pattern: str,
           ink: pygame.Color, step: int) -> None:
    """A legend box: colour, pattern and an ink border."""
    pygame.draw.rect(surface, fill, rect)
    t = tile(pattern, ink, step)
    if t is not None:
        pat = tiled(rect.size, t, rect.topleft)
        surface.blit(pat, rect.topleft)
    pygame.draw.rect(surface, ink, rect, 1)
