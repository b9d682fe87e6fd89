"""The map of Europe, drawn from the vector asset (assets/map) at whatever
size the window has: sea with engraved lines, every region filled by its
power's relations with the hub (colour, pattern and label together), the
hub hatched, colonies paler than their owners, the United States and Japan
in insets of their own, the cities of the story, and a legend.

The drawing is cached and made again only when the layout or what it
shows changes; hovering outlines one power on top of the cached picture.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from game.mapdata import Region, WorldMap, load_map
from game.ui import text as tx
from game.ui.theme import HUB_PATTERN, PATTERNS, Palette
from game.ui.widgets.patterns import fill_polygons, swatch, tile

#: Cities whose label goes to the left of the dot (their neighbours crowd the right).
LEFT_LABELS = {"genoa", "the_hague", "cannes", "paris", "geneva"}
#: Cities shown (the rest of the asset's cities are kept for other scenarios).
SHOWN_CITIES = {"moscow", "berlin", "london", "paris", "rome", "genoa", "rapallo", "the_hague", "warsaw",
                "washington", "tokyo", "constantinople", "brussels"}

_world: WorldMap | None = None


def world() -> WorldMap:
    global _world
    if _world is None:
        _world = load_map()
    return _world


@dataclass
class Hit:
    power: str | None          # a power of the scenario, if the point is on one (or its inset)
    region: str | None         # the region's name, for neutral lands and colonies
    owner: str | None = None   # for a colony: the power holding it


class MapView:
    def __init__(self, powers: list[str], hub: str) -> None:
        self.map = world()
        self.powers = set(powers)
        self.hub = hub
        self.rect = pygame.Rect(0, 0, 1, 1)
        self.k = 1.0
        self.off = (0.0, 0.0)
        self._screen: dict[str, list[list[tuple[float, float]]]] = {}
        self._holes: dict[str, list[list[tuple[float, float]]]] = {}
        self._surface: pygame.Surface | None = None
        self._key: tuple | None = None
        #: The text-size factor: names, cities and the legend grow with it (shapes do not).
        self.text = 1.0

    # --- geometry -------------------------------------------------------------------------

    def power_of(self, region: Region) -> str | None:
        if region.power in self.powers:
            return region.power
        if region.id in self.powers:
            return region.id
        return None

    def layout(self, rect: pygame.Rect) -> None:
        if rect == self.rect and self._screen:
            return
        self.rect = pygame.Rect(rect)
        k = min(rect.width / self.map.width, rect.height / self.map.height)
        self.k = k
        self.off = (rect.x + (rect.width - self.map.width * k) / 2, rect.y + (rect.height - self.map.height * k) / 2)
        self._screen = {}
        self._holes = {}
        for r in self.map.regions:
            self._screen[r.id] = [self._project(poly) for poly in r.polygons]
            self._holes[r.id] = [self._project(poly) for poly in r.holes]
        for i in self.map.insets:
            self._screen["inset:" + i.id] = [self._project(poly) for poly in i.polygons]
        self._key = None

    def _project(self, poly: list[tuple[float, float]]) -> list[tuple[float, float]]:
        a = np.asarray(poly, dtype=float) * self.k
        a[:, 0] += self.off[0]
        a[:, 1] += self.off[1]
        return [tuple(p) for p in a.tolist()]

    def to_screen(self, x: float, y: float) -> tuple[int, int]:
        return int(self.off[0] + x * self.k), int(self.off[1] + y * self.k)

    def to_logical(self, pos: tuple[int, int]) -> tuple[float, float]:
        return (pos[0] - self.off[0]) / self.k, (pos[1] - self.off[1]) / self.k

    def hit(self, pos: tuple[int, int]) -> Hit | None:
        if not self.rect.collidepoint(pos):
            return None
        x, y = self.to_logical(pos)
        inset = self.map.inset_at(x, y)
        if inset is not None:
            power = inset.power if inset.power in self.powers else (inset.id if inset.id in self.powers else None)
            return Hit(power, inset.name)
        region = self.map.region_at(x, y)
        if region is None:
            return None
        power = self.power_of(region)
        owner = region.owner if region.owner in self.powers else None
        return Hit(power, region.name, owner)

    def anchor(self, power: str) -> tuple[int, int] | None:
        """Where a power sits on the screen (its label point), for focus and hover cards."""
        for r in self.map.regions:
            if self.power_of(r) == power:
                return self.to_screen(*r.label)
        for i in self.map.insets:
            if power in (i.power, i.id):
                return self.to_screen(*i.label)
        return None

    def on_map(self, power: str) -> bool:
        return self.anchor(power) is not None

    # --- drawing --------------------------------------------------------------------------

    def colours(self, pal: Palette, statuses: dict[str, int]) -> dict[str, tuple[pygame.Color, str]]:
        """Region id -> (fill, pattern)."""
        out: dict[str, tuple[pygame.Color, str]] = {}
        land = pal.rgb("land")
        paper = pal.rgb("paper_light")
        for r in self.map.regions:
            power = self.power_of(r)
            if power == self.hub:
                out[r.id] = (pal.rgb("hub").lerp(paper, 0.35), HUB_PATTERN)
            elif power is not None:
                level = statuses.get(power, 0)
                out[r.id] = (pal.status(level), PATTERNS.get(level, "plain"))
            elif r.owner in self.powers and r.owner != self.hub:
                out[r.id] = (pal.status(statuses.get(r.owner, 0)).lerp(land, 0.6), "plain")
            else:
                out[r.id] = (land, "plain")
        return out

    def surface(self, pal: Palette, statuses: dict[str, int], scale_px: float, names: dict[str, str],
                labels: dict[str, str]) -> pygame.Surface:
        key = (tuple(self.rect), tuple(sorted(statuses.items())), pal.paper, scale_px, self.text)
        if self._surface is not None and self._key == key:
            return self._surface
        self._surface = self._draw(pal, statuses, scale_px, names, labels)
        self._key = key
        return self._surface

    def _draw(self, pal: Palette, statuses: dict[str, int], s: float, names: dict[str, str],
              labels: dict[str, str]) -> pygame.Surface:
        w, h = self.rect.size
        surf = pygame.Surface((w, h))
        ox, oy = self.rect.topleft
        surf.fill(pal.rgb("sea"))
        gap = max(4, int(6 * s))
        line_c = pal.rgb("sea_line")
        for yy in range(0, h, gap):
            pygame.draw.line(surf, line_c, (0, yy), (w, yy))
        fills = self.colours(pal, statuses)
        ink = pal.rgb("ink")
        pat_ink = pal.rgb("ink_soft")
        step = max(4, int(7 * s))

        def local(polys: list[list[tuple[float, float]]]) -> list[list[tuple[float, float]]]:
            return [[(x - ox, y - oy) for x, y in poly] for poly in polys]

        # Regions: fill, pattern, borders.
        for r in self.map.regions:
            fill, pattern = fills[r.id]
            polys = local(self._screen[r.id])
            for poly in polys:
                if len(poly) >= 3:
                    pygame.draw.polygon(surf, fill, poly)
            for hole in local(self._holes[r.id]):
                if len(hole) >= 3:
                    pygame.draw.polygon(surf, pal.rgb("sea"), hole)
            if pattern != "plain":
                colour = pal.rgb("hub") if pattern == HUB_PATTERN else pat_ink
                fill_polygons(surf, polys, tile(pattern, colour, step if pattern != HUB_PATTERN else step + 1,
                                                max(1, int(s))), local(self._holes[r.id]))
        border = pal.rgb("ink_soft")
        for r in self.map.regions:
            strong = self.power_of(r) is not None
            for poly in local(self._screen[r.id]) + local(self._holes[r.id]):
                if len(poly) >= 2:
                    if strong:
                        pygame.draw.lines(surf, ink, True, poly, max(1, int(1.2 * s)))
                    else:
                        pygame.draw.aalines(surf, border, True, poly)
        # Insets.
        for i in self.map.insets:
            x0, y0, x1, y1 = i.box
            a = self.to_screen(x0, y0)
            b = self.to_screen(x1, y1)
            box = pygame.Rect(a[0] - ox, a[1] - oy, b[0] - a[0], b[1] - a[1])
            pygame.draw.rect(surf, pal.rgb("paper_light"), box)
            power = i.power if i.power in self.powers else (i.id if i.id in self.powers else None)
            if power is not None:
                level = statuses.get(power, 0)
                fill = pal.status(level) if power != self.hub else pal.rgb("hub")
                pattern = PATTERNS.get(level, "plain") if power != self.hub else HUB_PATTERN
            else:
                fill, pattern = pal.rgb("land"), "plain"
            polys = local(self._screen["inset:" + i.id])
            for poly in polys:
                if len(poly) >= 3:
                    pygame.draw.polygon(surf, fill, poly)
            if pattern != "plain":
                fill_polygons(surf, polys, tile(pattern, pat_ink, step, max(1, int(s))))
            for poly in polys:
                if len(poly) >= 2:
                    pygame.draw.lines(surf, ink, True, poly, max(1, int(s)))
            pygame.draw.rect(surf, ink, box, max(1, int(s)))
            pygame.draw.rect(surf, ink, box.inflate(-max(3, int(4 * s)), -max(3, int(4 * s))), 1)
            title = tx.render(i.name.upper(), "telegram", max(8, int(10 * s * self.text)), ink, "bold")
            surf.blit(title, (box.x + int(6 * s), box.bottom - title.get_height() - int(5 * s)))
        # Power names with their relations written under them, placed so that they do not collide.
        placed: list[pygame.Rect] = []
        regions = sorted((r for r in self.map.regions if self.power_of(r) is not None), key=lambda r: -r.area)
        for r in regions:
            power = self.power_of(r)
            x, y = self.to_screen(*r.label)
            plate = self._place(surf, (x - ox, y - oy), names.get(power, r.name), labels.get(power, ""), pal, s,
                                placed)
            placed.append(plate)
        # Cities: the dot always, the name where it does not cover a label.
        for c in self.map.cities:
            if c.id not in SHOWN_CITIES:
                continue
            x, y = self.to_screen(*c.xy)
            x, y = x - ox, y - oy
            pygame.draw.circle(surf, ink, (x, y), max(2, int(2.2 * s)))
            pygame.draw.circle(surf, pal.rgb("paper_light"), (x, y), max(1, int(1.1 * s)))
            lab = tx.render(c.name, "body", max(8, int(11 * s * self.text)), ink, "italic")
            lx = x - lab.get_width() - int(4 * s) if c.id in LEFT_LABELS else x + int(4 * s)
            where = pygame.Rect(lx, y - lab.get_height() // 2, lab.get_width(), lab.get_height())
            if where.collidelist(placed) < 0:
                surf.blit(lab, where.topleft)
                placed.append(where)
        return surf

    def _place(self, surf: pygame.Surface, pos: tuple[int, int], name: str, sub: str, pal: Palette, s: float,
               placed: list[pygame.Rect]) -> pygame.Rect:
        """Draw a label plate at the first nearby spot that is free; a leader line if it had to move."""
        ink = pal.rgb("ink")
        big = tx.render(name.upper(), "body", max(9, int(13 * s * self.text)), ink, "bold")
        small = tx.render(sub, "ui", max(8, int(10 * s * self.text)), ink) if sub else None
        pad = int(4 * s)
        w = max(big.get_width(), small.get_width() if small else 0) + 2 * pad
        h = big.get_height() + (small.get_height() if small else 0) + int(2 * s)
        x, y = pos
        plate = pygame.Rect(0, 0, w, h)
        best = None
        for dx, dy in ((0, 0), (0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1), (0, -2),
                       (0, 2), (2, 0), (-2, 0)):
            plate.center = (x + int(dx * w * 0.6), y + int(dy * h * 1.05))
            if plate.collidelist(placed) < 0 and surf.get_rect().contains(plate):
                best = pygame.Rect(plate)
                break
        if best is None:
            plate.center = (x, y)
            best = pygame.Rect(plate)
        if abs(best.centerx - x) > w * 0.3 or abs(best.centery - y) > h * 0.6:
            edge = (min(max(x, best.left), best.right), min(max(y, best.top), best.bottom))
            pygame.draw.line(surf, ink, (x, y), edge, max(1, int(s)))
            pygame.draw.circle(surf, ink, (x, y), max(2, int(2 * s)))
        veil = pygame.Surface(best.size, pygame.SRCALPHA)
        c = pal.rgb("paper_light")
        veil.fill((c.r, c.g, c.b, 190))
        surf.blit(veil, best.topleft)
        pygame.draw.rect(surf, pal.rgb("ink_faint"), best, 1)
        surf.blit(big, (best.centerx - big.get_width() // 2, best.y + int(1 * s)))
        if small is not None:
            surf.blit(small, (best.centerx - small.get_width() // 2, best.y + big.get_height()))
        return best

    def draw_highlight(self, surface: pygame.Surface, power: str, colour: pygame.Color, width: int) -> None:
        for r in self.map.regions:
            if self.power_of(r) == power:
                for poly in self._screen[r.id]:
                    if len(poly) >= 2:
                        pygame.draw.lines(surface, colour, True, poly, width)
        for i in self.map.insets:
            if power in (i.power, i.id):
                for poly in self._screen["inset:" + i.id]:
                    if len(poly) >= 2:
                        pygame.draw.lines(surface, colour, True, poly, width)

    def legend_size(self, s: float, rows: list[tuple[pygame.Color, str, str]], title: str) -> tuple[int, int]:
        px = max(8, int(13 * s * self.text))
        lh = max(int(20 * s), int(px * 1.45))
        width = max(tx.font("ui", px).size(t)[0] for _, _, t in rows) + int(22 * s) + int(24 * s)
        width = max(width, tx.font("telegram", px, "bold").size(title.upper())[0] + int(16 * s))
        return width, lh * len(rows) + int(34 * s)

    def legend_corner(self, s: float, rows: list[tuple[pygame.Color, str, str]], title: str,
                      margin: int) -> tuple[int, int]:
        """The bottom corner (its bottom-right point) where the legend hides the fewest powers' names: the
        bottom right unless that covers more of them (a long campaign's Persia and Afghanistan at large text)."""
        w, h = self.legend_size(s, rows, title)
        r = self.rect
        corners = [(r.right - margin, r.bottom - margin), (r.x + margin + w, r.bottom - margin)]
        names = [a for a in (self.anchor(p) for p in self.powers) if a is not None]
        reach = (int(70 * s * self.text), int(24 * s * self.text))     # about half a name's label

        def hidden(corner: tuple[int, int]) -> int:
            box = pygame.Rect(corner[0] - w, corner[1] - h, w, h).inflate(reach[0] * 2, reach[1] * 2)
            return sum(box.collidepoint(a) for a in names)
        return min(corners, key=hidden)

    def legend(self, surface: pygame.Surface, pos: tuple[int, int], pal: Palette, s: float,
               rows: list[tuple[pygame.Color, str, str]], title: str) -> pygame.Rect:
        """A legend box: colour, pattern and words for each row (its words in the text size); ``pos`` is
        its bottom-right corner."""
        px = max(8, int(13 * s * self.text))
        sw = int(22 * s)
        lh = max(int(20 * s), int(px * 1.45))
        width, height = self.legend_size(s, rows, title)
        box = pygame.Rect(pos[0] - width, pos[1] - height, width, height)
        pygame.draw.rect(surface, pal.rgb("paper_light"), box)
        pygame.draw.rect(surface, pal.rgb("ink"), box, max(1, int(s)))
        surface.blit(tx.render(title.upper(), "telegram", px, pal.rgb("ink"), "bold"), (box.x + int(8 * s), box.y + int(7 * s)))
        y = box.y + int(28 * s)
        for fill, pattern, label in rows:
            r = pygame.Rect(box.x + int(8 * s), y + int(2 * s), sw, lh - int(6 * s))
            swatch(surface, r, fill, pattern, pal.rgb("hub") if pattern == HUB_PATTERN else pal.rgb("ink_soft"),
                   max(4, int(6 * s)))
            surface.blit(tx.render(label, "ui", px, pal.rgb("ink")), (r.right + int(8 * s), y + int(1 * s)))
            y += lh
        return box
