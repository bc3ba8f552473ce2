"""Reads of the register of brownfields."""

from dataclasses import replace

from django.db.models import Count, Sum
from django.utils import timezone

from core.security import refuse_as_not_found
from sites.models import (
    Campaign,
    DepositZone,
    LabResult,
    MetalPrice,
    ProcessRoute,
    Programme,
    Site,
    SiteOutcome,
)
from sites.permissions import can_view_site, can_view_sites


def site_list_for_user(user):
    if not can_view_sites(user):
        return Site.objects.none()
    return Site.objects.select_related("estimate")


def site_get_for_user(user, pk):
    site = Site.objects.select_related("estimate", "programme").filter(pk=pk).first()
    if site is None or not can_view_site(user, site):
        refuse_as_not_found(user, "site", pk)
    return site


def campaign_get_for_user(user, pk):
    campaign = Campaign.objects.select_related("site").filter(pk=pk).first()
    if campaign is None or not can_view_site(user, campaign.site):
        refuse_as_not_found(user, "campaign", pk)
    return campaign


def latest_prices():
    """The latest price of each element (€/t), with its date."""
    prices = {}
    for price in MetalPrice.objects.order_by("element", "-dated"):
        prices.setdefault(price.element, price)
    return prices


def routes():
    return list(ProcessRoute.objects.order_by("code"))


def site_results_for_estimate(site):
    """Every result of the site's samples that sit in a zone: (zone id, element, value,
    below detection, detection limit), in one query."""
    return LabResult.objects.filter(
        sample__campaign__site=site, sample__zone__isnull=False
    ).values_list(
        "sample__zone_id", "element", "value_mg_kg", "below_detection", "detection_limit_mg_kg"
    )


def zones_with_grades(site):
    return DepositZone.objects.filter(site=site).prefetch_related("grades").order_by("name")


def campaigns_of(site):
    return (
        Campaign.objects.filter(site=site)
        .annotate(sample_count=Count("samples", distinct=True))
        .order_by("started_on")
    )


def evaluation_inputs():
    """What the evaluation of every site needs, in a fixed number of queries."""
    return {
        "routes": routes(),
        "prices": {e: float(p.price_per_t) for e, p in latest_prices().items()},
    }


def evaluate_site(site, inputs):
    """The site's result per route, from its stored estimate (no laboratory data read)."""
    from sites.valuation import evaluate_route  # numpy and pandas: loaded when evaluating

    estimate = getattr(site, "estimate", None)
    contained = estimate.contained_t if estimate else {}
    tonnage = estimate.tonnage_t if estimate else 0.0
    return [
        _route_result(site, route, contained, tonnage, inputs["prices"], evaluate_route)
        for route in inputs["routes"]
    ]


def _route_result(site, route, contained, tonnage, prices, evaluate_route, **factors):
    from sites.valuation import Grade, Zone

    # The stored estimate is the zones summed: one zone whose grade gives back the contained metal.
    grades = {
        element: Grade(
            element, tonnes * 1_000_000 / tonnage if tonnage else None, None, None, None, 1, 0
        )
        for element, tonnes in contained.items()
    }
    result = evaluate_route(
        route=route.code,
        zones=[Zone(tonnage_t=tonnage, grades=grades)],
        prices=prices,
        recovery_rates=route.recovery_rates,
        processing_cost_per_t=route.processing_cost_per_t,
        excavation_cost_per_t=site.excavation_cost_per_t,
        transport_cost_per_t=site.transport_cost_per_t,
        remediation_cost_avoided=site.remediation_cost_avoided,
        **factors,
    )
    return replace(result, label=str(route.get_code_display()))


def ranking(sites, weights, inputs, *, price_factor=1.0, recovery_factor=1.0):
    """Sites by weighted score, each with its best route (see sites.valuation)."""
    from sites.valuation import best_route, evaluate_route, weighted_ranking

    rows, best = [], {}
    for site in sites:
        estimate = getattr(site, "estimate", None)
        results = [
            _route_result(
                site,
                route,
                estimate.contained_t if estimate else {},
                estimate.tonnage_t if estimate else 0.0,
                inputs["prices"],
                evaluate_route,
                price_factor=price_factor,
                recovery_factor=recovery_factor,
            )
            for route in inputs["routes"]
        ]
        best[site.pk] = best_route(results)
        rows.append(
            {
                "id": site.pk,
                "net": best[site.pk].net if best[site.pk] else 0.0,
                "pollution": site.pollution_risk_score,
                "access": site.access_score,
                "ownership": site.ownership_score,
                "planning": site.planning_score,
            }
        )
    by_id = {site.pk: site for site in sites}
    return [
        {"site": by_id[pk], "score": score, "best": best[pk]}
        for pk, score in weighted_ranking(rows, weights)
    ]


def sensitivity(sites, weights, inputs):
    """The ranking under prices and recovery rates ±20 %, and whether the order changes."""
    from sites.valuation import SCENARIOS

    reference = [row["site"].pk for row in ranking(sites, weights, inputs)]
    scenarios = []
    for label, price_factor, recovery_factor in SCENARIOS:
        order = [
            row["site"].pk
            for row in ranking(
                sites,
                weights,
                inputs,
                price_factor=price_factor,
                recovery_factor=recovery_factor,
            )
        ]
        moved = [pk for position, pk in enumerate(order) if reference[position] != pk]
        scenarios.append({"label": label, "order": order, "changed": bool(moved), "moved": moved})
    return reference, scenarios


def outcome_series(field):
    """Cumulative series of an outcome (tonnes recovered, hectares returned), by date."""
    points = SiteOutcome.objects.values("date").annotate(total=Sum(field)).order_by("date")
    series, running = [], 0
    for point in points:
        running += point["total"] or 0
        series.append((point["date"], running, None))
    return series


def programme():
    return Programme.objects.filter(code="regeneratis").first()


def sites_home_panel(user):
    if not can_view_sites(user):
        return None
    return {"site_count": Site.objects.count()}


def campaigns_between(start, end):
    return Campaign.objects.filter(started_on__range=(start, end)).select_related("site")


def today():
    return timezone.localdate()
