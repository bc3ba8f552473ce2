from core.tasking import portal_task
from partners.models import Convention
from partners.selectors import convention_obligations
from partners.services import obligation_notices_send


@portal_task(time_limit=300)
def send_obligation_notices():
    obligation_notices_send(
        conventions=Convention.objects.filter(notification_date__isnull=False),
        obligations_of=convention_obligations,
    )
