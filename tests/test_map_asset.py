"""The map asset (assets/map/europe_1921.json) and its loader, game/mapdata.py."""
import time

import pytest

from game.mapdata import DEFAULT_MAP_PATH, load_map

POWERS_ON_MAP = ["soviet_russia", "britain", "france", "germany", "italy", "belgium",
                 "poland", "turkey", "persia", "afghanistan"]
POWERS_IN_INSETS = ["united_states", "japan"]
MIN_LABEL_AREA = 20.0  # logical units^2; smaller islands may be too thin to hit


@pytest.fixture(scope="module")
def world():
    return load_map()


def test_asset_loads_with_sane_dimensions(world):
    assert world.width == 1000
    assert 400 < world.height < 1000
    assert len(world.regions) > 30
    assert len({r.id for r in world.regions}) == len(world.regions)


def test_asset_is_small():
    assert DEFAULT_MAP_PATH.stat().st_size < 400 * 1024


@pytest.mark.parametrize("power", POWERS_ON_MAP)
def test_every_power_on_the_map_has_one_region(world, power):
    regions = world.power_regions(power)
    assert [r.id for r in regions] == [power]
    assert regions[0].owner is None


@pytest.mark.parametrize("power", POWERS_IN_INSETS)
def test_off_map_powers_have_insets_inside_the_canvas(world, power):
    inset = next(i for i in world.insets if i.id == power)
    x0, y0, x1, y1 = inset.box
    assert 0 <= x0 < x1 <= world.width and 0 <= y0 < y1 <= world.height
    assert inset.polygons and inset.contains(*inset.label)
    assert world.region_at(*inset.label) is None
    assert world.inset_at(*inset.label) is inset


def test_neutral_regions_have_no_power_and_owners_are_powers(world):
    for region in world.regions:
        assert region.power in (None, region.id)
        assert region.owner is None or region.owner in POWERS_ON_MAP
    owners = {r.id: r.owner for r in world.regions}
    assert owners["syria"] == "france" and owners["libya"] == "italy"
    assert owners["mesopotamia"] == "britain" and owners["czechoslovakia"] is None


def test_label_points_lie_in_their_regions(world):
    for region in world.regions:
        if region.area >= MIN_LABEL_AREA:
            hit = world.region_at(*region.label)
            assert hit is region, f"{region.id} label hits {hit and hit.id}"


@pytest.mark.parametrize("lon, lat", [
    (18.0, 34.5),   # Ionian Sea
    (5.0, 39.0),    # western Mediterranean
    (-15.0, 45.0),  # Atlantic, Bay of Biscay approaches
    (34.0, 43.0),   # Black Sea
    (50.5, 42.0),   # Caspian Sea
])
def test_sea_points_hit_no_region(world, lon, lat):
    assert world.region_at(*world.project(lon, lat)) is None


def test_points_off_the_canvas_hit_nothing(world):
    assert world.region_at(-5, -5) is None
    assert world.region_at(world.width + 5, world.height / 2) is None


@pytest.mark.parametrize("city, region", [
    ("moscow", "soviet_russia"), ("genoa", "italy"), ("rapallo", "italy"),
    ("berlin", "germany"), ("london", "britain"), ("paris", "france"),
    ("warsaw", "poland"), ("ankara", "turkey"), ("tehran", "persia"),
    ("kabul", "afghanistan"), ("brussels", "belgium"), ("riga", "latvia"),
    ("the_hague", "netherlands"), ("cannes", "france"), ("rome", "italy"),
])
def test_cities_lie_in_their_regions(world, city, region):
    hit = world.region_at(*world.city(city).xy)
    assert hit is not None and hit.id == region


def test_inset_cities_lie_in_their_insets(world):
    for city_id, inset_id in [("washington", "united_states"), ("tokyo", "japan")]:
        inset = world.inset_at(*world.city(city_id).xy)
        assert inset is not None and inset.id == inset_id


def test_projection_parameters_reproduce_city_positions(world):
    x, y = world.project(37.62, 55.75)  # Moscow, not nudged by the build
    assert world.city("moscow").xy == pytest.approx((x, y), abs=0.11)


def test_region_at_is_fast_enough_for_mouse_moves(world):
    points = [(x * 7.3 % world.width, x * 3.1 % world.height) for x in range(2000)]
    start = time.perf_counter()
    for x, y in points:
        world.region_at(x, y)
    assert (time.perf_counter() - start) / len(points) < 0.001
