"""Celery tasks of the ground floor: thin, with time limits; the work is in services."""

import socket

from core.outbox import outbox_drain
from core.retention import retention_apply
from core.services import export_build, export_fail, exports_sweep, heartbeat_answer
from core.tasking import PortalTask, portal_task


@portal_task(time_limit=30)
def heartbeat(name="worker"):
    heartbeat_answer(name=name, answered_by=socket.gethostname())


# Beat sends this every few seconds; a drain that waited longer than that in the queue
# is dropped (``expires`` in the schedule), the next one does the work.
@portal_task(time_limit=300, retries=0)
def drain_outbox():
    return outbox_drain()


class _ExportTask(PortalTask):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        export_fail(export_pk=args[0], reason=repr(exc))


# The lease (core.services.EXPORT_LEASE, 15 min) outlasts the time limit: a running export
# is never taken up by the sweep while its first worker may still finish it.
@portal_task(time_limit=600, retries=2, backoff=30, base=_ExportTask, queue="exports")
def build_export(export_pk):
    export_build(export_pk=export_pk)


@portal_task(time_limit=120, retries=0)
def sweep_exports():
    return exports_sweep()


@portal_task(time_limit=1800, backoff=60)
def apply_retention():
    """Nightly: announce, then delete, what has outlived its retention period."""
    return retention_apply()
