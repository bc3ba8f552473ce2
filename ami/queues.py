"""The officers' work queue: what needs them, as a table that the list's tabs, their counts and
the home panel all read. Each queue is a condition on the dossiers an officer may read; the
counts of every queue come from one query (conditional counts), whatever the number of dossiers.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.permissions import OFFICER_ROLES
from ami.models import DossierMessage, DossierSeen, DossierStatus, DossierVersion, Evaluation

S = DossierStatus
IN_INSTRUCTION = (S.SUBMITTED, S.UNDER_REVIEW)
_NEVER = datetime(2000, 1, 1, tzinfo=UTC)


def _new(user, now):
    return Q(status=S.SUBMITTED)


def _mine(user, now):
    return Q(instructor=user, status__in=IN_INSTRUCTION)


def _to_evaluate(user, now):
    mine_done = Evaluation.objects.filter(dossier=OuterRef("pk"), reviewer=user, completed=True)
    return Q(status=S.UNDER_REVIEW) & ~Q(Exists(mine_done))


def _unread(user, now):
    """Something the holder did (a message, a new version) since this officer last opened the
    dossier — on the dossiers they instruct or have opened before."""
    seen = DossierSeen.objects.filter(dossier=OuterRef(OuterRef("pk")), user=user)
    since = Coalesce(Subquery(seen.values("seen_at")[:1]), Value(_NEVER))
    holder_message = DossierMessage.objects.filter(
        dossier=OuterRef("pk"), created_at__gt=since
    ).exclude(author__role__in=OFFICER_ROLES)
    new_version = DossierVersion.objects.filter(dossier=OuterRef("pk"), submitted_at__gt=since)
    followed = Q(instructor=user) | Q(
        Exists(DossierSeen.objects.filter(dossier=OuterRef("pk"), user=user))
    )
    return followed & (Q(Exists(holder_message)) | Q(Exists(new_version)))


def _returned(user, now):
    return Q(status=S.RETURNED)


def _overdue(user, now):
    return Q(
        status__in=IN_INSTRUCTION,
        clock_paused_since__isnull=True,
        instruction_due__lt=now,
    )


@dataclass(frozen=True)
class Queue:
    code: str
    label: Promise
    condition: Callable


QUEUES = [
    Queue("new", _("Nouveaux"), _new),
    Queue("mine", _("Mes dossiers à instruire"), _mine),
    Queue("evaluation", _("En attente de mon évaluation"), _to_evaluate),
    Queue("unread", _("Nouveautés"), _unread),
    Queue("returned", _("Chez le porteur"), _returned),
    Queue("overdue", _("En retard"), _overdue),
]
BY_CODE = {queue.code: queue for queue in QUEUES}


def with_due(dossiers):
    """The dossiers with the instant their instruction falls overdue (``instruction_due``):
    ``INSTRUCTION_TARGET_DAYS`` after the first submission, net of the time with the holder."""
    target = timedelta(days=settings.INSTRUCTION_TARGET_DAYS)
    return dossiers.annotate(
        instruction_due=ExpressionWrapper(
            Coalesce(F("clock_started_at"), F("submitted_at"))
            + F("clock_paused_total")
            + Value(target),
            output_field=DateTimeField(),
        )
    )


def in_queue(dossiers, code, *, user, now):
    queue = BY_CODE.get(code)
    if queue is None:
        return dossiers
    return with_due(dossiers).filter(queue.condition(user, now))


def queue_counts(dossiers, *, user, now) -> dict[str, int]:
    """How many dossiers each queue holds, in one query."""
    return with_due(dossiers).aggregate(
        **{queue.code: Count("pk", filter=queue.condition(user, now)) for queue in QUEUES}
    )
