"""The techno-economic model's rules, edge cases included (pure functions)."""

import pytest

from sites.valuation import (
    Zone,
    evaluate_route,
    to_mg_kg,
    tonnage,
    weighted_ranking,
    zone_grades,
)


def _zone():
    grades = zone_grades(
        [("Zn", 20_000, False, None), ("Zn", 10_000, False, None), ("Zn", 5, True, 10)]
    )
    return Zone(tonnage_t=tonnage(10_000, 2.5), grades=grades)


def _evaluate(zones, **changes):
    arguments = {
        "route": "hydrometallurgy",
        "zones": zones,
        "prices": {"Zn": 2_500},
        "recovery_rates": {"Zn": 0.8},
        "processing_cost_per_t": 30,
        "excavation_cost_per_t": 10,
        "transport_cost_per_t": 5,
        "remediation_cost_avoided": 200_000,
        **changes,
    }
    return evaluate_route(**arguments)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [(2, "%", 20_000), (150, "mg/kg", 150), (150, "g/t", 150), (3, "g/kg", 3_000), (7, "ppm", 7)],
)
def test_every_unit_is_converted_to_mg_per_kg(value, unit, expected):
    assert to_mg_kg(value, unit) == expected


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError):
        to_mg_kg(1, "tonnes")


def test_the_worked_example_of_the_module():
    result = _evaluate([_zone()])
    assert round(result.metal_t["Zn"], 2) == 200.03  # 250.04 t contained × 80 %
    assert round(result.value) == 500_083
    assert round(result.costs) == 1_125_000
    assert round(result.net) == -424_917
    assert round(result.break_even_factor, 2) == 1.85


def test_below_detection_values_count_as_half_the_limit_and_all_below_is_marked():
    grades = zone_grades([("Pb", 3, True, 10), ("Pb", 4, True, 10)])
    assert grades["Pb"].mean_mg_kg == 5
    assert grades["Pb"].all_below_detection


def test_percentiles_follow_the_spread_of_the_samples():
    grades = zone_grades([("Cu", value, False, None) for value in range(10, 110, 10)])
    assert (grades["Cu"].p10, grades["Cu"].p50, grades["Cu"].p90) == (19.0, 55.0, 91.0)


def test_a_zone_with_no_samples_has_no_grade_and_no_value():
    empty = Zone(tonnage_t=1_000, grades=zone_grades([]))
    result = _evaluate([empty])
    assert result.value == 0 and result.break_even_factor is None
    assert result.net == 200_000 - 1_000 * 45


def test_a_route_with_zero_recovery_never_breaks_even():
    result = _evaluate([_zone()], recovery_rates={"Zn": 0})
    assert result.value == 0 and result.break_even_factor is None


def test_a_price_of_zero_gives_no_value_and_no_break_even():
    result = _evaluate([_zone()], prices={"Zn": 0})
    assert result.value == 0 and result.break_even_factor is None


def test_recovery_above_100_percent_is_capped_in_sensitivity():
    result = _evaluate([_zone()], recovery_rates={"Zn": 0.95}, recovery_factor=1.2)
    assert round(result.metal_t["Zn"], 2) == 250.04  # all of it, never more


def test_the_weighted_ranking_follows_the_officers_weights():
    sites = [
        {"id": 1, "net": 1_000, "pollution": 1, "access": 1, "ownership": 1, "planning": 1},
        {"id": 2, "net": 0, "pollution": 5, "access": 5, "ownership": 5, "planning": 5},
    ]
    assert [s for s, _score in weighted_ranking(sites, {"value": 1})] == [1, 2]
    assert [s for s, _score in weighted_ranking(sites, {"value": 1, "access": 3})] == [2, 1]
    assert weighted_ranking([], {"value": 1}) == []
