"""Units of the plan's figures: measures (money, percentages, areas, masses) and counts."""

# Any unit not listed here counts things (jobs, partnerships, platforms…): whole numbers only.
MEASURE_UNITS = frozenset({"€", "%", "m²", "m2", "ha", "t", "tonnes", "kg", "MWh"})


def counts_things(unit):
    return bool(unit) and unit not in MEASURE_UNITS
