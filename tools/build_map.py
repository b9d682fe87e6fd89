#!/usr/bin/env python3
"""Build the game's map asset, assets/map/europe_1921.json, from the 1920 world borders.

Rebuilding needs shapely >= 2.1 (build time only):   pip install shapely
The game never imports shapely: at run time it only reads the JSON, through
game/mapdata.py.

    python tools/build_map.py [--source PATH] [--out assets/map/europe_1921.json]
                              [--preview out.png]

Source: world_1920.geojson from aourednik/historical-basemaps (commit 137f2c6,
GPL-3.0), kept at ../shared/data/maps/ beside the repository.

What the build does
  1. Reads the features (property NAME) and cuts them to a lon/lat window
     around Europe, North Africa and the Near and Middle East.
  2. Moves the pieces listed in ZONE_TRANSFERS and merges polities into game
     regions (SOURCE_TO_REGION); unnamed features (small islands, the Straits
     zone, northern Arabia) are folded into a region by POINT_OVERRIDES or
     into the nearest region, or dropped when nothing is near.
  3. Densifies the edges, projects with a spherical Lambert conformal conic
     (lon0 30E, standard parallels 35N and 65N, written here with numpy),
     and scales to a logical canvas 1000 units wide, y growing downwards.
  4. Clips to the canvas, cuts out the two inset boxes (United States,
     Japan), removes overlaps, simplifies all regions together with
     shapely.coverage_simplify so neighbours keep one shared border, drops
     islands and holes below a minimum area, and rounds to 0.1 unit.
  5. Places labels at the pole of inaccessibility of each region's largest
     polygon, projects the cities (nudging a coastal city inside its region
     when the coarse coastline misses it), and draws the two insets in
     their own Lambert projections.

Asset format (read by game/mapdata.py)
  {"format": 1, "source", "projection": {LCC parameters, x_min, y_max, scale,
  offset}, "width", "height", "regions": [{"id", "name", "power", "owner",
  "polygons": [outer rings], "holes": [rings], "label": [x, y], "bbox"}],
  "insets": [{"id", "name", "power", "box", "label", "polygons",
  "projection"}], "cities": [{"id", "name", "xy", "region"}]}. Rings are
  open lists of [x, y] (the last point does not repeat the first), rounded
  to 0.1. Logical x = (X - x_min) * scale + offset_x and
  y = (y_max - Y) * scale + offset_y, where (X, Y) is the unit-sphere Lambert
  conformal conic of (lon, lat) with `lcc` below. "power" equals the id for
  the ten playable powers and is null elsewhere; "owner" names the power
  holding a colony, protectorate or mandate.

1921-22 adjustments made to the 1920 data
  * Soviet Russia is one region: USSR, Ukraine, White Russia, South Russia
    (Crimea), the Far Eastern Republic, and Georgia, Armenia and Azerbaijan,
    all Sovietized by early 1921.
  * Turkey (the Ankara government) replaces the Sevres partition that the
    1920 data draws: the Ottoman Sultanate, the Straits zone, the Italian
    and French zones, the Greek Smyrna zone and Eastern Thrace, and the part
    of "Wilsonian" Armenia and of Georgia west of the Kars line become
    Turkey. The line used (TURKEY_1921) follows the Maritsa/Evros, the
    Treaty of Kars border (October 1921: Akhurian and Aras rivers, Batumi
    Soviet) and the Treaty of Ankara border with French Syria (October
    1921: Payas - Chobanbey - Nusaybin - Cizre); it anticipates the Greek
    withdrawal of 1922 and the Lausanne settlement, which held to 1933.
  * Transjordan (a British mandate from April 1921) is cut out of
    "Mesopotamia (GB)" along the later Iraq-Transjordan line.
  * The Vilnius region, which the 1920 data gives to Lithuania, is Polish
    (Zeligowski's Central Lithuania, October 1920, annexed 1922).
  * The Polish-Soviet border is left as the data draws it: it already
    follows the Treaty of Riga line of March 1921 at this scale (Pinsk,
    Rivne and Lviv Polish, Minsk Soviet); SANITY_POINTS checks this.
  * Emirate of Bin Shal'an, Hail and unnamed northern Arabia are one region,
    Nejd (Ibn Saud took Hail in November 1921).
  * Cyprus is split from the United Kingdom as a British colony; Ireland
    stays with Britain (the Irish Free State dates from December 1922).
    Greenland is dropped (it lies outside the view).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

try:
    import shapely
    from shapely.geometry import MultiPolygon, Point, Polygon, box, shape
    from shapely.ops import polylabel
except ImportError:  # pragma: no cover - build-time dependency only
    sys.exit("tools/build_map.py needs shapely at build time: pip install shapely")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "maps" / "world_1920.geojson"
DEFAULT_OUT = ROOT / "assets" / "map" / "europe_1921.json"
SOURCE_NOTE = ("aourednik/historical-basemaps geojson/world_1920.geojson "
               "(commit 137f2c6), GPL-3.0")

# --- projection and canvas -------------------------------------------------

PROJECTION = {"type": "lambert_conformal_conic", "lon0": 30.0, "lat0": 50.0,
              "lat1": 35.0, "lat2": 65.0}
VIEW = (-0.68, -0.40, 0.64, 0.42)  # x_min, y_min, x_max, y_max on the unit sphere
WIDTH = 1000.0
LONLAT_WINDOW = (-45.0, 12.0, 135.0, 84.0)  # cut before projecting
DENSIFY_DEG = 0.25          # longest edge before projection, degrees
SIMPLIFY_TOLERANCE = 0.25   # logical units
MIN_PART_AREA = 2.0         # logical units^2 (one unit is about 8 km)
MIN_HOLE_AREA = 25.0
SLIVER_AREA = 40.0          # smaller secondary parts touching a neighbour join it
LABEL_EDGE_MARGIN = 30.0    # keep label points this far from the canvas sides
INSET_MARGIN = 3.0          # land is cut this far around an inset box

# --- regions ----------------------------------------------------------------

POWERS = {
    "soviet_russia": "Soviet Russia", "britain": "Britain", "france": "France",
    "germany": "Germany", "italy": "Italy", "belgium": "Belgium",
    "poland": "Poland", "turkey": "Turkey", "persia": "Persia",
    "afghanistan": "Afghanistan",
}
# id -> (display name, owner power or None) for regions that are not powers.
NEUTRALS = {
    "portugal": ("Portugal", None), "spain": ("Spain", None),
    "switzerland": ("Switzerland", None), "luxembourg": ("Luxembourg", None),
    "netherlands": ("Netherlands", None), "denmark": ("Denmark", None),
    "norway": ("Norway", None), "sweden": ("Sweden", None),
    "finland": ("Finland", None), "estonia": ("Estonia", None),
    "latvia": ("Latvia", None), "lithuania": ("Lithuania", None),
    "czechoslovakia": ("Czechoslovakia", None), "austria": ("Austria", None),
    "hungary": ("Hungary", None), "romania": ("Romania", None),
    "yugoslavia": ("Yugoslavia", None), "bulgaria": ("Bulgaria", None),
    "albania": ("Albania", None), "greece": ("Greece", None),
    "iceland": ("Iceland", None), "mongolia": ("Mongolia", None),
    "xinjiang": ("Xinjiang", None), "tibet": ("Tibet", None),
    "nejd": ("Nejd", None), "hejaz": ("Hejaz", None),
    "spanish_sahara": ("Spanish Sahara", None), "sudan": ("Sudan", "britain"),
    "morocco": ("Morocco", "france"), "algeria": ("Algeria", "france"),
    "tunisia": ("Tunisia", "france"), "libya": ("Libya", "italy"),
    "egypt": ("Egypt", "britain"), "syria": ("Syria", "france"),
    "palestine": ("Palestine", "britain"), "transjordan": ("Transjordan", "britain"),
    "mesopotamia": ("Mesopotamia", "britain"), "cyprus": ("Cyprus", "britain"),
    "british_india": ("British India", "britain"), "qatar": ("Qatar", "britain"),
    "trucial_oman": ("Trucial Oman", "britain"),
    "muscat_and_oman": ("Muscat and Oman", "britain"),
    "french_west_africa": ("French West Africa", "france"),
    "french_equatorial_africa": ("French Equatorial Africa", "france"),
}
SOURCE_TO_REGION = {
    "USSR": "soviet_russia", "Ukraine": "soviet_russia",
    "White Russia": "soviet_russia", "South Russia": "soviet_russia",
    "Far Eastern SSR": "soviet_russia", "Georgia": "soviet_russia",
    "Armenia": "soviet_russia", "Azerbaijan": "soviet_russia",
    "United Kingdom of Great Britain and Ireland": "britain",
    "East Prussia": "germany", "Ottoman Sultanate": "turkey", "Iran": "persia",
    "Yugoslavia": "yugoslavia", "Emirate of Bin Shal'an": "nejd", "Hail": "nejd",
    "Rio De Oro": "spanish_sahara", "Libya (IT)": "libya",
    "Syria (France)": "syria", "Mesopotamia (GB)": "mesopotamia",
    "Mandatory Palestine (GB)": "palestine", "British Raj": "british_india",
}
# Points (lon, lat) on unnamed features that must not go to the nearest region.
POINT_OVERRIDES = [
    ((28.97, 41.01), "turkey"),   # Straits zone, European shore (Constantinople)
    ((29.06, 40.19), "turkey"),   # Straits zone, Asian shore (Bursa)
    ((40.65, 29.19), "nejd"),     # northern Arabia
    ((-6.8, 62.0), "denmark"),    # Faroe Islands (Torshavn)
]
UNNAMED_FOLD_DEG = 2.5        # fold an unnamed island into a region this near
DROP_SOURCE_PARTS_WEST_OF = {"Denmark": -30.0}  # Greenland
CYPRUS_BOX = (32.0, 34.4, 34.7, 35.8)

TURKEY_1921 = [  # lon, lat; see the module docstring
    (25.9, 40.55), (26.03, 40.73), (26.30, 40.93), (26.37, 41.15), (26.62, 41.35),
    (26.62, 41.55), (26.53, 41.65), (26.36, 41.72), (27.5, 42.6), (40.5, 42.4),
    (41.45, 41.62), (41.55, 41.52), (42.0, 41.50), (42.5, 41.45), (42.83, 41.58),
    (43.47, 41.12), (43.60, 40.90), (43.58, 40.50), (43.66, 40.12), (44.0, 40.02),
    (44.35, 40.0), (44.60, 39.83), (44.77, 39.71), (46.0, 38.5), (46.0, 37.15),
    (44.8, 37.15), (44.2, 37.25), (43.0, 37.3), (42.4, 37.12), (42.2, 37.30),
    (41.2, 37.07), (40.05, 36.85), (39.0, 36.70), (38.0, 36.83), (37.35, 36.64),
    (37.0, 36.65), (36.83, 36.83), (36.2, 36.74), (36.05, 36.78), (35.55, 36.5),
    (35.0, 35.8), (29.5, 35.8), (28.6, 36.52), (27.45, 36.55), (27.45, 36.93),
    (27.12, 36.95), (27.12, 37.30), (26.2, 37.3), (26.2, 40.3),
]
TRANSJORDAN_1921 = [
    (34.5, 33.5), (38.79, 33.37), (39.3, 32.2), (37.5, 31.0), (38.0, 30.0),
    (37.5, 29.5), (36.5, 29.0), (34.5, 29.0),
]
VILNIUS_TO_POLAND = [
    (22.8, 54.35), (23.4, 54.2), (23.7, 54.05), (24.1, 54.1), (24.5, 54.45),
    (24.8, 54.75), (24.9, 55.0), (25.3, 55.15), (25.7, 55.3), (26.0, 55.45),
    (26.3, 55.62), (26.6, 55.68), (27.8, 55.8), (27.8, 53.5), (22.8, 53.5),
]
# (source NAMEs, zone, target): the pieces of those features inside the zone
# go to the target region instead of their usual one.
ZONE_TRANSFERS = [
    (("Greece", "Italy", "Syria (France)", "Armenia", "Georgia", "Azerbaijan"),
     TURKEY_1921, "turkey"),
    (("Mesopotamia (GB)",), TRANSJORDAN_1921, "transjordan"),
    (("Lithuania",), VILNIUS_TO_POLAND, "poland"),
]
# Label positions (lon, lat) where the pole of inaccessibility is a poor choice.
LABEL_OVERRIDES = {"soviet_russia": (45.0, 57.5)}

# --- cities -----------------------------------------------------------------

CITIES = [  # id, name, lon, lat, region expected to hold it
    ("moscow", "Moscow", 37.62, 55.75, "soviet_russia"),
    ("berlin", "Berlin", 13.40, 52.52, "germany"),
    ("london", "London", -0.13, 51.51, "britain"),
    ("paris", "Paris", 2.35, 48.86, "france"),
    ("rome", "Rome", 12.50, 41.90, "italy"),
    ("genoa", "Genoa", 8.93, 44.41, "italy"),
    ("rapallo", "Rapallo", 9.23, 44.35, "italy"),
    ("cannes", "Cannes", 7.01, 43.55, "france"),
    ("the_hague", "The Hague", 4.30, 52.08, "netherlands"),
    ("brussels", "Brussels", 4.35, 50.85, "belgium"),
    ("warsaw", "Warsaw", 21.01, 52.23, "poland"),
    ("riga", "Riga", 24.11, 56.95, "latvia"),
    ("ankara", "Ankara", 32.85, 39.93, "turkey"),
    ("constantinople", "Constantinople", 28.97, 41.01, "turkey"),
    ("geneva", "Geneva", 6.14, 46.20, "switzerland"),
    ("tehran", "Tehran", 51.39, 35.69, "persia"),
    ("kabul", "Kabul", 69.17, 34.53, "afghanistan"),
]
INSET_CITIES = [
    ("washington", "Washington", -77.04, 38.91, "united_states"),
    ("tokyo", "Tokyo", 139.69, 35.69, "japan"),
]
# Build-time checks of the adjustments: (lon, lat) -> region id.
SANITY_POINTS = {
    (27.56, 53.90): "soviet_russia", (26.10, 52.10): "poland",
    (26.25, 50.62): "poland", (24.03, 49.84): "poland", (25.28, 54.69): "poland",
    (23.90, 54.90): "lithuania", (44.50, 40.18): "soviet_russia",
    (41.66, 41.60): "soviet_russia", (43.10, 40.60): "turkey",
    (41.27, 39.90): "turkey", (27.14, 38.42): "turkey", (26.56, 41.68): "turkey",
    (35.32, 37.00): "turkey", (30.70, 36.89): "turkey", (37.16, 36.20): "syria",
    (36.17, 36.59): "syria", (35.93, 31.95): "transjordan",
    (44.36, 33.31): "mesopotamia", (28.10, 36.20): "italy",
    (22.90, 40.64): "greece", (33.40, 35.10): "cyprus",
}


@dataclass
class Inset:
    """An off-map power drawn in its own box, with its own projection."""
    id: str
    name: str
    source_name: str
    clip: tuple[float, float, float, float]     # lon/lat window of the outline
    projection: dict
    box: tuple[float, float, float, float]      # logical canvas box
    label: tuple[float, float]                  # lon, lat of the name


INSETS = [
    Inset("united_states", "United States", "United States",
          (-125.0, 24.0, -66.0, 50.0),
          {"type": "lambert_conformal_conic", "lon0": -96.0, "lat0": 38.0,
           "lat1": 33.0, "lat2": 45.0},
          (6.0, 6.0, 186.0, 122.0), (-99.0, 39.5)),
    Inset("japan", "Japan", "Empire of Japan", (123.5, 30.5, 146.5, 45.8),
          {"type": "lambert_conformal_conic", "lon0": 136.0, "lat0": 38.0,
           "lat1": 33.0, "lat2": 43.0},
          (864.0, 6.0, 994.0, 136.0), (134.6, 40.6)),
]


# --- projection -------------------------------------------------------------

def lcc(lon: np.ndarray, lat: np.ndarray, p: dict) -> tuple[np.ndarray, np.ndarray]:
    """Spherical Lambert conformal conic on the unit sphere; y points north."""
    rad = np.radians
    phi1, phi2 = rad(p["lat1"]), rad(p["lat2"])
    t = lambda phi: np.tan(np.pi / 4 + phi / 2)  # noqa: E731
    n = np.log(np.cos(phi1) / np.cos(phi2)) / np.log(t(phi2) / t(phi1))
    f = np.cos(phi1) * t(phi1) ** n / n
    rho = f / t(rad(np.asarray(lat, dtype=float))) ** n
    rho0 = f / t(rad(p["lat0"])) ** n
    theta = n * rad(np.asarray(lon, dtype=float) - p["lon0"])
    return rho * np.sin(theta), rho0 - rho * np.cos(theta)


def canvas_transform() -> dict:
    """Parameters mapping unit-sphere LCC coordinates onto the logical canvas."""
    x_min, y_min, x_max, y_max = VIEW
    scale = WIDTH / (x_max - x_min)
    return {**PROJECTION, "x_min": x_min, "y_max": y_max, "scale": scale,
            "offset": [0.0, 0.0]}


def project(lon, lat, params: dict) -> tuple[np.ndarray, np.ndarray]:
    """Lon/lat to logical coordinates (y down) with a projection+transform dict."""
    x, y = lcc(lon, lat, params)
    ox, oy = params["offset"]
    return (x - params["x_min"]) * params["scale"] + ox, \
           (params["y_max"] - y) * params["scale"] + oy


def project_geometry(geom, params: dict):
    """Densify a lon/lat geometry and project it with `project`."""
    def fn(coords: np.ndarray) -> np.ndarray:
        x, y = project(coords[:, 0], coords[:, 1], params)
        return np.column_stack([x, y])
    return shapely.transform(shapely.segmentize(geom, DENSIFY_DEG), fn)


# --- geometry helpers ---------------------------------------------------------

def polygons_of(geom) -> list[Polygon]:
    """The polygons inside any geometry (collections included)."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in polygons_of(g)]
    return []


def prune(geom, min_area: float = MIN_PART_AREA, min_hole: float = MIN_HOLE_AREA):
    """Drop parts and holes below the minimum areas."""
    parts = []
    for poly in polygons_of(geom):
        if poly.area < min_area:
            continue
        holes = [r for r in poly.interiors if Polygon(r).area >= min_hole]
        parts.append(Polygon(poly.exterior, holes))
    return MultiPolygon(parts)


def snake_case(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


# --- source to regions ----------------------------------------------------------

def load_source(path: Path) -> list[tuple[str | None, object]]:
    """Every feature, uncut, for the insets and the main map."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for feature in data["features"]:
        name = feature["properties"].get("NAME") or None
        geom = shapely.make_valid(shape(feature["geometry"]))
        cut = DROP_SOURCE_PARTS_WEST_OF.get(name)
        if cut is not None:
            geom = geom.intersection(box(cut, -90, 180, 90))
        out.append((name, geom))
    return out


def default_region(name: str) -> str:
    """The region a named feature joins before zone transfers."""
    if name in SOURCE_TO_REGION:
        return SOURCE_TO_REGION[name]
    return snake_case(name)


def split_named(name: str, geom) -> list[tuple[str, object]]:
    """Pieces of one named feature with the region each piece joins."""
    pieces = []
    rest = geom
    for sources, zone, target in ZONE_TRANSFERS:
        if name in sources:
            zone_poly = Polygon(zone)
            pieces.append((target, rest.intersection(zone_poly)))
            rest = rest.difference(zone_poly)
    if name == "United Kingdom of Great Britain and Ireland":
        cyprus = box(*CYPRUS_BOX)
        pieces.append(("cyprus", rest.intersection(cyprus)))
        rest = rest.difference(cyprus)
    pieces.append((default_region(name), rest))
    return [(rid, g) for rid, g in pieces if not g.is_empty]


def group_regions(features) -> dict[str, object]:
    """Union the named features into regions (lon/lat), then fold unnamed ones."""
    parts: dict[str, list] = {}
    unnamed = []
    for name, geom in features:
        if name is None:
            unnamed.append(geom)
            continue
        for rid, piece in split_named(name, geom):
            parts.setdefault(rid, []).append(piece)
    regions = {rid: shapely.union_all(gs) for rid, gs in parts.items()}
    dropped = 0
    for geom in unnamed:
        rid = fold_target(geom, regions)
        if rid is None:
            dropped += 1
        else:
            regions[rid] = regions[rid].union(geom)
    print(f"  folded {len(unnamed) - dropped} unnamed features, dropped {dropped}")
    return regions


def fold_target(geom, regions: dict) -> str | None:
    """Region an unnamed feature joins: an override, else the nearest one near enough."""
    for (lon, lat), rid in POINT_OVERRIDES:
        if geom.distance(Point(lon, lat)) < 0.1:
            return rid
    best = min(regions, key=lambda rid: regions[rid].distance(geom))
    if regions[best].distance(geom) <= UNNAMED_FOLD_DEG:
        return best
    return None


def check_sanity(regions: dict) -> list[str]:
    """Messages for every SANITY_POINTS point outside its expected region."""
    problems = []
    for (lon, lat), rid in SANITY_POINTS.items():
        if not regions.get(rid, Polygon()).contains(Point(lon, lat)):
            holders = [r for r, g in regions.items() if g.contains(Point(lon, lat))]
            problems.append(f"({lon}, {lat}) expected in {rid}, found in {holders}")
    return problems


# --- projection, clipping and simplification -------------------------------------

def inset_cutouts(height: float):
    """The inset boxes plus INSET_MARGIN, stretched to a canvas edge they nearly touch."""
    cut = []
    for inset in INSETS:
        x0, y0, x1, y1 = inset.box
        m, near = INSET_MARGIN, 3 * INSET_MARGIN
        cut.append(box(0 if x0 <= near else x0 - m, 0 if y0 <= near else y0 - m,
                       WIDTH if x1 >= WIDTH - near else x1 + m,
                       height if y1 >= height - near else y1 + m))
    return shapely.union_all(cut)


def project_regions(regions: dict, params: dict, height: float) -> dict:
    """Project, clip to the canvas minus the insets, and make overlaps disjoint."""
    visible = box(0, 0, WIDTH, height).difference(inset_cutouts(height))
    taken = Polygon()
    out = {}
    for rid in sorted(regions, key=region_order):
        geom = shapely.make_valid(project_geometry(regions[rid], params)).intersection(visible)
        geom = shapely.make_valid(geom).difference(taken)
        geom = prune(geom, min_area=0.5 * MIN_PART_AREA, min_hole=1.0)
        if not geom.is_empty:
            out[rid] = geom
            taken = taken.union(geom)
    return out


def absorb_slivers(regions: dict) -> dict:
    """Give small secondary parts that touch another region to that neighbour.

    Such parts are left over where the source's borders and the hand-drawn
    zones of ZONE_TRANSFERS disagree slightly. A region's largest part, and
    small islands touching nobody, are kept.
    """
    regions = dict(regions)
    for rid in list(regions):
        parts = sorted(polygons_of(regions[rid]), key=lambda p: -p.area)
        keep = parts[:1]
        for part in parts[1:]:
            neighbour = longest_border_neighbour(part, rid, regions)
            if part.area >= SLIVER_AREA or neighbour is None:
                keep.append(part)
            else:
                regions[neighbour] = shapely.make_valid(regions[neighbour].union(part))
        regions[rid] = MultiPolygon(keep)
    return regions


def longest_border_neighbour(part, rid: str, regions: dict) -> str | None:
    """The other region sharing the longest border with `part`, if any."""
    best, best_len = None, 0.5
    edge = part.boundary
    for other, geom in regions.items():
        if other == rid or not geom.intersects(part.buffer(0.05)):
            continue
        shared = edge.intersection(geom.buffer(0.05)).length
        if shared > best_len:
            best, best_len = other, shared
    return best


def region_order(rid: str) -> tuple[int, str]:
    """Powers first, so they win where the source polygons overlap."""
    return (0 if rid in POWERS else 1, rid)


def simplify_regions(regions: dict) -> dict:
    """Simplify all regions together, keeping shared borders shared."""
    ids = list(regions)
    geoms = shapely.coverage_simplify(
        [shapely.set_precision(regions[r], 0.01) for r in ids], SIMPLIFY_TOLERANCE)
    out = {}
    for rid, geom in zip(ids, geoms):
        geom = prune(shapely.make_valid(geom))
        if not geom.is_empty:
            out[rid] = geom
    return out


# --- JSON output -------------------------------------------------------------------

def ring_coords(ring) -> list[list[float]]:
    """A ring as an open list of [x, y] rounded to 0.1, without repeated points."""
    pts = []
    for x, y in list(ring.coords)[:-1]:
        p = [round(float(x), 1), round(float(y), 1)]
        if not pts or p != pts[-1]:
            pts.append(p)
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    return pts


def rounded_geometry(geom) -> MultiPolygon:
    """The geometry as the JSON will hold it (rounded), for label checks."""
    polys = []
    for poly in polygons_of(geom):
        shell = ring_coords(poly.exterior)
        holes = [ring_coords(r) for r in poly.interiors]
        if len(shell) >= 3:
            polys.append(Polygon(shell, [h for h in holes if len(h) >= 3]))
    return MultiPolygon(polys)


def label_point(rid: str, geom, params: dict, height: float) -> list[float]:
    """Pole of inaccessibility of the largest polygon, or the override.

    The search keeps LABEL_EDGE_MARGIN away from the canvas edges when the
    region reaches far enough inside, so that names of cut-off regions are
    not centred on the edge.
    """
    if rid in LABEL_OVERRIDES:
        x, y = project(*LABEL_OVERRIDES[rid], params)
        return [round(float(x), 1), round(float(y), 1)]
    inner = box(LABEL_EDGE_MARGIN, LABEL_EDGE_MARGIN / 2,
                WIDTH - LABEL_EDGE_MARGIN, height - LABEL_EDGE_MARGIN / 2)
    rounded = rounded_geometry(geom)
    candidates = polygons_of(rounded.intersection(inner)) or polygons_of(rounded)
    largest = max(candidates, key=lambda p: p.area)
    point = polylabel(largest, 0.2)
    label = [round(point.x, 1), round(point.y, 1)]
    if not rounded.contains(Point(label)):
        p = largest.representative_point()
        label = [round(p.x, 1), round(p.y, 1)]
    return label


def region_record(rid: str, geom, params: dict, height: float) -> dict:
    """One region entry of the asset."""
    polys = polygons_of(geom)
    name, owner = NEUTRALS.get(rid, (POWERS.get(rid, rid.replace("_", " ").title()), None))
    x0, y0, x1, y1 = geom.bounds
    return {
        "id": rid, "name": name,
        "power": rid if rid in POWERS else None, "owner": owner,
        "polygons": [ring_coords(p.exterior) for p in polys],
        "holes": [ring_coords(r) for p in polys for r in p.interiors],
        "label": label_point(rid, geom, params, height),
        "bbox": [round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1)],
    }


def place_city(cid: str, name: str, lon: float, lat: float, rid: str,
               params: dict, regions: dict) -> dict:
    """A city record, nudged inside its region when the coarse coast misses it."""
    x, y = project(lon, lat, params)
    point = Point(float(x), float(y))
    target = rounded_geometry(regions[rid])
    if not target.contains(point):
        inner = target.buffer(-1.0)
        point = shapely.ops.nearest_points(inner if not inner.is_empty else target, point)[0]
        print(f"  nudged {cid} inside {rid} by {Point(float(x), float(y)).distance(point):.1f}")
    return {"id": cid, "name": name, "xy": [round(point.x, 1), round(point.y, 1)],
            "region": rid}


# --- insets ----------------------------------------------------------------------

def inset_params(inset: Inset, geom_lonlat) -> dict:
    """Projection parameters fitting the inset's outline into its box."""
    raw = project_geometry(geom_lonlat, {**inset.projection, "x_min": 0.0,
                                         "y_max": 0.0, "scale": 1.0, "offset": [0, 0]})
    bx0, by0, bx1, by1 = inset.box
    pad = 8.0
    gx0, gy0, gx1, gy1 = raw.bounds
    scale = min((bx1 - bx0 - 2 * pad) / (gx1 - gx0), (by1 - by0 - 2 * pad) / (gy1 - gy0))
    ox = bx0 + (bx1 - bx0 - (gx1 - gx0) * scale) / 2
    oy = by0 + (by1 - by0 - (gy1 - gy0) * scale) / 2
    # raw y = -Y, so Y_max = -gy0 and (Y_max - Y) = raw_y - gy0.
    return {**inset.projection, "x_min": gx0, "y_max": -gy0, "scale": scale,
            "offset": [ox, oy]}


def build_inset(inset: Inset, features) -> dict:
    """One inset entry: box, label, simplified outline, projection, cities."""
    geom = shapely.union_all([g for n, g in features if n == inset.source_name])
    geom = geom.intersection(box(*inset.clip))
    params = inset_params(inset, geom)
    outline = prune(project_geometry(geom, params).simplify(0.4), min_area=2.0)
    lx, ly = project(*inset.label, params)
    return {
        "id": inset.id, "name": inset.name, "power": inset.id,
        "box": list(inset.box), "label": [round(float(lx), 1), round(float(ly), 1)],
        "polygons": [ring_coords(p.exterior) for p in polygons_of(outline)],
        "projection": rounded_params(params),
    }


def inset_city(cid: str, name: str, lon: float, lat: float, inset_id: str,
               insets: list[dict]) -> dict:
    params = next(i["projection"] for i in insets if i["id"] == inset_id)
    x, y = project(lon, lat, params)
    return {"id": cid, "name": name, "xy": [round(float(x), 1), round(float(y), 1)],
            "region": inset_id}


def rounded_params(params: dict) -> dict:
    return {k: (round(v, 9) if isinstance(v, float) else
                [round(c, 6) for c in v] if isinstance(v, list) else v)
            for k, v in params.items()}


# --- preview -------------------------------------------------------------------------

PREVIEW_SCALE = 2.0
SEA = (170, 193, 210)
POWER_COLOURS = {
    "soviet_russia": (190, 104, 96), "britain": (220, 160, 172),
    "france": (128, 152, 198), "germany": (150, 150, 146), "italy": (134, 172, 118),
    "belgium": (222, 198, 118), "poland": (192, 140, 190), "turkey": (204, 166, 112),
    "persia": (140, 186, 168), "afghanistan": (176, 158, 204),
    "united_states": (118, 150, 190), "japan": (214, 128, 128),
}
NEUTRAL_TONES = [(228, 222, 202), (212, 206, 184), (236, 232, 218), (200, 196, 178)]


def neutral_colours(asset: dict) -> dict[str, tuple[int, int, int]]:
    """Greedy colouring of the neutral regions so that neighbours differ."""
    geoms = {r["id"]: rounded_geometry_from_record(r) for r in asset["regions"]}
    colours: dict[str, tuple[int, int, int]] = {}
    for region in asset["regions"]:
        rid = region["id"]
        if region["power"]:
            continue
        near = {colours.get(o) for o, g in geoms.items()
                if o != rid and g.distance(geoms[rid]) < 1.0}
        colours[rid] = next((t for t in NEUTRAL_TONES if t not in near), NEUTRAL_TONES[0])
    return colours


def rounded_geometry_from_record(region: dict) -> MultiPolygon:
    return MultiPolygon([Polygon(ring) for ring in region["polygons"] if len(ring) >= 3])


def render_preview(asset: dict, path: Path) -> None:
    """Draw the asset with pygame (no window) and save it as a PNG."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame
    pygame.font.init()
    s = PREVIEW_SCALE
    surface = pygame.Surface((int(asset["width"] * s), int(asset["height"] * s)))
    surface.fill(SEA)
    fonts = {size: pygame.font.Font(None, size) for size in (16, 19, 22, 28)}
    neutrals = neutral_colours(asset)
    for region in asset["regions"]:
        colour = POWER_COLOURS.get(region["power"]) or neutrals[region["id"]]
        draw_rings(pygame, surface, region["polygons"], colour, s)
        draw_rings(pygame, surface, region["holes"], SEA, s)
    for inset in asset["insets"]:
        draw_inset(pygame, surface, inset, s, fonts)
    for region in asset["regions"]:
        draw_region_label(surface, region, s, fonts)
    for city in asset["cities"]:
        draw_city(pygame, surface, city, s, fonts[16])
    pygame.image.save(surface, str(path))


def draw_rings(pygame, surface, rings, colour, s: float, outline=(70, 70, 70)) -> None:
    for ring in rings:
        pts = [(x * s, y * s) for x, y in ring]
        if len(pts) >= 3:
            pygame.draw.polygon(surface, colour, pts)
            pygame.draw.polygon(surface, outline, pts, 1)


def blit_centred(surface, text_surface, x: float, y: float) -> None:
    rect = text_surface.get_rect(center=(int(x), int(y)))
    surface.blit(text_surface, rect)


def draw_region_label(surface, region: dict, s: float, fonts: dict) -> None:
    """Region name at its label point, in the largest font that fits its width."""
    x0, y0, x1, y1 = region["bbox"]
    name = region["name"].upper() if region["power"] else region["name"]
    if region["owner"]:
        name += f" ({region['owner'][:2].upper()})"
    sizes = sorted(fonts, reverse=True) if region["power"] else sorted(fonts)[:2][::-1]
    for size in sizes:
        text = fonts[size].render(name, True, (30, 30, 30))
        if text.get_width() <= (x1 - x0) * s * 1.1:
            break
    else:
        if (x1 - x0) * (y1 - y0) < 60:
            return
    x, y = region["label"]
    blit_centred(surface, text, x * s, y * s)


def draw_city(pygame, surface, city: dict, s: float, font) -> None:
    x, y = city["xy"][0] * s, city["xy"][1] * s
    pygame.draw.circle(surface, (20, 20, 20), (x, y), 4)
    pygame.draw.circle(surface, (250, 250, 240), (x, y), 2)
    surface.blit(font.render(city["name"], True, (20, 20, 20)), (x + 5, y - 6))


def draw_inset(pygame, surface, inset: dict, s: float, fonts: dict) -> None:
    x0, y0, x1, y1 = (v * s for v in inset["box"])
    rect = pygame.Rect(int(x0), int(y0), int(x1 - x0), int(y1 - y0))
    pygame.draw.rect(surface, SEA, rect)
    draw_rings(pygame, surface, inset["polygons"], POWER_COLOURS[inset["id"]], s)
    pygame.draw.rect(surface, (40, 40, 40), rect, 2)
    x, y = inset["label"]
    blit_centred(surface, fonts[22].render(inset["name"].upper(), True, (20, 20, 20)),
                 x * s, y * s)


# --- main --------------------------------------------------------------------------

def build(source: Path) -> dict:
    """The whole asset as a JSON-ready dict."""
    features = load_source(source)
    in_view = [(n, g) for n, g in features if g.intersects(box(*LONLAT_WINDOW))]
    regions_ll = group_regions([(n, g.intersection(box(*LONLAT_WINDOW)))
                                for n, g in in_view])
    problems = check_sanity(regions_ll)
    if problems:
        sys.exit("sanity checks failed:\n  " + "\n  ".join(problems))
    params = canvas_transform()
    height = round((VIEW[3] - VIEW[1]) * params["scale"], 1)
    regions = simplify_regions(absorb_slivers(project_regions(regions_ll, params, height)))
    insets = [build_inset(inset, features) for inset in INSETS]
    cities = [place_city(*c, params, regions) for c in CITIES]
    cities += [inset_city(*c, insets) for c in INSET_CITIES]
    return {
        "format": 1, "source": SOURCE_NOTE,
        "projection": rounded_params(params), "width": WIDTH, "height": height,
        "regions": [region_record(rid, regions[rid], params, height)
                    for rid in sorted(regions, key=region_order)],
        "insets": insets, "cities": cities,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--preview", type=Path, default=None)
    args = parser.parse_args(argv)
    asset = build(args.source)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asset, separators=(",", ":"), ensure_ascii=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(text) / 1024:.0f} KB, {len(asset['regions'])} regions)")
    if args.preview:
        render_preview(asset, args.preview)
        print(f"wrote {args.preview}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
