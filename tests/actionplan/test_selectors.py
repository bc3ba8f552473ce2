from datetime import date
from decimal import Decimal

from actionplan.selectors import territorial_latest
from actionplan.services import measurement_approve, measurement_create


def _approved(indicator, officer, reviewer, day, value, territory):
    measurement = measurement_create(
        actor=officer,
        indicator=indicator,
        date=day,
        value=Decimal(value),
        source="Bilan",
        territory=territory,
    )
    measurement_approve(actor=reviewer, measurement=measurement, comment="")
    return measurement


def test_each_departement_shows_its_own_latest_approved_value_in_the_departements_order(
    partnerships, officer, second_officer
):
    _approved(partnerships, officer, second_officer, date(2026, 3, 31), 4, "62")
    _approved(partnerships, officer, second_officer, date(2026, 6, 30), 7, "62")
    _approved(partnerships, officer, second_officer, date(2026, 6, 30), 3, "59")
    _approved(partnerships, officer, second_officer, date(2026, 9, 30), 20, "")  # the Region
    measurement_create(  # entered, not approved: not shown yet
        actor=officer,
        indicator=partnerships,
        date=date(2026, 9, 30),
        value=Decimal(9),
        source="Bilan",
        territory="59",
    )

    rows = territorial_latest(partnerships)

    assert [(row["territory"], row["date"], row["value"]) for row in rows] == [
        ("Nord", date(2026, 6, 30), Decimal(3)),
        ("Pas-de-Calais", date(2026, 6, 30), Decimal(7)),
    ]


def _day(day, *, region=None, departements=0, departements_total=None):
    return {
        "date": day,
        "region_rows": 0 if region is None else 1,
        "region_total": region,
        "region_count": None,
        "departements": departements,
        "departements_total": departements_total,
        "departements_count": None,
    }


def test_the_regional_series_takes_the_regions_value_or_all_five_departements_never_fewer():
    from actionplan.selectors import regional_series

    days = [
        _day(date(2026, 3, 31), region=Decimal(53)),
        _day(date(2026, 6, 30), departements=4, departements_total=Decimal(60)),  # one missing
        _day(date(2026, 9, 30), departements=5, departements_total=Decimal(70)),
        _day(date(2026, 12, 31), region=Decimal(80), departements=5, departements_total=Decimal(1)),
    ]
    assert regional_series(days, cumulative=True) == [
        (date(2026, 3, 31), Decimal(53), None),
        (date(2026, 9, 30), Decimal(70), None),
        (date(2026, 12, 31), Decimal(80), None),
    ]
    # A flow (partnerships signed each quarter) is added up into a running total.
    assert [value for _day, value, _count in regional_series(days, cumulative=False)] == [
        Decimal(53),
        Decimal(123),
        Decimal(203),
    ]
