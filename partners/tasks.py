from celery import shared_task

from partners.models import Convention
from partners.selectors import convention_obligations
from partners.services import obligation_notices_send


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=3,
    time_limit=300,
    soft_time_limit=270,
)
def send_obligation_notices():
    obligation_notices_send(
        conventions=Convention.objects.filter(notification_date__isnull=False),
        obligations_of=convention_obligations,
    )
