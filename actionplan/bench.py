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
from actionplan.forecast import backtest
from actionplan.models import Indicator, Measurement, MeasurementStatus, Report
from actionplan.periods import previous_quarter
from actionplan.services import (
    indicators_refresh_all,
    report_generate,
    report_publish,
    report_request,
)
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
    publish_last_quarter(officer, note=f"Bench {scale}×")
    total = Measurement._base_manager.filter(source="bench").count()
    return f"{total:,} approved measurements".replace(",", " ")


def publish_last_quarter(officer, *, note):
    """A published snapshot of the last complete quarter (a new version if one is already
    published), as the public pages read: they must not grow with the measurements behind it."""
    period_start, period_end = previous_quarter(date.today())
    already = Report.objects.filter(published_at__isnull=False).exists()
    report = report_request(
        actor=officer, period_start=period_start, period_end=period_end, new_version=already
    )
    report_generate(report_pk=report.pk)
    report_publish(
        actor=officer,
        report_pk=report.pk,
        committee_seen_on=date.today(),
        correction_note=note if already else "",
    )
    return report


def _indicators():
    return Indicator.objects.exclude(target_kind__in=["tbd", "qualitative", "milestone"]).filter(
        computed_by=""
    )


def _rows_per_copy():
    return _indicators().count() * YEARS * 12 * len(TERRITORIES)


def pages():
    officer = _officer()
    indicator = _indicators().order_by("code").first()
    # One the bench gives no value: its page must not walk the others' measurements.
    empty = Indicator.objects.exclude(pk__in=_indicators()).order_by("code").first()
    return [
        Page("Plan: dashboard", reverse("actionplan:dashboard"), officer),
        Page(
            "Plan: indicator page",
            reverse("actionplan:indicator_detail", args=[indicator.code]),
            officer,
        ),
        Page(
            "Plan: indicator page, no value yet",
            reverse("actionplan:indicator_detail", args=[empty.code]),
            officer,
        ),
        Page(
            "Plan: action page",
            reverse("actionplan:action_detail", args=[indicator.action.code]),
            officer,
        ),
        Page("Plan: the plan (about)", reverse("actionplan:plan_about"), officer),
        Page("Plan: funding", reverse("actionplan:funding"), officer),
        Page("Plan: commitments", reverse("actionplan:commitment_list"), officer),
        Page("Plan: reports", reverse("actionplan:report_list"), officer),
        Page("Plan: /api/axes/", "/api/axes/", officer),
        Page("Plan: /api/actions/", "/api/actions/", officer),
        Page("Plan: /api/indicators/", "/api/indicators/", officer),
        Page("Plan: /api/measurements/", "/api/measurements/", officer),
        Page("Plan: /api/funding-sources/", "/api/funding-sources/", officer),
        Page("Plan: /api/funding-commitments/", "/api/funding-commitments/", officer),
        Page("Plan: /api/reports/", "/api/reports/", officer),
        Page("Plan: measurements to approve", reverse("actionplan:review_queue"), officer),
        Page("Plan: indicators export CSV", reverse("actionplan:export_csv"), officer),
        Page("Officer's home", reverse("home"), officer),
        Page("Exports", reverse("export_list"), officer),
        Page("/api/data-flags/", "/api/data-flags/", officer),
        *public_pages(indicator),
    ]


def public_pages(indicator):
    """What a stranger reads, from the published snapshot (anonymous requests)."""
    action = indicator.action
    return [
        Page("Public: home", reverse("home")),
        Page("Public: progress of the plan", reverse("public:progress")),
        Page("Public: axis", reverse("public:axis_detail", args=[action.axis.code])),
        Page("Public: action", reverse("public:action_detail", args=[action.code])),
        Page("Public: indicator", reverse("public:indicator_detail", args=[indicator.code])),
        Page("Public: embedded chart", reverse("public:indicator_embed", args=[indicator.code])),
        Page("Public: publications", reverse("public:publication_list")),
        Page("Public: open data CSV", reverse("public:opendata_csv")),
        Page("Public: DCAT catalogue", reverse("catalog")),
    ]


def other_figures(scale):
    """The forecasts' backtest (once: it does not depend on the volume): how often the 80 %
    interval holds the value later observed, over synthetic series with a known line."""
    if scale != 1:
        return []
    lines = []
    for noise, label in (("normal", "normal noise"), ("student3", "heavy-tailed noise (t3)")):
        result = backtest(series=400, seed=2026, noise=noise)
        within = 0.7 <= result.coverage <= 0.9
        lines.append(
            f"Forecast backtest, {result.series} series, {label}: 80 % interval coverage "
            f"{result.coverage:.1%} ({'within' if within else 'OUTSIDE'} 70–90 %), "
            f"mean probability {result.mean_probability:.1%} vs targets met "
            f"{result.met_share:.1%}, Brier score {result.brier:.3f}"
        )
    return lines


suites.add("actionplan", Suite(fill=fill, pages=pages, other_figures=other_figures, order=30))
