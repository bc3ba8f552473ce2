"""The techno-economic model of a brownfield: pure functions, no database.

1. **Units**: every laboratory value is converted to mg/kg (``to_mg_kg``).
2. **Grades**: a zone's grade per element is the mean of its samples (``zone_grades``). A value
   below the detection limit counts as **half the limit** (the usual substitution rule); an
   element whose values are all below the limit is marked so. P10/P50/P90 are the 10th, 50th
   and 90th percentiles of the samples' values.
3. **Tonnage and contained metal**: tonnage = volume × density; contained metal (t) =
   tonnage × grade (mg/kg) / 10⁶.
4. **Value of a route**: Σ contained metal × recovery rate × price (€/t); **costs**: tonnage ×
   (excavation + transport + processing) €/t; **net** = value − costs + remediation cost
   avoided. The **break-even factor** is the multiple of today's prices at which net is 0.

Worked example: a zone of 10 000 m³ at 2.5 t/m³ (25 000 t) with three samples of zinc at
2 %, 1 % and below a detection limit of 10 mg/kg → grades 20 000, 10 000 and 5 mg/kg →
mean 10 001.67 mg/kg → 250.04 t of zinc. With 80 % recovery at 2 500 €/t: 500 083 €;
costs 25 000 t × (10 + 5 + 30) €/t = 1 125 000 €; net with 200 000 € of remediation avoided:
−424 917 €; break-even at prices × 1.85.
"""

from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import pandas as pd
from django.utils.translation import gettext_lazy as _

UNIT_FACTORS = {
    "mg/kg": 1.0,
    "ppm": 1.0,
    "g/t": 1.0,
    "µg/g": 1.0,
    "ug/g": 1.0,
    "%": 10_000.0,
    "g/kg": 1_000.0,
}
BELOW_DETECTION_FACTOR = 0.5  # a value below the detection limit counts as half the limit


def to_mg_kg(value, unit):
    """The value in mg/kg, or ValueError for an unknown unit."""
    factor = UNIT_FACTORS.get(unit.strip().lower().replace(" ", ""))
    if factor is None:
        raise ValueError(unit)
    return float(value) * factor


@dataclass(frozen=True)
class Grade:
    element: str
    mean_mg_kg: float | None
    p10: float | None
    p50: float | None
    p90: float | None
    samples: int
    below_detection: int

    @property
    def all_below_detection(self):
        return self.samples > 0 and self.below_detection == self.samples


def zone_grades(results):
    """Grades per element from ``results``: rows of (element, value_mg_kg, below_detection,
    detection_limit_mg_kg). A zone with no result gives no grade."""
    frame = pd.DataFrame(
        list(results), columns=["element", "value", "below", "limit"], dtype=object
    )
    if frame.empty:
        return {}
    frame["value"] = frame["value"].astype(float)
    frame["limit"] = pd.to_numeric(frame["limit"], errors="coerce")
    frame["below"] = frame["below"].astype(bool)
    # Below the detection limit: half the limit (or half the value reported, when no limit).
    substituted = np.where(
        frame["below"],
        BELOW_DETECTION_FACTOR * frame["limit"].fillna(frame["value"]),
        frame["value"],
    )
    frame["grade"] = substituted
    grades = {}
    for element, group in frame.groupby("element", sort=True):
        values = group["grade"].to_numpy(dtype=float)
        p10, p50, p90 = np.percentile(values, [10, 50, 90])
        grades[element] = Grade(
            element=element,
            mean_mg_kg=float(values.mean()),
            p10=float(p10),
            p50=float(p50),
            p90=float(p90),
            samples=len(values),
            below_detection=int(group["below"].sum()),
        )
    return grades


def tonnage(volume_m3, density_t_m3):
    return float(volume_m3) * float(density_t_m3)


def contained_t(tonnage_t, grade_mg_kg):
    return 0.0 if grade_mg_kg is None else tonnage_t * grade_mg_kg / 1_000_000


@dataclass(frozen=True)
class Zone:
    tonnage_t: float
    grades: dict  # element -> Grade


@dataclass(frozen=True)
class RouteResult:
    route: str
    value: float
    costs: float
    net: float
    break_even_factor: float | None  # prices × this = net of zero; None: never breaks even
    metal_t: dict = field(default_factory=dict)  # element -> tonnes recovered
    label: str = ""


def evaluate_route(
    *,
    route,
    zones,
    prices,
    recovery_rates,
    processing_cost_per_t,
    excavation_cost_per_t,
    transport_cost_per_t,
    remediation_cost_avoided=0.0,
    price_factor=1.0,
    recovery_factor=1.0,
):
    """Net value of recovering the site's zones by one route (see the module's example).

    ``price_factor`` and ``recovery_factor`` scale every price and recovery rate (for the
    sensitivity analysis); rates stay within [0, 1]."""
    recovered = {}
    for zone in zones:
        for element, grade in zone.grades.items():
            rate = min(1.0, float(recovery_rates.get(element, 0.0)) * recovery_factor)
            recovered[element] = recovered.get(element, 0.0) + rate * contained_t(
                zone.tonnage_t, grade.mean_mg_kg
            )
    value = sum(t * float(prices.get(e, 0.0)) * price_factor for e, t in recovered.items())
    total_tonnage = sum(zone.tonnage_t for zone in zones)
    costs = total_tonnage * (
        float(excavation_cost_per_t) + float(transport_cost_per_t) + float(processing_cost_per_t)
    )
    net = value - costs + float(remediation_cost_avoided)
    unpaid = costs - float(remediation_cost_avoided)
    break_even = (unpaid / value * price_factor) if value > 0 else None
    if break_even is not None and break_even <= 0:
        break_even = 0.0  # profitable even at no price
    return RouteResult(route, value, costs, net, break_even, recovered)


def best_route(results):
    """The route with the highest net value (None without any)."""
    return max(results, key=lambda r: r.net, default=None)


CRITERIA = ("value", "pollution", "access", "ownership", "planning")


def weighted_ranking(sites, weights):
    """Sites ordered by a weighted score in [0, 1]: the best net value normalised across the
    sites, and the officer-scored criteria (1–5) normalised. ``sites`` are dicts with the key
    ``id``, ``net`` and the criteria; ``weights`` maps each criterion to its weight (≥ 0).
    Ties keep the sites' order; with all weights at 0, the net value decides."""
    if not sites:
        return []
    frame = pd.DataFrame(sites).set_index("id")
    nets = frame["net"].astype(float)
    span = nets.max() - nets.min()
    normalised = pd.DataFrame(index=frame.index)
    normalised["value"] = (nets - nets.min()) / span if span else 1.0
    for criterion in CRITERIA[1:]:
        normalised[criterion] = (frame[criterion].astype(float) - 1) / 4
    total_weight = sum(float(weights.get(c, 0)) for c in CRITERIA)
    if total_weight <= 0:
        weights, total_weight = {"value": 1}, 1.0
    score = sum(normalised[c] * float(weights.get(c, 0)) for c in CRITERIA) / total_weight
    order = score.sort_values(ascending=False, kind="stable")
    return [(site_id, float(order[site_id])) for site_id in order.index]


@dataclass(frozen=True)
class Scenario:
    key: str  # the SiteEstimate column that keeps each site's best net value under it
    label: str
    price_factor: float
    recovery_factor: float


SCENARIOS = [
    Scenario("net_prices_low", _("cours des métaux −20 %"), 0.8, 1.0),
    Scenario("net_prices_high", _("cours des métaux +20 %"), 1.2, 1.0),
    Scenario("net_recovery_low", _("taux de récupération −20 %"), 1.0, 0.8),
    Scenario("net_recovery_high", _("taux de récupération +20 %"), 1.0, 1.2),
]


def as_decimal(value, places="0.01"):
    return None if value is None else Decimal(str(value)).quantize(Decimal(places))
