"""The map for the student page: a plain SVG drawn once from the game's map asset (game/mapdata.py), with
each power's land marked ``data-power`` (colonies ``data-owner``) so the page can shade it by the power's
standing with the hub and name it in words beside the map."""
from __future__ import annotations

from html import escape

from game.mapdata import Ring, WorldMap, load_map


def _path(rings: list[Ring]) -> str:
    return " ".join("M" + " ".join(f"{x:.1f},{y:.1f}" for x, y in ring) + "Z" for ring in rings if ring)


def map_svg(world: WorldMap | None = None, powers: dict[str, str] | None = None) -> str:
    """The SVG text; ``powers`` (id -> name) are the powers of the game, labelled on the map."""
    world = world or load_map()
    powers = powers or {}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {world.width:.0f} {world.height:.0f}" '
           'role="img" aria-labelledby="map-title"><title id="map-title">Map of Europe in 1922</title>',
           f'<rect class="sea" width="{world.width:.0f}" height="{world.height:.0f}"/>']
    for r in world.regions:
        attrs = f' data-power="{escape(r.power)}"' if r.power in powers else ""
        attrs += f' data-owner="{escape(r.owner)}"' if r.owner in powers else ""
        out.append(f'<path class="land"{attrs} fill-rule="evenodd" d="{_path(r.polygons + r.holes)}">'
                   f'<title>{escape(r.name)}</title></path>')
    for inset in world.insets:
        x0, y0, x1, y1 = inset.box
        attrs = f' data-power="{escape(inset.power)}"' if inset.power in powers else ""
        out.append(f'<rect class="inset" x="{x0}" y="{y0}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}"/>'
                   f'<path class="land"{attrs} d="{_path(inset.polygons)}"><title>{escape(inset.name)}</title></path>')
    labels = {r.power: r.label for r in world.regions if r.power in powers}
    labels.update({i.power: i.label for i in world.insets if i.power in powers})
    for pid, (x, y) in labels.items():
        out.append(f'<text class="label" x="{x:.1f}" y="{y:.1f}" text-anchor="middle">{escape(powers[pid])}</text>')
    out.append("</svg>")
    return "".join(out)
