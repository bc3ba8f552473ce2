"""The outbox: follow-up work stored in the database with the change that causes it.

``outbox_enqueue`` is called inside the caller's transaction; ``outbox_kick``
asks a worker to drain soon (and shrugs if the broker is down); the periodic
job ``core.tasks.drain_outbox`` drains anyway. Handlers must be idempotent:
a message is marked sent only after its handler returns.
"""

import logging
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)
_HANDLERS = {}
MAX_ATTEMPTS = 8


def outbox_handler(kind):
    def register(function):
        _HANDLERS[kind] = function
        return function

    return register


def outbox_enqueue(kind, **payload):
    from core.models import OutboxMessage

    message = OutboxMessage.objects.create(kind=kind, payload=payload, available_at=timezone.now())
    transaction.on_commit(outbox_kick)
    return message


def outbox_kick():
    from core.tasks import drain_outbox

    try:
        drain_outbox.apply_async(retry=False)
    except Exception as error:  # the broker is down: the periodic job will drain later
        logger.warning(
            "outbox: could not reach the broker (%s); the periodic job will send later", error
        )


def outbox_drain(*, limit=100):
    """Send what is due; returns how many messages were handled."""
    from django.utils.module_loading import autodiscover_modules

    from core.models import OutboxMessage

    autodiscover_modules("outbox_handlers")
    handled = 0
    for _round in range(limit):
        with transaction.atomic():
            pending = OutboxMessage.objects.filter(
                sent_at__isnull=True, available_at__lte=timezone.now(), attempts__lt=MAX_ATTEMPTS
            ).order_by("available_at", "pk")
            if connection.features.has_select_for_update_skip_locked:
                pending = pending.select_for_update(skip_locked=True)
            message = pending.first()
            if message is None:
                break
            handler = _HANDLERS.get(message.kind)
            try:
                if handler is None:
                    raise LookupError(f"no outbox handler for {message.kind}")
                with transaction.atomic():
                    handler(**message.payload)
            except Exception as error:
                message.attempts += 1
                message.last_error = f"{type(error).__name__}: {error}"[:2000]
                message.available_at = timezone.now() + timedelta(minutes=2**message.attempts)
                message.save(update_fields=["attempts", "last_error", "available_at"])
                logger.exception("outbox message %s failed", message.pk)
                continue
            message.sent_at = timezone.now()
            message.attempts += 1
            message.save(update_fields=["sent_at", "attempts"])
            handled += 1
    return handled
