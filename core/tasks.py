"""Celery tasks of the ground floor: thin, with time limits; the work is in services."""

import socket

from celery import Task, shared_task

from core.outbox import outbox_drain
from core.retention import retention_apply
from core.services import export_build, export_fail, exports_sweep, heartbeat_answer


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=3,
    time_limit=30,
    soft_time_limit=20,
)
def heartbeat(name="worker"):
    heartbeat_answer(name=name, answered_by=socket.gethostname())


# Beat sends this every few seconds; a drain that waited longer than that in the queue
# is dropped (``expires`` in the schedule), the next one does the work.
@shared_task(acks_late=True, time_limit=300, soft_time_limit=270)
def drain_outbox():
    return outbox_drain()


class _ExportTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        export_fail(export_pk=args[0], reason=repr(exc))


# The lease (core.services.EXPORT_LEASE, 15 min) outlasts the time limit: a running export
# is never taken up by the sweep while its first worker may still finish it.
@shared_task(
    base=_ExportTask,
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=30,
    max_retries=2,
    time_limit=600,
    soft_time_limit=570,
)
def build_export(export_pk):
    export_build(export_pk=export_pk)


@shared_task(acks_late=True, time_limit=120, soft_time_limit=100)
def sweep_exports():
    return exports_sweep()


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=60,
    max_retries=3,
    time_limit=1800,
    soft_time_limit=1740,
)
def apply_retention():
    """Nightly: announce, then delete, what has outlived its retention period."""
    return retention_apply()
