from collections import defaultdict

from django.db import connection
from django.db.models import Count, Max, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Organisation
from accounts.permissions import is_expert, is_holder, is_officer
from ami.models import (
    Call,
    Dossier,
    DossierMessage,
    DossierSeen,
    DossierStatus,
    DossierVersion,
    Evaluation,
    ExpertRequest,
    Phase,
)
from ami.permissions import IN_INSTRUCTION, can_list_dossiers, can_view_dossier
from core.security import refuse_as_not_found
from core.versioned_cache import remember

# The cache's name for the dossiers (see core.versioned_cache): every service that writes a
# dossier or an evaluation says so, and the counts and rankings below are read again.
DOSSIERS = "ami.dossiers"
SUBMITTED_STATES = [s for s in DossierStatus.values if s != DossierStatus.DRAFT]


def call_list_public():
    return Call.objects.prefetch_related("phases").order_by("position")


def call_get(code):
    call = (
        Call.objects.prefetch_related("phases", "criteria", "questions", "statements")
        .filter(code=code)
        .first()
    )
    if call is None:
        raise Http404
    return call


def dossier_list_for_user(user):
    dossiers = Dossier.objects.select_related("phase__call", "organisation", "instructor")
    if is_officer(user):
        return dossiers.exclude(status=DossierStatus.DRAFT).exclude(pk__in=conflicts_of(user))
    if is_expert(user):
        asked = ExpertRequest.objects.filter(expert=user, answered_at__isnull=True)
        return dossiers.filter(pk__in=asked.values("dossier_id"), status__in=IN_INSTRUCTION)
    return dossiers.filter(organisation__memberships__user=user)


def conflicts_of(user):
    """The dossiers on which ``user`` declared a conflict of interest (one evaluation saying
    both: not any evaluation by them and any conflict by someone else)."""
    return Evaluation.objects.filter(reviewer=user, conflict_of_interest=True).values("dossier_id")


def dossier_get_for_user(user, pk):
    dossier = (
        Dossier.objects.select_related("phase__call", "organisation", "instructor")
        .filter(pk=pk)
        .first()
    )
    if dossier is None or not can_view_dossier(user, dossier):
        refuse_as_not_found(user, "dossier", pk)
    return dossier


def dossier_filter(
    dossiers,
    *,
    call=None,
    phase=None,
    status=None,
    kind=None,
    territory=None,
    instructor=None,
    queue=None,
    search=None,
    user=None,
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
    if queue and user is not None:
        from ami.queues import in_queue

        dossiers = in_queue(dossiers, queue, user=user, now=timezone.now())
    if search:
        dossiers = dossier_search(dossiers, search)
    return dossiers


def dossier_search(dossiers, text):
    """Dossiers by reference, title, holder or SIRET/SIREN: PostgreSQL's French full-text
    search on the title and holder's name, a plain search elsewhere; the reference and the
    identifier (SIRET, SIREN or RNA, spaces ignored) by their beginning (« AMI-2026 », « 5288 »)."""
    text = text.strip()
    compact = text.replace(" ", "").replace("\xa0", "")  # « 528 827 264 » as SIRENE prints it
    exact = Q(reference__istartswith=text)
    if len(compact) >= 4:
        exact |= Q(organisation__identifier__istartswith=compact)
    # The holder by name through the organisations (a small table), then their dossiers by index.
    holders = Organisation.objects.filter(name__icontains=text).values("pk")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        # The same expression as the index ami.0012 creates, in a subquery of its own so that
        # it reads the index (inside an OR with the other tests, every row would be parsed).
        titled = (
            Dossier.objects.annotate(search_document=SearchVector("title", config="french"))
            .filter(search_document=SearchQuery(text, config="french", search_type="websearch"))
            .values("pk")
        )
        return dossiers.filter(exact | Q(pk__in=titled) | Q(organisation__in=holders))
    return dossiers.filter(exact | Q(title__icontains=text) | Q(organisation__in=holders))


def work_queue(user, *, fresh=False):
    """The officer's queues with their counts (one query), for the list's tabs and the home.

    Remembered per version of the dossiers (every write, a holder's message included, moves
    it), per officer and their last opening of a dossier, and per hour (« en retard » moves
    with the clock): one counting query over every dossier is not paid on every page."""
    from ami.queues import QUEUES, queue_counts

    now = timezone.now()

    def count():
        return queue_counts(
            dossier_list_for_user(user).exclude(status=DossierStatus.DRAFT), user=user, now=now
        )

    if fresh:
        counts = count()
    else:
        last_seen = DossierSeen.objects.filter(user=user).aggregate(last=Max("seen_at"))["last"]
        hour = now.strftime("%Y%m%d%H")
        counts = remember(DOSSIERS, f"work-queue:{user.pk}:{last_seen}:{hour}", count)
    return [(queue, counts[queue.code]) for queue in QUEUES]


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
    """The phase's submitted dossiers as two querysets: those with a consolidated score (the
    mean of the reviewers' weighted scores, kept on the dossier), best first, and those no
    reviewer has completed yet. Dossiers on which ``hide_conflicts_of`` declared a conflict
    of interest are left out."""
    dossiers = (
        Dossier.objects.filter(phase=phase, status__in=SUBMITTED_STATES)
        .select_related("organisation")
        .only("pk", "reference", "title", "status", "consolidated_score", "organisation__name")
    )
    if hide_conflicts_of is not None:
        dossiers = dossiers.exclude(pk__in=conflicts_of(hide_conflicts_of))
    ranked = dossiers.filter(consolidated_score__isnull=False).order_by(
        "-consolidated_score", "reference"
    )
    unevaluated = dossiers.filter(consolidated_score__isnull=True).order_by("reference")
    return ranked, unevaluated


def dossier_counts_by_phase():
    """Each phase with its numbers of drafts, submitted and retained dossiers.

    Counted per (phase, status) over the dossiers' (phase, status) index alone, once per
    change of the dossiers (see core.versioned_cache)."""
    counts = defaultdict(dict)
    for phase_id, status, number in remember(
        DOSSIERS,
        "phase-status-counts",
        lambda: list(
            Dossier.objects.order_by()
            .values_list("phase_id", "status")
            .annotate(number=Count("pk"))
            .values_list("phase_id", "status", "number")
        ),
    ):
        counts[phase_id][status] = number
    phases = list(Phase.objects.select_related("call").order_by("call__position", "number"))
    for phase in phases:
        by_status = counts[phase.pk]
        phase.drafts = by_status.get(DossierStatus.DRAFT, 0)
        phase.submitted = sum(by_status.values()) - phase.drafts
        phase.retained = by_status.get(DossierStatus.RETAINED, 0)
    return phases


def phase_counts_public() -> dict[int, dict[str, int]]:
    """Each phase's numbers of submitted and retained dossiers, by phase: aggregates only,
    what the public pages may show (the calls promise the confidentiality of every dossier)."""
    return {
        phase.pk: {"submitted": phase.submitted, "retained": phase.retained}
        for phase in dossier_counts_by_phase()
    }


def calls_public_panel(user) -> dict:
    """The public home's panel: the calls, their phases and deadlines, and counts only."""
    counts = phase_counts_public()
    calls = list(call_list_public())
    for call in calls:
        for phase in call.phases.all():
            phase.public_counts = counts.get(phase.pk, {"submitted": 0, "retained": 0})
    return {"calls": calls, "now": timezone.now()}


def expert_home_panel(user):
    if not is_expert(user):
        return None
    return {
        "requests": list(
            ExpertRequest.objects.filter(
                expert=user, answered_at__isnull=True, dossier__status__in=IN_INSTRUCTION
            )
            .select_related("dossier")
            .order_by("due_on", "pk")[:50]
        )
    }


def holder_home_panel(user):
    return {} if is_holder(user) else None


def officer_home_panel(user):
    if not can_list_dossiers(user) or not is_officer(user):
        return {} if can_list_dossiers(user) else None
    return {"work_queue": work_queue(user)}


def dossier_by_reference(phase, reference):
    """A dossier of the phase by the reference its holder quotes (for an extension)."""
    return Dossier.objects.filter(phase=phase, reference=reference.strip().upper()).first()


def criteria_for(phase):
    """The call's criteria that apply to this phase (those of every phase and its own)."""
    return phase.call.criteria.filter(
        Q(phase_number__isnull=True) | Q(phase_number=phase.number)
    ).order_by("position")


# What the calls hold about a person (« Mes données »), and the drafts past their retention
# period (registered in ami.apps into core.registry.personal_data and retention_rules).

KEEPS_ACCOUNT = gettext_lazy(
    "vous avez déposé un dossier : il est conservé, avec le nom de qui l'a déposé, comme pièce "
    "de l'appel à manifestation d'intérêt"
)


def personal_data_export(user):
    return {
        "dossiers_crees": [
            {
                "reference": d.reference,
                "titre": d.title,
                "statut": str(d.get_status_display()),
                "cree_le": d.created_at.isoformat(),
            }
            for d in Dossier.objects.filter(created_by=user).order_by("pk")
        ],
        "depots": [
            {
                "reference": v.dossier.reference,
                "version": v.number,
                "depose_le": v.submitted_at.isoformat(),
                "empreinte_sha256": v.content_sha256,
            }
            for v in DossierVersion.objects.filter(submitted_by=user).select_related("dossier")
        ],
        "messages": [
            {"reference": m.dossier.reference, "date": m.created_at.isoformat(), "texte": m.body}
            for m in DossierMessage.objects.filter(author=user).select_related("dossier")
        ],
    }


def keeps_account(user):
    submitted = DossierVersion.objects.filter(submitted_by=user).exists() or (
        Dossier.objects.filter(created_by=user).exclude(status=DossierStatus.DRAFT).exists()
    )
    return KEEPS_ACCOUNT if submitted else None


def expired_drafts(cutoff):
    """Drafts never submitted, untouched since ``cutoff``, in a phase closed before it."""
    return (
        Dossier.objects.filter(status=DossierStatus.DRAFT, last_saved_at__lt=cutoff)
        .filter(Q(phase__closes_at__lt=cutoff) | Q(phase__closes_at__isnull=True))
        .filter(versions__isnull=True)
        .select_related("organisation")
    )


def draft_recipients(dossier):
    return list(
        dossier.organisation.memberships.filter(user__is_active=True).values_list(
            "user__email", flat=True
        )
    )


def describe_draft(dossier):
    return _("le brouillon « %(title)s » (%(reference)s)") % {
        "title": dossier.title,
        "reference": dossier.reference,
    }
