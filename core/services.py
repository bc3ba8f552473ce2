from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import acting_as
from core.models import DataFlag, WorkerHeartbeat


@transaction.atomic
def data_flag_resolve(*, actor, data_flag, status, resolution):
    """An officer confirms or dismisses a point raised by the sources, saying why."""
    if status == DataFlag.Status.OPEN:
        raise ValidationError({"status": _("Choisissez « Confirmé » ou « Écarté ».")})
    if not resolution.strip():
        raise ValidationError({"resolution": _("Expliquez la décision.")})
    with acting_as(actor):
        data_flag.status = status
        data_flag.resolution = resolution.strip()
        data_flag.resolved_by = actor
        data_flag.resolved_at = timezone.now()
        data_flag.full_clean()
        data_flag.save()
    return data_flag


def heartbeat_request(*, name="worker"):
    """Ask a worker to answer once the current transaction has committed."""
    from core.tasks import heartbeat

    beat, _created = WorkerHeartbeat.objects.get_or_create(name=name)
    beat.requested_at = timezone.now()
    beat.save(update_fields=["requested_at"])
    transaction.on_commit(lambda: heartbeat.delay(name))
    return beat


def heartbeat_answer(*, name, answered_by):
    beat, _created = WorkerHeartbeat.objects.get_or_create(name=name)
    beat.answered_at = timezone.now()
    beat.answered_by = answered_by
    beat.save(update_fields=["answered_at", "answered_by"])
    return beat
