from datetime import date
from decimal import Decimal

import pytest

from sites.models import CampaignKind, ProcessRoute, RouteCode, SiteEstimate
from sites.services import (
    campaign_create,
    price_record,
    route_update,
    sample_create,
    site_save,
    site_valuations_refresh,
    zone_save,
)


@pytest.fixture
def regeneratis(reference_data):
    """The REGENERATIS programme of the reference data."""


@pytest.fixture
def site(regeneratis, officer):
    return site_save(
        actor=officer,
        name="Aciérie d'Isbergues",
        commune="Isbergues",
        insee_code="62473",
        departement="62",
        latitude=Decimal("50.62"),
        longitude=Decimal("2.46"),
        area_ha=Decimal(48),
        excavation_cost_per_t=Decimal(10),
        transport_cost_per_t=Decimal(5),
        remediation_cost_avoided=Decimal(200_000),
    )


@pytest.fixture
def zone(site, officer):
    return zone_save(
        actor=officer,
        site=site,
        name="Zone A",
        volume_m3=Decimal(10_000),
        density_t_m3=Decimal("2.5"),
    )


@pytest.fixture
def campaign(site, officer):
    return campaign_create(
        actor=officer,
        site=site,
        kind=CampaignKind.SAMPLING,
        started_on=date(2026, 5, 4),
        method="Carottage",
    )


@pytest.fixture
def samples(campaign, zone, officer):
    return [
        sample_create(
            actor=officer,
            campaign=campaign,
            zone=zone,
            code=code,
            point=f"P{index}",
            depth_from_m=Decimal(0),
            depth_to_m=Decimal(1),
            sampled_on=date(2026, 5, 6),
            laboratory="Labo",
        )
        for index, code in enumerate(["S01", "S02", "S03"], start=1)
    ]


@pytest.fixture
def market(regeneratis, officer):
    price_record(actor=officer, element="Zn", price_per_t=Decimal(2500), dated=date(2026, 10, 1))
    route_update(
        actor=officer,
        route=ProcessRoute.objects.get(code=RouteCode.HYDRO),
        processing_cost_per_t=Decimal(30),
        recovery_rates={"Zn": Decimal("0.8")},
    )


def make_site(officer, name, *, remediation, access=3, pollution=3):
    return site_save(
        actor=officer,
        name=name,
        commune="Isbergues",
        insee_code="62473",
        departement="62",
        latitude=Decimal("50.62"),
        longitude=Decimal("2.46"),
        area_ha=Decimal(10),
        excavation_cost_per_t=Decimal(10),
        transport_cost_per_t=Decimal(5),
        remediation_cost_avoided=Decimal(remediation),
        access_score=access,
        pollution_risk_score=pollution,
    )


@pytest.fixture
def zinc_site_and_plain_site(market, officer, run_outbox):
    """A: 25 000 t holding 500 t of zinc (2 500 €/t, 80 % recovered by hydrometallurgy at
    30 €/t) and 500 000 € of remediation avoided: net 375 000 €, 175 000 € at prices −20 %.
    B: no metal, 300 000 € of remediation avoided: net 300 000 € whatever the prices."""
    zinc = make_site(officer, "A — crassier zincifère", remediation=500_000)
    plain = make_site(officer, "B — friche sans métal", remediation=300_000)
    run_outbox()
    # The laboratory chain that fills an estimate is tested on its own (test_services);
    # here the estimate is set as it would leave it.
    SiteEstimate.objects.filter(site=zinc).update(tonnage_t=25_000, contained_t={"Zn": 500})
    site_valuations_refresh()
    return zinc, plain
