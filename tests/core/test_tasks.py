import time

import pytest
from django.db import transaction

from config.celery import app
from core.models import OutboxMessage, WorkerHeartbeat
from core.outbox import outbox_drain
from core.services import heartbeat_request
from core.tasking import PortalTask
from core.tasks import drain_outbox


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_follow_up_work_written_with_a_change_runs_on_the_real_worker(celery_worker):
    with transaction.atomic():
        heartbeat_request(name="ci-check")
        # Nothing runs before the commit: the worker must not see a half-written row.
        assert WorkerHeartbeat.objects.get(name="ci-check").answered_at is None
    drain_outbox.delay()  # what beat sends every few seconds
    deadline = time.monotonic() + 30
    beat = WorkerHeartbeat.objects.get(name="ci-check")
    while beat.answered_at is None and time.monotonic() < deadline:
        time.sleep(0.2)
        beat.refresh_from_db()
    assert beat.answered_at is not None, "the worker never answered"
    assert beat.answered_at >= beat.requested_at


@pytest.mark.django_db(transaction=True)
def test_a_write_waits_in_the_outbox_until_a_worker_drains_it_once():
    heartbeat_request(name="inline")
    assert WorkerHeartbeat.objects.get(name="inline").answered_at is None
    assert outbox_drain() == 1
    assert WorkerHeartbeat.objects.get(name="inline").answered_at is not None
    assert outbox_drain() == 0  # already done: a second drain finds nothing
    assert OutboxMessage.objects.get().sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_follow_up_work_cannot_be_recorded_outside_the_transaction_of_its_change():
    from core.outbox import outbox_enqueue

    with pytest.raises(RuntimeError):
        outbox_enqueue("core.heartbeat", name="orphan")
    assert not OutboxMessage.objects.exists()


def test_every_task_of_the_portal_comes_from_the_one_base_with_its_limits():
    app.loader.import_default_modules()
    ours = [t for name, t in app.tasks.items() if not name.startswith("celery.")]
    assert len(ours) >= 15
    for task in ours:
        assert isinstance(task, PortalTask), task.name
        assert task.acks_late and task.time_limit and task.soft_time_limit < task.time_limit
