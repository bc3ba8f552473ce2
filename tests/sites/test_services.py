"""Writes of the register of sites: where samples were taken and what a zone encloses."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sites.models import Sample
from sites.services import sample_create, zone_save

RECTANGLE = [[683100, 7050200], [683200, 7050200], [683200, 7050250], [683100, 7050250]]


@pytest.fixture
def drawn_zone(site, officer):
    return zone_save(
        actor=officer,
        site=site,
        name="Crassier nord",
        outline=RECTANGLE,
        thickness_m=Decimal(2),
        volume_m3=None,
        density_t_m3=Decimal("2.4"),
    )


def _sample(officer, campaign, zone, code, x, y, depth=0):
    return sample_create(
        actor=officer,
        campaign=campaign,
        zone=zone,
        code=code,
        point=code,
        depth_from_m=Decimal(depth),
        depth_to_m=Decimal(depth + 1),
        x_m=None if x is None else Decimal(x),
        y_m=None if y is None else Decimal(y),
        sampled_on=date(2026, 5, 6),
        laboratory="Labo",
    )


def test_a_zone_drawn_by_outline_and_thickness_holds_their_product(drawn_zone):
    assert drawn_zone.volume_m3 == Decimal("10000.00")  # 100 m × 50 m × 2 m
    assert drawn_zone.tonnage_t == Decimal("24000.000")


def test_a_zone_with_neither_volume_nor_outline_is_refused(site, officer):
    with pytest.raises(ValidationError) as refused:
        zone_save(actor=officer, site=site, name="Z", volume_m3=None, density_t_m3=Decimal(2))
    assert "volume_m3" in refused.value.message_dict


def test_a_most_likely_density_outside_its_range_is_refused(site, officer):
    with pytest.raises(ValidationError) as refused:
        zone_save(
            actor=officer,
            site=site,
            name="Z",
            volume_m3=Decimal(100),
            density_min_t_m3=Decimal(2),
            density_t_m3=Decimal("1.5"),
            density_max_t_m3=Decimal(3),
        )
    assert "density_t_m3" in refused.value.message_dict


def test_a_sample_is_located_inside_its_zone_and_nowhere_else(officer, campaign, drawn_zone):
    inside = _sample(officer, campaign, drawn_zone, "S01", "683150.5", "7050225")
    assert (inside.x_m, inside.y_m) == (Decimal("683150.50"), Decimal("7050225.00"))
    with pytest.raises(ValidationError) as refused:
        _sample(officer, campaign, drawn_zone, "S02", 683300, 7050225)
    assert "hors du contour de la zone « Crassier nord »" in refused.value.message_dict["x_m"][0]
    assert not Sample.objects.filter(code="S02").exists()


def test_a_second_sample_at_the_same_point_and_depth_is_refused_and_deeper_is_not(
    officer, campaign, drawn_zone
):
    _sample(officer, campaign, drawn_zone, "S01", 683150, 7050225)
    with pytest.raises(ValidationError) as refused:
        _sample(officer, campaign, drawn_zone, "S02", 683150, 7050225)
    assert "S01 a déjà été prélevé en ce point" in refused.value.message_dict["x_m"][0]
    assert _sample(officer, campaign, drawn_zone, "S03", 683150, 7050225, depth=1).pk


def test_x_without_y_is_refused(officer, campaign, drawn_zone):
    with pytest.raises(ValidationError) as refused:
        _sample(officer, campaign, drawn_zone, "S01", 683150, None)
    assert "y_m" in refused.value.message_dict


def test_an_outline_redrawn_away_from_its_samples_is_refused(officer, site, campaign, drawn_zone):
    _sample(officer, campaign, drawn_zone, "S01", 683190, 7050240)
    smaller = [[683100, 7050200], [683150, 7050200], [683150, 7050250], [683100, 7050250]]
    with pytest.raises(ValidationError) as refused:
        zone_save(actor=officer, site=site, zone=drawn_zone, outline=smaller)
    assert "S01" in refused.value.message_dict["outline"][0]
    drawn_zone.refresh_from_db()
    assert drawn_zone.outline == RECTANGLE


def test_the_api_gives_each_sample_its_point_and_each_zone_its_outline(
    client_for, officer, holder_a, site, campaign, drawn_zone
):
    _sample(officer, campaign, drawn_zone, "S01", 683150, 7050225)
    client = client_for(officer)
    (sample,) = client.get("/api/site-samples/", {"campaign": campaign.pk}).json()["results"]
    assert (sample["x_m"], sample["y_m"]) == ("683150.00", "7050225.00")
    (zone,) = client.get("/api/site-zones/", {"site": site.pk}).json()["results"]
    assert zone["outline"] == RECTANGLE and zone["outline_area_m2"] == 5000.0
    assert zone["thickness_m"] == "2.00" and zone["volume_m3"] == "10000.00"
    assert client.get(f"/api/sites/{site.pk}/").json()["crs_epsg"] == 2154
    # The same records as the pages: nothing for a holder.
    assert client_for(holder_a).get("/api/site-zones/").status_code in (403, 404)
