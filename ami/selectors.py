from django.db.models import Count, Q

from ami.models import Call, Dossier, DossierStatus, Phase
from ami.permissions import can_view_dossier
from core.security import refuse_as_not_found
from partners.permissions import is_officer

SUBMITTED_STATES = [s for s in DossierStatus.values if s != DossierStatus.DRAFT]


def call_list_public():
    return Call.objects.prefetch_related("phases").order_by("position")


def call_get(code):
    call = (
        Call.objects.prefetch_related("phases", "criteria", "questions").filter(code=code).first()
    )
    if call is None:
        from django.http import Http404

        raise Http404
    return call


def dossier_list_for_user(user):
    dossiers = Dossier.objects.select_related("phase__call", "organisation", "instructor")
    if is_officer(user):
        return dossiers.exclude(evaluations__reviewer=user, evaluations__conflict_of_interest=True)
    return dossiers.filter(organisation__memberships__user=user)


def dossier_get_for_user(user, pk):
    dossier = Dossier.objects.select_related("phase__call", "organisation").filter(pk=pk).first()
    if dossier is None or not can_view_dossier(user, dossier):
        refuse_as_not_found(user, "dossier", pk)
    return dossier


def dossier_filter(
    dossiers, *, call=None, phase=None, status=None, kind=None, territory=None, instructor=None
):
    if call:
        dossiers = dossiers.filter(phase__call__code=call)
    if phase:
        dossiers = dossiers.filter(phase_id=phase)
    if status:
        dossiers = dossiers.filter(status=status)
    if kind:
        dossiers = dossiers.filter(organisation__kind=kind)
    if territory:
        dossiers = dossiers.filter(territory=territory)
    if instructor:
        dossiers = dossiers.filter(instructor_id=instructor)
    return dossiers


def retained_series(*, counts_for_phase_of_call):
    """Dated running count of retained dossiers of the phases that feed an indicator."""
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    dossiers = Dossier.objects.filter(
        phase__call__code=counts_for_phase_of_call,
        phase__counts_for_indicator=True,
        status=DossierStatus.RETAINED,
    )
    content_type = ContentType.objects.get_for_model(Dossier)
    retained_on = {}
    for entry in LogEntry.objects.filter(
        content_type=content_type,
        object_id__in=dossiers.values("pk"),
        additional_data__event="retain",
    ).order_by("timestamp"):
        retained_on.setdefault(entry.object_id, entry.timestamp.date())
    days = sorted(retained_on.values())
    series = []
    for count, day in enumerate(days, start=1):
        if series and series[-1][0] == day:
            series[-1] = (day, count, None)
        else:
            series.append((day, count, None))
    return series


def phase_ranking(phase, *, hide_conflicts_of=None):
    """Dossiers of a phase with their consolidated score (mean of the reviewers' weighted scores),
    without those on which ``hide_conflicts_of`` declared a conflict of interest."""
    from ami.services import consolidated_score

    dossiers = list(
        Dossier.objects.filter(phase=phase, status__in=SUBMITTED_STATES)
        .select_related("organisation")
        .prefetch_related("evaluations__scores__criterion")
    )
    if hide_conflicts_of is not None:
        dossiers = [
            dossier
            for dossier in dossiers
            if not any(
                e.reviewer_id == hide_conflicts_of.pk and e.conflict_of_interest
                for e in dossier.evaluations.all()
            )
        ]
    ranked = [(dossier, consolidated_score(dossier)) for dossier in dossiers]
    return sorted(ranked, key=lambda item: (item[1] is None, -(item[1] or 0)))


def dossier_counts_by_phase():
    return (
        Phase.objects.select_related("call")
        .annotate(
            drafts=Count("dossiers", filter=Q(dossiers__status=DossierStatus.DRAFT)),
            submitted=Count("dossiers", filter=~Q(dossiers__status=DossierStatus.DRAFT)),
            retained=Count("dossiers", filter=Q(dossiers__status=DossierStatus.RETAINED)),
        )
        .order_by("call__position", "number")
    )
