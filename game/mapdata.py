"""Load the map asset (assets/map/europe_1921.json) and answer questions about it.

Pure data: json, dataclasses and numpy, no pygame. Coordinates are logical
map units (the asset is `width` units wide, y grows downwards); the UI scales
them to the screen. The asset is built by tools/build_map.py.

    world = load_map()
    region = world.region_at(x, y)        # hover / click hit test, or None
    world.power_regions("soviet_russia")  # regions a power holds
    world.project(37.6, 55.75)            # lon/lat -> logical x, y

Regions are cut out under the inset boxes, so a point in an inset box hits no
region; use WorldMap.inset_at for those.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from game.content import MAP_FILE

DEFAULT_MAP_PATH = MAP_FILE

XY = tuple[float, float]
Ring = list[XY]


@dataclass(frozen=True)
class Projection:
    """Spherical Lambert conformal conic plus the affine step onto the canvas."""
    lon0: float
    lat0: float
    lat1: float
    lat2: float
    x_min: float
    y_max: float
    scale: float
    offset: XY = (0.0, 0.0)

    @classmethod
    def from_dict(cls, d: dict) -> Projection:
        return cls(d["lon0"], d["lat0"], d["lat1"], d["lat2"], d["x_min"],
                   d["y_max"], d["scale"], tuple(d.get("offset", (0.0, 0.0))))

    def project(self, lon: float, lat: float) -> XY:
        """Longitude/latitude in degrees to logical (x, y), y downwards."""
        t = lambda phi: math.tan(math.pi / 4 + math.radians(phi) / 2)  # noqa: E731
        c1, c2 = math.cos(math.radians(self.lat1)), math.cos(math.radians(self.lat2))
        n = math.log(c1 / c2) / math.log(t(self.lat2) / t(self.lat1))
        f = c1 * t(self.lat1) ** n / n
        rho, rho0 = f / t(lat) ** n, f / t(self.lat0) ** n
        theta = n * math.radians(lon - self.lon0)
        x, y = rho * math.sin(theta), rho0 - rho * math.cos(theta)
        return ((x - self.x_min) * self.scale + self.offset[0],
                (self.y_max - y) * self.scale + self.offset[1])


def _ring_edges(rings: list[Ring]) -> np.ndarray:
    """All edges of the rings as an (n, 4) array of x1, y1, x2, y2."""
    parts = []
    for ring in rings:
        pts = np.asarray(ring, dtype=float)
        if len(pts) >= 3:
            parts.append(np.hstack([pts, np.roll(pts, -1, axis=0)]))
    return np.vstack(parts) if parts else np.zeros((0, 4))


def _ring_area(ring: Ring) -> float:
    pts = np.asarray(ring, dtype=float)
    if len(pts) < 3:
        return 0.0
    x, y = pts[:, 0], pts[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2


@dataclass
class Region:
    """A country, colony or power on the map. `power` is set for the playable
    powers (equal to the id); `owner` names the power holding a colony or mandate."""
    id: str
    name: str
    power: str | None
    owner: str | None
    polygons: list[Ring]
    label: XY
    bbox: tuple[float, float, float, float]
    holes: list[Ring] = field(default_factory=list)
    _edges: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._edges = _ring_edges(self.polygons + self.holes)

    @property
    def area(self) -> float:
        """Area in logical units squared (outer rings minus holes)."""
        return sum(map(_ring_area, self.polygons)) - sum(map(_ring_area, self.holes))

    def contains(self, x: float, y: float) -> bool:
        """Even-odd ray test over all rings, after a bounding-box check."""
        x0, y0, x1, y1 = self.bbox
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        e = self._edges
        crosses = (e[:, 1] > y) != (e[:, 3] > y)
        e = e[crosses]
        x_at = e[:, 0] + (y - e[:, 1]) * (e[:, 2] - e[:, 0]) / (e[:, 3] - e[:, 1])
        return bool(np.count_nonzero(x < x_at) % 2)


@dataclass
class Inset:
    """An off-map power (United States, Japan) drawn in a box of its own."""
    id: str
    name: str
    power: str | None
    box: tuple[float, float, float, float]
    label: XY
    polygons: list[Ring]
    projection: Projection | None = None

    def contains(self, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.box
        return x0 <= x <= x1 and y0 <= y <= y1


@dataclass
class City:
    id: str
    name: str
    xy: XY
    region: str | None = None  # region id, or inset id for inset cities


@dataclass
class WorldMap:
    width: float
    height: float
    regions: list[Region]
    insets: list[Inset]
    cities: list[City]
    projection: Projection
    source: str = ""
    _by_id: dict[str, Region] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id = {r.id: r for r in self.regions}

    def region(self, region_id: str) -> Region:
        """The region with this id (KeyError if there is none)."""
        return self._by_id[region_id]

    def region_at(self, x: float, y: float) -> Region | None:
        """The region under logical point (x, y), or None for sea and inset boxes."""
        for region in self.regions:
            if region.contains(x, y):
                return region
        return None

    def inset_at(self, x: float, y: float) -> Inset | None:
        return next((i for i in self.insets if i.contains(x, y)), None)

    def power_regions(self, power_id: str) -> list[Region]:
        """Regions belonging to a power (its own, not its colonies)."""
        return [r for r in self.regions if r.power == power_id]

    def city(self, city_id: str) -> City:
        return next(c for c in self.cities if c.id == city_id)

    def project(self, lon: float, lat: float) -> XY:
        """Longitude/latitude to logical map coordinates."""
        return self.projection.project(lon, lat)


def _rings(raw: list) -> list[Ring]:
    return [[(float(x), float(y)) for x, y in ring] for ring in raw]


def _region(d: dict) -> Region:
    return Region(d["id"], d["name"], d.get("power"), d.get("owner"),
                  _rings(d["polygons"]), tuple(d["label"]), tuple(d["bbox"]),
                  _rings(d.get("holes", [])))


def _inset(d: dict) -> Inset:
    proj = Projection.from_dict(d["projection"]) if "projection" in d else None
    return Inset(d["id"], d["name"], d.get("power"), tuple(d["box"]),
                 tuple(d["label"]), _rings(d.get("polygons", [])), proj)


def load_map(path: str | Path | None = None) -> WorldMap:
    """Read the map asset; by default the one shipped in assets/map/."""
    data = json.loads(Path(path or DEFAULT_MAP_PATH).read_text(encoding="utf-8"))
    if data.get("format") != 1:
        raise ValueError(f"unsupported map format {data.get('format')!r}")
    return WorldMap(
        width=float(data["width"]), height=float(data["height"]),
        regions=[_region(r) for r in data["regions"]],
        insets=[_inset(i) for i in data.get("insets", [])],
        cities=[City(c["id"], c["name"], tuple(c["xy"]), c.get("region"))
                for c in data.get("cities", [])],
        projection=Projection.from_dict(data["projection"]),
        source=data.get("source", ""),
    )
