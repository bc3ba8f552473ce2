"""Reads of the action plan."""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import is_officer
from actionplan.models import (
    Action,
    Axis,
    FundingCommitment,
    FundingSource,
    Indicator,
    Measurement,
    MeasurementStatus,
    PlanSetting,
    Report,
    ReportStatus,
    SeriesPoint,
    StatusChange,
)
from actionplan.periods import period_label
from actionplan.permissions import (
    can_request_report,
    can_view_funding,
    can_view_measurement,
    can_view_plan,
    can_view_reports,
)
from actionplan.progress import Horizon
from core.outbox import outbox_pending
from core.registry import computed_sources
from core.security import refuse_as_not_found
from core.territories import REGION, Departement

PROVISIONAL_START = date(2025, 1, 1)


@dataclass(frozen=True)
class PlanHorizon(Horizon):
    provisional: bool = False


def plan_horizon(setting=None):
    """The plan's period; ``setting``: the plan's settings when the caller has read them."""
    setting = setting or PlanSetting.objects.filter(pk=1).first()
    duration = setting.duration_years if setting else 3
    start = setting.start_date if setting and setting.start_date else None
    provisional = start is None
    start = start or PROVISIONAL_START
    return PlanHorizon(start=start, end=horizon_end(start, duration), provisional=provisional)


def horizon_end(start, years):
    """The last day of a period of ``years`` years from ``start``. A period started on
    29 February ends, in a common year, the day before 28 February (art. 641 of the code de
    procédure civile: failing the same day of the month, the last day of the month).

    >>> horizon_end(date(2024, 7, 1), 3)
    datetime.date(2027, 6, 30)
    >>> horizon_end(date(2024, 2, 29), 3)
    datetime.date(2027, 2, 27)
    >>> horizon_end(date(2024, 2, 29), 4)
    datetime.date(2028, 2, 28)
    """
    return start + relativedelta(years=years) - timedelta(days=1)


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


def action_get_for_user(user, code):
    action = Action.objects.select_related("axis").filter(code=code).first()
    if action is None or not can_view_plan(user):
        refuse_as_not_found(user, "action", code)
    return action


def plan_get_for_user(user):
    plan = PlanSetting.objects.first()
    if plan is None or not can_view_plan(user):
        refuse_as_not_found(user, "plan", 1)
    return plan


def indicator_series(indicator, *, until=None):
    """The indicator's regional series from approved measurements, one point per date (see
    ``regional_series``)."""
    return series_by_indicator([indicator], until=until)[indicator.pk]


def series_by_indicator(indicators, *, until=None):
    """``indicator_series`` of several indicators in one query: {indicator pk: series}.

    The database sums each date's regional and départemental values apart, so one row per
    indicator and date comes back, however many territories and sources reported that day."""
    by_pk = {indicator.pk: indicator for indicator in indicators}
    rows = Measurement.objects.filter(indicator__in=by_pk, status=MeasurementStatus.APPROVED)
    if until is not None:
        rows = rows.filter(date__lte=until)
    regional = Q(territory=REGION)
    departemental = Q(territory__in=Departement.values)
    grouped = {pk: [] for pk in by_pk}
    for row in (
        rows.values("indicator_id", "date")
        .annotate(
            region_rows=Count("pk", filter=regional),
            region_total=Sum("value", filter=regional),
            region_count=Sum("count", filter=regional),
            departements=Count("territory", filter=departemental, distinct=True),
            departements_total=Sum("value", filter=departemental),
            departements_count=Sum("count", filter=departemental),
        )
        .order_by("indicator_id", "date")
    ):
        grouped[row["indicator_id"]].append(row)
    return {
        pk: regional_series(days, cumulative=by_pk[pk].cumulative) for pk, days in grouped.items()
    }


def regional_series(days, *, cumulative):
    """Fold ``days`` (one dict a date, in date order: the sums of the Region's own values and of
    the départements' values that day, with how many départements reported) into the regional
    series: ``[(date, value, count), …]``.

    A département's value never stands for the Region. On each date the regional figure is
    the value entered for the Region itself; failing that, the sum of the five départements
    when all five are entered for that date; otherwise there is no regional point that day
    (the départements' values show in their own series). Non-cumulative indicators are then
    turned into running totals.

    Worked example: Région 53 on 31/03; Pas-de-Calais 60 on 30/06 → one regional point (53).
    """
    series = []
    running_value, running_count = 0, 0
    for day in days:
        if day["region_rows"]:
            value, count = day["region_total"], day["region_count"]
        elif day["departements"] == len(Departement.values):
            value, count = day["departements_total"], day["departements_count"]
        else:
            continue
        if not cumulative:
            running_value += value
            running_count += count or 0
            value, count = running_value, running_count
        series.append((day["date"], value, count))
    return series


def territorial_latest(indicator):
    """Each département's latest approved value, for the indicator page.

    One query whatever the number of départements: for each, two scalar subqueries that
    read the newest row from the (indicator, status, date) index."""
    approved = Measurement.objects.filter(
        indicator=OuterRef("pk"), status=MeasurementStatus.APPROVED
    ).order_by("-date", "-pk")
    latest = {}
    for code in Departement.values:
        newest = approved.filter(territory=code)
        latest[f"date_{code}"] = Subquery(newest.values("date")[:1])
        latest[f"value_{code}"] = Subquery(newest.values("value")[:1])
    row = Indicator.objects.filter(pk=indicator.pk).values(**latest).get()
    return [
        {"territory": label, "date": row[f"date_{code}"], "value": row[f"value_{code}"]}
        for code, label in Departement.choices
        if row[f"date_{code}"] is not None
    ]


def stored_series(indicator):
    """The series as of the last refresh (see SeriesPoint)."""
    return list(indicator.series_points.order_by("date").values_list("date", "value", "count"))


# The outbox message that recomputes an indicator's status and stored series after a change.
REFRESH_INDICATOR = "actionplan.refresh_indicator"


def series_as_approved(indicators, *, until):
    """``series_by_indicator(indicators, until=until)``, read from the stored series where it
    is up to date: a few thousand stored points instead of every approved measurement.

    Every change to an indicator's approved measurements queues its refresh in the same
    transaction (``indicator_refresh_later``), so a stored series is behind exactly while such
    a message is waiting or running; those indicators are computed from their measurements."""
    by_pk = {indicator.pk: indicator for indicator in indicators}
    queued = set(
        outbox_pending()
        .filter(kind=REFRESH_INDICATOR)
        .values_list("payload__indicator_pk", flat=True)
    )
    series = {pk: [] for pk in by_pk if pk not in queued}
    for indicator_id, day, value, count in (
        SeriesPoint.objects.filter(indicator__in=list(series), date__lte=until)
        .order_by("indicator_id", "date")
        .values_list("indicator_id", "date", "value", "count")
    ):
        series[indicator_id].append((day, value, count))
    behind = [indicator for pk, indicator in by_pk.items() if pk in queued]
    if behind:
        series.update(series_by_indicator(behind, until=until))
    return series


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
    committed = Sum("commitments__amount", filter=Q(commitments__withdrawn_at__isnull=True))
    return FundingSource.objects.annotate(committed=committed).order_by("position")


STANDING = Q(commitments__withdrawn_at__isnull=True)


def commitment_list(*, source=None, action=None):
    """Every commitment, withdrawn ones included (marked), newest first, for the list page."""
    commitments = FundingCommitment.objects.select_related("source", "action", "recorded_by")
    if source:
        commitments = commitments.filter(source__code=source)
    if action:
        commitments = commitments.filter(action__code=action)
    return commitments.order_by("-date", "-pk")


def commitment_get_for_user(user, pk):
    found = FundingCommitment.objects.select_related("source", "action").filter(pk=pk).first()
    if found is None or not can_view_funding(user):
        refuse_as_not_found(user, "commitment", pk)
    return found


def funding_by_action():
    return (
        Action.objects.annotate(
            committed=Sum("commitments__amount", filter=STANDING),
            commitment_count=Count("commitments", filter=STANDING),
        )
        .select_related("axis")
        .order_by("position")
    )


def funding_total_committed(*, demo_only=False):
    standing = FundingCommitment.objects.standing()
    commitments = standing.filter(is_demo=True) if demo_only else standing
    return commitments.aggregate(total=Sum("amount"))["total"] or 0


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


def plan_home_panel(user):
    """The officer's panel on the home page: what waits for them."""
    if not is_officer(user):
        return None
    pending = Measurement.objects.filter(status=MeasurementStatus.PENDING).exclude(entered_by=user)
    return {"pending_count": pending.count()}


def reports_home_panel(user):
    if not can_view_reports(user):
        return None
    ready = (
        Report.objects.filter(status=ReportStatus.READY)
        .defer(*REPORT_HEAVY_FIELDS)
        .order_by("-period_end", "-version")
    )
    return {
        "reports": [
            (report, period_label(report.period_start, report.period_end)) for report in ready[:4]
        ]
    }


def computed_source_label(key):
    """What another app computes for an indicator, in words (None if not computed or unknown)."""
    source = computed_sources.get(key) if key else None
    return source.label if source else None


# A report's frozen snapshot holds the whole period's data (megabytes at ten times the
# Region's volume): lists never read it.
REPORT_HEAVY_FIELDS = ("snapshot",)


def _reports_for_user(user):
    if not can_view_reports(user):
        return Report.objects.none()
    reports = Report.objects.select_related("requested_by").order_by("-period_end", "-version")
    if not can_request_report(user):
        reports = reports.filter(status=ReportStatus.READY)
    return reports


def report_list_for_user(user):
    """Officers follow every report (queued, failed…); the committee reads the ready ones."""
    return _reports_for_user(user).defer(*REPORT_HEAVY_FIELDS)


def report_get_for_user(user, pk):
    report = _reports_for_user(user).filter(pk=pk).first()
    if report is None:
        refuse_as_not_found(user, "report", pk)
    return report


# Fields of an indicator whose changes an officer reads in its history (the rest is derived).
_HISTORY_FIELDS = [
    "current_status",
    "owner",
    "frequency",
    "tolerance",
    "manual_status",
    "manual_status_reason",
    "target_value",
    "target_year",
    "baseline_value",
    "baseline_year",
]


def indicator_history(indicator, *, limit=20):
    """The indicator's history in words: measurements entered, approved or returned, status
    changes and settings changed, newest first, each with who and when."""
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    measurement_type = ContentType.objects.get_for_model(Measurement)
    indicator_type = ContentType.objects.get_for_model(Indicator)
    measurement_ids = Measurement.objects.filter(indicator=indicator).values("pk")
    entries = list(
        LogEntry.objects.filter(
            Q(content_type=indicator_type, object_id=indicator.pk)
            | Q(content_type=measurement_type, object_id__in=measurement_ids)
        )
        .exclude(action=LogEntry.Action.ACCESS)
        .select_related("actor")
        .order_by("-timestamp", "-pk")[: limit * 3]
    )
    measurements = Measurement.objects.in_bulk(
        [e.object_id for e in entries if e.content_type_id == measurement_type.pk]
    )
    owners = dict(
        indicator._meta.get_field("owner")
        .related_model.objects.filter(
            pk__in=[
                pk
                for e in entries
                for pk in (e.changes_dict.get("owner") or [])
                if str(pk).isdigit()
            ]
        )
        .values_list("pk", "full_name")
    )
    history = []
    for entry in entries:
        if entry.content_type_id == measurement_type.pk:
            text = _measurement_event(entry, measurements.get(entry.object_id), indicator)
        else:
            text = _indicator_event(entry, indicator, owners)
        if text:
            who = entry.actor.full_name if entry.actor else _("traitement automatique")
            history.append({"when": entry.timestamp, "who": who, "text": text})
        if len(history) == limit:
            break
    return history


def _measurement_event(entry, measurement, indicator):
    from auditlog.models import LogEntry

    from core.templatetags.portal import quantity

    if measurement is None:
        return None
    what = _("mesure du %(date)s, %(value)s, %(territory)s") % {
        "date": measurement.date.strftime("%d/%m/%Y"),
        "value": quantity(measurement.value, indicator.unit),
        "territory": measurement.get_territory_display() or _("Région"),
    }
    event = (entry.additional_data or {}).get("event")
    reason = (entry.additional_data or {}).get("reason")
    if entry.action == LogEntry.Action.CREATE:
        return _("Saisie de la %(what)s") % {"what": what}
    labels = {
        "approve": _("Approbation de la %(what)s"),
        "return": _("Renvoi à son auteur de la %(what)s"),
        "resubmit": _("Nouvelle soumission de la %(what)s"),
    }
    if event in labels:
        text = labels[event] % {"what": what}
        return f"{text} — {reason}" if reason else text
    return None


def _indicator_event(entry, indicator, owners):
    from auditlog.models import LogEntry

    from actionplan.models import Frequency, Status

    if entry.action == LogEntry.Action.CREATE:
        return _("Indicateur créé d'après le document source")
    changes = entry.changes_dict
    parts = []
    for name in _HISTORY_FIELDS:
        if name not in changes:
            continue
        before, after = changes[name][0], changes[name][-1]
        field = indicator._meta.get_field(name)
        if name in ("current_status", "manual_status"):
            before, after = (
                Status(v).label if v in Status.values else "—" for v in (before, after)
            )
        elif name == "frequency":
            before, after = (
                Frequency(v).label if v in Frequency.values else "—" for v in (before, after)
            )
        elif name == "owner":
            before, after = (
                owners.get(int(v), "—") if str(v).isdigit() else "—" for v in (before, after)
            )
        elif before in (None, "None", ""):
            before = "—"
        if str(before) == str(after):
            continue
        parts.append(
            _("%(field)s : %(before)s → %(after)s")
            % {"field": str(field.verbose_name).capitalize(), "before": before, "after": after}
        )
    return " ; ".join(parts) or None
