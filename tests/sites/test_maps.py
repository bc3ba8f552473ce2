from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import Env
from sites.maps import WIDTH, height, sites_svg

LILLE = SimpleNamespace(
    name="Friche de Lille", commune="Lille", longitude=Decimal("3.06"), latitude=Decimal("50.63")
)


def test_without_a_tile_server_the_map_is_drawn_whole_by_the_portal(settings):
    settings.MAP_TILE_URL = ""
    svg = sites_svg([(1, LILLE)], total=1)
    assert "<image" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert "1. Friche de Lille (Lille)" in svg


def test_with_a_tile_server_its_tiles_lie_under_the_sites_with_its_attribution(settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© les contributeurs d'OpenStreetMap"
    svg = sites_svg([(1, LILLE)], total=1)
    # Lille lies in tile 130/86 at zoom 8 (x = 183.06 / 360 × 256 = 130.2; y = 86.1).
    assert 'href="https://tiles.example.org/8/130/86.png"' in svg
    assert "© les contributeurs d&#x27;OpenStreetMap" in svg
    assert svg.index("<image") < svg.index("Friche de Lille")  # the sites drawn on top


def test_a_site_is_placed_inside_the_map_where_the_region_is():
    svg = sites_svg([(1, LILLE)], total=1)
    circle = svg[svg.index("<circle") :]
    x = float(circle.split('cx="')[1].split('"')[0])
    y = float(circle.split('cy="')[1].split('"')[0])
    # Lille is in the north-east quarter of the Hauts-de-France's bounding box.
    assert WIDTH / 2 < x < WIDTH and 0 < y < height() / 2


@pytest.mark.parametrize(
    "value",
    ["http://tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org/tiles.png"],
)
def test_a_tile_url_that_is_not_an_https_template_stops_start_up(value):
    with pytest.raises(ImproperlyConfigured, match="MAP_TILE_URL"):
        Env({"MAP_TILE_URL": value}).tile_url("MAP_TILE_URL", "")
