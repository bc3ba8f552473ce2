"""The AMI section of the steering report (registered in ``core.registry.report_sections``).

Bounded to its period: figures as they stood at the period's end (a dossier counts as
submitted from its first submission, as decided from its decision), the dossiers retained
within the period (the first ones in the PDF, all of them in the XLSX), and the deadlines
that followed the period. Its size does not grow with the number of dossiers ever filed.
"""

from datetime import datetime, time, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ami.models import Dossier, DossierStatus, DossierVersion, Phase

TITLE = gettext_lazy("Appels à manifestation d'intérêt")
RETAINED_IN_PDF = 20
DECISIONS = [DossierStatus.RETAINED, DossierStatus.NOT_RETAINED, DossierStatus.REDIRECTED]


def _bounds(period_start, period_end):
    zone = timezone.get_default_timezone()
    start = datetime.combine(period_start, time.min, tzinfo=zone)
    end = datetime.combine(period_end + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def build_section(period_start, period_end):
    start, end = _bounds(period_start, period_end)
    # A dossier's first version is its first submission: counting versions numbered 1 joins
    # each dossier once, where a "first submission" subquery would run once per dossier.
    first_versions = DossierVersion.objects.filter(number=1)
    submitted_by_end = Q(submitted_at__lt=end)
    decided_by_end = Q(dossier__decided_at__lt=end)
    counts = {
        row["dossier__phase"]: row
        for row in first_versions.values("dossier__phase")
        .annotate(
            submitted_in_period=Count("pk", filter=Q(submitted_at__gte=start) & submitted_by_end),
            submitted_total=Count("pk", filter=submitted_by_end),
            in_instruction=Count("pk", filter=submitted_by_end & ~decided_by_end),
            **{
                f"decided_{status}": Count("pk", filter=decided_by_end & Q(dossier__status=status))
                for status in DECISIONS
            },
        )
        .order_by()
    }
    rows = []
    for phase in Phase.objects.select_related("call").order_by("call__position", "number"):
        row = counts.get(phase.pk, {})
        rows.append(
            {
                "call": phase.call.short_title,
                "phase": phase.title,
                "submitted_in_period": row.get("submitted_in_period", 0),
                "submitted_total": row.get("submitted_total", 0),
                "in_instruction": row.get("in_instruction", 0),
                "decided": [
                    [str(DossierStatus(status).label), row.get(f"decided_{status}", 0)]
                    for status in DECISIONS
                ],
                "closes_at": phase.closes_at.isoformat() if phase.closes_at else None,
                "deadline_wording": phase.deadline_wording,
            }
        )
    retained = [
        {
            "reference": row["reference"],
            "title": row["title"],
            "organisation": row["organisation__name"],
            "call": row["phase__call__short_title"],
            "decided_at": row["decided_at"].isoformat(),
            "is_demo": row["is_demo"],
        }
        for row in Dossier.objects.filter(
            status=DossierStatus.RETAINED, decided_at__gte=start, decided_at__lt=end
        )
        .order_by("decided_at", "reference")
        .values(
            "reference",
            "title",
            "organisation__name",
            "phase__call__short_title",
            "decided_at",
            "is_demo",
        )
    ]
    upcoming = [
        {"call": p.call.short_title, "phase": p.title, "closes_at": p.closes_at.isoformat()}
        for p in Phase.objects.select_related("call").filter(closes_at__gte=end)
    ]
    return {
        "phases": rows,
        "retained": retained,
        "retained_in_pdf": retained[:RETAINED_IN_PDF],
        "retained_beyond_pdf": max(0, len(retained) - RETAINED_IN_PDF),
        "upcoming": upcoming,
    }


def sheet(data):
    """The detail the PDF summarises: every dossier retained within the period."""
    header = [
        _("Référence"),
        _("Titre"),
        _("Organisation"),
        _("Appel"),
        _("Retenu le"),
        _("Donnée de démonstration"),
    ]
    rows = [
        [
            item["reference"],
            item["title"],
            item["organisation"],
            item["call"],
            timezone.localtime(datetime.fromisoformat(item["decided_at"])).date(),
            bool(item.get("is_demo")),  # a column of its own: a demo title may say so already
        ]
        for item in data.get("retained", [])
    ]
    return _("AMI — retenus"), header, rows
