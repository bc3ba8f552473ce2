import socket

from celery import shared_task

from core.services import heartbeat_answer


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


@shared_task(acks_late=True, time_limit=300, soft_time_limit=270)
def drain_outbox():
    from core.outbox import outbox_drain

    outbox_drain()
