"""The outbox: the one way follow-up work leaves a write.

A service calls ``outbox_enqueue(kind, **payload)`` inside its own transaction:
the message exists if and only if the change that needs it was committed. A
request never talks to the broker. Workers drain the outbox (Celery beat runs
``core.tasks.drain_outbox`` every few seconds; on the embedded default
``manage.py run_outbox`` does it beside the web server): each message is
claimed by a conditional update, so two drains never run it twice, then its
handler runs. A handler that fails is retried later with a growing delay; a
worker killed mid-handler leaves the claim to expire and the message is taken
up again. Handlers must therefore be idempotent (at-least-once delivery).

Handlers live in each app's ``outbox_handlers.py``, registered with
``@outbox_handler(kind)``; heavy work is handed to a Celery task that claims
its own object (see ``actionplan.tasks.generate_report``).
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from core.models import OutboxMessage

logger = logging.getLogger(__name__)
_HANDLERS = {}
MAX_ATTEMPTS = 8
CLAIM_LEASE = timedelta(minutes=5)


def outbox_handler(kind):
    def register(function):
        if _HANDLERS.get(kind, function) is not function:
            raise ValueError(f"outbox: {kind!r} already has a handler")
        _HANDLERS[kind] = function
        return function

    return register


def discover_handlers():
    autodiscover_modules("outbox_handlers")


def outbox_enqueue(kind, *, delay=None, **payload):
    """Record follow-up work in the caller's transaction; a worker runs it after commit."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("outbox_enqueue must be called inside the transaction of the change")
    return OutboxMessage.objects.create(
        kind=kind, payload=payload, available_at=timezone.now() + (delay or timedelta(0))
    )


def _claim_next():
    """Take the oldest due message, or None. The claim is a conditional update: of two
    drains reading the same row, only one moves its ``available_at``."""
    now = timezone.now()
    due = OutboxMessage.objects.filter(
        sent_at__isnull=True, available_at__lte=now, attempts__lt=MAX_ATTEMPTS
    ).order_by("available_at", "pk")
    for candidate in due.values("pk", "available_at")[:10]:
        claimed = OutboxMessage.objects.filter(
            pk=candidate["pk"], available_at=candidate["available_at"], sent_at__isnull=True
        ).update(available_at=now + CLAIM_LEASE, attempts=F("attempts") + 1)
        if claimed:
            return OutboxMessage.objects.get(pk=candidate["pk"])
    return None


def _deliver(message):
    handler = _HANDLERS.get(message.kind)
    try:
        if handler is None:
            raise LookupError(f"no outbox handler for {message.kind}")
        with transaction.atomic():
            handler(**message.payload)
    except Exception as error:
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        message.available_at = timezone.now() + timedelta(minutes=2**message.attempts)
        message.save(update_fields=["last_error", "available_at"])
        logger.exception("outbox message %s (%s) failed", message.pk, message.kind)
        return False
    message.sent_at = timezone.now()
    message.save(update_fields=["sent_at"])
    return True


def outbox_drain(*, limit=200):
    """Run what is due; returns how many messages were handled successfully."""
    discover_handlers()
    handled = 0
    for _round in range(limit):
        message = _claim_next()
        if message is None:
            break
        handled += _deliver(message)
    return handled


def outbox_pending():
    return OutboxMessage.objects.filter(sent_at__isnull=True)
