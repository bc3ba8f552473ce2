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
