"""Reads of the register of brownfields."""

from dataclasses import replace

from django.db import connection
from django.db.models import (
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Max,
    Min,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Cast, Coalesce, RowNumber
from django.utils import timezone

from core.security import refuse_as_not_found
from core.versioned_cache import remember
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


def site_valuation(site, inputs):
    """The columns of the site's estimate that the ranking reads: its best route at the latest
    prices and its best net value under each sensitivity scenario."""
    from sites.valuation import SCENARIOS, best_route, evaluate_route

    estimate = getattr(site, "estimate", None)
    contained = estimate.contained_t if estimate else {}
    tonnage = estimate.tonnage_t if estimate else 0.0

    def best(**factors):
        return best_route(
            [
                _route_result(
                    site, route, contained, tonnage, inputs["prices"], evaluate_route, **factors
                )
                for route in inputs["routes"]
            ]
        )

    reference = best()
    columns = {
        "best_route": reference.route if reference else "",
        "best_value": reference.value if reference else 0.0,
        "net": reference.net if reference else 0.0,
        "break_even_factor": reference.break_even_factor if reference else None,
    }
    for scenario in SCENARIOS:
        result = best(price_factor=scenario.price_factor, recovery_factor=scenario.recovery_factor)
        columns[scenario.key] = result.net if result else 0.0
    return columns


def site_valuation_columns():
    from sites.valuation import SCENARIOS

    return ["best_route", "best_value", "net", "break_even_factor", *(s.key for s in SCENARIOS)]


CRITERION_FIELDS = {
    "pollution": "pollution_risk_score",
    "access": "access_score",
    "ownership": "ownership_score",
    "planning": "planning_score",
}


def _scores(sites, weights, columns):
    """For each column of net values, the weighted score in [0, 1] of ``sites`` as a database
    expression:
    the formula of sites.valuation.weighted_ranking (net value normalised across the sites,
    criteria scored 1–5 normalised), so that the database orders any number of sites."""
    from sites.valuation import CRITERIA

    total = sum(float(weights.get(c, 0)) for c in CRITERIA)
    if total <= 0:
        weights, total = {"value": 1}, 1.0
    nets = {column: Coalesce(F(f"estimate__{column}"), 0.0) for column in columns}
    bounds = sites.aggregate(
        **{f"min_{c}": Min(nets[c]) for c in columns},
        **{f"max_{c}": Max(nets[c]) for c in columns},
    )
    criteria = sum(
        (
            Value(float(weights.get(criterion, 0)) / 4)
            * (Cast(F(field), FloatField()) - Value(1.0))
            for criterion, field in CRITERION_FIELDS.items()
        ),
        Value(0.0),
    )
    scores = {}
    for column in columns:
        low, high = bounds[f"min_{column}"] or 0.0, bounds[f"max_{column}"] or 0.0
        value = (
            (nets[column] - Value(low)) / Value(high - low) if high > low else Value(1.0)
        ) * Value(float(weights.get("value", 0)))
        scores[column] = ExpressionWrapper((value + criteria) / Value(total), FloatField())
    return scores


# The cache's name for what the ranking reads (see core.versioned_cache): the sites' criteria
# and their valuations.
VALUATIONS = "sites.valuations"


def _weights_key(weights):
    from sites.valuation import CRITERIA

    return ",".join(f"{c}={weights.get(c) or 0}" for c in CRITERIA)


def ranking_order(weights):
    """Every site's id and score, best first: ranked in the database once per change of the
    sites or of their valuations and per set of weights, then read from the cache."""
    return remember(
        VALUATIONS,
        f"ranking:{_weights_key(weights)}",
        lambda: list(ranked(Site.objects.all(), weights).values_list("pk", "score")),
    )


def sensitivity_remembered(weights):
    """``sensitivity`` of every site, once per change of the data and per set of weights."""
    from sites.valuation import SCENARIOS

    figures = remember(
        VALUATIONS,
        f"sensitivity:{_weights_key(weights)}",
        lambda: [
            {k: v for k, v in row.items() if k != "label"}
            for row in sensitivity(Site.objects.all(), weights)
        ],
    )
    return [{**row, "label": s.label} for row, s in zip(figures, SCENARIOS, strict=True)]


def ranked(sites, weights):
    """The ``sites`` queryset best first on ``weights``, each annotated with its ``score``."""
    return sites.annotate(score=_scores(sites, weights, ["net"])["net"]).order_by("-score", "pk")


def sensitivity(sites, weights, *, movers=10):
    """Whether the order changes when prices or recovery rates move by 20 %: for each scenario,
    how many sites change rank, and the best-placed of them (at most ``movers``).

    Computed in the database in two queries whatever the number of sites: each scenario's rank
    is a window over the same scores, compared with the reference rank."""
    from sites.valuation import SCENARIOS

    columns = ["net", *(scenario.key for scenario in SCENARIOS)]
    scores = _scores(sites, weights, columns)
    ranks = (
        sites.select_related(None)
        .annotate(**{f"score_{c}": scores[c] for c in columns})
        .annotate(
            **{
                f"rank_{c}": Window(RowNumber(), order_by=[F(f"score_{c}").desc(), F("pk").asc()])
                for c in columns
            }
        )
        .values("name", *(f"rank_{c}" for c in columns))
    )
    inner, params = ranks.query.sql_with_params()
    keys = [scenario.key for scenario in SCENARIOS]
    changed = " OR ".join(f"rank_net <> rank_{key}" for key in keys)
    # Reviewed for bandit: the SQL is built from this module's own column names only; values
    # travel as parameters.
    counting = ", ".join(f"SUM(CASE WHEN rank_net <> rank_{key} THEN 1 ELSE 0 END)" for key in keys)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counting} FROM ({inner}) ranks", params)  # noqa: S608  # nosec B608
        counts = cursor.fetchone()
        listing = ", ".join(f"rank_{c}" for c in columns)
        movers_query = f"SELECT name, {listing} FROM ({inner}) ranks WHERE {changed} ORDER BY rank_net LIMIT %s"  # noqa: E501, S608  # nosec B608
        cursor.execute(movers_query, [*params, movers * len(keys)])
        moved_rows = cursor.fetchall()
    scenarios = []
    for index, scenario in enumerate(SCENARIOS, start=1):
        names = [row[0] for row in moved_rows if row[1] != row[1 + index]][:movers]
        count = counts[index - 1] or 0
        scenarios.append(
            {"label": scenario.label, "changed": bool(count), "count": count, "moved_names": names}
        )
    return scenarios


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


def programme_list_for_user(user):
    if not can_view_sites(user):
        return Programme.objects.none()
    return Programme.objects.prefetch_related("statements").order_by("pk")


def programme_get_for_user(user, code):
    found = programme_list_for_user(user).filter(code=code).first()
    if found is None:
        refuse_as_not_found(user, "programme", code)
    return found


def sites_home_panel(user):
    if not can_view_sites(user):
        return None
    return {"site_count": Site.objects.count()}


def campaigns_between(start, end):
    return Campaign.objects.filter(started_on__range=(start, end)).select_related("site")


def today():
    return timezone.localdate()
