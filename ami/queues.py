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
    ExpressionWrapper,
    F,
    FilteredRelation,
    Q,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ami.models import DossierStatus

S = DossierStatus
# With the Region (not with the holder, not decided): what can be new, mine or overdue.
WITH_THE_REGION = (S.SUBMITTED, S.UNDER_REVIEW)
_NEVER = datetime(2000, 1, 1, tzinfo=UTC)


def _new(user, now):
    return Q(status=S.SUBMITTED)


def _mine(user, now):
    return Q(instructor=user, status__in=WITH_THE_REGION)


def _to_evaluate(user, now):
    # ``my_evaluation``: this officer's evaluation of the dossier, joined (one per reviewer).
    return Q(status=S.UNDER_REVIEW) & ~Q(my_evaluation__completed=True)


def _unread(user, now):
    """Something the holder did (a message, a submission) since this officer last opened the
    dossier — on the dossiers they instruct or have opened before (``my_seen``, joined)."""
    followed = Q(instructor=user) | Q(my_seen__isnull=False)
    return followed & Q(holder_activity_at__gt=Coalesce(F("my_seen__seen_at"), Value(_NEVER)))


def _returned(user, now):
    return Q(status=S.RETURNED)


def _overdue(user, now):
    return Q(
        status__in=WITH_THE_REGION,
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


def with_due(dossiers, user):
    """The dossiers with what the queues read: the instant their instruction falls overdue
    (``instruction_due``: ``INSTRUCTION_TARGET_DAYS`` after the first submission, net of the
    time with the holder), and this officer's last opening and evaluation, joined on unique
    keys (one row per dossier), so that every queue is counted in a single pass."""
    target = timedelta(days=settings.INSTRUCTION_TARGET_DAYS)
    return dossiers.annotate(
        my_seen=FilteredRelation("seen_by", condition=Q(seen_by__user=user)),
        my_evaluation=FilteredRelation("evaluations", condition=Q(evaluations__reviewer=user)),
        instruction_due=ExpressionWrapper(
            Coalesce(F("clock_started_at"), F("submitted_at"))
            + F("clock_paused_total")
            + Value(target),
            output_field=DateTimeField(),
        ),
    )


def in_queue(dossiers, code, *, user, now):
    queue = BY_CODE.get(code)
    if queue is None:
        return dossiers
    return with_due(dossiers, user).filter(queue.condition(user, now))


def queue_counts(dossiers, *, user, now) -> dict[str, int]:
    """How many dossiers each queue holds, in one query."""
    return with_due(dossiers, user).aggregate(
        **{queue.code: Count("pk", filter=queue.condition(user, now)) for queue in QUEUES}
    )
