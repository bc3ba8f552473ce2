"""The portal's Celery tasks, one way: ``@portal_task(time_limit=…)``.

Every task is acknowledged late (a task lost with its worker is delivered again, so each is
idempotent), has a hard time limit and a soft one a little before it (the task may clean up),
and is retried with a growing delay when it fails, ``retries`` times (0 for the periodic jobs,
whose next run is the retry). Tasks take primary keys and call one service.
"""

from __future__ import annotations

from typing import Any

from celery import Task, shared_task


class PortalTask(Task):
    acks_late = True
    reject_on_worker_lost = True


def portal_task(
    *, time_limit: int, retries: int = 3, backoff: int | bool = True, base: type = PortalTask
) -> Any:
    """``time_limit`` in seconds; the soft limit comes a tenth earlier (at least 10 s)."""
    options: dict[str, Any] = {
        "base": base,
        "time_limit": time_limit,
        "soft_time_limit": time_limit - max(10, time_limit // 10),
    }
    if retries:
        options.update(autoretry_for=(Exception,), retry_backoff=backoff, max_retries=retries)
    return shared_task(**options)
