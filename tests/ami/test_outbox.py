"""A broken broker never loses a submission: the outbox sends the receipt once it is back."""

import time

from django.core import mail

from ami.services import dossier_submit
from core.models import OutboxMessage
from core.outbox import outbox_drain


def test_a_submission_succeeds_quickly_with_the_broker_down_and_the_receipt_follows_when_it_is_back(
    draft_a, holder_a, broker_down
):
    began = time.monotonic()
    with broker_down():
        version = dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    elapsed = time.monotonic() - began
    draft_a.refresh_from_db()
    assert draft_a.status == "submitted" and version.pk
    assert elapsed < 10, f"the submission took {elapsed:.1f}s with the broker down"
    pending = OutboxMessage.objects.get(kind="ami.receipt")
    assert pending.sent_at is None
    assert mail.outbox == []

    assert outbox_drain() >= 1  # what the periodic job does once the broker is back
    pending.refresh_from_db()
    assert pending.sent_at is not None
    assert [m.to for m in mail.outbox if "Accusé de réception" in m.subject] == [[holder_a.email]]


def test_a_failing_follow_up_is_retried_later_and_never_dropped(draft_a, holder_a, settings):
    settings.EMAIL_BACKEND = "tests.ami.failing_mail.Backend"
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    outbox_drain()
    message = OutboxMessage.objects.get(kind="ami.receipt")
    assert message.sent_at is None and message.attempts == 1 and "SMTP" in message.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message.available_at = message.created_at  # the back-off has elapsed
    message.save()
    outbox_drain()
    message.refresh_from_db()
    assert message.sent_at is not None
