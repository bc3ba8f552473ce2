"""What several test modules of the action plan build: an approved value, the third quarter."""

from datetime import date
from decimal import Decimal

from actionplan.services import measurement_approve, measurement_create

Q3_START, Q3_END = date(2026, 7, 1), date(2026, 9, 30)


def approved(indicator, author, reviewer, day, value, comment="", territory="", is_demo=False):
    measurement = measurement_create(
        actor=author,
        indicator=indicator,
        date=day,
        value=Decimal(value),
        source="Bilan",
        comment=comment,
        territory=territory,
        is_demo=is_demo,
    )
    return measurement_approve(actor=reviewer, measurement=measurement)
