"""Steering reports: the frozen snapshot of a period, and what is drawn from it.

The snapshot is taken once and stored on the report as JSON; the PDF and the
XLSX are rendered from the snapshot only, so re-rendering a past quarter gives
the same figures whatever was recorded since. Values count by their date
(measurements dated within the period, as approved when the snapshot is taken).
"""

import io
import operator
from collections import defaultdict
from datetime import date
from decimal import Decimal
from functools import reduce
from types import SimpleNamespace

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan.charts import envelope_bar_svg, status_bars_svg, trajectory_svg
from actionplan.models import (
    Axis,
    FundingCommitment,
    FundingSource,
    GovernanceBody,
    Measurement,
    MeasurementStatus,
    Nature,
    PlanSetting,
    Status,
)
from actionplan.periods import period_label, previous_quarter
from actionplan.selectors import plan_horizon, series_as_approved
from core.exports import MONEY, PERCENT, Column, write_workbook
from core.models import DataFlag
from core.registry import report_sections


def _decimal(value):
    return None if value is None else str(value)


def _indicator_entry(
    indicator, *, series, comments, horizon, period_end, previous_end, demo_points, marked
):
    """One indicator's figures as at the period's end and the previous quarter's end.

    ``series`` is the measured series up to the period's end (None for an indicator another
    app computes): the previous quarter's is its beginning, so no second read is needed."""
    from actionplan.services import indicator_assessment, indicator_forecast

    assessment, series = indicator_assessment(
        indicator, until=period_end, series=series, horizon=horizon
    )
    previous, _series = indicator_assessment(
        indicator,
        until=previous_end,
        series=[point for point in series if point[0] <= previous_end],
        horizon=horizon,
    )
    return {
        "code": indicator.code,
        "name": indicator.name,
        "target_in_words": str(indicator.target_in_words()),
        "source_wording": indicator.source_wording,
        "source_document": indicator.source_document,
        "computed": bool(indicator.computed_by),
        "unit": indicator.unit,
        "kind": indicator.target_kind,
        "has_trajectory": indicator.has_trajectory and indicator.target_value is not None,
        "baseline_value": _decimal(indicator.baseline_value),
        "baseline_year": indicator.baseline_year,
        "target_value": _decimal(indicator.target_value),
        "target_year": indicator.target_year,
        "tolerance": _decimal(indicator.tolerance),
        "status": assessment.status,
        "previous_status": previous.status,
        "progress": _decimal(assessment.progress),
        "value": _decimal(assessment.value),
        "value_date": assessment.value_date.isoformat() if assessment.value_date else None,
        "stale": assessment.stale,
        "exceeded": assessment.exceeded,
        "is_demo": (indicator.pk, assessment.value_date) in demo_points,
        # The chart's points: the series at each month's end (see ``month_ends``).
        "series": [
            [day.isoformat(), str(value), count] for day, value, count in month_ends(series)
        ],
        "value_count": len(series),
        # The dates of the series that stand on an estimated, or a demonstration, value:
        # public pages and open data mark them.
        "estimated_dates": sorted(marked["estimated"].get(indicator.pk, ())),
        "demo_dates": sorted(marked["demo"].get(indicator.pk, ())),
        "comments": [[day.isoformat(), text] for day, text in comments],
        # Where the trend led as at the period's end (``actionplan.forecast``).
        "forecast": indicator_forecast(indicator, series, as_of=period_end, horizon=horizon),
    }


def month_ends(series):
    """The points of ``series`` (in date order) that close their month: the figure as it
    stood at the end of each month with a value. The report's chart spans years, where a
    month is a few pixels wide: several values in one month would draw on top of each other
    and only make the report heavier. The latest value is always kept.

    Worked example: 10/01 → 5, 31/01 → 7, 15/02 → 9 gives 31/01 → 7, 15/02 → 9."""
    kept = []
    for point in series:
        if kept and (kept[-1][0].year, kept[-1][0].month) == (point[0].year, point[0].month):
            kept[-1] = point
        else:
            kept.append(point)
    return kept


def build_snapshot(period_start, period_end):
    """The report's figures, read in a number of queries that does not depend on the number of
    indicators or measurements."""
    previous_end = previous_quarter(period_end)[1]
    setting = PlanSetting.objects.filter(pk=1).first()
    horizon = plan_horizon(setting)
    approved = Measurement.objects.filter(status=MeasurementStatus.APPROVED)
    comments = defaultdict(list)
    for indicator_id, day, text in (
        approved.filter(date__range=(period_start, period_end))
        .exclude(comment="")
        .order_by("date", "pk")
        .values_list("indicator_id", "date", "comment")
    ):
        comments[indicator_id].append((day, text))
    tree = list(Axis.objects.prefetch_related("actions__indicators").order_by("position"))
    indicators = [
        i for axis in tree for action in axis.actions.all() for i in action.indicators.all()
    ]
    measured = series_as_approved(
        [indicator for indicator in indicators if not indicator.computed_by], until=period_end
    )
    # A latest value entered for the demonstration is marked in the report as on the pages.
    latest = [Q(indicator_id=pk, date=points[-1][0]) for pk, points in measured.items() if points]
    demo_points = (
        frozenset(
            approved.filter(reduce(operator.or_, latest), is_demo=True).values_list(
                "indicator_id", "date"
            )
        )
        if latest
        else frozenset()
    )
    marked = {"estimated": defaultdict(set), "demo": defaultdict(set)}
    for indicator_id, day, nature, is_demo in (
        approved.filter(date__lte=period_end)
        .filter(Q(nature=Nature.ESTIMATED) | Q(is_demo=True))
        .values_list("indicator_id", "date", "nature", "is_demo")
    ):
        if nature == Nature.ESTIMATED:
            marked["estimated"][indicator_id].add(day.isoformat())
        if is_demo:
            marked["demo"][indicator_id].add(day.isoformat())
    axes = [
        {
            "code": axis.code,
            "title": axis.title,
            "actions": [
                {
                    "code": action.code,
                    "theme": action.theme,
                    "title": action.title,
                    "indicators": [
                        _indicator_entry(
                            indicator,
                            series=measured.get(indicator.pk),
                            comments=comments[indicator.pk],
                            horizon=horizon,
                            period_end=period_end,
                            previous_end=previous_end,
                            demo_points=demo_points,
                            marked=marked,
                        )
                        for indicator in action.indicators.all()
                    ],
                }
                for action in axis.actions.all()
            ],
        }
        for axis in tree
    ]
    commitments = FundingCommitment.objects.standing().filter(date__lte=period_end)
    by_source = {
        row["source"]: row["total"]
        for row in commitments.values("source").annotate(total=Sum("amount"))
    }
    by_action = {
        (row["action__code"], row["action__theme"]): row["total"]
        for row in commitments.values("action__code", "action__theme").annotate(total=Sum("amount"))
    }
    snapshot = {
        "period_start": period_start.isoformat(),
        "period_end": period_end.isoformat(),
        "previous_end": previous_end.isoformat(),
        "taken_at": timezone.now().isoformat(),
        "horizon": {
            "start": horizon.start.isoformat(),
            "end": horizon.end.isoformat(),
            "provisional": horizon.provisional,
        },
        "envelope": _decimal(setting.envelope) if setting else None,
        "committed": _decimal(sum(by_source.values(), Decimal(0))),
        "committed_includes_demo": commitments.filter(is_demo=True).exists(),
        "axes": axes,
        "funding_sources": [
            {
                "name": source.name,
                "group": source.group,
                "envelope": _decimal(source.envelope),
                "committed": _decimal(by_source.get(source.pk, Decimal(0))),
                "is_leverage": source.is_leverage,
            }
            for source in FundingSource.objects.order_by("position")
        ],
        "funding_actions": [
            [code, _decimal(total), theme] for (code, theme), total in sorted(by_action.items())
        ],
        "governance": list(GovernanceBody.objects.values("name", "cadence", "composition")),
        "pilot": _pilot(setting),
        "source_points": _source_points(),
        "sections": {},
    }
    # The other apps' sections (AMI, sites, partners), as they registered them.
    for key, section in report_sections.items():
        data = section.build(period_start, period_end)
        if data:
            snapshot["sections"][key] = data
    return snapshot


def _pilot(setting):
    """Who steers the plan, in the plan's words (none if the passage is not loaded)."""
    if setting is None:
        return ""
    found = setting.statements.filter(section="governance", label="Pilote du plan").first()
    return found.source_wording if found else ""


def _source_points():
    """The points still to confirm behind the plan's figures (plan, indicators, funding), with
    the provisional reading each states: the committee reads the figures knowing them."""
    open_flags = DataFlag.objects.filter(
        status=DataFlag.Status.OPEN,
        content_type__app_label="actionplan",
        content_type__model__in=["plansetting", "indicator", "fundingsource"],
    ).order_by("content_type__model", "subject_label", "pk")
    counts = DataFlag.objects.aggregate(
        settled=Count("pk", filter=~Q(status=DataFlag.Status.OPEN)),
        open_everywhere=Count("pk", filter=Q(status=DataFlag.Status.OPEN)),
    )
    return {
        "open": [{"subject": f.subject_label, "message": f.message} for f in open_flags],
        **counts,
    }


def sections(snapshot):
    """The registered sections present in the snapshot, in their order, ready to render."""
    return [
        {
            "id": key,
            "title": section.title,
            "template": section.template,
            "data": snapshot["sections"][key],
        }
        for key, section in report_sections.items()
        if key in snapshot.get("sections", {})
    ]


def _indicators(snapshot):
    for axis in snapshot["axes"]:
        for action in axis["actions"]:
            yield from action["indicators"]


def summary(snapshot):
    indicators = list(_indicators(snapshot))
    counts = dict.fromkeys(Status.values, 0)
    for indicator in indicators:
        counts[indicator["status"]] += 1
    return {
        "counts": [(Status(status).label, status, count) for status, count in counts.items()],
        "changed": [i for i in indicators if i["status"] != i["previous_status"]],
        "late": [i for i in indicators if i["status"] == Status.LATE],
        "at_risk": at_risk(indicators),
        "total": len(indicators),
    }


AT_RISK_BELOW = 0.5


def at_risk(indicators):
    """The targets the trend is more likely to miss than to meet, the least likely first
    (entries of snapshots taken before forecasts existed have none)."""
    projected = [
        i
        for i in indicators
        if (i.get("forecast") or {}).get("state") == "ok"
        and i["forecast"]["probability"] < AT_RISK_BELOW
        and i["status"] not in (Status.ACHIEVED, Status.ACHIEVED_LATE)
    ]
    return sorted(projected, key=lambda i: (i["forecast"]["probability"], i["code"]))


def charts(snapshot):
    """The trajectory charts of the snapshot, keyed by indicator code (the same drawing as the page)."""
    return {
        indicator["code"]: chart_for(snapshot, indicator)
        for indicator in _indicators(snapshot)
        if indicator["has_trajectory"]
    }


def chart_for(snapshot, indicator):
    """One indicator's trajectory chart, drawn from a snapshot's entry (None without a
    trajectory): the report, the public pages and the embedded chart draw the same image."""
    if not indicator["has_trajectory"]:
        return None
    start = (
        date(indicator["baseline_year"], 12, 31)
        if indicator["baseline_year"]
        else date.fromisoformat(snapshot["horizon"]["start"])
    )
    end = (
        date(indicator["target_year"], 12, 31)
        if indicator["target_year"]
        else date.fromisoformat(snapshot["horizon"]["end"])
    )
    return trajectory_svg(
        indicator=SimpleNamespace(code=indicator["code"]),
        series=series_points(indicator),
        start=start,
        end=end,
        baseline=Decimal(indicator["baseline_value"] or 0),
        target=Decimal(indicator["target_value"]),
        tolerance_ratio=Decimal(indicator["tolerance"]) / 100,
        title_id=f"chart-{indicator['code']}",
        value_count=indicator.get("value_count"),  # absent from snapshots taken before
        forecast=indicator.get("forecast"),
    )


def series_points(indicator):
    """A snapshot entry's series as ``(date, Decimal value, count)``."""
    return [
        (date.fromisoformat(day), Decimal(value), count)
        for day, value, count in indicator["series"]
    ]


def indicators_of(snapshot):
    """Every indicator entry of the snapshot, in the plan's order."""
    return list(_indicators(snapshot))


def context(report, snapshot, drawn):
    figures = summary(snapshot)
    envelope = Decimal(snapshot["envelope"]) if snapshot.get("envelope") else None
    return {
        "report": report,
        "snapshot": snapshot,
        "label": period_label(report.period_start, report.period_end),
        "summary": figures,
        "status_chart": status_bars_svg(figures["counts"], title_id="status-chart"),
        "envelope_chart": envelope_bar_svg(
            Decimal(snapshot["committed"] or 0), envelope, title_id="envelope-chart"
        )
        if envelope
        else None,
        "charts": drawn,
        "generated_at": timezone.localtime(),
        "statuses": dict(Status.choices),
        "sections": sections(snapshot),
    }


def _indicator_rows(snapshot):
    for axis in snapshot["axes"]:
        for action in axis["actions"]:
            for indicator in action["indicators"]:
                yield [
                    axis["code"],
                    action["code"],
                    indicator["code"],
                    indicator["name"],
                    indicator["target_in_words"],
                    indicator["unit"],
                    None if indicator["value"] is None else float(indicator["value"]),
                    date.fromisoformat(indicator["value_date"])
                    if indicator["value_date"]
                    else None,
                    None
                    if indicator["progress"] is None
                    else round(float(indicator["progress"]) * 100, 1),
                    str(Status(indicator["status"]).label),
                    str(Status(indicator["previous_status"]).label),
                    *_forecast_cells(indicator.get("forecast") or {}),
                ]


def _forecast_cells(forecast):
    """Target date, projection, its 80 % interval and the probability (%), or blanks."""
    if forecast.get("state") != "ok":
        return [None] * 5
    return [
        date.fromisoformat(forecast["target_date"]),
        round(forecast["value"], 2),
        round(forecast["low"], 2),
        round(forecast["high"], 2),
        round(forecast["probability"] * 100, 1),
    ]


def workbook(report, snapshot):
    """The report's XLSX: the indicators, the funding and the detail of the other apps'
    sections (the PDF keeps a summary of them)."""
    sheets = [
        (
            _("Indicateurs"),
            [
                _("Axe"),
                _("Action"),
                _("Code"),
                _("Indicateur"),
                _("Objectif"),
                _("Unité"),
                _("Dernière valeur"),
                _("Date de la valeur"),
                Column(_("Avancement (%)"), PERCENT),
                _("Statut"),
                _("Statut au trimestre précédent"),
                _("Échéance de la cible"),
                _("Projection à l'échéance"),
                _("Projection : borne basse (80 %)"),
                _("Projection : borne haute (80 %)"),
                Column(_("Probabilité d'atteindre la cible (%)"), PERCENT),
            ],
            _indicator_rows(snapshot),
        ),
        (
            _("Financements"),
            [
                _("Source"),
                _("Famille"),
                Column(_("Enveloppe (€)"), MONEY),
                Column(_("Engagé (€)"), MONEY),
            ],
            (
                [
                    source["name"],
                    source["group"],
                    None if source["envelope"] is None else float(source["envelope"]),
                    float(source["committed"]),
                ]
                for source in snapshot["funding_sources"]
            ),
        ),
    ]
    for key, section in report_sections.items():
        data = snapshot.get("sections", {}).get(key)
        if data is not None and section.sheet is not None:
            sheets.append(section.sheet(data))
    buffer = io.BytesIO()
    write_workbook(sheets, buffer)
    return buffer.getvalue()
