"""Demo brownfields for the embedded default only, every one marked as demo: fictitious
sites, campaigns, laboratory results, prices and route parameters."""

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from core.reference import reference_loader
from sites.models import (
    ActivityKind,
    CampaignKind,
    MetalPrice,
    ProcessRoute,
    ProgrammeStatus,
    RouteCode,
    Site,
)
from sites.services import (
    activity_add,
    campaign_create,
    lab_import_confirm,
    lab_import_create,
    price_record,
    route_update,
    sample_create,
    site_save,
    zone_save,
)

SITES = [
    # name, commune, INSEE, département, lat, lon, ha, status, activity, zinc %, lead %
    (
        "Ancienne aciérie (démo)",
        "Isbergues",
        "62473",
        "62",
        "50.62",
        "2.46",
        "48",
        ProgrammeStatus.PILOT,
        ActivityKind.STEELWORKS,
        ("2.1", "1.4", "0.9"),
        ("0.30", "0.22", "0.05"),
    ),
    (
        "Crassier de laitier (démo)",
        "Denain",
        "59172",
        "59",
        "50.33",
        "3.39",
        "22",
        ProgrammeStatus.VALIDATION,
        ActivityKind.SLAG_HEAP,
        ("0.8", "0.6", "0.4"),
        ("0.10", "0.08", "0.03"),
    ),
    (
        "Fonderie de zinc (démo)",
        "Auby",
        "59028",
        "59",
        "50.41",
        "3.06",
        "35",
        ProgrammeStatus.CANDIDATE,
        ActivityKind.SMELTER,
        ("4.5", "3.2", "2.8"),
        ("1.10", "0.90", "0.60"),
    ),
]
PRICES = [("Zn", "2500"), ("Pb", "1900"), ("Fe", "95")]
RATES = {
    RouteCode.HYDRO: ("45", {"Zn": "0.80", "Pb": "0.60"}),
    RouteCode.PYRO: ("60", {"Zn": "0.90", "Pb": "0.75", "Fe": "0.50"}),
    RouteCode.HYDROXYAPATITE: ("25", {"Pb": "0.40"}),
    RouteCode.ECO_CATALYSIS: ("35", {"Zn": "0.30"}),
}


@reference_loader(order=60, demo=True)
def load_demo_sites(report):
    officer = User.objects.get(email="agent@demo.hautsdefrance.fr")
    for element, price in PRICES:
        if not MetalPrice.objects.filter(element=element, dated=date(2026, 10, 1)).exists():
            price_record(
                actor=officer,
                element=element,
                price_per_t=Decimal(price),
                dated=date(2026, 10, 1),
                source_wording="Cours de démonstration",
                is_demo=True,
            )
    for code, (cost, rates) in RATES.items():
        route_update(
            actor=officer,
            route=ProcessRoute.objects.get(code=code),
            processing_cost_per_t=Decimal(cost),
            recovery_rates={k: Decimal(v) for k, v in rates.items()},
        )
    for name, commune, insee, dep, lat, lon, ha, status, activity, zinc, lead in SITES:
        if Site.objects.filter(name=name).exists():
            report.count(Site, "unchanged")
            continue
        site = site_save(
            actor=officer,
            name=name,
            commune=commune,
            insee_code=insee,
            departement=dep,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            area_ha=Decimal(ha),
            programme_status=status,
            excavation_cost_per_t=Decimal(12),
            transport_cost_per_t=Decimal(8),
            remediation_cost_avoided=Decimal(500_000),
            is_demo=True,
        )
        activity_add(actor=officer, site=site, kind=activity, start_year=1905, end_year=1998)
        zone = zone_save(
            actor=officer,
            site=site,
            name="Zone A",
            volume_m3=Decimal(20_000),
            density_t_m3=Decimal("2.2"),
        )
        campaign = campaign_create(
            actor=officer,
            site=site,
            kind=CampaignKind.SAMPLING,
            started_on=date(2026, 5, 4),
            method="Carottage sur maille de 25 m (démo)",
            area_covered_m2=Decimal(30_000),
        )
        lines = ["echantillon;element;valeur;unite;limite_detection"]
        for index, (zn, pb) in enumerate(zip(zinc, lead, strict=True), start=1):
            code = f"S{index:02d}"
            sample_create(
                actor=officer,
                campaign=campaign,
                zone=zone,
                code=code,
                point=f"P{index}",
                depth_from_m=Decimal(0),
                depth_to_m=Decimal(2),
                sampled_on=date(2026, 5, 6),
                laboratory="Laboratoire de démonstration",
                batch="L1",
            )
            lines += [f"{code};Zn;{zn};%;0.001", f"{code};Pb;{pb};%;0.001"]
        upload = SimpleUploadedFile("resultats-demo.csv", "\n".join(lines).encode())
        batch = lab_import_create(actor=officer, campaign=campaign, upload=upload)
        lab_import_confirm(actor=officer, batch=batch)
        report.count(Site, "created")
