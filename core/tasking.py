"""The portal's Celery tasks, one way: ``@portal_task(time_limit=…, queue=…)``.

Every task is acknowledged late (a task lost with its worker is delivered again, so each is
idempotent), has a hard time limit and a soft one a little before it (the task may clean up),
and is retried with a growing delay when it fails, ``retries`` times (0 for the periodic jobs,
whose next run is the retry). Tasks take primary keys and call one service.

Heavy work has a queue of its own (``QUEUES``), so that a batch of renders or imports never
delays the outbox drain, which sends the e-mails: a receipt goes out within seconds whatever
the other queues hold. Queue names derive from the default queue (``CELERY_QUEUE``,
``portal``): ``portal``, ``portal.reports``, ``portal.exports``… A worker serves one queue or
several (``celery worker -Q portal,portal.reports``); ``docker-compose.yml`` runs one per queue.
"""

from __future__ import annotations

from typing import Any

from celery import Task, current_app, shared_task

DEFAULT_QUEUE = "portal"
# What each queue carries; the README's table of workers is read from here.
QUEUES: dict[str, str] = {
    DEFAULT_QUEUE: "the outbox drain and the e-mails it sends, light periodic jobs",
    "reports": "renders of the quarterly and on-demand reports (WeasyPrint)",
    "exports": "exports built in the background",
    "imports": "file imports: measurements, laboratory results",
    "estimates": "computations over many objects: statuses and forecasts of the indicators",
}
_QUEUE_OF: dict[str, str] = {}


class PortalTask(Task):
    acks_late = True
    reject_on_worker_lost = True


def _known(queue: str) -> str:
    if queue not in QUEUES:
        raise ValueError(f"unknown queue {queue!r}: add it to core.tasking.QUEUES")
    return queue


def queue_name(queue: str) -> str:
    """The broker's name of one of ``QUEUES``: the default queue, or ``<default>.<queue>``.

    >>> queue_name("portal"), queue_name("reports")  # with CELERY_QUEUE unset
    ('portal', 'portal.reports')
    """
    _known(queue)
    default = current_app.conf.task_default_queue
    return default if queue == DEFAULT_QUEUE else f"{default}.{queue}"


def route_task(name: str, args: Any, kwargs: Any, options: Any, task: Any = None, **extra: Any):
    """The Celery router (``CELERY_TASK_ROUTES``): each portal task to its queue."""
    queue = _QUEUE_OF.get(name)
    return None if queue is None else {"queue": queue_name(queue)}


def portal_task(
    *,
    time_limit: int,
    retries: int = 3,
    backoff: int | bool = True,
    base: type = PortalTask,
    queue: str = DEFAULT_QUEUE,
) -> Any:
    """``time_limit`` in seconds; the soft limit comes a tenth earlier (at least 10 s)."""
    _known(queue)
    options: dict[str, Any] = {
        "base": base,
        "time_limit": time_limit,
        "soft_time_limit": time_limit - max(10, time_limit // 10),
    }
    if retries:
        options.update(autoretry_for=(Exception,), retry_backoff=backoff, max_retries=retries)
    register = shared_task(**options)

    def decorate(function: Any) -> Any:
        _QUEUE_OF[f"{function.__module__}.{function.__name__}"] = queue
        return register(function)

    return decorate
