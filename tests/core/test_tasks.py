import time

import pytest
from django.db import transaction

from core.models import WorkerHeartbeat
from core.services import heartbeat_request


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_task_enqueued_after_commit_runs_on_the_real_worker(celery_worker):
    with transaction.atomic():
        heartbeat_request(name="ci-check")
        # Nothing is sent before the commit: the worker must not see a half-written row.
        assert WorkerHeartbeat.objects.get(name="ci-check").answered_at is None
    deadline = time.monotonic() + 30
    beat = WorkerHeartbeat.objects.get(name="ci-check")
    while beat.answered_at is None and time.monotonic() < deadline:
        time.sleep(0.2)
        beat.refresh_from_db()
    assert beat.answered_at is not None, "the worker never answered"
    assert beat.answered_at >= beat.requested_at


@pytest.mark.django_db(transaction=True)
def test_in_the_embedded_default_the_task_runs_inline_after_commit():
    with transaction.atomic():
        heartbeat_request(name="inline")
        assert WorkerHeartbeat.objects.get(name="inline").answered_at is None
    assert WorkerHeartbeat.objects.get(name="inline").answered_at is not None
