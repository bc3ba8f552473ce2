"""The action plan's benchmark suite (see core/bench.py): ten years of monthly approved
measurements per indicator for the Region and its five départements at 1×; at 10×, ten
measurements per territory and month (as when several sources report on the same month).

Rows are written in bulk through the base manager: benchmark fixtures, not user data, so
they deliberately skip the services and the audit trail."""

import itertools
import random
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.urls import reverse

from accounts.models import Role, User
from actionplan.models import Indicator, Measurement, MeasurementStatus
from actionplan.services import indicators_refresh_all
from core.bench import Page, Suite, suites
from core.territories import REGION, Departement

YEARS = 10
TERRITORIES = [REGION, *Departement.values]


def _officer():
    return User.objects.get(email="bench-officer-0@example.invalid", role=Role.OFFICER)


def fill(scale):
    # Reviewed for bandit: synthetic data.
    rng = random.Random(scale)  # nosec B311
    officer = _officer()
    start = date.today().replace(day=1) - relativedelta(years=YEARS)
    have = Measurement._base_manager.filter(source="bench").count()
    copies_done = have // max(1, _rows_per_copy())
    batch = []
    for indicator in _indicators():
        for month, copy, territory in itertools.product(
            range(YEARS * 12), range(copies_done, scale), TERRITORIES
        ):
            batch.append(
                Measurement(
                    indicator=indicator,
                    date=start + relativedelta(months=month, days=copy),
                    value=Decimal(rng.randint(1, 1000)),
                    count=rng.randint(0, 3) if indicator.target_kind == "money_count" else None,
                    territory=territory,
                    source="bench",
                    status=MeasurementStatus.APPROVED,
                    entered_by=officer,
                    reviewed_by=officer,
                    is_demo=True,
                )
            )
    Measurement._base_manager.bulk_create(batch, batch_size=5000)
    indicators_refresh_all()
    total = Measurement._base_manager.filter(source="bench").count()
    return f"{total:,} approved measurements".replace(",", " ")


def _indicators():
    return Indicator.objects.exclude(target_kind__in=["tbd", "qualitative", "milestone"]).filter(
        computed_by=""
    )


def _rows_per_copy():
    return _indicators().count() * YEARS * 12 * len(TERRITORIES)


def pages():
    officer = _officer()
    indicator = _indicators().order_by("code").first()
    return [
        Page("Plan: dashboard", reverse("actionplan:dashboard"), officer),
        Page(
            "Plan: indicator page",
            reverse("actionplan:indicator_detail", args=[indicator.code]),
            officer,
        ),
        Page("Plan: /api/indicators/", "/api/indicators/", officer),
        Page("Plan: /api/measurements/", "/api/measurements/", officer),
        Page("Plan: measurements to approve", reverse("actionplan:review_queue"), officer),
        Page("Plan: indicators export CSV", reverse("actionplan:export_csv"), officer),
    ]


suites.add("actionplan", Suite(fill=fill, pages=pages, order=30))
