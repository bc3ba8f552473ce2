"""Reads of the action plan."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, Sum
from django.utils import timezone

from actionplan.models import (
    Action,
    Axis,
    FundingCommitment,
    FundingSource,
    Indicator,
    Measurement,
    MeasurementStatus,
    PlanSetting,
    StatusChange,
)
from actionplan.permissions import can_view_measurement, can_view_plan
from actionplan.progress import Horizon
from core.security import refuse_as_not_found

PROVISIONAL_START = date(2025, 1, 1)


@dataclass(frozen=True)
class PlanHorizon(Horizon):
    provisional: bool = False


def plan_horizon():
    setting = PlanSetting.objects.filter(pk=1).first()
    duration = setting.duration_years if setting else 3
    start = setting.start_date if setting and setting.start_date else None
    provisional = start is None
    start = start or PROVISIONAL_START
    end = date(start.year + duration, start.month, start.day) - timedelta(days=1)
    return PlanHorizon(start=start, end=end, provisional=provisional)


def quarter_start(day):
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def indicator_list(*, axis=None, action=None, lifecycle=None, status=None, owner=None):
    indicators = Indicator.objects.select_related("action__axis", "owner").order_by("position")
    if axis:
        indicators = indicators.filter(action__axis__code=axis)
    if action:
        indicators = indicators.filter(action__code=action)
    if lifecycle:
        # JSON containment is not portable to SQLite; the list is short, match the quoted tag.
        indicators = indicators.filter(action__lifecycle__icontains=f'"{lifecycle}"')
    if status:
        indicators = indicators.filter(current_status=status)
    if owner:
        indicators = indicators.filter(owner_id=owner)
    return indicators


def status_counts(indicators):
    counts = dict(indicators.order_by().values_list("current_status").annotate(n=Count("pk")))
    return counts


def status_changes_since(since):
    return (
        StatusChange.objects.filter(changed_at__date__gte=since)
        .select_related("indicator")
        .order_by("-changed_at")
    )


def indicator_get_for_user(user, code):
    indicator = Indicator.objects.select_related("action__axis", "owner").filter(code=code).first()
    if indicator is None or not can_view_plan(user):
        refuse_as_not_found(user, "indicator", code)
    return indicator


def indicator_series(indicator, *, until=None):
    """The indicator's regional series from approved measurements: one point per date,
    territories added up; non-cumulative indicators are turned into running totals."""
    rows = Measurement.objects.filter(indicator=indicator, status=MeasurementStatus.APPROVED)
    if until is not None:
        rows = rows.filter(date__lte=until)
    points = (
        rows.values("date").annotate(total=Sum("value"), count_total=Sum("count")).order_by("date")
    )
    series = []
    running_value, running_count = 0, 0
    for point in points:
        value, count = point["total"], point["count_total"]
        if not indicator.cumulative:
            running_value += value
            running_count += count or 0
            value, count = running_value, running_count
        series.append((point["date"], value, count))
    return series


def stored_series(indicator):
    """The series as of the last refresh (see SeriesPoint)."""
    return list(indicator.series_points.order_by("date").values_list("date", "value", "count"))


def measurement_list_for_indicator(indicator, *, limit=60):
    return (
        Measurement.objects.filter(indicator=indicator)
        .select_related("entered_by", "reviewed_by")
        .order_by("-date", "-pk")[:limit]
    )


def measurement_get_for_user(user, pk):
    measurement = (
        Measurement.objects.select_related("indicator", "entered_by").filter(pk=pk).first()
    )
    if measurement is None or not can_view_measurement(user, measurement):
        refuse_as_not_found(user, "measurement", pk)
    return measurement


def measurements_to_review():
    return (
        Measurement.objects.filter(status=MeasurementStatus.PENDING)
        .select_related("indicator", "entered_by")
        .order_by("indicator__position", "date")
    )


def funding_by_source():
    committed = Sum("commitments__amount")
    return FundingSource.objects.annotate(committed=committed).order_by("position")


def funding_by_action():
    return (
        Action.objects.annotate(
            committed=Sum("commitments__amount"), commitment_count=Count("commitments")
        )
        .select_related("axis")
        .order_by("position")
    )


def funding_total_committed():
    return FundingCommitment.objects.aggregate(total=Sum("amount"))["total"] or 0


def axes_with_actions():
    return Axis.objects.prefetch_related("actions").order_by("position")


def today():
    return timezone.localdate()


def owners():
    return (
        Indicator.objects.filter(owner__isnull=False)
        .values_list("owner_id", "owner__full_name")
        .distinct()
        .order_by("owner__full_name")
    )


def indicators_due_for_reminder():
    """Manual indicators whose latest value is older than their reporting frequency."""
    return Indicator.objects.filter(
        Q(computed_by=""), ~Q(target_kind__in=["tbd", "qualitative"]), owner__isnull=False
    ).select_related("owner")
