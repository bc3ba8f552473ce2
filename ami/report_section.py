"""The AMI section of the quarterly report."""

from django.utils import timezone

from actionplan.reports import report_section
from ami.models import Dossier, DossierStatus, Phase


@report_section("ami")
def ami_section(period_start, period_end):
    phases = list(Phase.objects.select_related("call").order_by("call__position", "number"))
    if not Dossier.objects.exists():
        return None
    rows = []
    for phase in phases:
        counts = dict.fromkeys(DossierStatus.values, 0)
        for status in Dossier.objects.filter(
            phase=phase, created_at__date__lte=period_end
        ).values_list("status", flat=True):
            counts[status] += 1
        rows.append(
            {
                "call": phase.call.short_title,
                "phase": phase.title,
                "counts": [[str(DossierStatus(s).label), n] for s, n in counts.items()],
                "closes_at": phase.closes_at.isoformat() if phase.closes_at else None,
                "deadline_wording": phase.deadline_wording,
            }
        )
    retained = [
        {
            "reference": d.reference,
            "title": d.title,
            "organisation": d.organisation.name,
            "call": d.phase.call.short_title,
        }
        for d in Dossier.objects.filter(status=DossierStatus.RETAINED).select_related(
            "organisation", "phase__call"
        )
    ]
    upcoming = [
        {"call": p.call.short_title, "phase": p.title, "closes_at": p.closes_at.isoformat()}
        for p in phases
        if p.closes_at and p.closes_at > timezone.now()
    ]
    return {"phases": rows, "retained": retained, "upcoming": upcoming}
